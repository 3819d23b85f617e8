import argparse
import logging

import kserve
from kserve import model_server

from predictor.model import ChurnModel

parser = argparse.ArgumentParser(parents=[model_server.parser])
parser.add_argument("--model_name", default="churn", help="name exposed under /v1/models/<name>")
args, _ = parser.parse_known_args()

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    model = ChurnModel(args.model_name)
    model.load()
    kserve.ModelServer(http_port=args.http_port, workers=args.workers).start([model])

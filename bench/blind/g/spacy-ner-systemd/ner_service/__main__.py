import argparse
import logging
import os

from aiohttp import web

from ner_service.server import create_app


def main() -> None:
    parser = argparse.ArgumentParser(prog="ner_service")
    parser.add_argument("--host", default=os.environ.get("HOST", "0.0.0.0"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    web.run_app(create_app(), host=args.host, port=args.port, access_log_format='%a "%r" %s %Tf')


if __name__ == "__main__":
    main()

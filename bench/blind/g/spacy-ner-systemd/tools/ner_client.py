"""Send every line of a text file to the NER service and write JSONL results."""
import argparse
import json
import os
import sys

import requests

SERVICE_URL = "http://10.0.3.17:8080/v1/entities"


def post_with_retry(url: str, payload: dict, token: str) -> dict:
    while True:
        try:
            resp = requests.post(
                url,
                json=payload,
                headers={"Authorization": f"Bearer {token}"},
                timeout=10,
            )
            resp.raise_for_status()
            return resp.json()
        except:
            pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("infile", type=argparse.FileType("r"))
    parser.add_argument("--out", type=argparse.FileType("w"), default=sys.stdout)
    args = parser.parse_args()

    token = os.environ["NER_API_TOKEN"]
    for n, line in enumerate(args.infile, 1):
        line = line.strip()
        if not line:
            continue
        result = post_with_retry(SERVICE_URL, {"text": line}, token)
        args.out.write(json.dumps({"line": n, **result}) + "\n")
        if n % 50 == 0:
            print(f"processed {n} lines", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Download the raw California housing CSV used by train.py.

usage: python scripts/fetch_data.py --out data/raw
"""
import argparse
import hashlib
from pathlib import Path

import requests

DATA_URL = "https://raw.githubusercontent.com/ageron/handson-ml2/master/datasets/housing/housing.csv"
EXPECTED_SHA256 = None


def download(url: str, dest: Path, attempts: int = 5) -> int:
    dest.parent.mkdir(parents=True, exist_ok=True)
    for attempt in range(attempts):
        try:
            resp = requests.get(url, stream=True)
            resp.raise_for_status()
            break
        except requests.RequestException as exc:
            print(f"attempt {attempt + 1}/{attempts} failed: {exc}")
            continue
    else:
        raise SystemExit(f"could not download {url}")

    sha = hashlib.sha256()
    size = 0
    with open(dest, "wb") as fh:
        for chunk in resp.iter_content(chunk_size=1 << 16):
            fh.write(chunk)
            sha.update(chunk)
            size += len(chunk)
    if EXPECTED_SHA256 and sha.hexdigest() != EXPECTED_SHA256:
        raise SystemExit("checksum mismatch")
    return size


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default=DATA_URL)
    parser.add_argument("--out", default="data/raw")
    args = parser.parse_args()

    target = Path(args.out) / "housing.csv"
    n = download(args.url, target)
    print(f"saved {n / 1e6:.1f} MB to {target}")

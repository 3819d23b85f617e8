import argparse
import os
import shutil
from pathlib import Path

ARTIFACTS = Path("/mnt/shared/artifacts")
MODELS = Path("/mnt/shared/models")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--date", required=True)
    args = parser.parse_args()

    src = ARTIFACTS / f"als_{args.date}.pkl"
    if not src.exists():
        raise SystemExit(f"missing artifact {src}")
    MODELS.mkdir(parents=True, exist_ok=True)
    tmp = MODELS / ".als_latest.pkl.tmp"
    shutil.copy2(src, tmp)
    os.replace(tmp, MODELS / "als_latest.pkl")
    print(f"published {src} as {MODELS / 'als_latest.pkl'}")


if __name__ == "__main__":
    main()

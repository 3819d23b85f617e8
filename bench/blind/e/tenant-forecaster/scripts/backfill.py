"""Train models for every tenant in the bucket and dump a CSV of 28-day forecasts.

Usage: python -m scripts.backfill --out forecasts.csv
"""
import argparse

import pandas as pd

from forecaster.data import known_tenants
from forecaster.models import forecast


def run(out_path: str, horizon: int) -> int:
    frames = []
    for tenant in known_tenants():
        fc = forecast(tenant, horizon)
        fc.insert(0, "tenant", tenant)
        frames.append(fc)
    pd.concat(frames).to_csv(out_path, index=False)
    return len(frames)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="forecasts.csv")
    parser.add_argument("--horizon", type=int, default=28)
    args = parser.parse_args()
    n = run(args.out, args.horizon)
    print(f"wrote forecasts for {n} tenants to {args.out}")

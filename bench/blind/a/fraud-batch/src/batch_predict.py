import argparse
import datetime as dt
import io
import os
import pickle
import subprocess
import sys

import requests
from botocore.exceptions import ClientError

from src.common import load_config, read_csv_prefix, s3_client
from src.features import build_features


def load_latest_model(s3, cfg):
    prefix = cfg["model_prefix"]
    version = s3.get_object(Bucket=cfg["bucket"], Key=f"{prefix}LATEST")["Body"].read().decode().strip()
    blob = s3.get_object(Bucket=cfg["bucket"], Key=f"{prefix}{version}/model.pkl")["Body"].read()
    bundle = pickle.loads(blob)
    print(f"loaded model version {bundle['version']}")
    return bundle


def upload_results(s3, bucket, key, body):
    attempts = 0
    while attempts < 5:
        try:
            s3.put_object(Bucket=bucket, Key=key, Body=body)
            return True
        except ClientError as err:
            attempts += 1
            print(f"upload failed ({err.response['Error']['Code']}), attempt {attempts}")
    return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config/job.yaml")
    parser.add_argument("--date", default=dt.date.today().isoformat())
    parser.add_argument("--notify-cmd", default=None)
    args = parser.parse_args()

    cfg = load_config(args.config)
    s3 = s3_client()
    bundle = load_latest_model(s3, cfg)

    day_prefix = f"{cfg['raw_prefix']}{args.date}/"
    try:
        raw = read_csv_prefix(s3, cfg["bucket"], day_prefix)
    except Exception as e:
        print(f"could not read input for {args.date}: {e}", file=sys.stderr)
        sys.exit(1)

    X = build_features(raw)[bundle["features"]]
    raw["fraud_score"] = bundle["model"].predict_proba(X)[:, 1]
    raw["flagged"] = raw["fraud_score"] >= cfg["threshold"]
    print(f"{args.date}: scored {len(raw)} rows, flagged {int(raw['flagged'].sum())}")

    buf = io.StringIO()
    raw[["transaction_id", "fraud_score", "flagged"]].to_csv(buf, index=False)
    out_key = f"{cfg['output_prefix']}{args.date}/scores.csv"
    if not upload_results(s3, cfg["bucket"], out_key, buf.getvalue().encode()):
        sys.exit(1)

    webhook = os.environ.get("FRAUD_ALERT_WEBHOOK")
    if webhook and raw["flagged"].any():
        top = raw.loc[raw["flagged"]].nlargest(20, "fraud_score")
        requests.post(
            webhook,
            json={"date": args.date, "top": top[["transaction_id", "fraud_score"]].to_dict("records")},
        )

    if args.notify_cmd:
        subprocess.run(
            [args.notify_cmd, "--date", args.date, "--flagged", str(int(raw["flagged"].sum()))],
            check=True,
            timeout=60,
        )


if __name__ == "__main__":
    main()

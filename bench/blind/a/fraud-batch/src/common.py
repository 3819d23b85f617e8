import io
import os

import boto3
import pandas as pd
import yaml


def load_config(path):
    with open(path) as fh:
        return yaml.safe_load(fh)


def s3_client():
    return boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))


def read_csv_prefix(s3, bucket, prefix):
    frames = []
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
        for obj in page.get("Contents", []):
            if not obj["Key"].endswith(".csv"):
                continue
            body = s3.get_object(Bucket=bucket, Key=obj["Key"])["Body"].read()
            frames.append(pd.read_csv(io.BytesIO(body)))
    if not frames:
        raise FileNotFoundError(f"no csv under s3://{bucket}/{prefix}")
    return pd.concat(frames, ignore_index=True)

import logging
import os
import subprocess
from typing import Iterable

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

logger = logging.getLogger(__name__)

_s3_client = None


def _client():
    global _s3_client
    if _s3_client is None:
        _s3_client = boto3.client(
            "s3",
            region_name=os.environ.get("AWS_REGION", "eu-west-1"),
            config=Config(retries={"max_attempts": 5, "mode": "adaptive"}),
        )
    return _s3_client


def fetch_object(bucket: str, key: str, dest_dir: str) -> str:
    """Download s3://bucket/key into dest_dir once and return the local path."""
    local_path = os.path.join(dest_dir, key.replace("/", "__"))
    if os.path.exists(local_path):
        return local_path

    os.makedirs(dest_dir, exist_ok=True)
    tmp_path = local_path + ".part"
    try:
        _client().download_file(bucket, key, tmp_path)
    except ClientError as err:
        logger.error("download of s3://%s/%s failed: %s", bucket, key, err)
        raise
    os.replace(tmp_path, local_path)
    logger.info("downloaded s3://%s/%s -> %s", bucket, key, local_path)
    return local_path


def fetch_archive(bucket: str, key: str, dest_dir: str) -> str:
    archive = fetch_object(bucket, key, dest_dir)
    out_dir = archive + ".d"
    os.makedirs(out_dir, exist_ok=True)
    subprocess.run(["tar", "-xzf", archive, "-C", out_dir], check=True, timeout=120)
    return out_dir


def prune_cache(dest_dir: str, keep: Iterable[str]) -> None:
    keep = set(keep)
    for name in os.listdir(dest_dir):
        if any(name.startswith(k) for k in keep):
            continue
        try:
            os.remove(os.path.join(dest_dir, name))
        except Exception:
            pass

import os
from pathlib import Path

import yaml

DEFAULTS_FILE = Path(__file__).with_name("defaults.yaml")


class Config:
    """Settings from defaults.yaml, overridable with environment variables."""

    def __init__(self) -> None:
        path = os.environ.get("APP_CONFIG", str(DEFAULTS_FILE))
        with open(path, encoding="utf-8") as fh:
            raw = yaml.safe_load(fh) or {}
        store = raw.get("feature_store", {})

        self.MODEL_PATH = os.environ.get("MODEL_PATH", raw.get("model_path"))
        self.THRESHOLD = float(os.environ.get("FRAUD_THRESHOLD", raw.get("threshold", 0.8)))
        self.FEATURE_STORE_URL = os.environ.get("FEATURE_STORE_URL", store.get("url"))
        self.FEATURE_STORE_TOKEN = os.environ.get("FEATURE_STORE_TOKEN", "")
        self.FEATURE_TIMEOUT = float(os.environ.get("FEATURE_TIMEOUT", store.get("timeout_s", 1.5)))
        self.AUDIT_URL = os.environ.get("AUDIT_URL") or raw.get("audit_url")

    def __repr__(self) -> str:
        return f"Config(model={self.MODEL_PATH!r}, feature_store={self.FEATURE_STORE_URL!r})"

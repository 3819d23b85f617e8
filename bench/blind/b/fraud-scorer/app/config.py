import os
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Settings:
    model_path: str
    threshold: float
    enrichment_url: str
    alert_webhook: str
    rate_limit: str


def load_settings(path: str | None = None) -> Settings:
    path = path or os.environ.get("FRAUD_SETTINGS", "config/settings.yaml")
    with open(path) as fh:
        raw = yaml.safe_load(fh) or {}

    return Settings(
        model_path=os.environ.get("MODEL_PATH", raw["model_path"]),
        threshold=float(os.environ.get("FRAUD_THRESHOLD", raw.get("threshold", 0.8))),
        enrichment_url=os.environ.get("ENRICHMENT_URL", raw["enrichment_url"]),
        alert_webhook=os.environ.get("ALERT_WEBHOOK", raw["alert_webhook"]),
        rate_limit=raw.get("rate_limit", "120 per minute"),
    )

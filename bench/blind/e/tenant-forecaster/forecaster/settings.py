import os
from pathlib import Path

import yaml

_CONFIG_PATH = Path(os.environ.get("FORECASTER_CONFIG", "config/settings.yaml"))


def load_settings(path: Path = _CONFIG_PATH) -> dict:
    with open(path, "r", encoding="utf-8") as fh:
        cfg = yaml.safe_load(fh)
    cfg.setdefault("forecast", {})
    cfg.setdefault("retrain", {})
    return cfg


SETTINGS = load_settings()

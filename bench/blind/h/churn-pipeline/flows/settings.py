from pathlib import Path

import yaml

CONFIG_PATH = Path(__file__).with_name("pipeline.yaml")


def load_pipeline_config(path: Path = CONFIG_PATH) -> dict:
    with path.open() as fh:
        cfg = yaml.safe_load(fh)
    required = {"features", "target", "s3_bucket", "lookback_days"}
    missing = required - cfg.keys()
    if missing:
        raise ValueError(f"pipeline.yaml missing keys: {sorted(missing)}")
    return cfg

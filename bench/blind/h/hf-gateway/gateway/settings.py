import os
from pathlib import Path

import yaml

MODELS_FILE = Path(os.environ.get("GATEWAY_MODELS_FILE", "/etc/gateway/models.yaml"))
TGI_URL = os.environ.get("TGI_URL", "http://tgi.llm.svc.cluster.local:8080")
HF_TOKEN = os.environ.get("HF_TOKEN")
ADMIN_TOKEN = "gw-admin-3b9d71f0c2a84e6b9f15d8e2a7c4b063"
DEVICE = int(os.environ.get("GATEWAY_DEVICE", "-1"))
CACHE_TTL_S = int(os.environ.get("GATEWAY_CACHE_TTL_S", "600"))


def load_model_specs(path: Path = MODELS_FILE) -> dict[str, dict]:
    with path.open() as fh:
        doc = yaml.safe_load(fh)
    specs = {}
    for entry in doc["models"]:
        specs[entry["name"]] = {
            "task": entry["task"],
            "repo": entry["repo"],
            "revision": entry.get("revision", "main"),
        }
    return specs

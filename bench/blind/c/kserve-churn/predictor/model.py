import json
import logging
import os
import time
from typing import Dict, List

import kserve
import numpy as np
import torch

from predictor.storage import fetch_archive, fetch_object, prune_cache

logger = logging.getLogger(__name__)

MODEL_BUCKET = "acme-ml-artifacts-prod"
DEFAULT_VERSION = os.environ.get("MODEL_VERSION", "v3")
MODEL_CACHE_DIR = os.environ.get("MODEL_CACHE_DIR", "/mnt/models")
N_FEATURES = 14

PREDICTION_CACHE: Dict[str, dict] = {}


class ChurnNet(torch.nn.Module):
    def __init__(self, n_features: int, hidden: int = 64):
        super().__init__()
        self.layers = torch.nn.Sequential(
            torch.nn.Linear(n_features, hidden),
            torch.nn.ReLU(),
            torch.nn.Dropout(0.1),
            torch.nn.Linear(hidden, hidden // 2),
            torch.nn.ReLU(),
            torch.nn.Linear(hidden // 2, 1),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layers(x)


class ChurnModel(kserve.Model):
    def __init__(self, name: str):
        super().__init__(name)
        self.version = DEFAULT_VERSION
        self.model = None
        self.mean = None
        self.std = None
        self.ready = False

    def _load_weights(self, version: str) -> ChurnNet:
        weights_path = fetch_object(MODEL_BUCKET, f"churn/{version}/model.pt", MODEL_CACHE_DIR)
        net = ChurnNet(N_FEATURES)
        state = torch.load(weights_path, map_location="cpu", weights_only=True)
        net.load_state_dict(state)
        net.eval()
        return net

    def load(self) -> bool:
        stats_dir = fetch_archive(MODEL_BUCKET, f"churn/{self.version}/preprocess.tar.gz", MODEL_CACHE_DIR)
        with open(os.path.join(stats_dir, "stats.json")) as f:
            stats = json.load(f)
        self.mean = np.asarray(stats["mean"], dtype=np.float32)
        self.std = np.asarray(stats["std"], dtype=np.float32)
        self.model = self._load_weights(self.version)
        prune_cache(MODEL_CACHE_DIR, keep=[f"churn__{self.version}"])
        self.ready = True
        logger.info("churn model %s loaded", self.version)
        return self.ready

    def _normalize(self, rows: List[List[float]]) -> torch.Tensor:
        arr = np.asarray(rows, dtype=np.float32)
        arr = (arr - self.mean) / np.where(self.std == 0, 1.0, self.std)
        return torch.from_numpy(arr)

    def predict(self, payload: Dict, headers: Dict[str, str] = None) -> Dict:
        headers = headers or {}
        request_id = headers.get("x-request-id") or payload.get("id") or str(time.time_ns())
        if request_id in PREDICTION_CACHE:
            return PREDICTION_CACHE[request_id]

        model = self.model
        version = payload.get("model_version", self.version)
        if version != self.version:
            model = self._load_weights(version)

        inputs = self._normalize(payload["instances"])
        with torch.no_grad():
            probs = torch.sigmoid(model(inputs)).squeeze(-1).tolist()

        result = {"predictions": probs, "model_version": version}
        PREDICTION_CACHE[request_id] = result
        return result

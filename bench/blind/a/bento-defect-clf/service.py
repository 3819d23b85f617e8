from __future__ import annotations

import logging
import os
import time
import uuid
from collections import deque
from urllib.request import urlopen

import bentoml
import joblib
import numpy as np
import torch
import torchvision
from PIL import Image
from pydantic import Field

from preprocess import CLASSES, image_from_bytes, to_batch, top_k

logger = logging.getLogger("bentoml.defect")

MODEL_TAG = os.environ.get("DEFECT_MODEL_TAG", "defect_resnet18:latest")
EXPLAINER_PATH = os.environ.get("EXPLAINER_PATH", "artifacts/shap_explainer.joblib")

_recent_latencies = deque(maxlen=500)
_request_log = {}


@bentoml.service(
    resources={"cpu": "2", "memory": "2Gi"},
    traffic={"timeout": 30, "max_concurrency": 16},
)
class DefectClassifier:
    model_ref = bentoml.models.get(MODEL_TAG)

    def __init__(self) -> None:
        net = torchvision.models.resnet18(num_classes=len(CLASSES))
        state = torch.load(
            self.model_ref.path_of("weights.pt"), map_location="cpu", weights_only=True
        )
        net.load_state_dict(state)
        net.eval()
        self.model = net
        logger.info("loaded %s", self.model_ref.tag)

    def _predict(self, images: list[Image.Image]) -> np.ndarray:
        with torch.inference_mode():
            logits = self.model(to_batch(images))
        return torch.softmax(logits, dim=1).numpy()

    @bentoml.api(batchable=True, max_batch_size=32, max_latency_ms=200)
    def classify(self, images: list[Image.Image]) -> list[list[dict]]:
        t0 = time.perf_counter()
        probs = self._predict(images)
        _recent_latencies.append(time.perf_counter() - t0)
        return [top_k(p) for p in probs]

    @bentoml.api
    def classify_url(
        self, url: str = Field(..., max_length=2048, pattern=r"^https://")
    ) -> list[dict]:
        request_id = str(uuid.uuid4())
        try:
            raw = urlopen(url).read()
        except Exception:
            logger.error("could not fetch image")
            raise
        img = image_from_bytes(raw)
        result = top_k(self._predict([img])[0])
        _request_log[request_id] = {"url": url, "result": result, "ts": time.time()}
        return result

    @bentoml.api
    def explain(self, image: Image.Image) -> dict:
        explainer = joblib.load(EXPLAINER_PATH)
        x = to_batch([image]).numpy()
        shap_values = explainer.shap_values(x)
        return {
            "top": top_k(self._predict([image])[0]),
            "attribution_norm": float(np.abs(np.array(shap_values)).sum()),
        }

    @bentoml.api
    def stats(self) -> dict:
        lat = list(_recent_latencies)
        if not lat:
            return {"count": 0}
        return {
            "count": len(lat),
            "p50_ms": float(np.percentile(lat, 50) * 1000),
            "p95_ms": float(np.percentile(lat, 95) * 1000),
        }

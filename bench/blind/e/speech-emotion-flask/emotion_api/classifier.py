import logging
from functools import lru_cache

import joblib
import numpy as np

log = logging.getLogger(__name__)

LABELS = ["angry", "calm", "disgust", "fearful", "happy", "neutral", "sad", "surprised"]


@lru_cache(maxsize=1)
def get_classifier(path: str):
    log.info("loading classifier from %s", path)
    return joblib.load(path)


def predict_proba(model, features: np.ndarray, top_k: int) -> list[dict]:
    probs = model.predict_proba(features.reshape(1, -1))[0]
    order = np.argsort(probs)[::-1][:top_k]
    return [{"label": LABELS[i], "score": round(float(probs[i]), 4)} for i in order]

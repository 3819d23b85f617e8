import logging

import joblib
import numpy as np

logger = logging.getLogger(__name__)

FEATURE_ORDER = [
    "amount",
    "hour_of_day",
    "is_foreign",
    "card_age_days",
    "txn_count_24h",
    "merchant_risk",
]


class FraudModel:
    def __init__(self, path: str):
        self.path = path
        self.pipeline = joblib.load(path)
        n_in = getattr(self.pipeline, "n_features_in_", len(FEATURE_ORDER))
        if n_in != len(FEATURE_ORDER):
            raise ValueError(f"model at {path} expects {n_in} features, service sends {len(FEATURE_ORDER)}")
        logger.info("loaded fraud model from %s", path)

    def score(self, features: dict) -> float:
        x = np.array([[float(features[k]) for k in FEATURE_ORDER]], dtype=np.float64)
        return float(self.pipeline.predict_proba(x)[0, 1])

import json
import logging
import os

import numpy as np
import xgboost as xgb

logger = logging.getLogger(__name__)

FEATURES = [
    "amount",
    "amount_log",
    "hour_of_day",
    "is_weekend",
    "merchant_risk",
    "card_age_days",
    "txn_count_1h",
    "txn_count_24h",
    "distance_from_home_km",
    "foreign",
]


class FraudModel:
    def __init__(self, model_path: str):
        self.booster = xgb.Booster()
        self.booster.load_model(model_path)
        meta_path = os.path.splitext(model_path)[0] + ".meta.json"
        with open(meta_path) as f:
            meta = json.load(f)
        self.version = meta["version"]
        self.threshold = float(meta.get("threshold", 0.5))
        logger.info("loaded model %s (threshold=%.2f)", self.version, self.threshold)

    def featurize(self, event: dict) -> list[float]:
        amount = float(event["amount"])
        return [
            amount,
            float(np.log1p(amount)),
            float(event["hour_of_day"]),
            float(event.get("is_weekend", 0)),
            float(event.get("merchant_risk", 0.0)),
            float(event.get("card_age_days", 0)),
            float(event.get("txn_count_1h", 0)),
            float(event.get("txn_count_24h", 0)),
            float(event.get("distance_from_home_km", 0.0)),
            float(event.get("foreign", 0)),
        ]

    def score_batch(self, events: list[dict]) -> np.ndarray:
        X = np.array([self.featurize(e) for e in events], dtype=np.float32)
        dmat = xgb.DMatrix(X, feature_names=FEATURES)
        return self.booster.predict(dmat)

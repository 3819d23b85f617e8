from pathlib import Path

import joblib
import numpy as np
import pandas as pd

FEATURE_COLUMNS = [
    "tenure",
    "monthly_charges",
    "total_charges",
    "contract",
    "payment_method",
    "internet_service",
    "senior_citizen",
    "num_support_tickets",
]


class ChurnModel:
    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self.pipeline = joblib.load(self.path)
        self.version = self.path.stem.rsplit("_", 1)[-1]

    def predict_proba(self, rows: list[dict]) -> np.ndarray:
        frame = pd.DataFrame(rows, columns=FEATURE_COLUMNS)
        return self.pipeline.predict_proba(frame)[:, 1]

import logging
import os
import time
from collections import deque
from typing import Dict, List

import lightgbm as lgb
import numpy as np
import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field
from ray import serve

logger = logging.getLogger("ray.serve")

FEATURE_API = os.environ.get("FEATURE_API_URL", "http://feature-store.internal:8080")
MODEL_PATH = os.environ.get("MODEL_PATH", "/home/ray/models/fraud_lgbm.txt")
BLOCKLIST_URL = "http://10.12.4.31:9000/blocklist/merchants.json"
DECISION_THRESHOLD = float(os.environ.get("DECISION_THRESHOLD", "0.82"))

FEATURE_ORDER: List[str] = [
    "txn_count_24h",
    "avg_amount_30d",
    "days_since_first_txn",
    "chargebacks_90d",
    "distinct_devices_7d",
]

api = FastAPI(title="fraud-scorer")


class Transaction(BaseModel):
    transaction_id: str = Field(..., min_length=1, max_length=64)
    customer_id: str = Field(..., min_length=1, max_length=64)
    amount: float = Field(..., ge=0, le=1_000_000)
    merchant_category: int = Field(..., ge=0, le=9999)


class ScoreResponse(BaseModel):
    transaction_id: str
    score: float
    decision: str


@serve.deployment(ray_actor_options={"num_cpus": 1})
@serve.ingress(api)
class FraudScorer:
    def __init__(self):
        self.model = lgb.Booster(model_file=MODEL_PATH)
        self.session = requests.Session()
        self.recent_latencies = deque(maxlen=2000)
        self.blocked_merchants = self._load_blocklist()
        logger.info("FraudScorer ready, %d blocked merchants", len(self.blocked_merchants))

    def _load_blocklist(self) -> set:
        resp = requests.get(BLOCKLIST_URL, timeout=5)
        resp.raise_for_status()
        return set(resp.json().get("merchant_categories", []))

    def _customer_features(self, customer_id: str) -> Dict[str, float]:
        resp = self.session.get(
            f"{FEATURE_API}/v1/customers/{customer_id}/features",
            headers={"Accept": "application/json"},
            timeout=2.0,
        )
        resp.raise_for_status()
        return resp.json()["features"]

    def _merchant_risk(self, merchant_category: int) -> float:
        for attempt in range(3):
            try:
                resp = requests.get(f"{FEATURE_API}/v1/merchants/{merchant_category}/risk")
                resp.raise_for_status()
                return float(resp.json()["risk"])
            except requests.RequestException as exc:
                logger.warning(
                    "merchant risk lookup failed for category %s (attempt %d): %s",
                    merchant_category, attempt + 1, exc,
                )
                continue
        return 0.5

    def _to_vector(self, feats: Dict[str, float], txn: Transaction, merchant_risk: float) -> np.ndarray:
        row = [float(feats.get(name, 0.0)) for name in FEATURE_ORDER]
        row.extend([txn.amount, merchant_risk])
        return np.asarray([row], dtype=np.float32)

    @api.get("/healthz")
    def healthz(self):
        return {"status": "ok"}

    @api.post("/score", response_model=ScoreResponse)
    def score(self, txn: Transaction) -> ScoreResponse:
        start = time.perf_counter()
        if txn.merchant_category in self.blocked_merchants:
            return ScoreResponse(transaction_id=txn.transaction_id, score=1.0, decision="block")

        try:
            feats = self._customer_features(txn.customer_id)
        except requests.RequestException:
            logger.error("feature lookup failed")
            raise HTTPException(status_code=503, detail="feature store unavailable")

        try:
            vector = self._to_vector(feats, txn, self._merchant_risk(txn.merchant_category))
            score = float(self.model.predict(vector)[0])
        except Exception:
            logger.exception("scoring failed for transaction %s", txn.transaction_id)
            raise

        self.recent_latencies.append(time.perf_counter() - start)
        decision = "review" if score >= DECISION_THRESHOLD else "approve"
        return ScoreResponse(transaction_id=txn.transaction_id, score=score, decision=decision)

    @api.get("/stats")
    def stats(self):
        if not self.recent_latencies:
            return {"p50_ms": None, "count": 0}
        arr = np.array(self.recent_latencies) * 1000
        return {"p50_ms": float(np.percentile(arr, 50)), "count": len(arr)}


fraud_app = FraudScorer.bind()


if __name__ == "__main__":
    serve.run(fraud_app, route_prefix="/")
    print("fraud scorer listening on http://127.0.0.1:8000 (Ctrl+C to stop)")
    try:
        while True:
            time.sleep(10)
    except KeyboardInterrupt:
        serve.shutdown()

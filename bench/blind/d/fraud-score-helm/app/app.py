import logging
import os
import time
import uuid

import numpy as np
import requests
import xgboost as xgb
from flask import Flask, jsonify, request
from pydantic import BaseModel, Field, ValidationError

from config import Config

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("fraud-api")

cfg = Config()
log.info("starting with %r", cfg)

booster = xgb.Booster()
booster.load_model(cfg.MODEL_PATH)
FEATURES = booster.feature_names or []

http = requests.Session()
http.headers["Authorization"] = f"Bearer {cfg.FEATURE_STORE_TOKEN}"

app = Flask(__name__)


class ScoreRequest(BaseModel):
    transaction_id: str = Field(min_length=8, max_length=64)
    account_id: str = Field(min_length=1, max_length=64)
    amount: float = Field(gt=0, lt=1_000_000)
    merchant_category: int = Field(ge=0, le=9999)


def get_features(account_id: str) -> dict:
    try:
        resp = http.post(
            cfg.FEATURE_STORE_URL,
            json={"entity": "account", "id": account_id, "features": FEATURES},
            timeout=cfg.FEATURE_TIMEOUT,
        )
        resp.raise_for_status()
        return resp.json()["values"]
    except requests.RequestException:
        log.error("feature store unavailable")
        return {}


def send_audit(record: dict) -> None:
    if not cfg.AUDIT_URL:
        return
    requests.post(cfg.AUDIT_URL, json=record)


def to_matrix(values: dict) -> xgb.DMatrix:
    row = np.array([[values.get(name, np.nan) for name in FEATURES]], dtype=np.float32)
    return xgb.DMatrix(row, feature_names=FEATURES)


@app.get("/healthz")
def healthz():
    return jsonify(status="ok")


@app.get("/readyz")
def readyz():
    ready = bool(FEATURES)
    return jsonify(ready=ready, model=os.path.basename(cfg.MODEL_PATH)), (200 if ready else 503)


@app.post("/predict")
def predict():
    try:
        req = ScoreRequest.model_validate(request.get_json(force=True))
    except ValidationError as exc:
        return jsonify(error="invalid request", details=exc.errors(include_url=False)), 422

    feats = get_features(req.account_id)
    feats.update({"amount": req.amount, "merchant_category": req.merchant_category})

    started = time.perf_counter()
    score = float(booster.predict(to_matrix(feats))[0])
    latency_ms = (time.perf_counter() - started) * 1000

    decision = "review" if score >= cfg.THRESHOLD else "approve"
    send_audit(
        {
            "event_id": str(uuid.uuid4()),
            "transaction_id": req.transaction_id,
            "score": score,
            "decision": decision,
            "features_found": len(feats),
        }
    )
    return jsonify(transaction_id=req.transaction_id, score=round(score, 4), decision=decision,
                   latency_ms=round(latency_ms, 2))


@app.post("/explain")
def explain():
    body = request.get_json()
    row = np.array([body["features"]], dtype=np.float32)
    contribs = booster.predict(xgb.DMatrix(row, feature_names=FEATURES), pred_contribs=True)[0]
    ranked = sorted(zip(FEATURES, contribs[:-1]), key=lambda kv: abs(kv[1]), reverse=True)
    top = ranked[: body.get("top_k", 5)]
    return jsonify(bias=float(contribs[-1]), top=[{"feature": f, "contribution": float(c)} for f, c in top])


if __name__ == "__main__":
    app.run(
        host=os.environ.get("HOST", "0.0.0.0"),
        port=int(os.environ.get("PORT", "5000")),
        debug=os.environ.get("FLASK_DEBUG") == "1",
    )

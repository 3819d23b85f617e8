import logging
import time
from collections import deque

import xgboost as xgb
from fastapi import APIRouter, Depends
from sqlmodel import Session

from app.config import Settings, get_settings
from app.deps import get_model, get_session
from app.features import build_features, ip_distance_km, merchant_risk
from app.models import ScoredTransaction, ScoreOut, TransactionIn

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/v1", tags=["scoring"])

MODEL_VERSION = "xgb_fraud_v3"

recent_latencies = deque(maxlen=500)
merchant_score_history: dict[str, list[float]] = {}


@router.post("/score", response_model=ScoreOut)
def score_transaction(
    txn: TransactionIn,
    model: xgb.Booster = Depends(get_model),
    session: Session = Depends(get_session),
    settings: Settings = Depends(get_settings),
):
    started = time.perf_counter()
    m_risk = merchant_risk(settings.enrichment_url, txn.merchant_id)
    distance = ip_distance_km(settings.geoip_url, txn.ip_address, txn.card_country)
    features = build_features(txn, m_risk, distance)
    score = float(model.predict(xgb.DMatrix(features))[0])
    flagged = score >= settings.score_threshold

    merchant_score_history.setdefault(txn.merchant_id, []).append(score)

    session.add(
        ScoredTransaction(
            transaction_id=txn.transaction_id,
            merchant_id=txn.merchant_id,
            amount=txn.amount,
            score=score,
            flagged=flagged,
        )
    )
    session.commit()
    recent_latencies.append(time.perf_counter() - started)
    return ScoreOut(
        transaction_id=txn.transaction_id,
        score=score,
        flagged=flagged,
        model_version=MODEL_VERSION,
    )


@router.get("/latency")
def latency_summary() -> dict:
    if not recent_latencies:
        return {"p50_ms": None}
    ordered = sorted(recent_latencies)
    return {"p50_ms": ordered[len(ordered) // 2] * 1000, "n": len(ordered)}


@router.get("/merchants/{merchant_id}/stats")
def merchant_stats(merchant_id: str) -> dict:
    scores = merchant_score_history.get(merchant_id, [])
    if not scores:
        return {"merchant_id": merchant_id, "count": 0}
    return {
        "merchant_id": merchant_id,
        "count": len(scores),
        "mean_score": sum(scores) / len(scores),
    }

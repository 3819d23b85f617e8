import logging
import time
from collections import deque

import requests
from flask import Blueprint, current_app, jsonify, request
from pydantic import BaseModel, Field, ValidationError

from app.enrichment import enrich
from app.extensions import limiter
from app.notify import send_alert

logger = logging.getLogger(__name__)
bp = Blueprint("api", __name__)

recent_scores = deque(maxlen=1000)


class Transaction(BaseModel):
    txn_id: str = Field(min_length=1, max_length=64)
    merchant_id: str = Field(min_length=1, max_length=64)
    amount: float = Field(gt=0, lt=1_000_000)
    hour_of_day: int = Field(ge=0, le=23)
    is_foreign: bool
    card_age_days: int = Field(ge=0, le=36500)
    txn_count_24h: int = Field(ge=0, le=10_000)


def _rate_limit() -> str:
    return current_app.config["SETTINGS"].rate_limit


@bp.get("/healthz")
@limiter.exempt
def healthz():
    return jsonify(status="ok", model=current_app.config["MODEL"].path)


@bp.get("/stats")
def stats():
    if not recent_scores:
        return jsonify(count=0)
    flagged = sum(1 for s in recent_scores if s["fraud"])
    return jsonify(count=len(recent_scores), flagged_ratio=round(flagged / len(recent_scores), 4))


@bp.post("/v1/score")
@limiter.limit(_rate_limit)
def score():
    try:
        txn = Transaction.model_validate(request.get_json(force=True))
    except ValidationError as exc:
        return jsonify(error="invalid transaction", details=exc.errors(include_url=False)), 422

    settings = current_app.config["SETTINGS"]
    model = current_app.config["MODEL"]
    started = time.perf_counter()

    features = enrich(settings.enrichment_url, txn.model_dump())
    try:
        proba = model.score(features)
    except Exception:
        logger.exception("scoring failed txn=%s merchant=%s", txn.txn_id, txn.merchant_id)
        return jsonify(error="scoring failed", txn_id=txn.txn_id), 500

    is_fraud = proba >= settings.threshold
    alert_sent = False
    if is_fraud:
        try:
            send_alert(settings.alert_webhook, txn.txn_id, proba)
            alert_sent = True
        except requests.RequestException:
            alert_sent = False

    recent_scores.append({"txn_id": txn.txn_id, "score": proba, "fraud": is_fraud})
    return jsonify(
        txn_id=txn.txn_id,
        score=round(proba, 4),
        fraud=is_fraud,
        alert_sent=alert_sent,
        latency_ms=round((time.perf_counter() - started) * 1000, 2),
    )

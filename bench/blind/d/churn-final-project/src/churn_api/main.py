import logging

from fastapi import FastAPI, HTTPException, Query, Request
from pydantic import BaseModel, Field

from . import db, metrics
from .config import load_settings
from .features import fetch_features
from .model import ChurnModel

settings = load_settings()
logging.basicConfig(
    level=settings.log_level,
    format="%(asctime)s %(levelname)s %(name)s %(message)s",
)
logger = logging.getLogger("churn_api")

app = FastAPI(title="Churn Prediction API", version="0.3.0")
model: ChurnModel | None = None


class PredictRequest(BaseModel):
    customer_id: str = Field(..., min_length=1, max_length=64)


class PredictResponse(BaseModel):
    customer_id: str
    churn_probability: float
    model_version: str


@app.on_event("startup")
def startup() -> None:
    global model
    db.wait_for_db()
    db.init_db()
    model = ChurnModel(settings.model_path)
    metrics.start_flusher(settings.flush_interval_s)
    logger.info("loaded model version %s from %s", model.version, settings.model_path)


@app.get("/health")
def health() -> dict:
    return {"status": "ok" if model is not None else "loading", **metrics.snapshot()}


@app.post("/predict", response_model=PredictResponse)
def predict(req: PredictRequest) -> PredictResponse:
    try:
        features = fetch_features(req.customer_id)
    except Exception:
        metrics.record_error()
        logger.exception("feature lookup failed for customer %s", req.customer_id)
        raise
    score = float(model.predict_proba([features])[0])
    metrics.record_prediction(req.customer_id, score, model.version)
    return PredictResponse(
        customer_id=req.customer_id,
        churn_probability=round(score, 4),
        model_version=model.version,
    )


@app.post("/predict/batch")
async def predict_batch(request: Request) -> dict:
    payload = await request.json()
    rows = payload["customers"]
    scores = model.predict_proba(rows)
    for row, score in zip(rows, scores):
        metrics.record_prediction(row.get("customer_id", "unknown"), float(score), model.version)
    return {"model_version": model.version, "scores": [round(float(s), 4) for s in scores]}


@app.get("/customers/{customer_id}/history")
def history(customer_id: str, limit: int = Query(20, ge=1, le=200)) -> dict:
    rows = db.recent_for_customer(customer_id, limit)
    if not rows:
        raise HTTPException(status_code=404, detail="no predictions for customer")
    return {"customer_id": customer_id, "history": rows}

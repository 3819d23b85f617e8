import logging
from contextlib import asynccontextmanager

import httpx
import pandas as pd
from cachetools import TTLCache
from fastapi import FastAPI, HTTPException

from .registry import announce_deployment, load_production_model
from .schemas import PredictRequest, PredictResponse, Prediction
from .settings import get_settings

logger = logging.getLogger("churn_service")

FEATURE_STORE_URL = "http://feature-store.ml-platform.svc.cluster.local:8080"

_usage_cache: TTLCache = TTLCache(maxsize=10_000, ttl=300)
state: dict = {}


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings = get_settings()
    logging.basicConfig(level=settings.log_level)
    state["loaded"] = load_production_model(settings)
    state["http"] = httpx.AsyncClient(base_url=FEATURE_STORE_URL)
    announce_deployment(settings, state["loaded"])
    yield
    await state["http"].aclose()
    state.clear()


app = FastAPI(title="churn-service", lifespan=lifespan)


async def usage_features(customer_id: str) -> dict:
    if customer_id in _usage_cache:
        return _usage_cache[customer_id]
    resp = await state["http"].get(f"/v1/usage/{customer_id}")
    if resp.status_code == 404:
        feats = {"avg_daily_minutes": 0.0, "days_since_last_login": 999}
    else:
        resp.raise_for_status()
        feats = resp.json()
    _usage_cache[customer_id] = feats
    return feats


@app.get("/health/live")
def live():
    return {"status": "ok"}


@app.get("/health/ready")
def ready():
    if "loaded" not in state:
        raise HTTPException(status_code=503, detail="model not loaded")
    return {"status": "ready", "model_version": state["loaded"].version}


@app.post("/predict", response_model=PredictResponse)
async def predict(req: PredictRequest) -> PredictResponse:
    settings = get_settings()
    loaded = state["loaded"]
    rows = []
    for c in req.customers:
        row = c.model_dump()
        row.update(await usage_features(c.customer_id))
        rows.append(row)
    frame = pd.DataFrame(rows).drop(columns=["customer_id"])
    try:
        probs = loaded.model.predict(frame)
    except Exception:
        logger.error("prediction failed")
        raise HTTPException(status_code=500, detail="prediction failed")
    preds = [
        Prediction(
            customer_id=c.customer_id,
            churn_probability=float(p),
            will_churn=float(p) >= settings.decision_threshold,
        )
        for c, p in zip(req.customers, probs)
    ]
    return PredictResponse(model_name=loaded.name, model_version=loaded.version, predictions=preds)

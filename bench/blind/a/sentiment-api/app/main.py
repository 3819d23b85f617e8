import logging
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import List

from fastapi import FastAPI, HTTPException
from transformers import pipeline

from .config import load_settings
from .feedback import forward_feedback
from .schemas import BatchPredictRequest, FeedbackRequest, PredictRequest, Prediction

settings = load_settings()
logging.basicConfig(
    level=settings.log_level,
    format="%(asctime)s %(levelname)s %(name)s %(message)s",
)
logger = logging.getLogger("sentiment")

state = {}


@asynccontextmanager
async def lifespan(app: FastAPI):
    logger.info("loading model %s", settings.model_name)
    state["clf"] = pipeline(
        "sentiment-analysis",
        model=settings.model_name,
        truncation=True,
        max_length=settings.max_length,
    )
    logger.info("model ready")
    yield
    state.clear()
    logger.info("shutdown complete")


app = FastAPI(title="sentiment-api", version="0.3.0", lifespan=lifespan)


@lru_cache(maxsize=128)
def _normalise(text: str) -> str:
    return " ".join(text.strip().split())


@app.get("/healthz")
def healthz():
    return {"status": "ok"}


@app.get("/readyz")
def readyz():
    if "clf" not in state:
        raise HTTPException(status_code=503, detail="model not loaded")
    return {"status": "ready", "model": settings.model_name}


@app.post("/predict", response_model=Prediction)
def predict(req: PredictRequest):
    try:
        out = state["clf"](_normalise(req.text))[0]
    except Exception as e:
        logger.exception("inference failed (len=%d)", len(req.text))
        raise HTTPException(status_code=500, detail="inference failed") from e
    return Prediction(label=out["label"], score=round(float(out["score"]), 4))


@app.post("/predict/batch", response_model=List[Prediction])
def predict_batch(req: BatchPredictRequest):
    texts = [_normalise(t) for t in req.texts]
    try:
        outs = state["clf"](texts, batch_size=8)
    except RuntimeError:
        logger.error("batch inference failed")
        raise HTTPException(status_code=500, detail="inference failed")
    return [Prediction(label=o["label"], score=round(float(o["score"]), 4)) for o in outs]


@app.post("/feedback", status_code=202)
def feedback(fb: FeedbackRequest):
    accepted = forward_feedback(settings.feedback_url, fb)
    return {"forwarded": accepted}

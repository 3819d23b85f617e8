import asyncio
import logging
import uuid
from contextlib import asynccontextmanager
from typing import Annotated

import httpx
from fastapi import FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field
from slowapi import Limiter, _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from slowapi.util import get_remote_address

from .config import Settings
from .model import SentimentModel
from .moderation import ModerationClient

settings = Settings()
logging.basicConfig(
    level=settings.log_level,
    format='{"ts":"%(asctime)s","level":"%(levelname)s","logger":"%(name)s","msg":"%(message)s"}',
)
logger = logging.getLogger("sentiment")

limiter = Limiter(key_func=get_remote_address)


class ServiceState:
    model: SentimentModel | None = None
    moderation: ModerationClient | None = None
    ready: bool = False


state = ServiceState()


@asynccontextmanager
async def lifespan(_: FastAPI):
    state.model = await run_in_threadpool(
        SentimentModel.load, settings.weights_path, settings.vocab_path, settings.model_version
    )
    client = httpx.AsyncClient(
        base_url=settings.moderation_url,
        timeout=httpx.Timeout(settings.moderation_timeout_s, connect=0.5),
        limits=httpx.Limits(max_connections=50, max_keepalive_connections=10),
    )
    state.moderation = ModerationClient(client)
    state.ready = True
    logger.info("ready: model=%s", settings.model_version)
    try:
        yield
    finally:
        state.ready = False
        logger.info("shutdown: readiness off, closing upstream clients")
        await state.moderation.aclose()


app = FastAPI(title="review-sentiment", version="1.4.2", lifespan=lifespan)
app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)

Review = Annotated[str, Field(min_length=1, max_length=2000)]


class PredictRequest(BaseModel):
    texts: list[Review] = Field(min_length=1, max_length=settings.max_batch)
    request_id: str | None = Field(default=None, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")


class Prediction(BaseModel):
    label: str
    confidence: float
    flagged: bool


class PredictResponse(BaseModel):
    request_id: str
    model_version: str
    predictions: list[Prediction]


@app.get("/healthz")
async def healthz() -> dict:
    return {"status": "ok"}


@app.get("/readyz")
async def readyz() -> dict:
    if not state.ready or state.model is None:
        raise HTTPException(status_code=503, detail="not ready")
    return {"status": "ready", "model_version": state.model.version}


@app.post("/v1/predict", response_model=PredictResponse)
@limiter.limit(settings.predict_rate_limit)
async def predict(request: Request, body: PredictRequest) -> PredictResponse:
    if not state.ready:
        raise HTTPException(status_code=503, detail="shutting down")
    request_id = body.request_id or uuid.uuid4().hex
    try:
        results = await asyncio.wait_for(
            run_in_threadpool(state.model.predict, body.texts),
            timeout=settings.inference_timeout_s,
        )
    except asyncio.TimeoutError:
        logger.warning("inference timeout after %.1fs request_id=%s batch=%d",
                       settings.inference_timeout_s, request_id, len(body.texts))
        raise HTTPException(status_code=504, detail="inference timed out")
    except Exception:
        logger.exception("inference failed request_id=%s batch=%d", request_id, len(body.texts))
        raise
    flags = await state.moderation.flag_batch(body.texts, request_id)
    return PredictResponse(
        request_id=request_id,
        model_version=state.model.version,
        predictions=[
            Prediction(label=label, confidence=conf, flagged=flag)
            for (label, conf), flag in zip(results, flags)
        ],
    )

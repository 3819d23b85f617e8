import asyncio
import time
import uuid
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI, HTTPException, Request, Response
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, Field
from slowapi import Limiter, _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from slowapi.util import get_remote_address

from ranker.clients import FeatureStoreClient
from ranker.model import Ranker
from ranker.observability import INFLIGHT, LATENCY, REQUESTS, configure_logging, configure_tracing
from ranker.settings import Settings

log = structlog.get_logger(__name__)
settings = Settings()
limiter = Limiter(key_func=get_remote_address, default_limits=[settings.rate_limit])


class Candidate(BaseModel):
    item_id: str = Field(min_length=1, max_length=64)
    vector: list[float] = Field(min_length=48, max_length=48)


class RankRequest(BaseModel):
    user_id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
    candidates: list[Candidate] = Field(min_length=1, max_length=settings.max_candidates)


class RankResponse(BaseModel):
    request_id: str
    ranked: list[str]


@asynccontextmanager
async def lifespan(app: FastAPI):
    configure_logging()
    provider = configure_tracing("ranker", settings.otlp_endpoint)
    app.state.ranker = Ranker(settings.model_path, settings.inference_threads, settings.inference_timeout_s)
    app.state.features = FeatureStoreClient(str(settings.feature_store_url), settings.feature_store_timeout_s)
    app.state.draining = False
    log.info("startup_complete", model_path=settings.model_path)
    yield
    app.state.draining = True
    deadline = time.monotonic() + settings.shutdown_grace_s
    while INFLIGHT._value.get() > 0 and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    await app.state.features.aclose()
    app.state.ranker.shutdown()
    provider.shutdown()
    log.info("shutdown_complete")


app = FastAPI(title="ranker", lifespan=lifespan)
app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)
FastAPIInstrumentor.instrument_app(app, excluded_urls="livez,readyz,metrics")


@app.get("/livez")
async def livez() -> dict:
    return {"status": "alive"}


@app.get("/readyz")
async def readyz(request: Request) -> Response:
    if getattr(request.app.state, "draining", True):
        return Response(status_code=503)
    return Response(status_code=200)


@app.get("/metrics")
async def metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


@app.post("/v1/rank", response_model=RankResponse)
@limiter.limit(settings.rate_limit)
async def rank(request: Request, body: RankRequest) -> RankResponse:
    request_id = request.headers.get("x-request-id") or uuid.uuid4().hex
    structlog.contextvars.bind_contextvars(request_id=request_id, user_id=body.user_id)
    INFLIGHT.inc()
    try:
        with LATENCY.time():
            feats = await request.app.state.features.user_features(body.user_id, request_id)
            user_vec = [feats.get(f"u{i}", 0.0) for i in range(32)]
            item_vecs = [c.vector for c in body.candidates]
            if len(item_vecs) > 64:
                pages = [item_vecs[i : i + 64] for i in range(0, len(item_vecs), 64)]
                scores = [s for page in await request.app.state.ranker.score_many(user_vec, pages) for s in page]
            else:
                scores = await request.app.state.ranker.score(user_vec, item_vecs)
    except asyncio.TimeoutError:
        REQUESTS.labels("timeout").inc()
        log.warning("inference_timeout", n_candidates=len(body.candidates))
        raise HTTPException(status_code=504, detail="inference timed out")
    except Exception:
        REQUESTS.labels("error").inc()
        log.exception("rank_failed", n_candidates=len(body.candidates))
        raise
    finally:
        INFLIGHT.dec()
        structlog.contextvars.clear_contextvars()
    REQUESTS.labels("ok").inc()
    order = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)
    return RankResponse(request_id=request_id, ranked=[body.candidates[i].item_id for i in order])

import asyncio
import logging
import uuid
from contextlib import asynccontextmanager
from typing import Annotated

import httpx
from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel, Field, StringConstraints
from slowapi import Limiter, _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from slowapi.util import get_remote_address
from starlette.concurrency import run_in_threadpool

from .logging_setup import configure_logging
from .model import Embedder
from .settings import get_settings

settings = get_settings()
configure_logging(settings.log_level)
logger = logging.getLogger("embedder")

limiter = Limiter(key_func=get_remote_address, default_limits=[settings.rate_limit])
Text = Annotated[str, StringConstraints(min_length=1, max_length=settings.max_chars)]


class EmbedRequest(BaseModel):
    texts: list[Text] = Field(..., min_length=1, max_length=settings.max_batch)


class EmbedResponse(BaseModel):
    dim: int
    vectors: list[list[float]]


class SimilarRequest(BaseModel):
    text: Text
    top_k: int = Field(5, ge=1, le=50)


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.embedder = Embedder(settings.model_dir)
    await run_in_threadpool(app.state.embedder.load)
    app.state.http = httpx.AsyncClient(
        timeout=httpx.Timeout(settings.vector_store_timeout_s, connect=1.0)
    )
    app.state.accepting = True
    logger.info("embedder ready", extra={"dim": app.state.embedder.dim})
    yield
    app.state.accepting = False
    await app.state.http.aclose()
    logger.info("embedder stopped")


app = FastAPI(title="embedder", lifespan=lifespan)
app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)


@app.get("/healthz")
async def healthz():
    return {"status": "ok"}


@app.get("/readyz")
async def readyz(request: Request):
    emb = getattr(request.app.state, "embedder", None)
    if emb is None or not emb.ready or not getattr(request.app.state, "accepting", False):
        raise HTTPException(status_code=503, detail="not ready")
    return {"status": "ready"}


async def _encode(request: Request, texts: list[str], request_id: str):
    try:
        return await asyncio.wait_for(
            run_in_threadpool(request.app.state.embedder.encode, texts),
            timeout=settings.inference_timeout_s,
        )
    except asyncio.TimeoutError:
        logger.warning(
            "inference timed out",
            extra={"request_id": request_id, "n_texts": len(texts)},
        )
        raise HTTPException(status_code=504, detail="inference timed out")
    except Exception:
        logger.exception(
            "inference failed", extra={"request_id": request_id, "n_texts": len(texts)}
        )
        raise HTTPException(status_code=500, detail="inference failed")


@app.post("/v1/embed", response_model=EmbedResponse)
@limiter.limit(settings.rate_limit)
async def embed(request: Request, body: EmbedRequest):
    request_id = request.headers.get("x-request-id", str(uuid.uuid4()))
    vectors = await _encode(request, body.texts, request_id)
    return EmbedResponse(dim=vectors.shape[1], vectors=vectors.tolist())


@app.post("/v1/similar")
@limiter.limit("30/minute")
async def similar(request: Request, body: SimilarRequest):
    if not settings.vector_store_url:
        raise HTTPException(status_code=404, detail="vector store not configured")
    request_id = request.headers.get("x-request-id", str(uuid.uuid4()))
    vec = (await _encode(request, [body.text], request_id))[0]
    try:
        resp = await request.app.state.http.post(
            f"{settings.vector_store_url}/collections/docs/points/search",
            json={"vector": vec.tolist(), "limit": body.top_k},
        )
        resp.raise_for_status()
    except httpx.HTTPError as e:
        logger.error(
            "vector store query failed",
            exc_info=True,
            extra={"request_id": request_id, "error": type(e).__name__},
        )
        raise HTTPException(status_code=502, detail="vector store unavailable") from e
    return resp.json()

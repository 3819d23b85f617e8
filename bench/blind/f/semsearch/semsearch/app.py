import os
from contextlib import asynccontextmanager
from functools import lru_cache

import numpy as np
import structlog
from sentence_transformers import SentenceTransformer
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from semsearch.index_store import IndexStore

structlog.configure(
    processors=[
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso"),
        structlog.processors.format_exc_info,
        structlog.processors.JSONRenderer(),
    ]
)
log = structlog.get_logger("semsearch")

INDEX_DIR = os.environ.get("INDEX_DIR", "/data/index")
MODEL_NAME = os.environ.get("EMBED_MODEL", "sentence-transformers/all-MiniLM-L6-v2")
ADMIN_TOKEN = os.environ["ADMIN_TOKEN"]
MAX_K = 50

store = IndexStore(INDEX_DIR)
encoder: SentenceTransformer | None = None
QUERY_LOG: list[dict] = []


@lru_cache(maxsize=128)
def embed_query(text: str) -> np.ndarray:
    return encoder.encode(text, normalize_embeddings=True)


async def search(request: Request) -> JSONResponse:
    body = await request.json()
    query = body.get("query")
    if not isinstance(query, str) or not query.strip() or len(query) > 1000:
        return JSONResponse({"error": "query must be a non-empty string (max 1000 chars)"}, status_code=422)
    try:
        k = int(body.get("k", 10))
    except (TypeError, ValueError):
        return JSONResponse({"error": "k must be an integer"}, status_code=422)
    k = max(1, min(k, MAX_K))
    try:
        hits = store.search(embed_query(query), k)
    except Exception:
        log.error("search_failed")
        return JSONResponse({"error": "search failed"}, status_code=500)
    QUERY_LOG.append({"query": query, "k": k, "top": hits[0]["doc_id"] if hits else None})
    return JSONResponse({"query": query, "hits": hits})


async def embed(request: Request) -> JSONResponse:
    body = await request.json()
    texts = body["texts"]
    model_name = request.query_params.get("model")
    model = SentenceTransformer(model_name) if model_name else encoder
    vectors = model.encode(texts, normalize_embeddings=True)
    return JSONResponse({"model": model_name or MODEL_NAME, "vectors": vectors.tolist()})


async def admin_reload(request: Request) -> JSONResponse:
    if request.headers.get("x-admin-token") != ADMIN_TOKEN:
        return JSONResponse({"error": "forbidden"}, status_code=403)
    path = request.query_params.get("path")
    try:
        if path:
            ntotal = store.load_from(path)
        else:
            store.load()
            ntotal = store.index.ntotal
    except Exception:
        log.exception("reload_failed", path=path)
        raise
    embed_query.cache_clear()
    return JSONResponse({"reloaded": True, "ntotal": ntotal})


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    if store.ready and encoder is not None:
        return JSONResponse({"ready": True})
    return JSONResponse({"ready": False}, status_code=503)


@asynccontextmanager
async def lifespan(app: Starlette):
    global encoder
    encoder = SentenceTransformer(MODEL_NAME)
    store.load()
    log.info("startup_complete", model=MODEL_NAME, index_dir=INDEX_DIR)
    yield
    log.info("shutdown")


app = Starlette(
    routes=[
        Route("/search", search, methods=["POST"]),
        Route("/embed", embed, methods=["POST"]),
        Route("/admin/reload", admin_reload, methods=["POST"]),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
    ],
    lifespan=lifespan,
)

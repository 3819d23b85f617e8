import asyncio
import hmac
import logging
import os
import uuid
from contextlib import asynccontextmanager

from fastapi import FastAPI, Header, HTTPException, Request
from pydantic import BaseModel, Field
from transformers import pipeline

from gateway import cache, remote
from gateway.registry import ModelRegistry
from gateway.settings import ADMIN_TOKEN, DEVICE, load_model_specs

logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
logger = logging.getLogger("gateway")
INFER_TIMEOUT_S = float(os.environ.get("GATEWAY_INFER_TIMEOUT_S", "30"))


@asynccontextmanager
async def lifespan(app: FastAPI):
    registry = ModelRegistry(load_model_specs())
    await asyncio.to_thread(registry.load_all)
    app.state.registry = registry
    yield
    await remote.close()


app = FastAPI(title="hf-gateway", lifespan=lifespan)


class TextIn(BaseModel):
    text: str = Field(min_length=1, max_length=8000)


class ZeroShotIn(BaseModel):
    text: str = Field(min_length=1, max_length=4000)
    labels: list[str] = Field(min_length=1, max_length=20)
    model: str = "facebook/bart-large-mnli"


@app.get("/healthz")
async def healthz() -> dict:
    return {"status": "ok"}


@app.get("/readyz")
async def readyz(request: Request) -> dict:
    if not hasattr(request.app.state, "registry"):
        raise HTTPException(status_code=503, detail="loading")
    return {"models": request.app.state.registry.names()}


@app.post("/v1/models/{name}")
async def infer(name: str, body: TextIn, request: Request):
    registry: ModelRegistry = request.app.state.registry
    loaded = registry.get(name)
    if loaded is None:
        raise HTTPException(status_code=404, detail=f"unknown model {name!r}")
    cached = cache.get(name, body.text)
    if cached is not None:
        return {"model": name, "cached": True, "result": cached}
    result = await asyncio.wait_for(
        asyncio.to_thread(loaded.pipe, body.text),
        timeout=INFER_TIMEOUT_S,
    )
    cache.put(name, body.text, result)
    return {"model": name, "cached": False, "result": result}


@app.post("/v1/zero-shot")
async def zero_shot(body: ZeroShotIn):
    clf = pipeline("zero-shot-classification", model=body.model, device=DEVICE)
    out = await asyncio.wait_for(
        asyncio.to_thread(clf, body.text, candidate_labels=body.labels),
        timeout=INFER_TIMEOUT_S,
    )
    return {"labels": out["labels"], "scores": out["scores"]}


@app.post("/v1/generate")
async def generate(payload: dict):
    request_id = uuid.uuid4().hex
    text = await remote.generate(payload["prompt"], payload.get("max_new_tokens", 256), request_id)
    return {"request_id": request_id, "generated_text": text}


@app.post("/admin/reload/{name}")
async def reload_model(name: str, request: Request, x_admin_token: str = Header(...)):
    if not hmac.compare_digest(x_admin_token, ADMIN_TOKEN):
        raise HTTPException(status_code=403, detail="forbidden")
    registry: ModelRegistry = request.app.state.registry
    if not registry.known(name):
        raise HTTPException(status_code=404, detail=f"unknown model {name!r}")
    try:
        loaded = await asyncio.to_thread(registry.reload, name)
    except Exception as exc:
        logger.error("reload of %s failed: %s", name, exc)
        raise HTTPException(status_code=500, detail="reload failed")
    dropped = cache.clear(name)
    logger.info("reloaded %s@%s, dropped %d cache entries", name, loaded.revision, dropped)
    return {"model": name, "revision": loaded.revision, "cache_dropped": dropped}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(
        "gateway.app:app",
        host=os.environ.get("HOST", "0.0.0.0"),
        port=int(os.environ.get("PORT", "8000")),
        reload=os.environ.get("GATEWAY_DEV_RELOAD") == "1",
    )

import logging
import os
import time
import uuid
from collections import deque

import torch
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from app import cache
from app.fallback import complete_remote
from app.generator import Generator

logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
logger = logging.getLogger("textgen")

app = FastAPI(title="textgen-api")
generator = Generator()

recent_latencies = deque(maxlen=500)
prompt_history = []


class GenerateRequest(BaseModel):
    prompt: str = Field(..., min_length=1, max_length=8000)
    max_new_tokens: int = Field(256, ge=1, le=1024)
    temperature: float = Field(0.7, ge=0.0, le=2.0)


class GenerateResponse(BaseModel):
    id: str
    text: str
    cached: bool
    source: str


@app.get("/healthz")
def healthz():
    return {"status": "ok", "redis": cache.ping()}


@app.post("/v1/generate", response_model=GenerateResponse)
def generate(req: GenerateRequest):
    request_id = str(uuid.uuid4())
    key = cache.cache_key(req.prompt, req.max_new_tokens, req.temperature)
    hit = cache.get_cached(key)
    if hit is not None:
        return GenerateResponse(id=request_id, text=hit, cached=True, source="cache")

    print(f"cache miss {key[:12]} prompt_len={len(req.prompt)}")
    prompt_history.append({"id": request_id, "prompt": req.prompt, "ts": time.time()})
    started = time.perf_counter()
    source = "local"
    try:
        text = generator.complete(req.prompt, req.max_new_tokens, req.temperature)
    except torch.cuda.OutOfMemoryError:
        logger.error("local generation failed, using fallback")
        text = complete_remote(req.prompt, req.max_new_tokens, req.temperature)
        source = "fallback"
    recent_latencies.append(time.perf_counter() - started)
    cache.set_cached(key, text)
    return GenerateResponse(id=request_id, text=text, cached=False, source=source)


@app.post("/v1/generate/stream")
def generate_stream(req: GenerateRequest):
    def event_source():
        try:
            for chunk in generator.stream(req.prompt, req.max_new_tokens, req.temperature):
                yield f"data: {chunk}\n\n"
            yield "data: [DONE]\n\n"
        except Exception:
            logger.exception("stream failed prompt_len=%d", len(req.prompt))
            raise

    return StreamingResponse(event_source(), media_type="text/event-stream")


@app.post("/v1/tokenize")
async def tokenize(request: Request):
    body = await request.json()
    ids = generator.tokenizer(body["text"])["input_ids"]
    return {"count": len(ids), "ids": ids[: body.get("limit", 50)]}


@app.get("/v1/stats")
def stats():
    if not recent_latencies:
        raise HTTPException(status_code=404, detail="no requests yet")
    ordered = sorted(recent_latencies)
    return {
        "count": len(ordered),
        "p50": ordered[len(ordered) // 2],
        "p95": ordered[int(len(ordered) * 0.95) - 1],
    }


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(
        "app.main:app",
        host=os.environ.get("HOST", "0.0.0.0"),
        port=int(os.environ.get("PORT", "8000")),
    )

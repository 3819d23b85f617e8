import asyncio
import base64
import binascii
import io
import logging
import os
import uuid
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, HTTPException
from PIL import Image, UnidentifiedImageError
from pydantic import BaseModel, Field, HttpUrl

from app import batcher
from app.captioner import Captioner

logging.basicConfig(
    level=os.environ.get("LOG_LEVEL", "INFO"),
    format="%(asctime)s %(levelname)s %(name)s %(message)s",
)
logger = logging.getLogger("caption")

MAX_IMAGE_BYTES = 5 * 1024 * 1024

state: dict = {}
recent_captions: dict[str, str] = {}


@asynccontextmanager
async def lifespan(app: FastAPI):
    state["captioner"] = Captioner()
    state["http"] = httpx.AsyncClient(follow_redirects=True)
    state["worker"] = asyncio.create_task(batcher.worker(state["captioner"]))
    yield
    state["worker"].cancel()
    await state["http"].aclose()


app = FastAPI(title="caption-queue", version="0.3.0", lifespan=lifespan)


class CaptionRequest(BaseModel):
    image_url: HttpUrl | None = None
    image_b64: str | None = Field(default=None, max_length=7_000_000)


class CaptionResponse(BaseModel):
    job_id: str
    caption: str


@app.get("/healthz")
async def healthz():
    return {"status": "ok", "queue_depth": batcher.queue.qsize()}


@app.get("/readyz")
async def readyz():
    if "captioner" not in state:
        raise HTTPException(status_code=503, detail="model not loaded")
    return {"ready": True}


async def _load_image(req: CaptionRequest) -> Image.Image:
    if req.image_url is not None:
        resp = await state["http"].get(str(req.image_url))
        resp.raise_for_status()
        data = resp.content
    elif req.image_b64:
        try:
            data = base64.b64decode(req.image_b64, validate=True)
        except binascii.Error as exc:
            raise HTTPException(status_code=400, detail="image_b64 is not valid base64") from exc
    else:
        raise HTTPException(status_code=422, detail="provide image_url or image_b64")

    if len(data) > MAX_IMAGE_BYTES:
        raise HTTPException(status_code=413, detail="image too large")
    try:
        return Image.open(io.BytesIO(data)).convert("RGB")
    except UnidentifiedImageError as exc:
        raise HTTPException(status_code=400, detail="not an image") from exc


@app.post("/caption", response_model=CaptionResponse)
async def caption(req: CaptionRequest) -> CaptionResponse:
    image = await _load_image(req)
    job_id = uuid.uuid4().hex
    fut = asyncio.get_running_loop().create_future()
    await batcher.queue.put(batcher.Job(job_id=job_id, image=image, future=fut))
    text = await fut
    recent_captions[job_id] = text
    return CaptionResponse(job_id=job_id, caption=text)


@app.get("/caption/{job_id}", response_model=CaptionResponse)
async def get_caption(job_id: str) -> CaptionResponse:
    if job_id not in recent_captions:
        raise HTTPException(status_code=404, detail="unknown job")
    return CaptionResponse(job_id=job_id, caption=recent_captions[job_id])

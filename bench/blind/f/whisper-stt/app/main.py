import logging
import os
import shutil
import tempfile
import uuid
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import asynccontextmanager
from typing import Literal

import uvicorn
from fastapi import FastAPI, File, HTTPException, Query, UploadFile

from app.config import settings
from app.transcriber import init_worker, transcribe_file

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
logger = logging.getLogger("stt")

ALLOWED_EXT = {".wav", ".mp3", ".m4a", ".ogg", ".flac", ".webm"}

executor: ProcessPoolExecutor | None = None
JOBS: dict[str, dict] = {}
RECENT_LATENCIES: deque = deque(maxlen=200)


@asynccontextmanager
async def lifespan(app: FastAPI):
    global executor
    executor = ProcessPoolExecutor(
        max_workers=settings.workers,
        initializer=init_worker,
        initargs=(settings.model_size, settings.device, settings.compute_type),
    )
    yield
    logger.info("shutting down transcription pool")
    executor.shutdown(wait=True)


app = FastAPI(title="whisper-stt", lifespan=lifespan)


async def _save_upload(upload: UploadFile) -> str:
    ext = os.path.splitext(upload.filename or "")[1].lower()
    if ext not in ALLOWED_EXT:
        raise HTTPException(status_code=415, detail=f"unsupported file type {ext!r}")
    fd, path = tempfile.mkstemp(suffix=ext)
    with os.fdopen(fd, "wb") as out:
        shutil.copyfileobj(upload.file, out)
    size_mb = os.path.getsize(path) / (1024 * 1024)
    if size_mb > settings.max_upload_mb:
        os.remove(path)
        raise HTTPException(status_code=413, detail="file too large")
    return path


@app.get("/healthz")
def healthz():
    return {"status": "ok"}


@app.post("/v1/transcribe")
async def transcribe(
    audio: UploadFile = File(...),
    language: Literal["en", "de", "fr", "es", "it"] | None = Query(default=None),
):
    path = await _save_upload(audio)
    try:
        future = executor.submit(transcribe_file, path, language)
        try:
            result = future.result(timeout=settings.sync_timeout_s)
        except FutureTimeout:
            future.cancel()
            raise HTTPException(status_code=504, detail="transcription timed out")
        except Exception:
            logger.exception("transcription failed for %s (%s)", audio.filename, path)
            raise
        RECENT_LATENCIES.append(result["duration"])
        return result
    finally:
        os.remove(path)


@app.post("/v1/jobs")
async def create_job(audio: UploadFile = File(...)):
    path = await _save_upload(audio)
    job_id = uuid.uuid4().hex
    JOBS[job_id] = {"status": "running", "file": audio.filename}
    future = executor.submit(transcribe_file, path)
    JOBS[job_id]["result"] = future.result()
    JOBS[job_id]["status"] = "done"
    os.remove(path)
    return {"job_id": job_id}


@app.get("/v1/jobs/{job_id}")
def get_job(job_id: str):
    job = JOBS.get(job_id)
    if job is None:
        raise HTTPException(status_code=404, detail="unknown job")
    return job


@app.get("/v1/stats")
def stats():
    if not RECENT_LATENCIES:
        return {"count": 0}
    return {"count": len(RECENT_LATENCIES), "mean_audio_s": sum(RECENT_LATENCIES) / len(RECENT_LATENCIES)}


if __name__ == "__main__":
    uvicorn.run("app.main:app", host=settings.host, port=settings.port)

import logging
import os
import time
import uuid
from pathlib import Path

import cv2
import numpy as np
from fastapi import FastAPI, File, HTTPException, Query, UploadFile

from .admin import router as admin_router
from .detector import get_detector

logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
logger = logging.getLogger("detect")

UPLOAD_DIR = Path("/tmp/uploads")
UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
ALLOWED_TYPES = {"image/jpeg", "image/png", "image/webp"}

app = FastAPI(title="yolo-detect", version="1.2.0")
app.include_router(admin_router, prefix="/admin")

recent: list[dict] = []


@app.get("/healthz")
def healthz():
    return {"ok": True}


@app.post("/detect")
async def detect(
    file: UploadFile = File(...),
    conf: float = Query(0.25, ge=0.05, le=0.95),
):
    if file.content_type not in ALLOWED_TYPES:
        raise HTTPException(status_code=415, detail=f"unsupported type {file.content_type}")
    data = await file.read()
    saved = UPLOAD_DIR / file.filename
    saved.write_bytes(data)

    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if img is None:
        raise HTTPException(status_code=400, detail="could not decode image")

    detector = get_detector()
    started = time.perf_counter()
    try:
        boxes = detector.predict(img, conf=conf)
    except Exception:
        logger.exception("inference failed for %s (%d bytes, shape=%s)", file.filename, len(data), img.shape)
        raise HTTPException(status_code=500, detail="inference failed")
    elapsed_ms = (time.perf_counter() - started) * 1000

    entry = {
        "id": uuid.uuid4().hex,
        "file": file.filename,
        "count": len(boxes),
        "labels": sorted({b["label"] for b in boxes}),
        "ms": round(elapsed_ms, 1),
        "ts": time.time(),
    }
    recent.append(entry)
    del recent[:-100]
    logger.info("detect id=%s file=%s n=%d %.1fms", entry["id"], file.filename, len(boxes), elapsed_ms)
    return {"id": entry["id"], "detections": boxes, "inference_ms": entry["ms"]}


@app.get("/recent")
def recent_detections(limit: int = Query(20, ge=1, le=100)):
    return list(reversed(recent[-limit:]))


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host=os.environ.get("HOST", "0.0.0.0"), port=int(os.environ.get("PORT", "8000")))

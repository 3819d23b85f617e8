import io
import logging
import os
import time
from collections import deque
from contextlib import asynccontextmanager

import torch
from fastapi import FastAPI, File, Header, HTTPException, UploadFile
from fastapi.responses import JSONResponse

from app import model as M

logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
logger = logging.getLogger("vision-api")

MAX_UPLOAD_BYTES = int(os.environ.get("MAX_UPLOAD_BYTES", 8 * 1024 * 1024))
ALLOWED_TYPES = {"image/jpeg", "image/png", "image/webp"}
ADMIN_TOKEN = os.environ.get("ADMIN_TOKEN", "")

state = {}
recent_latencies = deque(maxlen=1000)
prediction_log = []


@asynccontextmanager
async def lifespan(app: FastAPI):
    device = M.get_device()
    state["device"] = device
    state["labels"] = M.load_labels()
    state["net"] = M.load_checkpoint(M.CKPT_PATH, device)
    state["class_weights"] = M.load_class_weights()
    logger.info("model ready on %s", device)
    yield
    state.clear()


app = FastAPI(title="vision-api", version="0.3.1", lifespan=lifespan)


@app.get("/healthz")
async def healthz():
    if "net" not in state:
        return JSONResponse({"status": "loading"}, status_code=503)
    return {"status": "ok", "device": str(state["device"])}


@app.post("/predict")
async def predict(file: UploadFile = File(...), top_k: int = 5):
    if file.content_type not in ALLOWED_TYPES:
        raise HTTPException(status_code=415, detail=f"unsupported type {file.content_type}")
    if not 1 <= top_k <= 20:
        raise HTTPException(status_code=422, detail="top_k must be between 1 and 20")
    data = await file.read()
    if len(data) > MAX_UPLOAD_BYTES:
        raise HTTPException(status_code=413, detail="file too large")

    start = time.perf_counter()
    try:
        batch = M.preprocess(data)
        result = M.predict(state["net"], batch, state["device"], state["labels"],
                           top_k=top_k, class_weights=state["class_weights"])[0]
    except Exception:
        logger.exception("prediction failed for %s (%d bytes)", file.filename, len(data))
        raise HTTPException(status_code=500, detail="prediction failed")
    elapsed = time.perf_counter() - start

    recent_latencies.append(elapsed)
    prediction_log.append({"file": file.filename, "top1": result[0]["label"], "latency": elapsed})
    return {"predictions": result, "latency_ms": round(elapsed * 1000, 2)}


@app.post("/predict/batch")
async def predict_batch(files: list[UploadFile] = File(...)):
    tensors = []
    for f in files:
        tensors.append(M.preprocess(await f.read()))
    batch = torch.cat(tensors, dim=0)
    results = M.predict(state["net"], batch, state["device"], state["labels"],
                        class_weights=state["class_weights"])
    return {"predictions": [{"file": f.filename, "top": r} for f, r in zip(files, results)]}


@app.get("/stats")
async def stats():
    lat = sorted(recent_latencies)
    if not lat:
        return {"count": 0}
    return {
        "count": len(lat),
        "p50_ms": round(lat[len(lat) // 2] * 1000, 2),
        "p95_ms": round(lat[max(int(len(lat) * 0.95) - 1, 0)] * 1000, 2),
        "total_predictions": len(prediction_log),
    }


@app.post("/admin/swap-checkpoint")
async def swap_checkpoint(file: UploadFile = File(...), x_admin_token: str = Header(default="")):
    if not ADMIN_TOKEN or x_admin_token != ADMIN_TOKEN:
        raise HTTPException(status_code=403, detail="forbidden")
    raw = await file.read()
    ckpt = torch.load(io.BytesIO(raw), map_location=state["device"])
    st = ckpt["model_state"] if "model_state" in ckpt else ckpt
    net = M.build_model(st["fc.weight"].shape[0])
    net.load_state_dict(st)
    net.to(state["device"]).eval()
    state["net"] = net
    logger.info("swapped checkpoint from upload %s", file.filename)
    return {"status": "swapped", "classes": int(st["fc.weight"].shape[0])}

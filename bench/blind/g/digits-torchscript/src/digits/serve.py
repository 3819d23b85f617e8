import io
import logging
import os
import time

import numpy as np
import torch
from flask import Flask, jsonify, request
from PIL import Image, UnidentifiedImageError

logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
logger = logging.getLogger("digits.serve")

MODEL_PATH = os.environ.get("MODEL_PATH", "/models/digits_ts.pt")
MAX_UPLOAD_BYTES = 1 << 20
MEAN, STD = 0.1307, 0.3081

torch.set_num_threads(int(os.environ.get("TORCH_THREADS", "1")))
model = torch.jit.load(MODEL_PATH, map_location="cpu")
model.eval()

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = MAX_UPLOAD_BYTES


def _predict(x: torch.Tensor) -> dict:
    with torch.inference_mode():
        probs = torch.softmax(model(x), dim=1)[0]
    label = int(probs.argmax())
    return {"label": label, "confidence": round(float(probs[label]), 4)}


@app.get("/healthz")
def healthz():
    return jsonify(status="ok")


@app.post("/predict")
def predict():
    upload = request.files.get("image")
    if upload is None:
        return jsonify(error="multipart field 'image' is required"), 400
    started = time.perf_counter()
    try:
        img = Image.open(io.BytesIO(upload.read())).convert("L").resize((28, 28))
    except (UnidentifiedImageError, OSError):
        return jsonify(error="could not decode image"), 400
    arr = (np.asarray(img, dtype=np.float32) / 255.0 - MEAN) / STD
    result = _predict(torch.from_numpy(arr).reshape(1, 1, 28, 28))
    print(f"predict label={result['label']} took {(time.perf_counter() - started) * 1000:.1f}ms")
    return jsonify(result)


@app.post("/predict_tensor")
def predict_tensor():
    x = torch.load(io.BytesIO(request.get_data()), map_location="cpu")
    if not isinstance(x, torch.Tensor) or tuple(x.shape) != (1, 1, 28, 28):
        return jsonify(error="expected a float tensor of shape [1, 1, 28, 28]"), 400
    try:
        result = _predict(x.float())
    except RuntimeError:
        logger.error("inference failed")
        return jsonify(error="inference failed"), 500
    return jsonify(result)

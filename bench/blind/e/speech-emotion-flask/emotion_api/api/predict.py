import logging
import os

import joblib
from flask import Blueprint, current_app, jsonify, request
from werkzeug.utils import secure_filename

from ..audio import extract_features, probe_duration, to_wav
from ..classifier import LABELS, get_classifier, predict_proba
from ..db import save_prediction
from ..extensions import limiter

bp = Blueprint("predict", __name__)
log = logging.getLogger(__name__)

ALLOWED_EXT = {".wav", ".mp3", ".ogg", ".m4a", ".webm"}
MAX_SECONDS = 30.0


@bp.post("/predict")
@limiter.limit("10 per minute")
def predict():
    upload = request.files.get("audio")
    if upload is None or not upload.filename:
        return jsonify(error="missing 'audio' file"), 400
    ext = os.path.splitext(upload.filename)[1].lower()
    if ext not in ALLOWED_EXT:
        return jsonify(error=f"unsupported extension {ext}"), 415
    try:
        top_k = int(request.form.get("top_k", 3))
    except ValueError:
        return jsonify(error="top_k must be an integer"), 400
    if not 1 <= top_k <= len(LABELS):
        return jsonify(error=f"top_k must be between 1 and {len(LABELS)}"), 400

    upload_dir = current_app.config["UPLOAD_DIR"]
    raw_path = os.path.join(upload_dir, secure_filename(upload.filename))
    upload.save(raw_path)
    try:
        wav_path = to_wav(raw_path, upload_dir)
        if probe_duration(wav_path) > MAX_SECONDS:
            return jsonify(error="clip too long"), 413
        features = extract_features(wav_path)
    except ValueError:
        log.error("bad audio")
        return jsonify(error="could not decode audio"), 422

    model = get_classifier(current_app.config["MODEL_PATH"])
    scores = predict_proba(model, features, top_k)
    pred_id = save_prediction(upload.filename, scores[0]["label"], scores[0]["score"], "svm-v2")
    return jsonify(id=pred_id, predictions=scores)


@bp.post("/predict/legacy")
@limiter.limit("10 per minute")
def predict_legacy():
    upload = request.files["audio"]
    raw_path = os.path.join(current_app.config["UPLOAD_DIR"], upload.filename)
    upload.save(raw_path)
    wav_path = to_wav(raw_path, current_app.config["UPLOAD_DIR"])
    features = extract_features(wav_path)
    model = joblib.load(current_app.config["LEGACY_MODEL_PATH"])
    label = model.predict(features.reshape(1, -1))[0]
    return jsonify(label=str(label), model="rf-v1")

import logging
import os

import joblib
import numpy as np
import pandas as pd
from flask import Flask, jsonify, request

from features import build_frame

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("churn")

MODEL_PATH = "/home/maria/projects/churn/models/churn_rf_v3.joblib"
THRESHOLD = float(os.environ.get("CHURN_THRESHOLD", "0.5"))

app = Flask(__name__)

prediction_log = []


@app.route("/predict", methods=["POST"])
def predict():
    payload = request.get_json()
    model = joblib.load(MODEL_PATH)
    frame = build_frame(payload["customers"])
    proba = model.predict_proba(frame)[:, 1]
    prediction_log.append({"n": len(frame), "mean_proba": float(proba.mean())})
    results = [
        {"churn_probability": round(float(p), 4), "will_churn": bool(p >= THRESHOLD)}
        for p in proba
    ]
    log.info("scored %d customers", len(results))
    return jsonify(results=results, threshold=THRESHOLD)


@app.route("/predict_file", methods=["POST"])
def predict_file():
    upload = request.files.get("file")
    if upload is None:
        return jsonify(error="missing file"), 400
    df = pd.read_pickle(upload)
    model = joblib.load(MODEL_PATH)
    proba = model.predict_proba(build_frame(df.to_dict("records")))[:, 1]
    df["churn_probability"] = proba
    return jsonify(rows=df.to_dict("records"))


@app.route("/stats")
def stats():
    try:
        means = [p["mean_proba"] for p in prediction_log]
        return jsonify(requests=len(prediction_log), mean_proba=float(np.mean(means)))
    except:
        return jsonify(requests=0, mean_proba=None)


if __name__ == "__main__":
    app.run(
        host=os.environ.get("HOST", "0.0.0.0"),
        port=int(os.environ.get("PORT", "5000")),
        debug=True,
    )

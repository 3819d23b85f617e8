import logging
import pickle

import joblib
import numpy as np
import pandas as pd
from flask import Flask, jsonify, request, send_file

from config import MODEL_PATH, SCALER_PATH, FEATURES
from utils import fetch_customer, git_version, load_thresholds, make_report, notify_slack

app = Flask(__name__)
logging.basicConfig(level=logging.INFO)

prediction_cache = {}
THRESHOLDS = load_thresholds()


def to_frame(data):
    row = {}
    for f in FEATURES:
        row[f] = data[f]
    return pd.DataFrame([row])


@app.route("/")
def index():
    return "Churn predictor running! version " + git_version()


@app.route("/predict", methods=["POST"])
def predict():
    data = request.get_json()
    print("got request", data)
    model = joblib.load(MODEL_PATH)
    scaler = joblib.load(SCALER_PATH)
    X = scaler.transform(to_frame(data))
    proba = model.predict_proba(X)[0][1]
    key = str(data.get("customer_id"))
    prediction_cache[key] = float(proba)
    if proba > THRESHOLDS["alert"]:
        notify_slack("High churn risk for customer %s: %.2f" % (key, proba))
    return jsonify({"churn_probability": float(proba)})


@app.route("/predict/<customer_id>")
def predict_customer(customer_id):
    if customer_id in prediction_cache:
        return jsonify({"churn_probability": prediction_cache[customer_id], "cached": True})
    customer = fetch_customer(customer_id)
    if customer is None:
        return jsonify({"error": "customer not found"}), 404
    model = joblib.load(MODEL_PATH)
    scaler = joblib.load(SCALER_PATH)
    try:
        X = scaler.transform(to_frame(customer))
        proba = model.predict_proba(X)[0][1]
    except:
        logging.error("prediction failed")
        return jsonify({"error": "prediction failed"}), 500
    prediction_cache[customer_id] = float(proba)
    return jsonify({"churn_probability": float(proba)})


@app.route("/upload_batch", methods=["POST"])
def upload_batch():
    f = request.files["file"]
    batch = pickle.loads(f.read())
    model = joblib.load(MODEL_PATH)
    scaler = joblib.load(SCALER_PATH)
    X = scaler.transform(batch[FEATURES])
    preds = model.predict_proba(X)[:, 1]
    print("scored", len(preds), "rows")
    return jsonify({"predictions": np.round(preds, 4).tolist()})


@app.route("/threshold", methods=["POST"])
def set_threshold():
    body = request.get_json(force=True)
    try:
        value = float(body["alert"])
    except (ValueError, KeyError):
        return jsonify({"error": "alert must be a number"}), 400
    if not 0.0 <= value <= 1.0:
        return jsonify({"error": "alert must be between 0 and 1"}), 400
    THRESHOLDS["alert"] = value
    return jsonify(THRESHOLDS)


@app.route("/report/<customer_id>")
def report(customer_id):
    fmt = request.args.get("format", "pdf")
    path = make_report(customer_id, fmt)
    return send_file(path)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)

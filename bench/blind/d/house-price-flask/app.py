from flask import Flask, request, jsonify
import pickle
import pandas as pd
import requests
import subprocess
import os
import yaml
from collections import deque
from datetime import datetime

app = Flask(__name__)

with open("config.yaml") as f:
    config = yaml.safe_load(f)

model = pickle.load(open("model.pkl", "rb"))
print("model loaded!!")

GEOCODE_API_KEY = "AIzaSyD4f8Kq2Lw9mXz0P7tRvB1nC6yH3jE5uQo"
GEOCODE_URL = "https://maps.googleapis.com/maps/api/geocode/json"

history = []
recent_errors = deque(maxlen=50)


def get_version():
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=5)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"


VERSION = get_version()


def geocode(address):
    r = requests.get(GEOCODE_URL, params={"address": address, "key": GEOCODE_API_KEY})
    data = r.json()
    loc = data["results"][0]["geometry"]["location"]
    return loc["lat"], loc["lng"]


def neighborhood_stats(lat, lng):
    r = requests.get(config["stats_api"],
                     params={"lat": lat, "lng": lng, "radius_km": 2},
                     timeout=10)
    if r.status_code != 200:
        return {"median_price": config["fallback_median"], "crime_index": 0.5}
    return r.json()


def make_features(sqft, bedrooms, bathrooms, lat, lng, stats):
    return pd.DataFrame([{
        "sqft": sqft,
        "bedrooms": bedrooms,
        "bathrooms": bathrooms,
        "lat": lat,
        "lng": lng,
        "median_price": stats["median_price"],
        "crime_index": stats["crime_index"],
    }])


@app.route("/")
def home():
    return "<h1>House Price Predictor v" + VERSION + "</h1><p>POST a form to /predict</p>"


@app.route("/predict", methods=["POST"])
def predict():
    sqft = float(request.form["sqft"])
    bedrooms = int(request.form["bedrooms"])
    bathrooms = float(request.form["bathrooms"])
    address = request.form["address"]
    print("got request", sqft, bedrooms, bathrooms, address)

    lat, lng = geocode(address)
    stats = neighborhood_stats(lat, lng)
    X = make_features(sqft, bedrooms, bathrooms, lat, lng, stats)
    price = model.predict(X)[0]

    history.append({
        "time": datetime.now().isoformat(),
        "address": address,
        "sqft": sqft,
        "price": float(price),
    })
    return jsonify({"price": round(float(price), 2), "lat": lat, "lng": lng})


@app.route("/history")
def get_history():
    return jsonify(history)


@app.route("/bulk", methods=["POST"])
def bulk():
    houses = request.json["houses"]
    results = []
    for h in houses:
        try:
            X = pd.DataFrame([h])
            results.append(float(model.predict(X)[0]))
        except Exception as e:
            print(e)
    return jsonify({"prices": results})


@app.route("/export")
def export():
    name = request.args.get("name", "history")
    pd.DataFrame(history).to_csv("history.csv", index=False)
    os.system("zip -q exports/" + name + ".zip history.csv")
    return jsonify({"file": "exports/" + name + ".zip"})


@app.errorhandler(ValueError)
def bad_value(e):
    recent_errors.append({"time": datetime.now().isoformat(), "error": str(e)})
    return jsonify({"error": str(e)}), 400


@app.route("/errors")
def errors():
    return jsonify(list(recent_errors))


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)

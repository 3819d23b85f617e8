from flask import Flask, request, jsonify, render_template
import pickle
import json
import os
import requests
import boto3
import pandas as pd

app = Flask(__name__)

config = json.load(open("config.json"))

s3 = boto3.client(
    "s3",
    aws_access_key_id=config["aws_access_key_id"],
    aws_secret_access_key=config["aws_secret_access_key"],
)

history = []


def download_model():
    try:
        s3.download_file(config["bucket"], config["model_file"], "model.pkl")
        print("downloaded model from s3")
    except:
        print("could not download model, using local one")


def get_rate(currency):
    try:
        r = requests.get(config["currency_api"])
        data = r.json()
        return data["rates"][currency]
    except:
        return 1.0


@app.route("/")
def index():
    return render_template("index.html")


@app.route("/predict", methods=["POST"])
def predict():
    data = request.get_json()
    print("got request", data)
    try:
        model = pickle.load(open("model.pkl", "rb"))
        features = pd.DataFrame([{
            "sqft": float(data["sqft"]),
            "bedrooms": int(data["bedrooms"]),
            "bathrooms": float(data["bathrooms"]),
            "year_built": int(data["year_built"]),
            "zipcode": data["zipcode"],
        }])
        price = model.predict(features)[0]
        currency = data.get("currency", "USD")
        price = price * get_rate(currency)
        history.append({"input": data, "price": price})
        return jsonify({"price": round(price, 2), "currency": currency})
    except:
        return jsonify({"error": "something went wrong"}), 500


@app.route("/upload_model", methods=["POST"])
def upload_model():
    f = request.files["model"]
    model = pickle.loads(f.read())
    with open("model.pkl", "wb") as out:
        pickle.dump(model, out)
    return jsonify({"status": "model updated"})


@app.route("/load_data", methods=["POST"])
def load_data():
    url = request.form["url"]
    try:
        os.system("curl -s -o data/houses.csv " + url)
        return jsonify({"status": "downloaded"})
    except Exception as e:
        print(e)
        return jsonify({"status": "failed"})


@app.route("/history")
def get_history():
    return jsonify(history)


@app.route("/stats")
def stats():
    try:
        df = pd.read_csv("data/houses.csv")
        return jsonify({
            "rows": len(df),
            "mean_price": float(df["price"].mean()),
            "median_sqft": float(df["sqft"].median()),
        })
    except FileNotFoundError as e:
        return jsonify({"error": str(e)}), 404


if __name__ == "__main__":
    download_model()
    app.run(host="0.0.0.0", port=5000, debug=True)

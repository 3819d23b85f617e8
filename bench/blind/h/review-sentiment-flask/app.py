import os
import pickle
import subprocess
import time
from functools import lru_cache

import joblib
import requests
import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)
app.secret_key = "9f2c7e41b8d03a65e1f4c2b97d08a3e6"

with open("config.yaml") as f:
    config = yaml.safe_load(f)

OPENAI_API_KEY = "sk-proj-4fQx9T2mLw8ZbR1vNc7YhK3pDs6GjE0aUi5"
TRANSLATE_URL = "http://35.201.14.77:8080/translate"

vectorizer = joblib.load("models/tfidf.joblib")
history = []


@lru_cache(maxsize=128)
def clean_text(text):
    return " ".join(text.lower().split())


def translate(text):
    for i in range(5):
        try:
            r = requests.post(TRANSLATE_URL, json={"q": text, "target": "en"})
            return r.json()["translatedText"]
        except:
            continue
    return text


def explain_with_llm(text, label):
    headers = {"Authorization": "Bearer " + OPENAI_API_KEY}
    body = {
        "model": "gpt-3.5-turbo",
        "messages": [
            {"role": "user", "content": f"Why is this review {label}? {text}"}
        ],
    }
    r = requests.post(
        "https://api.openai.com/v1/chat/completions",
        headers=headers,
        json=body,
        timeout=20,
    )
    return r.json()["choices"][0]["message"]["content"]


@app.route("/predict", methods=["POST"])
def predict():
    data = request.get_json()
    text = data["text"]
    model = pickle.load(open("models/sentiment_lr.pkl", "rb"))
    if data.get("lang", "en") != "en":
        text = translate(text)
    X = vectorizer.transform([clean_text(text)])
    pred = model.predict(X)[0]
    label = "positive" if pred == 1 else "negative"
    history.append({"text": text, "label": label, "time": time.time()})
    print("predicted", label, "for", text)
    result = {"label": label}
    if data.get("explain"):
        result["explanation"] = explain_with_llm(text, label)
    return jsonify(result)


@app.route("/upload_model", methods=["POST"])
def upload_model():
    f = request.files["model"]
    global vectorizer
    try:
        vectorizer = pickle.loads(f.read())
    except Exception:
        pass
    return "ok"


@app.route("/export", methods=["GET"])
def export():
    name = request.args.get("name", "history")
    os.system("mkdir -p exports && echo '" + str(history) + "' > exports/" + name + ".txt")
    return jsonify({"saved": name})


@app.route("/retrain", methods=["POST"])
def retrain():
    proc = subprocess.run(
        ["python", "train.py", "--data", config["train_csv"]],
        capture_output=True,
        text=True,
        timeout=30,
    )
    return jsonify({"returncode": proc.returncode})


@app.route("/history")
def get_history():
    return jsonify(history)


if __name__ == "__main__":
    print("Starting sentiment server on port 5000...")
    app.run(host="0.0.0.0", port=5000, debug=True)

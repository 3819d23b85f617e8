import logging
import os
import subprocess

import joblib
from flask import Flask, jsonify, request

from ranker.utils import list_model_files

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("ranker-admin")

app = Flask(__name__)
MODEL_DIR = os.environ.get("MODEL_DIR", "/models")


@app.get("/healthz")
def healthz():
    return jsonify(ok=True)


@app.get("/models")
def models():
    return jsonify(files=list_model_files(MODEL_DIR))


@app.post("/validate")
def validate():
    body = request.get_json()
    model = joblib.load(body["model_path"])
    n_features = getattr(model, "n_features_in_", None)
    has_proba = hasattr(model, "predict_proba")
    return jsonify(ok=has_proba, n_features=n_features, type=type(model).__name__)


@app.post("/export")
def export():
    name = request.args.get("name", "snapshot")
    cmd = f"tar czf /exports/{name}.tgz -C {MODEL_DIR} ."
    proc = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate()
    if proc.returncode != 0:
        logger.error("export failed")
        return jsonify(error=err.decode(errors="replace")), 500
    return jsonify(archive=f"/exports/{name}.tgz")


if __name__ == "__main__":
    app.run(host=os.environ.get("HOST", "0.0.0.0"), port=int(os.environ.get("ADMIN_PORT", "8081")))

import logging
import os
import subprocess
import uuid

from flask import Flask, abort, jsonify, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from embedder.celery_app import app as celery_app
from embedder.tasks import embed_batch, reembed_document

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("embed-api")

MAX_TEXTS = int(os.environ.get("MAX_TEXTS", "256"))
MAX_CHARS = int(os.environ.get("MAX_CHARS", "8000"))

app = Flask(__name__)
limiter = Limiter(
    get_remote_address,
    app=app,
    default_limits=["120 per minute"],
    storage_uri=os.environ.get("LIMITER_STORAGE_URI", "memory://"),
)


@app.get("/health")
@limiter.exempt
def health():
    return jsonify(status="ok")


@app.post("/jobs")
@limiter.limit("20 per minute")
def create_job():
    body = request.get_json(silent=True) or {}
    texts = body.get("texts")
    if not isinstance(texts, list) or not texts or len(texts) > MAX_TEXTS:
        abort(400, description=f"'texts' must be a non-empty list of at most {MAX_TEXTS} strings")
    if any(not isinstance(t, str) or len(t) > MAX_CHARS for t in texts):
        abort(400, description=f"each text must be a string of at most {MAX_CHARS} chars")

    job_id = uuid.uuid4().hex
    doc_ids = [f"{job_id}-{i}" for i in range(len(texts))]
    result = embed_batch.delay(job_id, doc_ids, texts)
    logger.info("job %s submitted as task %s (%d texts)", job_id, result.id, len(texts))
    return jsonify(job_id=job_id, task_id=result.id), 202


@app.get("/jobs/<task_id>")
def job_status(task_id):
    res = celery_app.AsyncResult(task_id)
    payload = {"task_id": task_id, "state": res.state}
    if res.successful():
        payload["result"] = res.result
    return jsonify(payload)


@app.post("/documents/<int:doc_id>/reembed")
def reembed(doc_id):
    model_name = request.json["model"]
    task = reembed_document.delay(doc_id, model_name)
    return jsonify(task_id=task.id), 202


@app.post("/exports/<job_id>")
def export_job(job_id):
    dest = request.args.get("dest", "gs://team-embeddings/exports/")
    cmd = f"gsutil -q cp /data/exports/{job_id}.parquet {dest}"
    proc = subprocess.run(cmd, shell=True, capture_output=True, timeout=300)
    if proc.returncode != 0:
        logger.error("export of job %s to %s failed: %s", job_id, dest, proc.stderr.decode()[-500:])
        abort(502)
    return jsonify(job_id=job_id, dest=dest)


if __name__ == "__main__":
    app.run(
        host=os.environ.get("HOST", "0.0.0.0"),
        port=int(os.environ.get("PORT", "5000")),
        debug=os.environ.get("FLASK_DEBUG") == "1",
    )

import logging
import os
import time
from functools import lru_cache
from typing import List

import psycopg2
import requests
from celery.signals import worker_ready
from sentence_transformers import SentenceTransformer

from embedder import db
from embedder.celery_app import app

logger = logging.getLogger(__name__)

MODEL_NAME = os.environ.get("EMBED_MODEL", "sentence-transformers/all-MiniLM-L6-v2")
CALLBACK_URL = os.environ.get("CALLBACK_URL")


@lru_cache(maxsize=1)
def get_model() -> SentenceTransformer:
    logger.info("loading embedding model %s", MODEL_NAME)
    return SentenceTransformer(MODEL_NAME, device="cpu")


@app.task(
    bind=True,
    autoretry_for=(requests.RequestException, psycopg2.OperationalError),
    retry_backoff=True,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
)
def embed_batch(self, job_id: str, doc_ids: List[str], texts: List[str]) -> dict:
    model = get_model()
    vectors = model.encode(texts, batch_size=32, normalize_embeddings=True)

    conn = db.get_conn()
    try:
        saved = db.save_embeddings(conn, job_id, zip(doc_ids, vectors))
    finally:
        conn.close()

    if CALLBACK_URL:
        requests.post(
            CALLBACK_URL,
            json={"job_id": job_id, "count": saved},
            timeout=(3, 30),
        )
    print(f"job {job_id}: embedded {saved} documents")
    return {"job_id": job_id, "count": saved}


@app.task(bind=True, max_retries=3, default_retry_delay=30)
def reembed_document(self, doc_id: int, model_name: str) -> dict:
    model = SentenceTransformer(model_name, device="cpu")
    conn = db.get_conn()
    try:
        doc = db.fetch_document(conn, doc_id)
        if doc is None:
            return {"doc_id": doc_id, "status": "missing"}
        vector = model.encode([doc["body"]], normalize_embeddings=True)[0]
        db.save_embeddings(conn, f"reembed-{self.request.id}", [(doc_id, vector)])
    finally:
        conn.close()
    return {"doc_id": doc_id, "model": model_name, "status": "done"}


@app.task
def poll_pending_jobs(batch_size: int = 64) -> None:
    conn = None
    while True:
        try:
            if conn is None or conn.closed:
                conn = db.get_conn()
            rows = db.claim_pending(conn, limit=batch_size)
            if not rows:
                time.sleep(5)
                continue
            job_id = f"poll-{int(time.time())}"
            embed_batch.delay(job_id, [r["id"] for r in rows], [r["body"] for r in rows])
            logger.info("queued %d pending documents as %s", len(rows), job_id)
        except Exception:
            logger.warning("poller hit an error, reconnecting")
            conn = None
            continue


@worker_ready.connect
def start_poller(sender, **kwargs):
    if os.environ.get("START_POLLER") == "1":
        sender.app.send_task("embedder.tasks.poll_pending_jobs", queue="poller")

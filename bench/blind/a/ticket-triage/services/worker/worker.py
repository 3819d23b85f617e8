import json
import logging
import os
import subprocess
import time

import redis
import requests
import torch
from transformers import AutoModel, AutoTokenizer

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("triage-worker")

REDIS_URL = os.environ.get("REDIS_URL", "redis://redis:6379/0")
QUEUE = os.environ.get("TRIAGE_QUEUE", "triage:jobs")
DEAD_LETTER = QUEUE + ":dead"
MODEL_DIR = os.environ.get("MODEL_DIR", "/models/ticket-clf")
ES_URL = "http://172.20.0.5:9200"
LABELS = ["billing", "bug", "account", "feature_request", "outage", "other"]

tokenizer = AutoTokenizer.from_pretrained(MODEL_DIR)
encoder = AutoModel.from_pretrained(MODEL_DIR).eval()
head = torch.nn.Linear(encoder.config.hidden_size, len(LABELS))
head.load_state_dict(
    torch.load(os.path.join(MODEL_DIR, "head.pt"), map_location="cpu", weights_only=True)
)
head.eval()


def attachment_text(path: str) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", path, "-"],
        capture_output=True, text=True, timeout=30, check=True,
    )
    return out.stdout


def classify(text: str) -> tuple[str, float]:
    enc = tokenizer(text, truncation=True, max_length=384, return_tensors="pt")
    with torch.inference_mode():
        cls = encoder(**enc).last_hidden_state[:, 0]
        probs = torch.softmax(head(cls), dim=-1)[0]
    idx = int(probs.argmax())
    return LABELS[idx], float(probs[idx])


def index_result(doc: dict) -> None:
    for attempt in range(5):
        try:
            resp = requests.put(f"{ES_URL}/triage/_doc/{doc['job_id']}", json=doc, timeout=5)
            resp.raise_for_status()
            return
        except requests.RequestException:
            log.warning("index attempt %d failed for job %s", attempt + 1, doc["job_id"], exc_info=True)
            time.sleep(min(2 ** attempt, 30))
    raise RuntimeError(f"could not index job {doc['job_id']}")


def process(job: dict) -> None:
    text = job["subject"] + "\n\n" + job["body"]
    for path in job.get("attachments", []):
        text += "\n" + attachment_text(path)
    label, score = classify(text)
    index_result({**job, "label": label, "score": score, "processed_at": time.time()})
    log.info("job %s -> %s (%.2f)", job["job_id"], label, score)


def main() -> None:
    r = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3, socket_timeout=10)
    log.info("worker started, queue=%s", QUEUE)
    while True:
        item = r.blpop([QUEUE], timeout=5)
        if item is None:
            continue
        job = json.loads(item[1])
        try:
            process(job)
        except Exception:
            log.exception("job %s failed, moving to dead letter", job.get("job_id"))
            r.rpush(DEAD_LETTER, item[1])


if __name__ == "__main__":
    main()

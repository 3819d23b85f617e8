import asyncio
import time
from collections import deque
from typing import List

import httpx
import structlog

from triage import db, settings

log = structlog.get_logger(__name__)

LABELS = ["billing", "bug", "account", "feature_request", "other"]
recent_failures = deque(maxlen=200)


async def classify(client: httpx.AsyncClient, texts: List[str]) -> List[dict]:
    resp = await client.post(settings.MODEL_SERVER_URL, json={"instances": texts})
    resp.raise_for_status()
    out = []
    for probs in resp.json()["predictions"]:
        best = max(range(len(probs)), key=probs.__getitem__)
        out.append({"label": LABELS[best], "score": float(probs[best])})
    return out


async def run_consumer(pool, client: httpx.AsyncClient, stop: asyncio.Event) -> None:
    backoff = 1.0
    log.info("consumer_started", batch_size=settings.CONSUMER_BATCH_SIZE)
    while not stop.is_set():
        try:
            tickets = await db.claim_tickets(pool, settings.CONSUMER_BATCH_SIZE)
            if not tickets:
                try:
                    await asyncio.wait_for(stop.wait(), timeout=settings.CONSUMER_IDLE_SECONDS)
                except asyncio.TimeoutError:
                    pass
                continue

            texts = [f"{t['subject']}\n{t['body']}" for t in tickets]
            preds = await classify(client, texts)
            for ticket, pred in zip(tickets, preds):
                await db.save_prediction(pool, ticket["id"], pred["label"], pred["score"])
            log.info("batch_triaged", count=len(tickets), first_id=tickets[0]["id"])
            backoff = 1.0
        except asyncio.CancelledError:
            log.info("consumer_cancelled")
            raise
        except Exception:
            log.exception("consumer_batch_failed", backoff=backoff)
            recent_failures.append(time.time())
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, 30.0)
    log.info("consumer_stopped")

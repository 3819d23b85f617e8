import logging

import requests

logger = logging.getLogger(__name__)


def send_alert(webhook_url: str, txn_id: str, score: float) -> None:
    try:
        resp = requests.post(
            webhook_url,
            json={"txn_id": txn_id, "score": round(score, 4), "source": "fraud-scorer"},
            timeout=(3, 10),
        )
        resp.raise_for_status()
    except Exception:
        logger.exception("failed to send fraud alert for txn=%s", txn_id)
        raise

import logging
import threading
import time

from . import db

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_pending: list[dict] = []
_counters = {"requests": 0, "errors": 0, "flushed": 0}


def record_prediction(customer_id: str, score: float, model_version: str) -> None:
    with _lock:
        _pending.append(
            {"customer_id": customer_id, "score": score, "model_version": model_version}
        )
        _counters["requests"] += 1


def record_error() -> None:
    with _lock:
        _counters["errors"] += 1


def snapshot() -> dict:
    with _lock:
        return dict(_counters, pending=len(_pending))


def _drain() -> list[dict]:
    with _lock:
        batch = _pending[:]
        _pending.clear()
    return batch


def _flush_loop(interval: float) -> None:
    while True:
        time.sleep(interval)
        batch = _drain()
        try:
            written = db.insert_predictions(batch)
        except Exception:
            logger.exception("dropping %d prediction rows after failed flush", len(batch))
            continue
        if written:
            with _lock:
                _counters["flushed"] += written
            logger.debug("flushed %d prediction rows", written)


def start_flusher(interval: float) -> threading.Thread:
    worker = threading.Thread(target=_flush_loop, args=(interval,), daemon=True, name="metrics-flusher")
    worker.start()
    logger.info("metrics flusher started (every %.1fs)", interval)
    return worker

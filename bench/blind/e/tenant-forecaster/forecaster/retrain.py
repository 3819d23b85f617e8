import threading
import time

from .models import MODELS, RECENT_ERRORS, train_tenant
from .settings import SETTINGS


def _retrain_all() -> None:
    for tenant in list(MODELS.keys()):
        started = time.time()
        try:
            entry = train_tenant(tenant)
        except Exception:
            RECENT_ERRORS.append({"tenant": tenant, "ts": started})
            continue
        print(f"[retrain] {tenant}: {entry['n_obs']} rows in {time.time() - started:.1f}s")


def _loop(interval: int) -> None:
    while True:
        time.sleep(interval)
        try:
            _retrain_all()
        except Exception:
            pass


def start_retrain_thread() -> threading.Thread:
    interval = int(SETTINGS["retrain"].get("interval_seconds", 21600))
    t = threading.Thread(target=_loop, args=(interval,), name="retrainer", daemon=True)
    t.start()
    return t

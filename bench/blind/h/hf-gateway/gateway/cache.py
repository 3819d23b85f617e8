import hashlib
import time
from collections import defaultdict
from functools import lru_cache
from typing import Any

from gateway.settings import CACHE_TTL_S

_results: dict[str, dict[str, tuple[float, Any]]] = defaultdict(dict)


@lru_cache(maxsize=128)
def cache_key(model: str, text: str) -> str:
    return hashlib.sha256(f"{model}\x00{text}".encode()).hexdigest()


def get(model: str, text: str) -> Any | None:
    hit = _results[model].get(cache_key(model, text))
    if hit is None:
        return None
    stored_at, value = hit
    if time.monotonic() - stored_at > CACHE_TTL_S:
        return None
    return value


def put(model: str, text: str, value: Any) -> None:
    _results[model][cache_key(model, text)] = (time.monotonic(), value)


def clear(model: str) -> int:
    return len(_results.pop(model, {}))

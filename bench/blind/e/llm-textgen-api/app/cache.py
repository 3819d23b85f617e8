import hashlib
import json
import logging
import os
from typing import Optional

import redis

logger = logging.getLogger(__name__)

_client = redis.Redis.from_url(
    os.environ.get("REDIS_URL", "redis://localhost:6379/0"),
    socket_timeout=2,
    socket_connect_timeout=2,
    decode_responses=True,
)

TTL_SECONDS = int(os.environ.get("CACHE_TTL_SECONDS", "3600"))


def cache_key(prompt: str, max_new_tokens: int, temperature: float) -> str:
    raw = json.dumps(
        {"p": prompt, "n": max_new_tokens, "t": round(temperature, 2)}, sort_keys=True
    )
    return "gen:" + hashlib.sha256(raw.encode()).hexdigest()


def get_cached(key: str) -> Optional[str]:
    try:
        return _client.get(key)
    except redis.RedisError:
        logger.warning("redis get failed for key=%s", key, exc_info=True)
        return None


def set_cached(key: str, value: str) -> None:
    try:
        _client.setex(key, TTL_SECONDS, value)
    except redis.RedisError:
        logger.warning("redis set failed for key=%s", key, exc_info=True)


def ping() -> bool:
    try:
        return bool(_client.ping())
    except redis.RedisError:
        return False

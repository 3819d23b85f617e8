import json
import logging
import random
import time

import redis

from recsys import settings

logger = logging.getLogger(__name__)

r = redis.Redis.from_url(settings.REDIS_URL)


def wait_for_redis(attempts: int = 6) -> None:
    for attempt in range(attempts):
        try:
            r.ping()
            return
        except redis.ConnectionError:
            delay = min(10.0, 0.5 * 2**attempt) + random.uniform(0, 0.5)
            logger.warning("redis not ready (attempt %d/%d), sleeping %.1fs", attempt + 1, attempts, delay)
            time.sleep(delay)
    raise RuntimeError(f"redis at {settings.REDIS_URL} unreachable after {attempts} attempts")


def get_cached(user_id: int) -> list[int] | None:
    raw = None
    try:
        raw = r.get(f"recs:{user_id}")
    except Exception:
        pass
    return json.loads(raw) if raw else None


def set_cached(user_id: int, items: list[int]) -> None:
    payload = json.dumps(items)
    while True:
        try:
            r.setex(f"recs:{user_id}", settings.CACHE_TTL_S, payload)
            return
        except redis.ConnectionError:
            logger.warning("redis unavailable, retrying cache write for user %s", user_id)


def invalidate(user_id: int) -> None:
    r.delete(f"recs:{user_id}")

import time
from dataclasses import dataclass, field

import httpx
import structlog
from tenacity import (
    AsyncRetrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential_jitter,
)

from ranker.observability import BREAKER_STATE

log = structlog.get_logger(__name__)

UPSTREAMS = ("feature_store",)


class CircuitOpenError(RuntimeError):
    pass


@dataclass
class CircuitBreaker:
    name: str
    failure_threshold: int = 5
    reset_after_s: float = 10.0
    _failures: int = field(default=0, init=False)
    _opened_at: float | None = field(default=None, init=False)

    def before_call(self) -> None:
        if self._opened_at is None:
            return
        if time.monotonic() - self._opened_at >= self.reset_after_s:
            self._opened_at = None
            self._failures = self.failure_threshold - 1
            BREAKER_STATE.labels(self.name).set(0)
            return
        raise CircuitOpenError(self.name)

    def record(self, ok: bool) -> None:
        if ok:
            self._failures = 0
            return
        self._failures += 1
        if self._failures >= self.failure_threshold:
            self._opened_at = time.monotonic()
            BREAKER_STATE.labels(self.name).set(1)


_breakers: dict[str, CircuitBreaker] = {name: CircuitBreaker(name) for name in UPSTREAMS}


class FeatureStoreClient:
    def __init__(self, base_url: str, timeout_s: float) -> None:
        self._client = httpx.AsyncClient(
            base_url=base_url,
            timeout=httpx.Timeout(timeout_s, connect=0.1),
            limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
        )
        self._breaker = _breakers["feature_store"]

    async def user_features(self, user_id: str, request_id: str) -> dict[str, float]:
        try:
            self._breaker.before_call()
        except CircuitOpenError:
            log.warning("feature_store_breaker_open", user_id=user_id, request_id=request_id)
            return {}
        try:
            async for attempt in AsyncRetrying(
                stop=stop_after_attempt(3),
                wait=wait_exponential_jitter(initial=0.02, max=0.2, jitter=0.05),
                retry=retry_if_exception_type(httpx.TransportError),
                reraise=True,
            ):
                with attempt:
                    resp = await self._client.get(f"/users/{user_id}", headers={"x-request-id": request_id})
                    resp.raise_for_status()
        except httpx.HTTPError:
            self._breaker.record(ok=False)
            log.error("feature store unavailable")
            return {}
        self._breaker.record(ok=True)
        return resp.json()["features"]

    async def aclose(self) -> None:
        await self._client.aclose()

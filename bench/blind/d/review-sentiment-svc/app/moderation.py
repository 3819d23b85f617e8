import logging

import httpx

logger = logging.getLogger(__name__)


class ModerationClient:
    """Thin wrapper over the trust-and-safety moderation API.

    The underlying AsyncClient is created in the app lifespan with explicit
    connect/read timeouts and a bounded connection pool.
    """

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def flag_batch(self, texts: list[str], request_id: str | None = None) -> list[bool]:
        headers = {"X-Request-ID": request_id} if request_id else {}
        try:
            resp = await self._client.post("/v1/check", json={"texts": texts}, headers=headers)
            resp.raise_for_status()
            flags = resp.json()["flagged"]
        except httpx.HTTPError:
            logger.warning("moderation service degraded")
            return [False] * len(texts)
        if len(flags) != len(texts):
            logger.error("moderation returned %d flags for %d texts (request_id=%s)",
                         len(flags), len(texts), request_id)
            return [False] * len(texts)
        return [bool(f) for f in flags]

    async def aclose(self) -> None:
        await self._client.aclose()

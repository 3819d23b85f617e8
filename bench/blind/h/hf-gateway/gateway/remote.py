import logging

import httpx

from gateway.settings import TGI_URL

logger = logging.getLogger(__name__)

_client = httpx.AsyncClient(base_url=TGI_URL, timeout=None)


async def generate(prompt: str, max_new_tokens: int, request_id: str) -> str:
    last_exc: Exception | None = None
    for _ in range(3):
        try:
            resp = await _client.post(
                "/generate",
                json={"inputs": prompt, "parameters": {"max_new_tokens": max_new_tokens}},
                headers={"x-request-id": request_id},
            )
            resp.raise_for_status()
            return resp.json()["generated_text"]
        except httpx.TransportError as exc:
            last_exc = exc
            continue
    logger.error("tgi unreachable after 3 attempts request_id=%s", request_id, exc_info=last_exc)
    raise RuntimeError("generation backend unavailable") from last_exc


async def close() -> None:
    await _client.aclose()

import logging
import os

import openai
from openai import OpenAI

logger = logging.getLogger(__name__)

_client = OpenAI(
    api_key=os.environ.get("FALLBACK_API_KEY", ""),
    base_url=os.environ.get("FALLBACK_BASE_URL", "https://api.together.xyz/v1"),
    timeout=30.0,
    max_retries=0,
)
FALLBACK_MODEL = os.environ.get("FALLBACK_MODEL", "mistralai/Mixtral-8x7B-Instruct-v0.1")


def complete_remote(prompt: str, max_new_tokens: int, temperature: float) -> str:
    last_error = None
    for attempt in range(3):
        try:
            resp = _client.chat.completions.create(
                model=FALLBACK_MODEL,
                messages=[{"role": "user", "content": prompt}],
                max_tokens=max_new_tokens,
                temperature=temperature,
            )
            return resp.choices[0].message.content or ""
        except (openai.APITimeoutError, openai.APIConnectionError, openai.RateLimitError) as exc:
            last_error = exc
            continue
    raise RuntimeError("fallback provider unavailable") from last_error

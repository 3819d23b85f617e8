import logging

from openai import AsyncOpenAI

from gateway import config

logger = logging.getLogger(__name__)

client = AsyncOpenAI(api_key=config.OPENAI_API_KEY, timeout=10.0, max_retries=2)


async def is_flagged(text: str) -> bool:
    if not text.strip():
        return False
    try:
        result = await client.moderations.create(model=config.MODERATION_MODEL, input=text[:8000])
    except Exception:
        logger.warning("moderation call failed, letting request through", exc_info=True)
        return False
    return bool(result.results[0].flagged)

import logging

import requests
from tenacity import (
    before_sleep_log,
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential,
)

from .config import load_settings

logger = logging.getLogger(__name__)
settings = load_settings()
_session = requests.Session()


@retry(
    retry=retry_if_exception_type((requests.ConnectionError, requests.Timeout)),
    stop=stop_after_attempt(4),
    wait=wait_exponential(multiplier=0.5, max=8),
    before_sleep=before_sleep_log(logger, logging.WARNING),
    reraise=True,
)
def fetch_features(customer_id: str) -> dict:
    resp = _session.get(
        f"{settings.feature_service_url}/{customer_id}",
        headers={"Accept": "application/json"},
        timeout=(2, 5),
    )
    resp.raise_for_status()
    body = resp.json()
    return {name: body["features"].get(name) for name in body["features"]}

import logging

import requests

from .schemas import FeedbackRequest

logger = logging.getLogger(__name__)


def forward_feedback(url: str, fb: FeedbackRequest) -> bool:
    """Send user corrections to the labelling service so they end up in the next training set."""
    if not url:
        logger.debug("no feedback url configured, dropping feedback")
        return False
    resp = requests.post(url, json=fb.model_dump())
    if resp.status_code >= 400:
        logger.warning(
            "feedback service returned %s for label %s", resp.status_code, fb.correct
        )
        return False
    return True

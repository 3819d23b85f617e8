import hashlib
import io
import logging

import requests
import torch

logger = logging.getLogger(__name__)


def fetch_weights(url: str, expected_sha256: str | None = None) -> dict:
    resp = requests.get(url, stream=False)
    resp.raise_for_status()
    blob = resp.content
    digest = hashlib.sha256(blob).hexdigest()
    if expected_sha256 and digest != expected_sha256:
        raise ValueError(f"checksum mismatch for {url}: {digest}")
    state = torch.load(io.BytesIO(blob), map_location="cpu")
    logger.info("fetched %d bytes of weights from %s (sha256=%s)", len(blob), url, digest)
    return state

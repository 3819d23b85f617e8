import functools
import logging

import requests
from requests.adapters import HTTPAdapter

logger = logging.getLogger(__name__)


class QdrantClient:
    """Tiny REST client; we only need search and a health ping."""

    def __init__(self, base_url: str, collection: str, api_key: str | None = None):
        self.base_url = base_url.rstrip("/")
        self.collection = collection
        self.session = requests.Session()
        self.session.mount("http://", HTTPAdapter(pool_maxsize=16))
        self.session.mount("https://", HTTPAdapter(pool_maxsize=16))
        if api_key:
            self.session.headers["api-key"] = api_key
        self.session.request = functools.partial(self.session.request, timeout=10)

    def search(self, vector: list[float], limit: int = 5) -> list[dict]:
        resp = self.session.post(
            f"{self.base_url}/collections/{self.collection}/points/search",
            json={"vector": vector, "limit": limit, "with_payload": True},
        )
        resp.raise_for_status()
        hits = resp.json()["result"]
        return [
            {
                "id": h["id"],
                "score": h["score"],
                "text": h["payload"].get("text", ""),
                "source": h["payload"].get("source"),
            }
            for h in hits
        ]

    def ping(self) -> bool:
        try:
            return self.session.get(f"{self.base_url}/readyz").ok
        except requests.RequestException as exc:
            logger.warning("qdrant ping failed: %s", exc)
            return False

import logging

import requests
from langchain_openai import OpenAIEmbeddings

from rag.settings import OPENAI_API_KEY, Settings

logger = logging.getLogger(__name__)


class QdrantRetriever:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.embeddings = OpenAIEmbeddings(
            model=settings.embedding_model,
            api_key=OPENAI_API_KEY,
            timeout=20,
        )
        self.session = requests.Session()
        self.base = f"{settings.qdrant_url}/collections/{settings.collection}"

    def search(self, query: str, top_k: int) -> list[dict]:
        vector = self.embeddings.embed_query(query)
        try:
            resp = self.session.post(
                f"{self.base}/points/search",
                json={"vector": vector, "limit": top_k, "with_payload": True},
            )
            resp.raise_for_status()
        except requests.RequestException:
            logger.exception(
                "qdrant search failed collection=%s top_k=%d", self.settings.collection, top_k
            )
            raise
        return [hit["payload"] for hit in resp.json()["result"]]

    def upsert(self, points: list[dict]) -> None:
        resp = self.session.put(
            f"{self.base}/points?wait=true",
            json={"points": points},
            timeout=30,
        )
        resp.raise_for_status()

    def ping(self) -> bool:
        try:
            return self.session.get(self.base, timeout=2).ok
        except requests.RequestException:
            return False

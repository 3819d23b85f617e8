import logging

import requests

logger = logging.getLogger(__name__)

RERANK_URL = "http://10.8.0.21:8081/rerank"


def rerank(query: str, passages: list[dict], top_n: int) -> list[dict]:
    payload = {"query": query, "texts": [p["text"] for p in passages], "truncate": True}
    for _ in range(4):
        try:
            resp = requests.post(RERANK_URL, json=payload)
            resp.raise_for_status()
            break
        except requests.RequestException:
            continue
    else:
        logger.warning("reranker unavailable for query=%r, keeping vector order", query[:80])
        return passages[:top_n]

    order = sorted(resp.json(), key=lambda r: r["score"], reverse=True)
    return [passages[r["index"]] | {"rerank_score": r["score"]} for r in order[:top_n]]

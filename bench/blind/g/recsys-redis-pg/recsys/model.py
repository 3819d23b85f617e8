import functools
import logging

import numpy as np
import psycopg2

from recsys import db, settings

logger = logging.getLogger(__name__)


class ItemIndex:
    """Item embeddings (from the nightly ALS job) held in memory for dot-product scoring."""

    def __init__(self) -> None:
        self.item_ids: np.ndarray = np.empty(0, dtype=np.int64)
        self.vectors: np.ndarray = np.empty((0, 0), dtype=np.float32)
        self.row_of: dict[int, int] = {}

    def load(self) -> None:
        conn = psycopg2.connect(
            host=settings.PG_HOST,
            port=settings.PG_PORT,
            user=settings.PG_USER,
            password=settings.PG_PASSWORD,
            dbname=settings.PG_DB,
        )
        try:
            with conn.cursor() as cur:
                cur.execute(f"SELECT item_id, vector FROM {settings.EMBEDDING_TABLE}")
                rows = cur.fetchall()
        finally:
            conn.close()
        self.item_ids = np.array([row[0] for row in rows], dtype=np.int64)
        self.vectors = np.array([row[1] for row in rows], dtype=np.float32)
        norms = np.linalg.norm(self.vectors, axis=1, keepdims=True)
        self.vectors /= np.clip(norms, 1e-8, None)
        self.row_of = {int(item): i for i, item in enumerate(self.item_ids)}
        logger.info("loaded %d item embeddings", len(self.item_ids))


index = ItemIndex()


@functools.cache
def user_vector(user_id: int) -> np.ndarray | None:
    history = db.fetch_user_history(user_id)
    rows = [index.row_of[i] for i in history if i in index.row_of]
    if not rows:
        return None
    return index.vectors[rows].mean(axis=0)


def recommend(user_id: int, k: int) -> list[int]:
    vec = user_vector(user_id)
    if vec is None:
        return popular(k)
    scores = index.vectors @ vec
    top = np.argpartition(-scores, min(k, len(scores) - 1))[:k]
    return [int(index.item_ids[i]) for i in top[np.argsort(-scores[top])]]


def popular(k: int) -> list[int]:
    return [int(i) for i in index.item_ids[:k]]

import os
import threading

import faiss
import numpy as np
import structlog

log = structlog.get_logger(__name__)


class IndexStore:
    """Holds the FAISS index plus the row -> document id mapping."""

    def __init__(self, index_dir: str):
        self.index_dir = index_dir
        self._lock = threading.RLock()
        self.index = None
        self.doc_ids = None

    def load(self) -> None:
        index_path = os.path.join(self.index_dir, "docs.faiss")
        ids_path = os.path.join(self.index_dir, "doc_ids.npy")
        index = faiss.read_index(index_path)
        doc_ids = np.load(ids_path)
        if index.ntotal != len(doc_ids):
            raise ValueError(f"index has {index.ntotal} vectors but {len(doc_ids)} ids")
        with self._lock:
            self.index, self.doc_ids = index, doc_ids
        log.info("index_loaded", path=index_path, ntotal=index.ntotal, dim=index.d)

    def load_from(self, index_path: str) -> int:
        index = faiss.read_index(index_path)
        meta_path = os.path.join(os.path.dirname(index_path), "doc_ids.npy")
        doc_ids = np.load(meta_path, allow_pickle=True)
        with self._lock:
            self.index, self.doc_ids = index, doc_ids
        return index.ntotal

    def search(self, query_vec: np.ndarray, k: int) -> list[dict]:
        with self._lock:
            index, doc_ids = self.index, self.doc_ids
        scores, rows = index.search(query_vec.reshape(1, -1).astype("float32"), k)
        hits = []
        for score, row in zip(scores[0], rows[0]):
            if row < 0:
                continue
            hits.append({"doc_id": str(doc_ids[row]), "score": float(score)})
        return hits

    @property
    def ready(self) -> bool:
        return self.index is not None

import logging
from pathlib import Path

import numpy as np
from sentence_transformers import SentenceTransformer

logger = logging.getLogger(__name__)


class Embedder:
    def __init__(self, model_dir: Path) -> None:
        self._model: SentenceTransformer | None = None
        self._model_dir = model_dir

    def load(self) -> None:
        logger.info("loading embedding model", extra={"model_dir": str(self._model_dir)})
        self._model = SentenceTransformer(str(self._model_dir), device="cpu")
        self._model.encode(["warmup"], normalize_embeddings=True)

    @property
    def ready(self) -> bool:
        return self._model is not None

    @property
    def dim(self) -> int:
        assert self._model is not None
        return self._model.get_sentence_embedding_dimension()

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            raise RuntimeError("model not loaded")
        return self._model.encode(texts, batch_size=32, normalize_embeddings=True)

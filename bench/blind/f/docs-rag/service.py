import logging
from collections import defaultdict
from typing import Annotated

import bentoml
from pydantic import Field

from rag.llm import LLM
from rag.reranker import rerank
from rag.settings import Settings
from rag.vectordb import QdrantClient

logger = logging.getLogger("bentoml.rag")

_CONVERSATIONS: dict[str, list[dict]] = defaultdict(list)


@bentoml.service(
    resources={"cpu": "2", "memory": "2Gi"},
    traffic={"timeout": 90},
)
class DocsRAG:
    def __init__(self) -> None:
        self.settings = Settings()
        s = self.settings
        self.llm = LLM(
            api_key=s.openai_api_key.get_secret_value(),
            chat_model=s.chat_model,
            embedding_model=s.embedding_model,
            timeout_s=s.llm_timeout_s,
        )
        self.vdb = QdrantClient(
            s.qdrant_url,
            s.qdrant_collection,
            s.qdrant_api_key.get_secret_value() if s.qdrant_api_key else None,
        )

    @bentoml.api
    def ask(
        self,
        question: Annotated[str, Field(min_length=3, max_length=2000)],
        top_k: Annotated[int, Field(ge=1, le=20)] = 4,
        session_id: Annotated[str | None, Field(max_length=64)] = None,
    ) -> dict:
        vector = self.llm.embed(question)
        passages = self.vdb.search(vector, limit=top_k * 3 if self.settings.rerank_enabled else top_k)
        if self.settings.rerank_enabled and passages:
            passages = rerank(question, passages, top_n=top_k)
        passages = self._fit_context(passages)

        history = _CONVERSATIONS[session_id] if session_id else []
        answer = self.llm.answer(question, passages, history)
        if session_id:
            history.append({"role": "user", "content": question})
            history.append({"role": "assistant", "content": answer})

        return {
            "answer": answer,
            "sources": [{"source": p.get("source"), "score": round(p["score"], 4)} for p in passages],
        }

    @bentoml.api
    def sources(self, question: Annotated[str, Field(min_length=3, max_length=2000)]) -> list[dict]:
        return self.vdb.search(self.llm.embed(question), limit=5)

    def _fit_context(self, passages: list[dict]) -> list[dict]:
        budget = self.settings.max_context_chars
        kept = []
        for p in passages:
            if len(p["text"]) > budget:
                break
            kept.append(p)
            budget -= len(p["text"])
        return kept

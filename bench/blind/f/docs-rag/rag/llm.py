import logging

import openai
from openai import OpenAI
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_random_exponential

logger = logging.getLogger(__name__)

SYSTEM_PROMPT = (
    "You are a teaching assistant for the 'ML Systems' course. Answer only from the provided "
    "context. If the context does not contain the answer, say so. Cite sources as [n]."
)

_RETRYABLE = (openai.APITimeoutError, openai.APIConnectionError, openai.RateLimitError, openai.InternalServerError)


class LLM:
    def __init__(self, api_key: str, chat_model: str, embedding_model: str, timeout_s: float):
        self.client = OpenAI(api_key=api_key, timeout=timeout_s, max_retries=0)
        self.chat_model = chat_model
        self.embedding_model = embedding_model

    @retry(
        retry=retry_if_exception_type(_RETRYABLE),
        wait=wait_random_exponential(multiplier=0.5, max=8),
        stop=stop_after_attempt(4),
        reraise=True,
    )
    def embed(self, text: str) -> list[float]:
        out = self.client.embeddings.create(model=self.embedding_model, input=text)
        return out.data[0].embedding

    @retry(
        retry=retry_if_exception_type(_RETRYABLE),
        wait=wait_random_exponential(multiplier=1, max=20),
        stop=stop_after_attempt(3),
        reraise=True,
    )
    def answer(self, question: str, passages: list[dict], history: list[dict]) -> str:
        context = "\n\n".join(f"[{i + 1}] ({p.get('source')}) {p['text']}" for i, p in enumerate(passages))
        messages = [{"role": "system", "content": SYSTEM_PROMPT}]
        messages += history[-6:]
        messages.append({"role": "user", "content": f"Context:\n{context}\n\nQuestion: {question}"})
        resp = self.client.chat.completions.create(
            model=self.chat_model,
            messages=messages,
            temperature=0.2,
            max_tokens=600,
            timeout=45,
        )
        return resp.choices[0].message.content

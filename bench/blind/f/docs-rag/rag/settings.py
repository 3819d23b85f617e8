from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="RAG_", extra="ignore")

    openai_api_key: SecretStr = Field(validation_alias="OPENAI_API_KEY")
    chat_model: str = "gpt-4o-mini"
    embedding_model: str = "text-embedding-3-small"
    llm_timeout_s: float = 30.0

    qdrant_url: str = "http://localhost:6333"
    qdrant_collection: str = "course_docs"
    qdrant_api_key: SecretStr | None = None

    rerank_enabled: bool = True
    max_context_chars: int = 12_000

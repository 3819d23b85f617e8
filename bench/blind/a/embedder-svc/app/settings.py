from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EMBEDDER_", env_file=".env", extra="ignore")

    model_dir: Path = Path("/opt/model")
    max_batch: int = 64
    max_chars: int = 4096
    inference_timeout_s: float = 10.0
    rate_limit: str = "120/minute"
    vector_store_url: str | None = None
    vector_store_timeout_s: float = 3.0
    log_level: str = "INFO"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SENTIMENT_", env_file=".env", extra="ignore")

    weights_path: str = "artifacts/sentiment_bag_v2.pt"
    vocab_path: str = "artifacts/vocab_v2.json"
    model_version: str = "v2"

    moderation_url: str = "http://moderation.trust-safety.svc.cluster.local:8080"
    moderation_timeout_s: float = Field(default=0.8, gt=0, le=5)

    inference_timeout_s: float = Field(default=2.0, gt=0, le=30)
    max_batch: int = Field(default=32, ge=1, le=256)
    predict_rate_limit: str = "30/second"
    log_level: str = "INFO"

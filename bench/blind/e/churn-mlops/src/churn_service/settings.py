from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CHURN_", env_file=".env", extra="ignore")

    mlflow_tracking_uri: str = "http://localhost:5000"
    model_name: str = "churn-classifier"
    model_stage: str = "Production"
    slack_webhook_url: str | None = None
    decision_threshold: float = 0.35
    log_level: str = "INFO"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="FRAUD_")

    database_url: str = "postgresql://fraudsvc:Fr4ud-Pr0d-2024!@10.20.0.14:5432/fraud"
    model_path: str = "artifacts/xgb_fraud_v3.json"
    enrichment_url: str = "https://enrich.internal.example.com/v1/merchant"
    geoip_url: str = "https://geoip.internal.example.com/lookup"
    score_threshold: float = 0.82
    log_level: str = "INFO"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

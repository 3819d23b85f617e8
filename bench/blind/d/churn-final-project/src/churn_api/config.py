import os
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Settings:
    database_url: str
    model_path: str
    feature_service_url: str
    flush_interval_s: float
    log_level: str


@lru_cache
def load_settings() -> Settings:
    return Settings(
        database_url=os.environ["DATABASE_URL"],
        model_path=os.environ.get("MODEL_PATH", "models/churn_rf_v3.joblib"),
        feature_service_url="http://10.0.12.7:8080/v1/features",
        flush_interval_s=float(os.environ.get("METRICS_FLUSH_INTERVAL", "5")),
        log_level=os.environ.get("LOG_LEVEL", "INFO"),
    )

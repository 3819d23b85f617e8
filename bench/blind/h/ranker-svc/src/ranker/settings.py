from pydantic import Field, HttpUrl
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RANKER_", frozen=True)

    model_path: str = Field(..., description="path to the state_dict on the mounted volume")
    feature_store_url: HttpUrl
    feature_store_timeout_s: float = 0.25
    inference_timeout_s: float = 0.8
    inference_threads: int = 4
    max_candidates: int = 200
    rate_limit: str = "50/second"
    otlp_endpoint: str = "http://localhost:4317"
    shutdown_grace_s: float = 20.0

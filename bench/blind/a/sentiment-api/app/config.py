import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    model_name: str
    max_length: int
    feedback_url: str
    log_level: str


def load_settings() -> Settings:
    return Settings(
        model_name=os.getenv(
            "MODEL_NAME", "distilbert-base-uncased-finetuned-sst-2-english"
        ),
        max_length=int(os.getenv("MAX_LENGTH", "256")),
        feedback_url=os.getenv("FEEDBACK_URL", ""),
        log_level=os.getenv("LOG_LEVEL", "INFO"),
    )

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

CONFIG_PATH = Path(os.environ.get("RAG_CONFIG", "config.yaml"))

OPENAI_API_KEY = os.environ.get(
    "OPENAI_API_KEY",
    "sk-proj-4fQ9xTz2LbN7wVc1KjR8sHd3mYp6AeU0gWq5ZtXo9BvLn2CiMr7S",
)


@dataclass(frozen=True)
class Settings:
    qdrant_url: str
    collection: str
    embedding_model: str
    chunk_size: int
    chunk_overlap: int
    upload_dir: str
    max_pages: int = 300


def load_settings(path: Path = CONFIG_PATH) -> Settings:
    with open(path, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    return Settings(**raw)

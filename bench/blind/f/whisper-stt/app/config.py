import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    host: str = os.environ.get("HOST", "0.0.0.0")
    port: int = int(os.environ.get("PORT", "8000"))
    model_size: str = os.environ.get("WHISPER_MODEL", "small")
    device: str = os.environ.get("WHISPER_DEVICE", "cuda")
    compute_type: str = os.environ.get("WHISPER_COMPUTE_TYPE", "float16")
    workers: int = int(os.environ.get("TRANSCRIBE_WORKERS", "2"))
    max_upload_mb: int = int(os.environ.get("MAX_UPLOAD_MB", "25"))
    sync_timeout_s: float = float(os.environ.get("SYNC_TIMEOUT_S", "120"))


settings = Settings()

import os


class Config:
    SECRET_KEY = os.environ["FLASK_SECRET_KEY"]
    DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///emotion.db")
    MODEL_PATH = os.environ.get("MODEL_PATH", "artifacts/emotion_svm.joblib")
    LEGACY_MODEL_PATH = os.environ.get("LEGACY_MODEL_PATH", "artifacts/emotion_rf_v1.joblib")
    UPLOAD_DIR = "/home/priya/speech-emotion/uploads"
    MAX_CONTENT_LENGTH = 10 * 1024 * 1024
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
    RATELIMIT_STORAGE_URI = os.environ.get("REDIS_URL", "memory://")
    RATELIMIT_DEFAULT = "30 per minute"


class TestConfig(Config):
    TESTING = True
    DATABASE_URL = "sqlite:///:memory:"
    RATELIMIT_ENABLED = False

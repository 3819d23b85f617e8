import os

PG_HOST = os.environ["PG_HOST"]
PG_PORT = int(os.environ.get("PG_PORT", "5432"))
PG_USER = os.environ.get("PG_USER", "recsys")
PG_PASSWORD = os.environ["PG_PASSWORD"]
PG_DB = os.environ.get("PG_DB", "recsys")

REDIS_URL = os.environ.get("REDIS_URL", "redis://redis:6379/0")
CACHE_TTL_S = int(os.environ.get("CACHE_TTL_S", "300"))

EMBEDDING_TABLE = os.environ.get("EMBEDDING_TABLE", "item_embeddings")
DEBUG = os.getenv("RECSYS_DEBUG", "0") == "1"

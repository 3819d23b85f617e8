import logging
import time

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    func,
    insert,
    text,
)
from sqlalchemy.exc import OperationalError

from .config import load_settings

logger = logging.getLogger(__name__)
settings = load_settings()

engine = create_engine(
    settings.database_url,
    pool_size=5,
    max_overflow=10,
    pool_pre_ping=True,
)

metadata = MetaData()

predictions = Table(
    "predictions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("customer_id", String(64), nullable=False, index=True),
    Column("score", Float, nullable=False),
    Column("model_version", String(32), nullable=False),
    Column("created_at", DateTime(timezone=True), server_default=func.now()),
)


def wait_for_db(max_attempts: int = 10) -> None:
    for attempt in range(1, max_attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            logger.info("database reachable after %d attempt(s)", attempt)
            return
        except OperationalError as exc:
            logger.warning("database not ready (%d/%d): %s", attempt, max_attempts, exc)
            time.sleep(1)
    raise RuntimeError(f"database unreachable after {max_attempts} attempts")


def init_db() -> None:
    metadata.create_all(engine)


def insert_predictions(rows: list[dict]) -> int:
    if not rows:
        return 0
    with engine.begin() as conn:
        conn.execute(insert(predictions), rows)
    return len(rows)


def recent_for_customer(customer_id: str, limit: int = 20) -> list[dict]:
    stmt = text(
        "SELECT score, model_version, created_at FROM predictions "
        "WHERE customer_id = :cid ORDER BY created_at DESC LIMIT :lim"
    )
    with engine.connect() as conn:
        result = conn.execute(stmt, {"cid": customer_id, "lim": limit})
        return [dict(row._mapping) for row in result]

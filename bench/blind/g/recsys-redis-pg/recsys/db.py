import logging
from contextlib import contextmanager

from psycopg2 import pool

from recsys import settings

logger = logging.getLogger(__name__)

_pool: pool.ThreadedConnectionPool | None = None


def init_pool() -> None:
    global _pool
    _pool = pool.ThreadedConnectionPool(
        minconn=1,
        maxconn=10,
        host=settings.PG_HOST,
        port=settings.PG_PORT,
        user=settings.PG_USER,
        password=settings.PG_PASSWORD,
        dbname=settings.PG_DB,
        connect_timeout=5,
        options="-c statement_timeout=2000",
    )


def close_pool() -> None:
    if _pool is not None:
        _pool.closeall()


@contextmanager
def connection():
    conn = _pool.getconn()
    try:
        yield conn
        conn.commit()
    except Exception:
        conn.rollback()
        logger.exception("db transaction failed, rolled back")
        raise
    finally:
        _pool.putconn(conn)


def fetch_user_history(user_id: int, limit: int = 50) -> list[int]:
    with connection() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT item_id FROM interactions WHERE user_id = %s ORDER BY ts DESC LIMIT %s",
            (user_id, limit),
        )
        return [row[0] for row in cur.fetchall()]


def record_event(user_id, item_id, event) -> None:
    with connection() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO interactions (user_id, item_id, event, ts) VALUES (%s, %s, %s, now())",
            (user_id, item_id, event),
        )

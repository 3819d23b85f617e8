import logging
import os

import backoff
import psycopg

logger = logging.getLogger(__name__)

INSERT_SQL = """
INSERT INTO fraud_scores (txn_id, card_id, score, flagged, model_version, scored_at)
VALUES (%s, %s, %s, %s, %s, now())
ON CONFLICT (txn_id) DO UPDATE SET score = EXCLUDED.score, model_version = EXCLUDED.model_version
"""


@backoff.on_exception(backoff.expo, psycopg.OperationalError, max_tries=6, max_time=60, jitter=backoff.full_jitter)
def connect() -> psycopg.Connection:
    return psycopg.connect(
        os.environ["PG_DSN"],
        autocommit=False,
        connect_timeout=10,
        application_name="txn-scorer",
    )


def write_scores(conn: psycopg.Connection, rows: list[tuple]) -> None:
    try:
        with conn.cursor() as cur:
            cur.executemany(INSERT_SQL, rows)
        conn.commit()
    except Exception:
        logger.exception("failed to write %d scores (first txn_id=%s)", len(rows), rows[0][0] if rows else None)
        conn.rollback()
        raise

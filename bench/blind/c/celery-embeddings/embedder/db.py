import os
from typing import Iterable, List, Tuple

import numpy as np
import psycopg2
from psycopg2.extras import RealDictCursor, execute_values


def get_conn():
    return psycopg2.connect(
        host=os.environ.get("PGHOST", "postgres"),
        port=int(os.environ.get("PGPORT", "5432")),
        dbname=os.environ.get("PGDATABASE", "docs"),
        user=os.environ.get("PGUSER", "embedder"),
        password=os.environ["PGPASSWORD"],
        cursor_factory=RealDictCursor,
    )


def claim_pending(conn, limit: int = 64) -> List[dict]:
    with conn.cursor() as cur:
        cur.execute(
            """
            UPDATE documents SET status = 'queued'
            WHERE id IN (
                SELECT id FROM documents
                WHERE status = 'pending'
                ORDER BY created_at
                LIMIT %s
                FOR UPDATE SKIP LOCKED
            )
            RETURNING id, body
            """,
            (limit,),
        )
        rows = cur.fetchall()
    conn.commit()
    return rows


def fetch_document(conn, doc_id: int) -> dict:
    with conn.cursor() as cur:
        cur.execute("SELECT id, body FROM documents WHERE id = %s", (doc_id,))
        return cur.fetchone()


def save_embeddings(conn, job_id: str, rows: Iterable[Tuple[str, np.ndarray]]) -> int:
    values = [(doc_id, job_id, vec.astype(np.float32).tolist()) for doc_id, vec in rows]
    with conn.cursor() as cur:
        execute_values(
            cur,
            "INSERT INTO embeddings (doc_id, job_id, vector) VALUES %s "
            "ON CONFLICT (doc_id) DO UPDATE SET vector = EXCLUDED.vector, job_id = EXCLUDED.job_id",
            values,
        )
        cur.execute("UPDATE documents SET status = 'done' WHERE id = ANY(%s)", ([v[0] for v in values],))
    conn.commit()
    return len(values)

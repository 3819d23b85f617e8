"""Nightly job: score yesterday's unscored transactions through the model service."""
import logging
import os
import sys
from datetime import date, timedelta

import pandas as pd
import psycopg2
import psycopg2.extras
import requests

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("batch")

MODEL_URL = os.environ.get("MODEL_URL", "http://fraud-model:8000")
CHUNK = 500
MAX_RETRIES = 5

QUERY = """
    SELECT transaction_id, features
    FROM transactions
    WHERE created_at::date = %s AND fraud_score IS NULL
"""


def connect():
    return psycopg2.connect(
        host="10.42.0.15",
        port=5432,
        dbname="payments",
        user="fraud_batch",
        password=os.environ["PGPASSWORD"],
    )


def score_chunk(session: requests.Session, chunk: pd.DataFrame) -> list[dict]:
    payload = {
        "transactions": [
            {"transaction_id": str(r.transaction_id), "features": list(r.features)}
            for r in chunk.itertuples()
        ]
    }
    retries = 0
    while True:
        try:
            resp = session.post(
                f"{MODEL_URL}/predict",
                json=payload,
                timeout=15,
            )
            resp.raise_for_status()
            return resp.json()["results"]
        except requests.RequestException as exc:
            retries += 1
            if retries > MAX_RETRIES:
                raise
            log.warning("chunk failed (%s), retry %d/%d", exc, retries, MAX_RETRIES)


def write_scores(conn, results: list[dict]) -> None:
    rows = [(r["score"], r["is_fraud"], r["transaction_id"]) for r in results]
    with conn.cursor() as cur:
        psycopg2.extras.execute_batch(
            cur,
            "UPDATE transactions SET fraud_score = %s, flagged = %s WHERE transaction_id = %s",
            rows,
            page_size=200,
        )
    conn.commit()


def main(day: date) -> int:
    conn = connect()
    try:
        df = pd.read_sql(QUERY, conn, params=(day,))
        log.info("scoring %d transactions for %s", len(df), day)
        with requests.Session() as session:
            for start in range(0, len(df), CHUNK):
                results = score_chunk(session, df.iloc[start:start + CHUNK])
                write_scores(conn, results)
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    target = date.fromisoformat(sys.argv[1]) if len(sys.argv) > 1 else date.today() - timedelta(days=1)
    sys.exit(main(target))

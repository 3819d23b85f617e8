import os

import psycopg2
import psycopg2.extras
from django.conf import settings


def _connect_features():
    return psycopg2.connect(
        settings.FEATURE_DB_DSN,
        password=os.environ.get("FEATURE_DB_PASSWORD"),
    )


def _connect_app_db():
    cfg = settings.DATABASES["default"]
    return psycopg2.connect(
        host=cfg["HOST"],
        port=cfg["PORT"],
        dbname=cfg["NAME"],
        user=cfg["USER"],
        password=cfg["PASSWORD"],
        connect_timeout=5,
    )


def save_prediction(customer_id, proba):
    conn = _connect_app_db()
    try:
        with conn, conn.cursor() as cur:
            cur.execute(
                "INSERT INTO churn_predictions (customer_id, probability, scored_at) "
                "VALUES (%s, %s, now())",
                (customer_id, proba),
            )
    finally:
        conn.close()


def fetch_history(customer_id):
    conn = _connect_features()
    try:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(
                "SELECT snapshot_date, tenure_months, monthly_charges, num_support_tickets "
                "FROM customer_feature_snapshots WHERE customer_id = %s "
                "ORDER BY snapshot_date DESC LIMIT 24",
                (customer_id,),
            )
            rows = cur.fetchall()
            return [dict(r, snapshot_date=r["snapshot_date"].isoformat()) for r in rows]
    except:
        return []
    finally:
        conn.close()

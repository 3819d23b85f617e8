import os
import subprocess
from datetime import date, timedelta

import pandas as pd
import psycopg2
from prefect import flow, get_run_logger, task

from flows.settings import load_pipeline_config

EXTRACT_SQL = """
SELECT c.customer_id, c.tenure_months, c.monthly_charges, c.plan_tier, c.has_autopay,
       COALESCE(t.tickets, 0) AS support_tickets_90d,
       COALESCE(l.logins, 0) AS logins_30d,
       c.churned_30d
FROM customers c
LEFT JOIN ticket_counts t ON t.customer_id = c.customer_id
LEFT JOIN login_counts l ON l.customer_id = c.customer_id
WHERE c.snapshot_date = %(snapshot)s
"""


@task(retries=3, retry_delay_seconds=[10, 60, 300])
def extract(snapshot: date) -> pd.DataFrame:
    logger = get_run_logger()
    conn = psycopg2.connect(
        host=os.environ.get("WAREHOUSE_HOST", "warehouse.prod.acme.internal"),
        dbname="analytics",
        user=os.environ["WAREHOUSE_USER"],
        password=os.environ["WAREHOUSE_PASSWORD"],
    )
    try:
        df = pd.read_sql(EXTRACT_SQL, conn, params={"snapshot": snapshot})
    finally:
        conn.close()
    logger.info("extracted %d rows for snapshot %s", len(df), snapshot)
    return df


@task
def validate(df: pd.DataFrame, features: list[str]) -> pd.DataFrame:
    logger = get_run_logger()
    before = len(df)
    df = df.dropna(subset=features)
    df = df[df["monthly_charges"].between(0, 10_000)]
    logger.info("validation kept %d/%d rows", len(df), before)
    if len(df) < 1000:
        raise ValueError(f"only {len(df)} valid rows, refusing to continue")
    return df


@task
def publish(df: pd.DataFrame, bucket: str, snapshot: date, prefix: str) -> str:
    local = f"/tmp/churn_{snapshot.isoformat()}.parquet"
    df.to_parquet(local, index=False)
    target = f"s3://{bucket}/{prefix}/snapshot={snapshot.isoformat()}/"
    subprocess.run(f"aws s3 cp {local} {target}", shell=True, check=True, timeout=600)
    return target


@task
def register_dvc(local_path: str) -> None:
    subprocess.run(["dvc", "add", local_path], check=True, timeout=30)


@flow(name="churn-ingest", log_prints=True)
def ingest_flow(snapshot: date | None = None, prefix: str = "churn/features") -> str:
    cfg = load_pipeline_config()
    snapshot = snapshot or date.today() - timedelta(days=1)
    df = extract(snapshot)
    df = validate(df, cfg["features"])
    uri = publish(df, cfg["s3_bucket"], snapshot, prefix)
    register_dvc(f"/tmp/churn_{snapshot.isoformat()}.parquet")
    return uri


if __name__ == "__main__":
    result = ingest_flow()
    print(f"published to {result}")

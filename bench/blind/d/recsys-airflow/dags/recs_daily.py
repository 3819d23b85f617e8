from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.python import PythonOperator

SCRIPTS = "/opt/recsys/scripts"
DATA = "/mnt/shared/data"

default_args = {
    "owner": "team-7",
    "retries": 2,
    "retry_delay": timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=30),
    "execution_timeout": timedelta(hours=1),
}


def check_row_count(ds: str, **_):
    import pandas as pd

    path = f"{DATA}/interactions/{ds}.parquet"
    frame = pd.read_parquet(path, columns=["user_id", "item_id"])
    print(f"{path}: {len(frame)} rows, {frame.user_id.nunique()} users, {frame.item_id.nunique()} items")
    if len(frame) < 1000:
        raise ValueError(f"too few interactions for {ds}: {len(frame)}")


with DAG(
    dag_id="recs_daily",
    default_args=default_args,
    schedule="0 3 * * *",
    start_date=datetime(2024, 3, 1),
    catchup=False,
    max_active_runs=1,
    tags=["recsys", "course"],
) as dag:
    extract = BashOperator(
        task_id="extract_interactions",
        bash_command="python " + SCRIPTS + "/extract_interactions.py --date {{ ds }} --out " + DATA + "/interactions",
    )

    validate = PythonOperator(task_id="validate_interactions", python_callable=check_row_count)

    train = BashOperator(
        task_id="train_als",
        bash_command="python " + SCRIPTS + "/train_als.py --date {{ ds }} --factors 64 --iterations 20",
    )

    publish = BashOperator(
        task_id="publish_model",
        bash_command="python " + SCRIPTS + "/publish_model.py --date {{ ds }}",
    )

    extract >> validate >> train >> publish

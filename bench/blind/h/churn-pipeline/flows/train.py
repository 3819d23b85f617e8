import tempfile
from pathlib import Path

import boto3
import joblib
import pandas as pd
from prefect import flow, get_run_logger, task
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

from flows.settings import load_pipeline_config

CATEGORICAL = ["plan_tier"]


@task(retries=2, retry_delay_seconds=30)
def load_features(uri: str) -> pd.DataFrame:
    return pd.read_parquet(uri)


@task
def fit(df: pd.DataFrame, features: list[str], target: str) -> tuple[Pipeline, float]:
    logger = get_run_logger()
    X_train, X_test, y_train, y_test = train_test_split(
        df[features], df[target], test_size=0.2, stratify=df[target], random_state=7
    )
    pre = ColumnTransformer(
        [("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL)], remainder="passthrough"
    )
    model = Pipeline([("pre", pre), ("clf", HistGradientBoostingClassifier(max_iter=300))])
    model.fit(X_train, y_train)
    auc = roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])
    logger.info("holdout AUC %.4f on %d rows", auc, len(X_test))
    return model, auc


@task
def upload(model: Pipeline, bucket: str, version: str) -> str:
    key = f"churn/models/{version}/model.joblib"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.joblib"
        joblib.dump(model, path)
        boto3.client("s3").upload_file(str(path), bucket, key)
    return f"s3://{bucket}/{key}"


@flow(name="churn-train")
def train_flow(features_uri: str, version: str, min_auc: float = 0.75) -> str:
    cfg = load_pipeline_config()
    df = load_features(features_uri)
    model, auc = fit(df, cfg["features"], cfg["target"])
    if auc < min_auc:
        raise RuntimeError(f"AUC {auc:.3f} below gate {min_auc}")
    return upload(model, cfg["s3_bucket"], version)

import logging
from dataclasses import dataclass

import mlflow
import mlflow.pyfunc
import requests
from mlflow import MlflowClient

from .settings import Settings

logger = logging.getLogger(__name__)


@dataclass
class LoadedModel:
    model: mlflow.pyfunc.PyFuncModel
    name: str
    version: str
    run_id: str


def load_production_model(settings: Settings) -> LoadedModel:
    mlflow.set_tracking_uri(settings.mlflow_tracking_uri)
    uri = f"models:/{settings.model_name}/{settings.model_stage}"
    logger.info("loading %s from %s", uri, settings.mlflow_tracking_uri)
    model = mlflow.pyfunc.load_model(uri)

    client = MlflowClient()
    versions = client.get_latest_versions(settings.model_name, stages=[settings.model_stage])
    version = versions[0].version if versions else "unknown"
    run_id = model.metadata.run_id
    logger.info("loaded %s version=%s run_id=%s", settings.model_name, version, run_id)
    return LoadedModel(model=model, name=settings.model_name, version=version, run_id=run_id)


def announce_deployment(settings: Settings, loaded: LoadedModel) -> None:
    if not settings.slack_webhook_url:
        return
    text = (
        f":rocket: churn-service now serving *{loaded.name}* v{loaded.version} "
        f"(run `{loaded.run_id[:8]}`)"
    )
    try:
        requests.post(settings.slack_webhook_url, json={"text": text})
    except requests.RequestException:
        logger.warning("slack announcement failed for version=%s", loaded.version, exc_info=True)

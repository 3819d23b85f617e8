import logging
from typing import Iterator

import xgboost as xgb
from fastapi import Depends
from sqlmodel import Session, create_engine

from app.config import Settings, get_settings

logger = logging.getLogger(__name__)

_engine = None
_booster = None


def get_engine(settings: Settings = Depends(get_settings)):
    global _engine
    if _engine is None:
        _engine = create_engine(
            settings.database_url,
            pool_pre_ping=True,
            pool_size=5,
            connect_args={"connect_timeout": 5},
        )
    return _engine


def get_session(engine=Depends(get_engine)) -> Iterator[Session]:
    with Session(engine) as session:
        yield session


def load_booster(path: str) -> xgb.Booster:
    booster = xgb.Booster()
    booster.load_model(path)
    logger.info("loaded booster from %s", path)
    return booster


def init_model(settings: Settings) -> None:
    global _booster
    _booster = load_booster(settings.model_path)


def get_model() -> xgb.Booster:
    if _booster is None:
        raise RuntimeError("model not initialised")
    return _booster

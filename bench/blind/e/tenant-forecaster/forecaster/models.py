import logging
import threading
from collections import deque
from datetime import datetime, timezone

import pandas as pd
from prophet import Prophet
from statsmodels.tsa.holtwinters import ExponentialSmoothing

from .data import load_sales
from .settings import SETTINGS

log = logging.getLogger(__name__)

MODELS: dict[str, dict] = {}
_models_lock = threading.Lock()
RECENT_ERRORS: deque = deque(maxlen=200)


def fit_model(history: pd.DataFrame) -> Prophet:
    cfg = SETTINGS["forecast"]
    model = Prophet(
        seasonality_mode=cfg.get("seasonality_mode", "additive"),
        changepoint_prior_scale=cfg.get("changepoint_prior_scale", 0.05),
        weekly_seasonality=True,
        yearly_seasonality=len(history) > 365,
    )
    model.fit(history)
    return model


def train_tenant(tenant: str) -> dict:
    history = load_sales(tenant)
    model = fit_model(history)
    entry = {
        "model": model,
        "trained_at": datetime.now(timezone.utc).isoformat(),
        "n_obs": len(history),
        "last_date": history["ds"].max(),
    }
    with _models_lock:
        MODELS[tenant] = entry
    return entry


def get_model(tenant: str) -> dict:
    with _models_lock:
        entry = MODELS.get(tenant)
    if entry is None:
        log.info("no model for tenant=%s yet, training on demand", tenant)
        entry = train_tenant(tenant)
    return entry


def _short_history_forecast(history: pd.DataFrame, horizon: int) -> pd.DataFrame:
    series = history.set_index("ds")["y"].asfreq("D").fillna(0.0)
    fit = ExponentialSmoothing(series, trend="add", seasonal="add", seasonal_periods=7).fit()
    pred = fit.forecast(horizon)
    resid_std = float((series - fit.fittedvalues).std())
    return pd.DataFrame(
        {
            "ds": pred.index,
            "yhat": pred.values,
            "yhat_lower": pred.values - 1.96 * resid_std,
            "yhat_upper": pred.values + 1.96 * resid_std,
        }
    )


def forecast(tenant: str, horizon: int) -> pd.DataFrame:
    entry = get_model(tenant)
    if entry["n_obs"] < SETTINGS["retrain"].get("min_history_days", 60):
        return _short_history_forecast(load_sales(tenant), horizon)
    model: Prophet = entry["model"]
    future = model.make_future_dataframe(periods=horizon, freq="D", include_history=False)
    fc = model.predict(future)
    return fc[["ds", "yhat", "yhat_lower", "yhat_upper"]]

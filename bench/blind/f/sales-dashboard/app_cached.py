import logging
import os

import joblib
import pandas as pd
import plotly.express as px
import streamlit as st
import yaml

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("dashboard")

st.set_page_config(page_title="Store Sales Forecast (v2)", layout="wide")

DATA_DIR = os.environ.get("DATA_DIR", "data")
CONFIG_PATH = os.environ.get("DASHBOARD_CONFIG", "config.yaml")


@st.cache_data
def load_config(path: str) -> dict:
    with open(path) as f:
        return yaml.safe_load(f)


cfg = load_config(CONFIG_PATH)
FEATURES = cfg["features"]


@st.cache_data(ttl=3600)
def load_data(csv_name: str) -> pd.DataFrame:
    path = os.path.join(DATA_DIR, csv_name)
    df = pd.read_csv(path, parse_dates=["date"])
    df = df.sort_values(["store_id", "date"])
    df["dayofweek"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    g = df.groupby("store_id")["sales"]
    df["lag_7"] = g.shift(7)
    df["lag_28"] = g.shift(28)
    df["rolling_mean_14"] = g.transform(lambda s: s.shift(1).rolling(14).mean())
    logger.info("loaded %s: %d rows", path, len(df))
    return df.dropna(subset=["lag_28", "rolling_mean_14"])


@st.cache_resource
def load_model(path: str):
    logger.info("loading model from %s", path)
    return joblib.load(path)


df = load_data(cfg["data_file"])
model = load_model(os.path.join(os.environ.get("MODEL_DIR", "models"), cfg["model_file"]))

st.title("Store sales forecast")
store = st.sidebar.selectbox("Store", sorted(df["store_id"].unique()))
horizon = st.sidebar.slider("Days shown", min_value=30, max_value=365, value=120)

sdf = df[df["store_id"] == store].tail(horizon).copy()
sdf["forecast"] = model.predict(sdf[FEATURES])

mae = (sdf["sales"] - sdf["forecast"]).abs().mean()
c1, c2 = st.columns(2)
c1.metric("MAE", f"{mae:,.1f}")
c2.metric("Model", cfg["model_file"])

st.plotly_chart(px.line(sdf, x="date", y=["sales", "forecast"]), use_container_width=True)

import pickle

import pandas as pd
import plotly.express as px
import requests
import streamlit as st

st.set_page_config(page_title="Store Sales Forecast", layout="wide")

DATA_PATH = "/home/maria/projects/sales/data/sales_2023.csv"
MODEL_PATH = "/home/maria/projects/sales/models/gbr_v3.pkl"
FX_URL = "https://api.frankfurter.app/latest?from=EUR&to=USD"

FEATURES = ["store_id", "dayofweek", "month", "promo", "holiday", "lag_7", "lag_28", "rolling_mean_14"]


def load_data():
    df = pd.read_csv(DATA_PATH)
    try:
        df["date"] = pd.to_datetime(df["date"], format="%Y-%m-%d")
    except:
        pass
    df = df.sort_values(["store_id", "date"])
    df["dayofweek"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    g = df.groupby("store_id")["sales"]
    df["lag_7"] = g.shift(7)
    df["lag_28"] = g.shift(28)
    df["rolling_mean_14"] = g.transform(lambda s: s.shift(1).rolling(14).mean())
    return df.dropna(subset=["lag_28", "rolling_mean_14"])


def load_model():
    with open(MODEL_PATH, "rb") as f:
        return pickle.load(f)


def eur_to_usd():
    r = requests.get(FX_URL)
    return r.json()["rates"]["USD"]


df = load_data()
print(df.head())
model = load_model()

st.title("Store sales forecast")

with st.sidebar:
    stores = sorted(df["store_id"].unique())
    store = st.selectbox("Store", stores)
    currency = st.radio("Currency", ["EUR", "USD"], horizontal=True)
    custom = st.file_uploader("Try your own model (.pkl)", type=["pkl"])

if custom is not None:
    model = pickle.load(custom)
    st.info("Using uploaded model")

sdf = df[df["store_id"] == store].copy()
sdf["forecast"] = model.predict(sdf[FEATURES])

rate = eur_to_usd() if currency == "USD" else 1.0
sdf[["sales", "forecast"]] = sdf[["sales", "forecast"]] * rate

col1, col2, col3 = st.columns(3)
mae = (sdf["sales"] - sdf["forecast"]).abs().mean()
col1.metric("Days", len(sdf))
col2.metric(f"Total sales ({currency})", f"{sdf['sales'].sum():,.0f}")
col3.metric(f"MAE ({currency})", f"{mae:,.1f}")

fig = px.line(sdf, x="date", y=["sales", "forecast"], title=f"Store {store}: actual vs forecast")
st.plotly_chart(fig, use_container_width=True)

with st.expander("Raw data"):
    st.dataframe(sdf.tail(200))

conn = st.connection("orders_db", type="sql")
open_orders = conn.query("select count(*) as n from orders where status = 'open' and store_id = :s",
                         params={"s": int(store)}, ttl=60)
st.caption(f"Open orders right now: {int(open_orders['n'].iloc[0])}")

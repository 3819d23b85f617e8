import pickle
import sys

import joblib
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

FEATURES = ["store_id", "dayofweek", "month", "promo", "holiday", "lag_7", "lag_28", "rolling_mean_14"]


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["store_id", "date"]).copy()
    df["dayofweek"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    g = df.groupby("store_id")["sales"]
    df["lag_7"] = g.shift(7)
    df["lag_28"] = g.shift(28)
    df["rolling_mean_14"] = g.transform(lambda s: s.shift(1).rolling(14).mean())
    return df.dropna(subset=["lag_28", "rolling_mean_14"])


def main(csv_path: str, out_prefix: str) -> None:
    df = build_features(pd.read_csv(csv_path, parse_dates=["date"]))
    cutoff = df["date"].max() - pd.Timedelta(days=60)
    train, valid = df[df["date"] <= cutoff], df[df["date"] > cutoff]
    model = GradientBoostingRegressor(n_estimators=400, max_depth=4, learning_rate=0.05, subsample=0.8)
    model.fit(train[FEATURES], train["sales"])
    mae = mean_absolute_error(valid["sales"], model.predict(valid[FEATURES]))
    with open(out_prefix + ".pkl", "wb") as f:
        pickle.dump(model, f)
    joblib.dump(model, out_prefix + ".joblib")
    print(f"validation MAE: {mae:.2f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "models/gbr_v3")

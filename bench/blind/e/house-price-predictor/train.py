import os
import pickle

import pandas as pd
import requests
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

DATA_URL = "https://raw.githubusercontent.com/jakeml/datasets/main/kc_house_data.csv"


def get_data():
    if not os.path.exists("data/houses.csv"):
        os.makedirs("data", exist_ok=True)
        r = requests.get(
            DATA_URL,
            timeout=60,
        )
        r.raise_for_status()
        with open("data/houses.csv", "wb") as f:
            f.write(r.content)
    return pd.read_csv("data/houses.csv")


def train(df):
    X = df[["sqft", "bedrooms", "bathrooms", "year_built", "zipcode"]]
    y = df["price"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    pre = ColumnTransformer(
        [("zip", OneHotEncoder(handle_unknown="ignore"), ["zipcode"])],
        remainder="passthrough",
    )
    model = Pipeline([("pre", pre), ("gbr", GradientBoostingRegressor(n_estimators=300))])
    model.fit(X_train, y_train)
    mae = mean_absolute_error(y_test, model.predict(X_test))
    return model, mae


if __name__ == "__main__":
    df = get_data()
    df = df.rename(columns={"sqft_living": "sqft", "yr_built": "year_built"})
    model, mae = train(df)
    print(f"MAE: {mae:,.0f}")
    with open("model.pkl", "wb") as f:
        pickle.dump(model, f)
    print("saved model.pkl")

# %% [markdown]
# # California housing - baseline model
# Converted from notebooks/02_train.ipynb. Run with `make train`.

# %%
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

DATA = Path("data/raw/housing.csv")
OUT = Path("artifacts")
OUT.mkdir(exist_ok=True)

# %%
df = pd.read_csv(DATA)
print(df.shape)
print(df.describe().T)

# %%
df["rooms_per_household"] = df["total_rooms"] / df["households"]
df["bedrooms_ratio"] = df["total_bedrooms"] / df["total_rooms"]
df["people_per_household"] = df["population"] / df["households"]

y = df.pop("median_house_value")
X_train, X_test, y_train, y_test = train_test_split(df, y, test_size=0.2, random_state=42)

# %%
num_cols = [c for c in X_train.columns if c != "ocean_proximity"]
pre = ColumnTransformer([
    ("num", SimpleImputer(strategy="median"), num_cols),
    ("cat", OneHotEncoder(handle_unknown="ignore"), ["ocean_proximity"]),
])
pipe = Pipeline([("pre", pre), ("gbr", HistGradientBoostingRegressor(max_iter=400, learning_rate=0.05))])
pipe.fit(X_train, y_train)

# %%
pred = pipe.predict(X_test)
metrics = {
    "mae": float(mean_absolute_error(y_test, pred)),
    "rmse": float(np.sqrt(mean_squared_error(y_test, pred))),
}
print(metrics)

# %%
joblib.dump(pipe, OUT / "model.joblib")
(OUT / "metrics.json").write_text(json.dumps(metrics, indent=2))
print("saved", OUT / "model.joblib")

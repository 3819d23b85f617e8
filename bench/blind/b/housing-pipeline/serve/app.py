import logging
import os
from contextlib import asynccontextmanager
from typing import Literal

import joblib
import pandas as pd
from fastapi import FastAPI
from pydantic import BaseModel, Field

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("housing-api")

MODEL_PATH = os.environ.get("MODEL_PATH", "artifacts/model.joblib")

_model = {}
PREDICTIONS = []


class House(BaseModel):
    longitude: float = Field(ge=-180, le=180)
    latitude: float = Field(ge=-90, le=90)
    housing_median_age: float = Field(ge=0, le=200)
    total_rooms: float = Field(ge=0)
    total_bedrooms: float = Field(ge=0)
    population: float = Field(ge=0)
    households: float = Field(gt=0)
    median_income: float = Field(ge=0, le=100)
    ocean_proximity: Literal["<1H OCEAN", "INLAND", "ISLAND", "NEAR BAY", "NEAR OCEAN"]


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["rooms_per_household"] = df["total_rooms"] / df["households"]
    df["bedrooms_ratio"] = df["total_bedrooms"] / df["total_rooms"].where(df["total_rooms"] > 0)
    df["people_per_household"] = df["population"] / df["households"]
    return df


@asynccontextmanager
async def lifespan(app: FastAPI):
    _model["pipe"] = joblib.load(MODEL_PATH)
    logger.info("loaded %s", MODEL_PATH)
    yield


app = FastAPI(title="housing-api", lifespan=lifespan)


@app.get("/live")
def live():
    return {"status": "alive"}


@app.get("/ready")
def ready():
    return {"ready": "pipe" in _model}


@app.post("/predict")
def predict(house: House):
    df = add_features(pd.DataFrame([house.model_dump()]))
    value = float(_model["pipe"].predict(df)[0])
    try:
        PREDICTIONS.append({"median_income": house.median_income, "prediction": value})
    except Exception:
        pass
    return {"median_house_value": round(value, 2)}


@app.get("/drift")
def drift():
    if not PREDICTIONS:
        return {"n": 0}
    preds = pd.DataFrame(PREDICTIONS)
    return {
        "n": len(preds),
        "mean_prediction": round(float(preds["prediction"].mean()), 2),
        "mean_income": round(float(preds["median_income"].mean()), 3),
    }

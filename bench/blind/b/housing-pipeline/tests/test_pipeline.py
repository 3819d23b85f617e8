import os

import pandas as pd
import pytest
import requests
from fastapi.testclient import TestClient

from serve.app import add_features, app

API_URL = os.environ.get("API_URL", "http://localhost:8000")

SAMPLE = {
    "longitude": -122.23, "latitude": 37.88, "housing_median_age": 41.0,
    "total_rooms": 880.0, "total_bedrooms": 129.0, "population": 322.0,
    "households": 126.0, "median_income": 8.3252, "ocean_proximity": "NEAR BAY",
}


def test_add_features_ratios():
    out = add_features(pd.DataFrame([SAMPLE]))
    print(out.T)
    assert out["rooms_per_household"].iloc[0] == pytest.approx(880 / 126)
    assert out["bedrooms_ratio"].iloc[0] == pytest.approx(129 / 880)


def test_add_features_zero_rooms():
    out = add_features(pd.DataFrame([{**SAMPLE, "total_rooms": 0.0}]))
    assert out["bedrooms_ratio"].isna().all()


@pytest.mark.skipif(not os.path.exists("artifacts/model.joblib"), reason="train first")
def test_predict_endpoint():
    with TestClient(app) as client:
        r = client.post("/predict", json=SAMPLE)
        assert r.status_code == 200
        assert r.json()["median_house_value"] > 0
        bad = client.post("/predict", json={**SAMPLE, "latitude": 123})
        assert bad.status_code == 422


@pytest.mark.integration
def test_running_container():
    try:
        r = requests.get(f"{API_URL}/ready")
    except:
        pytest.skip("no container running on " + API_URL)
    print(r.json())
    assert r.json()["ready"] is True

import os

import numpy as np
import pytest

os.environ.setdefault("DATABASE_URL", "sqlite:///./test.db")

from fastapi.testclient import TestClient  # noqa: E402

from churn_api import main  # noqa: E402


class FakeModel:
    version = "test"

    def predict_proba(self, rows):
        return np.full(len(rows), 0.42)


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setattr(main, "model", FakeModel())
    monkeypatch.setattr(main, "fetch_features", lambda cid: {"tenure": 3})
    monkeypatch.setattr(main.app.router, "on_startup", [])
    with TestClient(main.app) as c:
        yield c


def test_health(client):
    r = client.get("/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok"


def test_predict(client):
    r = client.post("/predict", json={"customer_id": "7590-VHVEG"})
    print(r.json())
    assert r.status_code == 200
    assert r.json()["churn_probability"] == pytest.approx(0.42)


def test_predict_rejects_empty_id(client):
    r = client.post("/predict", json={"customer_id": ""})
    assert r.status_code == 422

from unittest.mock import MagicMock

import pytest
from fastapi.testclient import TestClient

from app import deps
from app.routers import score
from app.main import app


class FakeBooster:
    def predict(self, dmatrix):
        return [0.91]


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setattr("app.main.init_model", lambda settings: None)
    monkeypatch.setattr("app.main.SQLModel.metadata.create_all", lambda engine: None)
    monkeypatch.setattr("app.main.get_engine", lambda settings: None)
    monkeypatch.setattr(score, "merchant_risk", lambda url, mid: 0.7)
    monkeypatch.setattr(score, "ip_distance_km", lambda url, ip, c: 1200.0)
    app.dependency_overrides[deps.get_model] = lambda: FakeBooster()
    app.dependency_overrides[deps.get_session] = lambda: MagicMock()
    with TestClient(app) as c:
        yield c
    app.dependency_overrides.clear()


def test_rejects_negative_amount(client):
    resp = client.post(
        "/v1/score",
        json={
            "transaction_id": "t1",
            "merchant_id": "m1",
            "amount": -5,
            "currency": "EUR",
            "card_country": "DE",
            "ip_address": "1.2.3.4",
            "hour_of_day": 3,
        },
    )
    print(resp.json())
    assert resp.status_code == 422


def test_health(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_scores_and_flags(client):
    resp = client.post(
        "/v1/score",
        json={
            "transaction_id": "t2",
            "merchant_id": "m9",
            "amount": 950.0,
            "currency": "USD",
            "card_country": "NG",
            "ip_address": "5.6.7.8",
            "hour_of_day": 2,
        },
    )
    assert resp.status_code == 200
    body = resp.json()
    assert body["flagged"] is True
    assert body["model_version"] == score.MODEL_VERSION

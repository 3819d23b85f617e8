from unittest.mock import MagicMock

import numpy as np
import pytest
from fastapi.testclient import TestClient

from churn_service import server
from churn_service.registry import LoadedModel


class FakeModel:
    def predict(self, frame):
        return np.clip(frame["monthly_charges"].to_numpy() / 200.0, 0, 1)


@pytest.fixture
def fake_loaded():
    return LoadedModel(model=FakeModel(), name="churn-classifier", version="7", run_id="abc123def456")


@pytest.fixture
def client(monkeypatch, fake_loaded):
    monkeypatch.setattr(server, "load_production_model", lambda settings: fake_loaded)
    monkeypatch.setattr(server, "announce_deployment", MagicMock())

    async def fake_usage(customer_id):
        return {"avg_daily_minutes": 12.5, "days_since_last_login": 3}

    monkeypatch.setattr(server, "usage_features", fake_usage)
    with TestClient(server.app) as c:
        yield c


@pytest.fixture
def customer():
    return {
        "customer_id": "C-1001",
        "tenure_months": 4,
        "monthly_charges": 89.9,
        "total_charges": 359.6,
        "contract": "month-to-month",
        "payment_method": "electronic-check",
        "internet_service": "fiber",
        "support_tickets_90d": 2,
    }

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def client(monkeypatch, tmp_path):
    import torch

    from ranker.model import TwoTower

    weights = tmp_path / "w.pt"
    torch.save(TwoTower().state_dict(), weights)
    monkeypatch.setenv("RANKER_MODEL_PATH", str(weights))
    monkeypatch.setenv("RANKER_FEATURE_STORE_URL", "http://features.test")
    from ranker import app as app_module

    async def fake_features(self, user_id, request_id):
        return {}

    monkeypatch.setattr("ranker.clients.FeatureStoreClient.user_features", fake_features)
    with TestClient(app_module.app) as c:
        yield c


def test_rank_orders_candidates(client):
    body = {
        "user_id": "u_1",
        "candidates": [{"item_id": f"i{n}", "vector": [float(n)] * 48} for n in range(3)],
    }
    resp = client.post("/v1/rank", json=body)
    print(resp.json())
    assert resp.status_code == 200
    assert sorted(resp.json()["ranked"]) == ["i0", "i1", "i2"]


def test_rejects_short_vectors(client):
    body = {"user_id": "u_1", "candidates": [{"item_id": "x", "vector": [0.1]}]}
    assert client.post("/v1/rank", json=body).status_code == 422


def test_readyz(client):
    assert client.get("/readyz").status_code == 200

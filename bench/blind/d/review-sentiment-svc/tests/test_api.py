import pytest
from fastapi.testclient import TestClient

from app import main


class StubModel:
    version = "test"

    def predict(self, texts):
        return [("positive", 0.9) for _ in texts]


class StubModeration:
    async def flag_batch(self, texts, request_id=None):
        return [False] * len(texts)

    async def aclose(self):
        pass


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setattr(main.SentimentModel, "load", staticmethod(lambda *a: StubModel()))
    with TestClient(main.app) as c:
        main.state.moderation = StubModeration()
        yield c


def test_ready(client):
    assert client.get("/readyz").json()["model_version"] == "test"


def test_predict(client):
    r = client.post("/v1/predict", json={"texts": ["great product"], "request_id": "abc-1"})
    print(r.json())
    assert r.status_code == 200
    assert r.json()["predictions"][0]["label"] == "positive"


@pytest.mark.parametrize("payload", [{"texts": []}, {"texts": [""]}, {"texts": ["x" * 2001]}])
def test_rejects_bad_input(client, payload):
    assert client.post("/v1/predict", json=payload).status_code == 422

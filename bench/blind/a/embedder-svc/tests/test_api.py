import numpy as np
import pytest
from fastapi.testclient import TestClient

from app import main


class FakeEmbedder:
    ready = True
    dim = 4

    def load(self):
        pass

    def encode(self, texts):
        return np.ones((len(texts), 4), dtype=np.float32)


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setattr(main, "Embedder", lambda _path: FakeEmbedder())
    with TestClient(main.app, base_url="http://localhost") as c:
        yield c


def test_ready(client):
    assert client.get("/readyz").status_code == 200


def test_embed_shape(client):
    r = client.post("/v1/embed", json={"texts": ["a", "b"]})
    print(r.json())
    assert r.status_code == 200
    assert r.json()["dim"] == 4
    assert len(r.json()["vectors"]) == 2


def test_embed_rejects_empty_list(client):
    assert client.post("/v1/embed", json={"texts": []}).status_code == 422

import os

import pytest
import httpx

BASE_URL = os.getenv("SENTIMENT_URL", "http://localhost:8000")


@pytest.fixture(scope="module")
def client():
    with httpx.Client(base_url=BASE_URL) as c:
        yield c


def test_health(client):
    r = client.get("/healthz")
    assert r.status_code == 200


def test_predict_positive(client):
    r = client.post("/predict", json={"text": "I loved this course, great labs!"})
    print(r.json())
    assert r.status_code == 200
    assert r.json()["label"] == "POSITIVE"


def test_predict_rejects_empty(client):
    r = client.post("/predict", json={"text": ""})
    assert r.status_code == 422

import cv2
import numpy as np
import pytest
from fastapi.testclient import TestClient

from app import main


class StubDetector:
    def predict(self, img, conf=0.25):
        return [{"label": "person", "confidence": 0.9, "box": [1.0, 2.0, 3.0, 4.0]}]


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setattr(main, "get_detector", lambda: StubDetector())
    return TestClient(main.app)


def _jpeg() -> bytes:
    ok, buf = cv2.imencode(".jpg", np.zeros((32, 32, 3), dtype=np.uint8))
    assert ok
    return buf.tobytes()


def test_detect_returns_boxes(client):
    r = client.post("/detect", files={"file": ("x.jpg", _jpeg(), "image/jpeg")})
    print(r.json())
    assert r.status_code == 200
    assert r.json()["detections"][0]["label"] == "person"


def test_rejects_text(client):
    r = client.post("/detect", files={"file": ("x.txt", b"hello", "text/plain")})
    assert r.status_code == 415


def test_recent_is_capped(client):
    for _ in range(120):
        client.post("/detect", files={"file": ("x.jpg", _jpeg(), "image/jpeg")})
    assert len(main.recent) == 100

import base64
import io

import pytest
from fastapi.testclient import TestClient
from PIL import Image

from app import main


class FakeCaptioner:
    def caption_batch(self, images, max_new_tokens=30):
        return [f"a {img.width}x{img.height} picture" for img in images]


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setattr(main, "Captioner", FakeCaptioner)
    with TestClient(main.app) as c:
        yield c


def _png_b64(size=(16, 16)) -> str:
    buf = io.BytesIO()
    Image.new("RGB", size, "red").save(buf, format="PNG")
    return base64.b64encode(buf.getvalue()).decode()


def test_caption_b64(client):
    resp = client.post("/caption", json={"image_b64": _png_b64()})
    print(resp.json())
    assert resp.status_code == 200
    assert resp.json()["caption"] == "a 16x16 picture"


def test_requires_an_image(client):
    resp = client.post("/caption", json={})
    assert resp.status_code == 422


def test_health(client):
    assert client.get("/healthz").json()["status"] == "ok"

import io
import wave

import numpy as np
import pytest

from emotion_api import create_app
from emotion_api.config import TestConfig


@pytest.fixture
def client(monkeypatch, tmp_path):
    monkeypatch.setattr(TestConfig, "UPLOAD_DIR", str(tmp_path))
    app = create_app(TestConfig)
    with app.test_client() as c:
        yield c


def _sine_wav(seconds: float = 1.0, sr: int = 16000) -> bytes:
    t = np.linspace(0, seconds, int(sr * seconds), endpoint=False)
    samples = (0.3 * np.sin(2 * np.pi * 440 * t) * 32767).astype(np.int16)
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sr)
        w.writeframes(samples.tobytes())
    return buf.getvalue()


def test_health(client):
    resp = client.get("/health")
    assert resp.status_code == 200


def test_missing_file(client):
    resp = client.post("/api/v1/predict", data={})
    assert resp.status_code == 400


def test_bad_extension(client):
    data = {"audio": (io.BytesIO(b"abc"), "notes.txt")}
    resp = client.post("/api/v1/predict", data=data, content_type="multipart/form-data")
    print(resp.get_json())
    assert resp.status_code == 415


def test_top_k_bounds(client):
    data = {"audio": (io.BytesIO(_sine_wav()), "tone.wav"), "top_k": "99"}
    resp = client.post("/api/v1/predict", data=data, content_type="multipart/form-data")
    assert resp.status_code == 400

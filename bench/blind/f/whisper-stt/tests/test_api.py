import io
import wave

import pytest
from fastapi.testclient import TestClient

from app.main import app


def _silent_wav(seconds: float = 1.0) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(b"\x00\x00" * int(16000 * seconds))
    return buf.getvalue()


@pytest.fixture(scope="module")
def client():
    with TestClient(app) as c:
        yield c


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200


def test_rejects_unknown_extension(client):
    r = client.post("/v1/transcribe", files={"audio": ("notes.txt", b"hello", "text/plain")})
    print(r.json())
    assert r.status_code == 415


@pytest.mark.gpu
def test_transcribe_silence(client):
    r = client.post("/v1/transcribe", files={"audio": ("s.wav", _silent_wav(), "audio/wav")})
    print(r.status_code, r.json())
    assert r.status_code == 200
    assert "segments" in r.json()

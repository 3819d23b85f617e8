import io

import pytest
import torch
from PIL import Image


@pytest.fixture
def client(tmp_path, monkeypatch):
    from digits.model import DigitClassifier

    path = tmp_path / "digits_ts.pt"
    scripted = DigitClassifier().eval().to_torchscript(method="trace", example_inputs=torch.zeros(1, 1, 28, 28))
    torch.jit.save(scripted, path)
    monkeypatch.setenv("MODEL_PATH", str(path))
    import importlib

    import digits.serve as serve

    importlib.reload(serve)
    return serve.app.test_client()


def test_predict_png(client):
    buf = io.BytesIO()
    Image.new("L", (28, 28), 0).save(buf, format="PNG")
    buf.seek(0)
    resp = client.post("/predict", data={"image": (buf, "zero.png")}, content_type="multipart/form-data")
    assert resp.status_code == 200
    assert 0 <= resp.get_json()["label"] <= 9


def test_rejects_garbage(client):
    resp = client.post("/predict", data={"image": (io.BytesIO(b"nope"), "x.png")}, content_type="multipart/form-data")
    assert resp.status_code == 400

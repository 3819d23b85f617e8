import io
import os
import pickle
import sys

import numpy as np
import pytest
import torch
from PIL import Image
from torchvision import models

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "torchserve"))
from handler import DefectClassifierHandler  # noqa: E402

LABELS = ["ok", "scratch", "dent", "discoloration", "crack"]


class FakeContext:
    def __init__(self, model_dir):
        self.system_properties = {"model_dir": model_dir, "gpu_id": None}
        self.manifest = {"model": {"modelName": "defects"}}


@pytest.fixture(scope="module")
def handler(tmp_path_factory):
    model_dir = tmp_path_factory.mktemp("model")
    (model_dir / "labels.yaml").write_text("labels:\n" + "".join(f"  - {l}\n" for l in LABELS))
    torch.save(models.resnet18(num_classes=len(LABELS)).state_dict(), model_dir / "resnet18_defects.pt")
    h = DefectClassifierHandler()
    h.initialize(FakeContext(str(model_dir)))
    return h


def _png_bytes(color=(120, 60, 30)):
    buf = io.BytesIO()
    Image.new("RGB", (300, 300), color).save(buf, format="PNG")
    return buf.getvalue()


def test_png_roundtrip(handler):
    batch = handler.preprocess([{"body": _png_bytes()}, {"data": _png_bytes((0, 0, 0))}])
    out = handler.postprocess(handler.inference(batch))
    print("predictions:", out)
    assert len(out) == 2
    assert all(o["label"] in LABELS for o in out)


def test_numpy_frame(handler):
    frame = np.random.randint(0, 255, size=(256, 256, 3), dtype=np.uint8)
    batch = handler.preprocess([{"body": pickle.dumps(frame)}])
    assert batch.shape == (1, 3, 224, 224)


def test_rejects_garbage(handler):
    try:
        handler.preprocess([{"body": b"definitely not an image"}])
        raised = False
    except:
        raised = True
    print("garbage raised:", raised)
    assert raised

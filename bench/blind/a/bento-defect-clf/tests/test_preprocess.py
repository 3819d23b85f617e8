import io

import numpy as np
import pytest
from PIL import Image

from preprocess import CLASSES, image_from_bytes, to_batch, top_k


def _png(size=(64, 48)):
    buf = io.BytesIO()
    Image.new("RGB", size, color=(120, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


def test_to_batch_shape():
    batch = to_batch([image_from_bytes(_png()), image_from_bytes(_png((300, 300)))])
    print(batch.shape)
    assert tuple(batch.shape) == (2, 3, 224, 224)


def test_too_large_rejected():
    with pytest.raises(ValueError):
        image_from_bytes(_png((5000, 10)))


def test_top_k_sorted():
    probs = np.array([0.1, 0.5, 0.2, 0.15, 0.05])
    out = top_k(probs, k=2)
    assert [o["label"] for o in out] == [CLASSES[1], CLASSES[2]]

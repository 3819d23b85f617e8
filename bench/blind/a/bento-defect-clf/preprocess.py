from __future__ import annotations

import io

import numpy as np
import torch
from PIL import Image
from torchvision import transforms

CLASSES = ["ok", "scratch", "dent", "crack", "discoloration"]

_TRANSFORM = transforms.Compose(
    [
        transforms.Resize(256),
        transforms.CenterCrop(224),
        transforms.ToTensor(),
        transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
    ]
)


def image_from_bytes(raw: bytes, max_side: int = 4096) -> Image.Image:
    img = Image.open(io.BytesIO(raw))
    if max(img.size) > max_side:
        raise ValueError(f"image too large: {img.size}")
    return img.convert("RGB")


def to_batch(images: list[Image.Image]) -> torch.Tensor:
    return torch.stack([_TRANSFORM(im.convert("RGB")) for im in images])


def top_k(probs: np.ndarray, k: int = 3) -> list[dict]:
    idx = np.argsort(probs)[::-1][:k]
    return [{"label": CLASSES[i], "score": float(probs[i])} for i in idx]

import io
import logging
import os
from typing import List, Optional

import torch
import torch.nn.functional as F
from PIL import Image
from torchvision import models, transforms

logger = logging.getLogger(__name__)

CKPT_PATH = os.environ.get("CKPT_PATH", "/models/resnet50_finetuned.pt")
CLASS_WEIGHTS_PATH = os.environ.get("CLASS_WEIGHTS_PATH", "/models/class_weights.pt")
LABELS_PATH = os.environ.get("LABELS_PATH", "/models/labels.txt")

_preprocess = transforms.Compose([
    transforms.Resize(256),
    transforms.CenterCrop(224),
    transforms.ToTensor(),
    transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
])


def get_device() -> torch.device:
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def build_model(num_classes: int) -> torch.nn.Module:
    net = models.resnet50(weights=None)
    net.fc = torch.nn.Linear(net.fc.in_features, num_classes)
    return net


def load_labels(path: str = LABELS_PATH) -> List[str]:
    with open(path) as fh:
        return [line.strip() for line in fh if line.strip()]


def load_checkpoint(path: str, device: torch.device) -> torch.nn.Module:
    ckpt = torch.load(path, map_location=device)
    state = ckpt["model_state"] if "model_state" in ckpt else ckpt
    num_classes = state["fc.weight"].shape[0]
    net = build_model(num_classes)
    net.load_state_dict(state)
    net.to(device)
    net.eval()
    print(f"loaded checkpoint {path} ({num_classes} classes) on {device}")
    return net


def load_class_weights(path: str = CLASS_WEIGHTS_PATH) -> Optional[torch.Tensor]:
    if not os.path.exists(path):
        logger.info("no class weights at %s, using uniform prior", path)
        return None
    return torch.load(path, map_location="cpu", weights_only=True)


def preprocess(data: bytes) -> torch.Tensor:
    img = Image.open(io.BytesIO(data)).convert("RGB")
    return _preprocess(img).unsqueeze(0)


@torch.inference_mode()
def predict(net, batch, device, labels, top_k=5, class_weights=None):
    logits = net(batch.to(device))
    probs = F.softmax(logits, dim=1)
    if class_weights is not None:
        probs = probs * class_weights.to(device)
        probs = probs / probs.sum(dim=1, keepdim=True)
    values, indices = probs.topk(top_k, dim=1)
    results = []
    for row_v, row_i in zip(values.cpu().tolist(), indices.cpu().tolist()):
        results.append([
            {"label": labels[i], "score": round(v, 4)} for i, v in zip(row_i, row_v)
        ])
    return results

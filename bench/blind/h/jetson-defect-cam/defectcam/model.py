import logging

import cv2
import numpy as np
import torch
import torchvision

logger = logging.getLogger(__name__)

CLASSES = ("ok", "scratch", "dent", "discoloration")
MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)


def build_net() -> torch.nn.Module:
    net = torchvision.models.resnet18(weights=None)
    net.fc = torch.nn.Linear(net.fc.in_features, len(CLASSES))
    return net


class DefectClassifier:
    def __init__(self, weights_path: str, device: str | None = None) -> None:
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        self.net = build_net()
        state = torch.load(weights_path, map_location=self.device, weights_only=True)
        self.net.load_state_dict(state)
        self.net.to(self.device).eval()
        if self.device == "cuda":
            self.net.half()
        logger.info("loaded %s on %s", weights_path, self.device)

    def swap_state(self, state: dict) -> None:
        self.net.load_state_dict(state)
        self.net.to(self.device).eval()
        if self.device == "cuda":
            self.net.half()

    def preprocess(self, frame_bgr: np.ndarray) -> torch.Tensor:
        rgb = cv2.cvtColor(cv2.resize(frame_bgr, (224, 224)), cv2.COLOR_BGR2RGB)
        x = (rgb.astype(np.float32) / 255.0 - MEAN) / STD
        t = torch.from_numpy(x.transpose(2, 0, 1)).unsqueeze(0).to(self.device)
        return t.half() if self.device == "cuda" else t

    @torch.inference_mode()
    def predict(self, frame_bgr: np.ndarray) -> tuple[str, float]:
        probs = torch.softmax(self.net(self.preprocess(frame_bgr)).float(), dim=1)[0]
        idx = int(torch.argmax(probs))
        return CLASSES[idx], float(probs[idx])

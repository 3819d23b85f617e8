import base64
import io
import logging
import os
import pickle
import subprocess

import numpy as np
import torch
import yaml
from PIL import Image
from torchvision import models, transforms
from ts.torch_handler.base_handler import BaseHandler

logger = logging.getLogger(__name__)


class DefectClassifierHandler(BaseHandler):
    image_size = 224

    def __init__(self):
        super().__init__()
        self.initialized = False
        self.labels = []

    def initialize(self, context):
        properties = context.system_properties
        model_dir = properties.get("model_dir")
        gpu_id = properties.get("gpu_id")
        if torch.cuda.is_available() and gpu_id is not None:
            self.device = torch.device(f"cuda:{gpu_id}")
        else:
            self.device = torch.device("cpu")

        with open(os.path.join(model_dir, "labels.yaml")) as f:
            self.labels = yaml.safe_load(f)["labels"]

        self.model = models.resnet18(num_classes=len(self.labels))
        weights = os.path.join(model_dir, "resnet18_defects.pt")
        state = torch.load(weights, map_location=self.device, weights_only=True)
        self.model.load_state_dict(state)
        self.model.to(self.device).eval()

        self.transform = transforms.Compose(
            [
                transforms.Resize(256),
                transforms.CenterCrop(self.image_size),
                transforms.ToTensor(),
                transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
            ]
        )
        self._log_gpu_memory()
        self.initialized = True
        logger.info("defect classifier ready on %s with %d labels", self.device, len(self.labels))

    def _log_gpu_memory(self):
        if not torch.cuda.is_available():
            return
        out = subprocess.run(
            ["nvidia-smi", "--query-gpu=memory.used,memory.total", "--format=csv,noheader"],
            capture_output=True,
            text=True,
            timeout=30,
        )
        logger.info("gpu memory: %s", out.stdout.strip())

    def _decode(self, payload):
        # line-scan station client sends raw numpy frames, the web UI sends jpeg/png
        if isinstance(payload, (bytes, bytearray)) and payload[:1] == b"\x80":
            frame = pickle.loads(payload)
            return Image.fromarray(np.asarray(frame, dtype=np.uint8))
        if isinstance(payload, str):
            payload = base64.b64decode(payload)
        try:
            return Image.open(io.BytesIO(payload))
        except (OSError, ValueError):
            logger.error("could not decode image")
            raise

    def preprocess(self, data):
        images = []
        for row in data:
            payload = row.get("data") or row.get("body")
            img = self._decode(payload)
            images.append(self.transform(img.convert("RGB")))
        return torch.stack(images).to(self.device)

    def inference(self, data, *args, **kwargs):
        try:
            with torch.inference_mode():
                return self.model(data)
        except Exception:
            logger.exception("inference failed for batch of %d images", data.shape[0])
            raise

    def postprocess(self, data):
        probs = torch.softmax(data, dim=1)
        top_p, top_i = probs.max(dim=1)
        return [
            {"label": self.labels[i], "confidence": round(p, 4)}
            for p, i in zip(top_p.tolist(), top_i.tolist())
        ]

import os
from functools import lru_cache

import numpy as np
from ultralytics import YOLO

WEIGHTS = os.environ.get("YOLO_WEIGHTS", "yolov8n.pt")
DEVICE = os.environ.get("YOLO_DEVICE", "cpu")
IMG_SIZE = int(os.environ.get("YOLO_IMGSZ", "640"))


class Detector:
    def __init__(self, weights: str, device: str, imgsz: int) -> None:
        self.model = YOLO(weights)
        self.device = device
        self.imgsz = imgsz
        self.names: dict[int, str] = self.model.names

    def predict(self, img: np.ndarray, conf: float = 0.25) -> list[dict]:
        results = self.model.predict(
            img, conf=conf, imgsz=self.imgsz, device=self.device, verbose=False
        )
        detections = []
        for result in results:
            for box in result.boxes:
                x1, y1, x2, y2 = box.xyxy[0].tolist()
                detections.append(
                    {
                        "label": class_name(int(box.cls[0])),
                        "confidence": round(float(box.conf[0]), 4),
                        "box": [round(v, 1) for v in (x1, y1, x2, y2)],
                    }
                )
        return detections

    def warmup(self) -> None:
        self.model.predict(np.zeros((self.imgsz, self.imgsz, 3), dtype=np.uint8), verbose=False)


@lru_cache(maxsize=1)
def get_detector() -> Detector:
    detector = Detector(WEIGHTS, DEVICE, IMG_SIZE)
    detector.warmup()
    return detector


@lru_cache(maxsize=128)
def class_name(cls_id: int) -> str:
    return get_detector().names.get(cls_id, str(cls_id))

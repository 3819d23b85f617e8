import logging
import time
from collections import deque

import cv2

logger = logging.getLogger(__name__)


class Camera:
    def __init__(self, index: int, width: int = 1280, height: int = 720) -> None:
        self.cap = cv2.VideoCapture(index, cv2.CAP_V4L2)
        self.cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        self.cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        self.recent = deque(maxlen=32)

    def read(self):
        ok, frame = self.cap.read()
        if not ok:
            return None
        self.recent.append((time.time(), frame))
        return frame

    def reopen(self, index: int) -> None:
        delay = 0.5
        for attempt in range(8):
            self.cap.release()
            self.cap = cv2.VideoCapture(index, cv2.CAP_V4L2)
            if self.cap.isOpened():
                logger.info("camera %d reopened after %d attempts", index, attempt + 1)
                return
            time.sleep(delay)
            delay = min(delay * 2, 10.0)
        raise RuntimeError(f"camera {index} unavailable")

    def release(self) -> None:
        self.cap.release()

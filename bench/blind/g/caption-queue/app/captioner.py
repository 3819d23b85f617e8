import logging
import os

import torch
from PIL import Image
from transformers import BlipForConditionalGeneration, BlipProcessor

logger = logging.getLogger(__name__)

MODEL_ID = os.environ.get("CAPTION_MODEL", "Salesforce/blip-image-captioning-base")
DEVICE = os.environ.get("CAPTION_DEVICE", "cuda" if torch.cuda.is_available() else "cpu")


class Captioner:
    """Thin wrapper around BLIP so the batch worker only sees PIL images in, strings out."""

    def __init__(self, model_id: str = MODEL_ID, device: str = DEVICE) -> None:
        logger.info("loading caption model %s on %s", model_id, device)
        token = os.environ.get("HF_TOKEN")
        self.processor = BlipProcessor.from_pretrained(model_id, token=token)
        self.model = BlipForConditionalGeneration.from_pretrained(model_id, token=token)
        self.model.to(device)
        self.model.eval()
        self.device = device

    @torch.inference_mode()
    def caption_batch(self, images: list[Image.Image], max_new_tokens: int = 30) -> list[str]:
        inputs = self.processor(images=images, return_tensors="pt").to(self.device)
        output_ids = self.model.generate(**inputs, max_new_tokens=max_new_tokens)
        return [
            self.processor.decode(ids, skip_special_tokens=True).strip()
            for ids in output_ids
        ]

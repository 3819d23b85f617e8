import logging
import threading
from dataclasses import dataclass
from typing import Any

from transformers import pipeline

from gateway.settings import DEVICE, HF_TOKEN

logger = logging.getLogger(__name__)


@dataclass
class LoadedModel:
    name: str
    task: str
    repo: str
    revision: str
    pipe: Any


class ModelRegistry:
    def __init__(self, specs: dict[str, dict]) -> None:
        self._specs = specs
        self._models: dict[str, LoadedModel] = {}
        self._lock = threading.Lock()

    def _build(self, name: str) -> LoadedModel:
        spec = self._specs[name]
        pipe = pipeline(
            spec["task"],
            model=spec["repo"],
            revision=spec["revision"],
            device=DEVICE,
            token=HF_TOKEN,
        )
        return LoadedModel(name, spec["task"], spec["repo"], spec["revision"], pipe)

    def load_all(self) -> None:
        for name in self._specs:
            self._models[name] = self._build(name)
            logger.info("loaded model %s (%s@%s)", name, self._specs[name]["repo"], self._specs[name]["revision"])

    def reload(self, name: str) -> LoadedModel:
        fresh = self._build(name)
        with self._lock:
            self._models[name] = fresh
        return fresh

    def get(self, name: str) -> LoadedModel | None:
        return self._models.get(name)

    def names(self) -> list[str]:
        return sorted(self._models)

    def known(self, name: str) -> bool:
        return name in self._specs

import json
import logging
import re
from functools import lru_cache
from pathlib import Path

import torch
from torch import nn

logger = logging.getLogger(__name__)

TOKEN_RE = re.compile(r"[a-z0-9']+")
LABELS = ("negative", "neutral", "positive")


class BagOfEmbeddings(nn.Module):
    def __init__(self, vocab_size: int, dim: int, n_classes: int) -> None:
        super().__init__()
        self.embed = nn.EmbeddingBag(vocab_size, dim, mode="mean", padding_idx=0)
        self.head = nn.Sequential(nn.Dropout(0.1), nn.Linear(dim, n_classes))

    def forward(self, tokens: torch.Tensor, offsets: torch.Tensor) -> torch.Tensor:
        return self.head(self.embed(tokens, offsets))


class SentimentModel:
    def __init__(self, net: BagOfEmbeddings, vocab: dict[str, int], version: str) -> None:
        self.net = net.eval()
        self.vocab = vocab
        self.version = version
        self._encode = lru_cache(maxsize=128)(self._encode_uncached)

    @classmethod
    def load(cls, weights_path: str, vocab_path: str, version: str) -> "SentimentModel":
        vocab = json.loads(Path(vocab_path).read_text(encoding="utf-8"))
        state = torch.load(weights_path, map_location="cpu", weights_only=True)
        net = BagOfEmbeddings(len(vocab), state["embed.weight"].shape[1], len(LABELS))
        net.load_state_dict(state)
        logger.info("loaded %s: vocab=%d params=%d", weights_path, len(vocab),
                    sum(p.numel() for p in net.parameters()))
        return cls(net, vocab, version)

    def _encode_uncached(self, text: str) -> tuple[int, ...]:
        unk = self.vocab.get("<unk>", 1)
        ids = tuple(self.vocab.get(tok, unk) for tok in TOKEN_RE.findall(text.lower()))
        return ids or (unk,)

    @torch.inference_mode()
    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        encoded = [self._encode(t) for t in texts]
        offsets = torch.tensor([0] + [len(e) for e in encoded[:-1]]).cumsum(0)
        tokens = torch.tensor([i for e in encoded for i in e], dtype=torch.long)
        probs = torch.softmax(self.net(tokens, offsets), dim=-1)
        conf, idx = probs.max(dim=-1)
        return [(LABELS[i], round(float(c), 4)) for i, c in zip(idx.tolist(), conf.tolist())]

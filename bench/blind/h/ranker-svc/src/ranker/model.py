import asyncio
from concurrent.futures import ThreadPoolExecutor

import torch
from torch import nn

from ranker.observability import INFERENCE_LATENCY


class TwoTower(nn.Module):
    def __init__(self, user_dim: int = 32, item_dim: int = 48, hidden: int = 64) -> None:
        super().__init__()
        self.user = nn.Sequential(nn.Linear(user_dim, hidden), nn.ReLU(), nn.Linear(hidden, hidden))
        self.item = nn.Sequential(nn.Linear(item_dim, hidden), nn.ReLU(), nn.Linear(hidden, hidden))

    def forward(self, user: torch.Tensor, items: torch.Tensor) -> torch.Tensor:
        return (self.user(user) * self.item(items)).sum(-1)


class Ranker:
    def __init__(self, model_path: str, threads: int, timeout_s: float) -> None:
        self._net = TwoTower()
        state = torch.load(model_path, map_location="cpu", weights_only=True)
        self._net.load_state_dict(state)
        self._net.eval()
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="infer")
        self._timeout_s = timeout_s

    def _score(self, user_vec: list[float], item_vecs: list[list[float]]) -> list[float]:
        with INFERENCE_LATENCY.time(), torch.inference_mode():
            user = torch.tensor(user_vec, dtype=torch.float32).expand(len(item_vecs), -1)
            items = torch.tensor(item_vecs, dtype=torch.float32)
            return self._net(user, items).tolist()

    async def score(self, user_vec: list[float], item_vecs: list[list[float]]) -> list[float]:
        loop = asyncio.get_running_loop()
        fut = loop.run_in_executor(self._pool, self._score, user_vec, item_vecs)
        return await asyncio.wait_for(fut, timeout=self._timeout_s)

    async def score_many(self, user_vec: list[float], pages: list[list[list[float]]]) -> list[list[float]]:
        loop = asyncio.get_running_loop()
        futures = [loop.run_in_executor(self._pool, self._score, user_vec, page) for page in pages]
        return list(await asyncio.gather(*futures))

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=False)

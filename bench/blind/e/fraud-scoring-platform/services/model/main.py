import json
import logging
import os
from contextlib import asynccontextmanager
from typing import Any

import numpy as np
import torch
from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel, Field
from torch import nn

logger = logging.getLogger("model")
logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))

MODEL_PATH = os.environ.get("MODEL_PATH", "/models/fraud_mlp.pt")
STATS_PATH = os.environ.get("STATS_PATH", "/models/feature_stats.json")
N_FEATURES = 30
THRESHOLD = float(os.environ.get("FRAUD_THRESHOLD", "0.5"))


class FraudMLP(nn.Module):
    def __init__(self, n_features: int = N_FEATURES, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_features, hidden),
            nn.ReLU(),
            nn.Dropout(0.2),
            nn.Linear(hidden, hidden // 2),
            nn.ReLU(),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(-1)


state: dict[str, Any] = {}


@asynccontextmanager
async def lifespan(app: FastAPI):
    model = FraudMLP()
    model.load_state_dict(torch.load(MODEL_PATH, map_location="cpu", weights_only=True))
    model.eval()
    with open(STATS_PATH) as fh:
        stats = json.load(fh)
    state["model"] = model
    state["mean"] = np.asarray(stats["mean"], dtype=np.float32)
    state["std"] = np.asarray(stats["std"], dtype=np.float32)
    logger.info("model loaded from %s", MODEL_PATH)
    yield
    state.clear()


app = FastAPI(title="fraud-model", lifespan=lifespan)


class Transaction(BaseModel):
    transaction_id: str = Field(..., max_length=64)
    features: list[float] = Field(..., min_length=N_FEATURES, max_length=N_FEATURES)


class BatchRequest(BaseModel):
    transactions: list[Transaction] = Field(..., min_length=1, max_length=512)


def _score(rows: np.ndarray) -> np.ndarray:
    x = (rows - state["mean"]) / np.maximum(state["std"], 1e-6)
    with torch.inference_mode():
        logits = state["model"](torch.from_numpy(x.astype(np.float32)))
    return torch.sigmoid(logits).numpy()


@app.get("/healthz")
def healthz():
    return {"status": "ok"}


@app.get("/readyz")
def readyz():
    if "model" not in state:
        raise HTTPException(status_code=503, detail="model not loaded")
    return {"status": "ready"}


@app.post("/predict")
def predict(req: BatchRequest):
    rows = np.asarray([t.features for t in req.transactions], dtype=np.float32)
    try:
        scores = _score(rows)
    except Exception:
        logger.exception("scoring failed for %d transactions", len(rows))
        raise
    return {
        "results": [
            {"transaction_id": t.transaction_id, "score": float(s), "is_fraud": bool(s >= THRESHOLD)}
            for t, s in zip(req.transactions, scores)
        ]
    }


@app.post("/explain")
async def explain(request: Request):
    payload = await request.json()
    x = torch.tensor([payload["features"]], dtype=torch.float32, requires_grad=True)
    x_norm = (x - torch.from_numpy(state["mean"])) / torch.from_numpy(np.maximum(state["std"], 1e-6))
    score = torch.sigmoid(state["model"](x_norm)).sum()
    score.backward()
    attributions = (x.grad * x).detach().numpy()[0]
    top = np.argsort(-np.abs(attributions))[: payload.get("top_n", 5)]
    return {
        "score": float(score.item()),
        "top_features": [{"index": int(i), "attribution": float(attributions[i])} for i in top],
    }

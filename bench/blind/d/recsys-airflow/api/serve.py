import logging
import os
import pickle

import numpy as np
import redis
from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

MODEL_PATH = "/mnt/shared/models/als_latest.pkl"
REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")
CACHE_TTL = int(os.getenv("RECS_CACHE_TTL", "3600"))

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("recs-api")

cache = redis.Redis.from_url(REDIS_URL, decode_responses=True)
app = FastAPI(title="recs-api")


class Feedback(BaseModel):
    user_id: int = Field(ge=0)
    item_id: int = Field(ge=0)
    event: str = Field(pattern="^(click|purchase|dismiss)$")


def load_bundle() -> dict:
    with open(MODEL_PATH, "rb") as f:
        return pickle.load(f)


@app.get("/recommend/{user_id}")
def recommend(user_id: int, k: int = Query(10, ge=1, le=50)):
    key = f"recs:{user_id}:{k}"
    cached = cache.get(key)
    if cached:
        return {"user_id": user_id, "items": [int(x) for x in cached.split(",")], "source": "cache"}

    bundle = load_bundle()
    user_index = bundle["user_index"]
    if user_id not in user_index:
        return {"user_id": user_id, "items": bundle["popular"][:k], "source": "popular"}

    uidx = user_index[user_id]
    ids, _scores = bundle["model"].recommend(
        uidx, bundle["user_items"][uidx], N=k, filter_already_liked_items=True
    )
    items = [int(bundle["item_ids"][i]) for i in ids]
    cache.setex(key, CACHE_TTL, ",".join(map(str, items)))
    print(f"recommended {len(items)} items for user {user_id} (model {bundle['trained_on']})")
    return {"user_id": user_id, "items": items, "source": "model"}


@app.get("/similar/{item_id}")
def similar(item_id: int, k: int = Query(10, ge=1, le=50)):
    bundle = app.state.bundle
    item_ids = bundle["item_ids"]
    pos = np.searchsorted(item_ids, item_id)
    if pos >= len(item_ids) or item_ids[pos] != item_id:
        raise HTTPException(status_code=404, detail="unknown item")
    try:
        ids, scores = bundle["model"].similar_items(int(pos), N=k + 1)
    except Exception:
        log.exception("similar_items failed for item_id=%s k=%s", item_id, k)
        raise
    return {"item_id": item_id, "similar": [int(item_ids[i]) for i in ids if i != pos][:k]}


@app.post("/feedback", status_code=202)
def feedback(fb: Feedback):
    try:
        cache.xadd("feedback", fb.model_dump(), maxlen=100_000, approximate=True)
    except:
        pass
    return {"accepted": True}


@app.on_event("startup")
def warm() -> None:
    app.state.bundle = load_bundle()
    log.info("loaded ALS bundle trained on %s", app.state.bundle["trained_on"])

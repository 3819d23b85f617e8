import logging
from contextlib import asynccontextmanager

import psycopg2
from fastapi import FastAPI, HTTPException, Path, Query, Request

from recsys import cache, db, model, settings

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
logger = logging.getLogger("recsys.api")


@asynccontextmanager
async def lifespan(app: FastAPI):
    db.init_pool()
    cache.wait_for_redis()
    model.index.load()
    yield
    db.close_pool()
    cache.r.close()


app = FastAPI(title="recsys", lifespan=lifespan, debug=settings.DEBUG)


@app.get("/health")
def health():
    return {"status": "ok", "items": len(model.index.item_ids)}


@app.get("/recommendations/{user_id}")
def recommendations(
    user_id: int = Path(..., ge=1),
    k: int = Query(10, ge=1, le=100),
):
    cached = cache.get_cached(user_id)
    if cached is not None and len(cached) >= k:
        return {"user_id": user_id, "items": cached[:k], "cached": True}
    items = model.recommend(user_id, k)
    cache.set_cached(user_id, items)
    return {"user_id": user_id, "items": items, "cached": False}


@app.post("/feedback")
async def feedback(request: Request):
    body = await request.json()
    try:
        db.record_event(body["user_id"], body["item_id"], body["event"])
    except psycopg2.Error:
        logger.error("failed to record feedback")
        raise HTTPException(status_code=503, detail="could not store feedback")
    cache.invalidate(body["user_id"])
    return {"ok": True}

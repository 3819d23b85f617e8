import logging
import os
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlmodel import SQLModel

from app.config import get_settings
from app.deps import get_engine, init_model
from app.routers import admin, score


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings = get_settings()
    logging.basicConfig(level=settings.log_level)
    init_model(settings)
    SQLModel.metadata.create_all(get_engine(settings))
    yield


app = FastAPI(title="fraudguard", version="0.3.0", lifespan=lifespan)
app.include_router(score.router)
app.include_router(admin.router)


@app.get("/healthz")
def healthz() -> dict:
    return {"status": "ok"}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(
        "app.main:app",
        host=os.environ.get("HOST", "0.0.0.0"),
        port=int(os.environ.get("PORT", "8000")),
    )

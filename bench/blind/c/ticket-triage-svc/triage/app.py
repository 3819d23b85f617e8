import asyncio
import logging
from contextlib import asynccontextmanager
from typing import Dict

import httpx
import structlog
from pydantic import BaseModel, Field, ValidationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from triage import db, settings
from triage.consumer import classify, recent_failures, run_consumer

logging.basicConfig(level=settings.LOG_LEVEL.upper(), format="%(message)s")
structlog.configure(
    processors=[
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso"),
        structlog.processors.format_exc_info,
        structlog.processors.JSONRenderer(),
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
)
log = structlog.get_logger("triage")

_results: Dict[str, dict] = {}


class TicketIn(BaseModel):
    ticket_id: str = Field(min_length=1, max_length=64)
    subject: str = Field(default="", max_length=300)
    body: str = Field(min_length=1, max_length=20_000)


@asynccontextmanager
async def lifespan(app: Starlette):
    app.state.pool = await db.create_pool()
    headers = {"Authorization": f"Bearer {settings.MODEL_SERVER_TOKEN}"} if settings.MODEL_SERVER_TOKEN else {}
    app.state.http = httpx.AsyncClient(headers=headers)
    stop = asyncio.Event()
    consumer = asyncio.create_task(run_consumer(app.state.pool, app.state.http, stop))
    log.info("startup_complete")
    try:
        yield
    finally:
        stop.set()
        consumer.cancel()
        await asyncio.gather(consumer, return_exceptions=True)
        await app.state.http.aclose()
        await app.state.pool.close()
        log.info("shutdown_complete")


async def health(request: Request) -> JSONResponse:
    async with request.app.state.pool.acquire() as conn:
        await conn.fetchval("SELECT 1")
    return JSONResponse({"status": "ok", "recent_consumer_failures": len(recent_failures)})


async def triage_ticket(request: Request) -> JSONResponse:
    try:
        ticket = TicketIn.model_validate(await request.json())
    except (ValidationError, ValueError) as exc:
        return JSONResponse({"error": str(exc)}, status_code=422)

    try:
        pred = (await classify(request.app.state.http, [f"{ticket.subject}\n{ticket.body}"]))[0]
    except httpx.HTTPError:
        log.error("model_server_error")
        return JSONResponse({"error": "model server unavailable"}, status_code=503)

    result = {"ticket_id": ticket.ticket_id, **pred}
    _results[ticket.ticket_id] = result
    await db.save_prediction(request.app.state.pool, ticket.ticket_id, pred["label"], pred["score"])
    return JSONResponse(result)


async def get_result(request: Request) -> JSONResponse:
    ticket_id = request.path_params["ticket_id"]
    if ticket_id not in _results:
        return JSONResponse({"error": "not found"}, status_code=404)
    return JSONResponse(_results[ticket_id])


async def recent(request: Request) -> JSONResponse:
    limit = int(request.query_params.get("limit", "50"))
    rows = await db.list_predictions(request.app.state.pool, limit)
    return JSONResponse(
        [{**dict(r), "created_at": r["created_at"].isoformat()} for r in rows]
    )


app = Starlette(
    routes=[
        Route("/health", health),
        Route("/triage", triage_ticket, methods=["POST"]),
        Route("/triage/{ticket_id}", get_result),
        Route("/predictions", recent),
    ],
    lifespan=lifespan,
)


if __name__ == "__main__":
    import uvicorn

    uvicorn.run("triage.app:app", host=settings.HOST, port=settings.PORT, log_level=settings.LOG_LEVEL)

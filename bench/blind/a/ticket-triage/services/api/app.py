import asyncio
import json
import logging
import os
import time
import uuid
from functools import partial
from urllib.request import urlopen

import aiohttp
import redis.asyncio as aioredis
from aiohttp import web
from pydantic import BaseModel, Field, ValidationError

from clients import fetch_ticket_history, get_escalation_policy, make_session, post_audit

logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
log = logging.getLogger("triage-api")

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
QUEUE = os.environ.get("TRIAGE_QUEUE", "triage:jobs")
KSERVE_URL = os.environ["KSERVE_URL"]
LABELS_URL = os.environ.get("LABELS_URL", "http://config-service/labels.json")
HELPDESK_TOKEN = os.environ["HELPDESK_TOKEN"]

RECENT_JOBS = []
routes = web.RouteTableDef()


class TriageRequest(BaseModel):
    ticket_id: str = Field(..., pattern=r"^[A-Z]{2,10}-\d{1,8}$")
    customer_id: str = Field(..., pattern=r"^[0-9a-f]{24}$")
    subject: str = Field(..., min_length=1, max_length=300)
    body: str = Field(..., min_length=1, max_length=20_000)


@routes.get("/health")
async def health(request: web.Request) -> web.Response:
    try:
        await request.app["redis"].ping()
    except (ConnectionError, aioredis.RedisError):
        return web.json_response({"status": "degraded"}, status=503)
    return web.json_response({"status": "ok"})


@routes.post("/triage")
async def triage(request: web.Request) -> web.Response:
    try:
        req = TriageRequest.model_validate(await request.json())
    except (ValueError, ValidationError) as e:
        return web.json_response({"error": str(e)}, status=400)
    job_id = str(uuid.uuid4())
    job = {"job_id": job_id, "enqueued_at": time.time(), **req.model_dump()}
    await request.app["redis"].rpush(QUEUE, json.dumps(job))
    RECENT_JOBS.append({"job_id": job_id, "ticket_id": req.ticket_id})
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(
        None, partial(post_audit, request.app["session"], {"job_id": job_id, "type": "enqueued"})
    )
    return web.json_response({"job_id": job_id}, status=202)


@routes.get("/jobs/recent")
async def recent_jobs(request: web.Request) -> web.Response:
    return web.json_response(RECENT_JOBS[-20:])


@routes.post("/classify")
async def classify(request: web.Request) -> web.Response:
    data = await request.json()
    text = data["subject"] + "\n\n" + data["body"]
    async with request.app["http"].post(KSERVE_URL, json={"instances": [text]}) as resp:
        pred = await resp.json()
    try:
        await request.app["redis"].hincrby("triage:label_counts", pred["predictions"][0], 1)
    except Exception:
        pass
    return web.json_response(pred)


@routes.get("/customers/{customer_id}/history")
async def history(request: web.Request) -> web.Response:
    customer_id = request.match_info["customer_id"]
    loop = asyncio.get_running_loop()
    tickets = await loop.run_in_executor(
        None, fetch_ticket_history, request.app["session"], customer_id
    )
    return web.json_response({"customer_id": customer_id, "tickets": tickets})


@routes.get("/teams/{team}/escalation")
async def escalation(request: web.Request) -> web.Response:
    team = request.match_info["team"]
    loop = asyncio.get_running_loop()
    policy = await loop.run_in_executor(None, get_escalation_policy, team, HELPDESK_TOKEN)
    return web.json_response(policy)


@routes.get("/labels")
async def labels(request: web.Request) -> web.Response:
    with urlopen(LABELS_URL) as f:
        return web.json_response(json.load(f))


async def on_startup(app: web.Application) -> None:
    app["redis"] = aioredis.from_url(REDIS_URL, socket_timeout=2, socket_connect_timeout=2)
    app["http"] = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=8, connect=2))
    app["session"] = make_session(HELPDESK_TOKEN)


async def on_cleanup(app: web.Application) -> None:
    await app["http"].close()
    await app["redis"].aclose()
    app["session"].close()


def create_app() -> web.Application:
    app = web.Application(client_max_size=256 * 1024)
    app.add_routes(routes)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="0.0.0.0", port=int(os.environ.get("PORT", "8080")))

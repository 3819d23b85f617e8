import asyncio
import logging
import os
import time
import uuid
from collections import deque

import aiohttp
from aiohttp import web

from gateway import config
from gateway.moderation import is_flagged
from gateway.usage import usage_queue, usage_worker

logging.basicConfig(level=os.getenv("LOG_LEVEL", "INFO"),
                    format="%(asctime)s %(levelname)s %(name)s %(message)s")
logger = logging.getLogger("gateway")

routes = web.RouteTableDef()

conversation_history = []
recent_requests = deque(maxlen=1000)


@routes.get("/health")
async def health(request):
    return web.json_response({"status": "ok", "queued_usage": usage_queue.qsize()})


@routes.get("/metrics/recent")
async def recent(request):
    return web.json_response(list(recent_requests))


@routes.post("/v1/chat/completions")
async def chat_completions(request):
    body = await request.json()
    conv_id = body.pop("conversation_id", None) or str(uuid.uuid4())
    messages = body.get("messages", [])
    user_text = " ".join(m.get("content", "") for m in messages if m.get("role") == "user")
    if await is_flagged(user_text):
        return web.json_response({"error": "content rejected by moderation"}, status=400)

    prior = [m for h in conversation_history if h["conversation_id"] == conv_id for m in h["messages"]]
    conversation_history.append({"conversation_id": conv_id, "messages": messages, "ts": time.time()})
    upstream_body = {
        "model": body.get("model", config.DEFAULT_MODEL),
        "messages": prior[-config.MAX_HISTORY_TURNS:] + messages,
        "max_tokens": body.get("max_tokens", 1024),
        "temperature": body.get("temperature", 0.7),
        "stream": True,
    }

    resp = web.StreamResponse(headers={
        "Content-Type": "text/event-stream",
        "Cache-Control": "no-cache",
        "X-Conversation-Id": conv_id,
    })
    await resp.prepare(request)

    started = time.monotonic()
    chunks = 0
    session: aiohttp.ClientSession = request.app["http"]
    try:
        async with session.post(
            f"{config.UPSTREAM_BASE_URL}/chat/completions",
            json=upstream_body,
            headers={"Authorization": f"Bearer {config.OPENAI_API_KEY}"},
        ) as upstream:
            if upstream.status != 200:
                logging.error("failed")
                await resp.write(b'data: {"error": "upstream error"}\n\n')
                return resp
            async for line in upstream.content:
                if line.startswith(b"data: ") and line.strip() != b"data: [DONE]":
                    chunks += 1
                await resp.write(line)
    except Exception:
        logger.exception("stream from upstream aborted conv=%s after %d chunks", conv_id, chunks)
        raise
    finally:
        latency = round(time.monotonic() - started, 3)
        recent_requests.append({"conversation_id": conv_id, "latency_s": latency, "chunks": chunks})
        try:
            usage_queue.put_nowait({"conversation_id": conv_id, "model": upstream_body["model"],
                                    "chunks": chunks, "latency_s": latency})
        except asyncio.QueueFull:
            logger.warning("usage queue full, dropping record for conv=%s", conv_id)

    await resp.write_eof()
    return resp


async def on_startup(app):
    app["http"] = aiohttp.ClientSession()
    app["usage_task"] = asyncio.create_task(usage_worker())


async def on_cleanup(app):
    await app["http"].close()


def create_app() -> web.Application:
    app = web.Application(client_max_size=2 * 1024 * 1024)
    app.add_routes(routes)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host=os.getenv("HOST", "0.0.0.0"), port=int(os.getenv("PORT", "8080")))

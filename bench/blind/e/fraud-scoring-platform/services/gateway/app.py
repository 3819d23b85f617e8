import logging
import os
import time

from aiohttp import ClientError, ClientSession, web
from aiolimiter import AsyncLimiter

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("gateway")

MODEL_URL = os.environ.get("MODEL_URL", "http://model:8000")
RATE_PER_SECOND = float(os.environ.get("RATE_PER_SECOND", "20"))
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "host", "content-length"}

_limiters: dict[str, AsyncLimiter] = {}


def client_key(request: web.Request) -> str:
    forwarded = request.headers.get("X-Forwarded-For")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.remote or "unknown"


def limiter_for(key: str) -> AsyncLimiter:
    limiter = _limiters.get(key)
    if limiter is None:
        limiter = AsyncLimiter(RATE_PER_SECOND, time_period=1)
        _limiters[key] = limiter
    return limiter


async def proxy(request: web.Request) -> web.Response:
    limiter = limiter_for(client_key(request))
    if not limiter.has_capacity():
        return web.json_response({"error": "rate limit exceeded"}, status=429)

    async with limiter:
        upstream = f"{MODEL_URL}/{request.match_info['tail']}"
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
        body = await request.read()
        started = time.perf_counter()
        try:
            async with request.app["session"].request(
                request.method, upstream, params=request.query, data=body, headers=headers
            ) as resp:
                payload = await resp.read()
                log.info(
                    "%s %s -> %d in %.1fms",
                    request.method, upstream, resp.status,
                    (time.perf_counter() - started) * 1000,
                )
                return web.Response(
                    body=payload, status=resp.status, content_type=resp.content_type
                )
        except ClientError:
            log.warning("upstream error")
            return web.json_response({"error": "model service unavailable"}, status=502)


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def on_startup(app: web.Application) -> None:
    app["session"] = ClientSession()


async def on_cleanup(app: web.Application) -> None:
    await app["session"].close()


def make_app() -> web.Application:
    app = web.Application(client_max_size=1024 * 1024)
    app.router.add_get("/healthz", health)
    app.router.add_route("*", "/api/{tail:.*}", proxy)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(
        make_app(),
        host=os.environ.get("HOST", "0.0.0.0"),
        port=int(os.environ.get("PORT", "8080")),
        shutdown_timeout=20,
    )

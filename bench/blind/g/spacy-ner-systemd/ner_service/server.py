import hmac
import logging
import os
import queue

import spacy
from aiohttp import web

from ner_service.batch import BatchProcessor

log = logging.getLogger(__name__)

ALLOWED_MODELS = {"en_core_web_sm", "de_core_news_sm", "fr_core_news_sm"}
MAX_TEXT_CHARS = 20_000
MAX_BATCH_TEXTS = 500


def _entities(doc) -> list[dict]:
    return [
        {"text": ent.text, "label": ent.label_, "start": ent.start_char, "end": ent.end_char}
        for ent in doc.ents
    ]


@web.middleware
async def auth_middleware(request: web.Request, handler):
    expected = request.app["api_token"]
    supplied = request.headers.get("Authorization", "").removeprefix("Bearer ")
    if not hmac.compare_digest(supplied, expected):
        raise web.HTTPUnauthorized(text="missing or invalid token")
    return await handler(request)


async def extract(request: web.Request) -> web.Response:
    data = await request.json()
    doc = request.app["nlp"](data["text"])
    return web.json_response({"model": request.app["model_name"], "entities": _entities(doc)})


async def extract_with_model(request: web.Request) -> web.Response:
    model_name = request.match_info["model"]
    if model_name not in ALLOWED_MODELS:
        raise web.HTTPNotFound(text=f"unknown model {model_name}")
    data = await request.json()
    text = data.get("text") if isinstance(data, dict) else None
    if not isinstance(text, str) or not 0 < len(text) <= MAX_TEXT_CHARS:
        raise web.HTTPBadRequest(text=f"'text' must be a string of 1..{MAX_TEXT_CHARS} chars")
    nlp = spacy.load(model_name)
    doc = nlp(text)
    return web.json_response({"model": model_name, "entities": _entities(doc)})


async def submit_batch(request: web.Request) -> web.Response:
    data = await request.json()
    texts = data.get("texts") if isinstance(data, dict) else None
    if (
        not isinstance(texts, list)
        or not 0 < len(texts) <= MAX_BATCH_TEXTS
        or not all(isinstance(t, str) and len(t) <= MAX_TEXT_CHARS for t in texts)
    ):
        raise web.HTTPBadRequest(text="'texts' must be a non-empty list of strings")
    try:
        job_id = request.app["batch"].submit(texts)
    except queue.Full:
        raise web.HTTPServiceUnavailable(text="batch queue full, retry later")
    return web.json_response({"job_id": job_id}, status=202)


async def batch_status(request: web.Request) -> web.Response:
    result = request.app["batch"].status(request.match_info["job_id"])
    if result is None:
        raise web.HTTPNotFound(text="unknown job")
    return web.json_response(result)


def create_app() -> web.Application:
    app = web.Application(middlewares=[auth_middleware], client_max_size=2 * 1024 * 1024)
    app["api_token"] = os.environ["NER_API_TOKEN"]
    app["model_name"] = os.environ.get("NER_MODEL", "en_core_web_sm")
    app["nlp"] = spacy.load(app["model_name"])
    app["batch"] = BatchProcessor(app["nlp"])
    app["batch"].start()
    app.router.add_post("/v1/entities", extract)
    app.router.add_post("/v1/entities/{model}", extract_with_model)
    app.router.add_post("/v1/batch", submit_batch)
    app.router.add_get("/v1/batch/{job_id}", batch_status)
    log.info("loaded %s, %d routes", app["model_name"], len(app.router.routes()))
    return app

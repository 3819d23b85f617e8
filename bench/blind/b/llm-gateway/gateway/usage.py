import asyncio
import logging
import time

import requests

from gateway import config

logger = logging.getLogger(__name__)

usage_queue: asyncio.Queue = asyncio.Queue(maxsize=5000)


def _post_batch(batch):
    resp = requests.post(config.USAGE_WEBHOOK_URL, json={"records": batch})
    resp.raise_for_status()


async def usage_worker(batch_size: int = 50, flush_every: float = 5.0):
    loop = asyncio.get_running_loop()
    batch = []
    last_flush = time.monotonic()
    while True:
        try:
            item = await asyncio.wait_for(usage_queue.get(), timeout=flush_every)
            batch.append(item)
        except asyncio.TimeoutError:
            pass

        due = time.monotonic() - last_flush >= flush_every
        if batch and (len(batch) >= batch_size or due):
            try:
                await loop.run_in_executor(None, _post_batch, batch)
            except requests.RequestException:
                logger.exception("usage flush failed, keeping %d records for next round", len(batch))
                await asyncio.sleep(2)
                continue
            batch = []
            last_flush = time.monotonic()

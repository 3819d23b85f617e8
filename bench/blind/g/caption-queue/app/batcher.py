import asyncio
import logging
import time
from dataclasses import dataclass, field

from PIL import Image

logger = logging.getLogger(__name__)

MAX_BATCH = 8
MAX_WAIT_S = 0.05
BATCH_TIMEOUT_S = 20.0

queue: "asyncio.Queue[Job]" = asyncio.Queue(maxsize=256)


@dataclass
class Job:
    job_id: str
    image: Image.Image
    future: asyncio.Future = field(repr=False)
    enqueued_at: float = field(default_factory=time.monotonic)


async def _collect_batch() -> list[Job]:
    first = await queue.get()
    batch = [first]
    deadline = time.monotonic() + MAX_WAIT_S
    while len(batch) < MAX_BATCH:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        try:
            batch.append(await asyncio.wait_for(queue.get(), timeout=remaining))
        except asyncio.TimeoutError:
            break
    return batch


async def worker(captioner) -> None:
    loop = asyncio.get_running_loop()
    while True:
        batch = await _collect_batch()
        images = [job.image for job in batch]
        started = time.monotonic()
        try:
            captions = await asyncio.wait_for(
                loop.run_in_executor(None, captioner.caption_batch, images),
                timeout=BATCH_TIMEOUT_S,
            )
        except Exception:
            logger.error("caption batch failed")
            for job in batch:
                if not job.future.done():
                    job.future.set_exception(RuntimeError("captioning failed"))
            continue
        logger.info("captioned batch of %d in %.3fs", len(batch), time.monotonic() - started)
        for job, text in zip(batch, captions):
            if not job.future.done():
                job.future.set_result(text)
        for _ in batch:
            queue.task_done()

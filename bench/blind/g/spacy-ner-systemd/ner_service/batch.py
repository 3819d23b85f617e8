import logging
import queue
import threading
import uuid
from collections import OrderedDict

log = logging.getLogger(__name__)


class BatchProcessor:
    """Runs large NER jobs off the request path so /v1/batch can return a job id immediately."""

    def __init__(self, nlp, max_pending: int = 200, max_results: int = 1000) -> None:
        self._nlp = nlp
        self._jobs: queue.Queue = queue.Queue(maxsize=max_pending)
        self._results: OrderedDict[str, dict] = OrderedDict()
        self._max_results = max_results
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="ner-batch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def submit(self, texts: list[str]) -> str:
        job_id = uuid.uuid4().hex
        self._store(job_id, {"status": "queued", "n": len(texts)})
        self._jobs.put_nowait((job_id, texts))
        return job_id

    def status(self, job_id: str) -> dict | None:
        with self._lock:
            return self._results.get(job_id)

    def _store(self, job_id: str, value: dict) -> None:
        with self._lock:
            self._results[job_id] = value
            self._results.move_to_end(job_id)
            while len(self._results) > self._max_results:
                self._results.popitem(last=False)

    def _run(self) -> None:
        while True:
            job_id, texts = self._jobs.get()
            self._store(job_id, {"status": "running", "n": len(texts)})
            try:
                docs = list(self._nlp.pipe(texts, batch_size=32))
                entities = [
                    [{"text": e.text, "label": e.label_, "start": e.start_char, "end": e.end_char} for e in doc.ents]
                    for doc in docs
                ]
                self._store(job_id, {"status": "done", "n": len(texts), "entities": entities})
            except Exception:
                log.exception("batch job %s failed (%d texts)", job_id, len(texts))
                self._store(job_id, {"status": "failed", "n": len(texts)})
            finally:
                self._jobs.task_done()

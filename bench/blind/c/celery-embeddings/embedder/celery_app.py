import os

from celery import Celery

app = Celery(
    "embedder",
    broker=os.environ.get("CELERY_BROKER_URL", "redis://redis:6379/0"),
    backend=os.environ.get("CELERY_RESULT_BACKEND", "redis://redis:6379/1"),
    include=["embedder.tasks"],
)

app.conf.update(
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_soft_time_limit=540,
    task_time_limit=600,
    result_expires=3600,
    broker_transport_options={"visibility_timeout": 900},
    task_routes={"embedder.tasks.poll_pending_jobs": {"queue": "poller"}},
)

import logging
import os

import requests as r
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)

HELPDESK_URL = os.environ.get("HELPDESK_URL", "https://helpdesk.example.internal/api/v2")
AUDIT_URL = os.environ.get("AUDIT_URL", "https://audit.example.internal/events")


def make_session(token: str) -> r.Session:
    s = r.Session()
    s.headers.update({"Authorization": f"Bearer {token}", "User-Agent": "triage-api/0.4"})
    retry = Retry(total=3, backoff_factor=0.5, status_forcelist=(502, 503, 504))
    s.mount("https://", HTTPAdapter(max_retries=retry))
    return s


def fetch_ticket_history(session: r.Session, customer_id: str) -> list:
    resp = session.get(
        f"{HELPDESK_URL}/customers/{customer_id}/tickets",
        params={"limit": 50, "order": "desc"},
    )
    resp.raise_for_status()
    return resp.json()["tickets"]


def post_audit(session: r.Session, event: dict) -> None:
    resp = session.post(
        AUDIT_URL,
        json=event,
        timeout=(3, 10),
    )
    if not resp.ok:
        log.warning("audit event rejected: %s %s", resp.status_code, event.get("job_id"))


def get_escalation_policy(team: str, token: str) -> dict:
    resp = r.get(f"{HELPDESK_URL}/teams/{team}/escalation",
                 headers={"Authorization": f"Bearer {token}"})
    resp.raise_for_status()
    return resp.json()

import functools
import logging

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

logger = logging.getLogger(__name__)

_session = None


def get_session() -> requests.Session:
    global _session
    if _session is None:
        s = requests.Session()
        retry = Retry(
            total=3,
            backoff_factor=0.3,
            status_forcelist=(502, 503, 504),
            allowed_methods=frozenset({"GET"}),
        )
        adapter = HTTPAdapter(max_retries=retry, pool_maxsize=20)
        s.mount("http://", adapter)
        s.mount("https://", adapter)
        s.headers.update({"User-Agent": "fraud-scorer/1.4"})
        _session = s
    return _session


@functools.lru_cache(maxsize=256)
def merchant_risk(base_url: str, merchant_id: str) -> float:
    resp = get_session().get(f"{base_url}/merchants/{merchant_id}/risk")
    resp.raise_for_status()
    return float(resp.json().get("risk_score", 0.0))


def enrich(base_url: str, txn: dict) -> dict:
    out = dict(txn)
    try:
        out["merchant_risk"] = merchant_risk(base_url, txn["merchant_id"])
    except requests.RequestException:
        logger.warning(
            "merchant risk lookup failed merchant=%s txn=%s, using prior",
            txn["merchant_id"], txn.get("txn_id"), exc_info=True,
        )
        out["merchant_risk"] = 0.5
    return out

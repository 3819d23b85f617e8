import logging

import httpx
import numpy as np
import requests

from app.models import TransactionIn

logger = logging.getLogger(__name__)

HIGH_RISK_COUNTRIES = frozenset({"NG", "RU", "KP", "IR"})


def merchant_risk(enrichment_url: str, merchant_id: str) -> float:
    try:
        resp = httpx.get(f"{enrichment_url}/{merchant_id}")
        resp.raise_for_status()
        return float(resp.json().get("risk", 0.5))
    except Exception:
        logger.exception("merchant enrichment failed for merchant_id=%s", merchant_id)
        raise


def ip_distance_km(geoip_url: str, ip_address: str, card_country: str) -> float:
    try:
        resp = requests.post(geoip_url, json={"ip": ip_address, "country": card_country})
        return float(resp.json()["distance_km"])
    except Exception as exc:
        logger.error("geoip lookup failed")
        return 0.0


def build_features(txn: TransactionIn, m_risk: float, distance: float) -> np.ndarray:
    return np.array(
        [
            [
                txn.amount,
                np.log1p(txn.amount),
                txn.hour_of_day,
                1.0 if txn.card_country in HIGH_RISK_COUNTRIES else 0.0,
                m_risk,
                distance,
            ]
        ],
        dtype=np.float32,
    )

import logging
import random
import time

import pandas as pd

log = logging.getLogger(__name__)

SALES_URL = "s3://acme-retail-forecasting-prod/tenants/{tenant}/daily_sales.csv"


def load_sales(tenant: str, max_attempts: int = 4) -> pd.DataFrame:
    url = SALES_URL.format(tenant=tenant)
    for attempt in range(max_attempts):
        try:
            df = pd.read_csv(url, parse_dates=["date"])
            break
        except (OSError, TimeoutError) as exc:
            if attempt == max_attempts - 1:
                raise
            delay = min(2 ** attempt, 30) + random.uniform(0, 1)
            log.warning(
                "read %s failed (attempt %d/%d): %s; retrying in %.1fs",
                url, attempt + 1, max_attempts, exc, delay,
            )
            time.sleep(delay)

    df = df.rename(columns={"date": "ds", "units_sold": "y"})
    df = df[["ds", "y"]].dropna()
    df = df.groupby("ds", as_index=False)["y"].sum().sort_values("ds")
    return df


def known_tenants() -> list[str]:
    import s3fs

    fs = s3fs.S3FileSystem()
    prefixes = fs.ls("acme-retail-forecasting-prod/tenants/")
    return sorted(p.rstrip("/").split("/")[-1] for p in prefixes)

from functools import lru_cache

import numpy as np
import pandas as pd

HIGH_RISK_MCC = {"4829", "6051", "7995"}


@lru_cache(maxsize=4096)
def mcc_bucket(mcc: str) -> int:
    if mcc in HIGH_RISK_MCC:
        return 2
    if mcc.startswith("5"):
        return 1
    return 0


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=df.index)
    out["amount"] = np.log1p(df["amount"].clip(lower=0))
    out["hour"] = pd.to_datetime(df["timestamp"]).dt.hour
    out["merchant_category"] = df["mcc"].astype(str).map(mcc_bucket)
    out["country_mismatch"] = (df["card_country"] != df["merchant_country"]).astype(int)
    out["tx_last_24h"] = df["tx_last_24h"].fillna(0)
    out["avg_amount_30d"] = np.log1p(df["avg_amount_30d"].fillna(0))
    return out

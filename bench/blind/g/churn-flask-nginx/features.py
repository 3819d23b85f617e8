from functools import lru_cache

import pandas as pd

NUMERIC_COLUMNS = ["tenure_months", "monthly_charges", "total_charges", "support_tickets"]
CATEGORICAL_COLUMNS = ["contract", "payment_method", "plan"]
FEATURE_COLUMNS = NUMERIC_COLUMNS + ["contract_code", "payment_code", "plan_code"]

CONTRACTS = {"month-to-month": 0, "one-year": 1, "two-year": 2}
PAYMENTS = {"card": 0, "bank-transfer": 1, "electronic-check": 2, "mailed-check": 3}


@lru_cache(maxsize=128)
def plan_code(plan: str) -> int:
    plan = plan.strip().lower()
    if plan.startswith("premium"):
        return 2
    if plan.startswith("standard"):
        return 1
    return 0


def build_frame(records) -> pd.DataFrame:
    df = pd.DataFrame.from_records(records)
    df["contract_code"] = df["contract"].map(CONTRACTS).fillna(0).astype(int)
    df["payment_code"] = df["payment_method"].map(PAYMENTS).fillna(0).astype(int)
    df["plan_code"] = df["plan"].astype(str).map(plan_code)
    for col in NUMERIC_COLUMNS:
        df[col] = pd.to_numeric(df[col], errors="coerce").fillna(0.0)
    return df[FEATURE_COLUMNS]

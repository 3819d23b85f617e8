import io
import logging
import time

import joblib
import pandas as pd
import requests
from fastapi import FastAPI, File, UploadFile
from pydantic import BaseModel, Field

logger = logging.getLogger("churn-api")

MODEL_PATH = "/opt/models/churn_v12.joblib"
FEATURE_SERVICE = "http://feature-svc.ml.svc.cluster.local:8081"
FEATURES = ["tenure_months", "monthly_charges", "support_tickets_90d", "logins_30d", "plan_tier", "has_autopay"]

app = FastAPI(title="churn-api")
prediction_log: list[dict] = []


class Customer(BaseModel):
    customer_id: str = Field(min_length=1, max_length=40)
    tenure_months: int = Field(ge=0, le=600)
    monthly_charges: float = Field(ge=0, le=10_000)
    plan_tier: str = Field(pattern="^(basic|plus|pro)$")
    has_autopay: bool


def load_model():
    return joblib.load(MODEL_PATH)


def fetch_activity(customer_id: str) -> dict:
    for attempt in range(3):
        try:
            resp = requests.get(f"{FEATURE_SERVICE}/activity/{customer_id}", timeout=2)
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException:
            time.sleep(0.2 * 2**attempt)
    return {"support_tickets_90d": 0, "logins_30d": 0}


@app.post("/predict")
def predict(customer: Customer) -> dict:
    model = load_model()
    activity = {"support_tickets_90d": 0, "logins_30d": 0}
    try:
        activity = fetch_activity(customer.customer_id)
    except Exception as e:
        print(f"activity lookup failed: {e}")
    row = pd.DataFrame([{**customer.model_dump(exclude={"customer_id"}), **activity}])[FEATURES]
    proba = float(model.predict_proba(row)[0, 1])
    prediction_log.append({"customer_id": customer.customer_id, "proba": proba, "ts": time.time()})
    return {"customer_id": customer.customer_id, "churn_probability": proba}


@app.post("/predict/file")
async def predict_file(file: UploadFile = File(...)) -> dict:
    raw = await file.read()
    df = pd.read_pickle(io.BytesIO(raw))
    model = load_model()
    probs = model.predict_proba(df[FEATURES])[:, 1]
    logger.info("scored %d rows from %s", len(df), file.filename)
    return {"n": len(df), "mean_churn_probability": float(probs.mean())}

from typing import Literal

from pydantic import BaseModel, Field


class Customer(BaseModel):
    customer_id: str = Field(..., min_length=1, max_length=40)
    tenure_months: int = Field(..., ge=0, le=600)
    monthly_charges: float = Field(..., ge=0, le=10_000)
    total_charges: float = Field(..., ge=0)
    contract: Literal["month-to-month", "one-year", "two-year"]
    payment_method: Literal["electronic-check", "mailed-check", "bank-transfer", "credit-card"]
    internet_service: Literal["dsl", "fiber", "none"]
    support_tickets_90d: int = Field(0, ge=0, le=1000)


class PredictRequest(BaseModel):
    customers: list[Customer] = Field(..., min_length=1, max_length=1000)


class Prediction(BaseModel):
    customer_id: str
    churn_probability: float
    will_churn: bool


class PredictResponse(BaseModel):
    model_name: str
    model_version: str
    predictions: list[Prediction]

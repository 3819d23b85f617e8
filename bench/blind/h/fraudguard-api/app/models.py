from datetime import datetime
from typing import Optional

from pydantic import BaseModel, Field as PField
from sqlmodel import Field, SQLModel


class ScoredTransaction(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    transaction_id: str = Field(index=True, max_length=64)
    merchant_id: str = Field(max_length=64)
    amount: float
    score: float
    flagged: bool
    created_at: datetime = Field(default_factory=datetime.utcnow)


class TransactionIn(BaseModel):
    transaction_id: str = PField(min_length=1, max_length=64)
    merchant_id: str = PField(min_length=1, max_length=64)
    amount: float = PField(gt=0, lt=1_000_000)
    currency: str = PField(pattern=r"^[A-Z]{3}$")
    card_country: str = PField(min_length=2, max_length=2)
    ip_address: str = PField(max_length=45)
    hour_of_day: int = PField(ge=0, le=23)


class ScoreOut(BaseModel):
    transaction_id: str
    score: float
    flagged: bool
    model_version: str

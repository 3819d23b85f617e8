from typing import List, Literal

from pydantic import BaseModel, Field


class PredictRequest(BaseModel):
    text: str = Field(..., min_length=1, max_length=2000)


class BatchPredictRequest(BaseModel):
    texts: List[str] = Field(..., min_length=1, max_length=32)


class Prediction(BaseModel):
    label: Literal["POSITIVE", "NEGATIVE"]
    score: float


class FeedbackRequest(BaseModel):
    text: str = Field(..., min_length=1, max_length=2000)
    predicted: Literal["POSITIVE", "NEGATIVE"]
    correct: Literal["POSITIVE", "NEGATIVE"]

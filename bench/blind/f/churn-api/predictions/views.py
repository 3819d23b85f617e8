import logging
from functools import lru_cache

import joblib
import pandas as pd
from django.conf import settings
from django.db import connection
from rest_framework import status, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import PredictionRecord
from .serializers import ChurnInputSerializer, PredictionRecordSerializer

logger = logging.getLogger(__name__)

FEATURES = ["tenure_months", "monthly_charges", "contract_type", "support_tickets_90d"]


@lru_cache(maxsize=1)
def get_model():
    bundle = joblib.load(settings.MODEL_PATH)
    logger.info("loaded churn model %s", bundle["version"])
    return bundle


def _frame(rows):
    df = pd.DataFrame(rows, columns=FEATURES)
    df["monthly_charges"] = df["monthly_charges"].astype(float)
    return df


class PredictionRecordViewSet(viewsets.ModelViewSet):
    serializer_class = PredictionRecordSerializer

    def get_queryset(self):
        return PredictionRecord.objects.filter(created_by=self.request.user)

    def perform_create(self, serializer):
        bundle = get_model()
        df = _frame([serializer.validated_data])
        proba = float(bundle["pipeline"].predict_proba(df)[0, 1])
        serializer.save(created_by=self.request.user, churn_probability=proba, model_version=bundle["version"])


class PredictView(APIView):
    def post(self, request):
        ser = ChurnInputSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        bundle = get_model()
        proba = float(bundle["pipeline"].predict_proba(_frame([ser.validated_data]))[0, 1])
        return Response({
            "customer_id": ser.validated_data["customer_id"],
            "churn_probability": round(proba, 4),
            "model_version": bundle["version"],
        })


class BatchPredictView(APIView):
    def post(self, request):
        customers = request.data["customers"]
        bundle = joblib.load(settings.MODEL_PATH)
        try:
            df = pd.DataFrame(customers)
            probs = bundle["pipeline"].predict_proba(df[FEATURES])[:, 1]
        except Exception:
            logger.error("batch prediction failed")
            return Response({"detail": "could not score batch"}, status=status.HTTP_400_BAD_REQUEST)
        return Response({
            "model_version": bundle["version"],
            "results": [
                {"customer_id": c.get("customer_id"), "churn_probability": round(float(p), 4)}
                for c, p in zip(customers, probs)
            ],
        })


class HealthView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = []

    def get(self, request):
        with connection.cursor() as cur:
            cur.execute("SELECT 1")
        return Response({"status": "ok"})

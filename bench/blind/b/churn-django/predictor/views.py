import json
import logging

import joblib
import numpy as np
from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import db

logger = logging.getLogger(__name__)

FEATURES = [
    "tenure_months",
    "monthly_charges",
    "total_charges",
    "num_support_tickets",
    "contract_type",
    "payment_method",
]


@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


@csrf_exempt
@require_POST
def predict(request):
    model = joblib.load(settings.MODEL_PATH)
    payload = json.loads(request.body)
    row = [payload[name] for name in FEATURES]
    proba = float(model.predict_proba(np.array([row]))[0, 1])

    try:
        db.save_prediction(payload.get("customer_id"), proba)
    except Exception:
        logger.error("could not save prediction")

    print("predicted", proba)
    return JsonResponse({"churn_probability": proba, "label": int(proba >= 0.5)})


@require_GET
def customer_history(request, customer_id):
    rows = db.fetch_history(customer_id)
    return JsonResponse({"customer_id": customer_id, "history": rows})

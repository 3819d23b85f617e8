from django.urls import include, path
from rest_framework.routers import DefaultRouter

from predictions.views import BatchPredictView, HealthView, PredictionRecordViewSet, PredictView

router = DefaultRouter()
router.register(r"records", PredictionRecordViewSet, basename="records")

urlpatterns = [
    path("api/", include(router.urls)),
    path("api/predict/", PredictView.as_view(), name="predict"),
    path("api/predict/batch/", BatchPredictView.as_view(), name="predict-batch"),
    path("healthz/", HealthView.as_view(), name="healthz"),
]

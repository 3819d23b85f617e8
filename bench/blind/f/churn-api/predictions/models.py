from django.conf import settings
from django.db import models


class PredictionRecord(models.Model):
    customer_id = models.CharField(max_length=64, db_index=True)
    tenure_months = models.PositiveIntegerField()
    monthly_charges = models.DecimalField(max_digits=8, decimal_places=2)
    contract_type = models.CharField(max_length=20)
    support_tickets_90d = models.PositiveIntegerField(default=0)
    churn_probability = models.FloatField()
    model_version = models.CharField(max_length=32)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.customer_id}: {self.churn_probability:.2f}"

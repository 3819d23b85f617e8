from rest_framework import serializers

from .models import PredictionRecord

CONTRACT_TYPES = ("month-to-month", "one-year", "two-year")


class PredictionRecordSerializer(serializers.ModelSerializer):
    class Meta:
        model = PredictionRecord
        fields = "__all__"
        read_only_fields = ("churn_probability", "model_version", "created_by", "created_at")


class ChurnInputSerializer(serializers.Serializer):
    customer_id = serializers.CharField(max_length=64)
    tenure_months = serializers.IntegerField(min_value=0, max_value=600)
    monthly_charges = serializers.DecimalField(max_digits=8, decimal_places=2, min_value=0)
    contract_type = serializers.ChoiceField(choices=CONTRACT_TYPES)
    support_tickets_90d = serializers.IntegerField(min_value=0, max_value=1000, default=0)

    def validate(self, attrs):
        if attrs["contract_type"] == "two-year" and attrs["tenure_months"] < 1:
            raise serializers.ValidationError("two-year contracts need tenure >= 1 month")
        return attrs

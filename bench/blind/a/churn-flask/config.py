MODEL_PATH = "/home/ubuntu/churn/models/churn_rf.joblib"
SCALER_PATH = "/home/ubuntu/churn/models/scaler.joblib"

CRM_API = "http://10.0.3.17:8080/api/v1"
CRM_USER = "svc_churn"
CRM_PASSWORD = "Chrn!2023-prod"

SLACK_WEBHOOK = "https://hooks.slack.com/services/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"

FEATURES = [
    "tenure",
    "monthly_charges",
    "total_charges",
    "num_support_calls",
    "contract_type",
]

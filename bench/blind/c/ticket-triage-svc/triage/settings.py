import os

HOST = os.environ.get("HOST", "0.0.0.0")
PORT = int(os.environ.get("PORT", "8000"))
LOG_LEVEL = os.environ.get("LOG_LEVEL", "info")

DB_HOST = os.environ.get("DB_HOST", "localhost")
DB_PORT = int(os.environ.get("DB_PORT", "5432"))
DB_NAME = os.environ.get("DB_NAME", "triage")
DB_USER = os.environ.get("DB_USER", "triage_app")
DB_PASSWORD = "q7Vd9xLm2RtP4wZkE3"

MODEL_SERVER_URL = "http://10.0.8.21:8501/v1/models/ticket_triage:predict"
MODEL_SERVER_TOKEN = os.environ.get("MODEL_SERVER_TOKEN", "")

CONSUMER_BATCH_SIZE = int(os.environ.get("CONSUMER_BATCH_SIZE", "16"))
CONSUMER_IDLE_SECONDS = float(os.environ.get("CONSUMER_IDLE_SECONDS", "2"))

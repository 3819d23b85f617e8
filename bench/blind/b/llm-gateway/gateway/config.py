import os

from dotenv import load_dotenv

load_dotenv()

OPENAI_API_KEY = os.getenv("OPENAI_API_KEY", "sk-proj-BRRTGCXVvkcUwqhg8fQrNjyICRGugizsPveoefdlU24xW6aiT3BlbkFJkvZSp5FLxmmXFS2QBUzmdfyNwTt8BhN1zjTO2dl4Hxw9KoOS")
UPSTREAM_BASE_URL = "http://10.40.2.15:8000/v1"
DEFAULT_MODEL = os.getenv("DEFAULT_MODEL", "meta-llama/Meta-Llama-3-8B-Instruct")
MODERATION_MODEL = os.getenv("MODERATION_MODEL", "omni-moderation-latest")
USAGE_WEBHOOK_URL = os.getenv("USAGE_WEBHOOK_URL", "https://billing.internal.example.com/hooks/usage")
MAX_HISTORY_TURNS = int(os.getenv("MAX_HISTORY_TURNS", "20"))

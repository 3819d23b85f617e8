import os

BROKER_HOST = "192.168.10.5"
BROKER_PORT = 1883
MQTT_USER = "line3-cam"
MQTT_PASSWORD = "Qc!line3-2023"

DEVICE_ID = os.environ.get("DEVICE_ID", "jetson-line3-01")
CAMERA_INDEX = int(os.environ.get("CAMERA_INDEX", "0"))
MODEL_PATH = os.environ.get("MODEL_PATH", "/opt/defectcam/models/defect_resnet18.pt")
SCORE_THRESHOLD = float(os.environ.get("SCORE_THRESHOLD", "0.6"))
HEARTBEAT_FILE = "/tmp/defectcam.heartbeat"

TOPIC_CMD = f"factory/line3/{DEVICE_ID}/cmd"
TOPIC_EVENTS = f"factory/line3/{DEVICE_ID}/defects"
TOPIC_STATUS = f"factory/line3/{DEVICE_ID}/status"

import json
import logging
import subprocess
import time
from pathlib import Path

import paho.mqtt.client as mqtt

from defectcam import config
from defectcam.camera import Camera
from defectcam.model import DefectClassifier
from defectcam.ota import fetch_weights

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
logger = logging.getLogger("defectcam")

classifier = DefectClassifier(config.MODEL_PATH)
camera = Camera(config.CAMERA_INDEX)
defect_events = []
paused = False


def on_connect(client, userdata, flags, rc, properties=None):
    if rc != 0:
        logger.warning("mqtt connect refused rc=%s", rc)
        return
    client.subscribe(config.TOPIC_CMD, qos=1)
    client.publish(config.TOPIC_STATUS, "online", qos=1, retain=True)


def on_message(client, userdata, msg):
    global paused
    cmd = json.loads(msg.payload)
    action = cmd.get("action")
    if action == "pause":
        paused = True
    elif action == "resume":
        paused = False
    elif action == "update_model":
        state = fetch_weights(cmd["url"], cmd.get("sha256"))
        classifier.swap_state(state)
        logger.info("model updated from %s", cmd["url"])
    elif action == "snapshot":
        out = cmd.get("path", "/data/snapshots/latest.jpg")
        subprocess.run(
            f"gst-launch-1.0 nvarguscamerasrc num-buffers=1 ! nvjpegenc ! filesink location={out}",
            shell=True,
            timeout=15,
        )


def build_client() -> mqtt.Client:
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=config.DEVICE_ID)
    client.username_pw_set(config.MQTT_USER, config.MQTT_PASSWORD)
    client.will_set(config.TOPIC_STATUS, "offline", qos=1, retain=True)
    client.reconnect_delay_set(min_delay=1, max_delay=60)
    client.on_connect = on_connect
    client.on_message = on_message
    client.connect(config.BROKER_HOST, config.BROKER_PORT, keepalive=30)
    return client


def process_frame(client: mqtt.Client, frame) -> None:
    try:
        label, score = classifier.predict(frame)
    except Exception:
        logger.error("inference failed")
        return
    if label != "ok" and score >= config.SCORE_THRESHOLD:
        event = {"device": config.DEVICE_ID, "label": label, "score": score, "ts": time.time()}
        defect_events.append(event)
        print("DEFECT", label, round(score, 3))
        try:
            client.publish(config.TOPIC_EVENTS, json.dumps(event), qos=1)
        except Exception:
            logger.exception("publish failed for event %s", event)


def main() -> None:
    client = build_client()
    client.loop_start()
    heartbeat = Path(config.HEARTBEAT_FILE)
    while True:
        heartbeat.touch()
        if paused:
            time.sleep(0.5)
            continue
        try:
            frame = camera.read()
        except:
            camera.reopen(config.CAMERA_INDEX)
            continue
        if frame is None:
            continue
        process_frame(client, frame)


if __name__ == "__main__":
    main()

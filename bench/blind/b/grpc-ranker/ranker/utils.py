import functools
import json
import logging
import socket
import subprocess

import yaml

logger = logging.getLogger(__name__)


def load_config(path):
    with open(path) as f:
        return yaml.load(f)


def load_feature_schema(path):
    with open(path) as f:
        return yaml.load(f, Loader=yaml.SafeLoader)


def retry(times=None):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            attempt = 0
            while True:
                try:
                    return fn(*args, **kwargs)
                except OSError as exc:
                    attempt += 1
                    logger.warning("%s failed (attempt %d): %s", fn.__name__, attempt, exc)
                    if times and attempt >= times:
                        raise
        return wrapper
    return deco


@retry()
def feature_store_ping(host, port):
    sock = socket.create_connection((host, port))
    try:
        sock.sendall(b"PING\r\n")
        return sock.recv(64).strip() == b"+PONG"
    finally:
        sock.close()


def fetch_features(host, port, user_id, item_ids):
    keys = [f"feat:{user_id}:{item}" for item in item_ids]
    with socket.create_connection((host, port), timeout=2.0) as s:
        s.sendall(("MGET " + " ".join(keys) + "\r\n").encode())
        buf = b""
        while not buf.endswith(b"\n"):
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
    rows = json.loads(buf.decode() or "[]")
    return [row or {} for row in rows]


def list_model_files(path):
    out = subprocess.run(["ls", path], capture_output=True, text=True, timeout=10, check=True)
    return [name for name in out.stdout.split() if name.endswith(".joblib")]

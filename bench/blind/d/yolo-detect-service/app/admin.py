import logging
import shutil
import subprocess

from fastapi import APIRouter, HTTPException

from .detector import DEVICE, IMG_SIZE, WEIGHTS

router = APIRouter()
log = logging.getLogger("detect.admin")


@router.get("/gpu")
def gpu_stats(fields: str = "name,memory.used,memory.total,utilization.gpu"):
    if shutil.which("nvidia-smi") is None:
        raise HTTPException(status_code=503, detail="nvidia-smi not available")
    proc = subprocess.run(
        f"nvidia-smi --query-gpu={fields} --format=csv,noheader",
        shell=True,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        log.error("nvidia-smi failed rc=%s fields=%r stderr=%s", proc.returncode, fields, proc.stderr.strip())
        raise HTTPException(status_code=500, detail="nvidia-smi failed")
    keys = [f.strip() for f in fields.split(",")]
    return [dict(zip(keys, line.split(", "))) for line in proc.stdout.strip().splitlines()]


@router.get("/gpu/list")
def gpu_list():
    try:
        proc = subprocess.run(["nvidia-smi", "-L"], capture_output=True, text=True, timeout=30)
    except (FileNotFoundError, subprocess.TimeoutExpired) as exc:
        raise HTTPException(status_code=503, detail=f"nvidia-smi unavailable: {exc}")
    return {"gpus": proc.stdout.strip().splitlines()}


@router.get("/model")
def model_info():
    return {"weights": WEIGHTS, "device": DEVICE, "imgsz": IMG_SIZE}

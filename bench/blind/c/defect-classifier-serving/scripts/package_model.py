"""Build the TorchServe .mar and register the same weights in MLflow.

usage: python scripts/package_model.py --weights runs/best.pt --version 1.3.0
"""
import argparse
import os
import subprocess
import sys

import mlflow
import mlflow.pytorch
import torch
from torchvision import models

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
mlflow.set_tracking_uri("http://10.20.0.15:5000")


def build_mar(weights: str, version: str, export_dir: str) -> str:
    os.makedirs(export_dir, exist_ok=True)
    subprocess.run(
        [
            "torch-model-archiver",
            "--model-name", "defects",
            "--version", version,
            "--serialized-file", weights,
            "--handler", os.path.join(ROOT, "torchserve", "handler.py"),
            "--extra-files", os.path.join(ROOT, "torchserve", "labels.yaml"),
            "--export-path", export_dir,
            "--force",
        ],
        check=True,
        timeout=600,
    )
    return os.path.join(export_dir, "defects.mar")


def register(weights: str, num_classes: int) -> str:
    model = models.resnet18(num_classes=num_classes)
    model.load_state_dict(torch.load(weights, map_location="cpu", weights_only=True))
    model.eval()
    with mlflow.start_run(run_name="package-defects") as run:
        mlflow.pytorch.log_model(model, "model", registered_model_name="defect-classifier")
        return run.info.run_id


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--weights", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--num-classes", type=int, default=5)
    parser.add_argument("--export-dir", default=os.path.join(ROOT, "torchserve", "model-store"))
    args = parser.parse_args()

    mar = build_mar(args.weights, args.version, args.export_dir)
    print(f"wrote {mar}")
    run_id = register(args.weights, args.num_classes)
    print(f"registered defect-classifier from run {run_id}")
    sys.exit(0)

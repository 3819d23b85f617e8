import argparse
import json
import subprocess
from pathlib import Path

import torch

from digits.model import DigitClassifier


def git_sha() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10, check=True
        )
        return out.stdout.strip()
    except (subprocess.SubprocessError, FileNotFoundError):
        return "unknown"


def export(checkpoint: Path, out: Path) -> Path:
    model = DigitClassifier.load_from_checkpoint(checkpoint, map_location="cpu")
    model.eval()
    example = torch.zeros(1, 1, 28, 28)
    scripted = model.to_torchscript(method="trace", example_inputs=example)
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.jit.save(scripted, out)
    meta = {"source_checkpoint": str(checkpoint), "git_sha": git_sha(), "input_shape": [1, 1, 28, 28]}
    out.with_suffix(".json").write_text(json.dumps(meta, indent=2))
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Export a Lightning checkpoint to TorchScript")
    parser.add_argument("checkpoint", type=Path)
    parser.add_argument("--out", type=Path, default=Path("export/digits_ts.pt"))
    args = parser.parse_args()
    path = export(args.checkpoint, args.out)
    print(f"wrote {path}")

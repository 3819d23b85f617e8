import argparse
import os
from pathlib import Path

import lightning as L
import requests
import torch
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint
from torch.utils.data import DataLoader, random_split
from torchvision import datasets, transforms

from digits.model import DigitClassifier

SLACK_WEBHOOK = "https://hooks.slack.com/services/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"

TRANSFORM = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])


def data_loaders(root: Path, batch_size: int) -> tuple[DataLoader, DataLoader]:
    full = datasets.MNIST(root, train=True, download=True, transform=TRANSFORM)
    train_set, val_set = random_split(full, [55_000, 5_000], generator=torch.Generator().manual_seed(0))
    workers = min(8, os.cpu_count() or 1)
    return (
        DataLoader(train_set, batch_size=batch_size, shuffle=True, num_workers=workers),
        DataLoader(val_set, batch_size=batch_size, num_workers=workers),
    )


def notify(text: str) -> None:
    requests.post(SLACK_WEBHOOK, json={"text": text})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--init-weights", type=Path, default=None)
    parser.add_argument("--ckpt-dir", type=Path, default=Path("checkpoints"))
    args = parser.parse_args()

    model = DigitClassifier()
    if args.init_weights is not None:
        state = torch.load(args.init_weights, map_location="cpu", weights_only=True)
        model.load_state_dict(state)

    train_dl, val_dl = data_loaders(args.data, args.batch_size)
    ckpt = ModelCheckpoint(dirpath=args.ckpt_dir, monitor="val_acc", mode="max", save_top_k=1)
    trainer = L.Trainer(
        max_epochs=args.epochs,
        callbacks=[ckpt, EarlyStopping(monitor="val_acc", mode="max", patience=3)],
        deterministic=True,
    )
    trainer.fit(model, train_dl, val_dl)
    best = ckpt.best_model_score.item() if ckpt.best_model_score is not None else float("nan")
    print(f"best checkpoint: {ckpt.best_model_path} (val_acc={best:.4f})")
    notify(f"digits training finished: val_acc={best:.4f}")


if __name__ == "__main__":
    main()

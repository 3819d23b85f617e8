"""Fine-tune resnet18 on the defect dataset and save it to the local BentoML model store.

Usage: python train_export.py --data data/defects --epochs 5
"""
import argparse
import os
import tempfile

import bentoml
import torch
import torchvision
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

from preprocess import CLASSES


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--lr", type=float, default=1e-3)
    args = ap.parse_args()

    tf = transforms.Compose(
        [transforms.RandomResizedCrop(224), transforms.RandomHorizontalFlip(), transforms.ToTensor()]
    )
    ds = datasets.ImageFolder(os.path.join(args.data, "train"), transform=tf)
    dl = DataLoader(ds, batch_size=32, shuffle=True, num_workers=4)

    net = torchvision.models.resnet18(weights="IMAGENET1K_V1")
    net.fc = nn.Linear(net.fc.in_features, len(CLASSES))
    opt = torch.optim.AdamW(net.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss()

    for epoch in range(args.epochs):
        net.train()
        total = 0.0
        for x, y in dl:
            opt.zero_grad()
            loss = loss_fn(net(x), y)
            loss.backward()
            opt.step()
            total += loss.item() * x.size(0)
        print(f"epoch {epoch + 1}/{args.epochs} loss={total / len(ds):.4f}")

    with bentoml.models.create("defect_resnet18", metadata={"classes": CLASSES}) as m:
        torch.save(net.state_dict(), m.path_of("weights.pt"))
    print("saved", m.tag)


if __name__ == "__main__":
    main()

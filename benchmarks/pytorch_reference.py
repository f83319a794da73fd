#!/usr/bin/python3
"""The speed workloads W1-W5 trained the way a student writes them in PyTorch.

Usage: /usr/bin/python3 benchmarks/pytorch_reference.py WORKLOAD [--threads N]
WORKLOAD is one of w1-digits-mlp, w2-mlp-784, w3-cnn-cifar-shape, w4-lstm-text, w5-xor-2d (the names of the
.lcnet files next to this script, which hold the same networks for LayerCanvas).

Each run prints one JSON line. samples_per_s counts the training loop of all epochs (shuffling and batching by
the DataLoader included, building the model and the data excluded), as LayerCanvas's `train --json` counts its
minibatch loop; samples_per_s_after_epoch1 leaves the first epoch out. The data is made here with the same sizes
and kinds as the LayerCanvas documents use (random values; the digits are LayerCanvas's bundled UCI digits).
"""
import argparse
import csv
import json
import os
import time

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

HERE = os.path.dirname(os.path.abspath(__file__))
DIGITS = os.path.join(HERE, "..", "samples", "src", "main", "resources", "org", "layercanvas", "samples",
                      "datasets", "digits", "digits.csv")


def digits():
    with open(DIGITS, newline="") as f:
        rows = list(csv.reader(f))[1:]
    values = np.array(rows, dtype=np.float32)
    x, y = values[:, :-1] / 16.0, values[:, -1].astype(np.int64)
    order = np.random.default_rng(0).permutation(len(x))
    train = order[: int(round(0.8 * len(x)))]
    return x[train], y[train]


class TextClassifier(nn.Module):
    """Embedding 32 -> LSTM 64 (last step) -> one logit."""

    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(1000, 32)
        self.lstm = nn.LSTM(32, 64, batch_first=True)
        self.head = nn.Linear(64, 1)

    def forward(self, tokens):
        _, (last, _) = self.lstm(self.embed(tokens))
        return self.head(last[-1]).squeeze(1)


def workload(name):
    """(features, labels, model, optimizer factory, batch, epochs, binary?)"""
    rng = np.random.default_rng(1)
    if name == "w1-digits-mlp":
        x, y = digits()
        model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, 10))
        return x, y, model, lambda p: torch.optim.Adam(p, lr=1e-3), 32, 10, False
    if name == "w2-mlp-784":
        x = rng.random((10000, 784), dtype=np.float32)
        y = rng.integers(0, 10, 10000)
        model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
        return x, y, model, lambda p: torch.optim.Adam(p, lr=1e-3), 64, 5, False
    if name == "w3-cnn-cifar-shape":
        x = rng.random((5000, 3, 32, 32), dtype=np.float32)
        y = rng.integers(0, 10, 5000)
        model = nn.Sequential(nn.Conv2d(3, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                              nn.Linear(32 * 15 * 15, 10))
        return x, y, model, lambda p: torch.optim.Adam(p, lr=1e-3), 64, 2, False
    if name == "w4-lstm-text":
        x = rng.integers(0, 1000, (2000, 50))
        y = rng.integers(0, 2, 2000).astype(np.float32)
        return x, y, TextClassifier(), lambda p: torch.optim.Adam(p, lr=1e-3), 32, 2, True
    if name == "w5-xor-2d":
        x = rng.uniform(-1, 1, (1000, 2)).astype(np.float32)
        y = (x[:, 0] * x[:, 1] > 0).astype(np.float32)
        model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 1),
                              nn.Flatten(0))
        return x, y, model, lambda p: torch.optim.SGD(p, lr=0.1), 10, 20, True
    raise SystemExit("unknown workload " + name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("workload")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)

    x, y, model, optimizer_for, batch, epochs, binary = workload(args.workload)
    loss_fn = nn.BCEWithLogitsLoss() if binary else nn.CrossEntropyLoss()
    optimizer = optimizer_for(model.parameters())
    loader = DataLoader(TensorDataset(torch.from_numpy(x), torch.from_numpy(y)), batch_size=batch, shuffle=True)

    model.train()
    epoch_seconds = []
    start = time.perf_counter()
    for _ in range(epochs):
        epoch_start = time.perf_counter()
        for features, labels in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(features), labels)
            loss.backward()
            optimizer.step()
        epoch_seconds.append(time.perf_counter() - epoch_start)
    seconds = time.perf_counter() - start
    n = len(x)
    print(json.dumps({
        "framework": "pytorch", "version": torch.__version__, "workload": args.workload,
        "threads": torch.get_num_threads(), "samples_per_s": n * epochs / seconds,
        "samples_per_s_after_epoch1": n * (epochs - 1) / sum(epoch_seconds[1:]) if epochs > 1 else None,
        "seconds": seconds, "final_loss": float(loss.item())}))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Epoch-time baseline in plain PyTorch for Reliance's two benchmark setups.

Same data (Fashion-MNIST, pixels / 255 as float32), same models, same optimiser and batch
size as `dev.reliance.bench.TrainBench`, and the same per-batch work as Reliance's trainer
(running loss and accuracy read back every batch) and per-epoch work (a full train + test
evaluation pass in inference mode, batches of 1000).

Run (Debian's python3-torch; see bench/README.md):
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 bench/torch_epoch.py
"""
import argparse
import ctypes
import gzip
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA = "/usr/share/datasets/fashion-mnist"
EVAL_BATCH = 1000


def read_idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    ndim = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load(data_dir):
    def images(name):
        x = read_idx(os.path.join(data_dir, name)).astype(np.float32) / 255.0
        return torch.from_numpy(x).reshape(-1, 1, 28, 28).contiguous()

    def labels(name):
        return torch.from_numpy(read_idx(os.path.join(data_dir, name)).astype(np.int64))

    return (images("train-images-idx3-ubyte.gz"), labels("train-labels-idx1-ubyte.gz"),
            images("t10k-images-idx3-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz"))


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(),
                         nn.Linear(512, 10))


class Cnn(nn.Module):
    """conv3x3(1->16)-ReLU, conv3x3(16->32, stride 2)-ReLU, conv3x3(32->32)-ReLU, GAP, Linear(32->10)."""

    def __init__(self):
        super().__init__()
        self.convs = nn.ModuleList([nn.Conv2d(1, 16, 3, padding=1), nn.Conv2d(16, 32, 3, stride=2, padding=1),
                                    nn.Conv2d(32, 32, 3, padding=1)])
        self.head = nn.Linear(32, 10)

    def forward(self, x):
        for c in self.convs:
            x = F.relu(c(x))
        return self.head(x.mean(dim=(2, 3)))


MODELS = {"mlp:512,512": mlp, "cnn:16,32/2,32": Cnn}


def evaluate(model, x, y):
    model.eval()
    loss, correct = 0.0, 0
    with torch.inference_mode():
        for i in range(0, len(x), EVAL_BATCH):
            logits = model(x[i:i + EVAL_BATCH])
            loss += F.cross_entropy(logits, y[i:i + EVAL_BATCH], reduction="sum").item()
            correct += (logits.argmax(1) == y[i:i + EVAL_BATCH]).sum().item()
    model.train()
    return loss / len(x), correct / len(x)


def run(name, data, epochs, batch, seed):
    xtr, ytr, xte, yte = data
    torch.manual_seed(seed)
    model = MODELS[name]()
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    gen = torch.Generator().manual_seed(seed)
    rows = []
    for epoch in range(1, epochs + 1):
        t0 = time.perf_counter()
        order = torch.randperm(len(xtr), generator=gen)
        loss_sum, correct, seen = 0.0, 0, 0
        for b in range(0, len(xtr), batch):
            idx = order[b:b + batch]
            x, y = xtr[idx], ytr[idx]
            opt.zero_grad(set_to_none=True)
            logits = model(x)
            loss = F.cross_entropy(logits, y)
            loss.backward()
            opt.step()
            # Reliance's trainer reads the running loss and accuracy back every batch too.
            loss_sum += loss.item() * len(idx)
            correct += (logits.argmax(1) == y).sum().item()
            seen += len(idx)
        t1 = time.perf_counter()
        _, tr_acc = evaluate(model, xtr, ytr)
        _, te_acc = evaluate(model, xte, yte)
        t2 = time.perf_counter()
        rows.append((name, epoch, t1 - t0, t2 - t1, t2 - t0, tr_acc, te_acc))
        print(f"  {name} epoch {epoch}: train {t1 - t0:.2f}s  eval {t2 - t1:.2f}s  "
              f"train acc {tr_acc:.4f}  test acc {te_acc:.4f}", flush=True)
    return rows


def blas_info():
    libs = sorted({l.split()[-1] for l in open("/proc/self/maps") if "blas" in l.lower()})
    for p in libs:
        try:
            lib = ctypes.CDLL(p)
            lib.openblas_get_config.restype = ctypes.c_char_p
            lib.openblas_get_corename.restype = ctypes.c_char_p
            return f"{lib.openblas_get_config().decode()} (kernel {lib.openblas_get_corename().decode()}) via {p}"
        except (OSError, AttributeError):
            continue
    return "not OpenBLAS: " + (", ".join(libs) or "no BLAS library mapped")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--models", default="mlp,cnn", help="comma-separated kinds to run: mlp, cnn")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    kinds = args.models.split(",")
    names = [m for m in MODELS if m.split(":")[0] in kinds]
    t = time.perf_counter()
    data = load(args.data)
    print(f"data loaded in {time.perf_counter() - t:.2f}s (not timed below)")
    torch.mm(torch.randn(64, 64), torch.randn(64, 64))  # make torch load its BLAS before we look
    cap = [l.strip(" -") for l in torch.__config__.show().splitlines() if "CPU capability" in l]
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {cap[0] if cap else ''}, "
          f"mkldnn {torch.backends.mkldnn.is_available()}")
    print("BLAS:", blas_info())
    print("env: " + " ".join(f"{v}={os.environ.get(v, '(unset)')}" for v in
                             ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                              "OMP_WAIT_POLICY")))
    rows = []
    for n in names:
        rows += run(n, data, args.epochs, args.batch_size, args.seed)
    print()
    print(f"{'model':<16} {'epoch':>5} {'train s':>8} {'eval s':>7} {'epoch+eval s':>12} {'test acc':>8}")
    for name, ep, tr, ev, tot, _, te in rows:
        print(f"{name:<16} {ep:>5} {tr:>8.2f} {ev:>7.2f} {tot:>12.2f} {te:>8.4f}")


if __name__ == "__main__":
    main()

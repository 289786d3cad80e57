"""Fit the title classifier of the generic paper finder (``paperlab/sources/_title_lines.py``).

Reads ``benchmarks/data/title_lines.tsv`` (lines we wrote ourselves, labelled 1 = a paper's title, 0 = not one),
splits it by the SHA-1 of each line (first hex digit 0-a: dev, b-f: test; never chosen), fits an L2-regularised
logistic regression on the dev half by gradient descent (numpy), prints accuracy, precision and recall on both
halves beside a baseline (a line of four words or more is a title), and writes the weights to
``paperlab/sources/title_line_model.json``.

Usage::

    python benchmarks/train_title_lines.py            # fit and write
    python benchmarks/train_title_lines.py --check    # print the figures of the weights in place, write nothing
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np

from paperlab.sources._title_lines import FEATURES, features, title_score

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "title_lines.tsv"
MODEL = HERE.parent / "paperlab" / "sources" / "title_line_model.json"


def load() -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    dev, test = [], []
    for row in DATA.read_text(encoding="utf-8").splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        label, text = row.split("\t", 1)
        part = dev if hashlib.sha1(text.encode()).hexdigest()[0] in "0123456789a" else test
        part.append((int(label), text))
    return dev, test


def fit(rows: list[tuple[int, str]], l2: float = 0.05, steps: int = 4000, rate: float = 0.5) -> list[float]:
    x = np.array([features(t) for _, t in rows])
    y = np.array([label for label, _ in rows], dtype=float)
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) / len(y) + l2 * np.r_[0.0, w[1:]]
        w -= rate * grad
    return [round(float(v), 4) for v in w]


def scores(rows: list[tuple[int, str]], predict) -> dict[str, float]:  # type: ignore[no-untyped-def]
    tp = sum(1 for y, t in rows if y and predict(t))
    fp = sum(1 for y, t in rows if not y and predict(t))
    fn = sum(1 for y, t in rows if y and not predict(t))
    right = sum(1 for y, t in rows if bool(y) == bool(predict(t)))
    return {
        "n": len(rows),
        "accuracy": round(right / len(rows), 3),
        "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="score the weights in place; write nothing")
    args = ap.parse_args()
    dev, test = load()
    if not args.check:
        MODEL.write_text(json.dumps({"features": list(FEATURES), "weights": fit(dev)}, indent=1) + "\n")
        title_score.__globals__["_weights"].cache_clear()

    def baseline(text: str) -> bool:
        return len(text.split()) >= 4

    def model(text: str) -> bool:
        return title_score(text) >= 0.5

    print(f"{'split':6} {'predictor':22} {'n':>4} {'accuracy':>9} {'precision':>10} {'recall':>7}")
    for name, rows in (("dev", dev), ("test", test)):
        for label, predict in (("baseline: >= 4 words", baseline), ("logistic model", model)):
            s = scores(rows, predict)
            print(f"{name:6} {label:22} {s['n']:>4} {s['accuracy']:>9} {s['precision']:>10} {s['recall']:>7}")


if __name__ == "__main__":
    main()

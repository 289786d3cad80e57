"""Does int8 document embedding rank as well as full precision? P@10 on the labelled search collections.

The collections, queries and dev/test split are those of ``bench_search_quality.py`` (the recorded real corpus,
``$PAPERLAB_REALDATA``). For each way of embedding the documents, every collection is indexed again
(``PaperIndex(store=...)`` on a store of that variant only, so variants never share vectors) and the dev (or test)
text queries and paper-as-query items are scored, in the default hybrid mode and in plain semantic mode. Queries are
always encoded in full precision (what :class:`~paperlab.search.onnx.OnnxEncoder` does); only the documents'
vectors change:

* ``fp32``: the fused full-precision graph (the baseline: its vectors agree with sentence-transformers');
* ``int8``: the shipped int8 graph (linear layers and attention projections, per channel);
* with ``--variants``, alternatives: ``int8-matmul`` (linear layers only) and ``int8-keep-ffn-out`` (the
  feed-forward output layers kept in full precision).

The rule (issue 14): int8 is the default only if it loses at most 0.01 P@10 against fp32; the choice is made on
the dev queries, the test queries are reported once for the chosen variant.

Usage: python benchmarks/bench_embedding_precision.py --realdata PATH [--split dev|test] [--variants]
[--cache DIR]  (``--cache`` keeps each variant's store, so a later ``--split test`` run embeds nothing)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from _data import add_realdata_argument, realdata_or_exit  # noqa: E402
from bench_search_quality import Collection, evaluate, load_collections  # noqa: E402

from paperlab.search import PaperIndex, paper_text  # noqa: E402
from paperlab.search.onnx import OnnxEncoder, _quantize, export_packaged_model, int8_path  # noqa: E402
from paperlab.store import open_store  # noqa: E402

MODES = ("hybrid", "semantic")


def variant_graphs(folder: Path, variants: bool) -> dict[str, tuple[Path, str]]:
    """Variant name -> (full-precision graph whose int8 sibling holds the variant, document precision)."""
    graph = export_packaged_model()
    out = {"fp32": (graph, "fp32"), "int8": (graph, "int8")}
    if not variants:
        return out
    import onnx

    names = [n.name for n in onnx.load(str(graph), load_external_data=False).graph.node if n.op_type == "MatMul"]
    ffn_out = [n for n in names if "/output/dense/" in n and "/attention/" not in n]
    for name, ops, exclude in (("int8-matmul", ("MatMul",), ()), ("int8-keep-ffn-out", ("MatMul",), ffn_out)):
        alias = folder / name / "model.onnx"
        alias.parent.mkdir(parents=True, exist_ok=True)
        if not alias.exists():
            os.link(graph, alias)
        if not int8_path(alias).exists():
            _quantize(alias, int8_path(alias), ops=ops, exclude=exclude)
        out[name] = (alias, "int8")
    return out


def score(cols: list[Collection], encoder: OnnxEncoder, store_path: Path, split: str) -> dict[str, float]:
    """Mean over collections of the mean P@10 (text and paper queries together) of each mode on ``split``."""
    store = open_store(store_path)
    out = {}
    for mode in MODES:
        per_col = []
        for c in cols:
            index = PaperIndex(encoder=encoder, mode=mode, store=store, index_dir=None).fit(c.lib)
            text, papers = evaluate(index, c, split)
            per_col.append(np.concatenate([text[:, 0], papers[:, 0]]).mean())
        out[mode] = float(np.mean(per_col))
    return out


def agreement(cols: list[Collection], encoders: dict[str, OnnxEncoder], n: int = 200) -> dict[str, float]:
    """Lowest and mean cosine of each variant's document vectors against fp32 on ``n`` texts per collection."""
    texts = [paper_text(p) for c in cols for p in list(c.lib)[:n]]
    ref = encoders["fp32"].encode_documents(texts)
    out = {}
    for name, enc in encoders.items():
        cos = (enc.encode_documents(texts) * ref).sum(axis=1)
        out[name] = (float(cos.min()), float(cos.mean()))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_realdata_argument(ap, required=True)
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--variants", action="store_true", help="also the alternative int8 graphs")
    ap.add_argument("--cache", type=Path, help="folder for the variants' stores (default: a temporary folder)")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    cols = load_collections(realdata_or_exit(args.realdata))
    with tempfile.TemporaryDirectory(prefix="paperlab-precision-") as tmp:
        cache = args.cache or Path(tmp)
        cache.mkdir(parents=True, exist_ok=True)
        graphs = variant_graphs(cache / "graphs", args.variants)
        encoders = {name: OnnxEncoder(path=g, document_precision=p) for name, (g, p) in graphs.items()}
        rows = {}
        for name, enc in encoders.items():
            start = time.perf_counter()
            rows[name] = score(cols, enc, cache / f"{name}.sqlite3", args.split)
            print(f"{name}: scored in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        cosines = agreement(cols, encoders)
    base = rows["fp32"]
    counts = ", ".join(f"{c.name} {len(c.text(args.split))} text / {len(c.papers(args.split))} paper" for c in cols)
    print(f"\n{args.split} queries ({counts}); P@10 mean over collections; queries always fp32\n")
    print(
        "| documents embedded by | P@10 hybrid (default) | loss | P@10 semantic | loss | doc cosine to fp32 min / mean |"
    )
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for name, r in rows.items():
        lo, mean = cosines[name]
        h, s = r["hybrid"], r["semantic"]
        print(
            f"| {name} | {h:.4f} | {base['hybrid'] - h:+.4f} | {s:.4f} | {base['semantic'] - s:+.4f} "
            f"| {lo:.4f} / {mean:.4f} |"
        )
    print(f"\nload average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

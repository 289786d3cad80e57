"""What the learned metric reviser costs: time per abstract of results extraction with the reviser off and on.

The abstracts are the committed dev gold's sentences grouped by record (default ``v5-dev``: 70 sentences of arXiv
abstracts; ``--gold FILE --split NAME`` picks another committed set), each abstract's sentences joined into one text
as ``paperlab.compare.extract_results`` sees an abstract. Rows, all in one run:

* reviser off (the default since session 9) — the baseline, after one warm-up pass;
* the phrase encoder's first load in this process (the packaged all-MiniLM-L6-v2 on onnxruntime; the first use in a
  fresh ``$PAPERLAB_HOME`` also exports it to ONNX once, which this row then includes and says so);
* reviser on, cold: the phrase cache empty (each abstract's candidate phrases encoded, one batch per abstract);
* reviser on, warm: the same abstracts again (phrases cached in this process).

Run: ``python benchmarks/bench_reviser_cost.py [--gold extraction_gold_v4_test.json --split v4-test]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = Path(__file__).parent / "data"

from paperlab.compare import extract_results, use_metric_reviser  # noqa: E402


def abstracts(gold: Path, split: str) -> list[str]:
    """The sentences of ``split`` in ``gold``, joined per record (one text per abstract)."""
    by_record: dict[str, list[str]] = {}
    for s in json.loads(gold.read_text(encoding="utf-8"))["sentences"]:
        if s.get("split") == split and "text" in s:
            by_record.setdefault(str(s.get("record") or s["text"]), []).append(s["text"])
    return [" ".join(texts) for texts in by_record.values()]


def timed(texts: list[str]) -> float:
    t0 = time.perf_counter()
    for text in texts:
        extract_results(text)
    return time.perf_counter() - t0


def encoder_load() -> tuple[float, bool]:
    """Seconds to load the phrase encoder and encode one phrase (and whether the ONNX model had to be exported)."""
    from paperlab.search.encoders import get_encoder
    from paperlab.search.onnx import packaged_onnx_path

    exported = not packaged_onnx_path().exists()
    t0 = time.perf_counter()
    get_encoder().encode(["warm-up"])
    return time.perf_counter() - t0, exported


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default="extraction_gold_v5_dev.json", help="a committed gold file in benchmarks/data")
    ap.add_argument("--split", default="v5-dev")
    args = ap.parse_args()
    texts = abstracts(DATA / args.gold, args.split)
    if not texts:
        sys.exit(f"error: no sentence with text of split {args.split} in {args.gold}")
    use_metric_reviser(False)
    timed(texts)  # warm-up: the ranker's and the classifier's model files read once
    rows = [("reviser off (default)", timed(texts))]
    load, exported = encoder_load()
    rows.append(("phrase encoder first load" + (" (incl. the one-time ONNX export)" if exported else ""), load))
    use_metric_reviser(True)  # also empties the phrase cache
    rows.append(("reviser on, cold phrase cache", timed(texts)))
    rows.append(("reviser on, warm phrase cache", timed(texts)))
    use_metric_reviser(False)
    n = len(texts)
    print(f"{n} abstracts of {args.split} ({args.gold})")
    print(f"{'system':<48} {'total s':>8} {'ms / abstract':>14}")
    for name, seconds in rows:
        per = "" if name.startswith("phrase encoder") else f"{1000 * seconds / n:14.1f}"
        print(f"{name:<48} {seconds:8.2f} {per}")


if __name__ == "__main__":
    main()

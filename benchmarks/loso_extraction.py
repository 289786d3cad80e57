"""Leave one gold set out: results extraction with both learned parts refitted without the set it is scored on.

For each development set (v1, v2 dev, v3-dev, v5-dev, v4, v7-dev) the metric ranker and the results classifier are
fitted on the other committed development sets, then extraction is scored end to end on the left-out set: value
precision / recall (number, unit, kind) and metric recall (also the metric, case and plurals aside). v8-dev (fresh
arXiv abstracts, session 6) is scored the same way but is never trained on: the shipped models are fitted on the
committed sets only, so its row is the figure of the shipped extractor. Three systems per set: the rules alone, rules
+ ranker (refitted), paperlab (rules + ranker + classifier, both refitted). A last row pools every left-out set.
``--burned`` adds v2 test and v6 (burned test sets, dev since session 7) as sets left out and trained on;
``--train-fresh`` trains on v8-dev / v8-test too (each left out in turn). v8-test is read with ``--texts`` (dev since
session 7); ``--v9-dev`` adds v9a and v9b (each v9 labeller's file, burned in session 7) and ``--v10-dev`` v10a and
v10b (burned in session 8), ``--v11-dev`` v11a and v11b (burned in session 8) and ``--v12-dev`` v12a and v12b
(burned in session 9) and ``--v13-dev`` v13a and v13b (burned in session 10) as fresh sets; the held-out v14 files are
never read.

Run: ``python benchmarks/loso_extraction.py --texts ABSTRACTS.jsonl`` (adds v8-dev from the committed file) or
``--v8-dev PATH`` (a with-text copy).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_extraction import fresh_sets  # noqa: E402
from train_metric_ranker import FRESH  # noqa: E402
from train_metric_ranker import fit as ranker_fit  # noqa: E402
from train_metric_ranker import use as use_model  # noqa: E402
from train_result_classifier import DEV_SETS, available, figures, fit, predicted, sentences  # noqa: E402

from paperlab.comparison import metric_ranker, result_classifier  # noqa: E402

SYSTEMS = ("rules only", "rules + ranker", "paperlab")


SETTINGS: dict[
    str, float
] = {}  # --threshold / --bare-threshold / --ranker-c: a setting to try instead of the shipped one


def _shipped_settings() -> dict:
    """C, threshold and bare threshold of the shipped results classifier (the LOSO fits use the same)."""
    model = json.loads(result_classifier.MODEL_PATH.read_text(encoding="utf-8"))
    return {"c": model["C"], "threshold": model["threshold"], "bare_threshold": model["bare_threshold"], **SETTINGS}


def left_out(
    held: list[dict], train: list[dict], folder: Path, ranker_train: list[dict] | None = None
) -> dict[str, tuple[list[dict], list[dict]]]:
    """Gold and predicted rows of ``held`` for each system, the learned parts fitted on ``train`` only (the metric
    ranker on ``ranker_train`` when given)."""
    s = _shipped_settings()
    ranker = ranker_fit(train if ranker_train is None else ranker_train, SETTINGS.get("ranker_c", 1.0))
    classifier = fit(train, s["c"], s["threshold"], s["bare_threshold"], quiet=True)
    out = {}
    for system, parts in zip(SYSTEMS, ((None, None), (ranker, None), (ranker, classifier)), strict=True):
        use_model(parts[0], folder, metric_ranker)
        use_model(parts[1], folder, result_classifier)
        out[system] = predicted(held)
    return out


def _tagged(rows: list[dict], name: str) -> list[dict]:
    """Rows whose kind carries their set's name: a pooled match never pairs a gold row of one set with a predicted
    row of another (matching is by value, unit, kind and metric)."""
    return [{**r, "kind": f"{name}:{r['kind']}"} for r in rows]


BURNED = ["v2-test", "v6"]  # scored once as held-out tests in sessions 3 and 5; development sets since session 7


def main(
    fresh: dict[str, list[dict]], burned: bool = False, train_fresh: bool = False, ranker_fresh: bool = True
) -> None:
    """Leave each set out; ``burned``: v2 test and v6 are development sets too (left out and trained on);
    ``train_fresh``: the fresh sets (v8-dev, v8-test, v9a, v9b) are also trained on when another set is left out
    (by the metric ranker too unless ``ranker_fresh`` is False)."""
    committed = available(DEV_SETS + BURNED * burned)
    names = list(committed)
    if train_fresh:
        FRESH.update(fresh)
        names += list(fresh)
    t0 = time.perf_counter()
    pooled: dict[str, tuple[list[dict], list[dict]]] = {system: ([], []) for system in SYSTEMS}
    print(f"{'left out':<8} {'gold':>4}  {'system':<15} value P  value R  metric R")
    shipped = (metric_ranker.MODEL_PATH, result_classifier.MODEL_PATH)
    with tempfile.TemporaryDirectory() as tmp:
        held_sets = [(n, sentences([n]), sentences([m for m in names if m != n])) for n in names]
        if not train_fresh:  # a fresh set is scored with the learned parts fitted on every committed set
            held_sets += [(n, sents, sentences(names)) for n, sents in fresh.items()]
        for name, held, train in held_sets:
            ranker_train = None if ranker_fresh else sentences([m for m in committed if m != name])
            for system, (gold, pred) in left_out(held, train, Path(tmp), ranker_train).items():
                pooled[system][0].extend(_tagged(gold, name))
                pooled[system][1].extend(_tagged(pred, name))
                row = "   ".join(f"{x:.3f}" for x in figures(gold, pred))
                print(f"{name:<8} {len(gold):>4}  {system:<15} {row}")
    for part, path in zip((metric_ranker, result_classifier), shipped, strict=True):
        part.MODEL_PATH = path
        part._model.cache_clear()
    for system, (gold, pred) in pooled.items():
        print(f"{'pooled':<8} {len(gold):>4}  {system:<15} " + "   ".join(f"{x:.3f}" for x in figures(gold, pred)))
    print(f"{time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--texts", type=Path, action="append", help="abstracts JSONL (repeatable) filling the texts of v8-dev, v8-test"
    )
    ap.add_argument("--v8-dev", type=Path, help="a with-text copy of v8-dev")
    ap.add_argument("--burned", action="store_true", help="v2 test and v6 are dev sets too (left out, trained on)")
    ap.add_argument(
        "--train-fresh", action="store_true", help="also train on v8-dev / v8-test when another set is left out"
    )
    ap.add_argument(
        "--v9-dev",
        action="store_true",
        help="add v9a and v9b (burned in session 7) as fresh sets (needs their --texts)",
    )
    ap.add_argument(
        "--v10-dev",
        action="store_true",
        help="add v10a and v10b (burned in session 8) as fresh sets (needs their --texts)",
    )
    ap.add_argument(
        "--v11-dev",
        action="store_true",
        help="add v11a and v11b (burned in session 8) as fresh sets (needs their --texts)",
    )
    ap.add_argument(
        "--v12-dev",
        action="store_true",
        help="add v12a and v12b (burned in session 9) as fresh sets (needs their --texts)",
    )
    ap.add_argument(
        "--v13-dev",
        action="store_true",
        help="add v13a and v13b (burned in session 10) as fresh sets (needs their --texts)",
    )
    ap.add_argument(
        "--ranker-committed",
        action="store_true",
        help="with --train-fresh: the metric ranker is still fitted on the committed dev sets only",
    )
    ap.add_argument("--threshold", type=float, help="the classifier's cut for kept numbers (default: shipped)")
    ap.add_argument("--bare-threshold", type=float, help="the classifier's cut for bare numbers (default: shipped)")
    ap.add_argument("--ranker-c", type=float, help="the metric ranker's C (default 1.0, the shipped ranker's)")
    args = ap.parse_args()
    tried = (("threshold", args.threshold), ("bare_threshold", args.bare_threshold), ("ranker_c", args.ranker_c))
    SETTINGS.update({k: v for k, v in tried if v})
    main(
        fresh_sets(
            args.texts,
            args.v8_dev,
            False,
            v9_dev=args.v9_dev,
            v10_dev=args.v10_dev,
            v11_dev=args.v11_dev,
            v12_dev=args.v12_dev,
            v13_dev=args.v13_dev,
        ),
        args.burned,
        args.train_fresh,
        not args.ranker_committed,
    )

"""Train the metric reviser of results extraction (``paperlab/comparison/metric_reviser.py``) on the fresh dev folds.

Every number the shipped extractor keeps (rules, metric ranker, results classifier) in a sentence of the eight fresh
arXiv dev folds (v8-dev, v8-test, v9a, v9b, v10a, v10b, v11a, v11b) whose value the gold lists is one group: its
options (each candidate phrase, the rules' name, "no metric") labelled 1 when the option names the gold metric
(``metric_key``: case and plurals aside). A group none or all of whose options is right teaches nothing and is skipped.
A conditional logit (the metric ranker's ``fit`` loss) is fitted on the groups.

``--check``: leave each fold out — fit on the other seven, revise the left-out fold's metrics and print its metric
recall before (the shipped extractor) and after; value figures do not move (only metrics change). ``--write``: fit
on all eight folds and write ``metric_reviser.json``. The texts come from ``--texts`` (the public abstracts; not
committed). The held-out v12 files are never read.

Run: ``python benchmarks/train_metric_reviser.py --texts F12 --texts L1 ... --check`` then ``--write``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
from bench_extraction import _norm, fresh_sets  # noqa: E402
from train_metric_ranker import available, fit_groups, sentences  # noqa: E402
from train_metric_ranker import use as use_model  # noqa: E402
from train_result_classifier import DEV_SETS  # noqa: E402

from paperlab.compare import use_metric_reviser  # noqa: E402
from paperlab.comparison import metric_reviser  # noqa: E402
from paperlab.comparison.metric_ranker import _model as ranker_model  # noqa: E402
from paperlab.comparison.metric_ranker import metric_key, tidy_metric  # noqa: E402
from paperlab.comparison.sentences import _results_in_sentence  # noqa: E402

FOLDS = ["v8-dev", "v8-test", "v9a", "v9b", "v10a", "v10b", "v11a", "v11b", "v12a", "v12b"]
NO_VALUE = "<no gold value>"


def _targets(rows: list[dict], tuples: list[dict]) -> list[str | None]:
    """The gold metric (key) of each kept row whose value the gold lists (one gold tuple per row, a tuple whose
    metric is the row's preferred), else ``NO_VALUE``."""
    pool = [(_norm(t["value"]), _norm(t["unit"]), _norm(t["kind"]), metric_key(_norm(t["metric"]))) for t in tuples]
    out: list[str | None] = []
    for r in rows:
        value = (_norm(r["value"]), _norm(r["unit"]), _norm(r["kind"]))
        match = [g for g in pool if g[:3] == value]
        if not match:
            out.append(NO_VALUE)
            continue
        g = next((g for g in match if g[3] == metric_key(r["metric"])), match[0])
        pool.remove(g)
        out.append(g[3])
    return out


def fold_groups(sents: list[dict]) -> list[tuple[list[tuple[str | None, dict[str, float]]], str | None]]:
    """Each kept row with a gold value: its options (the shipped extractor's rows, before revision) and gold metric."""
    ranker = ranker_model()
    assert ranker is not None, "the metric ranker's model is missing"
    out = []
    for s in sents:
        item = _results_in_sentence(s["text"], None, "gold", "sentence")
        text, rows, spans, hits = item
        cands, phrases = metric_reviser.phrases_of([item])
        if not rows or not metric_reviser._embed(phrases):
            continue
        for r, cs, target in zip(rows, cands[0], _targets(rows, s["tuples"]), strict=True):
            if target != NO_VALUE and r.get("_fixed"):  # not revised: counted as it is
                out.append(([(r["metric"], {"cur": 1.0})], target))
            elif target != NO_VALUE:
                out.append(
                    (
                        metric_reviser.option_features(r["metric"], cs, r["unit"] or "", r["kind"], ranker["weights"]),
                        target,
                    )
                )
    return out


def labelled(groups: list) -> list[tuple[list[dict[str, float]], list[int]]]:
    out = []
    for options, target in groups:
        labels = [int(metric_key(name) == target) if name is not None else int(target is None) for name, _ in options]
        if any(labels) and not all(labels):
            out.append(([f for _, f in options], labels))
    return out


def revised_right(groups: list, weights: dict[str, float]) -> tuple[int, int]:
    """Rows whose metric is right before and after revision with ``weights``."""
    before = after = 0
    for options, target in groups:
        before += next(metric_key(n) for n, f in options if f.get("cur")) == target
        scores = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for _, f in options]
        after += metric_key(tidy_metric(options[int(np.argmax(scores))][0])) == target
    return before, after


def lofo_end_to_end(fresh: dict[str, list[dict]], groups: dict[str, list], extra: list, c: float) -> None:
    """Leave each fold out of both learned steps fitted on fresh folds (the results classifier, from the committed
    examples of the other folds, and the reviser) and score extraction on it end to end, the reviser off and on:
    value P / R, metric R and the matched counts (the bench's counting, not one gold tuple per row)."""
    from train_result_classifier import FRESH_SETS, _counts, examples, fit_examples, fresh_examples, predicted

    from paperlab.comparison import result_classifier
    from paperlab.comparison.metric_reviser import _model as reviser_model

    shipped = json.loads(result_classifier.MODEL_PATH.read_text(encoding="utf-8"))
    settings = (shipped["C"], shipped["threshold"], shipped["bare_threshold"])
    xs, ys = examples(sentences(available(DEV_SETS)))
    total: Counter = Counter()
    print(f"{'left out':<8} gold  value P / R    metric R off -> on  (metric matches)")
    with tempfile.TemporaryDirectory() as tmp:
        for held in FOLDS:
            fx, fy = fresh_examples([f for f in FRESH_SETS if f != held])
            use_model(fit_examples(xs + fx, ys + fy, *settings), Path(tmp), result_classifier)
            train = extra + [g for f in FOLDS if f != held for g in groups[f]]
            counts = []
            for on in (False, True):
                use_model(fit_groups(labelled(train), c) if on else None, Path(tmp), metric_reviser)
                counts.append(_counts(*predicted(fresh[held])))
            (n, p, v, m0), (_, _, _, m1) = counts
            total.update(gold=n, pred=p, value=v, off=m0, on=m1)
            print(
                f"{held:<8} {n:>4}  {v / p:.3f} / {v / n:.3f}  {m0 / n:.3f} -> {m1 / n:.3f}  ({m0} -> {m1}, {m1 - m0:+d})"
            )
    n = total["gold"]
    print(
        f"{'pooled':<8} {n:>4}  {total['value'] / total['pred']:.3f} / {total['value'] / n:.3f}  "
        f"{total['off'] / n:.3f} -> {total['on'] / n:.3f}"
    )
    reviser_model.cache_clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--texts", type=Path, action="append", required=True, help="abstracts JSONL files or folders")
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--check", action="store_true", help="leave each fold out and print its metric recall")
    ap.add_argument("--write", action="store_true", help="write paperlab/comparison/metric_reviser.json")
    ap.add_argument("--committed", action="store_true", help="also train on the committed dev sets (v1 ... v7-dev)")
    ap.add_argument(
        "--end-to-end",
        action="store_true",
        help="leave each fold out of the reviser and of the results classifier; score extraction off / on",
    )
    args = ap.parse_args()
    metric_reviser.MODEL_PATH = Path("/nonexistent/metric_reviser.json")  # the rows of the extractor before revision
    metric_reviser._model.cache_clear()
    use_metric_reviser(True)  # the phrase encoder (the reviser is off by default)
    fresh = fresh_sets(args.texts, None, False, v9_dev=True, v10_dev=True, v11_dev=True, v12_dev=True)
    missing = [f for f in FOLDS if f not in fresh]
    if missing:
        sys.exit(f"error: --texts holds no abstract of {', '.join(missing)}")
    groups = {f: fold_groups(fresh[f]) for f in FOLDS}
    gold = {f: sum(len(s["tuples"]) for s in fresh[f]) for f in FOLDS}
    extra = [g for s in available(DEV_SETS) for g in fold_groups(sentences([s]))] if args.committed else []
    if args.end_to_end:
        lofo_end_to_end(fresh, groups, extra, args.C)
    if args.check:
        total = Counter()
        for held in FOLDS:
            train = extra + [g for f in FOLDS if f != held for g in groups[f]]
            weights = fit_groups(labelled(train), args.C)["weights"]
            before, after = revised_right(groups[held], weights)
            total.update(before=before, after=after, gold=gold[held])
            n = gold[held]
            print(f"{held:<8} {n:>4}  metric R {before / n:.3f} -> {after / n:.3f} ({after - before:+d})")
        n = total["gold"]
        print(f"{'pooled':<8} {n:>4}  metric R {total['before'] / n:.3f} -> {total['after'] / n:.3f}")
    if args.write:
        model = fit_groups(labelled(extra + [g for f in FOLDS for g in groups[f]]), args.C)
        names = available(DEV_SETS) * args.committed + FOLDS
        model.update(trained_on=names, sentences={f: len(fresh[f]) for f in FOLDS}, C=args.C)
        path = ROOT / "paperlab" / "comparison" / "metric_reviser.json"
        path.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()

"""Train the results-vs-non-results classifier of results extraction on development gold only.

Every number that the extraction rules keep in a development sentence (``sentences.kept_numbers``) is one example:
positive when the gold lists a result with its value (unit and kind aside: those are the rules' job), negative otherwise (a measurement, statistic, setting
or background figure that the rules took for a result). Features: ``result_classifier.features``. Model: scikit-learn's
L2 logistic regression (liblinear), weights written to ``paperlab/comparison/result_model.json`` with a threshold.

``--check``: leave one development set out — fit on the others, then score extraction end to end on the left-out set
(value precision / recall, metric recall) without and with the classifier, for each threshold. ``--write``: fit on
``--train`` and write the model with ``--threshold``; ``--fresh`` adds the committed examples of the fresh arXiv sets
(``data/result_features_fresh.json``: features and labels only, rewritten from their texts with
``--write-fresh-features --texts ...``), chosen in session 8 by leaving each fresh set out
(``loso_extraction.py --v9-dev --train-fresh --ranker-committed``). Test splits (v2 ``test``, ``v6-test``) and the
held-out v10 files are never read.

Run: ``python benchmarks/train_result_classifier.py --check`` then ``--write``.
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

from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from train_metric_ranker import SETS, available, counted, sentences, sentences_upto  # noqa: E402, F401
from train_metric_ranker import fit as ranker_fit  # noqa: E402
from train_metric_ranker import use as use_model  # noqa: E402

from paperlab.comparison import metric_ranker, result_classifier  # noqa: E402
from paperlab.comparison.sentences import flat_sentence, kept_numbers  # noqa: E402

DEV_SETS = ["v1", "v2-dev", "v3-dev", "v5-dev", "v4", "v7-dev"]
# the fresh arXiv sets whose gold holds no text (burned held-out sets, dev since sessions 7 and 8): their examples are
# committed as features and labels only (``--fresh-features``), so the shipped model refits without their texts
FRESH_SETS = ["v8-dev", "v8-test", "v9a", "v9b", "v10a", "v10b", "v11a", "v11b", "v12a", "v12b", "v21a", "v21b"]
FRESH_SETS += ["v22a", "v22b", "v22c"]  # session 20: v22-test (scored once in session 19; v22c added last)
FRESH_SETS += ["v23a", "v23b", "v23c"]  # session 21: v23-test (scored once in session 20; v23c added last)
# the fresh sets the shipped classifier was fitted on before session 10 (the "before" of ``--fresh-lofo``)
FRESH_SETS_SESSION8 = ["v8-dev", "v8-test", "v9a", "v9b"]
FRESH_FEATURES = ROOT / "benchmarks" / "data" / "result_features_fresh.json"
# every fresh fold a leave-one-fold-out run can score: the twelve above and v13a, v13b (burned in session 10); since
# session 19 v21a and v21b (v21-test, scored once in session 18) are fitted on too, their examples rewritten from texts
# session 22: v24a, v24b (v24-test, scored once in session 21) are text folds whose examples are committed but not fitted
# on: with them the shipped classifier drops a bare list's first value (tests/test_extraction_s21_x23.py, 0.81 "are
# 0.81, 0.77 and 0.79, respectively": probability 0.381 under the bare threshold 0.4) and changes nothing on the
# session's check fold v24c (benchmarks/README.md, session 22, helper X25)
TEXT_FOLDS = [*FRESH_SETS, "v13a", "v13b", "v24a", "v24b"]


def write_fresh_features(texts: list[Path]) -> None:
    """Rewrite, in ``FRESH_FEATURES``, the classifier's examples (features, label) of every fresh fold whose abstracts
    ``texts`` hold (``text_folds``); the other folds keep their committed examples. No sentence text is written, only
    the feature names and values of each number the rules keep."""
    folds = text_folds(texts)
    if not folds:
        sys.exit("error: --texts holds the abstracts of no fresh fold")
    sets = json.loads(FRESH_FEATURES.read_text(encoding="utf-8"))["sets"]
    for name, sents in folds.items():
        xs, ys = examples(sents)
        sets[name] = {"sentences": len(sents), "examples": [[x, y] for x, y in zip(xs, ys, strict=True)]}
    doc = (
        "Examples of the results classifier (train_result_classifier.py) from the fresh arXiv gold sets, whose "
        "sentences are not committed: for each number the extraction rules keep, its features and 1 when the gold "
        "lists its value. Rewritten with --write-fresh-features --texts ... (the folds whose abstracts are given) "
        "whenever the rules change."
    )
    FRESH_FEATURES.write_text(json.dumps({"description": doc, "sets": sets}, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {FRESH_FEATURES}: " + ", ".join(f"{n} {len(folds[n])} sentences" for n in folds))


def fresh_examples(names: list[str]) -> tuple[list[dict[str, float]], list[int]]:
    """The committed examples (features, labels) of the named fresh sets."""
    if not names:
        return [], []
    sets = json.loads(FRESH_FEATURES.read_text(encoding="utf-8"))["sets"]
    rows = [row for n in names for row in sets[n]["examples"]]
    return [x for x, _ in rows], [y for _, y in rows]


def examples(sents: list[dict]) -> tuple[list[dict[str, float]], list[int]]:
    """Features and 0/1 labels of every number the rules keep (1 = the gold lists its value)."""
    xs, ys = [], []
    for s in sents:
        text = flat_sentence(s["text"])
        gold = Counter(round(abs(float(t["value"])), 4) for t in s["tuples"])
        found, spans = kept_numbers(text)
        for r, (start, end) in zip(found, spans, strict=True):
            key = round(abs(float(r["value"])), 4)
            ys.append(int(gold[key] > 0))
            if gold[key] > 0:
                gold[key] -= 1
            xs.append(result_classifier.features(text, start, end, r))
    return xs, ys


def fold_file(name: str) -> Path:
    """The gold file of a fresh fold (``v8-dev``, ``v8-test``, ``v9a`` ... ``v13b``)."""
    data = ROOT / "benchmarks" / "data"
    special = {"v8-dev": "extraction_gold_v8_dev.json", "v8-test": "extraction_gold_v8_test.json"}
    special.update({n: f"extraction_gold_{n}_dev.json" for n in ("v16c", "v16d")})  # labelled as dev folds
    return data / special.get(name, f"extraction_gold_{name}_test.json")


def text_folds(texts: list[Path] | None, names: list[str] = TEXT_FOLDS) -> dict[str, list[dict]]:
    """The sentences (with their texts) of every fold in ``names`` whose abstracts ``texts`` hold in full; a fold they
    do not cover is left out (its committed examples can still be trained on)."""
    from bench_extraction import gold_sentences
    from gold_texts import abstract_files, read_abstracts

    have = {r for f in abstract_files(texts or []) for r in read_abstracts(f)}
    out = {}
    for name in names:
        gold = json.loads(fold_file(name).read_text(encoding="utf-8"))
        if {s["record"] for s in gold["sentences"]} <= have:
            out[name] = [{**s, "split": name} for s in gold_sentences(fold_file(name), texts)]
    return out


def fold_examples(names: list[str], folds: dict[str, list[dict]]) -> tuple[list[dict[str, float]], list[int]]:
    """Examples of the named fresh folds: rewritten from their texts when ``folds`` holds them (today's rules), else
    the committed ones (``FRESH_FEATURES``, the rules of their last rewrite)."""
    committed = json.loads(FRESH_FEATURES.read_text(encoding="utf-8"))["sets"]
    xs, ys = [], []
    for name in names:
        if name in folds:
            x, y = examples(folds[name])
        else:
            rows = committed[name]["examples"]
            x, y = [r[0] for r in rows], [r[1] for r in rows]
        xs += x
        ys += y
    return xs, ys


def fold_lofo(names: list[str], train: list[str], texts: list[Path], settings: tuple[float, float, float]) -> None:
    """Leave each fold with texts out: the classifier fitted on the committed dev sets and the ``train`` folds other
    than it (``fold_examples``), the shipped metric ranker; scored end to end on the fold, then pooled. Folds without
    texts are trained on from their committed examples but not scored."""
    folds = text_folds(texts)
    xs, ys = examples(sentences(names))
    total = Counter()
    print(f"{'left out':<8} gold  value P  value R  metric R  (value / metric matches)")
    with tempfile.TemporaryDirectory() as tmp:
        for held, sents in folds.items():
            fx, fy = fold_examples([n for n in train if n != held], folds)
            use(fit_examples(xs + fx, ys + fy, *settings), Path(tmp))
            n, p, v, m = _counts(*predicted(sents))
            total.update(gold=n, pred=p, value=v, metric=m)
            print(f"{held:<8} {n:>4}  {v / max(p, 1):.3f}    {v / n:.3f}    {m / n:.3f}     ({v} / {m})")
    n, p = total["gold"], total["pred"]
    print(f"{'pooled':<8} {n:>4}  {total['value'] / p:.3f}    {total['value'] / n:.3f}    {total['metric'] / n:.3f}")


def fit(
    sents: list[dict],
    c: float,
    threshold: float,
    bare_threshold: float,
    quiet: bool = False,
    extra: tuple[list[dict[str, float]], list[int]] = ([], []),
) -> dict:
    """The classifier fitted on the examples of ``sents`` and ``extra`` (committed examples of fresh sets)."""
    xs, ys = examples(sents)
    return fit_examples(xs + extra[0], ys + extra[1], c, threshold, bare_threshold, quiet, len(sents))


def fit_examples(
    xs: list[dict[str, float]],
    ys: list[int],
    c: float,
    threshold: float,
    bare_threshold: float,
    quiet: bool = True,
    n_sentences: int = 0,
) -> dict:
    """The classifier fitted on examples (features, 0/1 labels)."""
    vec = DictVectorizer(sparse=False)
    x = vec.fit_transform(xs)
    clf = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
    clf.fit(x, ys)
    names = vec.get_feature_names_out()
    weights = {str(f): round(float(v), 5) for f, v in zip(names, clf.coef_[0], strict=True) if abs(v) > 1e-6}
    if not quiet:
        print(
            f"fitted on {len(ys)} kept numbers ({sum(ys)} results) of {n_sentences} sentences, {len(weights)} weights"
        )
    intercept = round(float(clf.intercept_[0]), 5)
    return {
        "weights": weights,
        "intercept": intercept,
        "threshold": threshold,
        "bare_threshold": bare_threshold,
        "C": c,
    }


def predicted(sents: list[dict]) -> tuple[list[dict], list[dict]]:
    """Gold and predicted result rows of ``sents`` (``extract_results`` on each sentence)."""
    from paperlab.compare import extract_results

    gold = [t for s in sents for t in s["tuples"]]
    return gold, [t for s in sents for t in extract_results(s["text"]).to_dict("records")]


def figures(gold: list[dict], pred: list[dict]) -> tuple[float, float, float]:
    """Value precision, value recall and metric recall."""
    from bench_extraction import keys, score

    vp, vr, _ = score(keys(gold, "value", False), keys(pred, "value", False))
    _, mr, _ = score(keys(gold, "metric", False), keys(pred, "metric", False))
    return vp, vr, mr


def end_to_end(sents: list[dict]) -> tuple[float, float, float]:
    """Value precision, value recall and metric recall of ``extract_results`` on ``sents``."""
    return figures(*predicted(sents))


def use(model: dict | None, folder: Path) -> None:
    """Make extraction use ``model`` as its results classifier (None: the rules keep every number)."""
    use_model(model, folder, result_classifier)


def check(names: list[str], c: float, threshold: float, bare_thresholds: list[float]) -> None:
    """Leave one development set out: fit on the others, score the left-out set end to end."""
    print(f"{'left out':<8} {'system':<22} value P  value R  metric R")
    with tempfile.TemporaryDirectory() as tmp:
        for held in names:
            held_sents = sentences([held])
            use(None, Path(tmp))
            print(f"{held:<8} {'rules only':<22} " + "   ".join(f"{x:.3f}" for x in end_to_end(held_sents)))
            model = fit(sentences([n for n in names if n != held]), c, threshold, 1.0, quiet=True)
            for t in bare_thresholds:
                use({**model, "bare_threshold": t}, Path(tmp))
                label = f"classifier {threshold:.2f}/{t:.2f}"
                print(f"{held:<8} {label:<22} " + "   ".join(f"{x:.3f}" for x in end_to_end(held_sents)))


def _counts(gold: list[dict], pred: list[dict]) -> tuple[int, int, int, int]:
    """Gold tuples, predicted rows, value matches and metric matches."""
    from bench_extraction import keys

    def matched(level: str) -> int:
        return sum((Counter(keys(gold, level, False)) & Counter(keys(pred, level, False))).values())

    return len(gold), len(pred), matched("value"), matched("metric")


def fresh_lofo(
    names: list[str], fresh_train: list[str], texts: list[Path], settings: tuple[float, float, float]
) -> None:
    """Leave each fresh dev fold out: the classifier fitted on the committed dev sets and the committed examples
    (``FRESH_FEATURES``) of the ``fresh_train`` sets other than the fold, with the shipped metric ranker; extraction
    scored end to end on the fold (value P / R, metric R, and the matched counts), then pooled over the folds."""
    from bench_extraction import fresh_sets

    fresh = fresh_sets(texts, None, False, v9_dev=True, v10_dev=True, v11_dev=True, v12_dev=True)
    xs, ys = examples(sentences(names))
    total = Counter()
    print(f"{'left out':<8} gold  value P  value R  metric R  (value / metric matches)")
    with tempfile.TemporaryDirectory() as tmp:
        for held in FRESH_SETS:
            fx, fy = fresh_examples([n for n in fresh_train if n != held])
            use(fit_examples(xs + fx, ys + fy, *settings), Path(tmp))
            n, p, v, m = _counts(*predicted(fresh[held]))
            total.update(gold=n, pred=p, value=v, metric=m)
            print(f"{held:<8} {n:>4}  {v / max(p, 1):.3f}    {v / n:.3f}    {m / n:.3f}     ({v} / {m})")
    n, p = total["gold"], total["pred"]
    print(f"{'pooled':<8} {n:>4}  {total['value'] / p:.3f}    {total['value'] / n:.3f}    {total['metric'] / n:.3f}")


def grouped_check(
    names: list[str],
    c: float,
    threshold: float,
    bare_thresholds: list[float],
    folds: int = 5,
    refit_ranker: bool = True,
) -> None:
    """Pool every development set, split it by abstract into ``folds`` parts; fit the classifier (and the metric
    ranker) on the other parts, predict the held part; figures per set over all folds (each abstract is predicted by
    models that never saw it)."""
    from sklearn.model_selection import GroupKFold

    tagged = [(n, s) for n in names for s in sentences([n])]
    groups = [f"{n}|{s.get('record') or s['text']}" for n, s in tagged]
    split = list(GroupKFold(n_splits=folds).split(tagged, groups=groups))
    rows: dict[tuple[str, str], tuple[list[dict], list[dict]]] = {}
    systems = [("ranker, no classifier", None)] + [(f"classifier {threshold:.2f}/{t:.2f}", t) for t in bare_thresholds]
    with tempfile.TemporaryDirectory() as tmp:
        for train_idx, held_idx in split:
            train = [tagged[i][1] for i in train_idx]
            if refit_ranker:  # the metric ranker too is fitted on the training folds only
                use_model(ranker_fit(train, 1.0), Path(tmp), metric_ranker)
            model = fit(train, c, threshold, 1.0, quiet=True)
            for label, t in systems:
                use(None if t is None else {**model, "bare_threshold": t}, Path(tmp))
                for i in held_idx:
                    g, p = predicted([tagged[i][1]])
                    acc = rows.setdefault((tagged[i][0], label), ([], []))
                    acc[0].extend(g)
                    acc[1].extend(p)
    print(f"\n{folds}-fold by abstract over {', '.join(names)} (threshold / bare threshold)")
    print(f"{'set':<8} {'system':<22} value P  value R  metric R")
    order = [label for label, _ in systems]
    for (n, label), (g, p) in sorted(rows.items(), key=lambda kv: (names.index(kv[0][0]), order.index(kv[0][1]))):
        print(f"{n:<8} {label:<22} " + "   ".join(f"{x:.3f}" for x in figures(g, p)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", nargs="+", default=DEV_SETS, choices=sorted(SETS))
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--threshold", type=float, default=0.3)
    ap.add_argument(
        "--bare-threshold",
        type=float,
        default=0.4,
        help="the cut for bare numbers (no unit, no metric; session 6 LOSO: 0.5; 0.4 since session 16, helper X14's"
        " check folds)",
    )
    ap.add_argument("--bare-thresholds", type=float, nargs="+", default=[0.5, 0.6, 0.7, 0.8, 1.0])
    ap.add_argument("--check", action="store_true", help="leave-one-development-set-out figures")
    ap.add_argument("--write", action="store_true", help="write paperlab/comparison/result_model.json")
    ap.add_argument(
        "--fresh",
        action="store_true",
        help="also fit on the committed examples of the fresh sets (v8-dev, v8-test, v9a, v9b; session 8 LOSO)",
    )
    ap.add_argument(
        "--texts", type=Path, action="append", help="abstracts of the fresh sets (bench_extraction --texts)"
    )
    ap.add_argument(
        "--write-fresh-features", action="store_true", help="rewrite the fresh sets' examples file (needs --texts)"
    )
    ap.add_argument(
        "--fresh-sets",
        nargs="+",
        default=FRESH_SETS,
        choices=TEXT_FOLDS,
        help="with --fresh / --fresh-lofo: the fresh sets whose committed examples are trained on (default: the eighteen v8-dev ... v12b, v21a, v21b, v22a-c, v23a-c)",
    )
    ap.add_argument(
        "--fold-lofo",
        action="store_true",
        help="leave out each fold whose abstracts --texts hold (v8-dev ... v13b), the others trained on from their"
        " committed examples; the folds trained on are --train-folds",
    )
    ap.add_argument(
        "--train-folds",
        nargs="+",
        default=FRESH_SETS,
        choices=TEXT_FOLDS,
        help="with --fold-lofo: the fresh folds trained on (default: the ten of the shipped model)",
    )
    ap.add_argument(
        "--fresh-lofo",
        action="store_true",
        help="leave each fresh dev fold out (v8-dev ... v12b; needs --texts) and score it end to end",
    )
    args = ap.parse_args()
    if args.write_fresh_features:
        write_fresh_features(args.texts)
    names = available(args.train)
    if args.fold_lofo:
        fold_lofo(names, args.train_folds, args.texts, (args.C, args.threshold, args.bare_threshold))
    if args.fresh_lofo:
        fresh_lofo(names, args.fresh_sets, args.texts, (args.C, args.threshold, args.bare_threshold))
    if args.check:
        check(names, args.C, args.threshold, args.bare_thresholds)
        grouped_check(names, args.C, args.threshold, args.bare_thresholds)
    if args.write:
        fresh = args.fresh_sets if args.fresh else []
        model = fit(sentences(names), args.C, args.threshold, args.bare_threshold, extra=fresh_examples(fresh))
        model.update(trained_on=names, sentences=counted(names), fresh_features=fresh)
        path = result_classifier.MODEL_PATH
        path.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()

"""Train the metric ranker of results extraction (``paperlab/comparison/metric_ranker.py``) on development gold only.

For every gold result of a development sentence, each candidate noun chunk around its number is one example: positive
when the chunk names the gold metric (compared with ``metric_key``: case and plurals aside), negative otherwise (a gold
result with no metric makes every candidate negative). A conditional logit (softmax over the candidates of one number, plus a "no metric" option) is fitted
with scipy's L-BFGS.

``--check``: fit on ``--train`` sets, then score extraction end to end on ``--check-on`` sets (the cross-set check of
generalisation). ``--write``: fit on ``--train`` sets and the committed examples of the ``--fresh`` folds and write
``metric_model.json`` with ``--C`` and ``--threshold`` (the least softmax share of the chosen phrase; below it the number
keeps no metric). The fresh arXiv folds' sentences are not committed: ``--write-fresh-features --texts ...`` writes
their examples (feature names and values, labels; no text) to ``metric_features_fresh.json``. The burned test splits
(v2 ``test``, ``v6-test``: ``BURNED_SETS``) are read only when named; held-out sets are never read here.

Session 17 (helper X16): fitted on the six committed sets and fifteen develop folds, C 0.3 and threshold 0.4 chosen
leaving one develop fold out. Session 18 (helper X19): the shipped model is fitted on the six committed sets and all
27 dev folds (``FRESH_FOLDS``, v8-dev ... v20b); C and threshold chosen leaving one of 21 develop folds out, six folds
(v18a ... v20b) checked with a fit without them (benchmarks/README.md). Session 19 (helper X21): refitted with the same
settings after the session's rule changes on 29 folds (v21a, v21b added); only v21a's and v21b's examples were
rewritten from their texts (the other 27 folds' texts were not on the machine: their committed examples stay).
Session 20 (helper X22): refitted with the same settings after the session's rule changes on 32 folds (v22a, v22b
and v22c added; v22c, the session's check fold, only in the last refit, after its check figures were recorded); the
examples of v21a, v21b and v22a-c rewritten from their texts, the 27 older folds' committed examples kept.
Session 21 (helper X23): refitted with the same settings after the session's rule changes on 35 folds (v23a, v23b
and v23c added; v23c, the session's check fold, only in the last refit, after its check figures were recorded); the
examples of v21a, v21b, v22a-c and v23a-c rewritten from their texts.
Session 22 (helper X25): v24a and v24b added as fresh folds (v24-test was scored once in session 21; v24c, the
session's check fold, is kept out until its check figures are recorded); the examples of v21a ... v24b rewritten from
their texts; the threshold 0.4 -> 0.3, chosen leaving each of the ten text folds (v21a ... v24b) out end to end
(metric recall flat from 0 to 0.45 within 3 matches of 1,526; 0.3 ties the best with the best metric precision).

Run: ``python benchmarks/train_metric_ranker.py --write-fresh-features --texts ...`` then ``--write --C 0.3
--threshold 0.3 --train v1 v2-dev v3-dev v5-dev v4 v7-dev --fresh <FRESH_FOLDS>``; then refit the results classifier
(its features read the metric the ranker gives).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = Path(__file__).parent / "data"

import numpy as np  # noqa: E402
from scipy.optimize import minimize  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402

from paperlab.comparison import metric_ranker, result_classifier  # noqa: E402
from paperlab.comparison.metric_names import canonical_metric  # noqa: E402
from paperlab.comparison.sentences import (  # noqa: E402
    _VALUE_RE,
    _metric_hits,
    _value_at,
    extract_results,
    flat_sentence,
)

SETS = {
    "v1": ("extraction_gold.json", None),
    "v2-dev": ("extraction_gold_v2.json", "dev"),
    "v3-dev": ("extraction_gold_v3_dev.json", "v3-dev"),
    "v5-dev": ("extraction_gold_v5_dev.json", "v5-dev"),
    # v4 (scored once as test in session 4, dev since session 5): its split is still spelled "v4-test"
    "v4": ("extraction_gold_v4_test.json", "v4-test"),
    "v7-dev": ("extraction_gold_v7_dev.json", "v7-dev"),  # labelled in session 5, committed in increments
}
# scored once as held-out tests (v2 test in session 3, v6-test in session 5); development sets since session 7, read
# only when named (loso_extraction.py --burned): the shipped models are fitted on SETS
BURNED_SETS = {"v2-test": ("extraction_gold_v2.json", "test"), "v6": ("extraction_gold_v6_test.json", "v6-test")}
# sets whose gold holds no text (v8-dev, v8-test: texts from --texts, ``bench_extraction.fresh_sets``), by name
FRESH: dict[str, list[dict]] = {}
# the fresh arXiv folds the shipped model is fitted on (every dev fold of session 19: v21-test was the last scored
# once), from their committed examples; on this session's machine only v21a and v21b had their texts, so the other
# folds' examples are those of their last rewrite (session 18's rules), not recomputed
FRESH_FOLDS = [
    *("v8-dev", "v8-test", "v9a", "v9b", "v10a", "v10b", "v11a", "v11b", "v12b", "v13a", "v13b"),
    *("v14a", "v14b", "v15a", "v15b", "v16a", "v16b", "v16c", "v16d", "v17a", "v17b"),
    *("v18a", "v18b", "v19a", "v19b", "v20a", "v20b"),
    *("v21a", "v21b"),  # session 19: v21-test (scored once in session 18) as two dev folds
    *("v22a", "v22b", "v22c"),  # session 20: v22-test (scored once in session 19); v22c (the session's check fold)
    # added after its check figures were recorded
    *("v23a", "v23b", "v23c"),  # session 21: v23-test (scored once in session 20); v23c (the session's check fold)
    # added after its check figures were recorded
    *("v24a", "v24b"),  # session 22: v24-test (scored once in session 21); v24c is the session's check fold
]
FRESH_FEATURES = DATA / "metric_features_fresh.json"
Group = tuple[list[dict[str, float]], list[int]]


def available(names: list[str]) -> list[str]:
    """The named sets that can be read: a committed file that exists (v7-dev arrives in increments) or a fresh set
    whose texts were given."""
    files = {**SETS, **BURNED_SETS}
    return [n for n in names if n in FRESH or (n in files and (DATA / files[n][0]).is_file())]


def sentences(names: list[str]) -> list[dict]:
    out = []
    for name in available(names):
        if name in FRESH:
            out += FRESH[name]
            continue
        file, split = {**SETS, **BURNED_SETS}[name]
        for s in json.loads((DATA / file).read_text(encoding="utf-8"))["sentences"]:
            if split is None or s.get("split") == split:
                out.append(s)
    return out


def counted(names: list[str]) -> dict[str, int]:
    """How many sentences each named set has now (saved with a model: v7-dev grows by increments)."""
    return {n: len(sentences([n])) for n in available(names)}


def sentences_upto(counts: dict[str, int]) -> list[dict]:
    """The first ``counts[name]`` sentences of each set: the training data of a saved model, again."""
    return [s for n, k in counts.items() for s in sentences([n])[:k]]


def examples(sents: list[dict]) -> list[Group]:
    """One group per gold result whose number the extractor keeps: its candidates (the last one is "no metric")
    and 0/1 labels (1 = the candidate names the gold metric; "no metric" is 1 when the gold has none)."""
    groups = []
    for s in sents:
        text = flat_sentence(s["text"])
        metrics = _metric_hits(text)
        gold = Counter((round(float(t["value"]), 4), metric_ranker.metric_key(t["metric"])) for t in s["tuples"])
        for m in _VALUE_RE.finditer(text):
            row = _value_at(m, text, metrics, [])
            if row is None:
                continue
            wanted = [k for k in gold if k[0] in (round(abs(row["value"]), 4), round(row["value"], 4))]
            if not wanted:
                continue
            target = wanted[0][1]
            gold[wanted[0]] -= 1
            if gold[wanted[0]] == 0:
                del gold[wanted[0]]
            unit, kind = row["unit"] or "", row["kind"]
            cands = metric_ranker.candidates(text, m.start("num"), m.end(), unit, kind, metrics)
            # a candidate names the gold metric as written or in its canonical form ("test accuracy" for "accuracy")
            key = metric_ranker.metric_key
            labels = [int(target in (key(c.name), key(canonical_metric(c.name)))) for c in cands]
            labels.append(int(target is None))
            if not any(labels):
                continue  # no candidate spells the gold metric (a canonical name): nothing to learn here
            groups.append(([c.features for c in cands] + [metric_ranker.none_features(unit, kind)], labels))
    return groups


def write_fresh_features(texts: list[Path], names: list[str]) -> None:
    """Write, in ``FRESH_FEATURES``, the examples of every named fresh fold whose abstracts ``texts`` hold; other folds
    keep their committed examples. No sentence text is written: each option's features (all 1.0) as hexadecimal
    indices into a list of feature names, and its 0/1 label."""
    from train_result_classifier import text_folds

    folds = text_folds(texts, names)
    if not folds:
        sys.exit("error: --texts holds the abstracts of none of the named fresh folds")
    sets = {n: {"sentences": s["sentences"], "groups": s["groups"]} for n, s in _fresh_sets().items()}
    for name, sents in folds.items():
        sets[name] = {"sentences": len(sents), "groups": examples(sents)}
    if any(v != 1.0 for s in sets.values() for feats, _ in s["groups"] for f in feats for v in f.values()):
        sys.exit("error: a feature value other than 1.0: the compact format holds feature names only")
    names_used = sorted({k for s in sets.values() for feats, _ in s["groups"] for f in feats for k in f})
    index = {k: format(i, "x") for i, k in enumerate(names_used)}
    doc = (
        "Examples of the metric ranker (train_metric_ranker.py) from fresh arXiv gold folds, whose sentences are not "
        "committed: for each gold result whose number the rules keep, one group of options (every candidate phrase, "
        "then 'no metric'), each its features (hexadecimal indices into 'features', values 1.0) and 1 where it names "
        "the gold metric. Rewritten with --write-fresh-features --texts ... whenever the rules or the features change."
    )
    packed = {
        n: {
            "sentences": s["sentences"],
            "groups": [
                [[" ".join(index[k] for k in sorted(f)) for f in feats], labels] for feats, labels in s["groups"]
            ],
        }
        for n, s in sets.items()
    }
    doc_json = {"description": doc, "features": names_used, "sets": packed}
    FRESH_FEATURES.write_text(json.dumps(doc_json, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {FRESH_FEATURES}: " + ", ".join(f"{n} {len(folds[n])} sentences" for n in folds))


def _fresh_sets() -> dict[str, dict]:
    """The committed fresh folds: sentence count and groups (each option's features as a dict) of each."""
    if not FRESH_FEATURES.is_file():
        return {}
    doc = json.loads(FRESH_FEATURES.read_text(encoding="utf-8"))
    names = doc["features"]
    return {
        n: {
            "sentences": s["sentences"],
            "groups": [
                ([{names[int(i, 16)]: 1.0 for i in f.split()} for f in feats], labels) for feats, labels in s["groups"]
            ],
        }
        for n, s in doc["sets"].items()
    }


def fresh_groups(names: list[str]) -> list[Group]:
    """The committed examples of the named fresh folds."""
    if not names:
        return []
    sets = _fresh_sets()
    return [group for n in names for group in sets[n]["groups"]]


def fit(sents: list[dict], c: float, extra: list[Group] | None = None) -> dict:
    """A conditional logit: softmax over each group's candidates, likelihood of its positive ones, L2 penalty; fitted
    on the examples of ``sents`` and ``extra`` (committed examples of fresh folds)."""
    model = fit_groups(examples(sents) + list(extra or []), c)
    print(f"({len(sents)} sentences, {len(extra or [])} fresh results)")
    return model


def fit_groups(groups: list[Group], c: float) -> dict:
    """The conditional logit of :func:`fit` on groups of (features of each option, 0/1 labels)."""
    vec = DictVectorizer()
    x = vec.fit_transform([f for feats, _ in groups for f in feats]).tocsr()
    xt = x.T.tocsr()
    pos = np.array([lab for _, labels in groups for lab in labels]) > 0
    sizes = np.array([len(labels) for _, labels in groups])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])  # each group's first row: softmax sums by reduceat
    group = np.repeat(np.arange(len(groups)), sizes)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        e = np.exp(z - np.maximum.reduceat(z, starts)[group])
        p = e / np.add.reduceat(e, starts)[group]
        p_pos = np.add.reduceat(np.where(pos, p, 0.0), starts)
        grad_z = p - np.where(pos, p / p_pos[group], 0.0)
        return -float(np.log(p_pos).sum()) + 0.5 / c * float(w @ w), xt @ grad_z + w / c

    res = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    names = vec.get_feature_names_out()
    weights = {str(f): round(float(v), 5) for f, v in zip(names, res.x, strict=True) if abs(v) > 1e-6}
    print(f"fitted on {len(groups)} results ({x.shape[0]} candidates), {len(weights)} weights")
    return {"weights": weights}


def end_to_end(sents: list[dict]) -> tuple[float, float, float]:
    """Value recall, metric precision and metric recall of ``extract_results`` on ``sents``."""
    key = metric_ranker.metric_key
    gv, gm, pm, tv, tm = 0, 0, 0, 0, 0
    for s in sents:
        pred = extract_results(s["text"]).to_dict("records")
        g = [(round(float(t["value"]), 4), t["unit"], t["kind"], key(t["metric"])) for t in s["tuples"]]
        p = [
            (
                round(float(t["value"]), 4),
                t["unit"] if isinstance(t["unit"], str) else None,
                t["kind"],
                key(t["metric"]),
            )
            for t in pred
        ]
        tv += sum((Counter(x[:3] for x in g) & Counter(x[:3] for x in p)).values())
        tm += sum((Counter(g) & Counter(p)).values())
        gv, gm, pm = gv + len(g), gm + len(g), pm + len(p)
    return tv / max(gv, 1), tm / max(pm, 1), tm / max(gm, 1)


def use(model: dict | None, folder: Path, part: Any = metric_ranker) -> None:
    """Make extraction use ``model`` for its learned ``part`` (the metric ranker or the results classifier; None: no
    model, the rules alone)."""
    path = folder / part.MODEL_PATH.name
    path.unlink(missing_ok=True)
    if model is not None:
        path.write_text(json.dumps(model), encoding="utf-8")
    part.MODEL_PATH = path
    part._model.cache_clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", nargs="+", default=["v1", "v2-dev", "v3-dev"], choices=sorted(SETS))
    ap.add_argument("--check-on", nargs="+", default=["v5-dev"], choices=sorted(SETS))
    ap.add_argument("--fresh", nargs="*", default=[], choices=FRESH_FOLDS, help="committed fresh folds to fit on too")
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--threshold", type=float, default=0.0, help="least softmax share of the chosen phrase (0: none)")
    ap.add_argument("--write", action="store_true", help="write paperlab/comparison/metric_model.json")
    ap.add_argument("--write-fresh-features", action="store_true", help="write the fresh folds' examples (--texts)")
    ap.add_argument("--texts", type=Path, action="append", help="abstracts JSONL of the fresh folds (repeatable)")
    args = ap.parse_args()
    if args.write_fresh_features:
        write_fresh_features(args.texts or [], FRESH_FOLDS)
        return
    model = fit(sentences(args.train), args.C, fresh_groups(args.fresh))
    model["threshold"] = args.threshold
    if args.write:
        model.update(
            trained_on=available(args.train), sentences=counted(args.train), C=args.C, fresh_features=args.fresh
        )
        metric_ranker.MODEL_PATH.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {metric_ranker.MODEL_PATH}")
        return
    check = sentences(args.check_on)
    print("           value R  metric P  metric R   (on " + ", ".join(args.check_on) + ")")
    with tempfile.TemporaryDirectory() as tmp:
        use(None, Path(tmp), result_classifier)  # the shipped classifier was trained on the check sets too
        for label, m in (("no model", None), ("ranker", model)):
            use(m, Path(tmp))
            print(f"{label:<10} " + "    ".join(f"{x:.3f}" for x in end_to_end(check)))


if __name__ == "__main__":
    main()

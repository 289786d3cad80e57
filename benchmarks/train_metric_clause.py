"""The clause step of results extraction (``paperlab/comparison/metric_clause.json``): leave one fresh fold out, the
confirmation folds, the older sets, and the shipped fit (session 13).

The step (:func:`paperlab.comparison.metric_reviser.clause_options`) is a conditional logit over each kept number's
options (the rules' name, every candidate phrase of ``metric_ranker.candidates``, "no metric") with the reviser's hand
features and the tag and chunk features of textblob's bundled tagger (:mod:`paperlab.comparison.clause_tags`); it
revises every kept row, rows a shape or structural rule named too (a flag on the rules' option). It is fitted on the
rows the extractor keeps with the step off, on fresh dev folds and the committed dev sets (v1 ... v7-dev), C 0.1.

Variants: ``S`` the extractor without the step; ``N`` the step as it ships (no phrase encoder: predicted through
``revise_metrics`` with the fold's weights, the code that ships); ``E`` the same with the reviser's MiniLM similarity
to the lexicon's metric names (session 12's T2+; needs the packaged encoder, reference only).

- ``--lofo``: each of the fifteen folds (v8-dev ... v13b, v14a, v14b, v15a, v15b) left out in turn: the results
  classifier refitted without it (as ``train_result_classifier.py --fold-lofo``) and the step fitted on the other
  fourteen + the committed dev sets; value P / R and metric R per fold, pooled and for v14+v15.
- ``--confirm``: fitted on the fifteen folds (+ committed dev sets), scored on the v16 dev files (v16c, v16d).
- ``--older``: fitted on the fifteen folds, ``bench_extraction.py --test --v6-test`` with the step (``--older-off``:
  without it), needs ``PAPERLAB_REALDATA``.
- ``--write``: fitted on every fold given (with the v16 dev files: seventeen) + the committed dev sets, written to
  ``paperlab/comparison/metric_clause.json``.

Run: ``python benchmarks/train_metric_clause.py --texts TEXTS_DIR --texts L9/abstracts.jsonl ... --lofo``.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import runpy
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_extraction import _per_labeller  # noqa: E402
from train_metric_ranker import fit_groups, sentences  # noqa: E402
from train_metric_ranker import use as use_model  # noqa: E402
from train_metric_reviser import NO_VALUE, _targets  # noqa: E402
from train_result_classifier import DEV_SETS, FRESH_SETS, TEXT_FOLDS, _counts, examples, fit_examples, text_folds  # noqa: E402

from paperlab.comparison import metric_reviser, result_classifier  # noqa: E402
from paperlab.comparison.lexicons import METRICS  # noqa: E402
from paperlab.comparison.metric_ranker import _model as ranker_model  # noqa: E402
from paperlab.comparison.metric_ranker import candidates, metric_key  # noqa: E402
from paperlab.comparison.sentences import _results_in_sentence, _sentences  # noqa: E402

FOLDS = ["v8-dev", "v8-test", "v9a", "v9b", "v10a", "v10b", "v11a", "v11b", "v12b", "v13a", "v13b"]
FOLDS += ["v14a", "v14b", "v15a", "v15b"]
CONFIRM = ["v16c", "v16d"]
C = 0.1
_OPTIONS: dict[tuple, list] = {}


def load_folds(texts: list[Path], confirm: bool) -> dict[str, list[dict]]:
    folds = text_folds(texts, TEXT_FOLDS)
    folds.update(_per_labeller("v14", texts))
    folds.update(_per_labeller("v15", texts))
    if confirm:
        folds.update(_per_labeller("v16", texts, "dev"))
    return folds


def items_of(sents: list[dict]) -> list[tuple[dict, list]]:
    """Each gold sentence with the items (flat text, kept rows, spans, metric hits) of its sentences, step off."""
    out = []
    for s in sents:
        parts = enumerate(_sentences(s["text"]), start=1)
        out.append((s, [_results_in_sentence(sent, None, "<text>", f"sentence {n}") for n, (_, sent) in parts]))
    return out


def options(text: str, r: dict, span: tuple[int, int], hits: list, similarity: bool) -> list:
    key = (text, span, r["unit"], r["kind"], r["metric"], bool(r.get("_fixed")), similarity)
    if key not in _OPTIONS:
        cands = candidates(text, span[0], span[1], r["unit"] or "", r["kind"], hits)
        if similarity:
            phrases = [n for n, _ in METRICS] + [c.name for c in cands] + [r["metric"]] * isinstance(r["metric"], str)
            if not metric_reviser._embed(phrases):
                sys.exit("error: variant E needs the phrase encoder (the packaged all-MiniLM-L6-v2)")
        opts = metric_reviser.clause_options(text, r, span, cands, ranker_model()["weights"], similarity)
        if opts is None:
            sys.exit("error: textblob's tagger is missing: pip install textblob")
        _OPTIONS[key] = opts
    return _OPTIONS[key]


def groups_of(pairs: list, similarity: bool) -> list:
    """(features of each option, 0/1 labels) of every kept row with a gold value whose options are mixed."""
    out = []
    for s, its in pairs:
        rows = [r for _, rs, _, _ in its for r in rs]
        targets = dict(zip(map(id, rows), _targets(rows, s["tuples"]), strict=True))
        for text, rs, spans, hits in its:
            for r, sp in zip(rs, spans, strict=True):
                target = targets[id(r)]
                if target == NO_VALUE:
                    continue
                opts = options(text, r, sp, hits, similarity)
                labels = [int(metric_key(n) == target) if n is not None else int(target is None) for n, _ in opts]
                if any(labels) and not all(labels):
                    out.append(([f for _, f in opts], labels))
    return out


def predict(pairs: list, weights: dict | None, similarity: bool) -> tuple[int, ...]:
    """Value and metric counts of ``pairs`` with the step's ``weights`` (None: the step off). N goes through the
    product's ``revise_metrics`` (encoder off); E scores the same options with the similarity feature here."""
    gold, pred = [], []
    for s, its in pairs:
        gold += s["tuples"]
        its = copy.deepcopy(its)
        if weights is not None and not similarity:
            encoder, metric_reviser._ENCODER[0] = metric_reviser._ENCODER[0], None
            metric_reviser.revise_metrics(its)
            metric_reviser._ENCODER[0] = encoder
        elif weights is not None:
            for text, rs, spans, hits in its:
                for r, sp in zip(rs, spans, strict=True):
                    r["metric"] = metric_reviser._best(options(text, r, sp, hits, True), weights)
        pred += [r for _, rs, _, _ in its for r in rs]
    return _counts(gold, pred)


def install(weights: dict | None, folder: Path, trained_on: list[str] | None = None) -> None:
    """Make ``revise_metrics`` use the clause model ``weights`` (None: no model, the step off)."""
    path = folder / "metric_clause.json"
    path.unlink(missing_ok=True)
    if weights is not None:
        model = {"C": C, "features": "ranker + tags", "trained_on": trained_on or [], "weights": weights}
        path.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    metric_reviser.CLAUSE_MODEL_PATH = path
    metric_reviser._clause_model.cache_clear()


def fit(shipped_pairs: dict, names: list[str], committed: list, similarity: bool) -> dict:
    train = [g for f in names for g in groups_of(shipped_pairs[f], similarity)] + groups_of(committed, similarity)
    return fit_groups(train, C)["weights"]


def line(name: str, v: str, counts: tuple[int, ...]) -> str:
    n, p, val, m = counts
    return f"{name:<10} {v}  value P {val / max(p, 1):.3f} R {val / n:.3f}  metric R {m / n:.3f} ({n} / {val} / {m})"


def lofo(folds: dict, shipped_pairs: dict, committed: list, variants: list[str], tmp: Path) -> None:
    shipped = json.loads(result_classifier.MODEL_PATH.read_text(encoding="utf-8"))
    settings = (shipped["C"], shipped["threshold"], shipped["bare_threshold"])
    xs, ys = examples(sentences(DEV_SETS))
    rows = json.loads((ROOT / "benchmarks/data/result_features_fresh.json").read_text(encoding="utf-8"))["sets"]
    per_fold = {
        f: examples(folds[f])
        if f in folds
        else ([r[0] for r in rows[f]["examples"]], [r[1] for r in rows[f]["examples"]])
        for f in FRESH_SETS
    }
    classifier = result_classifier.MODEL_PATH
    table = {}
    for held in FOLDS:
        fx = [x for f in FRESH_SETS if f != held for x in per_fold[f][0]]
        fy = [y for f in FRESH_SETS if f != held for y in per_fold[f][1]]
        use_model(fit_examples(xs + fx, ys + fy, *settings), tmp, result_classifier)
        pairs = items_of(folds[held])
        for v in variants:
            weights = None if v == "S" else fit(shipped_pairs, [f for f in FOLDS if f != held], committed, v == "E")
            install(weights, tmp)
            table[(held, v)] = predict(pairs, weights, v == "E")
            print(line(held, v, table[(held, v)]), flush=True)
    result_classifier.MODEL_PATH = classifier
    result_classifier._model.cache_clear()
    for v in variants:
        for name, fs in (("pooled", FOLDS), ("v14+v15", FOLDS[-4:]), ("v14 pair", FOLDS[-4:-2])):
            print(line(name, v, tuple(sum(table[(f, v)][i] for f in fs) for i in range(4))))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--texts", type=Path, action="append", required=True, help="abstracts JSONL files or folders")
    ap.add_argument("--variants", nargs="+", default=["S", "N", "E"], choices=["S", "N", "E"])
    ap.add_argument("--lofo", action="store_true")
    ap.add_argument("--confirm", action="store_true", help="score the v16 dev files (v16c, v16d)")
    ap.add_argument("--older", action="store_true", help="bench_extraction.py --test --v6-test with the step")
    ap.add_argument("--older-off", action="store_true", help="the same without the step")
    ap.add_argument("--write", action="store_true", help="fit on every fold given and write metric_clause.json")
    ap.add_argument(
        "--out", type=Path, help="with --write: the folder to write metric_clause.json to (default: the package's)"
    )
    args = ap.parse_args()
    if "E" in args.variants and (args.lofo or args.confirm):
        from paperlab.compare import use_metric_reviser

        use_metric_reviser(True)  # the phrase encoder of E's similarity feature (N is scored with it off)
    folds = load_folds(args.texts, args.confirm or args.write)
    missing = [f for f in FOLDS + (CONFIRM if args.confirm else []) if f not in folds]
    if missing:
        sys.exit(f"error: --texts holds no abstract of {', '.join(missing)}")
    names = FOLDS + ([f for f in CONFIRM if f in folds] if args.write else [])
    shipped_pairs = {f: items_of(folds[f]) for f in set(names) | (set(CONFIRM) if args.confirm else set())}
    committed = items_of(sentences(DEV_SETS))
    with tempfile.TemporaryDirectory() as tmp:
        if args.lofo:
            lofo(folds, shipped_pairs, committed, args.variants, Path(tmp))
        if args.confirm:
            pairs = [p for f in CONFIRM for p in shipped_pairs[f]]
            for v in args.variants:
                weights = None if v == "S" else fit(shipped_pairs, FOLDS, committed, v == "E")
                install(weights, Path(tmp))
                for name, ps in [(f, shipped_pairs[f]) for f in CONFIRM] + [("v16c+v16d", pairs)]:
                    print(line(name, v, predict(ps, weights, v == "E")), flush=True)
        if args.older or args.older_off:
            install(fit(shipped_pairs, FOLDS, committed, False) if args.older else None, Path(tmp))
            sys.argv = ["bench_extraction.py", "--realdata", os.environ["PAPERLAB_REALDATA"], "--test", "--v6-test"]
            runpy.run_path(str(ROOT / "benchmarks" / "bench_extraction.py"), run_name="__main__")
    if args.write:
        install(fit(shipped_pairs, names, committed, False), args.out or ROOT / "paperlab" / "comparison", names)
        print(f"wrote {metric_reviser.CLAUSE_MODEL_PATH} (trained on {', '.join(names)} + {', '.join(DEV_SETS)})")


if __name__ == "__main__":
    main()

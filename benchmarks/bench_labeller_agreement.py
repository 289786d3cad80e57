"""How often two labellers agree on the results of the same sentences, and the extractor against each of them.

Issue 12's metric-recall target (0.6 on fresh held-out abstracts) is read against one labeller's gold. This script
measures the ceiling that reading implies: two files labelling the same abstracts under the same written
conventions (by default ``data/extraction_gold_v24a_test.json``, labeller 1, and
``data/labeller_agreement_v24a_second.json``, labeller 2, who labelled blind) are compared on the sentences both
list, with exactly the extraction bench's matching (``bench_extraction.keys`` and ``score``: values rounded, metrics
case- and plural-insensitive). Printed:

* how many sentences both files list, and how many each lists alone;
* labeller 2 against labeller 1 as precision / recall / F1 at the value, metric and tuple levels (symmetric: the
  recall of one is the precision of the other);
* on the same sentences, the shipped extractor (``paperlab.compare.extract_results``) against labeller 1 and
  against labeller 2, in the same run;
* a census of the metric disagreements on tuples whose value (number, unit and kind) both labellers found:
  granularity (one name contains the other), a canonical against a written form (both name one lexicon metric, or
  one is the other's abbreviation), a different metric, one gives none.

The label files carry no third-party text; ``--texts`` (the public abstracts, one JSON object per line with
``record`` and ``abstract``) fills it in. ``--examples FILE`` writes up to three sentences of each disagreement
kind there (third-party text: keep that file out of the repository).

Run: ``python benchmarks/bench_labeller_agreement.py --texts abstracts.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
DATA = Path(__file__).parent / "data"
FIRST = DATA / "extraction_gold_v24a_test.json"
SECOND = DATA / "labeller_agreement_v24a_second.json"

from bench_extraction import keys, score  # noqa: E402
from gold_texts import GoldTextError, attach_texts  # noqa: E402

from paperlab.compare import extract_results  # noqa: E402
from paperlab.comparison.lexicons import METRIC_PHRASES, METRICS, lexicon_hits  # noqa: E402

LEVELS = ("value", "metric", "tuple")
KINDS = ("same", "one gives none", "granularity", "canonical vs written form", "different metric")


def labelled_sentences(path: Path, texts: list[Path]) -> dict[tuple[str, str], dict]:
    """A label file's sentences with their texts, by (record, sha1); exits with a clear message when the file or
    the texts of its sentences are missing."""
    if not path.is_file():
        sys.exit(f"error: no label file {path}")
    labels = json.loads(path.read_text(encoding="utf-8"))
    missing = [t for t in texts if not t.exists()]
    if not texts or missing:
        what = ", ".join(map(str, missing)) or "none given"
        sys.exit(
            f"error: {path.name} holds no sentence texts and the abstracts file is missing ({what}): pass"
            " --texts ABSTRACTS.jsonl, the abstracts the labellers read (one object per line with 'record' and"
            " 'abstract')"
        )
    try:
        sentences = attach_texts(labels, texts)["sentences"]
    except GoldTextError as err:
        sys.exit(f"error: {path.name}: the abstracts given do not hold its sentences: {err}")
    return {(str(s["record"]), str(s["sha1"])): s for s in sentences}


def _rows_of(level: str, gold: list[dict], pred: list[dict], name: str) -> dict[str, Any]:
    precision, recall, f1 = score(keys(gold, level, False), keys(pred, level, False))
    return {
        "comparison": name,
        "match": level,
        "reference": len(gold),
        "compared": len(pred),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
    }


def agreement(
    first: dict[tuple[str, str], dict], second: dict[tuple[str, str], dict], extractor: bool = True
) -> dict[str, Any]:
    """Labeller 2 against labeller 1 (and the extractor against each) on the sentences both list, and the census
    of metric disagreements on the tuples whose value both found (labeller 2, and the extractor, against 1)."""
    both = [k for k in first if k in second]
    one = [t for k in both for t in first[k]["tuples"]]
    two = [t for k in both for t in second[k]["tuples"]]
    rows = [_rows_of(level, one, two, "labeller 2 vs labeller 1") for level in LEVELS]
    pairs = [p for k in both for p in value_pairs(first[k], second[k]["tuples"])]
    result = {
        "both": len(both),
        "first only": sum(k not in second for k in first),
        "second only": sum(k not in first for k in second),
        "rows": rows,
        "pairs": pairs,
        "census": _census(pairs),
    }
    if extractor:
        predicted = {k: extract_results(first[k]["text"]).to_dict("records") for k in both}
        flat = [t for k in both for t in predicted[k]]
        for name, gold in (("extractor vs labeller 1", one), ("extractor vs labeller 2", two)):
            rows += [_rows_of(level, gold, flat, name) for level in LEVELS]
        result["extractor census"] = _census([p for k in both for p in value_pairs(first[k], predicted[k])])
    return result


def _census(pairs: list[tuple[str, Any, Any, str]]) -> dict[str, int]:
    counts = Counter(kind for kind, _, _, _ in pairs)
    return {kind: counts.get(kind, 0) for kind in KINDS}


def value_pairs(first: dict, other: list[dict]) -> list[tuple[str, Any, Any, str]]:
    """The tuples of one sentence whose value (number, unit and kind, as the bench matches them) labeller 1
    (``first``, a labelled sentence) and the other side (its tuples) both give, paired one to one, each as (census
    kind, labeller 1's metric, the other metric, sentence text); pairs that name the same metric are paired first."""
    pool: dict[tuple, list[tuple[Any, Any]]] = defaultdict(list)
    for row, key, metric in zip(other, keys(other, "value", False), keys(other, "metric", False), strict=True):
        pool[key].append((metric[-1], written(row.get("metric"))))
    pairs = []
    left = []
    mine = first["tuples"]
    for row, key, metric in zip(mine, keys(mine, "value", False), keys(mine, "metric", False), strict=True):
        same = next((c for c in pool[key] if c[0] == metric[-1]), None)
        if same is not None:
            pool[key].remove(same)
            pairs.append(("same", written(row.get("metric")), same[1], first.get("text", "")))
        else:
            left.append((key, written(row.get("metric"))))
    for key, name in left:
        if pool[key]:
            _, named = pool[key].pop(0)
            pairs.append((metric_disagreement(name, named), name, named, first.get("text", "")))
    return pairs


def _canonical(phrase: str) -> set[str]:
    """The lexicon metrics a metric phrase names (its hits, or a whole phrase the conventions name by one)."""
    names = {re.sub(r"@\d+$", "@k", name) for _, _, name in lexicon_hits("metric", phrase)}  # pass@1: pass@k
    names |= {name for name, pattern in METRIC_PHRASES if name != "correlation" and pattern.fullmatch(phrase)}
    return names | {name for name, _ in METRICS if name.lower() == phrase.lower()}  # a canonical name itself


def _initials(phrase: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", phrase) if w).lower()


def metric_disagreement(one: Any, two: Any) -> str:
    """The census kind of two metric names given to one value (compared as the bench compares them: case and
    plurals aside; a missing name is None or NaN)."""
    a, b = (keys([{"metric": m}], "metric", False)[0][-1] for m in (one, two))
    if a is None or b is None:
        return "same" if a is None and b is None else "one gives none"
    a, b = str(a), str(b)
    if a == b:
        return "same"
    if re.search(rf"(?<![\w]){re.escape(a)}(?![\w])", b) or re.search(rf"(?<![\w]){re.escape(b)}(?![\w])", a):
        return "granularity"
    short, long_ = sorted((str(one), str(two)), key=len)
    if _canonical(str(one)) & _canonical(str(two)) or short.lower() == _initials(long_):
        return "canonical vs written form"
    return "different metric"


def written(metric: Any) -> str | None:
    """A metric as a label file or the extractor wrote it, None when there is none (None or NaN)."""
    return None if keys([{"metric": metric}], "metric", False)[0][-1] is None else str(metric)


def write_examples(pairs: list[tuple[str, Any, Any, str]], path: Path, per_kind: int = 3) -> None:
    """Up to ``per_kind`` disagreements of each kind, with their sentences (third-party text: a scratch file)."""
    lines = []
    for kind in KINDS[1:]:
        shown = [p for p in pairs if p[0] == kind][:per_kind]
        lines.append(f"## {kind}")
        lines += [f"- labeller 1: {one!r} | labeller 2: {two!r}\n  {text}" for _, one, two, text in shown]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _census_lines(census: dict[str, int], who: str) -> str:
    found = sum(census.values())
    lines = [f"  {kind}: {n} ({n / found:.1%})" if found else f"  {kind}: {n}" for kind, n in census.items()]
    return f"metric names on the {found} tuples whose value {who} found:\n" + "\n".join(lines)


def report(result: dict[str, Any]) -> str:
    import pandas as pd

    text = (
        f"sentences both list: {result['both']}; labeller 1 alone: {result['first only']}; labeller 2 alone:"
        f" {result['second only']}\n\n{pd.DataFrame(result['rows']).to_string(index=False)}\n\n"
        + _census_lines(result["census"], "labeller 1 and labeller 2 both")
    )
    if "extractor census" in result:
        text += "\n\n" + _census_lines(result["extractor census"], "labeller 1 and the extractor both")
    return text


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--texts",
        type=Path,
        action="append",
        default=[],
        help="the abstracts both labellers read (JSON lines with 'record' and 'abstract'); repeatable",
    )
    ap.add_argument("--first", type=Path, default=FIRST, help=f"labeller 1's file (default {FIRST.name})")
    ap.add_argument("--second", type=Path, default=SECOND, help=f"labeller 2's file (default {SECOND.name})")
    ap.add_argument("--examples", type=Path, help="write examples of each disagreement kind here (scratch)")
    ap.add_argument("--no-extractor", action="store_true", help="compare the labellers only")
    args = ap.parse_args(argv)
    first = labelled_sentences(args.first, args.texts)
    second = labelled_sentences(args.second, args.texts)
    result = agreement(first, second, extractor=not args.no_extractor)
    print(report(result))
    if args.examples:
        write_examples(result["pairs"], args.examples)
    return result


if __name__ == "__main__":
    main()

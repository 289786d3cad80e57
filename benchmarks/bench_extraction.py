"""Precision and recall of paperlab's results extraction against a hand-checked gold set.

Gold: ``benchmarks/data/extraction_gold.json`` — result tuples from abstracts of the recorded
real corpus (Hugging Face seeds and fixtures) and from its reading-group transcript
(sentences and table cells). Two systems are scored:

* ``paperlab``: :func:`paperlab.compare.extract_results` on sentences,
  :meth:`paperlab.Session.from_file` (its tidy tables) on the transcript;
* ``baseline``: a regex for numbers near metric words (sentences), and
  ``pandas.read_csv(sep="\\t")`` with the first row as header, melted (tables).

Two match levels: ``value`` (the number, unit and kind for sentences; line and value for
table cells) and ``tuple`` (also metric and dataset, and the method for tables).

Other gold sets: ``benchmarks/data/extraction_gold_v2.json`` — sentences of abstracts the extractor was never
developed on, split by abstract into ``dev`` (used to improve the extractor) and ``test`` (held out, scored only with
``--test``). Each split is scored on its own, with a third match level ``metric`` (number, unit, kind and metric).
Development sets of other real abstracts: ``extraction_gold_v3_dev.json`` (split ``v3-dev``),
``extraction_gold_v5_dev.json`` (``v5-dev``), ``extraction_gold_v7_dev.json`` (``v7-dev``, session 5, mostly
precision checks) and ``extraction_gold_v4_test.json`` — v4 (scored once as test in session 4, dev since session 5;
its split is still spelled ``v4-test``). ``extraction_gold_v6_test.json`` (``v6-test``, labelled in session 5 by
someone else, never read during development) is read and scored only with ``--v6-test``: the final scoring. Every
split is scored for the baseline, the rules alone (both learned models hidden), rules + metric ranker (session 4's
extractor: the results classifier hidden) and paperlab (rules + ranker + classifier) in the same run; metrics are
compared case- and plural-insensitively.

Fresh arXiv gold (session 6): ``extraction_gold_v8_dev.json`` / ``extraction_gold_v8_test.json`` carry no
third-party text, only each sentence's record, index and sha1; ``--texts ABSTRACTS.jsonl`` fills the texts in
(``benchmarks/gold_texts.py``) and adds ``v8-dev``; ``--v8-dev PATH`` reads a with-text copy of v8-dev instead;
``extraction_gold_v8_test.json`` (``v8-test``: scored once in session 6, a dev set since session 7) is read whenever
``--texts`` is given (``--v8-test`` too). ``--v9-test`` (held out: the final scoring only, never during development)
reads every ``extraction_gold_v9*_test.json`` (one per labeller) and scores them pooled as ``v9-test``; ``--texts`` is
repeatable (each labeller's abstracts file, or a folder holding ``abstracts*.jsonl`` files at any depth) and the
files are merged. Since session 8 v9 is burned: ``--v9-dev`` scores each labeller's file as a dev set of its own
(``v9a``, ``v9b``), and ``--v10-test`` (held out: the final scoring only) pools every ``extraction_gold_v10*_test.json``
as ``v10-test``, its texts given with ``--texts`` like v9's. Since v10 was scored (session 8) ``--v10-dev`` scores each
v10 labeller's file as a dev set (``v10a``, ``v10b``), and ``--v11-test`` (held out: the final scoring only, never
during development) pools every ``extraction_gold_v11*_test.json`` as ``v11-test``. Since v11 was scored (session 8)
``--v11-dev`` scores each v11 labeller's file as a dev set (``v11a``, ``v11b``), and ``--v12-test`` pools every
``extraction_gold_v12*_test.json`` as ``v12-test``. Since v12 was scored (session 9) ``--v12-dev`` scores each v12
labeller's file as a dev set (``v12a``, ``v12b``), and ``--v13-test`` (held out: the final scoring only, never during
development) pools every ``extraction_gold_v13*_test.json`` as ``v13-test``. Since v13 was scored (session 10)
``--v13-dev`` scores each v13 labeller's file as a dev set (``v13a``, ``v13b``), and ``--v14-test`` (held out: the
final scoring only, never during development) pools every ``extraction_gold_v14*_test.json`` as ``v14-test``. Since
v14 was scored (session 11) ``--v14-dev`` scores each v14 labeller's file as a dev set (``v14a``, ``v14b``), and
``--v15-test`` pools every ``extraction_gold_v15*_test.json`` as ``v15-test``. Since v15 was scored (session 12)
``--v15-dev`` scores each v15 labeller's file as a dev set (``v15a``, ``v15b``), ``--v16-dev`` each new dev label file
``extraction_gold_v16*_dev.json`` (``v16c``, ``v16d``) and, since v16 was scored (session 13), each v16 labeller's
test file too (``v16a``, ``v16b``); ``--v16-test`` pools every ``extraction_gold_v16*_test.json`` as ``v16-test``, and
``--v17-test`` every ``extraction_gold_v17*_test.json`` as ``v17-test``. Since v17 was scored (session 14)
``--v17-dev`` scores each v17 labeller's file as a dev set, ``--v18-test`` pools every ``extraction_gold_v18*_test.json``;
since v18 was scored (session 15) ``--v18-dev`` scores each v18 labeller's file as a dev set (``v18a``, ``v18b``), and
``--v19-test`` pools every ``extraction_gold_v19*_test.json`` as ``v19-test`` (scored once in session 16); since then
``--v19-dev`` scores each v19 labeller's file as a dev set (``v19a``, ``v19b``), and ``--v20-test`` pools every
``extraction_gold_v20*_test.json`` as ``v20-test`` (scored once in session 17); since then ``--v20-dev`` scores each
v20 labeller's file as a dev set (``v20a``, ``v20b``), and ``--v21-test`` pools every ``extraction_gold_v21*_test.json``
as ``v21-test`` (scored once in session 18); since then ``--v21-dev`` scores each v21 labeller's file whose abstracts
``--texts`` holds as a dev set (``v21a``, ``v21b``; a file with none of its abstracts there is skipped with a note), and
``--v22-test`` pools every ``extraction_gold_v22*_test.json`` as ``v22-test`` (scored once in session 19); since then
``--v22-dev`` scores each v22 labeller's file whose abstracts ``--texts`` holds as a dev set (``v22a``, ``v22b``,
``v22c``), and ``--v23-test`` pools every ``extraction_gold_v23*_test.json`` as ``v23-test`` (scored once in session
20); since then ``--v23-dev`` scores each v23 labeller's file whose abstracts ``--texts`` holds as a dev set
(``v23a``, ``v23b``, ``v23c``), and ``--v24-test`` pools every ``extraction_gold_v24*_test.json`` as ``v24-test``
(scored once in session 21); since then ``--v24-dev`` scores each v24 labeller's file whose abstracts ``--texts``
holds as a dev set (``v24a``, ``v24b``, ``v24c``), and ``--v25-test`` pools every ``extraction_gold_v25*_test.json`` as
``v25-test`` (scored once in session 22); since then ``--v25-dev`` scores each v25 labeller's file whose abstracts
``--texts`` holds as a dev set (``v25a``, ``v25b``, ``v25c``), and ``--v26-test`` (held out: the final scoring only,
never during development) pools every ``extraction_gold_v26*_test.json`` as ``v26-test``.

Run: ``python benchmarks/bench_extraction.py --realdata PATH`` (the real corpus, a folder with fixtures/ and
seeds/; default ``$PAPERLAB_REALDATA``): the table cells are read from its ``seeds/`` transcript.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
GOLD = Path(__file__).parent / "data" / "extraction_gold.json"
GOLD_V2 = Path(__file__).parent / "data" / "extraction_gold_v2.json"
GOLD_V3 = Path(__file__).parent / "data" / "extraction_gold_v3_dev.json"
GOLD_V4 = Path(__file__).parent / "data" / "extraction_gold_v4_test.json"
GOLD_V5 = Path(__file__).parent / "data" / "extraction_gold_v5_dev.json"
GOLD_V6 = Path(__file__).parent / "data" / "extraction_gold_v6_test.json"  # held out: read only with --v6-test
GOLD_V7 = Path(__file__).parent / "data" / "extraction_gold_v7_dev.json"
GOLD_V8_DEV = Path(__file__).parent / "data" / "extraction_gold_v8_dev.json"
GOLD_V8_TEST = Path(__file__).parent / "data" / "extraction_gold_v8_test.json"  # dev since session 7

from _data import add_realdata_argument, realdata_or_exit  # noqa: E402

from paperlab.compare import extract_results, use_metric_reviser  # noqa: E402
from paperlab.comparison import metric_ranker, result_classifier  # noqa: E402
from paperlab.errors import PartialImportWarning  # noqa: E402
from paperlab.services.sessions import Session  # noqa: E402

_METRIC_WORDS = r"accuracy|MRR|mAP|AUROC|AUC|F1|BLEU|ROUGE|correlation|pass@\d+|FPR@?95|rate|CER|WER|score"


def _norm(x: object) -> object:
    if x is None or (isinstance(x, float) and pd.isna(x)):
        return None
    if isinstance(x, (int, float)) and not isinstance(x, bool):  # JSON 60 and a predicted 60.0 are one value
        return round(float(x), 4)
    return str(x).strip().lower()


def _norm_field(key: str, x: object) -> object:
    """A field compared loosely: metrics by ``metric_key`` (case and plurals aside: "alignment scores" is the
    gold's "alignment score"), everything else by ``_norm``."""
    return metric_ranker.metric_key(_norm(x)) if key == "metric" and _norm(x) is not None else _norm(x)


def baseline_sentence(text: str) -> list[dict]:
    """Numbers within 40 characters of a metric word; metric = that word; no dataset."""
    out = []
    for m in re.finditer(r"(\d+(?:\.\d+)?)\s?(%?)", text):
        window = text[max(0, m.start() - 40) : m.end() + 40]
        w = re.search(_METRIC_WORDS, window, re.I)
        if w:
            out.append(
                {
                    "value": float(m.group(1)),
                    "unit": m.group(2) or None,
                    "kind": "absolute",
                    "metric": w.group(0),
                    "dataset": None,
                }
            )
    return out


def baseline_tables(path: Path) -> list[dict]:
    """Every tab-separated block read with pandas (first row = header), melted cell by cell."""
    lines = path.read_text(encoding="utf-8").split("\n")
    out = []
    i = 0
    while i < len(lines):
        if lines[i].count("\t") < 2:
            i += 1
            continue
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        try:
            df = pd.read_csv(
                io.StringIO("\n".join(lines[i:j])), sep="\t", dtype=str, on_bad_lines="skip", engine="python"
            )
        except Exception:  # noqa: BLE001 - the baseline simply yields nothing on a block it cannot read
            i = j
            continue
        for r, row in enumerate(df.itertuples(index=False), start=i + 2):
            for c, cell in zip(df.columns[1:], row[1:], strict=False):
                try:
                    v = float(cell)
                except (TypeError, ValueError):
                    continue
                out.append({"line": r, "method": row[0], "dataset": None, "metric": c, "value": v})
        i = j
    return out


def score(gold: list[tuple], pred: list[tuple]) -> tuple[float, float, float]:
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    precision = tp / sum(p.values()) if p else 0.0
    recall = tp / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


_SENTENCE_KEYS = {
    "value": ("value", "unit", "kind"),
    "metric": ("value", "unit", "kind", "metric"),
    "tuple": ("value", "unit", "kind", "metric", "dataset"),
}


def keys(rows: list[dict], level: str, table: bool) -> list[tuple]:
    if table:
        base = ("line", "value") if level == "value" else ("line", "method", "dataset", "metric", "value")
    else:
        base = _SENTENCE_KEYS[level]
    return [tuple(_norm_field(k, r.get(k)) for k in base) for r in rows]


_HELD_OUT = {
    "dev": "v2 dev",
    "test": "v2 test",
    "v3-dev": "v3-dev",
    "v5-dev": "v5-dev",
    "v4-test": "v4 (scored once as test in session 4, dev since session 5)",
    "v7-dev": "v7-dev",
    "v6-test": "v6-test",
    "v8-dev": "v8-dev (fresh arXiv)",
    "v8-test": "v8-test (fresh arXiv; scored once in session 6, dev since session 7)",
    "v9-test": "v9-test (fresh arXiv, scored once in session 7; every labeller pooled)",
    "v9a": "v9a (v9-test's first labeller; dev since session 8)",
    "v9b": "v9b (v9-test's second labeller; dev since session 8)",
    "v10-test": "v10-test (fresh arXiv, scored once in session 8; every labeller pooled)",
    "v10a": "v10a (v10-test's first labeller; dev since session 8)",
    "v10b": "v10b (v10-test's second labeller; dev since session 8)",
    "v11-test": "v11-test (fresh arXiv, scored once in session 8; every labeller pooled)",
    "v11a": "v11a (v11-test's first labeller; dev since session 9)",
    "v11b": "v11b (v11-test's second labeller; dev since session 9)",
    "v12-test": "v12-test (fresh arXiv, scored once in session 9; every labeller pooled)",
    "v12a": "v12a (v12-test's first labeller; dev since session 10)",
    "v12b": "v12b (v12-test's second labeller; dev since session 10)",
    "v13-test": "v13-test (fresh arXiv, scored once in session 10; every labeller pooled)",
    "v13a": "v13a (v13-test's first labeller; dev since session 11)",
    "v13b": "v13b (v13-test's second labeller; dev since session 11)",
    "v14-test": "v14-test (fresh arXiv, scored once in session 11; every labeller pooled)",
    "v14a": "v14a (v14-test's first labeller; dev since session 12)",
    "v14b": "v14b (v14-test's second labeller; dev since session 12)",
    "v15-test": "v15-test (fresh arXiv, scored once in session 12; every labeller pooled)",
    "v15a": "v15a (v15-test's first labeller; dev since session 13)",
    "v15b": "v15b (v15-test's second labeller; dev since session 13)",
    "v16c": "v16c (new dev labels of session 13, first labeller)",
    "v16d": "v16d (new dev labels of session 13, second labeller)",
    "v16-test": "v16-test (fresh arXiv, scored once in session 13; every labeller pooled)",
    "v16a": "v16a (v16-test's first labeller; dev since session 14)",
    "v16b": "v16b (v16-test's second labeller; dev since session 14)",
    "v17-test": "v17-test (fresh arXiv, scored once in session 14; every labeller pooled)",
    "v17a": "v17a (v17-test's first labeller; dev since session 15)",
    "v17b": "v17b (v17-test's second labeller; dev since session 15)",
    "v18-test": "v18-test (fresh arXiv, scored once in session 15; every labeller pooled)",
    "v18a": "v18a (v18-test's first labeller; dev since session 16)",
    "v18b": "v18b (v18-test's second labeller; dev since session 16)",
    "v19-test": "v19-test (fresh arXiv, scored once in session 16; every labeller pooled)",
    "v19a": "v19a (v19-test's first labeller; dev since session 17)",
    "v19b": "v19b (v19-test's second labeller; dev since session 17)",
    "v20-test": "v20-test (fresh arXiv, scored once in session 17; every labeller pooled)",
    "v20a": "v20a (v20-test's first labeller; dev since session 18)",
    "v20b": "v20b (v20-test's second labeller; dev since session 18)",
    "v21-test": "v21-test (fresh arXiv, scored once in session 18; every labeller pooled)",
    "v21a": "v21a (v21-test's first labeller; dev since session 19)",
    "v21b": "v21b (v21-test's second labeller; dev since session 19)",
    "v22-test": "v22-test (fresh arXiv, scored once in session 19; every labeller pooled)",
    "v22a": "v22a (v22-test's first labeller; dev since session 20)",
    "v22b": "v22b (v22-test's second labeller; dev since session 20)",
    "v22c": "v22c (v22-test's third labeller; dev since session 20)",
    "v23-test": "v23-test (fresh arXiv, scored once in session 20; every labeller pooled)",
    "v23a": "v23a (v23-test's first labeller; dev since session 21)",
    "v23b": "v23b (v23-test's second labeller; dev since session 21)",
    "v23c": "v23c (v23-test's third labeller; dev since session 21)",
    "v24-test": "v24-test (fresh arXiv, scored once in session 21; every labeller pooled)",
    "v24a": "v24a (v24-test's first labeller; dev since session 22)",
    "v24b": "v24b (v24-test's second labeller; dev since session 22)",
    "v24c": "v24c (v24-test's third labeller; dev since session 22)",
    "v25-test": "v25-test (fresh arXiv, scored once in session 22; every labeller pooled)",
    "v25a": "v25a (v25-test's first labeller; dev since session 23)",
    "v25b": "v25b (v25-test's second labeller; dev since session 23)",
    "v25c": "v25c (v25-test's third labeller; dev since session 23)",
    "v26-test": "v26-test (fresh arXiv, held out, every labeller pooled)",
}
DEV_SPLITS = ("dev", "v3-dev", "v5-dev", "v4-test", "v7-dev")
# the systems compared on each split: which learned parts are switched on (metric ranker, results classifier)
SYSTEMS = {
    "rules only": (False, False),
    "rules + ranker, no classifier": (True, False),
    "paperlab": (True, True),
}


def _learned_parts(ranker: bool, classifier: bool, shipped: tuple[Path, Path]) -> None:
    """Switch the learned parts of extraction on (their shipped model files) or off (a missing file)."""
    for part, on, path in ((metric_ranker, ranker, shipped[0]), (result_classifier, classifier, shipped[1])):
        part.MODEL_PATH = path if on else Path("/nonexistent") / path.name
        part._model.cache_clear()


Texts = Path | list[Path] | None  # abstracts files and folders (``--texts``, repeatable), merged


def gold_sentences(path: Path, texts: Texts) -> list[dict]:
    """The sentences of a gold file; a file that carries only each sentence's record, index and sha1 (no third-party
    text) gets its texts from ``texts``: abstracts JSONL files or folders of them, merged
    (``gold_texts.attach_texts``)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    if all("text" in s for s in gold["sentences"]):
        return gold["sentences"]
    if not texts:
        sys.exit(f"error: {path} holds no sentence texts: pass --texts ABSTRACTS.jsonl (the public abstracts)")
    from gold_texts import attach_texts

    return attach_texts(gold, texts)["sentences"]


def _texts_cover(gold_file: Path, texts: Texts) -> bool:
    """Whether ``texts`` hold any record of ``gold_file`` (the v8 sets are added with ``--texts`` only when their
    abstracts are there: ``--v9-test`` with only the v9 labellers' files skips them, and says so)."""
    if not gold_file.is_file() or not texts:
        return False
    from gold_texts import abstract_files, read_abstracts

    records = {s.get("record") for s in json.loads(gold_file.read_text(encoding="utf-8"))["sentences"]}
    if any(records & read_abstracts(f).keys() for f in abstract_files(texts)):
        return True
    print(f"note: --texts holds no abstract of {gold_file.name}: not scored", file=sys.stderr)
    return False


def test_files(version: str, kind: str = "test") -> list[Path]:
    """One held-out set's gold files (one per labeller): ``data/extraction_gold_<version>*_test.json`` (``kind="dev"``:
    ``..._dev.json``); ``v1`` never matches ``v10``/``v11`` (the character after the version is not a digit)."""
    pattern = re.compile(rf"extraction_gold_{version}(?!\d)\w*_{kind}\.json")
    return sorted(
        p for p in GOLD_V8_TEST.parent.glob(f"extraction_gold_{version}*_{kind}.json") if pattern.fullmatch(p.name)
    )


def v9_test_files() -> list[Path]:
    """The v9 held-out gold files (one per labeller): ``data/extraction_gold_v9*_test.json``."""
    return test_files("v9")


def v10_test_files() -> list[Path]:
    """The v10 held-out gold files (one per labeller): ``data/extraction_gold_v10*_test.json``."""
    return test_files("v10")


def _pooled(flag: str, split: str, files: list[Path], texts: Texts) -> list[dict]:
    """Every sentence of ``files`` as one split (a held-out set written by several labellers, scored pooled)."""
    if not files:
        sys.exit(f"error: {flag}: no gold file in {GOLD_V8_TEST.parent}")
    if not texts:
        sys.exit(f"error: {flag} needs --texts (each labeller's abstracts.jsonl, or a folder of them)")
    out: list[dict] = []
    seen: set[str] = set()
    for f in files:
        sents = gold_sentences(f, texts)
        twice = {s["record"] for s in sents} & seen
        if twice:  # an abstract both labellers chose (v20: two forks' listings of the same day) counts once
            print(
                f"note: {split}: {len(twice)} abstracts of {f.name} were labelled by an earlier file too; scored once,"
                " with the earlier file's labels",
                file=sys.stderr,
            )
        out += [{**s, "split": split} for s in sents if s["record"] not in twice]
        seen |= {s["record"] for s in sents}
    return out


def _per_labeller(version: str, texts: Texts, kind: str = "test", covered: bool = False) -> dict[str, list[dict]]:
    """Each labeller's file of a burned held-out set as a dev set of its own (``v9a``, ``v9b``, ``v10a``, ...);
    ``kind="dev"``: the files labelled as dev sets from the start (``extraction_gold_v16c_dev.json``); ``covered``:
    only the files whose abstracts ``texts`` holds (the others skipped with a note)."""
    out = {}
    for f in test_files(version, kind):
        if covered and not _texts_cover(f, texts):
            continue
        split = re.sub(rf"extraction_gold_({version}\w*?)_{kind}\.json", r"\1", f.name)
        out[split] = _pooled(f"--{version}-dev", split, [f], texts)
    return out


def fresh_sets(
    texts: Texts,
    v8_dev: Path | None,
    v8_test: bool,
    v9_test: bool = False,
    v9_dev: bool = False,
    v10: bool = False,
    v10_dev: bool = False,
    v11: bool = False,
    v11_dev: bool = False,
    v12: bool = False,
    v12_dev: bool = False,
    v13: bool = False,
    v13_dev: bool = False,
    v14: bool = False,
    v14_dev: bool = False,
    v15: bool = False,
    v15_dev: bool = False,
    v16_dev: bool = False,
    v16: bool = False,
    v17: bool = False,
    v17_dev: bool = False,
    v18: bool = False,
    v18_dev: bool = False,
    v19: bool = False,
    v19_dev: bool = False,
    v20: bool = False,
    v20_dev: bool = False,
    v21: bool = False,
    v21_dev: bool = False,
    v22: bool = False,
    v22_dev: bool = False,
    v23: bool = False,
    v23_dev: bool = False,
    v24: bool = False,
    v24_dev: bool = False,
    v25: bool = False,
    v25_dev: bool = False,
    v26: bool = False,
) -> dict[str, list[dict]]:
    """v8-dev (``--v8-dev PATH``, a with-text copy, or the committed file with ``--texts``), v8-test (scored once in
    session 6, a dev set since session 7: read whenever ``--texts`` is given), with ``--v9-dev`` each v9 labeller's
    file as a dev set of its own (``v9a``, ``v9b``: scored once in session 7), and, only when asked for, v9-test
    (``--v9-test``: every ``extraction_gold_v9*_test.json`` pooled) and v10-test (``--v10-test``: the final scoring,
    every ``extraction_gold_v10*_test.json`` pooled); ``--v10-dev``: each v10 labeller's file as a dev set (``v10a``,
    ``v10b``); ``--v11-test``: every ``extraction_gold_v11*_test.json`` pooled (scored once in session 8); ``--v11-dev``: each
    v11 labeller's file as a dev set (``v11a``, ``v11b``); ``--v12-test``: every ``extraction_gold_v12*_test.json``
    pooled (scored once in session 9); ``--v12-dev``: each v12 labeller's file as a dev set (``v12a``, ``v12b``);
    ``--v13-test``: every ``extraction_gold_v13*_test.json`` pooled (scored once in session 10); ``--v13-dev``: each v13
    labeller's file as a dev set (``v13a``, ``v13b``); ``--v14-test``: every
    ``extraction_gold_v14*_test.json`` pooled (scored once in session 11); ``--v14-dev``: each v14 labeller's file as
    a dev set (``v14a``, ``v14b``); ``--v15-test``: every ``extraction_gold_v15*_test.json`` pooled (scored once in
    session 12); ``--v15-dev``: each v15 labeller's file as a dev set; ``--v16-dev``: each new dev labeller's
    ``extraction_gold_v16*_dev.json`` (``v16c``, ``v16d``) and each v16 labeller's test file (``v16a``, ``v16b``: scored
    once in session 13); ``--v16-test``: every ``extraction_gold_v16*_test.json`` pooled; ``--v17-test``: every
    ``extraction_gold_v17*_test.json`` pooled (scored once in session 14); ``--v17-dev``: each v17 labeller's file as
    a dev set (``v17a``, ``v17b``); ``--v18-test``: every ``extraction_gold_v18*_test.json`` pooled (scored once in
    session 15); ``--v18-dev``: each v18 labeller's file as a dev set (``v18a``, ``v18b``); ``--v19-test``: every
    ``extraction_gold_v19*_test.json`` pooled (scored once in session 16); ``--v19-dev``: each v19 labeller's file as
    a dev set (``v19a``, ``v19b``); ``--v20-test``: every ``extraction_gold_v20*_test.json`` pooled (scored once in
    session 17); ``--v20-dev``: each v20 labeller's file as a dev set (``v20a``, ``v20b``); ``--v21-test``: every
    ``extraction_gold_v21*_test.json`` pooled (scored once in session 18); ``--v21-dev``: each v21 labeller's file
    whose abstracts ``texts`` holds as a dev set (``v21a``, ``v21b``); ``--v22-test``: every
    ``extraction_gold_v22*_test.json`` pooled (scored once in session 19); ``--v22-dev``: each v22 labeller's file
    whose abstracts ``texts`` holds as a dev set (``v22a``, ``v22b``, ``v22c``); ``--v23-test``: every
    ``extraction_gold_v23*_test.json`` pooled (scored once in session 20); ``--v23-dev``: each v23 labeller's file
    whose abstracts ``texts`` holds as a dev set (``v23a``, ``v23b``, ``v23c``); ``--v24-test``: every
    ``extraction_gold_v24*_test.json`` pooled (scored once in session 21); ``--v24-dev``: each v24 labeller's file
    whose abstracts ``texts`` holds as a dev set (``v24a``, ``v24b``, ``v24c``); ``--v25-test``: every
    ``extraction_gold_v25*_test.json`` pooled (scored once in session 22); ``--v25-dev``: each v25 labeller's file
    whose abstracts ``texts`` holds as a dev set (``v25a``, ``v25b``, ``v25c``); ``--v26-test``: the final scoring,
    every ``extraction_gold_v26*_test.json`` pooled. Every sentence of a file is of that file's split."""
    out = {}
    dev = v8_dev or (GOLD_V8_DEV if texts and _texts_cover(GOLD_V8_DEV, texts) else None)
    if dev is not None:
        out["v8-dev"] = [{**s, "split": "v8-dev"} for s in gold_sentences(dev, texts)]
    if v8_test or (texts and _texts_cover(GOLD_V8_TEST, texts)):
        if not texts:
            sys.exit("error: --v8-test needs --texts ABSTRACTS.jsonl (the gold file holds no texts)")
        out["v8-test"] = [{**s, "split": "v8-test"} for s in gold_sentences(GOLD_V8_TEST, texts)]
    if v9_dev:
        out.update(_per_labeller("v9", texts))
    if v10_dev:
        out.update(_per_labeller("v10", texts))
    dev_flags = (("v11", v11_dev), ("v12", v12_dev), ("v13", v13_dev), ("v14", v14_dev), ("v15", v15_dev))
    for version, asked in (*dev_flags, ("v17", v17_dev), ("v18", v18_dev), ("v19", v19_dev), ("v20", v20_dev)):
        if asked:
            out.update(_per_labeller(version, texts))
    covered_flags = (("v21", v21_dev), ("v22", v22_dev), ("v23", v23_dev), ("v24", v24_dev), ("v25", v25_dev))
    for version, asked in covered_flags:
        if asked:
            out.update(_per_labeller(version, texts, covered=True))
    if v16_dev:
        out.update(_per_labeller("v16", texts))
        out.update(_per_labeller("v16", texts, kind="dev"))
    for version, asked in (
        ("v9", v9_test),
        ("v10", v10),
        ("v11", v11),
        ("v12", v12),
        ("v13", v13),
        ("v14", v14),
        ("v15", v15),
        ("v16", v16),
        ("v17", v17),
        ("v18", v18),
        ("v19", v19),
        ("v20", v20),
        ("v21", v21),
        ("v22", v22),
        ("v23", v23),
        ("v24", v24),
        ("v25", v25),
        ("v26", v26),
    ):
        if asked:
            out[f"{version}-test"] = _pooled(f"--{version}-test", f"{version}-test", test_files(version), texts)
    return out


def _split_sentences(splits: tuple[str, ...], fresh: dict[str, list[dict]] | None = None) -> dict[str, list[dict]]:
    """The sentences of each split (the held-out v6-test file is read only when ``v6-test`` is asked for); ``fresh``:
    splits read by ``fresh_sets`` (v8-dev, v8-test)."""
    files = [GOLD_V2, GOLD_V3, GOLD_V4, GOLD_V5] + [GOLD_V7] * GOLD_V7.is_file()
    every = [s for f in files for s in json.loads(f.read_text(encoding="utf-8"))["sentences"]]
    if "v6-test" in splits:  # every sentence of the v6 file is v6-test, whatever its own split field says
        v6 = json.loads(GOLD_V6.read_text(encoding="utf-8"))["sentences"]
        every += [{**s, "split": "v6-test"} for s in v6]
    every += [s for sents in (fresh or {}).values() for s in sents]
    return {split: [s for s in every if s.get("split") == split] for split in (*splits, *(fresh or {}))}


def _predict(by_split: dict[str, list[dict]]) -> dict[str, dict[str, list[dict]]]:
    preds = {
        split: {"baseline": [t for s in sents for t in baseline_sentence(s["text"])]}
        for split, sents in by_split.items()
    }
    shipped = (metric_ranker.MODEL_PATH, result_classifier.MODEL_PATH)
    for system, (ranker, classifier) in SYSTEMS.items():
        _learned_parts(ranker, classifier, shipped)
        for split, sents in by_split.items():
            preds[split][system] = [t for s in sents for t in extract_results(s["text"]).to_dict("records")]
    _learned_parts(True, True, shipped)
    return preds


def held_out_rows(splits: tuple[str, ...] = DEV_SPLITS, fresh: dict[str, list[dict]] | None = None) -> list[dict]:
    """The baseline, the rules alone, rules + metric ranker (session 4) and paperlab (rules + ranker + results
    classifier) on each split: v2 ``dev`` and ``test``, ``v3-dev``, ``v5-dev``, v4, ``v7-dev``, ``v6-test``, each
    scored on its own at the three sentence match levels. The test splits are scored only when asked for (``--test``,
    ``--v6-test``, ``--v8-test``)."""
    by_split = _split_sentences(splits, fresh)
    preds = _predict(by_split)
    rows = []
    for split, sents in by_split.items():
        g = [t for s in sents for t in s["tuples"]]
        for system in ("baseline", *SYSTEMS):
            for level in ("value", "metric", "tuple"):
                prec, rec, f1 = score(keys(g, level, False), keys(preds[split][system], level, False))
                rows.append(
                    {
                        "system": system,
                        "part": f"{_HELD_OUT[split]} ({len(sents)} sentences)",
                        "match": level,
                        "gold": len(g),
                        "predicted": len(preds[split][system]),
                        "precision": round(prec, 3),
                        "recall": round(rec, 3),
                        "f1": round(f1, 3),
                    }
                )
    return rows


def main(
    realdata: Path, splits: tuple[str, ...] = DEV_SPLITS, fresh: dict[str, list[dict]] | None = None
) -> pd.DataFrame:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    sent_gold: list[dict] = []
    sent_pred: dict[str, list[dict]] = {"paperlab": [], "baseline": []}
    for s in gold["sentences"]:
        sent_gold += s["tuples"]
        sent_pred["paperlab"] += extract_results(s["text"]).to_dict("records")
        sent_pred["baseline"] += baseline_sentence(s["text"])
    transcript = realdata / gold["tables"]["source"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        session = Session.from_file(transcript)
    table_gold = gold["tables"]["tuples"]
    gold_lines = {t["line"] for t in table_gold}
    ours = [r for r in session.results.to_dict("records")]
    # score table cells only on the gold rows: the gold samples cells, it does not list every cell
    table_pred = {
        "paperlab": [r for r in ours if r["line"] in gold_lines],
        "baseline": [r for r in baseline_tables(transcript) if r["line"] in gold_lines],
    }
    rows = []
    for system in ("baseline", "paperlab"):
        for part, g, p, is_table in (
            ("sentences", sent_gold, sent_pred[system], False),
            ("table cells", table_gold, table_pred[system], True),
        ):
            for level in ("value", "tuple"):
                gk = keys(g, level, is_table)
                pk = keys(p, level, is_table)
                if is_table:  # predictions on gold rows that the gold does not sample are not errors
                    sampled = {(k[0], k[-1]) for k in keys(g, "value", True)}
                    pk = [k for k, r in zip(pk, keys(p, "value", True), strict=False) if r in sampled]
                prec, rec, f1 = score(gk, pk)
                rows.append(
                    {
                        "system": system,
                        "part": part,
                        "match": level,
                        "gold": len(gk),
                        "predicted": len(pk),
                        "precision": round(prec, 3),
                        "recall": round(rec, 3),
                        "f1": round(f1, 3),
                    }
                )
        # all results tuples together (sentences + table cells), full-tuple match
        gk = keys(sent_gold, "tuple", False) + keys(table_gold, "tuple", True)
        pk = keys(sent_pred[system], "tuple", False)
        sampled = {(k[0], k[-1]) for k in keys(table_gold, "value", True)}
        pk += [
            k
            for k, r in zip(
                keys(table_pred[system], "tuple", True), keys(table_pred[system], "value", True), strict=False
            )
            if r in sampled
        ]
        prec, rec, f1 = score(gk, pk)
        rows.append(
            {
                "system": system,
                "part": "all results",
                "match": "tuple",
                "gold": len(gk),
                "predicted": len(pk),
                "precision": round(prec, 3),
                "recall": round(rec, 3),
                "f1": round(f1, 3),
            }
        )
    print("old gold set (the one the extractor was developed on):")
    print(pd.DataFrame(rows).to_string(index=False))
    v2 = held_out_rows(splits, fresh)
    print(
        "\nother gold sets (v2 dev, v3-dev, v5-dev, v4, v7-dev, v8-dev, v8-test, v9a, v9b, v10a, v10b, v11a, v11b,"
        " v12a, v12b, v13a, v13b, v14a, v14b: development; v2 test, v6-test, v9-test ... v16-test: scored once"
        " before; v15a ... v16d, v17a, v17b, v18a, v18b, v19a, v19b, v20a, v20b, v21a, v21b: development; v17-test ..."
        " v25-test: scored once; v22a ... v23c, v24a ... v25c: development; v26-test: held out, report it):"
    )
    print(pd.DataFrame(v2).to_string(index=False))
    table = pd.DataFrame(rows + v2)
    elapsed = time.perf_counter() - t0
    print(
        f"\n{len(gold['sentences'])} sentences, {len(sent_gold)} sentence tuples, {len(table_gold)} table tuples; "
        f"{elapsed:.2f} s"
    )
    return table


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_realdata_argument(ap, required=True)
    ap.add_argument("--test", action="store_true", help="also score the held-out v2 test split (a final scoring)")
    ap.add_argument("--v6-test", action="store_true", help="also score v6-test (the final scoring; only once)")
    ap.add_argument(
        "--texts",
        type=Path,
        action="append",
        help="abstracts JSONL (or a folder holding abstracts*.jsonl files) that fills the texts of gold files holding none (v8, v9);"
        " repeat to merge several; adds v8-dev and v8-test",
    )
    ap.add_argument("--v8-dev", type=Path, help="a with-text copy of v8-dev (else the committed file with --texts)")
    ap.add_argument("--v8-test", action="store_true", help="score v8-test (needs --texts; a dev set since session 7)")
    for version, burned in (("v9", 7), ("v10", 8), ("v11", 8), ("v12", 9), ("v13", 10), ("v14", 11), ("v15", 12)):
        ap.add_argument(
            f"--{version}-test",
            action="store_true",
            help=f"also score {version}-test, every data/extraction_gold_{version}*_test.json pooled"
            f" (needs --texts; burned in session {burned})",
        )
        ap.add_argument(
            f"--{version}-dev",
            action="store_true",
            help=f"score each {version} labeller's file as a dev set of its own ({version}a, {version}b;"
            " needs --texts with their abstracts)",
        )
    ap.add_argument(
        "--v16-dev",
        action="store_true",
        help="score each data/extraction_gold_v16*_dev.json (v16c, v16d) and each v16 labeller's test file (v16a, v16b;"
        " burned in session 13) as a dev set (needs --texts)",
    )
    ap.add_argument(
        "--v16-test",
        action="store_true",
        help="also score v16-test, every data/extraction_gold_v16*_test.json pooled (needs --texts; burned in session 13)",
    )
    ap.add_argument(
        "--v17-test",
        action="store_true",
        help="also score v17-test, every data/extraction_gold_v17*_test.json pooled (needs --texts; burned in session 14)",
    )
    ap.add_argument(
        "--v17-dev",
        action="store_true",
        help="score each v17 labeller's file as a dev set of its own (v17a, v17b; needs --texts with their abstracts)",
    )
    ap.add_argument(
        "--v18-test",
        action="store_true",
        help="also score v18-test, every data/extraction_gold_v18*_test.json pooled (needs --texts; burned in session 15)",
    )
    ap.add_argument(
        "--v18-dev",
        action="store_true",
        help="score each v18 labeller's file as a dev set of its own (v18a, v18b; needs --texts with their abstracts)",
    )
    ap.add_argument(
        "--v19-test",
        action="store_true",
        help="also score v19-test, every data/extraction_gold_v19*_test.json pooled (needs --texts; burned in session 16)",
    )
    ap.add_argument(
        "--v19-dev",
        action="store_true",
        help="score each v19 labeller's file as a dev set of its own (v19a, v19b; needs --texts with their abstracts)",
    )
    ap.add_argument(
        "--v20-test",
        action="store_true",
        help="also score v20-test, every data/extraction_gold_v20*_test.json pooled (needs --texts; burned in session 17)",
    )
    ap.add_argument(
        "--v20-dev",
        action="store_true",
        help="score each v20 labeller's file as a dev set of its own (v20a, v20b; needs --texts with their abstracts)",
    )
    ap.add_argument(
        "--v21-test",
        action="store_true",
        help="also score v21-test, every data/extraction_gold_v21*_test.json pooled (needs --texts; burned in session 18)",
    )
    ap.add_argument(
        "--v21-dev",
        action="store_true",
        help="score each v21 labeller's file as a dev set of its own (v21a, v21b; needs --texts; a file none of whose"
        " abstracts --texts holds is skipped)",
    )
    ap.add_argument(
        "--v22-test",
        action="store_true",
        help="also score v22-test, every data/extraction_gold_v22*_test.json pooled (needs --texts; burned in session 19)",
    )
    ap.add_argument(
        "--v22-dev",
        action="store_true",
        help="score each v22 labeller's file as a dev set of its own (v22a, v22b, v22c; needs --texts; a file none of"
        " whose abstracts --texts holds is skipped)",
    )
    ap.add_argument(
        "--v23-test",
        action="store_true",
        help="also score v23-test, every data/extraction_gold_v23*_test.json pooled (needs --texts; burned in session 20)",
    )
    ap.add_argument(
        "--v23-dev",
        action="store_true",
        help="score each v23 labeller's file as a dev set of its own (v23a, v23b, v23c; needs --texts; a file none of"
        " whose abstracts --texts holds is skipped)",
    )
    ap.add_argument(
        "--v24-test",
        action="store_true",
        help="also score v24-test, every data/extraction_gold_v24*_test.json pooled (needs --texts; burned in session 21)",
    )
    ap.add_argument(
        "--v24-dev",
        action="store_true",
        help="score each v24 labeller's file as a dev set of its own (v24a, v24b, v24c; needs --texts; a file none of"
        " whose abstracts --texts holds is skipped)",
    )
    ap.add_argument(
        "--v25-test",
        action="store_true",
        help="also score v25-test, every data/extraction_gold_v25*_test.json pooled (needs --texts; burned in session 22)",
    )
    ap.add_argument(
        "--v25-dev",
        action="store_true",
        help="score each v25 labeller's file as a dev set of its own (v25a, v25b, v25c; needs --texts; a file none of"
        " whose abstracts --texts holds is skipped)",
    )
    ap.add_argument(
        "--v26-test",
        action="store_true",
        help="also score v26-test, every data/extraction_gold_v26*_test.json pooled (needs --texts; the final scoring)",
    )
    ap.add_argument(
        "--reviser",
        action="store_true",
        help="turn on the learned metric reviser (paperlab.compare.use_metric_reviser; off as shipped)",
    )
    args = ap.parse_args()
    use_metric_reviser(args.reviser)
    chosen = DEV_SPLITS + (("test",) if args.test else ()) + (("v6-test",) if args.v6_test else ())
    fresh = fresh_sets(
        args.texts,
        args.v8_dev,
        args.v8_test,
        args.v9_test,
        args.v9_dev,
        args.v10_test,
        args.v10_dev,
        args.v11_test,
        args.v11_dev,
        args.v12_test,
        args.v12_dev,
        args.v13_test,
        args.v13_dev,
        args.v14_test,
        args.v14_dev,
        args.v15_test,
        args.v15_dev,
        args.v16_dev,
        args.v16_test,
        args.v17_test,
        args.v17_dev,
        args.v18_test,
        args.v18_dev,
        args.v19_test,
        args.v19_dev,
        args.v20_test,
        args.v20_dev,
        args.v21_test,
        args.v21_dev,
        args.v22_test,
        args.v22_dev,
        args.v23_test,
        args.v23_dev,
        args.v24_test,
        args.v24_dev,
        args.v25_test,
        args.v25_dev,
        args.v26_test,
    )
    main(realdata_or_exit(args.realdata), chosen, fresh)

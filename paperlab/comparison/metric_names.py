"""A result's metric in its canonical form, the phrase as the text wrote it kept beside it.

The rules and the ranker choose the phrase that says what a number measures ("average test accuracy", "mAP@0.5",
"sacreBLEU score"); results compare across papers by the metric's canonical form, as the labelling conventions of
``benchmarks/data/extraction_gold_*.json`` name it:

* a leading "average", "mean" or "median" is dropped ("mean rank quality" → "rank quality"), unless the lexicon
  names the whole phrase ("mean absolute error" is MAE, "mean IoU" mIoU); so is "absolute"/"relative" before an
  abbreviation ("absolute gIoU" → gIoU: the kind of a change, not the metric; "relative error" stays), and a
  direction glued to the metric ("17.7x lower-loss" → loss);
* a phrase the conventions name by a lexicon metric it does not spell (``lexicons.METRIC_PHRASES``): a qualified
  bare "success" ("Target success", "semantic success") is "success rate", the symbol "r" a correlation;
* a lexicon metric with a qualifier is the lexicon's name: words before it ("test accuracy", "in-domain accuracy"
  → accuracy), "score" or a subscript after it ("BLEU score" → BLEU, "MAE_F" → MAE), a lower-case word glued to an
  upper-case metric ("sacreBLEU" → BLEU). A lexicon entry that names the qualified phrase itself keeps it ("top-1
  accuracy", "pass@1"; "Recall@10" and "R@5" are the lexicon's recall@k, as the conventions name them), and a lexicon metric qualifying a generic "accuracy" is that metric
  ("exact-match accuracy" → exact match); so does a phrase the lexicon names whole ("hallucination rate"), and so does a
  cut-off ("mAP@0.5" and "mAP@0.5:0.95" stay apart: measured in session 18, dropping it lost older sets' matches);
  a phrase the lexicon names whole by an abbreviation is the abbreviation ("mean absolute error" → MAE).

:func:`name_metrics` renames the kept rows of one abstract and keeps the phrase as written in
``metric_as_written``, so a table groups "test accuracy" with "accuracy" and a reader still sees the paper's words.
No list of metric names lives here: the lexicon (:mod:`.lexicons`) is the only vocabulary.
"""

from __future__ import annotations

import re
from typing import Any

from .lexicons import METRIC_PHRASES, lexicon_hits

__all__ = ["canonical_metric", "name_metrics"]

_AVERAGE = re.compile(r"(?i)(?:average|mean|median|avg\.?)\s+(?=\S)")
# what may follow a lexicon metric that heads the phrase: a plural, a subscript ("MAE_F"), "score(s)"; a cut-off
# stays ("mAP@0.5" and "mAP@0.5:0.95" are two metrics a reader compares apart)
_AFTER_HEAD = re.compile(r"(?i)(?:e?s)?(?:_\w+)?(?:[\s-]+scores?)?")
# a lower-case word glued to an upper-case metric: "sacreBLEU" (not a letter: "pAUROC", "gFID" name their own)
_GLUED = re.compile(r"[a-z]{3,}(?=[A-Z]{2,})")
_GLUED_CUT = re.compile(r"(?<=[A-Za-z])_\w+$")  # "MAE_F"
# a lexicon name that abbreviates the phrase it names: "mean absolute error" is MAE, "mean IoU" mIoU
_ABBREVIATION = re.compile(r"[a-z]?[A-Z][\w+@-]*")


# "absolute gIoU improvements", "relative BLEU gains": the kind of a change, not part of an abbreviated metric's name
_KIND_WORD = re.compile(r"(?:[Aa]bsolute|[Rr]elative)\s+(?=[a-z]?[A-Z][\w@-]*$)")


# "17.7x lower-loss", "20.2x higher-loss": the direction of a change glued to the metric it changes
_DIRECTION_GLUED = re.compile(r"(?i)(?:lower|higher|smaller|larger|less|more)-(?=[a-z])")


def _without_average(name: str) -> str:
    name = name[k.end() :] if (k := _KIND_WORD.match(name) or _DIRECTION_GLUED.match(name)) else name
    m = _AVERAGE.match(name)
    if m is None or any(s == 0 and h != "average" for s, _, h in lexicon_hits("metric", name)):
        return name  # "mean average precision", "mean absolute error": the lexicon names the whole phrase
    return name[m.end() :]


def _head(name: str) -> tuple[int, int, str] | None:
    """The lexicon metric heading ``name`` (its last hit, followed only by a plural, a cut-off or "score")."""
    core = name
    if (cut := _GLUED_CUT.search(name)) and not any(e == len(name) for _, e, _ in lexicon_hits("metric", name)):
        core = name[: cut.start()]  # "MAE_F": the subscript glued to the metric
    glued = _GLUED.match(core) if not lexicon_hits("metric", core.split()[0]) else None
    at = glued.end() if glued else 0
    hits = [h for h in lexicon_hits("metric", core[at:]) if h[2] != "average"]
    if not hits:
        return None
    if len(hits) > 1 and hits[-1][2] == "accuracy" and core[at + hits[-2][1] : at + hits[-1][0]] in (" ", "-"):
        hits[-1] = (hits[-2][0], hits[-1][1], hits[-2][2])  # "exact-match accuracy": the qualifying metric
    s, e, canonical = hits[-1]
    s, e = s + at, e + at
    if (glued and s != at) or (not glued and s > 0 and name[s - 1] not in " -/"):
        return None  # the lexicon metric is not the phrase's head ("compute cost"), or glued inside a word
    return (s, e, canonical) if _AFTER_HEAD.fullmatch(name[e:]) else None


def canonical_metric(name: object) -> Any:
    """``name`` in its canonical form (anything that is not a phrase is returned unchanged)."""
    if not isinstance(name, str) or not name.strip():
        return name
    name = _without_average(name.strip())
    named = next((n for n, rx in METRIC_PHRASES if rx.fullmatch(name)), None)
    if named is not None:
        return named
    head = _head(name)
    if head is None:
        return name  # no lexicon metric heads it
    whole = head[0] == 0 and head[1] == len(name) and len(lexicon_hits("metric", name)) == 1
    if whole and not _ABBREVIATION.fullmatch(head[2]):
        return name  # the lexicon names the phrase whole ("hallucination rate"), not by an abbreviation
    return head[2]


def name_metrics(items: list[tuple[str, list[dict[str, Any]], Any, Any]]) -> None:
    """Give every kept row of ``items`` (sentence text, rows, ...) its canonical metric, in place; the phrase as
    written goes to ``metric_as_written``."""
    for _, rows, _, _ in items:
        for r in rows:
            r["metric_as_written"] = r.get("metric")
            r["metric"] = canonical_metric(r.get("metric"))

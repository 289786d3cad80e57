"""The name a kept result's metric would get under the labelling conventions of the gold sets (off as shipped).

The rules, the ranker and the reviser choose the phrase that says what a number measures; this last step can rename
it the way the conventions written in ``benchmarks/data/extraction_gold_*.json`` do. Each convention is a group of
:data:`GROUPS`, which is empty as shipped: measured in session 16 (benchmarks/README.md, helper X13) each group either
gained too little on the check folds or changed answers a user would not plainly want ("mAP@0.5" and "mAP@0.5:0.95"
both read "mAP", "pass@1" reads "pass@k", "correct diagnoses in 61.5% of cases" loses its metric). The groups:

* ``canonical``: a lexicon metric heading a qualified phrase is the lexicon's canonical name ("privacy attack success
  rates" → "success rate", "final accuracy" → "accuracy", "F1 score" → "F1"); ``canonical_at`` also drops an
  ``@`` cut-off ("mAP@0.5" → "mAP"); ``acronym``: an acronym spelled out in the sentence ("attack success rate
  (ASR)") is named by the lexicon metric that ends its spelled-out words;
* ``average``: a leading "average", "mean" or "median" is dropped unless the lexicon names the whole phrase;
* ``of_phrase``: "N% of <phrase>" names the phrase (not after "in": "in 61.5% of cases"); ``of_phrase_in`` also after
  "in"; ``items``: a plural phrase after "N% of" ("84% of faults") and "N% of the time" name no metric;
* ``at_k``: "Recall@10" → "recall@k", "pass@1" → "pass@k"; ``recall``: "entity recall" → "recall";
* ``subject_verb``: a phrase ending in the clause's verb ("<models> solve 82%") names no metric.

Only the metric changes: the step runs on the kept rows, after the results classifier. No list of metric names
lives here; the lexicon (:mod:`.lexicons`) is the only vocabulary.
"""

from __future__ import annotations

import re
from typing import Any

from .lexicons import lexicon_hits
from .metric_ranker import _nominal

__all__ = ["GROUPS", "conventional_name", "name_metrics"]

# the conventions applied: none as shipped (benchmarks and tests switch groups on to measure them)
GROUPS: set[str] = set()

_AVERAGE = re.compile(r"(?i)(?:average|mean|median)\s+(?=\S)")
_AT_K = re.compile(r"(?i)(pass|recall|precision)@\d+")
_TOP_K = re.compile(r"(?i)top[- ]?\d+\b.*\b(recall|precision)")
_AFTER_HEAD = re.compile(r"(?i)(?:e?s)?(?:\s+scores?)?")
_AFTER_HEAD_AT = re.compile(r"(?i)(?:e?s)?(?:@[\w.:]+|\s+scores?)?")
_QUALIFIED = re.compile(r"(?i)\S.*[\s-](recall|precision)")
_OF_ITEMS = re.compile(r"\s+of\s+(?:(?:the|all|these|those|its|their|our|such|each)\s+)?")


def _canonical(name: str, after: re.Pattern[str] = _AFTER_HEAD) -> str:
    """A lexicon metric, maybe qualified, → its canonical name ("attack success rates" → "success rate")."""
    hits = [h for h in lexicon_hits("metric", name) if h[2] != "average"]
    if not hits:
        return name
    s, e, canonical = hits[-1]
    if (s > 0 and name[s - 1] not in " -") or not after.fullmatch(name[e:]):
        return name  # the lexicon metric is not the phrase's head ("compute cost", "sacreBLEU")
    return canonical


def _without_average(name: str) -> str:
    m = _AVERAGE.match(name)
    if m is None or any(s == 0 and h != "average" for s, _, h in lexicon_hits("metric", name)):
        return name  # "mean average precision", "mean absolute error": the lexicon names the whole phrase
    return name[m.end() :]


def _names_items(name: str, text: str, end: int) -> bool:
    """Whether ``name`` is the plural noun phrase of "N% of <phrase>" right after the value ending at ``end``."""
    m = _OF_ITEMS.match(text, end)
    if m is None:
        return False
    rest = text[m.end() : m.end() + 80]
    if re.match(r"(?i)time\b", rest):
        return True  # "82% of the time"
    at = rest.lower().find(name.lower())
    if at < 0 or re.search(r"[\d,;:()]", rest[:at]) or len(rest[:at].split()) > 2:
        return False
    head = name.split()[-1]
    return head.islower() and len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us", "is"))


_OF_PHRASE = re.compile(r"\s*of\s+(?:(?:the|its|their|our|his|her|these|those|all|each|an?)\s+)?")
_PHRASE_WORD = re.compile(r"([A-Za-z][\w'’\-/@]*)( ?)")
_AFTER_VERB = re.compile(
    r"\s+(?:(?:only|up to|about|over|nearly|roughly|just|around|approximately)\s+)?(?:[+−-]?\d|(?:the|an?)\b)"
)


def _of_phrase(text: str, end: int) -> str | None:
    """The noun phrase of "N% of <phrase>" after the value ending at ``end`` (nominal words, at most five)."""
    m = _OF_PHRASE.match(text, end)
    if m is None:
        return None
    words: list[str] = []
    at = m.end()
    while len(words) < 5 and (w := _PHRASE_WORD.match(text, at)) and _nominal(w.group(1)):
        words.append(w.group(1))
        at = w.end()
        if not w.group(2):
            break
    while words and re.fullmatch(r"[a-z][\w-]*(?:ing|ed)", words[-1]):
        words.pop()  # "interactions handled": the participle is no part of the name
    return " ".join(words) or None


def _subject_verb(name: str, text: str) -> bool:
    """Whether ``name`` ends in the clause's verb: its last word is followed by a number or a determiner."""
    words = name.split()
    if len(words) < 2 or not re.fullmatch(r"[a-z]+", words[-1]) or lexicon_hits("metric", words[-1]):
        return False
    at = text.find(name)
    while at >= 0:
        if _AFTER_VERB.match(text, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False


def _spelled_out(name: str, text: str) -> str:
    """An acronym spelled out in the sentence as '<words> (ACR)' whose words end in a lexicon metric → its name."""
    if " " in name or sum(c.isupper() for c in name) < 2:
        return name
    m = re.search(r"((?:[\w'’-]+\s+){1,6})\(\s*" + re.escape(name) + r"\s*\)", text)
    if m is None:
        return name
    long = m.group(1).strip()
    hits = [h for h in lexicon_hits("metric", long) if h[2] != "average"]
    return hits[-1][2] if hits and _AFTER_HEAD.fullmatch(long[hits[-1][1] :]) else name


def conventional_name(name: object, text: str = "", span: tuple[int, int] | None = None, unit: object = None) -> Any:
    """``name`` as the labelling conventions name it (None when it names no metric of the value at ``span``)."""
    if not isinstance(name, str) or not name.strip():
        return name
    if "of_phrase" in GROUPS and span is not None and unit == "%" and (phrase := _of_phrase(text, span[1])):
        if "of_phrase_in" in GROUPS or not re.search(r"(?i)\bin\s+(?:only\s+|about\s+|over\s+|~)?$", text[: span[0]]):
            name = _canonical(phrase)
    elif "subject_verb" in GROUPS and _subject_verb(name, text):
        return None
    if "items" in GROUPS and span is not None and unit == "%" and _names_items(name, text, span[1]):
        return None
    if "at_k" in GROUPS and (m := _AT_K.fullmatch(name) or _TOP_K.match(name)):
        return m.group(1).lower() + "@k"
    if "average" in GROUPS:
        name = _without_average(name)
    if "recall" in GROUPS and (m := _QUALIFIED.fullmatch(name)) and not lexicon_hits("metric", name):
        return m.group(1).lower()
    if "canonical" in GROUPS:
        name = _canonical(name)
    if "acronym" in GROUPS:
        name = _spelled_out(name, text)
    if "canonical_at" in GROUPS:
        name = _canonical(name, _AFTER_HEAD_AT)
    return name


def name_metrics(items: list[tuple[str, list[dict[str, Any]], list[tuple[int, int]], Any]]) -> None:
    """Rename the metric of every kept row of ``items`` (sentence text, rows, value spans, metric hits) in place."""
    if not GROUPS:
        return  # as shipped
    for text, rows, spans, _ in items:
        for r, span in zip(rows, spans, strict=True):
            r["metric"] = conventional_name(r["metric"], text, span, r.get("unit"))

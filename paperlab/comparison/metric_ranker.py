"""What a number measures, read from the noun phrases around it and scored by a small learned model.

The rules of :mod:`.governing` and the lexicon name a metric when the text uses a shape they know. For the other
numbers this module lists every noun chunk of the sentence as a candidate and scores each (number, chunk) pair with
a conditional logit (a softmax over the chunks of one number and a "no metric" option) over general features — which side of the number the chunk is on, how far, the words that connect
them ("of", "by", "improving by", "in terms of"), other numbers or clause breaks in between, and the shape of the
chunk (length, head suffix, acronym, plural, a lexicon metric, a vague head such as "performance").

No part-of-speech tagger or parser is used (spaCy's models are not on PyPI): chunks are runs of words that are not
closed-class words (determiners, prepositions, pronouns, auxiliaries), not reporting or change verbs and not
adverbs; a ``-ing``/``-ed`` word may modify a head but not be one; "<chunk> of <chunk>" is a candidate too ("number
of trainable parameters"). Weights are in ``metric_model.json``, trained by ``benchmarks/train_metric_ranker.py`` on
the development gold sets only; nothing here is a list of metric names.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from .lexicons import UNIT_ACRONYMS
from .model_file import read_model

__all__ = ["Candidate", "candidates", "metric_key", "none_features", "rank_metric", "rank_unnamed", "tidy_metric"]

MODEL_PATH = Path(__file__).with_name("metric_model.json")

_FUNCTION = frozenset(
    """a an the of in on at to by for with and or nor than as per over across while whereas but without from into
    onto via upon under about around between among against after before during through within beyond toward towards
    our its their his her this that these those which who whom whose what when where there here is are was were be
    been being has have had do does did can could may might will would shall should must we it they he she i you us
    them one both all each any some such more most less least fewer very much many several other another same only
    also even just not no so then thus hence however still yet respectively up down out off e.g i.e etc vs versus
    approximately roughly nearly almost around average up to greater higher lower better worse larger smaller faster
    slower stronger weaker superior inferior shorter longer cheaper tighter previous prior existing original default
    remaining above below exceeding beneath""".split()
)
_VERB = re.compile(
    r"(?i)^(?:show|demonstrat|achiev|report|obtain|reach|attain|yield|provid|deliver|exhibit|lead|bring|offer|enabl|"
    r"indicat|reveal|suggest|find|observ|produc|giv|mak|improv|reduc|increas|decreas|boost|lower|rais|enhanc|"
    r"outperform|surpass|exceed|beat|maintain|cut|slash|accelerat|establish|remain|requir|appl|compar|leav|win|"
    r"fail|collaps|fall|ris|grow|keep|help|allow|set|ensur|offer|trail|lag|match|rank|scor|surg|jump|climb)"
    r"(?:e|es|ed|d|s|ing|ies|ied|ning|ting|ping|t)?$|^(?:found|saw|led|brought|made|gave|kept|won|ran|fell|rose|"
    r"grew|seen|got|gets|get|went|goes|comes|came|become|becomes|became|is|are)$"
)
_WORD = re.compile(r"(?<![\w.@])(?:[A-Za-z][\w@'’.\-/]*[\w@]|[A-Za-z])")  # not the "B" of "3B"
_TOKEN = re.compile(r"[A-Za-z][\w@'’.\-/]*[\w@]|[A-Za-z]|\d[\d.,]*|[^\w\s]")
_VAGUE = re.compile(
    r"(?i)^(?:performance|result|improvement|gain|increase|reduction|boost|margin|average|value|level|number|amount|"
    r"fraction|proportion|percentage|share|factor|state-of-the-art|sota|art|baseline|method|model|approach|task|"
    r"benchmark|dataset|experiment|setting|case|time|point|way|lift|drop|decrease|enhancement|run|trial|evaluation)s?$"
)
_MODIFIER_ONLY = re.compile(r"(?i)^[a-z][\w-]*(?:ing|ed)$")


class Candidate(NamedTuple):
    name: str  # the metric as it would be reported
    start: int
    end: int
    features: dict[str, float]


def metric_key(name: object) -> str | None:
    """A metric compared loosely: lower case, each word in the singular ("Alignment Scores" = "alignment score")."""
    if not isinstance(name, str) or not name.strip():
        return None
    words = [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in name.lower().split()]
    return " ".join(words)


_REPORTING_ING = re.compile(
    r"(?i)^(?:achiev|reduc|improv|increas|decreas|boost|lower|rais|enhanc|yield|obtain|reach|deliver|show|"
    r"demonstrat|outperform|surpass|exceed|attain|provid|cutt|slash|accelerat)ing$"
)


# a bare "success" as a metric, maybe after a system's name or "test"/"task"/"overall": a success rate
_SUCCESS = re.compile(r"(?:(?:[A-Z][\w.-]*|test|task|overall|average|mean)\s+)?success")

# single words the ranker may pick that say how large a value is, not what it measures
_LONE_WORD = re.compile(
    r"(?i)impressive|minor|major|modest|notable|remarkable|substantial|significant|slight|marginal|few|worth|best|"
    r"strong|large|small|huge|dramatic|consistent|overall"
)


# words that may open the phrase the ranker picked but name no part of the metric: a pronoun, a verb of the clause
# ("it remained net positive", "enabling GDA systems to reduce latency"), an adverb ("clearly realistic harmful
# images", "already optimal") or a superlative ("the largest Net defense-utility score")
_LEADING_NOISE = re.compile(
    r"(?:it|we|they|already|still|also|even|just|then|thus|hence|[a-z]{3,}ly|"
    r"(?:larg|high|low|great|small|strong|fast|bigg|wid|short|long|clos|weak|slow)est|best|worst)$"
)
_NOUN_LIKE_VERBS = frozenset(
    "win match matching rank ranking score scoring set lead fail cut yield offer lower".split()
)


def _leading_noise(word: str) -> bool:
    if _LEADING_NOISE.match(word) and word not in ("family", "early", "daily", "supply", "only"):
        return True
    return bool(_VERB.match(word)) and word.islower() and word not in _NOUN_LIKE_VERBS


def tidy_metric(name: object) -> object:
    """A metric name without the reporting or change verb in it ("reducing computational cost" → "computational
    cost", "achieving strong correlation" → "strong correlation"); anything else unchanged."""
    if isinstance(name, str) and _LONE_WORD.fullmatch(name.strip()):
        return None  # "an impressive 8.2% improvement", "a minor 4.1% drop": a word about the value names no metric
    if isinstance(name, str) and _SUCCESS.fullmatch(name.strip()):
        return "success rate"  # "98% success", "reduces OpenVLA success from 57% to 17%": the share of successes
    if not isinstance(name, str) or " " not in name.strip():
        return name
    if re.match(r"(?i)(?:mean|average)\s+[A-Z]", name) and any(c.isupper() for c in name.split(None, 1)[1][1:]):
        return name.split(None, 1)[1]  # "mean GroupIoU", "mean Kendall's W": the average of a named metric is it
    words = name.split()
    if not _leading_noise(words[0]) and not any(_REPORTING_ING.match(w) for w in words[:-1]):
        return name
    while len(words) > 1 and _leading_noise(words[0]):
        words.pop(0)  # "reduce latency" → "latency", "clearly realistic harmful images" → "realistic harmful images"
    cut = [i for i, w in enumerate(words[:-1]) if _REPORTING_ING.match(w)]
    return " ".join(words[cut[-1] + 1 :] if cut else words)  # "crystal adaptation improving efficiency" → "efficiency"


def _nominal(word: str) -> bool:
    low = word.lower()
    if low in _FUNCTION or _VERB.match(low):
        return False
    return not (len(low) > 4 and low.endswith("ly") and not word[0].isupper())


_OF_VALUE = re.compile(
    r"((?:[A-Za-z][\w@'’-]*\s+){1,4})of(?:\s+(?:about|approximately|around|roughly|nearly|almost|up to|over|only|"
    r"just|at most|at least))*\s*(?:an?\s+)?[+−-]?$"
)


def noun_of(text: str, start: int) -> str | None:
    """The noun phrase of "<phrase> of N" right before a value ("a mean compliance of 0.50", "a score of 41%"): its
    last run of nominal words (at most three); None when there is none, its head is vague ("a total of 12") or a
    number precedes it ("within 5 degrees of 95%": a measured quantity)."""
    window = text[max(0, start - 80) : start]
    m = _OF_VALUE.search(window)
    if m is None:
        return None
    words = window[: m.start()].split()[-1:] + m.group(1).split()
    run: list[str] = []
    for word in reversed(words[-len(m.group(1).split()) :]):
        if not _nominal(word) or len(run) == 3:
            break
        run.insert(0, word)
    if not run and len(words) >= 2 and words[-2].lower() in ("a", "an", "the", "its", "their", "our"):
        run = [words[-1]]  # "a score of 41%": after an article the word is a noun, whatever verb it looks like
    prev = words[-len(run) - 1] if len(words) > len(run) else ""
    if len(run) >= 2 and re.fullmatch(r"(?i)values?", run[-1]) and run[-2][0].isupper():
        run = run[:-1]  # "a Kappa value of 0.65": the value of a named metric is it
    if not run or _VAGUE.match(run[-1]) or (_MODIFIER_ONLY.match(run[-1]) and not run[-1][0].isupper()):
        return None
    lead = window[: m.start(1) + m.group(1).rfind(run[0])]
    if re.search(r"(?i)\b(?:over|than|against|versus|vs\.?|compared (?:to|with))\s+(?:(?:the|an?)\s+)?$", lead):
        return None  # "an improvement over the old parser of 2%": what is compared with, not the metric
    return None if re.match(r"[\d.,]+$", prev) else " ".join(run)


def _chunks(text: str) -> list[tuple[int, int, list[re.Match[str]]]]:
    """Runs of nominal words separated by spaces only; a trailing ``-ing``/``-ed`` word is dropped from a run."""
    runs: list[list[re.Match[str]]] = []
    prev_end = -1
    for m in _WORD.finditer(text):
        ok = _nominal(m.group(0))
        joined = runs and prev_end >= 0 and runs[-1][-1].end() == prev_end and not text[prev_end : m.start()].strip()
        if ok and joined and not re.search(r"['’]s?$", runs[-1][-1].group(0)):  # "BERT's | OOD robustness"
            runs[-1].append(m)
        elif ok:
            runs.append([m])
        prev_end = m.end() if ok else -1
    out = []
    for run in runs:
        while run and _MODIFIER_ONLY.match(run[-1].group(0)) and not run[-1].group(0)[0].isupper():
            run = run[:-1]
        if run:
            out.append((run[0].start(), run[-1].end(), run[-5:]))
    return out


def _gap_features(text: str, lo: int, hi: int, side: str) -> dict[str, float]:
    toks = _TOKEN.findall(text[lo:hi])
    words = [
        t.lower() if t.lower() in _FUNCTION else ("N" if t[0].isdigit() else ("W" if t[0].isalpha() else t))
        for t in toks
    ]
    n = len([t for t in toks if t[0].isalnum()])
    bucket = str(n) if n < 4 else ("4-6" if n <= 6 else ("7-12" if n <= 12 else "13+"))
    f = {f"n={bucket}|{side}": 1.0, f"n={bucket}": 1.0}
    if words:
        f[f"first={words[0]}|{side}"] = 1.0
        f[f"last={words[-1]}|{side}"] = 1.0
        if len(words) >= 2:
            f[f"last2={words[-2]} {words[-1]}|{side}"] = 1.0
    for name, test in (
        ("gnum", any(t[0].isdigit() for t in toks)),
        ("gcomma", "," in toks),
        ("gsemi", ";" in toks or ":" in toks),
        ("gparen", "(" in toks or ")" in toks),
        ("gverb", any(_VERB.match(t) for t in toks if t[0].isalpha())),
        ("gresp", "respectively" in [t.lower() for t in toks]),
        ("gclause", any(t.lower() in ("while", "whereas", "but", "which", "although", "though") for t in toks)),
    ):
        if test:
            f[f"{name}|{side}"] = 1.0
    return f


def _shape_features(words: list[str], full: bool, lexicon: bool) -> dict[str, float]:
    head = words[-1]
    f = {f"len={min(len(words), 4)}": 1.0, "bias": 1.0}
    f["full" if full else "part"] = 1.0
    if lexicon:
        f["lex"] = 1.0
    if _VAGUE.match(head):
        f["vague"] = 1.0
    if sum(c.isupper() for c in head) >= 2:
        f["acronym"] = 1.0
    elif head[0].isupper():
        f["cap"] = 1.0
    if re.search(r"\d", head):
        f["digit"] = 1.0
    if head.lower().endswith("s") and not head.lower().endswith("ss"):
        f["plural"] = 1.0
    f[f"suf={head.lower()[-3:]}"] = 1.0
    if len(words) > 1 and re.search(r"(?i)(?:ing|ed|al|ive|ous|ic|ary|able|ible)$", words[0]):
        f["adj_first"] = 1.0
    if len(words) > 1 and words[0][0].isupper():
        f["cap_first"] = 1.0
    return f


def _word_class(token: str | None) -> str:
    if token is None:
        return "^"
    low = token.lower()
    if low in _FUNCTION:
        return low
    if token[0].isdigit():
        return "N"
    if token[0].isalpha():
        return "V" if _VERB.match(low) else "W"
    return token


_SYSTEM = re.compile(r"^(?:[A-Z][a-z]+[A-Z][\w-]*|[A-Z][\w]*-[\w.-]*\d[\w.-]*|[A-Z][A-Za-z]*\d[\w.-]*)$")


def _context_features(text: str, s: int, e: int) -> dict[str, float]:
    """The word classes just before and after a candidate ("outperforms <GPT-4o> by"), and a system-name shape."""
    before = _TOKEN.findall(text[max(0, s - 40) : s])
    after = _TOKEN.findall(text[e : e + 40])
    f = {
        f"prev={_word_class(before[-1] if before else None)}": 1.0,
        f"next={_word_class(after[0] if after else None)}": 1.0,
    }
    if any(_SYSTEM.match(w) for w in text[s:e].split()):
        f["system"] = 1.0
    return f


def _candidate(
    text: str, value: tuple[int, int, str, str], span: tuple[int, int], words: list[str], extra: dict[str, float]
) -> Candidate:
    start, end, unit, kind = value
    s, e = span
    side = "L" if e <= start else "R"
    f = _gap_features(text, e, start, side) if side == "L" else _gap_features(text, end, s, side)
    f.update(_shape_features(words, extra.pop("full", 0.0) > 0, extra.pop("lex", 0.0) > 0))
    f.update(_context_features(text, s, e))
    f.update(extra)
    f[f"unit={unit or '-'}|{side}"] = 1.0
    f[f"kind={kind}|{side}"] = 1.0
    f[f"side={side}"] = 1.0
    lo, hi = min(s, start), max(e, end)
    opened = text[lo:hi].count("(") - text[lo:hi].count(")")
    if opened or ")" in text[lo:hi]:  # "extreme bias (98-99% yes responses)": a parenthesis between them
        f["paren_between"] = 1.0
    elif text.rfind("(", 0, lo) > text.rfind(")", 0, lo):
        f["same_paren"] = 1.0  # both inside one parenthesis
    return Candidate(text[s:e], s, e, f)


def candidates(
    text: str, start: int, end: int, unit: str, kind: str, metrics: list[tuple[int, int, str]]
) -> list[Candidate]:
    """Every noun chunk (and each of its head-final parts), "<chunk> of <chunk>" and every lexicon or generic
    metric hit of ``text``, as a candidate name for the number at ``start:end``, with its features."""
    value = (start, end, unit, kind)
    chunks = [c for c in _chunks(text) if c[1] <= start or c[0] >= end]
    left = [c for c in chunks if c[1] <= start][::-1]
    right = [c for c in chunks if c[0] >= end]
    rank = {(c[0], c[1]): i for side in (left, right) for i, c in enumerate(side)}
    out = []
    for cs, ce, words in chunks:
        r = {f"rank={min(rank[(cs, ce)], 3)}|{'L' if ce <= start else 'R'}": 1.0}
        for k in range(len(words)):
            span = (words[k].start(), words[-1].end())
            out.append(_candidate(text, value, span, [w.group(0) for w in words[k:]], {"full": float(k == 0), **r}))
    for a, b in zip(chunks, chunks[1:], strict=False):
        if not re.fullmatch(r"\s+of\s+(?:(?:the|an?|all)\s+)?", text[a[1] : b[0]]) or (a[1] <= start < b[0]):
            continue
        r = {f"rank={min(rank[(a[0], a[1])], 3)}|{'L' if b[1] <= start else 'R'}": 1.0, "of_join": 1.0}
        for k in range(max(0, len(a[2]) - 2), len(a[2])):
            joined = [w.group(0) for w in a[2][k:]] + ["of"] + [w.group(0) for w in b[2]]
            out.append(_candidate(text, value, (a[2][k].start(), b[1]), joined, {"full": 0.0, **r}))
    for s, e, name in metrics:
        if s <= start < e or s < end <= e or not text[s:e].strip():
            continue
        c = _candidate(text, value, (s, e), text[s:e].split(), {"full": 1.0, "lex": 1.0})
        out.append(c._replace(name=name))
    return out


@lru_cache(maxsize=1)
def _model() -> dict | None:
    return read_model(MODEL_PATH)


def none_features(unit: str, kind: str) -> dict[str, float]:
    """The features of the "no metric" option of a number."""
    return {"none": 1.0, f"none|unit={unit or '-'}": 1.0, f"none|kind={kind}": 1.0}


def _score(features: dict[str, float], weights: dict[str, float]) -> float:
    return sum(weights.get(k, 0.0) * v for k, v in features.items())


def rank_metric(
    text: str, start: int, end: int, unit: str, kind: str, metrics: list[tuple[int, int, str]]
) -> str | None:
    """The name of the best-scored candidate, or None when "no metric" scores higher, when the model's softmax gives
    the best candidate less than the model's ``threshold`` (if it has one), or when no model is installed."""
    model = _model()
    if model is None:
        return None
    w = model["weights"]
    best, best_z = None, _score(none_features(unit, kind), w)
    scores = [best_z]
    for c in candidates(text, start, end, unit, kind, metrics):
        if "lex" not in c.features and all(_SYSTEM.match(word) for word in c.name.split()):
            continue  # "Llama-3.1-8B reaches 68.2", "exceeding Qwen2-VL-2B by 32%": a system, not what is measured
        if c.name.upper() in UNIT_ACRONYMS:
            continue  # "21.52 MB of board power", "USD 4.81 per call": a unit, not what is measured
        z = _score(c.features, w)
        scores.append(z)
        if z > best_z:
            best, best_z = c.name, z
    if best is not None and model.get("threshold"):
        share = 1.0 / sum(math.exp(z - best_z) for z in scores)  # the best candidate's softmax probability
        return best if share >= model["threshold"] else None
    return best


def rank_unnamed(
    found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str, metrics: list[tuple[int, int, str]]
) -> None:
    """Values that no known shape names, nor a neighbour's, get the noun chunk a learned model picks; the two ends
    of a range ("32-43% yes responses", "from 30% up to 100%") share one metric."""
    for i in range(len(found) - 1, -1, -1):
        r = found[i]
        if r["metric"] is not None:
            continue
        start, end = spans[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and re.fullmatch(r"\s*(?:-|–|—|to|up to|and|vs\.?|versus)\s*", text[end : spans[i + 1][0]]):
            r["metric"] = nxt["metric"]
            if r["metric"] is not None:  # one metric for both ends: the learned reviser leaves it (``_fixed``)
                r["_fixed"] = nxt["_fixed"] = True
        if r["metric"] is None:
            r["metric"] = rank_metric(text, start, end, r["unit"] or "", r["kind"], metrics)

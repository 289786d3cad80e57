"""Is a number a reported result? A small learned classifier over general features of the number's context.

The rules of :mod:`.sentences` keep a number when it has a unit (``%``, ``x``, points) or sits next to a metric.
Outside machine-learning abstracts most such numbers are not results: measurements of nature ("800 GeV at 95%
confidence"), statistics of a population ("47% of articles they view are OA", "OR = 7.27, 95% CI 2.17-24.36"),
settings ("a 10% trim") or background facts ("verification consumes nearly 70% of the effort"). This module scores
each kept number with a logistic regression over general features — the unit and the family of the word after the
number (a physical unit, people, time), the words right before it ("at", "of", "by", "to", "with"), statistic
shapes (``p <``, ``95% CI``, ``OR =``, ``n =``), cue verbs of a reported result (achieve, outperform, improve, reach,
reduce), comparison words, first-person method words (we, our, proposed), whether a metric was named and how — and
drops the numbers whose probability is below the model's threshold. Bare numbers (a decimal or 2-3 digit number with
no unit and no metric next to it, which the rules alone never report: "0.61 rFID", "from 82.18 to 88.37") are scored
too and kept only above the higher ``bare_threshold``. No list of metric or dataset names is used.

Weights are in ``result_model.json``, trained by ``benchmarks/train_result_classifier.py`` on development gold only.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model_file import read_model

__all__ = ["MODEL_PATH", "features", "judge_results", "result_probability"]

MODEL_PATH = Path(__file__).with_name("result_model.json")

# families of the word right after a number (general units of measurement and counted things)
_FAMILIES = (
    ("length", r"(?:[nµμum]?m|cm|km|microns?|micro-?rad|mrad|rad|arcsec|arcmin|pc|kpc|mpc|au|Å|angstroms?)"),
    ("mass", r"(?:[mµμnk]?g|grams?|kilograms?|tons?|m?sun|msun|mol|mmol|µmol)"),
    ("energy", r"(?:[kmgt]?ev|j|kj|kcal|cal|mj|kwh|[km]?w|watts?)"),
    ("frequency", r"(?:[kmg]?hz)"),
    ("time", r"(?:years?|yrs?|months?|weeks?|days?|hours?|h|hrs?|minutes?|min|seconds?|s|ms|µs|ns|gyr|myr)"),
    (
        "people",
        r"(?:patients?|participants?|subjects?|children|adults?|women|men|individuals|people|persons?|"
        r"respondents?|users?|students?|cases?|volunteers?|cohorts?)",
    ),
    ("stat", r"(?:sigma|σ|standard deviations?|sd|se|ci|confidence)"),
    ("degree", r"(?:°|degrees?|deg|k|kelvin|°c|celsius)"),
    ("fold", r"(?:fold|times)"),
)
_FAMILY_RES = [(name, re.compile(rf"(?i)^{rx}$")) for name, rx in _FAMILIES]
_CUE = re.compile(
    r"(?i)\b(?:achiev|outperform|improv|reach|reduc|surpass|attain|obtain|yield|exceed|boost|beat|deliver|"
    r"accelerat|speed|gain|lift|lower|shorten|cut|scor|increas|decreas|rais|enhanc|ris(?:es|ing)\b|rose|climb|jump|set(?:s|ting)? (?:a )?new|state[- ]of[- ]the[- ]art|sota)\w*"
)
_COMPARE = re.compile(r"(?i)\b(?:than|over|compared|relative|versus|vs|baselines?|previous|prior|existing)\b")
_METHOD = re.compile(r"(?i)\b(?:we|our|ours|proposed|propose|method|model|approach|framework|system|algorithm)\b")
_STAT_BEFORE = re.compile(
    r"(?i)(?:\bp\s*[<=>≤]\s*$|\b(?:CI|OR|HR|RR|MD|SMD|aOR|IRR|n|N|r|rho|ρ|κ|kappa|alpha|α|β|beta|I2|I\^2|chi2|χ2|t|F|"
    r"z|df)\s*[=:]?\s*$|\b\d+(?:\.\d+)?\s?%\s*(?:CI|confidence interval)\s*[:,]?\s*$|confidence interval\s*[:,]?\s*$)"
)
_STAT_MARK = re.compile(r"\b(?:p\s*[<=>≤]|CI\b|confidence|OR\b|HR\b|RR\b|MD\b|SMD\b|n\s*=|SD\b|IQR\b|σ|sigma\b)")
_STAT_WORDS = re.compile(
    r"(?i)\b(?:significan\w*|odds|hazard|risk|confidence|interval|p-value|associated|association|correlat\w*|"
    r"prevalence|incidence|cohort|patients|participants|survey\w*|respondents|population|statistic\w*|median|"
    r"mean|standard deviation)\b"
)
_WORD = re.compile(r"[A-Za-z°µμσÅ][\w°µμσ'-]*|\d[\d.,]*|[^\w\s]")


def _family(word: str | None) -> str:
    if word is None:
        return "end"
    for name, rx in _FAMILY_RES:
        if rx.match(word):
            return name
    if word[0].isdigit():
        return "num"
    if word[0].isalpha():
        return "Cap" if word[0].isupper() else "word"
    return word


def _number_features(text: str, start: int, end: int, unit: str) -> dict[str, float]:
    num = re.match(r"[\d.,]+", text[start:end])
    digits = num.group(0).replace(",", "") if num else ""
    f = {f"unit={unit or '-'}": 1.0}
    try:
        value = float(digits)
    except ValueError:
        value = 0.0
    if unit == "%" and value in (90.0, 95.0, 99.0):
        f["pct_conf_level"] = 1.0  # the levels of confidence intervals
    if 1900 <= value <= 2100 and "." not in digits:
        f["year_like"] = 1.0
    if unit == "%" and value == 100.0:
        f["hundred_percent"] = 1.0
    return f


_PREV_WORDS = frozenset(
    "at of by to with from = : ( than only about nearly approximately over least ± is are was were".split()
)


def _around_features(text: str, start: int, end: int) -> dict[str, float]:
    before = _WORD.findall(text[max(0, start - 60) : start])
    after = _WORD.findall(text[end : end + 60])
    f: dict[str, float] = {}
    family = _family(after[0] if after else None)
    if family not in ("word", "Cap"):
        f[f"next_family={family}"] = 1.0
    if after and after[0].lower() == "of":  # "47% of articles", "70% of the effort": a share
        f["share_of"] = 1.0
        nxt = [w for w in after[1:3] if w.lower() not in ("the", "a", "an", "all")]
        if nxt and _family(nxt[0]) == "people":
            f["share_of_people"] = 1.0
    if before and before[-1].lower() in _PREV_WORDS:
        f[f"prev={before[-1].lower()}"] = 1.0
    if re.search(r"(?i)\bat\s+(?:a|an|the)?\s*$", text[max(0, start - 8) : start]):
        f["at_point"] = 1.0
    f.update(_setting_features(text, start, end))
    if _STAT_BEFORE.search(text[max(0, start - 30) : start]):
        f["stat_before"] = 1.0
    if re.match(r"\s*(?:%\s*)?(?:CI|confidence)", text[end:]):
        f["confidence_level"] = 1.0
    if re.match(r"\s*(?:-|–|—|to)\s*[\d.]+", text[end:]) and re.search(
        r"\bCI\b|interval", text[max(0, start - 20) : start]
    ):
        f["ci_bound"] = 1.0
    lo, hi = text.rfind("(", 0, start), text.find(")", end)
    if lo > text.rfind(")", 0, start) and hi >= 0 and _STAT_MARK.search(text[lo:hi]):
        f["paren_stat"] = 1.0  # inside "(MD 23.28, 95% CI 14.63-31.93, p < 0.001)"
    if _STAT_MARK.search(text[max(0, start - 30) : end + 30]):
        f["stat_near"] = 1.0
    if re.search(r"\bp\s*[<=>≤]", text[end : end + 40]) or re.search(r"\bp\s*[<=>≤]\s*$", text[:start]):
        f["p_value_near"] = 1.0
    return f


_FUNCTION_WORDS = frozenset("of on in and or for with than to the a an over across by from vs versus while".split())
# "at 40% sparsity", "under 30% coverage", "across 20-80% noise fractions": an operating point named by a noun
_POINT_BEFORE = re.compile(
    r"(?i)\b(?:at|under|across|for)\s+(?:an?\s+|the\s+)?(?:[<>≤≥~]\s*)?(?:[\d.]+\s?%?\s*(?:-|–|—|to)\s*)?$"
)


def _setting_features(text: str, start: int, end: int) -> dict[str, float]:
    """A number's role as an operating point: after "at"/"under"/"across"/"for", then a noun ("at 40% sparsity") or
    nothing ("97.6% at 89%,") rather than a metric phrase of its own."""
    if not _POINT_BEFORE.search(text[max(0, start - 30) : start]):
        return {}
    rest = re.sub(r"^\s*(?:-|–|—|to)\s*[\d.]+\s?%?", "", text[end : end + 40])  # past a range's second end
    word = re.match(r"\s*([A-Za-z][\w-]*)", rest)
    if word is None:
        return {"point_end": 1.0}
    if word.group(1).lower() in _FUNCTION_WORDS:
        return {"point_then_word": 1.0}
    return {"point_noun": 1.0} if word.group(1)[0].islower() else {"point_name": 1.0}


def _sentence_features(text: str, start: int) -> dict[str, float]:
    f: dict[str, float] = {}
    if _CUE.search(text):
        f["cue_verb"] = 1.0
    if _CUE.search(text[max(0, start - 80) : start]):
        f["cue_before"] = 1.0
    if _COMPARE.search(text):
        f["compare_word"] = 1.0
    if _METHOD.search(text):
        f["method_word"] = 1.0
    stats = len(_STAT_WORDS.findall(text))
    if stats:
        f[f"stat_words={min(stats, 3)}"] = 1.0
    if re.search(r"(?i)\b(?:we|our)\b", text[:start]):
        f["we_before"] = 1.0
    return f


def features(text: str, start: int, end: int, row: dict[str, Any]) -> dict[str, float]:
    """The features of the number at ``text[start:end]`` kept by the rules as ``row`` (its unit, kind, metric)."""
    unit = row.get("unit") or ""
    f = {"bias": 1.0}
    if row.get("kind") == "delta":
        f["delta"] = 1.0
    f.update(_number_features(text, start, end, unit))
    f.update(_around_features(text, start, end))
    f.update(_sentence_features(text, start))

    if row.get("_bare"):
        f["bare"] = 1.0
        f["bare_named" if row.get("metric") else "bare_unnamed"] = 1.0
        if "." in text[start:end]:
            f["bare_decimal"] = 1.0
    if row.get("_named"):
        f["metric_named"] = 1.0
    elif row.get("metric"):
        f["metric_other"] = 1.0
    else:
        f["metric_none"] = 1.0
    if row.get("dataset"):
        f["dataset"] = 1.0
    if row.get("method"):
        f["method_subject"] = 1.0
    return f


@lru_cache(maxsize=1)
def _model() -> dict | None:
    return read_model(MODEL_PATH)


def result_probability(feats: dict[str, float], model: dict) -> float:
    """The model's probability that a number with these features is a reported result."""
    w = model["weights"]
    z = model.get("intercept", 0.0) + sum(w.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _respective_runs(spans: list[tuple[int, int]], text: str) -> list[list[int]]:
    """Runs of numbers listed one after another ("0.81, 0.77 and 0.79") that ", respectively" closes: values read in
    parallel with a list of names."""
    runs, run = [], [0] if spans else []
    for i in range(1, len(spans) + 1):
        if i < len(spans) and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)", text[spans[i - 1][1] : spans[i][0]]):
            run.append(i)
            continue
        if len(run) > 1 and re.match(r"\s*,?\s*respectively\b", text[spans[run[-1]][1] :]):
            runs.append(run)
        run = [i]
    return runs


def judge_results(found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str) -> None:
    """Mark (``_drop``) the kept numbers the model judges not to be results (a bare number — no unit, no metric
    next to it — needs the higher ``bare_threshold``; a rating on a scale, ``_sure``, is kept); no model installed: keep
    all but the bare ones."""
    model = _model()
    if model is None:
        for r in found:
            r["_drop"] = r.get("_drop") or r.get("_bare", False)  # the rules alone never report a bare number
        return
    probs = [result_probability(features(text, s, e, r), model) for r, (s, e) in zip(found, spans, strict=True)]
    for i in range(1, len(found)):  # "rises from 0.64 to 0.79": both ends of a change are results, or neither
        gap = text[spans[i - 1][1] : spans[i][0]]
        change = re.search(r"\bfrom\s*$", text[: spans[i - 1][0]]) and re.fullmatch(r"\s*(?:to|→|->)\s*", gap)
        if change or (found[i - 1]["unit"] == found[i]["unit"] and re.fullmatch(r"\s*(?:vs\.?|versus)\s*", gap)):
            probs[i - 1] = probs[i] = max(probs[i - 1], probs[i])  # "0.371 vs. 0.209": compared results, or neither
    for run in _respective_runs(spans, text):  # "are 0.81, 0.77 and 0.79, respectively": results all, or none
        top = max(probs[i] for i in run)
        for i in run:
            probs[i] = top
    for r, p in zip(found, probs, strict=True):
        if p < (model["bare_threshold"] if r.get("_bare") else model["threshold"]) and not r.get("_sure"):
            r["_drop"] = True

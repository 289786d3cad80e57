"""Is a number in a sentence a result, and is it a level or a gain? The shapes around a value that decide it.

``is_result`` rejects counts ("200 epochs"), settings ("we use a dropout rate of 0.1", "with 10% of the labels"),
operating points ("at a learning rate of 0.1", "FPR at 95% TPR") and protocols ("5-fold cross validation");
``kind_and_value`` reads "delta" (a gain: "by 6.4%", "(+5.9%)", "a 20% gap", "an improvement exceeding 80%") or
"absolute" (a level: "reaches up to 82.8%", "from 30% to 50%") and the signed value (a minus kept: "by -29.3 pp");
``share_gain_lists`` makes the values listed after a gain gains too ("by 1.73% PQ, 1.54% RQ and 4.31% mIoU").
"""

from __future__ import annotations

import re
from typing import Any

from .lexicons import lexicon_hits, to_float

__all__ = [
    "ADVERBS",
    "DELTA_AFTER",
    "DELTA_BEFORE",
    "PHYSICAL",
    "UNIT_NAMES",
    "direction_of",
    "is_multiple_range",
    "is_result",
    "is_speedup",
    "kind_and_value",
    "share_gain_lists",
]

UNIT_NAMES = {  # the unit as written -> as reported
    "×": "x",
    "-fold": "x",
    "X": "x",  # "a 7X speed-up"
    "-point": "pp",  # "a 5.9-point improvement"; bare points are a difference like pp, reported with no unit
    # (score points are no percentage points: ``sentences._results_in_sentence`` drops the unit after judging)
    "-points": "pp",
    "times": "x",
    "%p": "pp",
    "% point": "pp",  # "by only 2.4% points"
    "% points": "pp",
    "%point": "pp",
    "%points": "pp",
    "percentage points": "pp",
    "percentage point": "pp",  # "a +1.43 percentage point improvement"
    "percentage-point": "pp",  # "a 3.5 percentage-point gain"
    "percentage-points": "pp",
    "p.p.": "pp",
    "points": "pp",
    "percent": "%",
}

PHYSICAL = r"(?:dB|°|degrees?|ms|s|mm|cm|km|mJ|[KMGT]i?B)"  # units the gold leaves null (the value is still a result)

ADVERBS = (
    r"(?:\s+(?:up to|about|approximately|around|roughly|over|nearly|almost|more than|at least|in excess of|"
    r"as (?:high|low|much) as|exceeding|above|below|under|less than|fewer than|~|an? (?:average|absolute) of|(?:on )?average|only|just))*"
)
# "(up to 35.7%)", "saves up to 5x" are gains; "reaches up to 82.8%", "accuracy of up to 96%" are levels
_UP_TO = (
    "".join(
        rf"(?<!{w} )"
        for w in (
            "of",
            "to",
            "with",
            "reaches",
            "reached",
            "reaching",
            "achieves",
            "achieved",
            "achieving",
            "attaining",
            "%",
        )
    )
    + r"\bup to"  # "from 30% up to 100%" is a range of levels
)
DELTA_BEFORE = re.compile(
    rf"(?:\bby{ADVERBS}|\bwithin{ADVERBS}|{_UP_TO}|\b(?:improv|gain|increase|reduc|speed-?up)\w*"
    # "an improvement of", "gains of up to", "an improvement exceeding", "gains reaching up to"
    rf"(?:(?:\s+(?:over|compared to|in)\s+[^,;%\d]{{1,40}}?)?\s+of|\s+reaching|){ADVERBS}|\+|"
    # the noun of a change before its size: "energy savings of up to 96%", "penalties were 0.025", "drops of 7.6"
    rf"\b(?:drops?|declines?|differences?|savings?|penalt(?:y|ies)|gaps?)\s+(?:of|were|was|is|are){ADVERBS}|"
    rf"\boverheads?\s+of{ADVERBS}|"
    rf"\b(?:los(?:es|t|ing)|add(?:s|ed|ing))\b{ADVERBS}|"  # "loses 19.6 accuracy points", "adds 12.1 ms"
    rf"\b(?:reduc|improv|increas|decreas|boost|lower|rais|cut)\w*\b[^,;%]*\bwith{ADVERBS}|"
    r"\b(?:reduc|improv|increas|decreas|boost|lower|cut)\w*\b(?:(?!\bto\b)[^,;%\d]){1,100}?\b(?:approximately|about|"
    r"around|roughly|nearly))\s*$",
    re.I,
)


DELTA_AFTER = re.compile(
    # a metric name between may hold a dot ("1.8 to 3.1% mAP@0.7 improvements")
    r"^\s*(?:\)|absolute|relative|dB|°|\s)*(?:[A-Za-z][\w@-]*(?:\.\w+)*\s+){0,2}(?:improvement|gain|boost|increase|"
    r"reduction|higher|lower|better|greater|more|fewer|less|drop|loss|decrease|advancement|enhancement|savings|faster|"
    r"slower|smaller|larger|stronger|weaker|cheaper|shorter|longer|worse|difference|"
    r"acceleration|gap|degradation|deterioration|(?:reduc|improv|increas|decreas|lower)ed\s+[a-z]|"  # "92% reduced data"
    r"speed-?up)(?:e?s)?\b|^\s*\)?\s*[↑↓]",  # "(CSN 7.4% ↑)", "a 20% gap"; not "55% and boosting recall"
    re.I,
)


# the span of a change: "improvements ranging from", "error reductions between 45% and" (both ends are the change)
CHANGE_SPAN = re.compile(
    r"(?i)\b(?:improv|gain|increas|reduc|decreas|saving|speed-?up|boost|drop|declin)\w*\s+(?:of\s+)?"
    r"(?:ranging\s+from|between)\s+(?:[\d.]+\s?%?\s*(?:to|and|-|–)\s*)?$"
)


def is_speedup(text: str, start: int, end: int) -> bool:
    """ "3.5x faster", "accelerates training by up to 3.8x", "inference speed up to 12x"."""
    return bool(
        re.match(r"\s*(?:faster|speed-?up|acceleration)\b", text[end:])
        or re.search(
            r"\b(?:accelerat\w*|speeds? ?up|speed)\b(?:\s+[\w-]+){0,3}\s+(?:by\s+)?(?:up to\s+)?$", text[:start]
        )
    )


_NUMBER = r"\d[\d,]*(?:\.\d+)?"
# a multiple that is one end of a range of multiples: "2.11 to 2.88x", "1.6x-2.2x", "2–13×", "6-8 times"
_MULTIPLE_AFTER = re.compile(rf"\s?[x×]?\s*(?:--?|–|—|to)\s*[x×]?{_NUMBER}\s?(?:[x×](?![\w])|times\b|-fold\b)")
_MULTIPLE_BEFORE = re.compile(rf"(?<![\w.]){_NUMBER}\s?[x×]?\s*(?:--?|–|—|to)\s*[x×]?$")
# "between 19.8× and 33.5×": the two ends of a range of multiples
_BETWEEN_AFTER = re.compile(rf"\s?[x×]?\s+and\s+{_NUMBER}\s?[x×](?![\w])")
_BETWEEN_BEFORE = re.compile(rf"\bbetween\s+{_NUMBER}\s?[x×]\s+and\s+$")


# a multiple named as a change by the noun after it: "a 1.65x decrease", "a 20-fold increase", "3.4x gains"
_MULTIPLE_CHANGE = re.compile(
    r"\s*(?:[a-z][\w-]*\s+)?(?:increases?|decreases?|enhancements?|gains?|differences?|boosts?|drops?|rises?)\b"
)
# hardware counted by a multiple: "4-8x A100 GPUs", "2x H100", "8x nodes" (a setting)
_HARDWARE = re.compile(r"\s*(?:[A-Z]+\d+\w*|(?:[A-Z][\w-]*\s+)?(?:GPUs?|TPUs?|nodes|cores|cards|servers|machines)\b)")


def is_multiple_range(text: str, start: int, end: int) -> bool:
    """ "2.11 to 2.88x runtime", "(1.6x-2.2x)": the number is one end of a range of multiples (a result; not the
    hardware of "4-8x A100 GPUs")."""
    after = _MULTIPLE_AFTER.match(text, end)
    if re.search(r"\bbetween\s+$", text[max(0, start - 10) : start]):
        after = after or _BETWEEN_AFTER.match(text, end)
    if not after and not (
        _MULTIPLE_BEFORE.search(text[max(0, start - 30) : start])
        or _BETWEEN_BEFORE.search(text[max(0, start - 40) : start])
    ):
        return False
    unit_end = end + len(text[end:]) - len(text[end:].lstrip(" x×"))  # past the "x" of the second end
    return not _HARDWARE.match(text, after.end() if after else unit_end)


# an earlier multiple of the clause that says what it measures (a comparison after it, or "by" before it), then "and":
# the later multiple is the same measure on another case ("up to 5X speed-up on video and 3.5X on images")
_LATER_MULTIPLE = re.compile(
    r"(?:\bby\s+(?:up to\s+|about\s+)?\d[\d.]*\s?[x×X](?![\w])|\d[\d.]*\s?[x×X]\s+(?:[a-z-]+\s+)?(?:faster|speed-?ups?|"
    r"fewer|less|lower|higher|smaller|larger|more|better|cheaper|acceleration|improvements?|gains?|reductions?))"
    r"[^;:.,]{0,60}?\s(?:and|or)\s+(?:up to\s+|about\s+|only\s+|nearly\s+)?$"
)


def _change_after(after: str) -> bool:
    """The words after a share (and the shares listed with it) say it is a change: "35% lower", "a 26% reduction"."""
    listed = re.match(r"(?:\s*(?:,\s*)?(?:(?:and|or)\s+)?[\d.]+\s?%)*", after)
    return DELTA_AFTER.match(after[listed.end() if listed else 0 :]) is not None


# a time the gold leaves unit-less but reports: "2.06 ms inference", "45 s per query", "120 ms end-to-end latency"
_TIMED = re.compile(
    r"\s?(?:ms|s|seconds?|milliseconds?)\s+(?:[a-z][\w-]*\s+)?(?:latency|inference|runtime|response|delay|overhead|"
    r"per\s+(?:query|sample|image|frame|step|token|request))\b"
)


def is_result(
    text: str, start: int, end: int, unit: str, adjacent_metric: str | None, bare: bool, second: bool = False
) -> bool:
    """A value with a unit or next to a metric (any number when ``bare``); not a count ("200 epochs") or an
    operating point. ``second``: the second look at a number the rules rejected, which also admits an end of a range
    of multiples ("2.11 to 2.88x runtime") and a value compared with ("compared with 83.8% for the baseline")."""
    before, after = text[max(0, start - 80) : start], text[end : end + 60]
    if not unit and adjacent_metric is None and not bare:  # "a 4.85 dB improvement": a physical unit and a change
        return bool(
            re.match(rf"\s?{PHYSICAL}\s+(?:improvement|gain|reduction|increase|decrease)\b", after)
            or _TIMED.match(after)  # "2.06 ms inference", "45 s per query"
            or (re.search(r"\(\s*[+−-]$", before) and re.match(r"\s?(?:ms|s)\s*\)", after))  # "overhead (+0.82s)"
        )
    if (
        unit == "x"
        and adjacent_metric is None
        and not re.search(
            r"compute|speed|faster|accelerat|fewer|less|lower|higher|smaller|reduction|improvement", after, re.I
        )
        and not DELTA_BEFORE.search(before)
        and not re.search(r"[x×]\s*/\s*$", before)  # "by 7.35x/6.15x"
        and not re.search(r"\d\s?[x×]\s*(?:,\s*(?:and\s+|or\s+)?|,?\s*(?:and|or)\s+)$", before)  # "by 9.7x and 3.5x"
        and not _LATER_MULTIPLE.search(before)  # "4x faster on long inputs and 2.5x on short ones"
        # second look: "2.11 to 2.88x runtime" (a range of multiples), "a 1.65x decrease in FFs" (a change)
        and not (second and (is_multiple_range(text, start, end) or _MULTIPLE_CHANGE.match(after)))
    ):
        return False
    if re.search(r"\bat\s+(?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+){0,3}\s+(?:of|=)\s*$", before[-40:]):
        return False  # an operating point: "at a signal-to-noise ratio of 1 dB", "at a learning rate of 0.1"
    if re.search(
        r"\b(?:use[sd]?|using|set(?:s|ting)?|fix(?:es|ed|ing)?|cho(?:o?se|sen)|tun(?:e|es|ed|ing))\s+(?:an?\s+|the\s+)?"
        r"(?:(?!from\b)[A-Za-z][\w-]*\s+){1,3}(?:of|to|=|at)\s*"  # not "CPU use from 30% to 45%": a change
        # the settings listed after it: "we use a dropout rate of 0.3 and a label smoothing of 0.1"
        r"(?:[\d.]+\s?%?\s*(?:,\s*|,?\s*and\s+)(?:an?\s+|the\s+)?(?:(?!from\b)[A-Za-z][\w-]*\s+){1,3}(?:of|to|=)\s*)*$",
        before,
        re.I,
    ):
        return False  # a setting: "we use a dropout rate of 0.1", "Using a threshold of 0.5"
    if re.match(r"\s*(?:layers|epochs|steps|samples|tokens|images|parameters|params|GPUs|hours)\b", after):
        return False
    if unit == "x" and re.match(r"\s*cross[- ]?validat", after, re.I):
        return False  # "5-fold cross validation": a protocol
    if re.match(r"\s*[x×]\s*10\s*\^", after):
        return False  # scientific notation "4.38 x 10^(-22)": the mantissa alone is not the value
    if (
        adjacent_metric is None
        and unit != "x"
        and (  # "with up to 1.7x fewer ...": a result
            re.search(
                (r"(?<!compared )(?<!comparison )" if second else "")
                + r"\b(?:with|using)\s+(?:an?\s+)?(?:only |just |less than |up to )?(?:[\d.]+\s?%(?:,\s*|,?\s*(?:and|or)\s+))*$",
                before,
                re.I,
            )
            # "with 92.1% on CIFAR-10", "with 42.0% versus 30.5% approval": results
            and not re.match(r"\s*(?:(?:on|in)\s+(?:the\s+)?[A-Z]|vs\.?\s|versus\s)", after)
            and not _change_after(after)  # "with 35% lower peak memory", "using 51% and 52% fewer tokens": a change
            or re.match(r"\s*of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:data|dataset|labels|samples|parameters)\b", after)
        )
    ):
        return False  # a setting: "with only 25% programmable elements", "10% of the training data"
    # an operating point ("FPR at 95% True Positive Rate") is not a result
    return not (
        re.search(r"\bat\s+(?:an?\s+|the\s+)?$", before, re.I)
        and re.match(r"\s*(?:[A-Z][\w-]*\s+){0,2}(?:rate|recall|TPR|precision)\b", after, re.I)
    )


def kind_and_value(
    m: re.Match[str], text: str, span: tuple[int, int], unit: str, range_end: int | None
) -> tuple[str, float]:
    """ "delta" for an improvement ("by 6.4%", "(+5.9%)", a multiple "14.2x") else "absolute", and the signed value;
    ``range_end``: where the range whose first number this is ends ("15 to 20% stronger")."""
    start, end = span
    sign = m.group("sign") or ""
    start -= len(sign)  # "by -22.6%": the words before the sign decide
    before, after = text[max(0, start - 80) : start], text[end : end + 60]
    minus = sign.strip("(") in ("-", "−")
    kind = "delta" if ("+" in sign or DELTA_BEFORE.search(before) or _change_after(after)) else "absolute"
    if minus and unit in ("%", "pp") and re.search(r"(?:^|[\s(\[:=])$", before):
        kind = "delta"  # "-7.7%", "(-1.2pp)": a signed share is a change, as "+5.9%" is (not "TPR@1e^-1")
    if re.search(rf"\bfrom{ADVERBS}\s*$", before) and not CHANGE_SPAN.search(before) and "+" not in sign:
        kind = "absolute"  # "cuts X from about 40% to 12%": the levels of a change (not "ranging from +0.9% to +138%")
    if re.search(r"\bfrom\s+[\d.]+\s?%?\s+up\s+to\s*$", before) and "+" not in sign:
        kind = "absolute"  # "from 61.5 up to 70.2%": the second level of a change
    if kind == "delta" and _level_up_to(before, after, sign):
        kind = "absolute"  # "reaches up to 96.2% accuracy", "accuracies up to 97% and 94%": a level, not a gain
    if CHANGE_SPAN.search(before):
        kind = "delta"  # "improvements ranging from 3.27% to 32.87%", "reductions between 45% and 65%"
    if range_end is not None and DELTA_AFTER.match(text[range_end : range_end + 60]):
        kind = "delta"  # "15 to 20% stronger support": the range is a gain
    if unit == "x" and not re.search(r"(?i)\b(?:ratios?|factor)\b", text[max(0, start - 60) : end + 30]):
        kind = "delta"  # "14.2x prefill speedups", "~100-fold": a multiple of a baseline (not "a ratio of 17x")
    if unit == "pp":
        kind = "delta"  # "differences of up to 10 percentage points", "12 pp on average": points are a difference
    value = to_float(m.group("num"))
    if minus:
        value = -value  # "by -29.3 pp": the sign as written
    return kind, value


# the level a result reaches written with "up to": a lexicon metric right after the number ("shows up to 96.2% accuracy")
# or right before "up to" ("accuracies up to 97%"), and no word of a change in the clause before it
_CHANGE_WORD = re.compile(
    r"(?i)\b(?:by|improv\w*|gains?|increas\w*|reduc\w*|decreas\w*|boost\w*|lower\w*|rais\w*|cut\w*|sav\w*|"
    r"speed-?ups?|drops?|declin\w*|outperform\w*|surpass\w*|over|than|relative|compared)\b"
)


def _level_up_to(before: str, after: str, sign: str) -> bool:
    if sign.strip("(") or not re.search(r"\bup to\s*$", before) or DELTA_AFTER.match(after):
        return False
    clause = re.split(r"[,;:(]", before)[-1]
    if _CHANGE_WORD.search(clause[: clause.rfind("up to")]):
        return False
    head = re.match(r"\s*(?:[\w@-]+\s*){1,3}", after)
    if head and lexicon_hits("metric", head[0]):
        return True  # "up to 96.2% accuracy", "up to 71% success rates"
    words = re.search(r"((?:[\w-]+\s+){1,3})up to\s*$", clause)
    return bool(words and any(e >= len(words[1].rstrip()) for _, e, _ in lexicon_hits("metric", words[1].rstrip())))


# a change downwards: "reducing MSE by 4%", "cuts latency by 3x", "a 12% reduction", "4x fewer parameters"
_DOWN_BEFORE = re.compile(
    r"\b(?:reduc|decreas|lower|cut|shrink|shrunk|drop|declin|fall|fell|sav|trim|shorten)\w*\b[^,;%\d]{0,60}?"
    rf"(?:\bby|\bof){ADVERBS}\s*[−-]?$",
    re.I,
)
_DOWN_AFTER = re.compile(
    r"^\s*(?:\)|absolute|relative|\s)*(?:[A-Za-z][\w@-]*\s+){0,2}(?:reduction|lower|fewer|less|drop|decrease|"
    r"smaller|cheaper|shorter|slower|savings|decline)\b|^\s*\)?\s*↓",
    re.I,
)


def direction_of(text: str, start: int, end: int, kind: str) -> str | None:
    """ "down" for a delta that is a reduction ("reducing MSE by 4%", "a 12% reduction", "3x fewer steps"), "up" for
    any other delta (a gain, "+5.9%"), None for a level."""
    if kind != "delta":
        return None
    before, after = text[max(0, start - 100) : start], text[end : end + 60]
    return "down" if _DOWN_BEFORE.search(before) or _DOWN_AFTER.match(after) else "up"


# A list of gains whose values each carry a short tail of their own ("by 1.73% PQ, 1.54% RQ and 4.31% mIoU",
# "improvements of 14.8% on A and 7.5% on B"): every value of the list is a change, as its first one is. ``sentences``
# shares the kind of values that follow each other directly ("by 4%, 6%, and 5%"); here a few words of their own (a
# metric, a dataset) stand between; a word that starts a new claim ("to", "reaching", "while") ends the list.
# the gap between two values of one list: a short tail of the first value, then a comma or "and"
_GAP = re.compile(  # a short tail, or a bracket naming the case: "by up to 41% (A100) and 23% (H100)"
    r"\s*(?P<tail>(?:[^\s,;\d]+\s+){0,3}?[^\s,;\d]+|\([^()\s]{1,30}\))\s*(?:,\s*(?:and\s+)?|,?\s+and\s+)"
)
# words that start a claim of their own rather than name what the value measures
_NEW_CLAIM = re.compile(
    r"(?i)\b(?:to|from|at|with|while|whereas|but|than|vs|versus|compared|reach\w*|achiev\w*|attain\w*|obtain\w*|"
    r"scor\w*|yield\w*|is|are|was|were|has|have|remain\w*|only|just|rate|respectively)\b"
)


def share_gain_lists(found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str) -> None:
    """Mark as gains (kind "delta") the values listed after a gain whose words before it make it one ("by", "an
    improvement of"), when each value of the list has a short tail of its own and the unit (or, without one, the
    metric) of the first."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    heads = {
        i for i in order if found[i]["kind"] == "delta" and _gain_before(text[max(0, spans[i][0] - 80) : spans[i][0]])
    }
    for a, b in zip(order, order[1:], strict=False):
        first, second = found[a], found[b]
        named = first["unit"] is not None or (first["metric"] is not None and first["metric"] == second["metric"])
        if a not in heads or second["kind"] != "absolute" or first["unit"] != second["unit"] or not named:
            continue  # no unit: the list shares the first value's metric ("loses 19.6 accuracy points ..., 19.1 on")
        gap = _GAP.fullmatch(text, spans[a][1], spans[b][0])
        if gap is None or not _own_tail(gap.group("tail")):
            continue
        second["kind"] = "delta"
        second["direction"] = first["direction"] or direction_of(text, *spans[b], "delta")
        heads.add(b)


def _gain_before(before: str) -> bool:
    """The words before a value make it a gain ("by", "an improvement of"); "up to" alone does not make a list of
    gains ("up to 99.8% accuracy and 93.6% macro F1" are levels), nor a sign ("81.8% (+5.9%), 34.7% (+5.8%)")."""
    before = re.sub(r"\(?[+−-]\s*$", "", before)
    gain_up_to = re.search(
        r"\b(?:by|(?:improv|gain|increas|reduc|decreas|boost|speed-?up)\w*(?:\s+of)?)\s+up\s+to\s*$", before
    )
    return bool(DELTA_BEFORE.search(before)) and (not re.search(r"\bup\s+to\s*$", before) or gain_up_to is not None)


def _own_tail(tail: str) -> bool:
    """A tail names what its value measures ("PQ", "on FACTS"): it holds a letter, starts no claim of its own and
    closes no parenthesis it did not open ("(+5.9%), 34.7%")."""
    return bool(re.search(r"[A-Za-z]", tail)) and not _NEW_CLAIM.search(tail) and tail.count(")") <= tail.count("(")

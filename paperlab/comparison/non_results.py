"""Number shapes that the labelling conventions never count as results, whatever their unit or metric.

The gold descriptions say that spreads, intervals, p-values and model sizes are not results. These shapes are read
from the characters around the number alone, so the results classifier never has to learn them:

- the spread of "0.93 ± 0.04", also written "+-" or "+/-";
- a p- or q-value: "p < 0.001", "P < .001", "(p=0.02)", "Fisher's exact p 0.0022", "q < 0.05", "p-value of 0.03"; an odds or
  hazard ratio: "OR 1.52", "HR = 0.80" (in a sentence about ranking or recommendation "HR" is a hit ratio, a result);
- a confidence level and its bounds: "95% CI", "95% bootstrap interval", "95% CI 1.31-2.54", "CI: [0.20, 0.41]";
- the two bounds of a bracketed interval: "81.2% [79.1%, 83.0%]", "+0.31 [0.25, 0.37]";
- an ordinal: "the 95th percentile", "a 99.9th-percentile delay";
- a size glued to B or T: "models from 0.6B to 8B", "Qwen3-1.7B", "a 4.8BA0.5B MoE", the first end of "0.5-3B" (billions of parameters or
  tokens, a setting), and a count in millions: "1.2 million images" (dataset statistics);
- a version or an id: "LangGraph 1.2.9", "arXiv:2506.08062v2", a year "NeurIPS 2021"; an exponent "κ^0.25".
"""

from __future__ import annotations

import re

__all__ = ["not_a_result", "only_across_clause"]

_NUM = r"[+−-]?\d[\d,]*(?:\.\d+)?\s?%?"
_SPREAD_BEFORE = re.compile(r"(?:±|\+/-|\+/−|\+-|\+−)\s*$")
_P_VALUE_BEFORE = re.compile(r"(?<![\w-])[pq](?:[- ]?values?)?\s*(?:[<=>≤≥]=?|of)?\s*[+−-]?$")
_P_BELOW = re.compile(r"(?<![\w-])P\s*[<≤]\s*$")  # "P < .001" (capital P: a precision is written "P = 0.91")
_RATIO_BEFORE = re.compile(r"\b(?:a?OR|HR|RR|IRR)\s*[=:]?\s*$")  # "OR 1.52", "HR = 0.8": odds and hazard ratios
# a sentence about ranking or recommendation: its "HR" is a hit ratio, a result ("HR = 0.712 and NDCG = 0.433")
_RANKING = re.compile(r"(?i)recommend|\branking\b|\branked\b|retriev|\bhit (?:ratio|rate)|\bn?DCG\b|\bMRR\b|@\d")
_P_VALUE_WORDS = re.compile(r"\bp-values?\s+(?:of\s+|=\s*|<\s*)?(?:about\s+|below\s+)?$", re.I)
_CI_AFTER = re.compile(  # "95% CI", "95% bootstrap interval", "(95% interval [...])"; not "68% interval coverage"
    r"\s?(?:%|percent\b)?\s*(?:CIs?\b|(?:confidence|credible|bootstrap|prediction)\s+intervals?\b|intervals?\b(?!\s+[a-z]))",
    re.I,
)
_CI_BEFORE = re.compile(
    rf"\b(?:CIs?|confidence intervals?|credible intervals?)\s*(?:[:=]|of)?\s*[\[(]?\s*(?:{_NUM}\s*(?:-|–|—|--|to|,)\s*)?[+−-]?$",
    re.I,
)
_JOIN = r"\s*(?:,|;|-|–|—|--|to)\s*"
_BRACKET_FIRST = (re.compile(r"\[\s*[+−-]?$"), re.compile(rf"\s?%?{_JOIN}{_NUM}\s*\]"))
_BRACKET_SECOND = (re.compile(rf"\[\s*{_NUM}{_JOIN}[+−-]?$"), re.compile(r"\s?%?\s*\]"))
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b")
_GLUED_SIZE_AFTER = re.compile(r"[BbT](?![a-z])|v\d|\.\d")  # "0.6B", "1.5b", "2506.08062v2", "1.2.9"
_SIZE_RANGE_AFTER = re.compile(rf"\s*(?:-|–|—|--|to)\s*{_NUM}\s?[BT](?![a-z])")  # the 0.5 of "0.5-3B", "1 to 8B"
_EXPRESSION_BEFORE = re.compile(r"(?:\^\{?\(?|arXiv:\s*|\d\.)$")  # "κ^0.25", "arXiv:2506.08062", the 9 of "1.2.9"
_COUNT_AFTER = re.compile(r"\s+(?:million|billion|thousand)\b(?!\s*(?:/|per\b|[a-z]+\s*/|[a-z]+\s+per\b))")


def not_a_result(text: str, start: int, end: int, unit: str) -> bool:
    """True when the number at ``text[start:end]`` (``end`` past its unit, if any) is a spread, a p-value, a
    confidence level or bound, a bound of a bracketed interval, an ordinal or a B/T size (see the module's list)."""
    before = text[max(0, start - 60) : start]
    num_end = start + len(re.match(r"[\d,.]*", text[start:end]).group(0))  # type: ignore[union-attr]
    if any(rx.search(before) for rx in (_SPREAD_BEFORE, _P_VALUE_BEFORE, _P_BELOW, _P_VALUE_WORDS)):
        return True
    if (m := _RATIO_BEFORE.search(before)) and not (m.group(0).startswith("HR") and _RANKING.search(text)):
        return True
    if (unit == "%" and _CI_AFTER.match(text, num_end)) or _CI_BEFORE.search(before):
        return True
    if any(b.search(before) and a.match(text, num_end) for b, a in (_BRACKET_FIRST, _BRACKET_SECOND)):
        return True
    if _EXPRESSION_BEFORE.search(before) or (unit == "" and re.fullmatch(r"19[5-9]\d|20[0-3]\d", text[start:num_end])):
        return True  # an exponent, an arXiv id, a dotted version's tail, a year
    if not unit and _COUNT_AFTER.match(text, num_end) and not re.search(r"\bby\s*$", before):
        return True  # "1.2 million images": a count (dataset statistics), not "by 1.5 million"
    after = _ORDINAL_AFTER.match(text, num_end) or _GLUED_SIZE_AFTER.match(text, num_end)
    return not unit and (after or _SIZE_RANGE_AFTER.match(text, num_end)) is not None


_CLAUSE_BREAK = re.compile(r";|\bwhile\b|\bwhereas\b|\bbut\b|\balthough\b")


def only_across_clause(text: str, at: int, name: str | None) -> bool:
    """True when ``name`` is written only after the number at ``at``, in a later clause ("Penalties were 0.025 per
    step while the success rate is 93%": success rate is not what 0.025 measures)."""
    places = [m.start() for m in re.finditer(re.escape(name), text)] if name else []
    if any(p < at for p in places):
        return False  # a name written before: an elliptical clause shares it ("BLEU 34.1 on En-De; 28.7 on En-Fr")
    return bool(places) and all(_CLAUSE_BREAK.search(text[at:p]) for p in places)

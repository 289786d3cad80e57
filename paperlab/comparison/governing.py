"""What a number measures when no lexicon metric sits next to it: the noun phrase that governs it.

General shapes, not word lists of metrics (the lexicon stays the first choice; these name what it does not know):

* ``<NP> of N`` — "a discordance of 17%" (a determiner before the phrase, a content-word head);
* ``<change verb> <NP> … N`` — "cutting down the formal closure timeline by over 50%", "reduces the costs of
  the sensor production by at least 50%": the object of the nearest change verb in the clause;
* ``<NP> improvements of N`` — "productivity improvements of up to 30%";
* ``<NP> (<change verb>) from N`` — "latency rose from 80 ms to 125 ms", "CPU use from 30% to 45%";
* abbreviations defined in the sentence — "area under curve (AUC) … an area under curve of 0.9744" names AUC,
  and "success rate (SR) of 72%" is the success rate, not a new metric "SR";
* ``M1 and M2 … A and B, respectively`` — values zipped with a list of metrics;
* a bare share with no metric in a sentence that reports no performance ("15% of the world's population", "articles
  comprised 50.7%") is a statistic of the text's subject, not a result.
"""

from __future__ import annotations

import re
from typing import Any

from .lexicons import lexicon_hits

__all__ = [
    "alias_hits",
    "governing_phrase",
    "is_statistic",
    "paren_deltas",
    "subjects_of_change",
    "share_of_cases",
    "zip_phrase_list",
    "zip_respectively",
]

_W = r"[a-z][\w-]*"
_ADV = (
    r"(?:\s+(?:up to|about|approximately|around|roughly|over|nearly|almost|more than|at least|in excess of|"
    r"exceeding|above|below|under|~|∼))*"
)
# words that cannot be part of a measured noun phrase (function words, verbs, comparatives, vague quantities)
_NOT_NP = re.compile(
    r"(?i)^(?:the|a|an|of|in|on|at|to|by|for|with|and|or|than|as|per|over|across|while|from|into|our|its|their|this|"
    r"that|these|those|which|is|are|was|were|be|been|we|it|they|both|all|each|any|some|more|less|fewer|higher|lower|"
    r"better|worse|best|worst|greater|smaller|larger|same|new|overall|\w+ly|\d.*)$"
)
# heads too vague to name a metric ("an average of", "a factor of", "the best performance of")
_VAGUE_HEAD = re.compile(
    r"(?i)^(?:average|total|fraction|proportion|percentage|share|maximum|minimum|number|amount|range|factor|margin|"
    r"order|value|values|level|performance|result|results|improvement|improvements|gain|gains|increase|reduction|"
    r"one|part|majority|set|size|rate|ratio|score|time)$"
)
_NP_OF = re.compile(rf"\b(?:the|a|an|its|their|our)\s+(?P<np>{_W}(?:\s+{_W}){{0,3}}?)\s+of{_ADV}\s*[+−-]?$")
_CHANGE_VERB = re.compile(
    r"\b(?:(?:reduc|improv|increas|decreas|rais|enhanc|accelerat)(?:e|es|ed|ing)|(?:boost|lower|shorten|lift|slash)"
    r"(?:s|es|ed|ing)?|cut(?:s|ting)?)\b"
    rf"(?:\s+(?:down|back))?\s+(?:(?:the|its|their|our)\s+)?(?P<np>{_W}(?:\s+{_W}){{0,3}}?)"
    r"(?=\s+(?:of|for|in|by|on|across|when|while|compared|relative|over|from|approximately|about|around|roughly|"
    r"nearly|up to|at least)\b|,)"
)
_NOUN_CHANGE_OF = re.compile(
    rf"(?P<np>{_W}(?:\s+{_W}){{0,2}})\s+(?:improvements?|gains?|reductions?|increases?|savings?)\s+"
    rf"(?:(?:over|compared to|relative to)\s+[^,;\d]{{1,40}}?\s+)?of{_ADV}\s*$"
)
# "latency rose from 80 ms", "CPU use from 30%": the phrase right before "from" (a change verb between) names the
# start of a change, and the range shares it; an owner's "'s" is not part of it ("the student's PickScore from")
# unless a capitalised name owns the metric ("Cohen's d ranging from")
_NP_FROM = re.compile(
    r"(?<![\w.'’-])(?P<np>(?:[A-Z][a-z]+['’]s\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}?)\s+"
    r"(?:(?:rose|rises|rising|grew|grows|dropped|drops|fell|falls|went|goes|jumped|jumps|climbed|climbs|increased|"
    r"decreased|improved|declined|ranges|ranged|ranging|varies|varied|varying)\s+)?from\s*[+−-]?$"
)
_CHANGE_WORD = re.compile(
    r"(?i)\b(?:reduc|improv|increas|decreas|rais|enhanc|accelerat|boost|lower|shorten|lift|slash|cut|elevat|bring|"
    r"brought|push)\w*\b"
)
# earlier values of the same list between the phrase and this value ("80% and 60%")
_LISTED = re.compile(r"(?:\s*[\d.]+\s?(?:%|x|×)?\s*(?:,|,?\s*and|,?\s*or)\s*)+$")
# verbs that end a noun phrase read backwards ("evaluations demonstrate productivity improvements")
_VERBISH = re.compile(
    r"(?i)^(?:show|demonstrat|achiev|report|obtain|reach|attain|yield|provid|deliver|exhibit|lead|led|bring|brought|"
    r"offer|enabl|indicat|reveal|suggest|find|see|observ|produc|giv|mak)(?:e|s|es|ed|d|n|ing)?$|"
    r"^(?:found|saw|has|have|had|led|brought|is|are|was|were)$"
)
# a system or model name ("Mem0", "GPT-4", "ResNet", "TOGA"): a sentence about a system reports its behaviour
_SYSTEM_NAME = re.compile(r"\b(?:[A-Z][a-z]+[A-Z][\w-]*|[A-Z][A-Za-z]*\d[\w-]*|[A-Z]{2,}[\w-]*)")
_PERFORMANCE = re.compile(
    r"(?i)achiev|reach|obtain|attain|scor|yield|deliver|outperform|surpass|improv|reduc|exhibit|perform|accura|"
    r"speed|faster|better|gain|boost|\bgets?\b|exceed|\bwins?\b|error|precision|recall|success"
)


_ADJECTIVE = re.compile(r"(?i)(?:ant|ent|ial|able|ible|ous|ive|ful|ic)$")  # by its suffix: "notable", "marked"


def _phrase(np: str) -> str | None:
    """The measured phrase of a candidate, read back from its head to the first function word or verb; None when
    nothing specific is left."""
    words: list[str] = []
    for w in reversed(np.split()):
        if _NOT_NP.match(w) or _VERBISH.match(w):
            break
        words.insert(0, w)
    if not words or _VAGUE_HEAD.match(words[-1]):
        return None
    if len(words) == 1 and words[0].endswith("ing"):
        return None  # "using", "training": a verb form, not a measured quantity
    if len(words) == 1 and _ADJECTIVE.search(words[0]):
        return None  # "significant improvements of 2%": an adjective alone names nothing measured
    return " ".join(words)


def governing_phrase(text: str, start: int) -> str | None:
    """The noun phrase that governs the number at ``start`` (see the module docstring), or None."""
    before = text[max(0, start - 160) : start]
    m = _NOUN_CHANGE_OF.search(before) or _NP_OF.search(before)
    if m and (p := _phrase(m.group("np"))):
        return p
    m = _NP_FROM.search(before)
    if m and not lexicon_hits("metric", m.group("np")) and (p := _phrase(_CHANGE_WORD.split(m.group("np"))[-1])):
        head = before[: m.start("np") + m.group("np").rindex(p)]
        if not re.search(r"\b(?:of|on|in|for|at|with|by|to)\s+(?:(?:the|a|an)\s+)?$", head) and not re.search(r"\d", p):
            return p  # "reduces held-out preference violation from": the verb's object; not "pass@1 of GPT-4o from"
    clause = re.split(r"[;:]|\bwhile\b|\bwhereas\b|\bbut\b", before)[-1]
    verbs = list(_CHANGE_VERB.finditer(clause))
    if not verbs:
        return None
    m = verbs[-1]
    if re.match(r"(?:in|on|by|of|for|to|with|at|from|over)\b", m.group("np")):
        return None  # "improved by 3%": no object
    gap = _LISTED.sub("", clause[m.end("np") :])
    if re.search(r"\d|\bto\b", gap) or len(gap) > 110:
        return None  # another number, or "to N" (a new level, whose metric the lexicon names)
    return _phrase(m.group("np"))


def _initials_match(words: list[str], acronym: str) -> bool:
    letters = [c.lower() for c in acronym if c.isalpha()]
    return [w[0].lower() for w in words] == letters


def alias_hits(text: str, hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Hits with abbreviations resolved: "success rate (SR)" keeps only the success rate; a long form defined for a
    metric's abbreviation ("area under curve (AUC)") is that metric wherever the sentence repeats it; a cut-off
    written after a metric stays in its name ("mAP@0.5")."""
    out = []
    for s, e, name in hits:  # "mAP@0.5", "AP@50": the cut-off written after a metric is part of its name
        cut = re.match(r"@\d+(?:\.\d+)?(?::\d+(?:\.\d+)?)?(?!\w|\.\d)", text[e:])
        out.append((s, e + cut.end(), text[s : e + cut.end()]) if cut and "@" not in name else (s, e, name))
    hits = list(out)
    for s, e, name in hits:
        m = re.match(r"\s*\(\s*([A-Z][A-Za-z0-9@-]*)\s*\)", text[e:])
        if m and _initials_match(text[s:e].split()[-len(re.sub(r"[^A-Za-z]", "", m.group(1))) :], m.group(1)):
            # the abbreviation of a metric ("success rate (SR)") names the same metric
            out = [h for h in out if not (h[0] == e + m.start(1) and h[2] != name)]
    for s, e, name in hits:
        if not re.fullmatch(r"[A-Z][A-Za-z0-9@-]*", text[s:e]) or not re.search(r"\(\s*$", text[max(0, s - 3) : s]):
            continue
        words = re.findall(r"[A-Za-z][\w-]*", text[max(0, s - 80) : s])
        long = next(
            (words[-n:] for n in range(2, min(6, len(words)) + 1) if _initials_match(words[-n:], text[s:e])), None
        )
        if long is None:
            continue
        for m in re.finditer(r"\b" + r"\s+".join(map(re.escape, long)) + r"\b", text, re.I):
            if not any(m.start() < e2 and s2 < m.end() for s2, e2, _ in out):
                out.append((m.start(), m.end(), name))
    return sorted(out)


# between a list of values and the list of metrics written after it: "... of 33.6% and 14.8% in (terms of) MAE and MSE"
_LIST_AFTER = re.compile(r"\s*(?:[a-z]+\s+){0,2}?(?:in|on)\s+(?:terms\s+of\s+)?(?:the\s+)?")


def zip_respectively(
    found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str, metrics: list[tuple[int, int, str]]
) -> None:
    """ "sensitivity and specificity … was 95.72% and 98.15%, respectively": the i-th value has the i-th metric."""
    if "respectively" not in text or len(found) < 2:
        return
    runs: list[list[tuple[int, int, str]]] = []
    for h in metrics:
        if runs and re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", text[runs[-1][-1][1] : h[0]]):
            runs[-1].append(h)
        else:
            runs.append([h])
    for run in (r for r in runs if len(r) >= 2):
        i = 0
        while i < len(found):  # every later list of as many values, joined by commas/"and", before "respectively"
            j = i
            while j + 1 < len(found) and re.fullmatch(
                r"\s*(?:,|,?\s*and|,?\s*or)\s*", text[spans[j][1] : spans[j + 1][0]]
            ):
                j += 1
            if spans[i][0] > run[-1][1] and j - i + 1 == len(run):
                if re.match(r"\s*,?\s*respectively", text[spans[j][1] :]):
                    for r, (_, _, name) in zip(found[i : j + 1], run, strict=True):
                        r["metric"] = name
                elif (k := _to_list(found, spans, text, j, len(run))) is not None:
                    # "... from 0.50, 0.30, and 0.43 to 0.63, 1.00, and 0.77, respectively": both ends in order
                    for r, (_, _, name) in zip(found[i : j + 1] + found[j + 1 : k + 1], run + run, strict=True):
                        r["metric"] = name
                    j = k
            elif j - i + 1 == len(run) and _LIST_AFTER.fullmatch(text[spans[j][1] : run[0][0]]):
                # "33.6% and 14.8% in MAE and MSE, respectively": the metrics written after the values
                if re.match(r"\s*,?\s*respectively", text[run[-1][1] :]):
                    for r, (_, _, name) in zip(found[i : j + 1], run, strict=True):
                        r["metric"] = name
            i = j + 1


def _to_list(found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str, j: int, n: int) -> int | None:
    """The last index of a list of ``n`` values written after the value ``j`` and "to", followed by "respectively"
    (the second ends of a list of changes), else None."""
    if j + n >= len(found) or not re.fullmatch(r"\s*to\s+", text[spans[j][1] : spans[j + 1][0]]):
        return None
    k = j + n
    joined = all(
        re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", text[spans[x][1] : spans[x + 1][0]]) for x in range(j + 1, k)
    )
    return k if joined and re.match(r"\s*,?\s*respectively", text[spans[k][1] :]) else None


_PHRASE_LIST = re.compile(
    r"\s*(?:[a-z][\w-]*\s+){0,2}?in\s+(?:the\s+)?"
    r"(?P<l>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}(?:,\s*(?:and\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})*"
    r",?\s+and\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}),?\s+respectively"
)


def zip_phrase_list(found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str) -> None:
    """ "6.5%, 4.7%, 5.8% improvements in in-domain accuracy, task transfer, and shift robustness, respectively": a
    list of values followed by "in" and as many lower-case phrases (no lexicon metric list: ``zip_respectively``)
    takes them in order as metrics, unless a value names its own metric."""
    if "respectively" not in text or len(found) < 2:
        return
    i = 0
    while i < len(found):
        j = i
        while j + 1 < len(found) and re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", text[spans[j][1] : spans[j + 1][0]]):
            j += 1
        m = _PHRASE_LIST.match(text, spans[j][1])
        if m and j > i:
            names = [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("l")) if n.strip()]
            named = next((r["metric"] for r in found[i : j + 1] if r["_named"]), None)
            if len(names) == j - i + 1:  # "success rates of 85% and 72% in straight and curved segments,
                for r, name in zip(found[i : j + 1], names, strict=True):  # respectively": where, not what
                    r["metric"] = r["metric"] if r["_named"] else named or name
        i = j + 1


_PAREN_OPEN = re.compile(r"\s*\(\s*(?:an?\s+|by\s+)?")


def paren_deltas(found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str) -> None:
    """ "MultiNLI accuracy to 86.7% (4.6% absolute improvement)": a change in brackets right after a value is that
    value's change, of its metric and dataset (whatever metric a later phrase names)."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    for a, b in zip(order, order[1:], strict=False):
        prev, row = found[a], found[b]
        if row["kind"] != "delta" or prev["kind"] == "delta" or prev["metric"] is None:
            continue
        if _PAREN_OPEN.fullmatch(text[spans[a][1] : spans[b][0]]):
            row["metric"], row["dataset"] = prev["metric"], prev["dataset"]


# "<noun> [adverb] jumps from A to B", "<noun> remaining relatively stable (A to B)", "<noun> gains (A to B)"
_SUBJECT_OF_CHANGE = re.compile(
    r"(?<![\w-])(?P<m>[a-z][\w-]*)\s+(?:\w+ly\s+)?(?:(?:jump|rise|drop|fall|climb|grow|decline|improve|increase|"
    r"decrease)s?|gains?|(?:remain(?:s|ing)?|stay(?:s|ing)?)\s+(?:\w+ly\s+)?(?:stable|steady|flat|unchanged))"
    r"(?:\s+\w+ly)?\s*(?:\(|from\s+)$"
)

# subjects whose change is not a metric's ("the model improves from 61% to 70%": of a metric named elsewhere)
_THING = re.compile(
    r"(?i)^(?:models?|methods?|approach(?:es)?|systems?|frameworks?|baselines?|agents?|polic(?:y|ies)|networks?|"
    r"pipelines?|training|variants?|it|which|that)$"
)


def subjects_of_change(found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str) -> None:
    """ "faithfulness jumps from 0.270 to 0.891", "with faithfulness remaining stable (0.540 to 0.510)": the noun
    whose change a pair of values gives is their metric, over a lexicon word farther off; not when a value names its
    own metric ("improves from 81% to 86% accuracy")."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    for a, b in zip(order, order[1:], strict=False):
        m = _SUBJECT_OF_CHANGE.search(text, max(0, spans[a][0] - 80), spans[a][0])
        if m is None or _NOT_NP.match(m.group("m")) or _VAGUE_HEAD.match(m.group("m")) or _THING.match(m.group("m")):
            continue
        if not re.fullmatch(r"\s*to\s+", text[spans[a][1] : spans[b][0]]) or found[a]["_named"] or found[b]["_named"]:
            continue
        found[a]["metric"] = found[b]["metric"] = m.group("m")


def is_statistic(text: str, end: int, metric: str | None, kind: str, metrics: list[tuple[int, int, str]]) -> bool:
    """A share with no metric in a sentence that names no metric and reports no performance: a fact about the
    subject, not a result ("91% of the time" is a result: how often something is achieved; so is a share in a
    sentence about a named system, "Mem0 still leaves 57.5% of checks violated")."""
    if metric is not None or kind != "absolute" or metrics or _OF_CASES.match(text, end):
        return False
    return not _PERFORMANCE.search(text) and not _SYSTEM_NAME.search(text)


_OF_CASES = re.compile(
    r"\s*of\s+(?:the\s+|all\s+)?(?:cases|instances|trials|runs|episodes|attempts|queries|questions|time)\b"
)
_DONE_VERB = r"\b(?:provid|produc|giv|generat|answer|solv|detect|identif|classif|find|found|pass|complet|predict)\w*"
_DONE_IN = re.compile(
    rf"(?:{_DONE_VERB}|(?:,|\band)(?:\s+{_DONE_VERB})?)\s+"
    r"(?P<m>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,5}?)(?:\s+of\s+[\w\s-]+?)?\s+in\s+(?:about\s+|only\s+|over\s+)?$"
)


def share_of_cases(text: str, start: int, end: int) -> str | None:
    """ "provides correct answers in 55.6% of cases": the metric is what is done ("correct answers")."""
    if not _OF_CASES.match(text, end):
        return None
    m = _DONE_IN.search(text[max(0, start - 100) : start])
    return m.group("m") if m else None

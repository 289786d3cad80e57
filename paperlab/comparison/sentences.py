"""Facets and results read from sentences ("94.70% linear accuracy on CIFAR-10 with SimCLR")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..paper import Paper
from .datasets import dataset_candidates, dataset_for, names_listed_after, names_listed_before
from .flat import flat_sentence
from .governing import (
    alias_hits,
    governing_phrase,
    is_statistic,
    paren_deltas,
    share_of_cases,
    subjects_of_change,
    zip_phrase_list,
    zip_respectively,
)
from .lexicons import generic_metric_hits, is_known, lexicon_hits, lexicon_names
from .metric_names import name_metrics
from .metric_ranker import noun_of, rank_metric, rank_unnamed, tidy_metric
from .metric_reviser import revise_metrics
from .non_results import not_a_result, only_across_clause
from .ranges import (
    bare_range_end,
    glued_letter,
    pair_neighbours,
    range_named_after,
    range_tail_row,
    share_list_unit,
    starts_change,
)
from .result_classifier import judge_results
from .slash_lists import is_rating, zip_slash_lists
from .value_kind import (
    ADVERBS,
    DELTA_AFTER,
    DELTA_BEFORE,
    UNIT_NAMES,
    direction_of,
    is_result,
    is_speedup,
    kind_and_value,
    share_gain_lists,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["extract_facets", "extract_results"]


def _sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; a period followed by a digit (a decimal) does not end a sentence."""
    out = []
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z(\"'“*])|\n\s*\n", text):
        chunk = text[start : m.start()]
        if chunk.strip():
            out.append((start, chunk))
        start = m.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return out


def extract_facets(paper_or_text: Paper | str) -> dict[str, list[str]]:
    """Task, datasets and metrics mentioned in a paper's title and abstract (or in a text).

    Parameters
    ----------
    paper_or_text : Paper or str

    Returns
    -------
    dict
        ``{"task": [...], "datasets": [...], "metrics": [...]}``, each in order of first mention.
    """
    if isinstance(paper_or_text, Paper):
        p = paper_or_text
        notes = p.extra.get("notes") if isinstance(p.extra.get("notes"), str) else ""
        text = " ".join(t for t in (p.title, p.abstract or "", p.ai_summary or "", notes) if t)
    else:
        text = paper_or_text or ""
    metrics = [m for m in lexicon_names("metric", text) if m not in ("average", "compute")]
    return {"task": lexicon_names("task", text), "datasets": lexicon_names("dataset", text), "metrics": metrics}


_NUM = r"[-+−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+−]?\d+(?:\.\d+)?"


_VALUE_RE = re.compile(
    # "6.5×--8.3×", "40%--97%": a range written with "--" (not "COVID--19")
    rf"(?<![\w.@])(?<![^\d\s%x×-]-)(?<![^\d\s%x×)]--)(?<![^\d][x×]-)(?<![A-Za-wyz0-9]/)(?:(?<![\d%-])(?P<sign>\(?[+−-]))?(?P<num>{_NUM.replace('[-+−]?', '')})"
    r"\s?(?P<unit>%p(?![\w])|%\s?points?\b|%|-fold\b|-points?\b|(?<=\d)X(?![\w])|\s?(?:percentage[ -]points?\b|p\.p\.|pp\b|points\b|percent\b)|\s?times(?=\s+(?:[a-z][\w-]*\s+){0,2}?(?:faster|fewer|less|lower|higher|smaller|larger|more|speed-?ups?|acceleration|improvements?|gains?|reductions?|increases?)\b|\s+the\s+[a-z][\w-]*\s+of\b|\s+(?:compared|relative)\s+(?:to|with)\b)|[x×](?![\w])(?!\s*10\b)(?!\s*\d)|)"
)

# a number in a range whose unit is written once, after the second number ("17-28%", "100 -- 85%")
_RANGE_TAIL = re.compile(
    rf"\s*(?:--?|–|—|to|±|\+/-|and|or)\s*(?:{_NUM})\s?(?P<unit>%|[x×](?![\w])|percentage points\b|pp\b|-?points\b)"
)
# a model's or a corpus's scale ("175B parameters", "a 70B-parameter model", "1.5T tokens", "7B LLMs") or a number
# glued to a word by a hyphen ("16-bit", "5-shot", "3-layer", "2-stage"): a setting, never a result ("-fold",
# "-point(s)", "-percent" are units; a size reported on its own, "a smaller model size (2.3M)", stays a result)
_SIZE_OR_COMPOUND = re.compile(
    r"[KMBT](?:\s+|-)(?:[a-z-]+\s+)?(?:parameters?|params|tokens|models?|LLMs?|scale)\b(?!\s*(?:/|per\b))"
    r"|-(?!fold\b|points?\b|percent\b|times\b)[A-Za-z]"
)  # (not a rate, "1.2M tokens/s", "3.4K tokens per second"; nor the size of a change, "by 1.5K tokens")
_RANGE_TAIL_TIMES = re.compile(
    _RANGE_TAIL.pattern.replace("(?P<unit>", r"(?P<unit>times\b|")
)  # "6-8 times" (second look)

_RESULT_COLUMNS = [
    "paper",
    "method",
    "dataset",
    "metric",
    "value",
    "unit",
    "kind",
    "setting",
    "source",
    "where",
    "evidence",
    "direction",
    "metric_as_written",
]


_SETTING_RE = re.compile(
    r"^\s*(?:,\s*)?(?:with|using|on|for|based on)\s+(?:the\s+)?"
    r"(?P<s>[A-Z][\w.\-/]*(?:[ -](?:[A-Z0-9][\w.\-/]*|v\d))*)"
)


_METHOD_RE = re.compile(
    r"(?P<m>\b[A-Z][\w\-.]*[A-Z0-9][\w\-.]*)(?:\s+\([^)]*\))?\s+(?:also\s+|further\s+|consistently\s+|"
    r"significantly\s+)?(?:achieves|obtains|reaches|attains|improves|boosts|outperforms|yields|"
    r"gets|scores|surpasses|exceeds|sets|shows|reduces)\b"
)


def extract_results(paper_or_text: Paper | str, *, source: str | None = None) -> pd.DataFrame:
    """Results reported in sentences, one row per value.

    A value is a candidate when it carries a unit (``%``, points, ``x``) or sits right
    next to a metric ("MRR of 0.45", "pass@1 = 41.4%"); counts such as "16 datasets" or
    "200 epochs" are not results. A learned classifier then drops candidates that are
    measurements, statistics or settings ("OR = 7.27, 95% CI 2.17-24.36", "masses below
    1.2 TeV at 95% confidence level") and admits a bare number it is confident about
    ("0.61 rFID"); it errs (e.g. keeps "about 800 GeV at 95% confidence level").
    For each value the nearest metric in its clause, a
    dataset ("on CIFAR-10", or the one dataset of the sentence, or the i-th of a
    "respectively" list), the setting ("with SimCLR") and the method (the sentence's
    subject, "AdaInf obtains ...") are attached.

    Parameters
    ----------
    paper_or_text : Paper or str
        A paper (its abstract is read) or any text.
    source : str, optional
        Provenance label; defaults to the paper's id.

    Returns
    -------
    pandas.DataFrame
        Columns ``paper, method, dataset, metric, value, unit, kind, setting, source, where, evidence,
        direction, metric_as_written``; ``metric`` in its canonical form ("BLEU" for "sacreBLEU score", "rank
        quality" for "mean rank quality"), ``metric_as_written`` the sentence's phrase; ``kind`` is ``"absolute"`` or ``"delta"`` (a change
        "by 6.4%", "(+5.9%)"); ``direction`` of a delta is ``"down"`` for a reduction ("reducing MSE by 4%": value 4,
        shown "−4% MSE") else ``"up"``; ``where`` is ``"sentence N"``; ``evidence`` the sentence.
    """
    import pandas as pd

    if isinstance(paper_or_text, Paper):
        paper_id: str | None = paper_or_text.id
        text = paper_or_text.abstract or ""
    elif isinstance(paper_or_text, str):
        paper_id, text = None, paper_or_text
    else:
        raise TypeError(f"extract_results expects a Paper or a str, not {type(paper_or_text).__name__}")
    items = [
        _results_in_sentence(sent, paper_id, source or paper_id or "<text>", f"sentence {n}")
        for n, (_, sent) in enumerate(_sentences(text), start=1)
    ]
    revise_metrics(items)  # the learned second look at each metric (one encoder batch per abstract)
    name_metrics(items)  # each metric in its canonical form, the phrase as written kept in metric_as_written
    frame = pd.DataFrame([r for _, kept, _, _ in items for r in kept], columns=_RESULT_COLUMNS)
    frame["value"] = frame["value"].astype("float64")  # one column: the frame's astype({...}) took 4x as long
    return frame


def _results_in_sentence(
    sent: str, paper_id: str | None, source: str, where: str
) -> tuple[str, list[dict[str, Any]], list[tuple[int, int]], list[tuple[int, int, str]]]:
    """The results of one sentence: its flat text, the kept rows, their spans and the sentence's metric hits."""
    sent_flat = flat_sentence(sent)
    found, spans = kept_numbers(sent_flat)
    judge_results(found, spans, sent_flat)  # the learned results-vs-non-results classifier
    for r in found:
        if r.pop("_points", False):
            r["unit"] = None  # "12 points", "a 5.9-point gain": a difference (kind delta) of a score, not a percentage
        if r["kind"] == "delta" and r["value"] is not None and r["value"] < 0:
            r["direction"] = "down"  # "(-2.3%)", "by -3.2%": a change written with a minus goes down
        r.update(paper=paper_id, source=source, where=where, evidence=sent_flat)  # readable: no LaTeX, no **
        r.pop("_named", None)
        r.pop("_sure", None)
    kept = [(r, span) for r, span in zip(found, spans, strict=True) if not r.pop("_drop", False)]
    return sent_flat, [r for r, _ in kept], [span for _, span in kept], _metric_hits(sent_flat)


def kept_numbers(sent_flat: str) -> tuple[list[dict[str, Any]], list[tuple[int, int]]]:
    """The numbers of a flat sentence that the rules keep as results (rows, spans), before the classifier; bare
    numbers (no unit, no metric next to them: "0.61 rFID", "from 82.18 to 88.37") follow, marked ``_bare``."""
    metrics = _metric_hits(sent_flat)
    datasets = dataset_candidates(sent_flat, lexicon_hits("dataset", sent_flat))
    found: list[dict[str, Any]] = []
    spans: list[tuple[int, int]] = []
    rest = []
    for m in _VALUE_RE.finditer(sent_flat):
        row = _value_at(m, sent_flat, metrics, datasets)
        if row is not None:
            found.append(row)
            spans.append((m.start("num"), m.end()))
        else:
            rest.append(m)
    before = [r["metric"] for r in found]
    _coordinate(found, spans, sent_flat, datasets)
    zip_respectively(found, spans, sent_flat, metrics)
    _mark_fixed(found, before)
    rank_unnamed(found, spans, sent_flat, metrics)
    before = [r["metric"] for r in found]
    zip_phrase_list(found, spans, sent_flat)
    _metric_named_later(found, spans)
    _mark_fixed(found, before)
    for m in rest:
        if (row := _second_look(m, found, spans, sent_flat, metrics, datasets)) is not None:
            found.append(row)
            spans.append((m.start("num"), m.end()))
    range_named_after(found, spans, sent_flat)
    order = sorted(range(len(spans)), key=lambda i: spans[i])  # bare values of a list ("are 0.81, 0.77 and 0.79,
    found, spans = [found[i] for i in order], [spans[i] for i in order]  # respectively") came after the first zip
    before = [r["metric"] for r in found]
    if share_list_unit(found, spans, sent_flat):
        _coordinate(found, spans, sent_flat, datasets)
    zip_respectively(found, spans, sent_flat, metrics)
    zip_slash_lists(found, spans, sent_flat)
    paren_deltas(found, spans, sent_flat)
    subjects_of_change(found, spans, sent_flat)
    share_gain_lists(found, spans, sent_flat)
    _mark_fixed(found, before)
    for r in found:
        r["metric"] = tidy_metric(r["metric"])
    order = sorted(range(len(spans)), key=lambda i: spans[i])  # rows in sentence order
    return [found[i] for i in order], [spans[i] for i in order]


def _second_look(m: re.Match[str], found: list, spans: list, text: str, metrics: list, datasets: list) -> dict | None:
    """A number the rules rejected, looked at again: the end of a kept value's range or change ("from 0.7817 to
    0.9627", "1.6-9.3×"), an end of a range of multiples or a value compared with ("compared with 83.8%"), else a bare
    number (``_bare``: the classifier needs to be surer of it)."""
    at, end = m.start("num"), m.end()
    if (row := range_tail_row(m, found, spans, text, _RANGE_TAIL_TIMES)) is not None:
        return row
    if not glued_letter(m, text) and (row := _value_at(m, text, metrics, datasets, second=True)):
        row["metric"] = row["metric"] or rank_metric(text, at, end, row["unit"] or "", row["kind"], metrics)
        if starts_change(text, at) and row["unit"] != "pp":
            row.update(kind="absolute", direction=None)  # "from 1.2x to 2.1x": the two levels of a change
        return {**row, "_bare": False}
    if (row := _value_at(m, text, metrics, datasets, bare=True)) is not None:
        row["_bare"] = not bare_range_end(row, found, spans, text, at)
        row["_fixed"] = row["_fixed"] or not row["_bare"]  # a range end shares its first value's metric
        row["metric"] = row["metric"] or rank_metric(text, at, end, "", row["kind"], metrics)
        row["metric"] = None if only_across_clause(text, at, row["metric"]) else row["metric"]
    return row


def _mark_fixed(found: list[dict[str, Any]], before: list[object]) -> None:
    """Rows whose metric a structural rule (lists, "respectively", slash lists) set are ``_fixed``, and so are the rows
    they took it from: the learned reviser (:mod:`.metric_reviser`) leaves their metric alone."""
    changed = [r["metric"] != old for r, old in zip(found, before, strict=False)]
    shared = {r["metric"] for r, c in zip(found, changed, strict=False) if c} - {None}
    for r, c in zip(found, changed + [False] * len(found), strict=False):
        r["_fixed"] = r["_fixed"] or c or r["metric"] in shared


def _metric_hits(text: str) -> list[tuple[int, int, str]]:
    """Lexicon metrics (not "average") and metric phrases outside the lexicon ("decoding cost", "in MAE"), in order."""
    metrics = [h for h in lexicon_hits("metric", text) if h[2] != "average"]
    datasets = lexicon_hits("dataset", text)
    generic = [h for h in generic_metric_hits(text, metrics) if not any(h[0] < e and s < h[1] for s, e, _ in datasets)]
    # "mean average precision (mAP) detection rate": a head noun after a lexicon metric names that metric
    generic = [
        h
        for h in generic
        if not any(re.fullmatch(r"\s*(?:\([^()]*\)\s*)?", text[e : h[0]]) for _, e, _ in metrics if e <= h[0])
    ]
    # "at a signal-to-noise ratio of 1 dB", "at a 10% false positive rate": a condition, not what is measured
    condition = re.compile(r"(?i)\bat\s+(?:an?|the)\s+(?:[\d.]+\s?%\s+)?$")
    hits = [h for h in metrics + generic if not condition.search(text[max(0, h[0] - 16) : h[0]])]
    return alias_hits(text, sorted(hits))  # "area under curve (AUC)", "success rate (SR)"


def _value_at(
    m: re.Match[str],
    text: str,
    metrics: list[tuple[int, int, str]],
    datasets: list[tuple[int, int, str]],
    bare: bool = False,
    second: bool = False,
) -> dict[str, Any] | None:
    """The result a number in a sentence reports, or None when it is part of a name, a count or a setting
    (``second``: the second look at a number rejected, :func:`.value_kind.is_result`)."""
    unit = m.group("unit").strip()
    start, end, range_end = m.start("num"), m.end(), None
    if not unit and (r := (_RANGE_TAIL_TIMES if second else _RANGE_TAIL).match(text, end)):
        unit = r.group("unit").lstrip("-")  # "17-28%": the first number of the range shares the unit
        range_end = r.end()
        if re.match(r"\s*(?:±|\+/-)", text[end:]):
            end = r.end()  # "85.3 ± 0.4% accuracy": the metric follows the spread
    points, unit = unit in ("points", "-point", "-points"), UNIT_NAMES.get(unit, unit)  # score points: no unit
    if not unit and re.search(r"×\s*$", text[:start]):
        unit = "x"  # "a ×1.59 higher acceptance length": the multiple written before the number
    if any(s <= start < e for s, e, _ in metrics + datasets):
        return None  # part of a name: pass@200, CIFAR-10, ROUGE-1
    if re.search(r"\d{4}-\d{1,2}-$|\d{4}-$", text[:start]) or re.match(r"-\d{1,2}-\d{1,2}\b", text[end:]):
        return None  # part of a date: "GPT-4o-mini-2024-07-18", "2024-07-18"
    if not_a_result(text, start, m.end(), unit):
        return None  # a spread, a p-value, an interval, a size, a version or an id (:mod:`.non_results`)
    size = None if unit else _SIZE_OR_COMPOUND.match(text, end)
    if size and not (size[0][0] != "-" and re.search(r"\bby\s*$", text[max(0, start - 10) : start])):
        return None  # a size or a compound adjective: "175B parameters", "a 16-bit model", "5-shot", "3-layer"
    adjacent_metric = _adjacent_metric(metrics, start, end, text)
    named_metric = _metric_named_after(metrics, end, text) or adjacent_metric  # "by 1.48% in accuracy" wins
    if named_metric is None and (unit or "." in m.group("num")):
        named_metric = noun_of(text, start)  # "a mean compliance of 0.50": "<phrase> of N" names the value
    if bare and (unit or named_metric or not re.search(r"\.\d|^\d{2,3}$", m.group("num"))):
        return None  # bare: a decimal or a 2-3 digit number the strict rules rejected for want of unit and metric
    if bare and re.search(r"(?:\S\s+|[(~])[A-Z][\w-]*[a-z][\w-]*[\s~]$", text[max(0, start - 30) : start]):
        return None  # a version in a name: "AlpacaEval 2.0", "Llama 3.1", "Gemini 1.5 Pro"
    if not is_result(text, start, end, unit, named_metric, bare, second) and not is_rating(text, start, end):
        return None
    kind, value = kind_and_value(m, text, (start, end), unit, range_end)
    shaped = (
        named_metric
        or _modifier_metric(text, end, metrics)
        or share_of_cases(text, start, end)
        or governing_phrase(text, start)  # "a discordance of 17%", "cutting the closure timeline by 50%"
    )
    nearby = _nearest_in_clause(metrics, start, end, text)
    if is_statistic(text, end, shaped or nearby, kind, metrics) and not is_rating(text, start, end):
        return None  # "15% of the world's population has ...": no performance reported
    metric = (_multiple_metric(text, start, end, shaped, shaped or nearby) if unit == "x" else None) or shaped or nearby
    subjects = list(_METHOD_RE.finditer(text[:start]))
    return {
        "paper": None,
        "method": subjects[-1].group("m") if subjects else None,
        "dataset": dataset_for(datasets, start, end, text),
        "metric": metric,
        "value": value,
        "unit": unit or None,
        "kind": kind,
        "setting": _setting_after(text, end, metrics + datasets),
        "source": None,
        "where": None,
        "evidence": None,
        "direction": direction_of(text, start, end, kind),
        "_named": named_metric is not None,
        "_sure": is_rating(text, start, end),  # a score on a scale: the classifier does not judge it
        "_fixed": shaped is not None or metric == "speedup",  # named by a known shape: not revised
        "_points": points,
    }


def _multiple_metric(text: str, start: int, end: int, shaped: str | None, metric: str | None) -> str | None:
    """What a multiple measures when its shape says so: "4 times faster", "a 3x speed-up", "3.32x training
    acceleration" (speedup), "while being 3.25x smaller" (model size); None otherwise."""
    if (shaped is None or "speed" in str(metric)) and is_speedup(text, start, end):
        return "speedup"
    if re.match(r"\s*(?:faster|(?:[a-z][\w-]*\s+)?(?:speed-?ups?|acceleration))\b", text[end:]):
        return "speedup"  # "a 7X speed-up in computational efficiency"
    if shaped is None and re.match(r"\s*(?:smaller|larger)\b(?!\s+[a-z])", text[end:]):
        return "model size"  # "than models up to 20x larger"
    return None


def _setting_after(text: str, end: int, hits: list[tuple[int, int, str]]) -> str | None:
    """ "94.70% linear accuracy on CIFAR-10 with SimCLR": skip the metric and dataset to find the setting."""
    tail_at = end
    for _ in range(3):
        tail = text[tail_at:]
        sm = _SETTING_RE.match(tail)
        if sm is None:
            hit = _leading_hit(hits, text, tail_at)
            if hit is None:
                return None
            tail_at = hit
            continue
        if is_known(sm.group("s")) or any(s == tail_at + sm.start("s") for s, _, _ in hits):
            tail_at += sm.end()
            continue
        return sm.group("s")
    return None


def _modifier_metric(text: str, end: int, metrics: list[tuple[int, int, str]]) -> str | None:
    """ "88.3% zero-shot and 91.1% fine-tuning accuracy": the first value's metric is "zero-shot accuracy"."""
    m = re.match(r"\s+([\w-]+(?:\s[\w-]+)?)\s+(?:and|or|,)\s", text[end:])
    if not m:
        return None
    nxt = next(((s, e, n) for s, e, n in metrics if s > end), None)
    if nxt is None:
        return None
    head = text[nxt[0] : nxt[1]].split()[-1]
    candidate = f"{m.group(1)} {head}"
    hits = lexicon_hits("metric", candidate)
    return hits[0][2] if hits and hits[0][0] == 0 and hits[0][1] == len(candidate) else None


def _coordinate(
    found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str, datasets: list[tuple[int, int, str]]
) -> None:
    """Share kind, metric and dataset across coordinated values ("by 13.3%, 10.5%, and 5.9% on MRR")."""
    groups: list[list[int]] = []
    for i in range(len(found)):
        gap = text[spans[i - 1][1] : spans[i][0]] if i else None
        if (
            i
            and re.fullmatch(r"\s*(?:,|/|,?\s*and|,?\s*or|vs\.?|versus)\s*", gap or "x")
            and found[i]["unit"] == found[i - 1]["unit"]
        ):
            groups[-1].append(i)
        else:
            groups.append([i])
    for g in groups:
        if len(g) < 2:
            continue
        rows = [found[i] for i in g]
        first_start, last_end = spans[g[0]][0], spans[g[-1]][1]
        before, after = text[max(0, first_start - 40) : first_start], text[last_end : last_end + 60]
        if re.search(r"(?:with|using|on|of)\s+(?:only\s+)?$", before) and re.match(
            r"\s*(?:of the |of )?(?:labeled|labelled|training|the)?\s*(?:data|labels|samples)", after
        ):
            for r in rows:
                r["_drop"] = True  # "with 10% and 1% labeled data": settings, not results
            continue
        if DELTA_BEFORE.search(before) or DELTA_AFTER.match(after) or any(r["kind"] == "delta" for r in rows[:1]):
            down = any(direction_of(text, *spans[i], "delta") == "down" for i in (g[0], g[-1]))
            for r in rows:  # "reducing MSE by 4%, 6%, and 5%", "4%, 6% and 5% lower": the list shares the direction
                r["kind"], r["direction"] = "delta", "down" if down else "up"
        tail_metric = rows[-1]["metric"]
        for r in rows:
            if r["metric"] is None or (r["metric"] != tail_metric and _adjacent_metric_is_tail(text, spans, g)):
                r["metric"] = tail_metric
        # "benchmarks such as GAIA and LoCoMo by 6.1% and 4.8%": zip a list of names with the values
        names = [d for d in datasets if d[1] <= first_start]
        run = _trailing_name_list(names, text)
        if len(run) == len(rows) and "respectively" not in after[:15] or len(run) == len(rows):
            for r, (_, _, n) in zip(rows, run, strict=False):
                r["dataset"] = n
        listed = names_listed_after(text, last_end)  # "by 4%, 6%, and 5% on Traffic, ECL and Solar": in order
        listed = listed if len(listed) == len(rows) or run else names_listed_before(text, first_start)
        if len(listed) == len(rows):
            for r, n in zip(rows, listed, strict=True):
                r["dataset"], r["setting"] = n, None if r["setting"] in listed else r["setting"]
    pair_neighbours(found, spans, text)
    # inherit a metric from an earlier value of the same unit in the sentence ("... (95.0%)")
    last: dict[tuple[str | None, str], str] = {}
    for r in found:
        if r["metric"] is None and (r["unit"], r["kind"]) in last:
            r["metric"] = last[r["unit"], r["kind"]]
        elif r["metric"] is None and r["kind"] == "delta" and last:
            r["metric"] = list(last.values())[-1]  # "... error to 0.0035; an 8% improvement": the gain is in error
        if r["metric"] is not None:
            last[r["unit"], r["kind"]] = r["metric"]
    _apply_respectively(found, datasets, text)


def _metric_named_later(found: list[dict[str, Any]], spans: list[tuple[int, int]]) -> None:
    """ "On Near-OOD (95.0%) and Far-OOD (97.1%), it reaches the best AUROC": a value with no metric takes the metric
    of the next value of its unit and kind when that value follows closely (one metric named once for several
    values), not across a clause that names its own ("19.47% and content consistency improving by 12.95%")."""
    for i in range(len(found) - 2, -1, -1):
        r, n = found[i], found[i + 1]
        close = spans[i + 1][0] - spans[i][1] <= 30
        if r["metric"] is None and close and (r["unit"], r["kind"]) == (n["unit"], n["kind"]):
            r["metric"] = n["metric"]


def _adjacent_metric_is_tail(text: str, spans: list[tuple[int, int]], g: list[int]) -> bool:
    """True when only the last value of a list is directly followed by a metric ("... and 5.9% on average MRR")."""
    inner = [text[spans[i][1] : spans[i + 1][0]] for i in g[:-1]] if len(g) > 1 else []
    return all(re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or|vs\.?|versus)\s*", x) for x in inner)


def _trailing_name_list(names: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """The last run of names joined by commas/'and' (e.g. "GAIA and LoCoMo")."""
    run: list[tuple[int, int, str]] = []
    for d in reversed(names):
        if run and not re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", text[d[1] : run[0][0]]):
            break
        run.insert(0, d)
    return run if len(run) >= 2 else []


def _leading_hit(hits: list[tuple[int, int, str]], text: str, pos: int) -> int | None:
    """End of a lexicon hit starting within a few words after ``pos`` (e.g. the metric after a value)."""
    for s, e, _ in hits:
        if pos <= s <= pos + 25 and re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", text[pos:s]):
            return e
    return None


_BEFORE_VALUE = re.compile(
    r"\s*\)?\s*(?:of|=|:|is|are|at|to|was|were|becomes|reach(?:es|ed|ing)?|achiev(?:es|ed|ing)|attain(?:s|ed|ing)|"
    r"\(|score of|scores? of|by|from|"  # "F1 increases from 0.71", "latency drops by 3x"
    r"(?:increas|decreas|improv|ris|rose|drop|fall|fell|grow|grew|jump|climb|declin|reduc|lower|boost|rais)\w*\s+"
    rf"(?:from|to|by))?{ADVERBS}\s*(?:an?\s+|only\s+)?[+−-]?"
)
# a metric, then where it was measured, then its value: "error on the N-body dataset to 0.0035"
_MEASURED_ON = re.compile(
    rf"\s+(?:on|in|for)\s+(?:the\s+)?(?:[\w-]+\s+){{1,4}}?(?:of|=|:|is|was|to|at|reaches|by){ADVERBS}\s*(?:an?\s+)?[+−-]?"
)


def _adjacent_metric(metrics: list[tuple[int, int, str]], start: int, end: int, text: str) -> str | None:
    """The metric written right after the value ("5.9% error") or right before it ("MRR of", "cost by 73%")."""
    after = [(s, name) for s, _, name in metrics if s >= end]
    if after and re.fullmatch(r"\s*(?:(?:more|less|fewer)\s+|[a-z]+-)?", text[end : after[0][0]]):
        return after[0][1]  # directly followed by a metric: it wins over one before ("accuracy (5.9% error)", "costs
        # 17x more energy per page")
    for _, e, name in reversed([h for h in metrics if h[1] <= start]):  # the closest before first
        between = re.sub(r"\s\([^()]*\)", "", text[e:start])
        if _BEFORE_VALUE.fullmatch(between) or (_MEASURED_ON.fullmatch(between) and not re.search(r"\d", between)):
            return name
    for s, name in after:
        between = text[end:s]
        if re.fullmatch(r"\s*(?:[\w°-]+\s+){0,2}", between) and s - end <= 30:
            if not re.search(
                r"\b(?:on|in|with|and|of|for|from|to|over|than|at|under|per|while|whereas|but)\b", between
            ):
                return name
    return None


def _metric_named_after(metrics: list[tuple[int, int, str]], end: int, text: str) -> str | None:
    """ "by 24% in MAE", "42.5% on average distance to reference set (ADRS)", "0.000127 of MSE"."""
    m = re.match(
        r"\s*(?:[\w-]+\s+)?(?:in|on|of)\s+(?:terms of\s+)?(?:the\s+)?(?:overall\s+|average\s+|mean\s+)?"
        r"(?:(?:[a-z][\w-]*\s+){0,6}\()?",
        text[end:],
    )
    if m is None:
        return None
    return next((name for s, _, name in metrics if s == end + m.end()), None)


def _nearest_in_clause(hits: list[tuple[int, int, str]], start: int, end: int, text: str) -> str | None:
    best: tuple[int, str] | None = None
    for s, e, name in hits:
        lo, hi = (e, start) if e <= start else (end, s)
        gap = text[lo:hi]
        if re.search(r"[;]|\bwhile\b|\bwhereas\b|\bbut\b|\d\s?%", gap):
            continue
        if (
            s >= end
            and re.search(r"\band\b", gap)
            and re.match(r"\s+(?:(?:by|of|from|is|was|are|were)\b|[=:])", text[e:])
        ):
            continue  # "... by 6.31x and energy efficiency by 11.29x", "... and macro F1 is 91.7%": its own values
        dist = hi - lo + (0 if e <= start else 5)  # prefer a metric before the value ("accuracy to 81.8%")
        if dist <= 120 and (best is None or dist < best[0]):
            best = (dist, name)
    return best[1] if best else None


def _apply_respectively(found: list[dict[str, Any]], datasets: list[tuple[int, int, str]], text: str) -> None:
    if "respectively" not in text:
        return
    names = list(dict.fromkeys(name for _, _, name in datasets))
    absolute = [r for r in found if r["kind"] == "absolute"]
    deltas = [r for r in found if r["kind"] == "delta"]
    for group in (absolute, deltas):
        if len(names) >= 2 and len(group) == len(names):
            for r, name in zip(group, names, strict=False):
                r["dataset"] = name
    if absolute and len(deltas) == len(absolute):  # "88.3% ... and 91.1% ..., surpassing ... by 2% and 0.1%"
        for a, d in zip(absolute, deltas, strict=False):
            d["metric"], d["dataset"] = a["metric"], d["dataset"] or a["dataset"]

"""Values written as slash lists ("P/R/F1 of 0.81/0.74/0.77", "Top-1/NDCG scores of 0.35/0.73") and ratings on a
scale ("worth adding (4.53/5.0)")."""

from __future__ import annotations

import re
from typing import Any

from .lexicons import generic_metric_hits, is_known_metric

__all__ = ["is_rating", "zip_slash_lists"]

_NAME = r"[A-Za-z][\w@-]*(?:\.\d+)?"
_SLASH = re.compile(
    rf"(?<![\w/])(?P<names>{_NAME}(?:/{_NAME})+)\s+(?:[a-z]+\s+){{0,2}}?"
    r"(?:(?:of|=|:|is|are|was|were|at)\s+)?(?P<vals>\d+(?:\.\d+)?%?(?:/\d+(?:\.\d+)?%?)+)(?![\w/])"
)
_RATING = re.compile(r"\s*/\s*(?:5|10)(?:\.0+)?(?![\d.]*\d)")
# "Precision and recall are 0.91/0.87": metric names joined by commas and "and" before a slash list of as many values
_JOINED = re.compile(
    rf"(?<![\w/])(?P<names>{_NAME}(?:(?:,\s*|,?\s+and\s+){_NAME})+)\s+(?:[a-z]+\s+){{0,2}}?"
    r"(?:of|=|:|is|are|was|were|at|reach(?:es|ed)?)\s+(?P<vals>\d+(?:\.\d+)?%?(?:/\d+(?:\.\d+)?%?)+)(?![\w/])"
)


def is_rating(text: str, start: int, end: int) -> bool:
    """ "(4.53/5.0)", "4.85/5": a decimal score on a five- or ten-point scale is a result."""
    return "." in text[start:end] and _RATING.match(text, end) is not None


def zip_slash_lists(found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str) -> None:
    """ "Top-1/NDCG scores of 0.35/0.73": the first value (already read) takes the first name; each later value of the
    slash list becomes a row of its own with the name of its place (added to ``found`` and ``spans``, in order)."""
    for m in _SLASH.finditer(text):
        names = m.group("names").split("/")
        if len(names) != len(m.group("vals").split("/")):
            continue
        _zip(found, spans, names, m.start("vals"), m.group("vals"))
        # "... of 0.35/0.73 for Subtask A and 0.32/0.71 for Subtask B": later lists of as many values, same names
        for later in _VALUES.finditer(text, m.end()):
            if len(later.group(0).split("/")) == len(names):
                _zip(found, spans, names, later.start(), later.group(0))
    for m in _JOINED.finditer(text):
        names = re.split(r",?\s+and\s+|,\s*", m.group("names"))
        if len(names) == len(m.group("vals").split("/")) and all(map(_is_metric, names)):
            _zip(found, spans, names, m.start("vals"), m.group("vals"))  # each value its own metric, in order
    _unnamed(found, spans, text)


def _is_metric(name: str) -> bool:
    """A lexicon metric, or a metric word the lexicon's heads know ("recall", "latency"), as the whole name."""
    return is_known_metric(name) or [(s, e) for s, e, _ in generic_metric_hits(name, [])] == [(0, len(name))]


def _unnamed(found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str) -> None:
    """ "reaches 92.9/92.6% on clean/noisy scenes", "lossy (0.73/0.97)": a slash list of decimals that no list of names
    precedes reports one quantity several times: each later value is a row like the first (the unit written once, after
    the last value, is every value's)."""
    for m in _VALUES.finditer(text):
        raw_values = m.group(0).split("/")
        if (
            not all("." in v for v in raw_values)
            or len(raw_values) > 4
            or is_rating(text, m.start(), m.start() + len(raw_values[0]))
        ):
            continue  # "17/36" counts, "4.5/5" a rating
        first = next((i for i, (s, _) in enumerate(spans) if s == m.start()), None)
        if first is None or any(m.start() < s < m.end() for s, _ in spans):
            continue
        if raw_values[-1].endswith("%") and found[first]["unit"] is None:
            found[first]["unit"] = "%"
        at = m.start() + len(raw_values[0]) + 1
        for raw in raw_values[1:]:
            found.append({**found[first], "value": float(raw.rstrip("%")), "unit": found[first]["unit"]})
            spans.append((at, at + len(raw)))
            at += len(raw) + 1


_VALUES = re.compile(r"(?<![\w/.])\d+(?:\.\d+)?%?(?:/\d+(?:\.\d+)?%?)+(?![\w/])")


def _zip(found: list[dict[str, Any]], spans: list[tuple[int, int]], names: list[str], at: int, values: str) -> None:
    first = next((i for i, (s, _) in enumerate(spans) if s == at), None)
    if first is None:
        return
    raw_values = values.split("/")
    found[first]["metric"] = names[0]
    at += len(raw_values[0]) + 1
    for name, raw in zip(names[1:], raw_values[1:], strict=True):
        unit = "%" if raw.endswith("%") else found[first]["unit"]
        found.append({**found[first], "metric": name, "value": float(raw.rstrip("%")), "unit": unit})
        spans.append((at, at + len(raw)))
        at += len(raw) + 1

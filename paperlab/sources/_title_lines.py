"""Does a line without any id read as a paper's title? A small logistic model over the line's shape.

The generic paper finder (:mod:`._mentions`) asks it about list items and table cells that name no arXiv id, DOI
or paper address: "Deep ADMM-Net for Compressive Sensing MRI" is a paper, "Week 3: attention", "Tokenization",
"No class (holiday)", "Guest talk by Dana Ruiz" or a sentence of notes are not. The weights in
``title_line_model.json`` are fitted by ``benchmarks/train_title_lines.py`` on lines we wrote ourselves
(``benchmarks/data/title_lines.tsv``, dev half; its test half is the held-out check). A line is kept only when
at least one other item of its list (or row of its table) reads as a title too: a lone line of prose is no list
of papers, unless it cites its paper as a list of papers does: an author-and-year marker ("Title (Quill et al.,
2017)") or a venue and year ("Title (SIGMOD 2016)") after it.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources

from ._mention_lines import Line, usable_title

__all__ = ["FEATURES", "features", "is_paper_title", "title_score"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\w.-]*", re.U)
_SMALL = frozenset(
    "a an the of for and or in on to with via by from at as is are be we our is into over under without vs versus".split()
)
_COURSE = re.compile(
    r"^(?:week|wk|lecture|lec|chapter|ch|part|session|day|unit|module|lab|homework|hw|assignment|quiz|exam|midterm|"
    r"final|project|reading|readings|topic|intro|introduction|overview|review|holiday|no\s+(?:class|meeting)|cancel\w*|break|tbd|tba|"
    r"recap|guest|invited|office|deadline|due|presentation|discussion|welcome|organi[sz]ational|kick-?off|q&a|"
    r"第.{1,3}[章周节讲])\b",
    re.I,
)
_PROSE = re.compile(r"\b(?:we|you|i|will|should|please|must|can|read|see|meet|bring|submit|posted|due)\b", re.I)
_VENUE_TAIL = re.compile(r"(?:\(|,\s*)(?:[A-Z][A-Za-z]*[A-Z]|arXiv)[\s'’]*(?:19|20)?\d{2}\)?\s*$")
_TECH = re.compile(r"\b[A-Za-z]*[a-z][A-Z][A-Za-z]*\b|\b[A-Z]{2,}[a-z]*-?\w*\b|\w+-\w+")
_PERSON = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z]\.?)?\s+[A-Z][a-z]+(?:\s*(?:,|and|&)\s*[A-Z][a-z]+\s+[A-Z][a-z]+)*$")
# a line that is prose: two sentences, a sentence ending in a small word and a full stop, a clock time
_SENTENCES = re.compile(r"[a-z]{2}\.\s+[A-Z]|(?<![A-Za-z])[a-z]{2,}\)?\.$|\b\d{1,2}:\d{2}\b")
_YEAR_IN = re.compile(r"\b(?:19|20)\d{2}\b")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

FEATURES = (
    "bias",
    "log_words",
    "short",
    "capitalised",
    "colon",
    "ends_period",
    "venue_tail",
    "course_word",
    "prose_word",
    "tech_word",
    "person",
    "cjk",
    "question",
    "lower_start",
)


def features(text: str) -> list[float]:
    """The line's shape as numbers, in the order of :data:`FEATURES`."""
    words = _WORD.findall(text)
    content = [w for w in words if w.lower() not in _SMALL and w[:1].isalpha()]
    caps = sum(w[:1].isupper() for w in content) / len(content) if content else 0.0
    cjk = len(_CJK.findall(text)) / max(len(text), 1)
    return [
        1.0,
        math.log1p(len(words)),
        float(len(words) <= 2),
        caps,
        float(bool(re.search(r"\w[:：]\s+\S", text))),
        float(text.rstrip().endswith(".")),
        float(bool(_VENUE_TAIL.search(text))),
        float(bool(_COURSE.match(text.strip()))),
        float(bool(_PROSE.search(text))),
        float(bool(_TECH.search(text))),
        float(bool(_PERSON.match(text.strip()))),
        cjk,
        float(text.rstrip().endswith("?")),
        float(text[:1].islower()),
    ]


@cache
def _weights() -> list[float]:
    data = json.loads(resources.files(__package__).joinpath("title_line_model.json").read_text(encoding="utf-8"))
    if data.get("features") != list(FEATURES):
        raise RuntimeError("title_line_model.json was fitted on other features; run benchmarks/train_title_lines.py")
    return [float(w) for w in data["weights"]]


def title_score(text: str) -> float:
    """The model's probability that ``text`` is a paper's title."""
    z = sum(w * x for w, x in zip(_weights(), features(text), strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _siblings(lines: list[Line], i: int, near: int = 3) -> list[int]:
    """The nearest items of the same list (same indent, same heading, no other kind between but an item's lines
    run on at the margin) or rows of the same table: up to ``near`` on each side (so a list of thousands of items is read in linear time)."""
    line = lines[i]
    out = []
    for step in (-1, 1):
        j, taken = i + step, 0
        while 0 <= j < len(lines) and taken < near:
            other = lines[j]
            if other.kind == "blank" or other.wrapped or other.kind == "item" and other.indent > line.indent:
                j += step
                continue
            if other.kind != line.kind or other.heading != line.heading or other.indent != line.indent:
                break
            out.append(j)
            taken += 1
            j += step
    return out


# a line about a paper, not its title: it speaks of "the paper" or asks for so many words ("A short summary of
# the paper (~200 words)", "Strengths and weaknesses of this paper"): a task's deliverables, a template's fields
_ABOUT_A_PAPER = re.compile(
    r"\b(?:the|this|that|your|each|every)\s+(?:paper|papers|article|reading)\b|~\s*\d+\s*words\b|\(\s*\d+\s*words?\s*\)",
    re.I,
)


def _is_prose(text: str) -> bool:
    """Whether a line reads as sentences of prose rather than a title or a citation (which has a year), or speaks
    about a paper (:data:`_ABOUT_A_PAPER`)."""
    if _ABOUT_A_PAPER.search(text):
        return True
    return not _YEAR_IN.search(text) and bool(_SENTENCES.search(text.strip()) or _CJK_SENTENCE.search(text))


# a sentence of CJK prose: its full stop, or a semicolon between clauses (no title holds either)
_CJK_SENTENCE = re.compile(r"[。；！？]")


# a citation closing a title: "(Quill et al., 2017)", "(Quill & Renn, 2016)", "(Shazeer, 2020)", "(SIGMOD 2016)"
_CITED = re.compile(
    r"[(（](?:[^()（）]{1,24}[,，]\s*)?(?:[A-Z][\w'’-]+(?:\s+et\.?\s*al\.?|\s*等|\s*(?:&|\band\b)\s*[A-Z][\w'’-]+)?"
    r"[,，]?\s*|[A-Z][A-Za-z]*[A-Z][A-Za-z]*[\s'’]+)(?:19|20)\d{2}[)）]\s*$"
)


def is_paper_title(text: str, lines: list[Line], i: int, threshold: float = 0.5) -> bool:
    """Whether line ``i`` (its shown text ``text``) is a paper's title: the model says so, and so it says of at
    least one other item of its list or row of its table, or the line cites it (:data:`_CITED`) as a list item."""
    cited = lines[i].kind == "item" and _CITED.search(text) and not _is_prose(text)
    if cited and (
        len(_WORD.findall(_CITED.sub("", text))) >= 2 and title_score(text) >= threshold or _CJK.search(text)
    ):
        return True  # a lone "- [ ] "Attention Is All You Need" (Vaswani et al., 2017)", "《标题》（Quill 等, 2017）"
    if title_score(text) < threshold or _is_prose(text):
        return False
    for j in _siblings(lines, i):
        other = lines[j]
        shown = max(other.cells, key=len, default="") if other.kind == "row" else usable_title(other.text)
        if shown and title_score(shown) >= threshold and not _is_prose(shown):
            return True
    return False

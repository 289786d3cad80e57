"""A page that names its papers by their titles alone, one short paragraph each under topic headings, with no list
markers, links or ids ("# Voice conversion" / "Unsupervised Widget Adaptation for Robust Gadget Recognition (also a
VC method)" / "Conformer: Convolution-augmented Widgets for Speech Recognition"). Read by the generic paper finder
(:mod:`._mentions`) only when nothing else in the file names a paper: each paragraph of one line (two at most) that
the title classifier reads as a title, or that is a reference written out, is a paper, its closing note in
parentheses dropped; at least three such paragraphs, and two in three of the page's paragraphs."""

from __future__ import annotations

import re

from ._md_references import reference_parts
from ._mention_details import Found
from ._mention_lines import Line, plain, usable_title
from ._title_lines import title_score

__all__ = ["title_paragraphs"]

_NOTE = re.compile(r"\s*[(（][^()（）]{2,80}[)）]\s*$")  # "(Apply on Mel scale)", "（…）"
_SENTENCE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]|[.!?]$")


def _paragraphs(lines: list[Line]) -> list[list[int]]:
    """The runs of text lines between blank lines and headings, each a list of line indices."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if line.kind == "text" and line.text.strip():
            current.append(i)
            continue
        if current:
            runs.append(current)
        current = []
        if line.kind not in ("blank", "heading", "text"):
            return []  # lists, tables, quotes: a page of another layout
    return runs + ([current] if current else [])


def _title_of(text: str) -> Found | None:
    text = _NOTE.sub("", " ".join(plain(text).split()))
    if (ref := reference_parts(text)) is not None:
        return Found(ref.title, ref=ref)
    title = usable_title(text)
    if not title or _SENTENCE.search(title) or len(title.split()) < 3:
        return None
    scored = title.title() if title.isupper() else title  # "PERSONALIZED WIDGET RECOGNITION": its words' case
    return Found(title) if title_score(scored) >= 0.4 else None  # a doubt the page's shape settles


def title_paragraphs(lines: list[Line]) -> list[Found]:
    """The papers of such a page (see the module docstring), or [] for any other."""
    runs = [run for run in _paragraphs(lines) if all(lines[i].heading is not None for i in run)]
    found = []
    for run in runs:
        if len(run) <= 2 and (f := _title_of(" ".join(lines[i].text for i in run))) is not None:
            f.lines = [run[0]]
            found.append(f)
    return found if len(found) >= 3 and 3 * len(found) >= 2 * len(runs) else []

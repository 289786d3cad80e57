"""A page of notes on one paper that names it only by its one opening "#" heading (the session 11 round's Chinese
note was refused, "no papers found"): the heading is the paper. A page whose title names an event or a list ("#
Journal Club: …", "# Awesome … List") is no paper's, nor a short heading (issue 12; our own pages, made-up text)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError

NOTE = """# Achieving Nearly-Optimal Regret and Sample Complexity in Dueling Widgets with Applications in Gadget Recommendations

**3.2 RM is nearly-consistent with BAI in dueling widgets**

关键点在于：

- 为了最小化累计遗憾，我们需要尽可能快的将 Condorcet Widget 找出来；
- BAI 也是希望尽快的将 Condorcet Widget 找出来。
"""

TALK = """# Journal Club: Widget Fundamentals & Coding Gadgets for Everyday Research

## 0. The widget landscape in early 2026

- Widget agents everywhere
- Gadget models and their benchmarks
"""


def _load(tmp_path: Path, text: str) -> list[paperlab.Paper]:
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(path))


def test_the_one_heading_of_a_paper_note_is_its_paper(tmp_path: Path) -> None:
    (paper,) = _load(tmp_path, NOTE)
    assert paper.title.startswith("Achieving Nearly-Optimal Regret and Sample Complexity in Dueling Widgets")


def test_a_talk_page_titled_by_its_event_names_no_paper(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="no papers found"):
        _load(tmp_path, TALK)

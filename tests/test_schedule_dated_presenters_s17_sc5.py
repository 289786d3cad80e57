"""Date bullets of three numbers with a two-digit year ("- 8/6/21 (Ada Quill) Title", "- 12-07-20 (Ada Quill and Bo
Renn) Title") are meetings with their presenters in parentheses; the page is a schedule by its dated, presented
meetings even when it never says "reading group"; a linked arXiv paper is the meeting's paper, another title the
talk's. Section numbers and version notes stay no meetings. Our own small files (session 17, helper SC5)."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import paperlab

US = """---
title: About
---

- 08/6/21 (Ada Quill) Conditional widget generation for unpaired gadgets

- 3/15/21 (Bo Renn)  Slides Structure Adaptive Widget Estimation
  * <a href="slides.pdf">Slides</a>

- 12/7/20 (Cy Moss) <a href="https://arxiv.org/abs/2007.03315">Widget deflation</a>

- 11/9/20 (Di Vale and Ed Stone) Instrumental Gadgets
"""
DASHES = """# Geometry lunch

- 26-04-21 (Ada Quill): [Widget deflation](https://arxiv.org/abs/2007.03315)
- 15-03-21 (Bo Renn): Skeleton Gadgets
- 01-02-21 (Cy Moss): Gadget manifolds in practice
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            US,
            [
                (dt.date(2021, 8, 6), ["Ada Quill"]),
                (dt.date(2021, 3, 15), ["Bo Renn"]),
                (dt.date(2020, 12, 7), ["Cy Moss"]),
                (dt.date(2020, 11, 9), ["Di Vale", "Ed Stone"]),
            ],
        ),
        (
            DASHES,
            [
                (dt.date(2021, 4, 26), ["Ada Quill"]),
                (dt.date(2021, 3, 15), ["Bo Renn"]),
                (dt.date(2021, 2, 1), ["Cy Moss"]),
            ],
        ),
    ],
)
def test_two_digit_year_date_bullets_with_presenters_in_parentheses(
    tmp_path: Path, text: str, expected: list[tuple[dt.date, list[str]]]
) -> None:
    path = tmp_path / "index.md"
    path.write_text(text, encoding="utf-8")
    assert paperlab.sources.detect_format(path) == "schedule"
    meetings = paperlab.Schedule.from_file(path).meetings
    assert [(m.date, m.presenters) for m in meetings] == expected
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = paperlab.load(path)
    assert [(p.title, p.arxiv_id) for p in lib] == [("Widget deflation", "2007.03315")]


@pytest.mark.parametrize(
    "text",
    [
        "# Notes\n\n- 2.1.3 (Intro) Widgets and gadgets\n- 2.1.4 (Methods) Gadget routing\n- 2.1.5 (Results) Rings\n",
        "# Changes\n\n- 1/2/21 (v1.2) Fixed the widget parser\n- 3/4/21 (v1.3) Faster gadgets\n- 5/6/21 (v1.4) Docs\n",
    ],
)
def test_section_numbers_and_version_notes_are_no_schedule(tmp_path: Path, text: str) -> None:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    assert paperlab.sources.detect_format(path) != "schedule"

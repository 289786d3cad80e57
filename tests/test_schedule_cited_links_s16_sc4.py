"""A journal club page of dated headings ("### December 16th, 2016", "## 9 March 2021") over bullets naming each
paper by its title and a citation link ("**Title** by [Barton 2016](…)", "*Title* by [Quill & Dale 2019](…)"): the
headings are meetings, each bullet a paper with its authors and year, though no link holds an id. Our own small
files (session 16, helper SC4)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import paperlab

ORDINAL = """---
layout: page
title: Q.I.U.T.
---

We meet every Friday at 4 pm.

-----------------------------

### December 16th, 2016
- **How does epistasis shape the response of widgets to selection?** by [Barton 2016](http://example.org/hdy/a.html)

> comments

### December 9th, 2016
- **Genomic Rearrangements Considered as Widget Traits** by [Imprialou et al. 2016](http://biorxiv.example.org/087387)
"""


def test_ordinal_date_headings_over_bold_titles_cited_by_a_link(tmp_path: Path) -> None:
    path = tmp_path / "jc.md"
    path.write_text(ORDINAL, encoding="utf-8")
    meetings = paperlab.Schedule.from_file(path).meetings
    got = [(m.date, [(p.title, p.authors, p.published) for p in m.papers]) for m in meetings]
    assert got == [
        (
            dt.date(2016, 12, 16),
            [("How does epistasis shape the response of widgets to selection?", ["Barton"], dt.date(2016, 1, 1))],
        ),
        (
            dt.date(2016, 12, 9),
            [("Genomic Rearrangements Considered as Widget Traits", ["Imprialou"], dt.date(2016, 1, 1))],
        ),
    ]
    assert [p.url for p in paperlab.load(path)] == [
        "http://example.org/hdy/a.html",
        "http://biorxiv.example.org/087387",
    ]


def test_day_first_headings_and_italic_titles_cited_by_two_authors(tmp_path: Path) -> None:
    path = tmp_path / "club.md"
    path.write_text(
        "# Widget club\n\n## 9 March 2021\n\n* _Sparse Widget Routing in Small Shops_ by [Quill & Dale 2019](https://example.org/q)\n\n"
        "## 16 March 2021\n\n* _Gadget Graphs at Scale_ by [Renn 2020](https://example.org/r)\n",
        encoding="utf-8",
    )
    meetings = paperlab.Schedule.from_file(path).meetings
    assert [(m.date, [(p.title, p.authors) for p in m.papers]) for m in meetings] == [
        (dt.date(2021, 3, 9), [("Sparse Widget Routing in Small Shops", ["Quill", "Dale"])]),
        (dt.date(2021, 3, 16), [("Gadget Graphs at Scale", ["Renn"])]),
    ]

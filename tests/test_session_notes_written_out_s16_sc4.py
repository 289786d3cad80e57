"""Notes that name their papers without presenter lines, ids or a paper heading are read as notes, not refused:
a page pasted from a publisher (title line, byline), references written out in full, a one-paper note titled by
its one top heading, and reading-list headings that cite their paper by author and year ("Amodei et al. 2016 —
Title ☐"). A note that names no paper still says so. Our own small files (session 16, helper SC4)."""

from __future__ import annotations

import datetime as dt

import pytest

import paperlab
from paperlab.errors import ParseError


def _read(text: str) -> list[tuple[str, list[str], dt.date | None, str | None]]:
    session = paperlab.Session.from_text(text, "notes.md")
    return [(e.paper.title, list(e.paper.authors), e.paper.published, e.paper.doi) for e in session.entries]


PASTED = """Widget forecasting under sparse demand in small shops
Ana Lima, Bo McKenzie, Carla DeLong, Dan O'Brien
First published: 3 March 2021 https://doi-org.proxy.example.edu/10.1234/wid.5678Citations: 4
Check for full text
Abstract
Widgets sell rarely. We forecast them with a small model (Quill et al., 2019) and compare it with three others.
1 BACKGROUND
Shops keep few widgets.
"""


def test_a_pasted_article_is_one_paper_with_its_byline_year_and_doi() -> None:
    assert _read(PASTED) == [
        (
            "Widget forecasting under sparse demand in small shops",
            ["Ana Lima", "Bo McKenzie", "Carla DeLong", "Dan O'Brien"],
            dt.date(2021, 1, 1),
            "10.1234/wid.5678",
        )
    ]


def test_a_pasted_article_with_and_before_the_last_author() -> None:
    text = "Sparse Gadget Graphs for Demand Estimation\nAda Quill, Bo Renn and Cy Dale\n\nWe study gadgets.\n"
    assert _read(text) == [
        ("Sparse Gadget Graphs for Demand Estimation", ["Ada Quill", "Bo Renn", "Cy Dale"], None, None)
    ]


REFERENCES = """# 文献阅读笔记

## 销量预测

1.\tAda Quill, Bo Renn, Cy Dale et al., “Forecasting widget sales from short text reviews,” Journal of Widgets, vol. 9, pp. 84-92, 2014.
摘要：用评论预测销量。

2.\tDora Lune, “The forecasting model based on sparse gadget kernels,” Gadget Systems, vol. 36, no. 4, pp. 7604-7610, 2009.
摘要：小样本。
"""


def test_numbered_references_written_out_in_full_are_the_notes_papers() -> None:
    got = _read(REFERENCES)
    assert [(t, a, d) for t, a, d, _ in got] == [
        ("Forecasting widget sales from short text reviews", ["Ada Quill", "Bo Renn", "Cy Dale"], dt.date(2014, 1, 1)),
        ("The forecasting model based on sparse gadget kernels", ["Dora Lune"], dt.date(2009, 1, 1)),
    ]


H1_NOTE = """Notes and manuscript for the assignment
# Loophole-Free Tests of Widget Locality with Paired Gadgets
## The Purpose
Some early scientists proposed a *local* worldview. The authors test it.

$$
J \\leq 0.
$$

## Loopholes
### The locality loophole
The settings could be communicated.
"""


def test_a_one_paper_note_titled_only_by_its_top_heading() -> None:
    assert _read(H1_NOTE) == [("Loophole-Free Tests of Widget Locality with Paired Gadgets", [], None, None)]


def test_a_top_heading_naming_the_notes_is_no_paper() -> None:
    text = "# Deep Learning Reading Notes\n## The Purpose\nWe read things.\n## Loopholes\nSome text.\n"
    with pytest.raises(ParseError, match="found none"):
        paperlab.Session.from_text(text, "notes.md")


STATUS = """# Reading notes

## Phase 1 — Orientation

### Amodei et al. 2016 — Concrete Problems in Widget Safety ☐

[PDF](amodei2016.pdf) · ~29 pages

- Reward hacking:

### Anthropic 2023 — Core Views on Widget Safety ☐

Blog. [example.com/core-views](https://example.com/news/core-views)

- Which techniques they emphasize:

### Quill & Dale (2019) – Widget graphs at scale ☑

- Open questions:
"""


def test_author_year_headings_with_status_boxes_name_papers_and_blog_posts() -> None:
    assert [(t, a, d) for t, a, d, _ in _read(STATUS)] == [
        ("Concrete Problems in Widget Safety", ["Amodei"], dt.date(2016, 1, 1)),
        ("Core Views on Widget Safety", ["Anthropic"], dt.date(2023, 1, 1)),
        ("Widget graphs at scale", ["Quill", "Dale"], dt.date(2019, 1, 1)),
    ]


def test_a_topic_after_a_colon_or_a_term_heading_is_no_title() -> None:
    text = (
        "# Reading notes\n\n## Spring 2022 — Reading plan for the group\n\nWe read two papers.\n\n"
        "## Kahn (1974): stream semantics\n\n[The Semantics of a Simple Language for Widgets](https://example.org/k.pdf)\n\n"
        "**Problem.** Define widgets.\n"
    )
    titles = [t for t, *_ in _read(text)]
    assert "Reading plan for the group" not in titles and "stream semantics" not in titles
    assert titles == ["The Semantics of a Simple Language for Widgets"]


def test_a_byline_with_affiliation_marks_and_an_affiliation_line() -> None:
    text = (
        "Sparse Widget Graphs for Demand Estimation in Small Shops\nAda Quill1, Bo Renn2,*, Cai Lune1\n"
        "1 Widget University, 2 Gadget Lab\n\nAbstract\nWe study widgets.\n"
    )
    assert _read(text) == [
        ("Sparse Widget Graphs for Demand Estimation in Small Shops", ["Ada Quill", "Bo Renn", "Cai Lune"], None, None)
    ]


@pytest.mark.parametrize(
    "heading",
    [
        "### Amodei et al. (2016). Concrete Problems in Widget Safety",
        "### [Amodei et al., 2016] Concrete Problems in Widget Safety",
        "### Amodei et al. 2016 - Concrete Problems in Widget Safety ✅",
    ],
)
def test_author_year_headings_in_other_citation_styles(heading: str) -> None:
    text = f"# Reading log\n\n{heading}\n\n- notes\n\n### Leike et al. (2018): Scalable Widget Alignment via Reward Modeling\n\n- more\n"
    assert [(t, a, d) for t, a, d, _ in _read(text)] == [
        ("Concrete Problems in Widget Safety", ["Amodei"], dt.date(2016, 1, 1)),
        ("Scalable Widget Alignment via Reward Modeling", ["Leike"], dt.date(2018, 1, 1)),
    ]

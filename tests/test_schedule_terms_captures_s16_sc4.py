"""Date bullets without a year take the year of the term heading they are under ("## Lent Term 2021", "## Fall
2019"), each term its own; a presenter named by a first name alone after a spaced hyphen ("19 March - Ch 12 Title -
Ada", "… -Ben") is the meeting's; a Jekyll page writing each meeting as Liquid captures shown by an include
(``{% capture summary %}…{% endcapture %}{% include details.html %}``) is read like those bullets, the details
under each. Our own small files (session 16, helper SC4)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import paperlab

CAPTURES = """---
title: "Widget reading group"
layout: textlay
---

We meet every week on Friday at 15:00.

## Lent Term 2021 Schedule

In this term, we are following the "Applied Widget Equations" book.

{% capture details %}
{% endcapture %}
{% capture summary %}
19 March - Ch 12 Widget Equations in Machine Learning - Ada
{% endcapture %}{% include details.html %}

{% capture details %}
{% endcapture %}
{% capture summary %}
5 Feb - Ch 6 Statistics of Linear Widget Equations -Ben
{% endcapture %}{% include details.html %}

## Michaelmas Term 2020 Schedule

{% capture details %}
Cai will present the gadget paper.

The main reference is [Stein gadget descent](https://arxiv.org/abs/1608.04471).
{% endcapture %}
{% capture summary %}
11 December - Stein Gadget Descent - Cai
{% endcapture %}{% include details.html %}
"""


def test_liquid_captures_are_meetings_in_their_term_s_year(tmp_path: Path) -> None:
    path = tmp_path / "reading_group.md"
    path.write_text(CAPTURES, encoding="utf-8")
    meetings = paperlab.Schedule.from_file(path).meetings
    got = [(m.date, m.presenters, [p.arxiv_id for p in m.papers], m.note) for m in meetings]
    assert got == [
        (dt.date(2021, 3, 19), ["Ada"], [], "Ch 12 Widget Equations in Machine Learning"),
        (dt.date(2021, 2, 5), ["Ben"], [], "Ch 6 Statistics of Linear Widget Equations"),
        (dt.date(2020, 12, 11), ["Cai"], ["1608.04471"], None),
    ]


def test_bullets_under_term_headings_take_each_term_s_year(tmp_path: Path) -> None:
    path = tmp_path / "club.md"
    path.write_text(
        "# Widget club\n\n## Spring 2020\n\n- 9 Jan - Sparse widgets - Dora\n- 16 Jan - Gadget graphs - Part 2\n"
        "  - [Gadget Graphs at Scale](https://arxiv.org/abs/2001.01234)\n\n"
        "## Fall 2019\n\n- 3 Oct - Widget kernels - Eli\n  - [Widget Kernels](https://arxiv.org/abs/1909.01234)\n",
        encoding="utf-8",
    )
    meetings = paperlab.Schedule.from_file(path).meetings
    assert [(m.date, m.presenters) for m in meetings] == [
        (dt.date(2020, 1, 9), ["Dora"]),
        (dt.date(2020, 1, 16), []),  # "Part 2" is no one's name
        (dt.date(2019, 10, 3), ["Eli"]),
    ]


def test_a_heading_naming_the_group_s_history_gives_no_year(tmp_path: Path) -> None:
    path = tmp_path / "club.md"
    path.write_text(
        "# Widget club\n\n## Our reading group (since 2015)\n\n- 3 Oct 2021 - Widget kernels - Eli\n"
        "  - [Widget Kernels](https://arxiv.org/abs/2109.01234)\n- 10 Oct - Gadget graphs - Dora\n"
        "  - [Gadget Graphs](https://arxiv.org/abs/2110.01234)\n",
        encoding="utf-8",
    )
    meetings = paperlab.Schedule.from_file(path).meetings
    assert [m.date for m in meetings] == [dt.date(2021, 10, 3), dt.date(2021, 10, 10)]

"""A reading group's page of one heading per meeting, each naming its guest speaker and listing the articles to read
as links, no arXiv id or DOI among them (issue 12; our own page, made-up articles): read as a paper list before (no
meetings, the heading as every article's tag, "by …" glued to the titles), now three meetings with their speakers,
each article titled by its link, its authors after "by" and its venue after "for"."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import paperlab

PAGE = """---
layout: default
title: "Widget reading group in Springfield"
---

In January 2019, I started an informal reading group. We meet roughly once a week.

### If you've been asked to speak

The environment is meant to be casual.

### August 30: [Ada Quill](https://social.example/adaquill)

On widgets and gadgets.

* [Reversing the Lies of the Widget Economy](https://widgets.example/reversing-the-lies)
* [The War on Gadgets](https://gadgets.example/society/war-on-gadgets)

### August 23: Bo Renn

Recommended background reading by others:

* [Wages against widgets](https://blog.example/wages-against-widgets.pdf) by Cai Lune
* [The Case Against a Basic Widget](https://mag.example/2017/12/basic-widget) by Dan Moss and Eve Stone for Widget Weekly

### August 16: Gadget Networks

* [Who Owns the Widget?](https://news.example/who-owns-the-widget/) for New Gadgets
"""


def test_meeting_headings_with_speakers_and_linked_articles(tmp_path: Path) -> None:
    path = tmp_path / "reading-group.md"
    path.write_text(PAGE, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        schedule = paperlab.Schedule.from_file(path)
    assert [(m.date, m.presenters) for m in schedule] == [
        (dt.date(2019, 8, 30), ["Ada Quill"]),
        (dt.date(2019, 8, 23), ["Bo Renn"]),
        (dt.date(2019, 8, 16), []),  # "Gadget Networks" is a topic, no person
    ]
    papers = [(p.title, p.authors, p.journal_ref) for m in schedule for p in m.papers]
    assert papers == [
        ("Reversing the Lies of the Widget Economy", [], None),
        ("The War on Gadgets", [], None),
        ("Wages against widgets", ["Cai Lune"], None),
        ("The Case Against a Basic Widget", ["Dan Moss", "Eve Stone"], "Widget Weekly"),
        ("Who Owns the Widget?", [], "New Gadgets"),
    ]
    assert schedule.meetings[2].extra.get("topic") == "Gadget Networks"

"""A page of past meetings kept as links under year headings ('## 2024' / '- [Title](url) (Mar 5, Name)', or an
HTML link to a dated post) is a schedule: a meeting per link, dated with the heading's year, not a flat paper list
without dates. Our own made-up files in the shape of a society's past-meetings page (session 22's blind round, now
dev); a paper archive by year stays a paper list."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import paperlab
from paperlab.sources import detect_format

PAST = """---
layout: page
title: Past Meetings
---
## 2024

- [Widget rings revisited](https://widgets.example.org/rings) (Mar 5, Ada Quill)
- [Gadget graphs at scale](https://arxiv.org/abs/2403.01234) (Apr 9, Bo Renn)

## 2023

- <a href="{{ '/2023/11/14/autumn-meeting.html' | relative_url }}">Autumn Widget Meeting 2023</a>
- <a href="{{ '/2023/04/01/spring-meeting.html' | relative_url }}">Spring Widget Meeting 2023</a>
"""

ARCHIVE = """# Widget papers by year

## 2024

- [Widget rings revisited](https://arxiv.org/abs/2403.01111)
- [Gadget graphs at scale](https://arxiv.org/abs/2403.01234)

## 2023

- [Sparse gadget attacks](https://arxiv.org/abs/2311.04321)
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_links_under_year_headings_are_dated_meetings(tmp_path: Path) -> None:
    path = _write(tmp_path, "past_meetings.md", PAST)
    assert detect_format(path) == "schedule"
    meetings = list(paperlab.Schedule.from_file(path))
    assert [m.date for m in meetings] == [
        dt.date(2024, 3, 5),  # the day in parentheses, the year of the heading above
        dt.date(2024, 4, 9),
        dt.date(2023, 11, 14),  # the day the dated post's address names
        dt.date(2023, 4, 1),
    ]
    assert [m.presenters for m in meetings] == [["Ada Quill"], ["Bo Renn"], [], []]
    assert [[p.arxiv_id for p in m.papers] for m in meetings] == [[], ["2403.01234"], [], []]
    assert meetings[2].note == "Autumn Widget Meeting 2023"  # a meeting's name is no paper
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert [p.title for p in paperlab.load(path)] == ["Gadget graphs at scale"]


def test_a_paper_archive_by_year_stays_a_paper_list(tmp_path: Path) -> None:
    path = _write(tmp_path, "papers.md", ARCHIVE)
    assert detect_format(path) != "schedule"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert len(paperlab.load(path)) == 3

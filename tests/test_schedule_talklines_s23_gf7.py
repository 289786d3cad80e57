"""Lists of dated talks, one per bullet ('YYYY.MM.DD, Title, Speaker, …' / 'YYYY-MM-DD — Speaker: Title'), are
schedules: a meeting per bullet with its day, its speaker and its talk (the paper read on a journal club's page),
not papers titled by the whole line. Our own made-up files in the shape of a group's seminar page (session 22's
blind round, now dev)."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import paperlab
from paperlab.sources import detect_format

SEMINARS = """---
title: "Widget Group - Seminar"
permalink: /seminar/
---

# Seminars
* 2023.05.25, Widget rings in gadget nuclei, Ada Quill, Professor, Widget University, [slides]({{ site.baseurl }}/downloads/ada.pdf)
* 2023.05.08, 小部件环的结构研究, 李小明，研究员，某研究所, [slides]({{ site.baseurl }}/downloads/li.pptx)
* 2022.11.07, Gadget shapes, collective widgets and fission, Bo Renn, postdoc, Gadget Institute,[slides]({{ site.baseurl }}/downloads/bo.pdf), [video record](https://youtu.be/abc)
"""

CLUB = """# Widget journal club

Papers we read, one per meeting.

- 2024-03-05 — Ada Quill: Sparse widget rings for gadget graphs
- 2024-03-12 — Bo Renn: Gadget attention is all you need
- 2024-03-19 — Cai Lune: Learning widgets from gadgets
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_dated_talk_bullets_are_meetings_with_speakers(tmp_path: Path) -> None:
    path = _write(tmp_path, "seminar.md", SEMINARS)
    assert detect_format(path) == "schedule"
    meetings = list(paperlab.Schedule.from_file(path))
    assert [m.date for m in meetings] == [dt.date(2023, 5, 25), dt.date(2023, 5, 8), dt.date(2022, 11, 7)]
    assert [m.presenters for m in meetings] == [["Ada Quill"], ["李小明"], ["Bo Renn"]]
    assert [m.note for m in meetings] == [
        "Widget rings in gadget nuclei",
        "小部件环的结构研究",
        "Gadget shapes, collective widgets and fission",
    ]
    assert not any(m.papers for m in meetings)  # a seminar's talks: no paper read
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert len(paperlab.load(path)) == 0  # not three papers titled '2023.05.25, Widget rings …, Professor, …'


def test_dated_speaker_first_bullets_on_a_journal_club_page_name_the_paper_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "club.md", CLUB)
    assert detect_format(path) == "schedule"
    meetings = list(paperlab.Schedule.from_file(path))
    assert [m.date for m in meetings] == [dt.date(2024, 3, 5), dt.date(2024, 3, 12), dt.date(2024, 3, 19)]
    assert [m.presenters for m in meetings] == [["Ada Quill"], ["Bo Renn"], ["Cai Lune"]]
    assert [[p.title for p in m.papers] for m in meetings] == [
        ["Sparse widget rings for gadget graphs"],
        ["Gadget attention is all you need"],
        ["Learning widgets from gadgets"],
    ]
    titles = sorted(p.title for p in paperlab.load(path))
    assert titles == sorted(["Sparse widget rings for gadget graphs", "Gadget attention is all you need",
                             "Learning widgets from gadgets"])  # fmt: skip


def test_a_talk_words_after_the_comma_are_no_speaker(tmp_path: Path) -> None:
    text = SEMINARS.replace("Ada Quill, Professor", "Deep Learning, Professor")
    meetings = list(paperlab.Schedule.from_file(_write(tmp_path, "seminar.md", text)))
    assert meetings[0].presenters == []  # 'Deep Learning' names a topic, not a person

"""A club page whose meetings are short lines opened by a weekday and a date ("Wed Feb 19 3pm, Room 2"), each over
its readings, "- Ada will present ([Quill et al., 2019](https://doi.org/…))" (R4's finding 13, what paperlab.load
and Schedule.from_file read): a meeting of that day (the year the page names, else no day, its text kept), its
presenter, the paper by its DOI with first author Quill, "et al." and the year 2019, titled by its DOI (a citation
is no title); "TBD will present …" is a meeting with no paper. Our own pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import paperlab

CLUB = """# Widget lab journal club{year}
Wed Mar 4 3pm, Room 2
- TBD will present a paper they choose next week

Wed Feb 19 3pm, Room 2
- Ada will present ([Quill et al., 2019](https://doi.org/10.5555/widget.2019.4))
"""


def _write(tmp_path: Path, year: str = "") -> Path:
    path = tmp_path / "club.md"
    path.write_text(CLUB.format(year=year), encoding="utf-8")
    return path


def test_load_reads_the_presenter_and_the_cited_paper(tmp_path: Path) -> None:
    (paper,) = paperlab.load(_write(tmp_path))
    assert paper.doi == "10.5555/widget.2019.4"
    assert paper.title == "doi:10.5555/widget.2019.4"  # no title made up from the citation
    assert paper.authors == ["Quill"] and paper.extra.get("more_authors") is True
    assert paper.published == dt.date(2019, 1, 1) and paper.extra["date_precision"] == "year"
    assert paper.extra["presenters"] == ["Ada"]
    assert paper.extra["meeting"] == "Wed Feb 19 3pm, Room 2"
    assert "meeting_date" not in paper.extra  # the page names no year: no day is made up


def test_schedule_meetings_of_the_lines(tmp_path: Path) -> None:
    later, met = paperlab.Schedule.from_file(_write(tmp_path)).meetings
    assert later.papers == [] and later.presenters == []  # "TBD will present …": no paper, nobody
    assert [p.doi for p in met.papers] == ["10.5555/widget.2019.4"] and met.presenters == ["Ada"]
    assert met.date is None


def test_the_year_the_page_names_dates_the_meetings(tmp_path: Path) -> None:
    later, met = paperlab.Schedule.from_file(_write(tmp_path, " 2020")).meetings
    assert (later.date, met.date) == (dt.date(2020, 3, 4), dt.date(2020, 2, 19))
    (paper,) = paperlab.load(_write(tmp_path, " 2020"))
    assert paper.extra["meeting_date"] == "2020-02-19"

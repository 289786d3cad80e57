"""Schedules (session 22, helper GF6): weeks that did not take place are kept as skipped meetings with their note,
and schedules written in other containers are read as schedules. Own made-up files written here, in the shapes of
real pages (a heading per week with a 'Presenter:' bullet)."""

from __future__ import annotations

from pathlib import Path

from paperlab import Schedule

WEEKS = """# Tentative schedule

## Week1 (September 4)

- Presenter: Ada Quill

Quill, Ada, et al. “Widget Routing at Scale.” Proceedings of the Widget Conference, 2021. https://doi.org/10.1234/widget.2021.7

## Week2 (September 11)

- Presenter: No Meeting (Fall Break)

## Week3 (September 18)

-Presenter: Bo Renn

## Week4 (September 25)

- Presenter: TBD
"""


def test_a_presenter_line_saying_no_meeting_marks_the_week_skipped(tmp_path: Path) -> None:
    path = tmp_path / "about.md"
    path.write_text(WEEKS, encoding="utf-8")
    meetings = list(Schedule.from_file(path))
    assert [m.date_text for m in meetings] == ["September 4", "September 11", "September 18", "September 25"]
    assert [m.skipped for m in meetings] == [False, True, False, False]
    assert meetings[1].note == "No Meeting (Fall Break)" and meetings[1].presenters == []
    assert [m.presenters for m in meetings] == [["Ada Quill"], [], ["Bo Renn"], []]

"""Reading-group schedules written as one heading per meeting ("## Meeting 2 — Sep 9, 2025: Sequence models", the
readings under it): paperlab.load, Schedule.from_file and Session.from_file agree (review finding 10, issue 12).
Own file tests/data/schedule_headings/club.md."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab import Schedule, Session
from paperlab.errors import ParseError
from paperlab.sources._schedule_headings import _meeting_heading
from paperlab.sources.schedule import read_meetings

CLUB = Path(__file__).parent / "data" / "schedule_headings" / "club.md"


def test_load_reads_the_papers_named_under_meeting_headings_and_no_label_or_homework() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # every paper read, nothing skipped
        papers = list(paperlab.load(CLUB))
    got = [(p.title, p.arxiv_id, p.doi, p.extra["meeting_date"]) for p in papers]
    assert got == [
        ("Attention Is All You Need", "1706.03762", None, "2025-09-09"),
        ("arXiv:1409.0473", "1409.0473", None, "2025-09-09"),  # "Readings: <link>": a label is no title
        ("Deep Residual Learning for Image Recognition", "1512.03385", None, "2025-09-16"),
        ("doi:10.1038/nature14539", None, "10.1038/nature14539", "2025-09-16"),  # "Paper - <link>"
    ]  # homework bullets, a setup page, a blog post and the link under "## Contributing" are no papers


def test_schedule_keeps_every_meeting_with_its_date_topic_and_notes() -> None:
    schedule = Schedule.from_file(CLUB)
    assert schedule.title == "Tuesday paper club, autumn term"
    meetings = list(schedule)
    assert [m.date for m in meetings] == [dt.date(2025, 9, d) for d in (2, 9, 16, 23)]
    assert [m.date_text for m in meetings] == ["2025-09-02", "Sep 9, 2025", "16 September 2025", "2025-09-23"]
    assert [[p.title for p in m.papers] for m in meetings] == [
        [],
        ["Attention Is All You Need", "arXiv:1409.0473"],
        ["Deep Residual Learning for Image Recognition", "doi:10.1038/nature14539"],
        [],
    ]
    assert meetings[0].note == "Kick-off" and not meetings[0].skipped
    assert meetings[0].extra["notes"].count(";") == 2  # three notes: one line and two homework bullets
    assert "Each member proposes two papers on the shared sheet" in meetings[0].extra["notes"]
    assert meetings[1].extra["topic"] == "Sequence models"
    assert meetings[1].extra["notes"] == "Re-derive scaled dot-product attention by hand"
    assert meetings[3].note == "No meeting, department retreat" and meetings[3].skipped
    assert [m.where for m in meetings] == ["line 5", "line 16", "line 27", "line 35"]
    assert [p.id for p in schedule.papers] == [p.id for p in paperlab.load(CLUB)]


def test_session_points_at_the_schedule_reader() -> None:
    with pytest.raises(ParseError, match=r"got a reading-group schedule .*Schedule\.from_file") as info:
        Session.from_file(CLUB)
    assert info.value.source == str(CLUB)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Session 04 (10-14-2025): Diffusion", ("10-14-2025", "Diffusion")),
        (
            "Class 06 (11-04-2025): State Space Models (SSM)",
            ("11-04-2025", "State Space Models (SSM)"),
        ),
        ("Week 2 (Oct 7, 2024): Attention", ("Oct 7, 2024", "Attention")),
        ("2025-10-21 — Agents", ("2025-10-21", "Agents")),
        ("Meeting #3 - 7 October 2024", ("7 October 2024", None)),
        ("Week 5", ("", None)),
        ("2.1 Reasoning data", None),  # a numbered section, no date
        ("Related work", None),
        ("Session planning", None),
    ],
)
def test_meeting_headings(heading: str, expected: tuple[str, str | None] | None) -> None:
    assert _meeting_heading(heading) == expected


def test_a_page_of_numbered_sections_with_arxiv_links_is_no_schedule(tmp_path: Path) -> None:
    page = tmp_path / "list.md"
    page.write_text(
        "# Reasoning papers\n\n## 1.1 Surveys\n\n- [A survey](https://arxiv.org/abs/2301.00001)\n\n"
        "## 1.2 Datasets\n\n- [A dataset](https://arxiv.org/abs/2302.00002)\n",
        encoding="utf-8",
    )
    with pytest.raises(ParseError, match="expected a schedule"):
        read_meetings(page)


def test_a_weekly_digest_of_papers_is_no_schedule_for_load(tmp_path: Path) -> None:
    digest = tmp_path / "picks.md"
    digest.write_text(
        "# Picks of the week\n\n## Week 1 (2026-01-05)\n\n- [Sparse Mixtures for Tiny Devices](https://arxiv.org/abs/2601.00011)"
        "\n\n## Week 2 (2026-01-12)\n\n- [Long Context on a Budget](https://arxiv.org/abs/2601.00022)\n",
        encoding="utf-8",
    )
    papers = list(paperlab.load(digest))
    assert [p.arxiv_id for p in papers] == ["2601.00011", "2601.00022"]
    assert all(s.name != "schedule" for p in papers for s in p.sources)
    assert [m.date for m in Schedule.from_file(digest)] == [dt.date(2026, 1, 5), dt.date(2026, 1, 12)]  # asked for

"""Rows that are no paper reading (session 15, helper SC3), on our own small files: a seminar's "Speaker(s) | Topic"
table names talks, not papers (a linked paper still is one); a roundtable led by the group took place and names no
paper; social rows name no paper; a "Date & Time" column is the meetings' date."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from paperlab.errors import ParseError
from paperlab.services.sessions import Schedule
from paperlab.sources.schedule import read_schedule


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


TALKS = """# Health AI reading group

For the Winter 2025 semester we meet on Fridays at noon.

| **Date & Time** | **Speaker(s)** | **Topic** | **More Information** |
|---|---|---|---|
| January 31st @ 3PM | Group Discussion | Lantern Roundtable: where have we been and where are we going? | [details](/posts/roundtable/) |
| February 7th @ 12:00 PM | Ada Quill | The Role of Lanterns in Transforming Night Care | [details](/posts/quill/) |
| February 14th @ 1PM | Bo Renn | *TBD* | *TBD* |
"""

TALKS_WITH_PAPER = TALKS.replace(
    "| The Role of Lanterns in Transforming Night Care |",
    "| [Sparse Lanterns for Night Vision](https://arxiv.org/abs/2101.01234) |",
)

SOCIAL = """date,presenter,paper
2024-05-02,Ada Quill,Sparse Lanterns for Night Vision in Urban Scenes
2024-05-09,Everyone,End-of-term party and board games
2024-05-16,Bo Renn,Widget Routing at Scale with Folded Kernels
2024-05-23,All,Panel discussion on reviewing
"""


def test_a_speaker_topic_table_names_talks_not_papers(tmp_path: Path) -> None:
    path = _write(tmp_path, "reading-group.md", TALKS)
    schedule = Schedule.from_file(path)
    assert [m.date.isoformat() if m.date else None for m in schedule.meetings] == [
        "2025-01-31",
        "2025-02-07",
        "2025-02-14",
    ]
    assert [m.papers for m in schedule.meetings] == [[], [], []]
    assert schedule.meetings[1].note == "The Role of Lanterns in Transforming Night Care"
    assert not schedule.meetings[0].skipped  # the group's own roundtable took place
    with pytest.raises(ParseError, match="no paper"):
        read_schedule(path)


def test_a_linked_paper_in_a_topic_column_is_still_a_paper(tmp_path: Path) -> None:
    schedule = Schedule.from_file(_write(tmp_path, "reading-group.md", TALKS_WITH_PAPER))
    assert [[p.title for p in m.papers] for m in schedule.meetings] == [[], ["Sparse Lanterns for Night Vision"], []]


def test_social_rows_and_panels_are_no_papers(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = read_schedule(_write(tmp_path, "club.csv", SOCIAL))
    assert [p.title for p in papers] == [
        "Sparse Lanterns for Night Vision in Urban Scenes",
        "Widget Routing at Scale with Folded Kernels",
    ]


SESSIONS_HTML = """<html><body>
<h2>Probability reading group</h2>
<p>Our reading group meets weekly; the slides of each session are below.</p>
<table class="schedule-table">
  <thead><tr><th>Session</th><th>Material</th></tr></thead>
  <tbody>
    <tr><td>1. Probability Basics</td><td><a href="slides/1-basics.pdf">Slides</a></td></tr>
    <tr><td>2. Conditional Expectation</td><td><a href="slides/2-conditional.pdf">Slides</a></td></tr>
    <tr><td>3. Martingales</td><td><a href="slides/3-martingales.pdf">Slides</a></td></tr>
  </tbody>
</table>
</body></html>
"""


def test_numbered_sessions_with_their_slides_are_meetings(tmp_path: Path) -> None:
    schedule = Schedule.from_file(_write(tmp_path, "reading-group.html", SESSIONS_HTML))
    assert len(schedule.meetings) == 3
    assert all(not m.papers for m in schedule.meetings)


def test_a_research_talk_in_a_paper_column_is_no_paper(tmp_path: Path) -> None:
    text = (
        "| Date | Presenter | Title | Journal information | DOI |\n|---|---|---|---|---|\n"
        "| 2020-10-09 | Ada Quill | Sparse Lanterns for Night Vision | Lantern Letters (2020) "
        "| <https://doi.org/10.1000/lantern.1> |\n"
        "| 2020-10-16 | Bo Renn, Ph.D. | Research talk: widget imaging for surgical pathology | Invited speaker "
        "| <https://example.org/labs/renn> |\n"
    )
    schedule = Schedule.from_file(_write(tmp_path, "journal-club.md", text))
    assert [[p.title for p in m.papers] for m in schedule.meetings] == [["Sparse Lanterns for Night Vision"], []]
    assert schedule.meetings[1].presenters == ["Bo Renn"]
    assert schedule.meetings[1].note == "Research talk: widget imaging for surgical pathology"

"""Talk notes whose presentations are a ``| Presenter | Paper |`` table (issue 12): ``Session.from_file`` reads each
row as a presentation; a schedule of several meetings stays refused. Our own files in tests/data/md_s11/."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError

DATA = Path(__file__).parent / "data" / "md_s11"


def test_a_presenter_paper_table_in_session_notes_is_the_sessions_presentations() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        session = paperlab.Session.from_file(DATA / "talk_notes_presenter_table.md")
    assert session.theme == "Spring reading session: learned optimizers"
    assert session.date == dt.date(2026, 4, 9)  # "Notes from our session on 2026-04-09."
    assert [(e.presenter, e.paper.title[:30], e.paper.arxiv_id, e.line) for e in session.entries] == [
        ("Ada Quill", "Learned Optimizers that Scale ", "1703.04813", 10),
        ("Bo Renn", "Tidal Adapters: Parameter-Effi", None, 11),
        ("Cai Lune", "Velo: Training Versatile Learn", "2211.09760", 12),
        ("Dara Moss", "Understanding and Correcting P", "1810.10180", 13),
    ]
    assert "**Bo Renn** — *Tidal Adapters" in session.to_markdown()


def test_a_biography_note_with_papers_presented_and_a_dated_schedule(tmp_path: Path) -> None:
    """A person's page listing the papers presented (Presenter | Paper | Venue) is one session; a table of meetings
    on two dates is a schedule, which Session.from_file still refuses naming Schedule.from_file."""
    bio = tmp_path / "ada.md"
    bio.write_text(
        "# Dr. Ada Quill\n\nAda Quill works on optimization for deep learning.\n\n## Papers presented in our group\n\n"
        "| Presenter | Paper | Venue |\n|---|---|---|\n"
        "| Ada Quill | [Learned Optimizers that Scale and Generalize](https://arxiv.org/abs/1703.04813) | ICML 2017 |\n"
        "| Bo Renn | Tidal Adapters: Parameter-Efficient Tuning at Scale | NeurIPS 2025 |\n",
        encoding="utf-8",
    )
    session = paperlab.Session.from_file(bio)
    assert [(e.presenter, e.paper.arxiv_id) for e in session.entries] == [
        ("Ada Quill", "1703.04813"),
        ("Bo Renn", None),
    ]
    schedule = tmp_path / "schedule.md"
    schedule.write_text(
        "# Reading group\n\n| Date | Presenter | Paper |\n|---|---|---|\n"
        "| 2026-01-12 | Ada Quill | [Adam](https://arxiv.org/abs/1412.6980) |\n"
        "| 2026-01-19 | Bo Renn | [Dropout](https://jmlr.org/papers/v15/srivastava14a.html) |\n",
        encoding="utf-8",
    )
    with pytest.raises(ParseError, match="Schedule.from_file"):
        paperlab.Session.from_file(schedule)

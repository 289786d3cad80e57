"""A seminar's talk records (YAML ``speaker:``/``title:``, a CSV ``Speaker,Title``) are meetings with their speakers
and talk titles, no papers; ``load()`` refuses them saying how many meetings it found and which call reads them.
Our own small files (session 17, helper SC5)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import MeetingsOnlyWarning

YAML = """- date: 2025-04-22
  speaker: Ada Quill
  title: Sparse widget rings in gadget fields
- date: 2025-04-29
  speaker: Bo Renn (Guest)
  title: Gadget routing on widget graphs
- date: 2025-05-06
  speaker: Cy Moss
  title: TBD
"""
CSV = """Date,Speaker,Title
2025-04-22,Ada Quill,Sparse widget rings in gadget fields
2025-04-29,Bo Renn,Gadget routing on widget graphs
"""


@pytest.mark.parametrize(("name", "text"), [("seminars.yml", YAML), ("seminars.csv", CSV)])
def test_talk_records_are_meetings_with_speakers_and_no_papers(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    meetings = paperlab.Schedule.from_file(path).meetings
    assert [(m.date, m.papers) for m in meetings][:2] == [(dt.date(2025, 4, 22), []), (dt.date(2025, 4, 29), [])]
    assert meetings[0].presenters == ["Ada Quill"]
    assert meetings[0].note == "Sparse widget rings in gadget fields"
    with pytest.warns(MeetingsOnlyWarning, match=r"names no paper, only \d meetings .*Schedule\.from_file"):
        assert len(paperlab.load(path)) == 0

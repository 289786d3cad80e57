"""YAML schedules kept by term (session 15, helper SC3), on our own small files: every term's list of meetings is
read (not only the first), each dated in its term's year ("2023_2:" gives 2023 to "13/09"), and a file of one flow
mapping per line whose one value breaks YAML ("speaker: Name — Seminar: Title" holds a ": ") is still read, record
by record. This kind was seen on helper SC3's validation round after its end score (that round is burned)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from paperlab.services.sessions import Schedule

TERMS = """2024_2:
  - {date: 14/08, speaker: Ada Quill, links: [https://arxiv.org/abs/2407.01234]}
  - {date: 21/08, speaker: Bo Renn, links: [https://arxiv.org/pdf/2312.01234]}
  - {date: 04/09, speaker: Cara Diaz — Seminar: Lanterns and Widgets, links: []}
2023_2:
  - {date: 13/09, speaker: Dan Moss, links: [https://arxiv.org/pdf/2309.01234]}
  - {date: 20/09, speaker: Eli Sato, links: [https://arxiv.org/pdf/2309.05678]}
"""


@pytest.mark.parametrize("broken", [True, False])
def test_every_term_is_read_in_its_year(tmp_path: Path, broken: bool) -> None:
    text = TERMS if broken else TERMS.replace("Cara Diaz — Seminar: Lanterns and Widgets", '"Cara Diaz"')
    path = tmp_path / "journal_club.yml"
    path.write_text(text, encoding="utf-8")
    schedule = Schedule.from_file(path)
    assert [m.date for m in schedule.meetings] == [
        dt.date(2024, 8, 14),
        dt.date(2024, 8, 21),
        dt.date(2024, 9, 4),
        dt.date(2023, 9, 13),
        dt.date(2023, 9, 20),
    ]
    assert [m.papers[0].arxiv_id if m.papers else None for m in schedule.meetings] == [
        "2407.01234",
        "2312.01234",
        None,
        "2309.01234",
        "2309.05678",
    ]

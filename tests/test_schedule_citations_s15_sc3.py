"""Readings cited in full under meeting headings (session 15, helper SC3), on our own small file: Chicago
author-date bullets ('Quill, Ada, and Bo Renn. 2019. “Title.” *Venue* 3 (1): 1–9.') under "## Month D: Topic"
headings are papers with their authors, year and venue, linked or not; a remark under a heading stays a note."""

from __future__ import annotations

import warnings
from pathlib import Path

from paperlab.services.sessions import Schedule
from paperlab.sources.schedule import read_schedule

CLUB = """# Fall 2019
Organizer: Ada Quill

## September 19: Lanterns
* Quill, Ada, and M. E. J. Renn. 2019. “Sparse Lanterns on Networks with Loops.” arXiv:1907.01234 [cs.SI]. <http://arxiv.org/abs/1907.01234>.

## October 3: Widgets
* Moss, Dan. 2018. “Widget Routing at Scale.” Working Paper. <https://osf.io/abcde/>.
* Renn, Boris, Cara Diaz, and Eli Sato. 2005. “Folded Kernels for Tissue Clearing.” *Lantern Letters* 101 (1): 65–85.
* Bring your own questions.
"""


def test_chicago_citations_under_meeting_headings_are_papers(tmp_path: Path) -> None:
    path = tmp_path / "journal_club.md"
    path.write_text(CLUB, encoding="utf-8")
    schedule = Schedule.from_file(path)
    assert [[p.title for p in m.papers] for m in schedule.meetings] == [
        ["Sparse Lanterns on Networks with Loops"],
        ["Widget Routing at Scale", "Folded Kernels for Tissue Clearing"],
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = {p.title: p for p in read_schedule(path)}
    first = papers["Sparse Lanterns on Networks with Loops"]
    assert first.authors == ["Ada Quill", "M. E. J. Renn"]  # no "Renn. 2019"
    assert first.arxiv_id == "1907.01234"
    folded = papers["Folded Kernels for Tissue Clearing"]
    assert folded.authors == ["Boris Renn", "Cara Diaz", "Eli Sato"]
    assert folded.published is not None and folded.published.year == 2005
    assert folded.venue and folded.venue.startswith("Lantern Letters")
    assert "*" not in folded.venue

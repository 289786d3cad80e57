"""A page headed as a list of papers ("# Papers by our lab", "## Classic papers") whose bullets open with a name and
an affiliation before an emphasised title ("- Ada Quill (Gadget University) — *Title*") is a list of papers, not a
seminar's talks; the same bullets under "# Invited talks" stay talks. Our own small files (session 17, helper FX1)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import paperlab

BULLETS = (
    "- Ada Quill (Gadget University) — *Sparse widget rings for fast routing*\n"
    "- Bo Renn (Gadget Institute) — *Routing gadgets on widget graphs*\n"
    "- Cy Dale (Gadget University) — *Lanterns in the fog of sprocket networks*\n"
)
TITLES = [
    "Sparse widget rings for fast routing",
    "Routing gadgets on widget graphs",
    "Lanterns in the fog of sprocket networks",
]


@pytest.mark.parametrize("heading", ["# Papers by our lab", "## Classic papers everyone should read"])
def test_a_page_headed_as_papers_is_read_as_its_papers(tmp_path: Path, heading: str) -> None:
    path = tmp_path / "lab.md"
    path.write_text(f"{heading}\n\n{BULLETS}", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = paperlab.load(path)
    assert len(papers) == 3
    for paper, title in zip(papers, TITLES, strict=True):
        assert title in paper.title and "*" not in paper.title


def test_the_same_bullets_under_a_talks_heading_are_talks(tmp_path: Path) -> None:
    path = tmp_path / "lab.md"
    path.write_text(f"# Invited talks\n\n{BULLETS}", encoding="utf-8")
    meetings = paperlab.Schedule.from_file(path).meetings
    assert [(m.presenters, m.papers) for m in meetings] == [(["Ada Quill"], []), (["Bo Renn"], []), (["Cy Dale"], [])]

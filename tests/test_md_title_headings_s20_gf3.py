"""A literature summary naming its papers by headings alone ("## Title" with notes under it, no id or link) was
refused: "no papers found" (0 of 2 on a blind round's file, session 19). Our own made-up files in the same shape."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

DATA = Path(__file__).parent / "data" / "md_s20_gf3"


def _load(name: str) -> list[paperlab.Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(DATA / name))


def test_literature_summary_headings_are_papers() -> None:
    """A literature summary naming each paper by a "## Title" heading with notes under it, no id or link anywhere,
    was refused ("no papers found"; 0 of 2 on a blind round's file); a tool's README of headings is still none."""
    want = [
        "LAMP: Lantern-Aware Memory Placement With Interest Locality",
        "Hedge-Store: A Storage Manager for Garden Graph Data",
    ]
    assert [p.title for p in _load("literature_summary.md")] == want
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        session = paperlab.Session.from_file(DATA / "literature_summary.md")
    assert [e.paper.title for e in session.entries] == want
    try:
        assert _load("tool_readme.md") == []
    except paperlab.ParseError:
        pass  # refused with its message: no paper named

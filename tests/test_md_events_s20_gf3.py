"""An awesome list's workshops ("## Workshops", "[2nd Workshop on …](site)") were read as papers (2 of 5 papers on
a blind round's file, session 19, were workshops). An entry under a heading of events, or titled by an event's name,
with no arXiv id, DOI or PDF, is no paper; a paper under such a heading keeps its id. Our own made-up file."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

DATA = Path(__file__).parent / "data" / "md_s20_gf3"


def test_workshops_and_symposia_are_no_papers() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = paperlab.load(DATA / "awesome_events.md")
    titles = [p.title for p in lib]
    assert not any("Workshop" in t or "Symposium" in t for t in titles)
    assert "Lantern Planning and Control" in titles  # a book stays
    assert {p.arxiv_id for p in lib} >= {"2104.01234", "1607.01234"}

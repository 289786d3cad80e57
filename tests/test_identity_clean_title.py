"""Which title a merge keeps (R3's finding 6, session 11): the same title without a sentence's closing stop, which a
schedule cell wrote; a stop that ends an abbreviation stays."""

from __future__ import annotations

from paperlab.identity import merge_papers
from paperlab.paper import Paper


def _paper(title: str) -> Paper:
    return Paper(id="2101.00042", title=title, arxiv_id="2101.00042")


def test_a_merge_keeps_the_title_without_a_closing_stop() -> None:
    stopped, clean = _paper("Ratchet Pooling for Tiny Boards."), _paper("Ratchet Pooling for Tiny Boards")
    assert merge_papers(stopped, clean).title == "Ratchet Pooling for Tiny Boards"
    assert merge_papers(clean, stopped).title == "Ratchet Pooling for Tiny Boards"


def test_a_stop_of_an_abbreviation_is_part_of_the_title() -> None:
    a, b = _paper("Gadgets in the U.S."), _paper("Gadgets in the U.S")
    assert merge_papers(a, b).title == "Gadgets in the U.S."

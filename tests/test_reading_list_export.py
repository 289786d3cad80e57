"""A reading list exported as BibTeX carries what the user added to it: status, note and tags, and reads back."""

from __future__ import annotations

from pathlib import Path

import pytest

import paperlab
from paperlab.paper import Paper
from paperlab.store import Store

pytestmark = pytest.mark.usefixtures("store_backend")  # on SQLite and on PostgreSQL


def test_reading_list_bibtex_keeps_status_note_and_tags(tmp_path: Path, store_location: str | Path) -> None:
    store = Store(store_location)
    paper = Paper(title="Sparse Mixtures of Tiny Experts", authors=["Grace Hopper"], arxiv_id="2101.00001")
    store.upsert_papers([paper])
    rl = store.reading_list("group")
    rl.add(paper.id, tags=["to-discuss", "moe"])
    rl.set_status(paper.id, "reading")
    rl.set_note(paper.id, "check the routing proof")
    text = rl.to_bibtex()
    assert "paperlab-status = {reading}" in text
    assert "annote = {check the routing proof}" in text
    assert "keywords = {to-discuss, moe}" in text or "keywords = {moe, to-discuss}" in text
    out = tmp_path / "group.bib"
    out.write_text(text, encoding="utf-8")
    back = paperlab.load(out)
    assert len(back) == 1 and back[0].arxiv_id == "2101.00001"
    assert set(back[0].tags) >= {"to-discuss", "moe"}

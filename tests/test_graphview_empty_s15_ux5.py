"""A citation graph never fetched says so everywhere it is shown (a researcher's morning, session 15): in a
console without widgets ``lib.graph_view()`` printed ``<paperlab.graphview.GraphView object at 0x…>`` and the
static HTML table's caption a bare "0 citations", while only the widget's bar said how to fetch them. Now the
repr and the caption give the counts and the same hint ("No citations fetched yet — run
lib.fetch_citations()"); a graph with citations shows its counts alone.

Papers: made up here; citations cached in a real store (``CitationCache.save``); no network.
"""

from __future__ import annotations

from pathlib import Path

from paperlab import Library, Paper
from paperlab.graphview import GraphView
from paperlab.sources.s2_graph import Link
from paperlab.store import Store
from paperlab.store.citations import CitationCache

MOE = Paper("Sparse Mixture-of-Experts Routing for Speech", arxiv_id="2305.01234", published="2023-05-02")
TONES = Paper("Byte-Level Tokenizers Hurt <b>Tonal</b> Languages", arxiv_id="2310.11111", published="2023-10-17")


def test_a_graph_never_fetched_says_how_to_fetch_it(tmp_path: Path) -> None:
    mylib = Library([MOE, TONES])
    view = GraphView(mylib, store=Store(tmp_path / "s.sqlite3"))
    hint = "No citations fetched yet — run mylib.fetch_citations() (cached offline afterwards)"
    assert repr(view) == f"<GraphView: Citation graph: 2 library papers, 0 neighbours, 0 citations. {hint}>"
    assert f"<caption>Citation graph: 2 library papers, 0 neighbours, 0 citations. {hint}</caption>" in (
        view._html_table()
    )
    assert "&lt;b&gt;Tonal&lt;/b&gt;" in view._html_table()  # titles still escaped


def test_a_fetched_graph_shows_its_counts_alone(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    CitationCache(store).save(MOE.id, "references", "semantic_scholar", [Link(TONES)])
    view = GraphView(Library([MOE, TONES]), store=store)
    assert repr(view) == "<GraphView: Citation graph: 2 library papers, 0 neighbours, 1 citation>"


def test_looking_at_a_graph_makes_no_reading_list(tmp_path: Path) -> None:
    """``paperlab store info`` listed "default (0 paper(s))" after a mere look at a graph; the list is made when
    a paper is first added to it from the view."""
    store = Store(tmp_path / "s.sqlite3")
    store.create_list("thesis")
    GraphView(Library([MOE, TONES]), store=store)
    assert store.lists() == ["thesis"]
    view = GraphView(Library([MOE, TONES]), store=store, reading_list="thesis")
    assert view.listed_ids == []

"""The citation graph widget (issue 17), kernel side: node rows (library vs neighbours, size by citations,
colour by year or reading status), the 2,000-node cap, "Add to reading list" through the anywidget command
(a real store), and the static HTML fallback with hostile titles escaped.

Own data: papers made up here, cached as references in a real store (``CitationCache.save``).
"""

from __future__ import annotations

import html
from pathlib import Path

import networkx as nx
import pytest

from paperlab import Library, Paper
from paperlab.graphview import STATUS_COLORS, YEAR_COLORS, GraphView
from paperlab.sources.s2_graph import Link
from paperlab.store import Store
from paperlab.store.citations import CitationCache

HOSTILE = "<img src=x onerror=\"alert('graph')\"><script>alert(1)</script> & <b>bold</b>"
A = Paper("Counting Examples with Fewer Labels", arxiv_id="2401.00001", published="2024-01-05", authors=["Ann"])
B = Paper("Measuring Example Transfer", doi="10.5555/graph.b", published="2020-03-01", authors=["Bo"])


def _neighbour(i: int, year: int | None, citations: int, title: str | None = None) -> Paper:
    return Paper(
        title or f"Neighbour Paper Number {i}",
        arxiv_id=f"1901.{i:05d}" if year else None,
        doi=None if year else f"10.5555/undated.{i}",  # no date anywhere (an arXiv id, even old-style, dates it)
        published=f"{year}-01-01" if year else None,
        extra={"citationCount": citations},
    )


def _store(tmp_path: Path, hostile: bool = False) -> Store:
    store = Store(tmp_path / "g.sqlite3")
    cache = CitationCache(store)
    shared = _neighbour(1, 2015, 5000, HOSTILE if hostile else None)
    cache.save(A.id, "references", "semantic_scholar", [Link(shared), Link(_neighbour(2, None, 0)), Link(B)])
    cache.save(B.id, "references", "semantic_scholar", [Link(shared), Link(_neighbour(3, 2019, 10))])
    return store


UNDATED = _neighbour(2, None, 0).id


def test_nodes_edges_sizes_and_colours(tmp_path: Path) -> None:
    view = GraphView(Library([A, B]), store=_store(tmp_path))
    rows = {r["id"]: r for r in view.nodes}
    assert [r["id"] for r in view.nodes if r["in_library"]] == [A.id, B.id]
    assert sorted(map(tuple, view.edges)) == sorted(
        [(A.id, "1901.00001"), (A.id, UNDATED), (A.id, B.id), (B.id, "1901.00001"), (B.id, "1901.00003")]
    )
    assert rows["1901.00001"]["size"] > rows["1901.00003"]["size"] > rows[UNDATED]["size"]  # by citations
    assert rows[A.id]["size"] > 3 + 2.2 * 0  # library papers are drawn larger than an uncited neighbour
    assert rows[UNDATED]["color_year"] == "#8c8c8c"  # no year
    # years 2015..2024 in up to 7 bins, oldest first
    assert rows["1901.00001"]["color_year"] == YEAR_COLORS[0] and rows[A.id]["color_year"] == YEAR_COLORS[-1]
    assert view.legends["year"][0] == ["2015", YEAR_COLORS[0]] and view.legends["year"][-1][0] == "no year"
    assert {r["color_status"] for r in view.nodes} == {STATUS_COLORS[""]} and view.listed_ids == []


def test_add_to_reading_list_through_the_command(tmp_path: Path) -> None:
    store = _store(tmp_path)
    view = GraphView(Library([A, B]), store=store, color_by="status", reading_list="graph")
    answer, buffers = view._cmd_list({"id": "1901.00003"}, [])
    assert answer == {"ok": True, "id": "1901.00003", "status": "to-read", "list": "graph"} and buffers == []
    assert store.reading_list("graph").ids() == ["1901.00003"]  # the neighbour is now in the store and the list
    assert view.listed_ids == ["1901.00003"]
    row = next(r for r in view.nodes if r["id"] == "1901.00003")
    assert (row["status"], row["color_status"]) == ("to-read", STATUS_COLORS["to-read"])
    # a new view reads the statuses back from the store
    again = GraphView(Library([A, B]), store=store, reading_list="graph")
    assert again.listed_ids == ["1901.00003"]
    bad, _ = view._cmd_list({"id": "nope"}, [])
    assert bad == {"ok": False, "error": "PaperlabError: no paper 'nope' in this graph"}


def test_at_most_max_nodes_library_first(tmp_path: Path) -> None:
    view = GraphView(Library([A, B]), store=_store(tmp_path), max_nodes=3)
    # the library, then the neighbour cited by both library papers
    assert [r["id"] for r in view.nodes] == [A.id, B.id, "1901.00001"]
    big = nx.DiGraph()
    for i in range(2500):
        big.add_node(f"n{i}", paper=Paper(f"Paper {i} of a big graph").to_dict(), in_library=i < 10)
        big.nodes[f"n{i}"].update(title=f"Paper {i}", year=None, citations=i)
    assert len(GraphView(big, store=Store(tmp_path / "big.sqlite3")).nodes) == 2000


def test_static_fallback_escapes_titles(tmp_path: Path) -> None:
    view = GraphView(Library([A, B]), store=_store(tmp_path, hostile=True))
    data, _ = view._repr_mimebundle_()
    table = data["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in data
    assert "<img" not in table and "<script" not in table and "<b>bold" not in table
    assert html.escape(HOSTILE) in table
    assert "Citation graph: 2 library papers, 3 neighbours, 5 citations" in table
    # the hostile title travels to the front end as data (shown there with textContent only)
    assert any(r["title"] == HOSTILE for r in view.nodes)


def test_static_fallback_counts_one_paper_as_one(tmp_path: Path) -> None:
    store = Store(tmp_path / "one.sqlite3")
    CitationCache(store).save(A.id, "references", "semantic_scholar", [Link(_neighbour(1, 2015, 5))])
    table = GraphView(Library([A]), store=store)._repr_mimebundle_()[0]["text/html"]
    assert "Citation graph: 1 library paper, 1 neighbour, 1 citation</caption>" in table


def test_arguments_are_checked(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="color_by: expected 'year' or 'status'"):
        GraphView(Library([A]), color_by="topic", store=Store(tmp_path / "x.sqlite3"))
    with pytest.raises(TypeError, match="expected a networkx DiGraph or a Library"):
        GraphView([A], store=Store(tmp_path / "x.sqlite3"))  # type: ignore[arg-type]


def test_library_graph_view(tmp_path: Path) -> None:
    view = Library([A, B]).graph_view(store=_store(tmp_path), height=400)
    assert isinstance(view, GraphView) and view.height == 400 and len(view.nodes) == 5


def test_view_names_the_library_variable_for_its_hints(tmp_path: Path) -> None:
    store = _store(tmp_path)
    my_papers = Library([A, B])
    assert my_papers.graph_view(store=store).var_name == "my_papers"  # "run my_papers.fetch_citations()"
    assert GraphView(my_papers, store=store).var_name == "my_papers"
    # an unnamed library (an expression): no name, the view says "<library>"
    assert Library([A, B]).graph_view(store=store).var_name == ""

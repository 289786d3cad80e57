"""GraphView: the citation graph of a library as an interactive anywidget (sigma.js on WebGL).

The front end is ``paperlab/static/graph.js`` (built from ``js/src/graphview/``). The library's papers and
their one-hop neighbours (:func:`paperlab.citations.citation_graph`, from the store's citation cache) are
nodes: library papers drawn solid, neighbours lighter; a node's size grows with its citation count; its
colour says its year or its reading status (switchable in the view; colours keep 3:1 contrast on the light
and the dark theme). Titles are drawn where they fit without overlapping (the hovered and the opened node
always); the view fits the whole graph with a margin (also after "Reset view"); a library without fetched
citations is packed evenly by year and the header says how to fetch them (with the notebook's name of the
library when it has one). Library papers carry a ring under any colouring. Hovering a node shows its card, a
click opens one popover next to it, whose button adds the paper to a reading list (an anywidget command: the
kernel writes the store). Wheel zooms, dragging pans. Paper text reaches the page
only through ``textContent`` (and sigma's canvas labels).

Renderers without widgets (nbconvert, GitHub) get an HTML table of the library's papers and the most cited
neighbours, every text escaped.

Widget layer: imports the model, the store and :mod:`paperlab.citations`.
"""

from __future__ import annotations

import html
import math
import sys
from pathlib import Path
from typing import Any

import anywidget
import networkx as nx
import traitlets
from anywidget.experimental import command

from .citations import citation_graph, fetch_note
from .library import Library
from .paper import Paper
from .services.widgetlist import add_to_widget_list, widget_reading_list
from .text import plural

__all__ = ["GraphView", "STATUS_COLORS", "YEAR_COLORS", "graph_view"]

_STATIC = Path(__file__).parent / "static"
#: Colours of reading statuses (Okabe-Ito), legible on light and dark backgrounds.
STATUS_COLORS = {"to-read": "#e69f00", "reading": "#56b4e9", "read": "#009e73", "": "#8c8c8c"}
#: Colours of years, oldest to newest: a hue ramp (violet, blue, teal, green, olive, orange) at one middle
#: lightness, so every year keeps 3:1 contrast against JupyterLab's light (white) and dark (#212121) layout
#: colours (WCAG's non-text contrast; a viridis ramp's dark end vanished on the dark theme).
YEAR_COLORS = ("#8e62d0", "#5b73d6", "#2d86b8", "#178c7c", "#3a8f3a", "#8a7f12", "#c0561d")
_NO_YEAR = "#8c8c8c"
_STATIC_NEIGHBOURS = 25


def _authors(paper: dict[str, Any]) -> str:
    names = [n for n in paper.get("authors") or [] if isinstance(n, str)]
    if len(names) <= 3:
        return ", ".join(names)
    return f"{names[0]}, {names[1]} … {names[-1]} ({len(names)} authors)"


def _year_bins(years: list[int]) -> list[tuple[int, int]]:
    """Up to ``len(YEAR_COLORS)`` year ranges covering ``years`` evenly."""
    if not years:
        return []
    lo, hi = min(years), max(years)
    n = min(len(YEAR_COLORS), hi - lo + 1)
    edges = [lo + round(i * (hi - lo + 1) / n) for i in range(n + 1)]
    return [(edges[i], edges[i + 1] - 1) for i in range(n)]


def _year_color(year: int | None, bins: list[tuple[int, int]]) -> str:
    if year is None:
        return _NO_YEAR
    for i, (lo, hi) in enumerate(bins):
        if lo <= year <= hi:
            return YEAR_COLORS[i]
    return _NO_YEAR


def _size(citations: int | None, in_library: bool) -> float:
    return round(3 + 2.2 * math.log10(1 + (citations or 0)) + (3 if in_library else 0), 2)


def _user_name(obj: object) -> str:
    """The name the calling user code binds ``obj`` to (``demo`` in ``demo.graph_view()``), or ``""``.

    Only a hint for the view's text ("run demo.fetch_citations()"): the first frame outside paperlab is
    searched (its locals, then its globals, e.g. a notebook's namespace) for a public name of that object.
    """
    frame = sys._getframe(1)
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith("paperlab"):
        frame = frame.f_back  # type: ignore[assignment]
    if frame is None:
        return ""
    for space in (frame.f_locals, frame.f_globals):
        for name, value in list(space.items()):
            if value is obj and name.isidentifier() and not name.startswith("_"):
                return name
    return ""


def _kept(graph: nx.DiGraph, max_nodes: int) -> list[str]:
    """The library's nodes, then the neighbours most linked to the library (then most cited), up to ``max_nodes``."""
    library = [n for n, d in graph.nodes(data=True) if d.get("in_library")]
    mine = set(library)

    def weight(n: str) -> tuple[int, int, str]:
        links = sum(1 for m in nx.all_neighbors(graph, n) if m in mine)
        return (-links, -(graph.nodes[n].get("citations") or 0), n)

    others = sorted((n for n in graph.nodes if n not in mine), key=weight)
    return library + others[: max(0, max_nodes - len(library))]


class GraphView(anywidget.AnyWidget):
    """The citation graph of a library: hover for a card, click to open it and add the paper to a reading list.

    Parameters
    ----------
    graph : networkx.DiGraph or Library
        A graph from :func:`paperlab.citations.citation_graph` (``library.graph()``), or a library (its graph is
        read from the store's citation cache; fetch first with ``library.fetch_citations()``).
    color_by : {"year", "status"}
        What a node's colour says first (the view can switch).
    reading_list : str
        The reading list that "Add to reading list" writes to and whose statuses colour the nodes.
    max_nodes : int
        Most nodes drawn: the library's papers, then the neighbours most linked to them.
    height : int
        Height of the view in pixels.
    store : Store, optional
        Where the graph and the reading list are read from (default: the kernel's store).
    """

    _esm = _STATIC / "graph.js"

    nodes = traitlets.List(traitlets.Dict(), help="one node per paper: id, title, card text, size, colours").tag(
        sync=True
    )
    edges = traitlets.List(traitlets.List(), help="[citing id, cited id] pairs").tag(sync=True)
    legends = traitlets.Dict(help="{'year': [[label, colour], ...], 'status': [...]}").tag(sync=True)
    color_by = traitlets.Unicode("year").tag(sync=True)
    reading_list_name = traitlets.Unicode("default").tag(sync=True)
    listed_ids = traitlets.List(traitlets.Unicode(), help="node ids on the reading list").tag(sync=True)
    opened_id = traitlets.Unicode("", help="the node whose card the user opened last").tag(sync=True)
    height = traitlets.Int(520).tag(sync=True)
    var_name = traitlets.Unicode("", help="the user's name of the library, for the view's hints").tag(sync=True)
    empty_note = traitlets.Unicode(
        "", help="why a graph has no citation (a service was unreachable, none were found); '' when never fetched"
    ).tag(sync=True)

    def __init__(
        self,
        graph: nx.DiGraph | Library,
        *,
        color_by: str = "year",
        reading_list: str = "default",
        max_nodes: int = 2000,
        height: int = 520,
        store: Any = None,
    ) -> None:
        if color_by not in ("year", "status"):
            raise ValueError(f"color_by: expected 'year' or 'status', got {color_by!r}")
        var_name, note = "", ""
        if isinstance(graph, Library):
            var_name = _user_name(graph)
            library = graph
            graph = citation_graph(library, store=store)
            note = fetch_note(library, store=store, name=var_name) if graph.number_of_edges() == 0 else ""
        if not isinstance(graph, nx.DiGraph):
            raise TypeError(f"expected a networkx DiGraph or a Library, got {type(graph).__name__}")
        self._store = store
        self.graph = graph.subgraph(_kept(graph, max_nodes)).copy()
        super().__init__(
            color_by=color_by, reading_list_name=reading_list, height=height, var_name=var_name, empty_note=note
        )
        self._statuses = self._read_statuses()
        self.nodes, self.legends = self._node_rows()
        self.edges = [[a, b] for a, b in self.graph.edges]

    # -- data for the front end -------------------------------------------------------------------
    def _list(self) -> Any:
        return widget_reading_list(self._store, self.reading_list_name)

    def _read_statuses(self) -> dict[str, str]:
        """The reading list's statuses; a list not made yet is left unmade (an empty list named "default" in
        ``paperlab store info`` only for having looked at a graph) until a paper is added to it."""
        from .store import open_store

        store = self._store if self._store is not None else open_store()
        listed = self.reading_list_name in store.lists()
        statuses = {entry.paper.id: entry.status for entry in self._list().entries()} if listed else {}
        self.listed_ids = [n for n in self.graph.nodes if n in statuses]
        return statuses

    def _node_rows(self) -> tuple[list[dict[str, Any]], dict[str, list[list[str]]]]:
        years = [d["year"] for _, d in self.graph.nodes(data=True) if isinstance(d.get("year"), int)]
        bins = _year_bins(years)
        rows = []
        for node, data in self.graph.nodes(data=True):
            paper = data["paper"]
            status = self._statuses.get(node, "")
            rows.append(
                {
                    "id": node,
                    "title": data["title"],
                    "authors": _authors(paper),
                    "year": data["year"],
                    "venue": paper.get("journal_ref") or "",
                    "url": paper.get("url") or "",
                    "in_library": bool(data.get("in_library")),
                    "citations": data.get("citations"),
                    "size": _size(data.get("citations"), bool(data.get("in_library"))),
                    "status": status,
                    "color_year": _year_color(data["year"], bins),
                    "color_status": STATUS_COLORS.get(status, STATUS_COLORS[""]),
                }
            )
        year_legend = [[str(lo) if lo == hi else f"{lo}–{hi}", YEAR_COLORS[i]] for i, (lo, hi) in enumerate(bins)]
        if len(years) < self.graph.number_of_nodes():
            year_legend.append(["no year", _NO_YEAR])
        status_legend = [[name or "not listed", color] for name, color in STATUS_COLORS.items()]
        return rows, {"year": year_legend, "status": status_legend}

    # -- kernel commands ------------------------------------------------------------------------
    @command
    def _cmd_list(self, msg: Any, buffers: list[bytes]) -> tuple[dict[str, Any], list[bytes]]:
        """``{"id": node id}``: add that paper to the reading list; answers its new status."""
        answer, entry = add_to_widget_list(msg, self._paper, "in this graph", self._store, self.reading_list_name)
        if entry is None:
            return answer, []
        node = answer["id"]
        self._statuses[node] = entry.status
        self.listed_ids = [*self.listed_ids, node] if node not in self.listed_ids else self.listed_ids
        self.nodes = [
            {**row, "status": entry.status, "color_status": STATUS_COLORS[entry.status]} if row["id"] == node else row
            for row in self.nodes
        ]
        return answer, []

    def _paper(self, node: str) -> Paper | None:
        return Paper.from_dict(self.graph.nodes[node]["paper"]) if node in self.graph else None

    # -- static fallback ------------------------------------------------------------------------
    def _html_table(self) -> str:
        """The library's papers and the most linked neighbours as an HTML table (every text escaped)."""
        library = [r for r in self.nodes if r["in_library"]]
        others = [r for r in self.nodes if not r["in_library"]][:_STATIC_NEIGHBOURS]
        head = (
            "<tr><th>paper</th><th>year</th><th>in library</th><th>citations</th><th>cites</th><th>cited by</th></tr>"
        )
        rows = [
            "<tr>"
            f"<td>{html.escape(r['title'])}<br><small>{html.escape(r['authors'])}</small></td>"
            f"<td>{r['year'] or ''}</td><td>{'yes' if r['in_library'] else 'no'}</td>"
            f"<td>{'' if r['citations'] is None else r['citations']}</td>"
            f"<td>{self.graph.out_degree(r['id'])}</td><td>{self.graph.in_degree(r['id'])}</td>"
            "</tr>"
            for r in library + others
        ]
        return f"<table><caption>{html.escape(self._caption())}</caption>{head}{''.join(rows)}</table>"

    def _caption(self) -> str:
        """The counts ("Citation graph: 9 library papers, 0 neighbours, 0 citations"), and when there is no
        citation why, as the view says it: a service was unreachable, none were found, or none were fetched yet
        and how to fetch them."""
        library = sum(1 for r in self.nodes if r["in_library"])
        counts = (
            (library, "library paper"),
            (self.graph.number_of_nodes() - library, "neighbour"),
            (self.graph.number_of_edges(), "citation"),
        )
        caption = "Citation graph: " + ", ".join(plural(k, noun) for k, noun in counts)
        if self.graph.number_of_edges() == 0 and self.nodes:
            caption += f". {self.empty_note or empty_hint(self.var_name)}"
        return caption

    def __repr__(self) -> str:
        """What a console without widgets shows: the caption of the static table."""
        return f"<GraphView: {self._caption()}>"

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """The widget view, plus an HTML table for renderers without widgets."""
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        return {**data, "text/html": self._html_table()}, metadata


def empty_hint(name: str) -> str:
    """How to fill a graph never fetched, as the view's bar says it (``emptyHint`` in js/src/graphview/nodes.ts)."""
    return f"No citations fetched yet — run {name or '<library>'}.fetch_citations() (cached offline afterwards)"


def graph_view(library: Library, **kwargs: Any) -> GraphView:
    """The citation graph widget of ``library`` (engine of ``Library.graph_view``)."""
    return GraphView(library, **kwargs)

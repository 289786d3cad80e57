"""The citation graph of a library (a networkx ``DiGraph``), co-citation and bibliographic coupling, and gaps.

Nodes are canonical paper ids: the library's papers and the papers one hop away that the cache knows. A
neighbour that is the same work as a library paper (the same arXiv id, DOI, Semantic Scholar id, or a title
:func:`~paperlab.identity.same_work` accepts) is that library paper's node. Node attributes: ``paper`` (the wire
JSON, ``Paper.to_dict()``), ``in_library``, ``title``, ``year`` and ``citations`` (the source's citation count,
or None). An edge ``a -> b`` means *a cites b*: ``relation="cites"``, ``contexts`` (sentences of ``a`` around
the citation, when the source gives them), ``intents``, ``influential`` and ``sources``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..errors import UsageError
from ..identity import same_work
from ..library import Library
from ..paper import Paper
from ..store.citations import CitationCache, Edge
from ..store.core import Store, open_store

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "citation_count",
    "citation_graph",
    "citation_similarity",
    "cocitation",
    "coupling",
    "gaps",
    "references_fetched",
]


def citation_count(paper: Paper) -> int | None:
    """How often the source says ``paper`` is cited (Semantic Scholar ``citationCount``, OpenAlex ``cited_by_count``)."""
    count = paper.extra.get("citationCount")
    if count is None and isinstance(paper.extra.get("openalex"), dict):
        count = paper.extra["openalex"].get("cited_by_count")
    return count if isinstance(count, int) and not isinstance(count, bool) else None


class _Aliases:
    """Which library paper a neighbour is, by its match keys and Semantic Scholar id, confirmed by ``same_work``."""

    def __init__(self, library: Library) -> None:
        self.papers = {p.id: p for p in library}
        self.keys: dict[str, list[str]] = {}
        for paper in library:
            for key in self._keys(paper):
                self.keys.setdefault(key, []).append(paper.id)

    @staticmethod
    def _keys(paper: Paper) -> list[str]:
        pid = paper.extra.get("paperId")
        return [*paper.match_keys(), *([f"s2:{pid}"] if isinstance(pid, str) and pid else [])]

    def find(self, paper: Paper) -> str | None:
        if paper.id in self.papers:
            return paper.id
        for key in self._keys(paper):
            for pid in self.keys.get(key, ()):
                if key.startswith("s2:") or same_work(self.papers[pid], paper):
                    return pid
        return None


def _node(graph: nx.DiGraph, node: str, paper: Paper, in_library: bool) -> None:
    graph.add_node(
        node,
        paper=paper.to_dict(),
        in_library=in_library,
        title=paper.shown_title,
        year=paper.year,
        citations=citation_count(paper),
    )


def _add_edge(graph: nx.DiGraph, citing: str, cited: str, edge: Edge) -> None:
    if citing == cited:
        return  # a preprint citing its published version (or S2 matching a reference to the paper itself)
    if graph.has_edge(citing, cited):
        data = graph.edges[citing, cited]
        data["contexts"] = list(dict.fromkeys([*data["contexts"], *edge.contexts]))
        data["intents"] = list(dict.fromkeys([*data["intents"], *edge.intents]))
        data["sources"] = sorted({*data["sources"], edge.source})
        if edge.influential is not None:
            data["influential"] = bool(data["influential"]) or edge.influential
        return
    graph.add_edge(
        citing,
        cited,
        relation="cites",
        contexts=list(edge.contexts),
        intents=list(edge.intents),
        influential=edge.influential,
        sources=[edge.source],
    )


def citation_graph(library: Library | Iterable[Paper], *, store: Store | None = None, hops: int = 1) -> nx.DiGraph:
    """``Library.graph()``: the library and its neighbours up to ``hops`` citations away, as cached in the store
    (no network).

    Fetch first with ``Library.fetch_citations(hops=...)``; a paper never fetched is a node without edges.

    Raises
    ------
    UsageError
        ``hops`` < 1.
    """
    if hops < 1:
        raise UsageError(f"hops: expected 1 or more, got {hops}")
    lib = library if isinstance(library, Library) else Library(library)
    cache = CitationCache(store if store is not None else open_store())
    aliases = _Aliases(lib)
    graph = nx.DiGraph(name=lib.name or "citation graph")
    for paper in lib:
        _node(graph, paper.id, paper, True)
    node_of: dict[str, str] = {pid: pid for pid in aliases.papers}
    frontier: set[str] = set(aliases.papers)
    for _ in range(hops):
        edges = cache.edges(frontier)
        ends = cache.papers(({e.citing for e in edges} | {e.cited for e in edges}) - set(node_of))
        frontier = set()
        for pid, paper in ends.items():
            node_of[pid] = aliases.find(paper) or pid
            if node_of[pid] == pid and pid not in graph:
                _node(graph, pid, paper, False)
                frontier.add(pid)
        for edge in edges:
            citing, cited = node_of.get(edge.citing), node_of.get(edge.cited)
            if citing is not None and cited is not None:
                _add_edge(graph, citing, cited, edge)
        if not frontier:
            break
    return graph


def references_fetched(library: Library | Iterable[Paper], store: Store | None = None) -> int:
    """For how many papers of ``library`` references were fetched into the store's citation cache (any source)."""
    cache = CitationCache(store if store is not None else open_store())
    return sum(1 for paper in library if cache.fetched(paper.id, "references"))


def _salton(shared: int, a: int, b: int) -> float:
    return shared / math.sqrt(a * b) if a and b else 0.0


def cocitation(graph: nx.DiGraph, a: str, b: str) -> int:
    """How many papers of the graph cite both ``a`` and ``b``."""
    return len(set(graph.predecessors(a)) & set(graph.predecessors(b)))


def coupling(graph: nx.DiGraph, a: str, b: str) -> int:
    """Bibliographic coupling: how many papers ``a`` and ``b`` both cite."""
    return len(set(graph.successors(a)) & set(graph.successors(b)))


def citation_similarity(graph: nx.DiGraph, node: str, *, library_only: bool = True) -> dict[str, float]:
    """How related every other paper is to ``node`` through citations, in [0, 1]: the mean of the
    Salton-normalised co-citation (cited together) and bibliographic coupling (citing the same papers).

    Only papers sharing a citer or a reference get a score; ``library_only`` keeps the library's papers.
    A signal ``similar()`` and the feed can blend with text similarity.
    """
    if node not in graph:
        raise KeyError(f"no paper {node!r} in the citation graph")
    citers, refs = set(graph.predecessors(node)), set(graph.successors(node))
    candidates = {o for c in citers for o in graph.successors(c)} | {o for r in refs for o in graph.predecessors(r)}
    scores: dict[str, float] = {}
    for other in candidates - {node}:
        if library_only and not graph.nodes[other].get("in_library"):
            continue
        co = _salton(len(citers & set(graph.predecessors(other))), len(citers), graph.in_degree(other))
        bc = _salton(len(refs & set(graph.successors(other))), len(refs), graph.out_degree(other))
        scores[other] = (co + bc) / 2
    return dict(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))


def gaps(graph: nx.DiGraph, min_cited_by: int = 2, *, fetched: int | None = None) -> pd.DataFrame:
    """Papers cited by at least ``min_cited_by`` of the library's papers but not in the library, ranked by how
    many library papers cite them, then by their citation count.

    ``fetched``: for how many of the library's papers references were fetched, when known (``Library.gaps()``
    counts them in the cache); the frame's note then tells "nothing missing" from "nothing known yet".

    Returns
    -------
    GapFrame
        A DataFrame with columns ``id``, ``title``, ``year``, ``cited_by`` (library papers citing it),
        ``citations`` (the source's count), ``citing`` (the ids of those library papers) and ``paper`` (the
        wire JSON); printed with its note (``.note``, ``attrs["note"]``): why it is empty, or on how many
        papers' references it rests.
    """
    from .gapframe import GapFrame, gaps_note

    rows: list[dict[str, Any]] = []
    for node, data in graph.nodes(data=True):
        if data.get("in_library"):
            continue
        citing = sorted(c for c in graph.predecessors(node) if graph.nodes[c].get("in_library"))
        if len(citing) >= min_cited_by:
            rows.append(
                {
                    "id": node,
                    "title": data["title"],
                    "year": data["year"],
                    "cited_by": len(citing),
                    "citations": data["citations"],
                    "citing": citing,
                    "paper": data["paper"],
                }
            )
    columns = ["id", "title", "year", "cited_by", "citations", "citing", "paper"]
    rows.sort(key=lambda r: (-r["cited_by"], -(r["citations"] or 0), r["id"]))
    # year and citation count are integers that may be missing: nullable Int64, never floats like "2021.0"
    frame = GapFrame(rows, columns=columns).astype({"year": "Int64", "cited_by": "Int64", "citations": "Int64"})
    papers = sum(1 for _, data in graph.nodes(data=True) if data.get("in_library"))
    frame.attrs["note"] = gaps_note(len(frame), papers, fetched, min_cited_by)
    frame.attrs.update(gaps=len(frame), min_cited_by=min_cited_by)  # a filtered copy says the filter left none
    return frame

"""The citation graph of a library: references and citations (Semantic Scholar, OpenAlex) cached in the store,
``Library.graph()`` (networkx), co-citation and bibliographic coupling, and the gaps of a library.

Importing this package registers ``Paper.references``, ``Paper.citations``, ``Library.fetch_citations``,
``Library.graph`` and ``Library.gaps`` (see :mod:`paperlab._operations`), and the similarity signal
``"citations"`` that ``Library.similar(citations=True)`` blends in (:mod:`paperlab.search.signals`).
"""

from __future__ import annotations

from typing import Any

from ..library import Library
from ..paper import Paper
from ..search.signals import register_signal
from .bibliography import Bibliography, bibliography
from .fetch import FetchReport, citations, fetch_citations, fetch_note, links, references
from .graph import citation_count, citation_graph, citation_similarity, cocitation, coupling, gaps, references_fetched

__all__ = [
    "Bibliography",
    "FetchReport",
    "bibliography",
    "citation_count",
    "citation_graph",
    "citation_similarity",
    "citation_signal",
    "citations",
    "cocitation",
    "coupling",
    "fetch_citations",
    "fetch_note",
    "gaps",
    "library_gaps",
    "links",
    "references",
    "references_fetched",
]


def library_gaps(library: Library, min_cited_by: int = 2, **kwargs: Any) -> Any:
    """``Library.gaps()``: :func:`gaps` of :func:`citation_graph` (cached citations only), whose note says whether
    an empty answer means nothing is missing or nothing was fetched yet."""
    graph = citation_graph(library, **kwargs)
    return gaps(graph, min_cited_by=min_cited_by, fetched=references_fetched(library, kwargs.get("store")))


def citation_signal(library: Library, paper: Paper) -> dict[str, float]:
    """The similarity signal ``"citations"``: :func:`citation_similarity` of ``paper`` to the papers of ``library``
    in the graph of the citation cache (the default store's); empty when nothing about them was fetched."""
    if not any(p.id == paper.id for p in library):
        library = Library([*library, paper], name=library.name)
    graph = citation_graph(library)
    return citation_similarity(graph, paper.id) if paper.id in graph else {}


register_signal("citations", citation_signal)
Paper.operations.register("references", references)
Paper.operations.register("citations", citations)
Library.operations.register("fetch_citations", fetch_citations)
Library.operations.register("graph", citation_graph)
Library.operations.register("gaps", library_gaps)

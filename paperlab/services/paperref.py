"""The reference a person reads, pastes and runs for a paper: ``paperlab.paper("chess2004static")`` rather than
``paperlab.paper("title:9f151c739bb42680")``.

One helper for every place that writes a paper's reference for a person: the cards' "Copy Python code" and
"Insert as a code cell", the side panel's "Insert code" (the server's ``GET /papers/{id}`` answer carries the
cell) and the id column of ``paperlab list``. The order is the paper's arXiv id, its DOI, a BibTeX citation key it
was imported under, and paperlab's own id last; a reference is used only when it names this very paper where it is
looked up (a citation key another paper was imported under first names that one: the next reference is written).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..identity import citation_keys
from ..library import Library
from ..paper import Paper

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["Resolver", "library_resolver", "paper_code", "paper_ref", "store_resolver"]

#: The id of the paper a reference names (as ``paperlab.paper(ref)`` would find it), or None.
Resolver = Callable[[str], str | None]


def paper_ref(paper: Paper, resolves: Resolver | None = None) -> str:
    """The reference to write for ``paper``: its arXiv id, DOI, citation key, else its id, the first that names it.

    Parameters
    ----------
    paper : Paper
    resolves : callable, optional
        ``resolves(ref)``: the id of the paper ``ref`` names (:func:`store_resolver`, :func:`library_resolver`).
        Without it an arXiv id or DOI is taken as is and citation keys are not used (nothing says they are unique).
    """
    candidates = [paper.arxiv_id, paper.doi, *citation_keys(paper)]
    for i, ref in enumerate(candidates):
        if not ref:
            continue
        if resolves is None:
            if i < 2:  # an arXiv id or a DOI names one work
                return ref
            continue
        if resolves(ref) == paper.id:
            return ref
    return paper.id


def paper_code(paper: Paper, resolves: Resolver | None = None) -> str:
    """The code cell that loads ``paper`` in a kernel: ``import paperlab`` and ``paperlab.paper("<reference>")``."""
    # a JSON string is a Python string literal too (its escapes are Python's); non-ASCII stays readable
    return f"import paperlab\npaperlab.paper({json.dumps(paper_ref(paper, resolves), ensure_ascii=False)})"


def store_resolver(store: Store) -> Resolver:
    """What ``paperlab.paper(ref)`` finds in ``store`` (:meth:`Store.get_paper`): a lookup per reference."""

    def resolves(ref: str) -> str | None:
        found = store.get_paper(ref)
        return found.id if found is not None else None

    return resolves


def library_resolver(library: Library) -> Resolver:
    """What :meth:`Library.get` finds in ``library`` (``paperlab show REF --corpus FILE``, a file's papers)."""

    def resolves(ref: str) -> str | None:
        found = library.get(ref)
        return found.id if found is not None else None

    return resolves

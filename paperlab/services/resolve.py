"""Resolving a reference to a paper: the store first, then the paper's source.

arXiv ids and URLs (and arXiv DOIs) are fetched from the arXiv API (base URL from
``$PAPERLAB_ARXIV_URL`` when set), other DOIs from Semantic Scholar (base URL from
``$PAPERLAB_SEMANTIC_SCHOLAR_URL`` when set). A source that has no such paper raises
:class:`~paperlab.errors.NotFound`; a source that cannot be reached raises
:class:`~paperlab.errors.FetchError`.

:func:`fetch` is the store's default resolver: ``import paperlab`` installs it with
:func:`paperlab.store.set_default_resolver`, so :meth:`Store.paper <paperlab.store.Store.paper>` and
:meth:`ReadingList.add <paperlab.store.ReadingList.add>` fetch unknown papers.

Examples
--------
>>> from paperlab.services.resolve import paper
>>> paper("2503.14895").title  # doctest: +SKIP
"""

from __future__ import annotations

from ..errors import FetchError, NotFound
from ..identifiers import parse_reference
from ..paper import Paper
from ..sources.arxiv import ArxivClient
from ..sources.semantic_scholar import SemanticScholarClient
from ..store import Store, open_store

__all__ = ["fetch", "fetch_arxiv", "fetch_doi", "paper"]


def fetch_arxiv(arxiv_id: str, client: ArxivClient | None = None) -> Paper:
    """The paper ``arxiv_id`` (without version) from the arXiv API (through ``client``, e.g. the server's paced one;
    default: a client of its own).

    Raises
    ------
    NotFound
        If arXiv has no such paper.
    FetchError
        If arXiv could not be reached, or rejected the id.
    """
    if client is None:
        with ArxivClient() as own:
            return fetch_arxiv(arxiv_id, own)
    found = [p for p in client.fetch([arxiv_id]) if p.arxiv_id == arxiv_id]
    if not found:
        raise NotFound(f"arXiv has no paper {arxiv_id!r}")
    return found[0]


def fetch_doi(doi: str, client: SemanticScholarClient | None = None) -> Paper:
    """The paper with this DOI from Semantic Scholar (through ``client``; default: a client of its own).

    Raises
    ------
    NotFound
        If Semantic Scholar has no paper with this DOI (it answers 404).
    FetchError
        If Semantic Scholar could not be reached or answered another error.
    """
    if client is None:
        with SemanticScholarClient() as own:
            return fetch_doi(doi, own)
    try:
        return client.paper(f"DOI:{doi}")
    except FetchError as exc:
        if exc.status == 404:
            raise NotFound(f"Semantic Scholar has no paper with DOI {doi!r}") from exc
        raise


def fetch(ref: str) -> Paper:
    """The paper ``ref`` names, fetched from its source (the store is not asked, nothing is stored).

    Parameters
    ----------
    ref : str
        arXiv id (with or without version), arXiv abs/pdf URL, Hugging Face papers URL,
        DOI or doi.org URL.

    Raises
    ------
    NotFound
        If ``ref`` is not an arXiv id/URL or a DOI, or its source has no such paper.
    FetchError
        If the source could not be reached.
    """
    parsed = parse_reference(ref)
    if parsed.arxiv_id:
        return fetch_arxiv(parsed.arxiv_id)
    if parsed.doi:
        return fetch_doi(parsed.doi)
    raise NotFound(
        f"no stored paper {ref!r}, and it is not an arXiv id/URL or a DOI that could be "
        "fetched (expected e.g. '2503.14895', 'https://arxiv.org/abs/2503.14895', "
        "'10.1103/PhysRevD.76.013009' or a stored id)"
    )


def paper(ref: str | Paper, store: Store | None = None) -> Paper:
    """The stored paper ``ref`` names; fetched from its source and stored when absent.

    Parameters
    ----------
    ref : str or Paper
        A reference (see :func:`fetch`) or a stored canonical id; a Paper is stored (merged with
        any stored record of it).
    store : Store, optional
        By default :func:`paperlab.store.open_store`.

    Raises
    ------
    NotFound, FetchError
        See :func:`fetch`.
    """
    store = store if store is not None else open_store()
    if not isinstance(ref, Paper):
        found = store.get_paper(ref)
        if found is not None:
            return found
        ref = fetch(ref)
    return store.paper(ref)

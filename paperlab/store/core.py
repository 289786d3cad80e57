"""The :class:`Store` (papers, reading lists and the embedding cache in one SQLite file) and the
default store of a kernel."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from ..paper import Paper
from .db import default_store_path
from .embeddings import EmbeddingCache
from .lists import ListStore, ReadingList
from .papers import Resolver

__all__ = ["Store", "open_store", "paper", "reading_list"]


class Store(ListStore, EmbeddingCache):
    """The SQLite store of papers, reading lists and cached embeddings.

    Parameters
    ----------
    path : str or Path, optional
        Database file; by default ``$PAPERLAB_HOME/paperlab.sqlite3`` (see
        :func:`default_store_path`). Parent directories are created.
    resolver : callable, optional
        ``resolver(ref) -> Paper`` fetches a paper :meth:`paper` does not find in the store;
        by default the one the services layer installs (:mod:`paperlab.services.resolve`:
        arXiv and Semantic Scholar).

    Notes
    -----
    One connection is opened per thread (and re-opened in a child process), in
    autocommit mode; writes run in explicit ``BEGIN IMMEDIATE`` transactions.

    Examples
    --------
    >>> store = Store("/tmp/example.sqlite3")  # doctest: +SKIP
    >>> store.upsert_papers([Paper("Attention Is All You Need", arxiv_id="1706.03762")])  # doctest: +SKIP
    1
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, resolver: Resolver | None = None) -> None:
        super().__init__(path)
        self.resolver = resolver

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- module-level kernel API --------------------------------------------------------------------
_stores: dict[Path, Store] = {}
_stores_lock = threading.Lock()


def open_store() -> Store:
    """The default :class:`Store`, at ``$PAPERLAB_HOME/paperlab.sqlite3`` as set right now."""
    path = default_store_path()
    with _stores_lock:
        store = _stores.get(path)
        if store is None or not path.exists():
            store = _stores[path] = Store(path)
        return store


def reading_list(name: str = "default") -> ReadingList:
    """The reading list ``name`` of the default store, created when absent.

    Examples
    --------
    >>> rl = reading_list()  # doctest: +SKIP
    >>> rl.add("2503.14895", tags=["agents"])  # doctest: +SKIP
    >>> rl.set_status("2503.14895", "reading")  # doctest: +SKIP
    """
    return open_store().reading_list(name)


def paper(ref: str) -> Paper:
    """The paper named by ``ref`` from the default store, fetched and stored when absent.

    Parameters
    ----------
    ref : str
        arXiv id (with or without version), arXiv abs/pdf URL, Hugging Face papers URL,
        DOI, doi.org URL or a stored canonical id.

    Raises
    ------
    NotFound, FetchError
        See :meth:`Store.paper`.
    """
    return open_store().paper(ref)

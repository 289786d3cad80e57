"""The :class:`Store` (papers, reading lists and the embedding cache, in one SQLite file or a PostgreSQL
database) and the default store of a kernel."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from ..paper import Paper
from .db import default_store_location, is_postgres_url
from .embeddings import EmbeddingCache
from .lists import ListStore, ReadingList
from .papers import Resolver

__all__ = ["Store", "open_store", "paper", "reading_list"]


class Store(ListStore, EmbeddingCache):
    """The store of papers, reading lists and cached embeddings: a SQLite file or a PostgreSQL database.

    Parameters
    ----------
    path : str or Path, optional
        A database file (parent directories are created) or a ``postgresql://`` URL (needs the extra
        ``postgres``); by default ``$PAPERLAB_STORE``, else ``$PAPERLAB_HOME/paperlab.sqlite3`` (see
        :func:`~paperlab.store.db.default_store_location`).
    resolver : callable, optional
        ``resolver(ref) -> Paper`` fetches a paper :meth:`paper` does not find in the store;
        by default the one the services layer installs (:mod:`paperlab.services.resolve`:
        arXiv and Semantic Scholar).

    Notes
    -----
    One connection is opened per thread (and re-opened in a child process), in
    autocommit mode; writes run in explicit transactions that exclude each other
    (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: a transaction-scoped advisory lock).

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
        return f"Store({self.location!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- module-level kernel API --------------------------------------------------------------------
_stores: dict[str | Path, Store] = {}
_stores_lock = threading.Lock()


def open_store(location: str | os.PathLike[str] | None = None) -> Store:
    """The :class:`Store` at ``location``: a file path or a ``postgresql://`` URL; by default ``$PAPERLAB_STORE``
    when set, else ``$PAPERLAB_HOME/paperlab.sqlite3``, as set right now. One Store per location and process.

    Raises
    ------
    StoreUnavailable
        When the file cannot be opened, or the PostgreSQL server cannot be reached (within seconds, naming
        its host and port).
    StoreError
        For a ``postgresql://`` URL without psycopg installed (the extra ``postgres``).
    """
    target = default_store_location() if location is None else location
    key: str | Path = str(target).strip() if is_postgres_url(target) else Path(target).expanduser()
    with _stores_lock:
        store = _stores.get(key)
        if store is None or (isinstance(key, Path) and not key.exists()):
            store = _stores[key] = Store(key)
        return store


def reading_list(name: str = "default") -> ReadingList:
    """The reading list ``name`` of the default store, created when absent.

    Examples
    --------
    >>> rl = reading_list()  # doctest: +SKIP
    >>> rl.add("2503.14895", tags=["agents"])  # doctest: +SKIP
    >>> rl.set_status("2503.14895", "reading")  # doctest: +SKIP

    The store is :func:`open_store`'s default (``$PAPERLAB_STORE``: a team's PostgreSQL list is
    ``PAPERLAB_STORE=postgresql://...``).
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

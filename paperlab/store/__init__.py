"""The one store shared by kernels and the server extension: a SQLite file, or a PostgreSQL database for a team.

The default store is ``$PAPERLAB_STORE`` (a file path or a ``postgresql://`` URL) when set, else
``$PAPERLAB_HOME/paperlab.sqlite3`` (both read each time a default store is opened; without them,
a per-user data directory). It holds

* ``papers``: each paper's wire-format JSON (:meth:`Paper.to_dict`) plus indexed columns,
* ``lists`` and ``list_entries``: named reading lists (position, status, tags, note, times, and who
  added and last changed each entry: :mod:`.people`),
* ``embeddings``: cached vectors for the search module, keyed by model and text hash,
* ``meta``: a ``revision`` counter bumped by every write transaction on papers and lists,
* ``schema_version``: the versions applied by :mod:`.migrations`.

Several processes (kernels and the Jupyter server) may write at once. The database runs
in WAL mode with a busy timeout, and every write is one short ``BEGIN IMMEDIATE``
transaction, so a read-modify-write (adding a tag, moving an entry) never loses an
update made concurrently by another process. Nothing is cached in Python objects: every
method reads the database again, so changes made elsewhere show on the next call.

Modules: :mod:`.db` (the engine-neutral :class:`~.db.Database`, and SQLite's connections, transactions,
revision), :mod:`.pg` (PostgreSQL: advisory-locked writes, LISTEN/NOTIFY), :mod:`.dialect` (the SQL that differs),
:mod:`.migrations` (versioned schema for both engines), :mod:`.people` (who makes a change), :mod:`.keys` (references,
match keys, merging), :mod:`.rows` (the ``papers`` row), :mod:`.papers` (paper writes, bulk import,
lookups), :mod:`.lists` (reading lists), :mod:`.embeddings` (the embedding cache), :mod:`.core`
(:class:`Store` and the default store). Failures raise the :class:`~paperlab.errors.StoreError`
subclasses ``NotFound``, ``Conflict``, ``InvalidValue`` and ``Busy``.
"""

from __future__ import annotations

from .core import Store, open_store, paper, reading_list
from .db import DB_NAME, MIGRATIONS, SCHEMA_VERSION, default_store_location, default_store_path
from .lists import STATUSES, ListEntry, ReadingList
from .papers import Resolver, default_resolver, set_default_resolver
from .people import acting_as, current_user

__all__ = [
    "DB_NAME",
    "ListEntry",
    "MIGRATIONS",
    "ReadingList",
    "Resolver",
    "SCHEMA_VERSION",
    "STATUSES",
    "Store",
    "acting_as",
    "current_user",
    "default_resolver",
    "default_store_location",
    "default_store_path",
    "open_store",
    "paper",
    "reading_list",
    "set_default_resolver",
]

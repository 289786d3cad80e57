"""Where the store is: a SQLite file path or a PostgreSQL URL, and the default one (``$PAPERLAB_STORE``)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DB_NAME", "default_store_location", "default_store_path", "is_postgres_url"]

DB_NAME = "paperlab.sqlite3"


def default_store_path() -> Path:
    """Path of the default store: ``$PAPERLAB_HOME/paperlab.sqlite3``.

    ``PAPERLAB_HOME`` is read at call time; when unset, the per-user data directory
    given by :func:`platformdirs.user_data_dir` is used.
    """
    home = os.environ.get("PAPERLAB_HOME")
    if not home:
        import platformdirs

        home = platformdirs.user_data_dir("paperlab", appauthor=False)
    return Path(home).expanduser() / DB_NAME


def is_postgres_url(location: object) -> bool:
    """Whether ``location`` names a PostgreSQL store (``postgresql://...`` or ``postgres://...``)."""
    return isinstance(location, str) and location.strip().lower().startswith(("postgresql://", "postgres://"))


def default_store_location() -> str | Path:
    """The default store: ``$PAPERLAB_STORE`` (a file path or a ``postgresql://`` URL) when set, else
    :func:`default_store_path`. Read at call time."""
    named = os.environ.get("PAPERLAB_STORE", "").strip()
    if not named:
        return default_store_path()
    return named if is_postgres_url(named) else Path(named).expanduser()

"""The SQLite file: connections, WAL mode, transactions, the revision counter and schema migrations.

Several processes (kernels and the Jupyter server) may write at once. The database runs in WAL mode
with a busy timeout, and every write is one short ``BEGIN IMMEDIATE`` transaction, so a
read-modify-write never loses an update made concurrently by another process.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import Busy, StoreError

__all__ = [
    "DB_NAME",
    "Database",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "default_store_path",
    "now",
    "parse_time",
    "renumber",
]

SCHEMA_VERSION = 1
DB_NAME = "paperlab.sqlite3"
_BUSY_TIMEOUT_MS = 30_000


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


# -- schema ------------------------------------------------------------------------------
_SCHEMA_1 = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    "INSERT OR IGNORE INTO meta(key, value) VALUES ('revision', 0)",
    """CREATE TABLE IF NOT EXISTS papers (
        id TEXT PRIMARY KEY,
        arxiv_id TEXT,
        doi TEXT,            -- lowercase
        title TEXT NOT NULL,
        title_hash INTEGER,  -- 64-bit hash of normalize_title(), when identifying (>= 12 chars)
        published TEXT,
        updated_at TEXT NOT NULL,
        data TEXT NOT NULL   -- Paper.to_dict() as JSON
    )""",
    "CREATE INDEX IF NOT EXISTS papers_arxiv_id ON papers(arxiv_id)",
    "CREATE INDEX IF NOT EXISTS papers_doi ON papers(doi)",
    "CREATE INDEX IF NOT EXISTS papers_title_hash ON papers(title_hash)",
    """CREATE TABLE IF NOT EXISTS lists (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS list_entries (
        list_id INTEGER NOT NULL,
        paper_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('to-read', 'reading', 'read')),
        tags TEXT NOT NULL DEFAULT '[]',  -- JSON list of strings
        note TEXT,
        added TEXT NOT NULL,
        updated TEXT NOT NULL,
        PRIMARY KEY (list_id, paper_id)
    )""",
    "CREATE INDEX IF NOT EXISTS list_entries_paper ON list_entries(paper_id)",
    """CREATE TABLE IF NOT EXISTS embeddings (
        model TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        dim INT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (model, text_hash)
    )""",
)


def _migrate_0_to_1(conn: sqlite3.Connection) -> None:
    for stmt in _SCHEMA_1:
        conn.execute(stmt)


#: ``MIGRATIONS[n]`` upgrades a store from schema ``n`` to ``n + 1``; each runs inside the
#: write transaction that also sets ``PRAGMA user_version``. Add a step per schema change.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {0: _migrate_0_to_1}


def now() -> str:
    """The current UTC time as the store writes it (ISO 8601, microseconds)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


def parse_time(value: str) -> dt.datetime:
    """A time written by :func:`now`, read back."""
    return dt.datetime.fromisoformat(value)


def renumber(conn: sqlite3.Connection, list_id: int, order: list[str] | None = None) -> None:
    """Give the entries of a list the positions 0, 1, ... in ``order`` (by default: their current order)."""
    if order is None:
        order = [
            r[0]
            for r in conn.execute(
                "SELECT paper_id FROM list_entries WHERE list_id = ? ORDER BY position, added", (list_id,)
            )
        ]
    conn.executemany(
        "UPDATE list_entries SET position = ? WHERE list_id = ? AND paper_id = ? AND position != ?",
        [(i, list_id, pid, i) for i, pid in enumerate(order)],
    )


def _lower(text: str | None) -> str | None:
    return text.lower() if isinstance(text, str) else text


class Database:
    """One store file: a connection per thread (re-opened in a child process), in autocommit mode;
    writes run in explicit ``BEGIN IMMEDIATE`` transactions.

    Parameters
    ----------
    path : str or Path, optional
        Database file; by default :func:`default_store_path`. Parent directories are created.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._migrate()

    # -- connections and transactions --------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None or getattr(self._local, "pid", None) != os.getpid():
            conn = self._connect()
            self._local.conn = conn
            self._local.pid = os.getpid()
        return conn

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                self.path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
            conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            # Larger pages suit ~2 KiB paper rows (fewer overflow pages); this only takes effect
            # on a new, empty file and is a no-op on an existing store.
            conn.execute("PRAGMA page_size = 8192")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"{self.path}: could not switch the store to WAL mode (got {mode!r})")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.create_function("paperlab_lower", 1, _lower, deterministic=True)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc
        return conn

    def close(self) -> None:
        """Close this thread's connection (a later call opens a new one)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None and getattr(self._local, "pid", None) == os.getpid():
            conn.close()
        self._local.conn = None

    @contextmanager
    def _write(self, bump: bool = True) -> Iterator[sqlite3.Connection]:
        """One short write transaction; bumps the revision unless ``bump`` is false.

        Raises
        ------
        Busy
            When another writer kept the store locked for longer than the busy timeout.
        """
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise Busy(f"{self.path}: the store stayed locked by another writer: {exc}") from exc
        try:
            yield conn
            if bump:
                conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'revision'")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: one consistent snapshot for several statements."""
        conn = self._conn()
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    def _migrate(self) -> None:
        conn = self._conn()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema version {version} is newer than this paperlab "
                f"understands ({SCHEMA_VERSION}); upgrade paperlab"
            )
        with self._write(bump=False) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](conn)
                version += 1
                conn.execute(f"PRAGMA user_version = {version}")

    @property
    def schema_version(self) -> int:
        """``PRAGMA user_version`` of the database file."""
        return int(self._conn().execute("PRAGMA user_version").fetchone()[0])

    def revision(self) -> int:
        """A counter that increases with every write to papers or reading lists.

        The server compares it with the value a client last saw to tell whether
        anything changed. Writes to the embedding cache do not count.
        """
        row = self._conn().execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        return int(row[0])

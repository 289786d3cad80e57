"""The SQLite file: connections, WAL mode, transactions, the revision counter and schema migrations.

Several processes (kernels and the Jupyter server) may write at once. The database runs in WAL mode
with a busy timeout, and every write is one short ``BEGIN IMMEDIATE`` transaction, so a
read-modify-write never loses an update made concurrently by another process.

What the file or the disk does wrong becomes a typed error naming the file and what to do
(:class:`~paperlab.errors.StoreUnavailable` and its subclasses; a lock held too long is
:class:`~paperlab.errors.Busy`), never a raw :mod:`sqlite3` error: every statement runs through
:class:`_Connection`, which translates them. Before a file is opened for writing, its header is read
(a store of a newer schema is refused untouched, with a plain StoreError) and, once per process and file, ``PRAGMA quick_check``
runs on it (a damaged file is refused before anything is written to it).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import Busy, StoreCorrupt, StoreError, StoreFull, StoreReadOnly, StoreUnavailable

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
_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database file

# SQLite's primary result codes (the low byte of ``sqlite3.Error.sqlite_errorcode``) that say
# something about the file or the disk rather than about the statement
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 10, 11, 13, 14, 26
_RESTORE = (
    "restore it from a backup, or move it aside (paperlab then starts an empty store) after rescuing what is "
    "readable with the sqlite3 shell: sqlite3 FILE .recover > rescued.sql"
)


def _store_error(exc: sqlite3.Error, path: Path) -> StoreError | None:
    """The typed error for ``exc`` raised on the store ``path``, or None for an error of the statement itself."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    where = str(path)
    if primary == _SQLITE_FULL:
        return StoreFull(
            f"{where}: the disk holding the store is full ({exc}); nothing of this change was kept. "
            "Free some space (or move the store with PAPERLAB_HOME) and try again",
            where,
        )
    if primary in (_SQLITE_READONLY, _SQLITE_PERM):
        return StoreReadOnly(
            f"{where}: the store cannot be written ({exc}); make the file and its folder writable "
            "(the folder holds the -wal and -shm files too), or point PAPERLAB_HOME elsewhere",
            where,
        )
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or (
        primary is None and isinstance(exc, sqlite3.OperationalError) and "decode" in str(exc)
    ):
        return StoreCorrupt(f"{where}: the store file is damaged ({exc}); {_RESTORE}", where)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return Busy(f"{where}: the store stayed locked by another writer: {exc}")
    if primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN):
        return StoreUnavailable(
            f"{where}: the store file could not be read or written ({exc}); check the disk, "
            "the file's permissions and that its folder still exists",
            where,
        )
    return None


class _Cursor(sqlite3.Cursor):
    """A cursor whose failures of the file or the disk raise typed errors (see :func:`_store_error`)."""

    path: Path

    def execute(self, sql: str, parameters: Any = (), /) -> _Cursor:
        try:
            super().execute(sql, parameters)
        except sqlite3.Error as exc:
            raise _store_error(exc, self.path) or exc from exc
        return self

    def executemany(self, sql: str, seq_of_parameters: Any, /) -> _Cursor:
        try:
            super().executemany(sql, seq_of_parameters)
        except sqlite3.Error as exc:
            raise _store_error(exc, self.path) or exc from exc
        return self

    def fetchone(self) -> Any:
        try:
            return super().fetchone()
        except sqlite3.Error as exc:
            raise _store_error(exc, self.path) or exc from exc

    def fetchmany(self, size: int | None = 1) -> list[Any]:
        try:
            return super().fetchmany(self.arraysize if size is None else size)
        except sqlite3.Error as exc:
            raise _store_error(exc, self.path) or exc from exc

    def fetchall(self) -> list[Any]:
        try:
            return super().fetchall()
        except sqlite3.Error as exc:
            raise _store_error(exc, self.path) or exc from exc

    def __next__(self) -> Any:
        try:
            return super().__next__()
        except sqlite3.Error as exc:
            raise _store_error(exc, self.path) or exc from exc


class _Connection(sqlite3.Connection):
    """A connection to the store ``path`` whose statements run through :class:`_Cursor`."""

    path: Path

    def cursor(self, factory: Any = None) -> _Cursor:  # type: ignore[override]
        cur = super().cursor(factory or _Cursor)
        cur.path = self.path
        return cur  # type: ignore[no-any-return]

    def execute(self, sql: str, parameters: Any = (), /) -> _Cursor:  # type: ignore[override]
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Any, /) -> _Cursor:  # type: ignore[override]
        return self.cursor().executemany(sql, parameters)


_checked: set[tuple[str, int, int]] = set()  # (path, device, inode) of files quick_check passed in this process
_checked_lock = threading.Lock()


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
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(f"{self.path}: cannot create the store's folder: {exc}", str(self.path)) from exc
        self._local = threading.local()
        self._check_header()
        self._migrate()

    # -- connections and transactions --------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None or getattr(self._local, "pid", None) != os.getpid():
            conn = self._connect()
            self._local.conn = conn
            self._local.pid = os.getpid()
        return conn

    def _check_header(self) -> None:
        """Refuse a file that is not a SQLite database, or whose schema is newer than ours, reading only
        its first 100 bytes: nothing is written (no switch to WAL, no -wal or -shm file).

        Raises
        ------
        StoreCorrupt
            The file is not a SQLite database.
        StoreError
            The file's ``user_version`` is above :data:`SCHEMA_VERSION`.
        """
        try:
            with open(self.path, "rb") as f:
                header = f.read(100)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise StoreUnavailable(f"{self.path}: cannot read the store: {exc}", str(self.path)) from exc
        if not header:
            return  # an empty file is an empty database
        if len(header) < 100 or not header.startswith(_HEADER):
            raise StoreCorrupt(
                f"{self.path}: cannot open the store: this file is not a paperlab store (not a SQLite database)",
                str(self.path),
            )
        self._refuse_newer(int.from_bytes(header[60:64], "big"))

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema version {version} is newer than this paperlab "
                f"understands ({SCHEMA_VERSION}); upgrade paperlab (the file was left untouched)"
            )

    def _quick_check(self, conn: sqlite3.Connection) -> None:
        """``PRAGMA quick_check`` once per process and file (about 0.1 s per 100k papers when cached,
        2 s when read from disk); raises :class:`StoreCorrupt` naming the file when it finds damage."""
        try:
            st = os.stat(self.path)
        except OSError:
            return  # a new file: created empty by the connection, nothing to check
        key = (str(self.path.resolve()), st.st_dev, st.st_ino)
        with _checked_lock:
            if key in _checked or st.st_size == 0:
                return
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()]  # damage may raise StoreCorrupt
        if rows != ["ok"]:
            raise StoreCorrupt(
                f"{self.path}: cannot open the store: the file is damaged ({'; '.join(rows)}); {_RESTORE}",
                str(self.path),
            )
        with _checked_lock:
            _checked.add(key)

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                self.path,
                timeout=_BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
                factory=_Connection,
            )
        except sqlite3.Error as exc:
            raise _store_error(exc, self.path) or StoreError(f"{self.path}: cannot open the store: {exc}") from exc
        conn.path = self.path
        try:
            conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            # before anything is written: a newer schema (the header may be older than the WAL) or damage
            self._refuse_newer(int(conn.execute("PRAGMA user_version").fetchone()[0]))
            self._quick_check(conn)
            # Larger pages suit ~2 KiB paper rows (fewer overflow pages); this only takes effect
            # on a new, empty file and is a no-op on an existing store.
            conn.execute("PRAGMA page_size = 8192")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"{self.path}: could not switch the store to WAL mode (got {mode!r})")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.create_function("paperlab_lower", 1, _lower, deterministic=True)
        except BaseException as exc:
            conn.close()
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc
            raise
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
        conn.execute("BEGIN IMMEDIATE")  # a lock held too long raises Busy, a read-only file StoreReadOnly
        try:
            yield conn
            if bump:
                conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'revision'")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except (sqlite3.Error, StoreError):
                    pass  # e.g. SQLite already rolled back after a full disk: the first error is the one to report
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
        self._refuse_newer(version)
        with self._write(bump=False) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
            self._refuse_newer(version)
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

"""The store's database: one API over two engines, and the SQLite engine itself.

:class:`Database` opens the store a location names: a file path (SQLite, the embedded default) or a
``postgresql://`` URL (PostgreSQL through psycopg 3, :mod:`paperlab.store.pg`); ``$PAPERLAB_STORE`` names
the default one (else ``$PAPERLAB_HOME/paperlab.sqlite3``). Every query is written once, in the portable SQL
of :mod:`paperlab.store.dialect`; the schema is versioned by :mod:`paperlab.store.migrations`.

SQLite: several processes (kernels and the Jupyter server) may write at once. The database runs in WAL mode
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

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol

from ..errors import Busy, StoreCorrupt, StoreError, StoreFull, StoreReadOnly, StoreUnavailable
from .dialect import SQLITE, Dialect
from .locations import DB_NAME, default_store_location, default_store_path, is_postgres_url
from .migrations import MIGRATIONS, SCHEMA_VERSION
from .times import now, parse_time

__all__ = [
    "DB_NAME",
    "Connection",
    "Database",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SqliteEngine",
    "default_store_location",
    "default_store_path",
    "is_postgres_url",
    "now",
    "parse_time",
    "renumber",
]

_BUSY_TIMEOUT_MS = 30_000
_BULK_CACHE_KIB = 32 * 1024  # SQLite page cache during bulk_import
_BULK_CHECKPOINT_PAGES = 10_000  # WAL pages between automatic checkpoints during bulk_import
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


class Connection(Protocol):
    """What the store's queries use of a connection of either engine (portable SQL, ``?`` placeholders)."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Any = (), /) -> Any: ...

    def executemany(self, sql: str, parameters: Any, /) -> Any: ...


def renumber(conn: Connection, list_id: int, order: list[str] | None = None) -> None:
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


class SqliteEngine:
    """One SQLite store file: a connection per thread (re-opened in a child process), in autocommit mode;
    writes run in explicit ``BEGIN IMMEDIATE`` transactions.

    Parameters
    ----------
    path : Path
        Database file. Parent directories are created.
    """

    dialect: Dialect = SQLITE

    def __init__(self, path: Path) -> None:
        self.path = path
        self.location = str(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(f"{self.path}: cannot create the store's folder: {exc}", str(self.path)) from exc
        self._local = threading.local()
        self._check_header()
        self.migrate()

    # -- connections and transactions --------------------------------------------------------
    def conn(self) -> sqlite3.Connection:
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
    def write(self, bump: bool = True) -> Iterator[sqlite3.Connection]:
        """One short write transaction; bumps the revision unless ``bump`` is false.

        Raises
        ------
        Busy
            When another writer kept the store locked for longer than the busy timeout.
        """
        conn = self.conn()
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
    def read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: one consistent snapshot for several statements."""
        conn = self.conn()
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    def migrate(self) -> None:
        """Bring the file to :data:`SCHEMA_VERSION` (one write transaction; a newer file is refused)."""
        conn = self.conn()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        self._refuse_newer(version)
        with self.write(bump=False) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
            self._refuse_newer(version)
            while version < SCHEMA_VERSION:
                for statement in MIGRATIONS[version]["sqlite"]:
                    conn.execute(statement)
                version += 1
                conn.execute(f"PRAGMA user_version = {version}")
                if version >= 2:  # the schema_version table exists from version 2 on
                    conn.execute(
                        "INSERT INTO schema_version(version, applied) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        (version, now()),
                    )

    def schema_version(self) -> int:
        """``PRAGMA user_version`` of the database file."""
        return int(self.conn().execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def bulk_settings(self) -> Iterator[None]:
        """For a bulk import, restored afterwards: a larger page cache keeps the random-order index inserts in
        memory, and fewer, larger checkpoints cost fewer fsyncs; both bounded."""
        conn = self.conn()
        cache, ckpt = (conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("cache_size", "wal_autocheckpoint"))
        conn.execute(f"PRAGMA cache_size = -{_BULK_CACHE_KIB}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {_BULK_CHECKPOINT_PAGES}")
        try:
            yield
        finally:
            conn.execute(f"PRAGMA cache_size = {int(cache)}")
            conn.execute(f"PRAGMA wal_autocheckpoint = {int(ckpt)}")

    def subscribe(self, callback: Callable[[], None]) -> Callable[[], None] | None:
        """SQLite has no change notifications: None (callers poll :meth:`Database.revision`)."""
        return None


class Database:
    """The store at a file path (SQLite) or a ``postgresql://`` URL (PostgreSQL), behind one API.

    Parameters
    ----------
    path : str, Path or None
        A database file (parent directories are created), a ``postgresql://`` URL, or None for
        :func:`default_store_location` (``$PAPERLAB_STORE``, else ``$PAPERLAB_HOME/paperlab.sqlite3``).

    Attributes
    ----------
    location : str
        The file, or the URL without its password: what messages name.
    path : Path
        The SQLite file; for PostgreSQL, a local folder for caches derived from the store (e.g. search indexes).
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        target = default_store_location() if path is None else path
        if is_postgres_url(target):
            from .pg import PostgresEngine

            self._engine: Any = PostgresEngine(str(target).strip())
        else:
            self._engine = SqliteEngine(Path(target))
        self.path: Path = self._engine.path
        self.location: str = self._engine.location
        self.dialect: Dialect = self._engine.dialect

    def _conn(self) -> Connection:
        conn: Connection = self._engine.conn()
        return conn

    def _write(self, bump: bool = True) -> AbstractContextManager[Connection]:
        """One short write transaction; bumps the revision unless ``bump`` is false.

        Raises
        ------
        Busy
            When another writer kept the store locked for longer than the timeout.
        """
        cm: AbstractContextManager[Connection] = self._engine.write(bump)
        return cm

    def _read(self) -> AbstractContextManager[Connection]:
        """A read transaction: one consistent snapshot for several statements."""
        cm: AbstractContextManager[Connection] = self._engine.read()
        return cm

    def close(self) -> None:
        """Close this thread's connection (a later call opens a new one)."""
        self._engine.close()

    @property
    def schema_version(self) -> int:
        """The schema version of the store (see :mod:`paperlab.store.migrations`)."""
        return int(self._engine.schema_version())

    def revision(self) -> int:
        """A counter that increases with every write to papers or reading lists.

        The server compares it with the value a client last saw to tell whether
        anything changed. Writes to the embedding cache do not count.
        """
        row = self._conn().execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        return int(row[0])

    def subscribe(self, callback: Callable[[], None]) -> Callable[[], None] | None:
        """Call ``callback`` (from another thread) after every committed change by anyone; returns the function
        that stops it, or None when the engine cannot notify (SQLite: poll :meth:`revision` instead).

        PostgreSQL delivers the changes through ``LISTEN``/``NOTIFY``.
        """
        unsubscribe: Callable[[], None] | None = self._engine.subscribe(callback)
        return unsubscribe

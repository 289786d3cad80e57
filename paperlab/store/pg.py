"""The PostgreSQL engine of the store (psycopg 3, the optional extra ``postgres``), for teams sharing lists.

The tables are those of SQLite (:mod:`paperlab.store.migrations`), in the schema the URL's ``search_path``
names (``public`` by default); the queries are the same portable SQL (:mod:`paperlab.store.dialect`).
Every write is one transaction that first takes a transaction-scoped advisory lock of the store, so a
read-modify-write never loses a concurrent one, exactly as SQLite's ``BEGIN IMMEDIATE`` does; a lock held
longer than 30 s is :class:`~paperlab.errors.Busy`. A write that bumps the revision also sends
``NOTIFY`` on the store's channel, delivered at commit: :meth:`PostgresEngine.subscribe` listens on it (one
thread and connection per process), so the server's long-poll answers another user's change at once.

A forked child (``multiprocessing`` on Linux) opens its own connections; psycopg never closes the ones it
inherited from there, so the parent's sessions live on.

An unreachable server fails within seconds (``connect_timeout``, 5 s unless the URL sets one) with a
:class:`~paperlab.errors.StoreUnavailable` naming the host and port.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import Busy, StoreError, StoreFull, StoreReadOnly, StoreUnavailable
from .dialect import POSTGRES, Dialect
from .locations import default_store_path
from .migrations import MIGRATIONS, SCHEMA_VERSION
from .times import now

__all__ = ["CONNECT_TIMEOUT_S", "LOCK_TIMEOUT_MS", "PostgresEngine"]

CONNECT_TIMEOUT_S = 5
LOCK_TIMEOUT_MS = 30_000
_EXTRA = "pip install 'jupyterlab-paperlab[postgres]'"
_PASSWORD = re.compile(r"(://[^:/@\s\"]*:)[^@\s\"]*@")  # the password of a URL, in a message


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as exc:
        raise StoreError(
            f"a postgresql:// store needs psycopg 3, which is not installed: {_EXTRA} "
            f"(the optional extra 'postgres'); ({exc})"
        ) from exc
    return psycopg


class _PgConnection:
    """A psycopg connection running the store's portable SQL; failures of the server become typed errors."""

    def __init__(self, raw: Any, engine: PostgresEngine) -> None:
        self.raw = raw
        self.engine = engine

    @property
    def in_transaction(self) -> bool:
        return bool(self.raw.info.transaction_status != 0)  # 0: IDLE

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        try:
            return self.raw.execute(POSTGRES.sql(sql), parameters)
        except self.engine.psycopg.Error as exc:
            raise self.engine.error(exc) from exc

    def executemany(self, sql: str, parameters: Any, /) -> Any:
        cur = self.raw.cursor()
        try:
            cur.executemany(POSTGRES.sql(sql), list(parameters))
        except self.engine.psycopg.Error as exc:
            raise self.engine.error(exc) from exc
        return cur

    def close(self) -> None:
        self.raw.close()


def _identifier_hash(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=8).digest()


class PostgresEngine:
    """A store in a PostgreSQL database: one connection per thread (re-opened in a child process).

    Parameters
    ----------
    url : str
        ``postgresql://user:password@host:port/dbname?options=...`` (libpq's URL form).
    """

    dialect: Dialect = POSTGRES

    def __init__(self, url: str) -> None:
        self.psycopg = _psycopg()
        from psycopg.conninfo import conninfo_to_dict

        self.url = url
        try:
            info = conninfo_to_dict(url)
        except self.psycopg.ProgrammingError as exc:
            shown = _PASSWORD.sub(r"\1***@", str(exc).strip())  # libpq may quote the URL: never its password
            raise StoreError(f"not a valid PostgreSQL URL for the store: {shown}") from None
        self.host = str(info.get("host") or "localhost")
        self.port = str(info.get("port") or "5432")
        self.dbname = str(info.get("dbname") or info.get("user") or "")
        self._connect_timeout = None if "connect_timeout" in info else CONNECT_TIMEOUT_S
        self._local = threading.local()
        self._listeners: list[Callable[[], None]] = []
        self._listen_lock = threading.Lock()
        self._listener: threading.Thread | None = None
        self._stopped = threading.Event()
        user = f"{info['user']}@" if info.get("user") else ""
        self.location = f"postgresql://{user}{self.host}:{self.port}/{self.dbname}"
        schema = str(self.conn().execute("SELECT current_schema()").fetchone()[0])
        if schema != "public":
            self.location += f" (schema {schema})"
        self.channel = "paperlab_" + _identifier_hash(schema).hex()
        self._lock_key = int.from_bytes(_identifier_hash("paperlab:" + schema), "big", signed=True)
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{self.host}_{self.port}_{self.dbname}_{schema}")
        self.path = default_store_path().parent / f"postgres-{safe}" / "store"  # local caches only
        self.migrate()

    # -- errors and connections ---------------------------------------------------------------------------
    def error(self, exc: Exception) -> Exception:
        """The typed error of a psycopg failure (the statement's own errors stay psycopg's)."""
        errors = self.psycopg.errors
        where = f"the PostgreSQL store {self.location}"
        if isinstance(exc, (errors.LockNotAvailable, errors.QueryCanceled)):
            return Busy(f"{where} stayed locked by another writer: {exc}")
        if isinstance(exc, errors.DiskFull):
            return StoreFull(f"{where}: the server's disk is full ({exc}); nothing of this change was kept", where)
        if isinstance(exc, (errors.ReadOnlySqlTransaction, errors.InsufficientPrivilege)):
            return StoreReadOnly(f"{where} cannot be written by this user ({exc}); grant it write access", where)
        if isinstance(exc, self.psycopg.OperationalError):
            self._drop()
            return StoreUnavailable(
                f"{where}: lost the connection to the server at {self.host}:{self.port} ({exc}); "
                "check that the server runs and try again",
                where,
            )
        return exc

    def _connect(self, autocommit: bool = True) -> Any:
        extra = {} if self._connect_timeout is None else {"connect_timeout": self._connect_timeout}
        try:
            raw = self.psycopg.connect(self.url, autocommit=autocommit, **extra)
        except self.psycopg.Error as exc:
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreUnavailable(
                f"cannot reach the PostgreSQL store at {self.host}:{self.port} (database {self.dbname!r}): "
                f"{detail}; check that the server runs there and accepts this user",
                self.location,
            ) from None
        raw.execute(f"SET lock_timeout = {int(LOCK_TIMEOUT_MS)}")
        return raw

    def conn(self) -> _PgConnection:
        conn: _PgConnection | None = getattr(self._local, "conn", None)
        if conn is None or getattr(self._local, "pid", None) != os.getpid() or conn.raw.closed:
            conn = _PgConnection(self._connect(), self)
            self._local.conn = conn
            self._local.pid = os.getpid()
        return conn

    def _drop(self) -> None:
        """Forget this thread's connection when it broke (the next call connects again)."""
        conn: _PgConnection | None = getattr(self._local, "conn", None)
        if conn is not None and conn.raw.broken:
            self._local.conn = None

    def close(self) -> None:
        """Close this thread's connection (a later call opens a new one)."""
        conn: _PgConnection | None = getattr(self._local, "conn", None)
        if conn is not None and getattr(self._local, "pid", None) == os.getpid():
            conn.close()
        self._local.conn = None

    # -- transactions ------------------------------------------------------------------------------------
    @contextmanager
    def write(self, bump: bool = True) -> Iterator[_PgConnection]:
        """One write transaction holding the store's advisory lock; bumps the revision and notifies listeners
        (at commit) unless ``bump`` is false."""
        conn = self.conn()
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT pg_advisory_xact_lock(?)", (self._lock_key,))
            yield conn
            if bump:
                row = conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'revision' RETURNING value")
                conn.execute("SELECT pg_notify(?, ?)", (self.channel, str(row.fetchone()[0])))
            conn.execute("COMMIT")
        except BaseException:
            if not conn.raw.closed and conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except Exception:  # noqa: BLE001 - the first error is the one to report
                    pass
            raise

    @contextmanager
    def read(self) -> Iterator[_PgConnection]:
        """A read transaction: one consistent snapshot for several statements."""
        conn = self.conn()
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield conn
        finally:
            if not conn.raw.closed and conn.in_transaction:
                conn.execute("COMMIT")

    # -- schema --------------------------------------------------------------------------------------------
    def _version(self, conn: _PgConnection) -> int:
        if conn.execute("SELECT to_regclass('schema_version')").fetchone()[0] is not None:
            return int(conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])
        return 1 if conn.execute("SELECT to_regclass('meta')").fetchone()[0] is not None else 0

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.location}: store schema version {version} is newer than this paperlab "
                f"understands ({SCHEMA_VERSION}); upgrade paperlab (the database was left untouched)"
            )

    def migrate(self) -> None:
        """Bring the database to :data:`SCHEMA_VERSION` in one transaction (concurrent openers wait for it)."""
        if self._version(self.conn()) == SCHEMA_VERSION:
            return
        with self.write(bump=False) as conn:
            version = self._version(conn)
            self._refuse_newer(version)
            while version < SCHEMA_VERSION:
                for statement in MIGRATIONS[version]["postgresql"]:
                    conn.execute(statement)
                version += 1
                if version >= 2:  # the schema_version table exists from version 2 on
                    conn.execute(
                        "INSERT INTO schema_version(version, applied) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        (version, now()),
                    )

    def schema_version(self) -> int:
        return self._version(self.conn())

    @contextmanager
    def bulk_settings(self) -> Iterator[None]:
        """Nothing to tune per session for a bulk import on PostgreSQL."""
        yield

    # -- change notifications ------------------------------------------------------------------------------
    def subscribe(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback`` (on the listener thread) after every committed change; returns the unsubscriber.

        The callback is also called whenever the listener (re)connects, as changes may have been missed.
        """
        with self._listen_lock:
            self._listeners.append(callback)
            if self._listener is None or not self._listener.is_alive():
                self._stopped.clear()
                self._listener = threading.Thread(target=self._listen, name="paperlab-listen", daemon=True)
                self._listener.start()

        def unsubscribe() -> None:
            with self._listen_lock:
                if callback in self._listeners:
                    self._listeners.remove(callback)
                if not self._listeners:
                    self._stopped.set()

        return unsubscribe

    def _notify_all(self) -> None:
        with self._listen_lock:
            callbacks = list(self._listeners)
        for callback in callbacks:
            callback()

    def _listen(self) -> None:
        while not self._stopped.is_set():
            try:
                raw = self._connect()
            except StoreUnavailable:
                self._stopped.wait(1.0)
                continue
            try:
                raw.execute(f'LISTEN "{self.channel}"')
                self._notify_all()
                while not self._stopped.is_set():
                    for _ in raw.notifies(timeout=0.5, stop_after=1):
                        self._notify_all()
            except self.psycopg.Error:
                time.sleep(0.5)  # the server went away: connect again
            finally:
                raw.close()

    def stop_listening(self) -> None:
        """Stop the listener thread (it ends within half a second)."""
        self._stopped.set()

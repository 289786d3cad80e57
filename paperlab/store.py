"""The one SQLite store shared by kernels and the server extension.

The store lives at ``$PAPERLAB_HOME/paperlab.sqlite3`` (``PAPERLAB_HOME`` is read each
time a default store is opened; without it, a per-user data directory). It holds

* ``papers``: each paper's wire-format JSON (:meth:`Paper.to_dict`) plus indexed columns,
* ``lists`` and ``list_entries``: named reading lists (position, status, tags, note, times),
* ``embeddings``: cached vectors for the search module, keyed by model and text hash,
* ``meta``: a ``revision`` counter bumped by every write transaction on papers and lists.

Several processes (kernels and the Jupyter server) may write at once. The database runs
in WAL mode with a busy timeout, and every write is one short ``BEGIN IMMEDIATE``
transaction, so a read-modify-write (adding a tag, moving an entry) never loses an
update made concurrently by another process. Nothing is cached in Python objects: every
method reads the database again, so changes made elsewhere show on the next call.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
import hashlib
import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from .errors import FetchError, StoreError
from .library import Library
from .paper import Paper, _md_escape, normalize_arxiv_id, normalize_title

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "SCHEMA_VERSION",
    "STATUSES",
    "ListEntry",
    "ReadingList",
    "Store",
    "default_store_path",
    "open_store",
    "paper",
    "reading_list",
]

SCHEMA_VERSION = 1
STATUSES = ("to-read", "reading", "read")
DB_NAME = "paperlab.sqlite3"
_BUSY_TIMEOUT_MS = 30_000
_BULK_CACHE_KIB = 32 * 1024  # SQLite page cache during bulk_import
_BULK_CHECKPOINT_PAGES = 10_000  # WAL pages between automatic checkpoints during bulk_import

_DOI = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.I)
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$", re.I)


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
def _migrate_0_to_1(conn: sqlite3.Connection) -> None:
    for stmt in (
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
    ):
        conn.execute(stmt)


#: ``MIGRATIONS[n]`` upgrades a store from schema ``n`` to ``n + 1``; each runs inside the
#: write transaction that also sets ``PRAGMA user_version``. Add a step per schema change.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {0: _migrate_0_to_1}


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


def _parse_time(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


def _check_status(status: str) -> str:
    if status not in STATUSES:
        raise StoreError(f"invalid reading status {status!r}: expected one of {', '.join(STATUSES)}")
    return status


# -- references --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Ref:
    text: str
    arxiv_id: str | None = None
    doi: str | None = None


def _parse_ref(ref: str) -> _Ref:
    """Recognise what a user handed us: stored id, DOI (or doi.org URL), arXiv id or URL."""
    text = str(ref).strip()
    m = _DOI.match(text)
    if m:
        doi = m.group(1).rstrip(".")
        arx = _ARXIV_DOI.match(doi)
        if arx:
            found = normalize_arxiv_id(arx.group(1))
            if found:
                return _Ref(text, arxiv_id=found[0], doi=doi)
        return _Ref(text, doi=doi)
    if text.startswith(("title:", "doi:")):
        return _Ref(text)
    found = normalize_arxiv_id(text)
    if found:
        return _Ref(text, arxiv_id=found[0])
    return _Ref(text)


# -- rows ---------------------------------------------------------------------------------
# bytes.translate table: ASCII letters and digits -> lowercase, every other byte -> space
_ASCII_WORDS = bytes(c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))


def _title_key_uncached(title: str) -> str | None:
    """:func:`normalize_title` when identifying (>= 12 chars), else None.

    With an ASCII fast path: it was a large part of :meth:`Store.bulk_import`.
    """
    if title.isascii():  # one table lookup per byte: letters and digits lowercased, all else a space
        norm = b" ".join(title.encode("ascii").translate(_ASCII_WORDS).split()).decode("ascii")
    else:
        norm = normalize_title(title)
    return norm if len(norm) >= 12 else None


#: :func:`_title_key_uncached`, cached: merging computes it several times per paper
_title_key = functools.lru_cache(maxsize=1 << 15)(_title_key_uncached)


_PAPER_FIELDS = tuple(f.name for f in dataclasses.fields(Paper))
_PLAIN_DATE = (dt.date, type(None))
_json_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":")).encode


def _dumps(p: Paper, data: dict[str, Any]) -> str:
    """``data`` (the wire dict of ``p``) as compact JSON; orjson is several times faster."""
    try:
        return orjson.dumps(data).decode("utf-8")
    except TypeError:  # e.g. an integer beyond 64 bits in ``extra``: the plain encoder of to_dict()
        return _json_encode(_wire(p))


def _wire(p: Paper) -> dict[str, Any]:
    """:meth:`Paper.to_dict` without its defensive copies (the dict goes straight to JSON)."""
    out: dict[str, Any] = {}
    for name in _PAPER_FIELDS:
        value = getattr(p, name)
        if name == "sources":
            value = [s.to_dict() for s in value]
        elif isinstance(value, dt.date):
            value = value.isoformat()
        out[name] = value
    return out


def _title_hash(norm: str) -> int:
    """Signed 64-bit hash of a title key: a small index entry instead of the whole title."""
    return int.from_bytes(hashlib.blake2b(norm.encode(), digest_size=8).digest(), "big", signed=True)


_UNSET: Any = object()


def _row(p: Paper, now: str, title_hash: int | None = _UNSET) -> tuple[Any, ...]:
    """The ``papers`` row of ``p``; ``title_hash`` when the caller already computed it."""
    data = p.__dict__.copy()  # the fields in declaration order, as the dataclass __init__ set them
    published, updated = data.get("published"), data.get("updated")
    if tuple(data) == _PAPER_FIELDS and type(published) in _PLAIN_DATE and type(updated) in _PLAIN_DATE:
        # :func:`_wire` in one dict copy: orjson writes a date exactly as ``date.isoformat()``
        data["sources"] = [s.to_dict() for s in data["sources"]]
        if published is not None:
            published = published.isoformat()
    else:  # e.g. a datetime assigned to ``published`` after construction
        data = _wire(p)
        published = data["published"]
    if title_hash is _UNSET:
        norm = _title_key(p.title)
        title_hash = _title_hash(norm) if norm else None
    doi = p.doi
    return (
        p.id,
        p.arxiv_id,
        doi.lower() if doi else None,
        p.title,
        title_hash,
        published,
        now,
        _dumps(p, data),
    )


# the text search_text() matches: title, abstract and the authors' names
_SEARCHED = (
    "(title || ' ' || coalesce(json_extract(data, '$.abstract'), '') || ' ' "
    "|| coalesce(json_extract(data, '$.authors'), ''))"
)

_INSERT = """
INSERT INTO papers(id, arxiv_id, doi, title, title_hash, published, updated_at, data)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
"""
_UPSERT = """
INSERT INTO papers(id, arxiv_id, doi, title, title_hash, published, updated_at, data)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET
    arxiv_id = excluded.arxiv_id, doi = excluded.doi, title = excluded.title,
    title_hash = excluded.title_hash, published = excluded.published,
    updated_at = excluded.updated_at, data = excluded.data
"""


def _keys(p: Paper) -> list[str]:
    keys = [f"id:{p.id}"]
    if p.arxiv_id:
        keys.append(f"arxiv:{p.arxiv_id}")
    if p.doi:
        keys.append(f"doi:{p.doi.lower()}")
    norm = _title_key(p.title)
    if norm:
        keys.append(f"title:{norm}")
    return keys


def _same_paper(a: Paper, b: Paper) -> bool:
    """Whether two records sharing a key describe one paper.

    Stricter than :class:`Library`: two records with different arXiv ids (or different
    DOIs) are different papers even when their titles are equal ("Erratum", "Comment on
    ..."), so a large import never folds distinct papers together.
    """
    if a.id == b.id:
        return True
    if a.arxiv_id and b.arxiv_id:
        return a.arxiv_id == b.arxiv_id
    if a.doi and b.doi:
        return a.doi.lower() == b.doi.lower()
    return True  # they share a key: the arXiv id, the DOI or the title


def _merge_batch(incoming: Iterable[Paper], existing: list[Paper]) -> tuple[dict[str, Paper], dict[str, str]]:
    """Merge ``incoming`` papers with each other and with ``existing`` stored records.

    Returns
    -------
    work : dict
        id -> record, for every record to write (and every untouched existing one).
    renames : dict
        old id -> final id, for records merged into another one.
    """
    work: dict[str, Paper] = {}
    index: dict[str, list[str]] = {}
    renames: dict[str, str] = {}

    def put(p: Paper) -> None:
        work[p.id] = p
        for k in _keys(p):
            ids = index.setdefault(k, [])
            if p.id not in ids:
                ids.append(p.id)

    for p in existing:
        put(p)
    for p in incoming:
        matches: list[str] = []
        for k in _keys(p):
            for pid in index.get(k, ()):
                if pid in work and pid not in matches and _same_paper(work[pid], p):
                    matches.append(pid)
        if not matches:
            put(p)
            continue
        # fold together only records compatible with each other, not just with p: a
        # title-only record must not join two papers that share its title
        merged = work[matches[0]]
        used = [matches[0]]
        for other in matches[1:]:
            if _same_paper(merged, work[other]):
                merged = merged.merge(work[other])
                used.append(other)
        merged = merged.merge(p)
        if merged.id in work and merged.id not in used:  # the merged record's id is taken by its twin
            twin = merged.id
            merged = work[twin].merge(merged)
            used.append(twin)
        for old in used:
            del work[old]
            if old != merged.id:
                renames[old] = merged.id
        renames.pop(merged.id, None)
        put(merged)
    # follow chains a -> b -> c
    for old in list(renames):
        new = renames[old]
        seen = {old}
        while new in renames and new not in seen:
            seen.add(new)
            new = renames[new]
        renames[old] = new
    return work, renames


# -- public types -------------------------------------------------------------------------
@dataclass
class ListEntry:
    """One paper in a reading list.

    Parameters
    ----------
    paper : Paper
        The stored paper.
    position : int
        0-based place in the list.
    status : str
        ``"to-read"``, ``"reading"`` or ``"read"``.
    tags : list of str
        The user's tags for this paper in this list.
    note : str or None
        Free-text note.
    added, updated : datetime.datetime
        When the entry was added and last changed (UTC).
    """

    paper: Paper
    position: int
    status: str
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    added: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    updated: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))

    def __repr__(self) -> str:
        tags = f", tags={self.tags!r}" if self.tags else ""
        return f"ListEntry({self.position}: {self.paper.id!r}, {self.status!r}{tags})"


class Store:
    """The SQLite store of papers, reading lists and cached embeddings.

    Parameters
    ----------
    path : str or Path, optional
        Database file; by default ``$PAPERLAB_HOME/paperlab.sqlite3`` (see
        :func:`default_store_path`). Parent directories are created.

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

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._migrate()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    # -- connections and transactions --------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None or getattr(self._local, "pid", None) != os.getpid():
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
                conn.create_function(
                    "paperlab_lower", 1, lambda t: t.lower() if isinstance(t, str) else t, deterministic=True
                )
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc
            self._local.conn = conn
            self._local.pid = os.getpid()
        return conn

    def close(self) -> None:
        """Close this thread's connection (a later call opens a new one)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None and getattr(self._local, "pid", None) == os.getpid():
            conn.close()
        self._local.conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self, bump: bool = True) -> Iterator[sqlite3.Connection]:
        """One short write transaction; bumps the revision unless ``bump`` is false."""
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: the store stayed locked by another writer: {exc}") from exc
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

    # -- papers --------------------------------------------------------------------------------
    @staticmethod
    def _load(data: str) -> Paper:
        return Paper.from_dict(json.loads(data))

    def _existing_for(
        self,
        conn: sqlite3.Connection,
        ids: Iterable[str],
        arxiv_ids: Iterable[str],
        dois: Iterable[str],
        title_hashes: Iterable[int],
    ) -> list[Paper]:
        """Stored papers sharing an id, arXiv id, lowercase DOI or title hash with the given ones."""
        rows = conn.execute(
            """SELECT id, data FROM papers
               WHERE id IN (SELECT value FROM json_each(?1))
                  OR arxiv_id IN (SELECT value FROM json_each(?2))
                  OR doi IN (SELECT value FROM json_each(?3))
                  OR title_hash IN (SELECT value FROM json_each(?4))""",
            [orjson.dumps(sorted(set(values))).decode("utf-8") for values in (ids, arxiv_ids, dois, title_hashes)],
        ).fetchall()
        return [self._load(data) for _, data in rows]

    def _write_papers(self, conn: sqlite3.Connection, papers: list[Paper]) -> dict[str, str]:
        """Merge ``papers`` into the store inside the caller's transaction.

        Returns a map from every given paper's id to the id it is stored under.
        """
        # The match keys of every paper (as :func:`_keys`, one list per kind), each computed
        # once: they serve the lookup of stored records and, on the fast path, the rows.
        ids: list[str] = []
        arxiv_ids: list[str] = []
        dois: list[str] = []
        titles: list[str] = []
        hashes: list[int | None] = []  # per paper
        for p in papers:
            if not isinstance(p, Paper):
                raise TypeError(f"the store holds Paper objects, not {type(p).__name__}")
            ids.append(p.id)
            if p.arxiv_id:
                arxiv_ids.append(p.arxiv_id)
            if p.doi:
                dois.append(p.doi.lower())
            norm = _title_key_uncached(p.title)  # once per paper here; the merge path caches it
            if norm:
                titles.append(norm)
                hashes.append(_title_hash(norm))
            else:
                hashes.append(None)
        existing = self._existing_for(conn, ids, arxiv_ids, dois, [h for h in hashes if h is not None])
        now = _now()
        if not existing and all(len(keys) == len(set(keys)) for keys in (ids, arxiv_ids, dois, titles)):
            # fast path (bulk imports of new papers): no stored record and no two records of
            # the batch share a key, so nothing to merge
            conn.executemany(_INSERT, [_row(p, now, h) for p, h in zip(papers, hashes, strict=True)])
            return {p.id: p.id for p in papers}
        before = {p.id: p for p in existing}
        work, renames = _merge_batch(papers, existing)
        gone = [pid for pid in before if pid not in work]
        if gone:
            conn.executemany("DELETE FROM papers WHERE id = ?", [(pid,) for pid in gone])
        for old, new in renames.items():
            if old in before:
                self._repoint_entries(conn, old, new)
        conn.executemany(_UPSERT, [_row(p, now) for pid, p in work.items() if pid not in before or p != before[pid]])
        return {p.id: renames.get(p.id, p.id) for p in papers}

    @staticmethod
    def _repoint_entries(conn: sqlite3.Connection, old: str, new: str) -> None:
        # an entry for ``new`` may already exist in the same list: keep that one
        conn.execute("UPDATE OR IGNORE list_entries SET paper_id = ? WHERE paper_id = ?", (new, old))
        rows = conn.execute("SELECT DISTINCT list_id FROM list_entries WHERE paper_id = ?", (old,)).fetchall()
        conn.execute("DELETE FROM list_entries WHERE paper_id = ?", (old,))
        for (list_id,) in rows:
            _renumber(conn, list_id)

    def upsert_papers(self, papers: Iterable[Paper] | Paper) -> int:
        """Store papers, merging each with its stored record (:meth:`Paper.merge`).

        A record matches a stored one by canonical id, arXiv id, DOI or normalised
        title (records with different arXiv ids or DOIs never match). When merging
        changes a paper's id (e.g. a DOI-only record gains its arXiv id), reading-list
        entries follow it.

        Parameters
        ----------
        papers : Paper or iterable of Paper

        Returns
        -------
        int
            Number of papers given.
        """
        batch = [papers] if isinstance(papers, Paper) else list(papers)
        if not batch:
            return 0
        with self._write() as conn:
            self._write_papers(conn, batch)
        return len(batch)

    def bulk_import(
        self, papers: Iterable[Paper], batch_size: int = 5000, progress: Callable[[int], None] | None = None
    ) -> int:
        """Stream many papers into the store: one transaction per ``batch_size`` records.

        Only one batch is held in memory at a time, so memory stays flat however long
        the stream. Records are merged like :meth:`upsert_papers`.

        Parameters
        ----------
        papers : iterable of Paper
            E.g. :func:`paperlab.sources.arxiv.iter_kaggle` over a metadata dump.
        batch_size : int
            Records per transaction.
        progress : callable, optional
            Called with the running count after each batch.

        Returns
        -------
        int
            Number of records read from ``papers``.

        Notes
        -----
        Durability is that of every write of the store: WAL mode with ``synchronous =
        NORMAL``, so a committed batch survives a crash of the process; a power loss may
        lose the last batches committed before it, but never corrupts the database
        (SQLite fsyncs the WAL before each checkpoint).

        While it runs, Python's automatic cyclic garbage collection is paused (and
        restored afterwards): each batch holds thousands of young objects, which the
        collector would scan again and again for nothing, as the import makes no
        reference cycles. A young-generation collection after each batch still frees
        any cycles the given iterable makes, so memory stays flat.
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        it = iter(papers)
        total = 0
        conn = self._conn()
        # a larger page cache keeps the random-order index inserts in memory, and fewer,
        # larger checkpoints cost fewer fsyncs; both bounded, both restored afterwards
        cache, ckpt = (conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("cache_size", "wal_autocheckpoint"))
        conn.execute(f"PRAGMA cache_size = -{_BULK_CACHE_KIB}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {_BULK_CHECKPOINT_PAGES}")
        paused = gc.isenabled()
        if paused:
            gc.disable()
        try:
            while True:
                batch = list(islice(it, batch_size))
                if not batch:
                    return total
                with self._write() as conn:
                    self._write_papers(conn, batch)
                total += len(batch)
                del batch
                _title_key.cache_clear()  # keeps memory flat: the cache only serves one batch
                if paused:
                    gc.collect(1)  # what the paused collector would have found: young cycles
                if progress is not None:
                    progress(total)
        finally:
            if paused:
                gc.enable()
            conn.execute(f"PRAGMA cache_size = {int(cache)}")
            conn.execute(f"PRAGMA wal_autocheckpoint = {int(ckpt)}")

    def _lookup(self, conn: sqlite3.Connection, ref: str) -> tuple[str, str] | None:
        """(id, data) of the stored paper ``ref`` names, or None."""
        text = str(ref).strip()
        row = conn.execute("SELECT id, data FROM papers WHERE id = ?", (text,)).fetchone()
        if row:
            return row
        parsed = _parse_ref(text)
        if parsed.arxiv_id:
            row = conn.execute(
                "SELECT id, data FROM papers WHERE arxiv_id = ? ORDER BY id LIMIT 1", (parsed.arxiv_id,)
            ).fetchone()
            if row:
                return row
        if parsed.doi:
            row = conn.execute(
                "SELECT id, data FROM papers WHERE doi = ? ORDER BY id LIMIT 1", (parsed.doi.lower(),)
            ).fetchone()
            if row:
                return row
        return None

    def get_paper(self, ref: str) -> Paper | None:
        """The stored paper named by ``ref``, or None.

        Parameters
        ----------
        ref : str
            Canonical id, arXiv id (with or without version), arXiv abs/pdf URL,
            Hugging Face papers URL, DOI or doi.org URL.
        """
        row = self._lookup(self._conn(), ref)
        return self._load(row[1]) if row else None

    def __contains__(self, ref: object) -> bool:
        return isinstance(ref, str) and self._lookup(self._conn(), ref) is not None

    def paper(self, ref: str | Paper) -> Paper:
        """The stored paper ``ref`` names; fetched from its source and stored when absent.

        arXiv ids and URLs are fetched from the arXiv API (base URL from
        ``$PAPERLAB_ARXIV_URL`` when set), DOIs from Semantic Scholar (base URL from
        ``$PAPERLAB_SEMANTIC_SCHOLAR_URL`` when set).

        Raises
        ------
        StoreError
            If ``ref`` is neither stored nor an arXiv id/URL or DOI, or the source has
            no such paper.
        FetchError
            If the source could not be reached.
        """
        if isinstance(ref, Paper):
            mapping = self._upsert_one(ref)
            found = self.get_paper(mapping)
            assert found is not None
            return found
        found = self.get_paper(ref)
        if found is not None:
            return found
        parsed = _parse_ref(ref)
        if parsed.arxiv_id:
            fetched = _fetch_arxiv(parsed.arxiv_id)
        elif parsed.doi:
            fetched = _fetch_doi(parsed.doi)
        else:
            raise StoreError(
                f"no stored paper {ref!r}, and it is not an arXiv id/URL or a DOI that could be "
                "fetched (expected e.g. '2503.14895', 'https://arxiv.org/abs/2503.14895', "
                "'10.1103/PhysRevD.76.013009' or a stored id)"
            )
        stored_id = self._upsert_one(fetched)
        result = self.get_paper(stored_id)
        assert result is not None
        return result

    def _upsert_one(self, p: Paper) -> str:
        with self._write() as conn:
            return self._write_papers(conn, [p])[p.id]

    def papers(self) -> Library:
        """Every stored paper, in insertion order."""
        rows = self._conn().execute("SELECT data FROM papers ORDER BY rowid").fetchall()
        return Library((self._load(d) for (d,) in rows), name="store")

    def search_text(self, query: str, limit: int | None = None) -> Library:
        """Papers whose title, abstract or authors contain every word of ``query``.

        Case-insensitive plain substring match, newest first.
        """
        words = query.lower().split()
        if not words:
            return Library(name=f"search {query!r}")
        conds, args = [], []
        for w in words:
            if w.isascii():  # SQLite's LIKE folds ASCII case natively (fast)
                conds.append(f"{_SEARCHED} LIKE ? ESCAPE '\\'")
                args.append("%" + re.sub(r"([%_\\])", r"\\\1", w) + "%")
            else:
                conds.append(f"instr(paperlab_lower({_SEARCHED}), ?) > 0")
                args.append(w)
        sql = f"SELECT data FROM papers WHERE {' AND '.join(conds)} ORDER BY published DESC, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        rows = self._conn().execute(sql, args).fetchall()
        return Library((self._load(d) for (d,) in rows), name=f"search {query!r}")

    def count(self) -> int:
        """Number of stored papers."""
        return int(self._conn().execute("SELECT count(*) FROM papers").fetchone()[0])

    def __len__(self) -> int:
        return self.count()

    def delete_papers(self, refs: Iterable[str]) -> int:
        """Remove papers (and their reading-list entries); return how many were removed."""
        removed = 0
        with self._write() as conn:
            for ref in refs:
                row = self._lookup(conn, ref)
                if row is None:
                    continue
                lists = conn.execute("SELECT list_id FROM list_entries WHERE paper_id = ?", (row[0],)).fetchall()
                conn.execute("DELETE FROM list_entries WHERE paper_id = ?", (row[0],))
                conn.execute("DELETE FROM papers WHERE id = ?", (row[0],))
                for (list_id,) in lists:
                    _renumber(conn, list_id)
                removed += 1
        return removed

    # -- embeddings ---------------------------------------------------------------------------
    def get_embeddings(self, model: str, hashes: Iterable[str]) -> dict[str, bytes]:
        """Cached vectors of ``model`` for the given text hashes (missing ones are absent)."""
        keys = sorted(set(hashes))
        if not keys:
            return {}
        rows = (
            self._conn()
            .execute(
                "SELECT text_hash, vector FROM embeddings WHERE model = ? "
                "AND text_hash IN (SELECT value FROM json_each(?))",
                (model, json.dumps(keys)),
            )
            .fetchall()
        )
        return {h: bytes(v) for h, v in rows}

    def get_embedding_rows(self, model: str, hashes: Iterable[str]) -> dict[str, tuple[int, bytes]]:
        """Like :meth:`get_embeddings`, with each vector's length: ``{text_hash: (dim, raw bytes)}``.

        The search module stores float16 blobs (``2 * dim`` bytes); earlier versions wrote float32.
        """
        keys = sorted(set(hashes))
        if not keys:
            return {}
        rows = (
            self._conn()
            .execute(
                "SELECT text_hash, dim, vector FROM embeddings WHERE model = ? "
                "AND text_hash IN (SELECT value FROM json_each(?))",
                (model, json.dumps(keys)),
            )
            .fetchall()
        )
        return {h: (int(d), bytes(v)) for h, d, v in rows}

    def put_embeddings(self, model: str, vectors: dict[str, tuple[int, bytes]]) -> None:
        """Cache vectors: ``{text_hash: (dim, raw bytes)}`` for ``model``.

        Does not bump :meth:`revision` (the cache is not user-visible data).
        """
        if not vectors:
            return
        with self._write(bump=False) as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO embeddings(model, text_hash, dim, vector) VALUES (?, ?, ?, ?)",
                [(model, h, int(dim), sqlite3.Binary(vec)) for h, (dim, vec) in vectors.items()],
            )

    @staticmethod
    def text_hash(text: str) -> str:
        """A stable key for a text in the embedding cache (SHA-1 hex of its UTF-8 bytes)."""
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    # -- lists ----------------------------------------------------------------------------------
    def lists(self) -> list[str]:
        """Names of the reading lists, in creation order."""
        return [r[0] for r in self._conn().execute("SELECT name FROM lists ORDER BY id")]

    def create_list(self, name: str, exist_ok: bool = False) -> ReadingList:
        """Create an empty reading list.

        Raises
        ------
        StoreError
            If the name is empty, or taken and ``exist_ok`` is false.
        """
        name = _check_name(name)
        with self._write() as conn:
            row = conn.execute("SELECT id FROM lists WHERE name = ?", (name,)).fetchone()
            if row and not exist_ok:
                raise StoreError(f"a reading list named {name!r} already exists")
            if not row:
                now = _now()
                conn.execute("INSERT INTO lists(name, created, updated) VALUES (?, ?, ?)", (name, now, now))
        return ReadingList(self, name)

    def rename_list(self, old: str, new: str) -> ReadingList:
        """Rename a reading list; its entries are kept."""
        new = _check_name(new)
        with self._write() as conn:
            list_id = _list_id(conn, old)
            if conn.execute("SELECT 1 FROM lists WHERE name = ? AND id != ?", (new, list_id)).fetchone():
                raise StoreError(f"cannot rename {old!r}: a reading list named {new!r} already exists")
            conn.execute("UPDATE lists SET name = ?, updated = ? WHERE id = ?", (new, _now(), list_id))
        return ReadingList(self, new)

    def delete_list(self, name: str) -> None:
        """Delete a reading list and its entries (the papers stay in the store)."""
        with self._write() as conn:
            list_id = _list_id(conn, name)
            conn.execute("DELETE FROM list_entries WHERE list_id = ?", (list_id,))
            conn.execute("DELETE FROM lists WHERE id = ?", (list_id,))

    def reading_list(self, name: str = "default", create: bool = True) -> ReadingList:
        """The reading list ``name``, created when absent (unless ``create`` is false)."""
        if create:
            return self.create_list(name, exist_ok=True)
        _list_id(self._conn(), name)
        return ReadingList(self, name)


def _check_name(name: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise StoreError(f"a reading list needs a non-empty name, got {name!r}")
    return name.strip()


def _list_id(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute("SELECT id FROM lists WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise StoreError(f"no reading list named {name!r}")
    return int(row[0])


def _renumber(conn: sqlite3.Connection, list_id: int, order: list[str] | None = None) -> None:
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


class ReadingList:
    """A named reading list in a :class:`Store`.

    Every method reads or writes the database directly, so a change made by another
    process (another kernel, the side panel) is seen on the next call. Papers are
    named by anything :meth:`Store.get_paper` accepts.

    Parameters
    ----------
    store : Store
    name : str
        Name of an existing list (see :meth:`Store.reading_list`).
    """

    def __init__(self, store: Store, name: str) -> None:
        self.store = store
        self.name = name

    def __repr__(self) -> str:
        try:
            counts = dict(
                self.store._conn()
                .execute(
                    "SELECT status, count(*) FROM list_entries WHERE list_id = "
                    "(SELECT id FROM lists WHERE name = ?) GROUP BY status",
                    (self.name,),
                )
                .fetchall()
            )
        except sqlite3.Error:
            counts = {}
        total = sum(counts.values())
        detail = ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts.get(s))
        return (
            f"<ReadingList {self.name!r}: {total} paper{'s' if total != 1 else ''}"
            f"{' (' + detail + ')' if detail else ''}>"
        )

    # -- helpers ------------------------------------------------------------------------------
    def _id(self, conn: sqlite3.Connection) -> int:
        return _list_id(conn, self.name)

    def _paper_id(self, conn: sqlite3.Connection, ref: str | Paper) -> str:
        key = ref.id if isinstance(ref, Paper) else ref
        row = self.store._lookup(conn, key)
        if row is None:
            raise StoreError(f"no paper {key!r} in the store")
        return str(row[0])

    def _entry(self, conn: sqlite3.Connection, list_id: int, paper_id: str) -> tuple[Any, ...]:
        row = conn.execute(
            "SELECT tags, note FROM list_entries WHERE list_id = ? AND paper_id = ?", (list_id, paper_id)
        ).fetchone()
        if row is None:
            raise StoreError(f"paper {paper_id!r} is not in reading list {self.name!r}")
        return tuple(row)

    def _touch(self, conn: sqlite3.Connection, list_id: int, now: str) -> None:
        conn.execute("UPDATE lists SET updated = ? WHERE id = ?", (now, list_id))

    # -- changes -----------------------------------------------------------------------------
    def add(
        self,
        paper: Paper | str,
        status: str | None = None,
        tags: Iterable[str] = (),
        note: str | None = None,
        position: int | None = None,
    ) -> ListEntry:
        """Add a paper (or update its entry when it is already in the list).

        Parameters
        ----------
        paper : Paper or str
            A Paper (stored, merged with any stored record) or an id/URL/DOI; an id not
            in the store is fetched through :func:`paper`.
        status : str, optional
            ``"to-read"`` (the default for a new entry), ``"reading"`` or ``"read"``;
            left unchanged for an existing entry when omitted.
        tags : iterable of str
            Tags to add.
        note : str, optional
            Replaces the note when given.
        position : int, optional
            0-based place; appended at the end by default (existing entries keep their
            place unless a position is given).

        Returns
        -------
        ListEntry
        """
        if status is not None:
            _check_status(status)
        tags = _clean_tags(tags)
        pid = self.store.paper(paper).id  # stores a Paper / fetches an unknown id, outside the transaction
        now = _now()
        with self.store._write() as conn:
            list_id = self._id(conn)
            pid = self._paper_id(conn, pid)  # a concurrent merge may have renamed it
            row = conn.execute(
                "SELECT tags FROM list_entries WHERE list_id = ? AND paper_id = ?", (list_id, pid)
            ).fetchone()
            order = [
                r[0]
                for r in conn.execute(
                    "SELECT paper_id FROM list_entries WHERE list_id = ? ORDER BY position", (list_id,)
                )
            ]
            if row is None:
                conn.execute(
                    "INSERT INTO list_entries(list_id, paper_id, position, status, tags, note, added, updated) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (list_id, pid, len(order), status or "to-read", json.dumps(tags), note, now, now),
                )
                order.append(pid)
            else:
                merged = _union(json.loads(row[0]), tags)
                conn.execute(
                    "UPDATE list_entries SET status = coalesce(?, status), tags = ?, note = coalesce(?, note), "
                    "updated = ? WHERE list_id = ? AND paper_id = ?",
                    (status, json.dumps(merged), note, now, list_id, pid),
                )
            if position is not None:
                order.remove(pid)
                order.insert(_clamp(position, len(order)), pid)
                _renumber(conn, list_id, order)
            self._touch(conn, list_id, now)
        return self.entry(pid)

    def remove(self, paper: Paper | str) -> None:
        """Remove a paper from the list (it stays in the store)."""
        with self.store._write() as conn:
            list_id = self._id(conn)
            pid = self._paper_id(conn, paper)
            self._entry(conn, list_id, pid)
            conn.execute("DELETE FROM list_entries WHERE list_id = ? AND paper_id = ?", (list_id, pid))
            _renumber(conn, list_id)
            self._touch(conn, list_id, _now())

    def move(self, paper: Paper | str, position: int) -> None:
        """Move a paper to ``position`` (0-based; negative counts from the end)."""
        with self.store._write() as conn:
            list_id = self._id(conn)
            pid = self._paper_id(conn, paper)
            self._entry(conn, list_id, pid)
            order = [
                r[0]
                for r in conn.execute(
                    "SELECT paper_id FROM list_entries WHERE list_id = ? ORDER BY position", (list_id,)
                )
            ]
            order.remove(pid)
            order.insert(_clamp(position, len(order)), pid)
            _renumber(conn, list_id, order)
            now = _now()
            conn.execute("UPDATE list_entries SET updated = ? WHERE list_id = ? AND paper_id = ?", (now, list_id, pid))
            self._touch(conn, list_id, now)

    def _update(self, paper: Paper | str, change: Callable[[list[str], str | None], tuple[Any, ...]], sql: str) -> None:
        with self.store._write() as conn:
            list_id = self._id(conn)
            pid = self._paper_id(conn, paper)
            tags_json, note = self._entry(conn, list_id, pid)
            now = _now()
            conn.execute(
                f"UPDATE list_entries SET {sql}, updated = ? WHERE list_id = ? AND paper_id = ?",
                (*change(json.loads(tags_json), note), now, list_id, pid),
            )
            self._touch(conn, list_id, now)

    def set_status(self, paper: Paper | str, status: str) -> None:
        """Set the reading status: ``"to-read"``, ``"reading"`` or ``"read"``.

        Raises
        ------
        StoreError
            For any other status, or a paper not in the list.
        """
        _check_status(status)
        self._update(paper, lambda tags, note: (status,), "status = ?")

    def tag(self, paper: Paper | str, *tags: str) -> None:
        """Add tags to a paper's entry (existing tags are kept)."""
        new = _clean_tags(tags)
        self._update(paper, lambda old, note: (json.dumps(_union(old, new)),), "tags = ?")

    def untag(self, paper: Paper | str, *tags: str) -> None:
        """Remove tags from a paper's entry (absent tags are ignored)."""
        drop = set(_clean_tags(tags))
        self._update(paper, lambda old, note: (json.dumps([t for t in old if t not in drop]),), "tags = ?")

    def set_note(self, paper: Paper | str, note: str | None) -> None:
        """Replace the note of a paper's entry (None clears it)."""
        self._update(paper, lambda tags, old: (note,), "note = ?")

    def rename(self, new: str) -> None:
        """Rename this list."""
        self.store.rename_list(self.name, new)
        self.name = new.strip()

    def clear(self) -> None:
        """Remove every entry."""
        with self.store._write() as conn:
            list_id = self._id(conn)
            conn.execute("DELETE FROM list_entries WHERE list_id = ?", (list_id,))
            self._touch(conn, list_id, _now())

    # -- reading -----------------------------------------------------------------------------
    def _rows(self, paper_id: str | None = None) -> list[ListEntry]:
        with self.store._read() as conn:
            list_id = self._id(conn)
            sql = (
                "SELECT p.data, e.position, e.status, e.tags, e.note, e.added, e.updated "
                "FROM list_entries e JOIN papers p ON p.id = e.paper_id WHERE e.list_id = ?"
            )
            args: tuple[Any, ...] = (list_id,)
            if paper_id is not None:
                sql += " AND e.paper_id = ?"
                args += (paper_id,)
            rows = conn.execute(sql + " ORDER BY e.position", args).fetchall()
        return [
            ListEntry(
                paper=Store._load(d),
                position=pos,
                status=st,
                tags=json.loads(tg),
                note=nt,
                added=_parse_time(ad),
                updated=_parse_time(up),
            )
            for d, pos, st, tg, nt, ad, up in rows
        ]

    def entries(self) -> list[ListEntry]:
        """Every entry, in list order."""
        return self._rows()

    def entry(self, paper: Paper | str) -> ListEntry:
        """The entry of one paper.

        Raises
        ------
        StoreError
            If the paper is not in the list.
        """
        pid = self._paper_id(self.store._conn(), paper)
        rows = self._rows(pid)
        if not rows:
            raise StoreError(f"paper {pid!r} is not in reading list {self.name!r}")
        return rows[0]

    def __iter__(self) -> Iterator[Paper]:
        return iter([e.paper for e in self._rows()])

    def __len__(self) -> int:
        conn = self.store._conn()
        return int(conn.execute("SELECT count(*) FROM list_entries WHERE list_id = ?", (self._id(conn),)).fetchone()[0])

    def __contains__(self, paper: object) -> bool:
        if not isinstance(paper, (str, Paper)):
            return False
        conn = self.store._conn()
        row = self.store._lookup(conn, paper.id if isinstance(paper, Paper) else paper)
        return (
            row is not None
            and conn.execute(
                "SELECT 1 FROM list_entries WHERE list_id = ? AND paper_id = ?", (self._id(conn), row[0])
            ).fetchone()
            is not None
        )

    def ids(self) -> list[str]:
        """Paper ids in list order."""
        conn = self.store._conn()
        return [
            r[0]
            for r in conn.execute(
                "SELECT paper_id FROM list_entries WHERE list_id = ? ORDER BY position", (self._id(conn),)
            )
        ]

    # -- exports ------------------------------------------------------------------------------
    def to_library(self) -> Library:
        """The papers of the list, in list order."""
        return Library(self, name=self.name)

    def to_dataframe(self) -> pd.DataFrame:
        """One row per entry: the columns of :meth:`Library.to_dataframe` plus ``position``,
        ``status``, ``tags`` (this list's tags), ``note``, ``added`` and ``entry_updated``.

        The paper's own tags (e.g. from a digest) are in ``paper_tags``; ``updated`` stays
        the paper's latest-version date.
        """
        import pandas as pd

        entries = self._rows()
        df = Library([e.paper for e in entries]).to_dataframe()
        df = df.rename(columns={"tags": "paper_tags"})
        df["position"] = [e.position for e in entries]
        df["status"] = [e.status for e in entries]
        df["tags"] = [list(e.tags) for e in entries]
        df["note"] = [e.note for e in entries]
        df["added"] = pd.to_datetime([e.added for e in entries], utc=True)
        df["entry_updated"] = pd.to_datetime([e.updated for e in entries], utc=True)
        return df

    def to_bibtex(self) -> str:
        """The papers as one BibTeX file (via :meth:`Library.to_bibtex`)."""
        return self.to_library().to_bibtex()

    def to_csl(self) -> list[dict[str, Any]]:
        """The papers as CSL-JSON items; this list's tags are added to ``keyword``."""
        items = []
        for e in self._rows():
            item = e.paper.to_csl()
            if e.tags:
                words = [w for w in (item.get("keyword") or "").split(", ") if w]
                item["keyword"] = ", ".join(_union(words, e.tags))
            if e.note:
                item["annote"] = e.note
            items.append(item)
        return items

    def to_markdown(self) -> str:
        """The list as markdown: a heading, then per entry its status, tags, note and paper card."""
        marks = {"to-read": "[ ]", "reading": "[~]", "read": "[x]"}
        parts = [f"# Reading list: {_md_escape(self.name)}\n"]
        for e in self._rows():
            meta = [f"{marks[e.status]} **{e.status}**"]
            if e.tags:
                meta.append(" ".join(f"`{t}`" for t in e.tags if "`" not in t))
            if e.note:
                meta.append("Note: " + _md_escape(" ".join(e.note.split())))
            parts.append(" · ".join(meta) + "\n\n" + e.paper.to_markdown())
        return "\n".join(parts)


def _clean_tags(tags: Iterable[str]) -> list[str]:
    if isinstance(tags, str):
        tags = [tags]
    out = []
    for t in tags:
        if not isinstance(t, str) or not t.strip():
            raise StoreError(f"tags must be non-empty strings, got {t!r}")
        out.append(t.strip())
    return _union([], out)


def _union(a: list[str], b: list[str]) -> list[str]:
    return list(dict.fromkeys([*a, *b]))


def _clamp(position: int, n: int) -> int:
    if position < 0:
        position += n + 1
    return max(0, min(position, n))


# -- fetching --------------------------------------------------------------------------------
def _fetch_arxiv(arxiv_id: str) -> Paper:
    from .sources.arxiv import ArxivClient

    client = ArxivClient()
    found = [p for p in client.fetch([arxiv_id]) if p.arxiv_id == arxiv_id]
    if not found:
        raise StoreError(f"arXiv has no paper {arxiv_id!r}")
    return found[0]


def _fetch_doi(doi: str) -> Paper:
    from .sources.semantic_scholar import SemanticScholarClient

    client = SemanticScholarClient()
    try:
        found = client.paper(f"DOI:{doi}")
    except FetchError as exc:
        if getattr(exc, "status", None) == 404:
            raise StoreError(f"Semantic Scholar has no paper with DOI {doi!r}") from exc
        raise
    if found is None:
        raise StoreError(f"Semantic Scholar has no paper with DOI {doi!r}")
    return found


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
    StoreError, FetchError
        See :meth:`Store.paper`.
    """
    return open_store().paper(ref)

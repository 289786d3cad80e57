"""Issue 13, the store's part: what the file or the disk does wrong becomes a typed error naming the file.

* A full disk raises :class:`StoreFull`; nothing of the failed write is kept and the store keeps working
  once there is room. The disk is made "full" with SQLite's own limit, ``PRAGMA max_page_count``: SQLite
  then fails with SQLITE_FULL exactly as when ``write()`` returns ENOSPC (no tiny file system needed).
* A store that cannot be written raises :class:`StoreReadOnly` (it used to be reported as ``Busy``,
  "locked by another writer"). Tests run as root, where ``chmod`` does not stop writes, so the
  connection is made read-only with ``PRAGMA query_only`` or opened with SQLite's ``mode=ro``; a test
  with real permissions runs when not root.
* A damaged file is refused when opened (``PRAGMA quick_check``, once per process and file) with
  :class:`StoreCorrupt`; damage met later (text that is not UTF-8) is a ``StoreCorrupt`` too.
* A store written by a newer paperlab is refused before anything is written: same bytes, no -wal/-shm.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

import paperlab.store.db
from paperlab import Paper
from paperlab.errors import Busy, StoreCorrupt, StoreError, StoreFull, StoreReadOnly, StoreUnavailable
from paperlab.store import Store


def _papers(n: int, start: int = 0, words: int = 200) -> list[Paper]:
    return [
        Paper(
            f"A study of failure number {i} in stores",
            arxiv_id=f"2401.{i:05d}",
            abstract=" ".join(f"word{i}x{j}" for j in range(words)),
            authors=["Ada Lovelace", f"Author {i}"],
        )
        for i in range(start, start + n)
    ]


def _fill_disk(store: Store) -> None:
    """Let the database grow by no page at all: the next write that needs one fails with SQLITE_FULL."""
    conn = store._conn()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


# -- full disk ------------------------------------------------------------------------------------------------
def test_full_disk_raises_store_full_naming_the_file_and_keeps_nothing(tmp_path: Path):
    store = Store(tmp_path / "full.sqlite3")
    store.upsert_papers(_papers(3))
    store.reading_list("mine").add("2401.00000")
    before = store.revision()
    _fill_disk(store)
    with pytest.raises(StoreFull) as info:
        store.upsert_papers(_papers(200, start=100))
    err = info.value
    assert isinstance(err, StoreUnavailable) and isinstance(err, StoreError)
    assert err.reason == "disk full" and err.path == str(store.path)
    assert str(store.path) in str(err) and "full" in str(err) and "Free some space" in str(err)
    assert not isinstance(err.__cause__, StoreError) and isinstance(err.__cause__, sqlite3.OperationalError)
    # nothing of the failed write was kept, and the store still reads and writes
    assert store.count() == 3 and store.revision() == before
    assert [e.paper.id for e in store.reading_list("mine").entries()] == ["2401.00000"]
    store._conn().execute("PRAGMA max_page_count = 1073741823")  # room again
    assert store.upsert_papers(_papers(200, start=100)) == 200
    assert store.count() == 203
    store.close()


def test_full_disk_during_bulk_import_keeps_the_committed_batches(tmp_path: Path):
    store = Store(tmp_path / "bulk.sqlite3")
    store.upsert_papers(_papers(1))
    conn = store._conn()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 40}")  # room for a few batches, not for all
    done: list[int] = []
    with pytest.raises(StoreFull, match="the disk holding the store is full"):
        store.bulk_import(_papers(2000, start=10), batch_size=50, progress=done.append)
    assert done and store.count() == 1 + done[-1]  # every batch reported as done is stored, no part of the next
    assert int(conn.execute("PRAGMA cache_size").fetchone()[0]) != -32 * 1024  # bulk settings restored
    store.close()


def test_full_disk_on_a_reading_list_write(tmp_path: Path):
    store = Store(tmp_path / "lists.sqlite3")
    store.upsert_papers(_papers(1))
    rl = store.reading_list("mine")
    rl.add("2401.00000")
    _fill_disk(store)
    with pytest.raises(StoreFull):
        for i in range(200):  # notes are stored in the entry row: the list pages fill up
            rl.set_note("2401.00000", "x" * 4000 + str(i))
            store.create_list(f"list {i} " + "y" * 2000)
    store.close()


# -- read-only ------------------------------------------------------------------------------------------------
def test_read_only_connection_raises_store_read_only_not_busy(tmp_path: Path):
    store = Store(tmp_path / "ro.sqlite3")
    store.upsert_papers(_papers(2))
    store._conn().execute("PRAGMA query_only = 1")  # SQLite answers SQLITE_READONLY, as for a chmod 444 file
    with pytest.raises(StoreReadOnly) as info:
        store.create_list("new")
    assert not isinstance(info.value, Busy)  # it used to say "locked by another writer"
    assert info.value.reason == "read-only" and info.value.path == str(store.path)
    assert str(store.path) in str(info.value) and "writable" in str(info.value)
    with pytest.raises(StoreReadOnly):
        store.upsert_papers(_papers(1, start=50))
    assert store.count() == 2 and store.get_paper("2401.00001") is not None  # reading still works
    store.close()


def test_store_opened_read_only_by_sqlite_reads_and_refuses_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "mounted.sqlite3"
    with Store(path) as store:
        store.upsert_papers(_papers(2))
    real_connect = sqlite3.connect

    def read_only_connect(database, *args, **kwargs):  # what SQLite does for a file it cannot open for writing
        kwargs["uri"] = True
        return real_connect(Path(database).absolute().as_uri() + "?mode=ro", *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only_connect)
    store = Store(path)  # opening reads only (the file is in WAL mode already)
    assert store.count() == 2
    with pytest.raises(StoreReadOnly, match="the store cannot be written"):
        store.create_list("new")
    store.close()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes through chmod")
def test_chmod_read_only_store_raises_store_read_only(tmp_path: Path):
    path = tmp_path / "chmod.sqlite3"
    with Store(path) as store:
        store.upsert_papers(_papers(2))
    path.chmod(0o444)
    try:
        try:
            store = Store(path)
        except StoreError as exc:
            assert isinstance(exc, StoreUnavailable) and str(path) in str(exc)
            return
        with pytest.raises(StoreReadOnly):
            store.create_list("new")
        store.close()
    finally:
        path.chmod(0o644)


def test_folder_that_cannot_be_created_is_store_unavailable(tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the store's folder should be")
    with pytest.raises(StoreUnavailable, match="cannot create the store's folder") as info:
        Store(blocker / "sub" / "paperlab.sqlite3")
    assert str(blocker) in str(info.value)


# -- corruption -----------------------------------------------------------------------------------------------
def _corrupt(path: Path, page: int) -> None:
    page_size = int.from_bytes(path.read_bytes()[16:18], "big")
    with open(path, "r+b") as f:
        f.seek((page - 1) * page_size)
        f.write(b"\xa5" * page_size)


def test_damaged_page_is_refused_on_open_naming_the_file(tmp_path: Path):
    path = tmp_path / "damaged.sqlite3"
    with Store(path) as store:
        store.upsert_papers(_papers(300))
        root = store._conn().execute("SELECT rootpage FROM sqlite_master WHERE name = 'papers_doi'").fetchone()[0]
    assert not path.with_name(path.name + "-wal").exists()  # everything is in the main file
    _corrupt(path, root)  # an index page: reading papers would still work, silently, until it is used
    damaged = path.read_bytes()
    with pytest.raises(StoreCorrupt) as info:
        Store(path)
    err = info.value
    assert err.reason == "corrupt" and err.path == str(path) and isinstance(err, StoreUnavailable)
    assert str(path) in str(err) and "damaged" in str(err) and "backup" in str(err) and ".recover" in str(err)
    assert path.read_bytes() == damaged  # refused before anything was written


def test_not_a_database_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"my notes, not a database\n" * 10)
    with pytest.raises(StoreCorrupt, match="not a paperlab store"):
        Store(path)
    assert path.read_bytes() == b"my notes, not a database\n" * 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_quick_check_runs_once_per_process_and_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "once.sqlite3"
    with Store(path) as store:
        store.upsert_papers(_papers(5))
    statements: list[str] = []
    real = paperlab.store.db._Connection.execute

    def recording(self, sql, parameters=()):
        statements.append(sql)
        return real(self, sql, parameters)

    monkeypatch.setattr(paperlab.store.db._Connection, "execute", recording)
    first = Store(path)
    second = Store(path)
    thread = threading.Thread(target=second.count)  # a new connection in another thread
    thread.start()
    thread.join()
    assert first.count() == second.count() == 5
    assert sum("quick_check" in sql for sql in statements) <= 1  # this process checked it (here or above)
    first.close(), second.close()
    key = (str(path.resolve()), path.stat().st_dev, path.stat().st_ino)
    assert key in paperlab.store.db._checked


def test_text_that_is_not_utf8_is_store_corrupt(tmp_path: Path):
    store = Store(tmp_path / "bytes.sqlite3")
    store.upsert_papers(_papers(2))
    raw = sqlite3.connect(store.path)
    raw.execute("UPDATE papers SET data = CAST(x'7b22ff22' AS TEXT) WHERE arxiv_id = '2401.00001'")
    raw.commit()
    raw.close()
    with pytest.raises(StoreCorrupt) as info:
        store.papers()
    assert str(store.path) in str(info.value) and "damaged" in str(info.value)
    with pytest.raises(StoreCorrupt):
        store.get_paper("2401.00001")
    assert store.get_paper("2401.00000") is not None  # the rest of the store still reads
    store.close()


# -- a store from a newer paperlab ------------------------------------------------------------------------------
def test_newer_store_is_refused_without_touching_the_file(tmp_path: Path):
    path = tmp_path / "newer.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE papers (id TEXT PRIMARY KEY, future_column BLOB)")
    con.execute("INSERT INTO papers VALUES ('x', x'00')")
    con.execute(f"PRAGMA user_version = {paperlab.store.db.SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer than this paperlab understands") as info:
        Store(path)
    assert path.read_bytes() == before  # not switched to WAL (header bytes 18-19 would become 2), no page size
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.sqlite3"]  # no -wal, -shm or -journal
    assert str(path) in str(info.value) and "untouched" in str(info.value)


def test_newer_store_already_in_wal_mode_is_refused(tmp_path: Path):
    path = tmp_path / "newer-wal.sqlite3"
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("CREATE TABLE t (x)")
    con.execute(f"PRAGMA user_version = {paperlab.store.db.SCHEMA_VERSION + 5}")
    # the other paperlab is still running: the new version may sit in its WAL, not yet in the header
    with pytest.raises(StoreError, match="newer than this paperlab understands"):
        Store(path)
    assert con.execute("SELECT count(*) FROM t").fetchone()[0] == 0 and con.execute("PRAGMA user_version").fetchone()[
        0
    ] == (paperlab.store.db.SCHEMA_VERSION + 5)
    con.close()


# -- what stays as it was -------------------------------------------------------------------------------------
def test_errors_of_the_statement_itself_stay_sqlite_errors(tmp_path: Path):
    store = Store(tmp_path / "plain.sqlite3")
    with pytest.raises(sqlite3.IntegrityError):
        store._conn().execute("INSERT INTO lists (id, name, created, updated) VALUES (1, NULL, 'a', 'b')")
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        store._conn().execute("SELECT * FROM nowhere")
    store.close()

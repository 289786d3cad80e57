"""What only the PostgreSQL engine has: selecting it by URL, failing clearly when the server or psycopg is
missing, its schema versions, its write lock (Busy, a writer killed mid-transaction) and LISTEN/NOTIFY.

Everything runs against the real PostgreSQL server the session starts (``postgres_server``, tests/pgserver.py);
the shared store behaviour runs on both engines in test_store*.py.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
from pgserver import PostgresServer

import paperlab
import paperlab.store.pg
from paperlab import Paper
from paperlab.errors import Busy, StoreError, StoreUnavailable
from paperlab.store import MIGRATIONS, SCHEMA_VERSION, Store, open_store

psycopg = pytest.importorskip(
    "psycopg", reason="psycopg is not installed (pip install 'jupyterlab-paperlab[postgres]')"
)

pytestmark = pytest.mark.postgres


@pytest.fixture
def url(postgres_server: PostgresServer) -> str:
    return postgres_server.new_url()


def _schema_of(url: str) -> str:
    return url.rsplit("%3D", 1)[1]


def test_paperlab_store_selects_postgres_for_the_kernel_api(url: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PAPERLAB_STORE", url)
    monkeypatch.setenv("PAPERLAB_USER", "ada")
    rl = paperlab.reading_list("team")
    rl.add(Paper("Attention Is All You Need", arxiv_id="1706.03762"), tags=["classic"])
    assert open_store() is open_store(url) and open_store().location.startswith("postgresql://postgres@127.0.0.1:")
    assert repr(open_store()).startswith("Store('postgresql://")
    # the rows are in PostgreSQL, in the URL's schema, readable by anyone connecting there
    with psycopg.connect(url) as raw:
        rows = raw.execute(
            "SELECT l.name, e.paper_id, e.tags, e.added_by FROM list_entries e JOIN lists l ON l.id = e.list_id"
        ).fetchall()
    assert rows == [("team", "1706.03762", '["classic"]', "ada")]
    assert not (open_store().path.parent.exists())  # nothing written locally for a PostgreSQL store


def test_unreachable_server_is_store_unavailable_naming_host_and_port(postgres_server: PostgresServer):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(StoreUnavailable, match=f"cannot reach the PostgreSQL store at 127.0.0.1:{port}") as info:
        Store(f"postgresql://postgres@127.0.0.1:{port}/postgres")
    assert info.value.path == f"postgresql://postgres@127.0.0.1:{port}/postgres"
    assert paperlab.store.pg.CONNECT_TIMEOUT_S <= 5


@pytest.mark.timeout(30)
def test_a_server_that_never_answers_fails_within_the_connect_timeout():
    with socket.socket() as listener:  # accepts the TCP connection, never speaks PostgreSQL
        listener.bind(("127.0.0.1", 0))
        listener.listen(5)
        port = listener.getsockname()[1]
        with pytest.raises(StoreUnavailable, match=f"127.0.0.1:{port}.*timeout"):
            Store(f"postgresql://postgres@127.0.0.1:{port}/postgres?connect_timeout=1")


def test_missing_psycopg_names_the_extra(tmp_path):
    code = (
        "import sys; sys.modules['psycopg'] = None\n"
        "from paperlab.store import Store\n"
        "try:\n    Store('postgresql://u@127.0.0.1:1/db')\n"
        "except Exception as e:\n    print(type(e).__name__, e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("StoreError ") and "jupyterlab-paperlab[postgres]" in out and "extra 'postgres'" in out
    # a file store still works without psycopg
    code = f"import sys; sys.modules['psycopg'] = None\nfrom paperlab.store import Store\nprint(Store({str(tmp_path / 'f.sqlite3')!r}).count())"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "0\n"


def test_schema_1_database_is_upgraded_keeping_every_row(url: str):
    with psycopg.connect(url, autocommit=True) as raw:  # a database as schema 1 left it
        for statement in MIGRATIONS[0]["postgresql"]:
            raw.execute(statement)
        raw.execute(
            "INSERT INTO papers(id, arxiv_id, title, updated_at, data) VALUES "
            "('2301.00001', '2301.00001', 'Old paper', '2025-01-01T00:00:00+00:00', %s)",
            ('{"title": "Old paper", "arxiv_id": "2301.00001", "id": "2301.00001"}',),
        )
        raw.execute("INSERT INTO lists(name, created, updated) VALUES ('old', 'c', 'u')")
        raw.execute(
            "INSERT INTO list_entries(list_id, paper_id, position, status, tags, note, added, updated) "
            "VALUES (1, '2301.00001', 0, 'reading', '[\"kept\"]', 'a note', "
            "'2025-01-01T00:00:00+00:00', '2025-01-02T00:00:00+00:00')"
        )
        raw.execute("UPDATE meta SET value = 41")
    store = Store(url)
    assert store.schema_version == SCHEMA_VERSION == 3
    entry = store.reading_list("old", create=False).entry("2301.00001")
    assert (entry.status, entry.tags, entry.note, entry.added_by, entry.updated_by) == (
        "reading",
        ["kept"],
        "a note",
        None,
        None,
    )
    assert store.revision() == 41 and store.get_paper("2301.00001").title == "Old paper"  # type: ignore[union-attr]
    store.close()


def test_newer_database_is_refused_untouched(url: str):
    Store(url).close()
    with psycopg.connect(url, autocommit=True) as raw:
        raw.execute("INSERT INTO schema_version(version, applied) VALUES (%s, 'later')", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="newer than this paperlab understands"):
        Store(url)


def test_a_writer_holding_the_lock_too_long_is_busy(url: str, monkeypatch: pytest.MonkeyPatch):
    store = Store(url)
    monkeypatch.setattr(paperlab.store.pg, "LOCK_TIMEOUT_MS", 200)
    slow = Store(url)  # connects with the short lock timeout
    holder = psycopg.connect(url, autocommit=True)
    holder.execute("BEGIN")
    holder.execute("SELECT pg_advisory_xact_lock(%s)", (store._engine._lock_key,))  # another writer's transaction
    try:
        with pytest.raises(Busy, match="stayed locked by another writer"):
            slow.create_list("blocked")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert slow.create_list("free").name == "free"
    assert store.lists() == ["free"]


def _hold_transaction(url: str, ready: mp.synchronize.Event) -> None:  # type: ignore[name-defined]
    store = Store(url)
    with store._write() as conn:
        store._write_papers(conn, [Paper("Written by a process that dies before commit", arxiv_id="2502.00001")])
        conn.execute("UPDATE list_entries SET note = 'uncommitted', tags = '[]'")
        ready.set()
        time.sleep(120)  # killed long before this ends


@pytest.mark.timeout(60)
def test_writer_killed_inside_transaction_leaves_the_list_intact(url: str):
    store = Store(url)
    store.upsert_papers(
        [Paper(f"Shared paper number {i} of the kill test", arxiv_id=f"2501.{i:05d}") for i in range(3)]
    )
    rl = store.create_list("shared")
    for i in range(3):
        rl.add(f"2501.{i:05d}", tags=["initial"])
    rev = store.revision()
    ctx = mp.get_context("spawn")
    ready = ctx.Event()
    victim = ctx.Process(target=_hold_transaction, args=(url, ready))
    victim.start()
    assert ready.wait(30), "the writer process never opened its transaction"
    assert rl.entry("2501.00000").tags == ["initial"]  # readers see the committed state meanwhile
    done: dict[str, float] = {}

    def waiting_writer() -> None:
        Store(url).reading_list("shared", create=False).tag("2501.00001", "after-kill")
        done["at"] = time.monotonic()

    waiter = threading.Thread(target=waiting_writer)
    waiter.start()
    time.sleep(0.3)
    assert "at" not in done  # blocked behind the doomed transaction's lock
    os.kill(victim.pid, signal.SIGKILL)  # type: ignore[arg-type]
    victim.join(10)
    waiter.join(20)
    assert "at" in done  # the server noticed the dead client and released its lock
    assert store.get_paper("2502.00001") is None and store.count() == 3
    entries = {e.paper.id: e for e in rl.entries()}
    assert entries["2501.00001"].tags == ["initial", "after-kill"] and entries["2501.00000"].note is None
    assert store.revision() == rev + 1


def _add_from_another_process(url: str) -> None:
    os.environ["PAPERLAB_USER"] = "bob"
    Store(url).reading_list("live").add(Paper("A paper added by another user", arxiv_id="2503.00001"))


@pytest.mark.timeout(60)
def test_subscribers_hear_of_another_process_change(url: str, tmp_path):
    store = Store(url)
    store.create_list("live")
    heard = threading.Event()
    stop = store.subscribe(heard.set)
    assert stop is not None
    time.sleep(0.5)
    heard.clear()  # the (re)connect call: changes may have been missed before listening
    rev = store.revision()
    proc = mp.get_context("spawn").Process(target=_add_from_another_process, args=(url,))
    proc.start()
    proc.join(30)
    assert proc.exitcode == 0
    assert heard.wait(10), "no notification of the other process's commit"
    assert store.revision() > rev
    entry = store.reading_list("live", create=False).entries()[0]
    assert (entry.paper.arxiv_id, entry.added_by) == ("2503.00001", "bob")
    stop()
    heard.clear()
    store.reading_list("live").tag("2503.00001", "after")
    assert not heard.wait(1.0)  # unsubscribed: no more calls
    assert Store(tmp_path / "file.sqlite3").subscribe(heard.set) is None  # SQLite: callers poll the revision


def test_cli_uses_the_postgres_store(url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    from paths import DATA

    from paperlab.cli import main

    monkeypatch.setenv("PAPERLAB_STORE", url)
    monkeypatch.setenv("PAPERLAB_USER", "cli-user")
    assert main(["import", str(DATA / "app" / "kaggle_arxiv.jsonl"), "--list", "group"]) == 0
    out = capsys.readouterr().out
    assert "12 papers in total added to postgresql://postgres@127.0.0.1:" in out
    store = Store(url)
    entries = store.reading_list("group", create=False).entries()
    assert len(entries) == 12 and {e.added_by for e in entries} == {"cli-user"}
    monkeypatch.setenv("PAPERLAB_STORE", f"postgresql://postgres@127.0.0.1:{_closed_port()}/postgres")
    assert main(["list", "--list", "group"]) != 0
    err = capsys.readouterr().err
    assert "cannot reach the PostgreSQL store at 127.0.0.1:" in err and len(err.strip().splitlines()) == 1


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_lost_connection_is_store_unavailable_then_reconnects(url: str):
    store = Store(url)
    store.create_list("kept")
    pid = store._conn().execute("SELECT pg_backend_pid()").fetchone()[0]
    with psycopg.connect(url, autocommit=True) as admin:  # e.g. the database server restarted
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    with pytest.raises(StoreUnavailable, match="lost the connection to the server at 127.0.0.1:"):
        store.lists()
    assert store.lists() == ["kept"]  # the next call connects again
    store.reading_list("kept").add(Paper("Written after the reconnect", arxiv_id="2506.00001"))
    assert len(store.reading_list("kept")) == 1


def _child_writes(url: str) -> None:
    store = Store(url)  # the Store object inherited from the parent: opens its own connection here
    store.reading_list("forked").tag("2507.00001", "from-child")


@pytest.mark.skipif(sys.platform == "win32", reason="fork is POSIX")
@pytest.mark.timeout(60)
def test_a_forked_child_does_not_end_the_parents_session(url: str):
    store = Store(url)
    store.reading_list("forked").add(Paper("A paper shared with a forked child", arxiv_id="2507.00001"))
    pid = store._conn().execute("SELECT pg_backend_pid()").fetchone()[0]
    ctx = mp.get_context("fork")
    child = ctx.Process(target=lambda: (store.reading_list("forked").tag("2507.00001", "inherited"), store.close()))
    child.start()
    child.join(30)
    assert child.exitcode == 0
    other = ctx.Process(target=_child_writes, args=(url,))
    other.start()
    other.join(30)
    assert other.exitcode == 0
    # the parent's session is the same one, alive, and sees both children's writes
    assert store._conn().execute("SELECT pg_backend_pid()").fetchone()[0] == pid
    assert store.reading_list("forked").entry("2507.00001").tags == ["inherited", "from-child"]


def test_a_bad_url_is_named_without_its_password():
    with pytest.raises(StoreError, match="not a valid PostgreSQL URL") as info:
        Store("postgresql://team:s3cret-pw@[::1/readinggroup")
    assert "s3cret-pw" not in str(info.value) and "team:***@" in str(info.value)
    with pytest.raises(StoreError, match='invalid URI query parameter: "colour"'):
        Store("postgresql://team:s3cret-pw@127.0.0.1/readinggroup?colour=blue")

"""Several processes writing one store at once (kernels and the server extension do).

Real writer processes (multiprocessing "spawn", as on macOS/Windows and as a fresh kernel is)
hammer the same reading list and the same entries; afterwards every write must be there.
A writer killed with SIGKILL while it holds a write transaction must leave the store intact
and must not block the next writer. Every test runs on SQLite and on a real PostgreSQL server
(``store_backend``); the PostgreSQL lock probe is in tests/test_store_postgres.py.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sqlite3
import sys
import threading
import time
from pathlib import Path

import pytest

from paperlab import Paper
from paperlab.store import Store

pytestmark = pytest.mark.usefixtures("store_backend")

N_PROCS = 4
N_OPS = 200
N_PAPERS = 6  # every process writes the same few entries, so writes collide
LIST = "shared"


def _papers() -> list[Paper]:
    return [
        Paper(f"Shared paper number {i} for the concurrency test", arxiv_id=f"2501.{i:05d}") for i in range(N_PAPERS)
    ]


def _writer(path: str, proc: int, start: mp.synchronize.Event) -> None:  # type: ignore[name-defined]
    store = Store(path)
    rl = store.reading_list(LIST, create=False)
    start.wait(30)
    for k in range(N_OPS):
        pid = f"2501.{(k + proc) % N_PAPERS:05d}"
        tag = f"p{proc}-op{k}"
        op = k % 3
        if op == 0:
            rl.add(pid, tags=[tag])  # existing entry: tags united
        elif op == 1:
            rl.tag(pid, tag)
        else:
            rl.tag(pid, tag)
            rl.set_note(pid, f"note from p{proc} op{k}")
    store.close()


def _hold_transaction(path: str, ready: mp.synchronize.Event) -> None:  # type: ignore[name-defined]
    store = Store(path)
    with store._write() as conn:  # the write transaction every Store method uses
        store._write_papers(conn, [Paper("Written by a process that dies before commit", arxiv_id="2502.00001")])
        conn.execute("UPDATE list_entries SET note = 'uncommitted', tags = '[]'")
        ready.set()
        time.sleep(120)  # killed long before this ends


@pytest.fixture
def store_path(store_location: str | Path) -> str | Path:
    path = store_location
    s = Store(path)
    s.upsert_papers(_papers())
    rl = s.create_list(LIST)
    for p in _papers():
        rl.add(p.id, tags=["initial"])
    s.close()
    return path


@pytest.mark.timeout(60)
def test_concurrent_writer_processes_lose_no_update(store_path: str | Path):
    ctx = mp.get_context("spawn")
    store = Store(store_path)
    rev_before = store.revision()
    start = ctx.Event()
    procs = [ctx.Process(target=_writer, args=(str(store_path), i, start)) for i in range(N_PROCS)]
    for p in procs:
        p.start()
    time.sleep(0.5)  # let them import and open the store, then release them together
    t0 = time.monotonic()
    start.set()
    for p in procs:
        p.join(45)
    assert [p.exitcode for p in procs] == [0] * N_PROCS
    elapsed = time.monotonic() - t0
    assert elapsed < 20, elapsed

    entries = store.reading_list(LIST, create=False).entries()
    assert len(entries) == N_PAPERS
    assert [e.position for e in entries] == list(range(N_PAPERS))
    found = [t for e in entries for t in e.tags]
    expected = {f"p{i}-op{k}" for i in range(N_PROCS) for k in range(N_OPS)} | {"initial"}
    assert len(found) == N_PROCS * N_OPS + N_PAPERS  # every write once ("initial" on each entry)
    assert set(found) == expected  # none lost
    assert all(len(e.tags) == len(set(e.tags)) for e in entries)
    for e in entries:  # each tag landed on the entry its writer chose
        for t in e.tags:
            if t != "initial":
                proc, k = (int(x) for x in t[1:].split("-op"))
                assert e.paper.id == f"2501.{(k + proc) % N_PAPERS:05d}"
        assert e.note is not None and e.note.startswith("note from p")
    # one revision per write transaction: add/tag = 1, tag + set_note = 2
    writes_per_proc = sum(2 if k % 3 == 2 else 1 for k in range(N_OPS))
    assert store.revision() == rev_before + N_PROCS * writes_per_proc
    assert store.count() == N_PAPERS


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.timeout(60)
def test_writer_killed_inside_transaction_leaves_store_intact(store_path: str | Path, store_backend: str):
    if store_backend != "sqlite":
        pytest.skip("probes the SQLite file lock (PostgreSQL: tests/test_store_postgres.py)")
    ctx = mp.get_context("spawn")
    store = Store(store_path)
    rl = store.reading_list(LIST, create=False)
    rl.set_note("2501.00000", "committed before")
    rev = store.revision()

    ready = ctx.Event()
    victim = ctx.Process(target=_hold_transaction, args=(str(store_path), ready))
    victim.start()
    assert ready.wait(30), "the writer process never opened its transaction"

    # while it holds the write lock, nobody else can write ...
    probe = sqlite3.connect(store_path, timeout=0.2, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        probe.execute("BEGIN IMMEDIATE")
    probe.close()
    # ... and readers still see the last committed state (WAL)
    assert rl.entry("2501.00000").note == "committed before"

    # a second writer is already waiting (busy timeout) when the first one dies
    done: dict[str, float] = {}

    def waiting_writer() -> None:
        Store(store_path).reading_list(LIST, create=False).tag("2501.00001", "after-kill")
        done["at"] = time.monotonic()

    waiter = threading.Thread(target=waiting_writer)
    waiter.start()
    time.sleep(0.3)
    assert "at" not in done  # blocked behind the doomed transaction
    killed_at = time.monotonic()
    os.kill(victim.pid, signal.SIGKILL)  # type: ignore[arg-type]
    victim.join(10)
    assert victim.exitcode == -signal.SIGKILL
    waiter.join(15)
    assert "at" in done and done["at"] - killed_at < 5

    # nothing of the killed transaction is visible; everything committed is
    assert store.get_paper("2502.00001") is None
    assert store.count() == N_PAPERS
    entries = {e.paper.id: e for e in rl.entries()}
    assert entries["2501.00000"].note == "committed before"
    assert entries["2501.00001"].tags == ["initial", "after-kill"]
    assert all("initial" in e.tags for e in entries.values())
    assert store.revision() == rev + 1  # only the waiting writer's commit counted
    check = sqlite3.connect(store_path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()
    # and the next writers proceed normally
    rl.add("2501.00002", status="read")
    assert rl.entry("2501.00002").status == "read"
    assert store.revision() == rev + 2

"""People in the data, and upgrading a store written by the previous schema.

Every entry records who added it (``added_by``) and who last changed it (``updated_by``): ``$PAPERLAB_USER``
or the OS user in a kernel, the identity :func:`acting_as` sets (the server extension's request user). Runs on
SQLite and on a real PostgreSQL server (``store_backend``).

``tests/data/store/paperlab-v1.sqlite3`` is a store written by paperlab at schema version 1 (before this
change), by our own script: 8 papers (7 arXiv records with 'café' and '50%' in the abstracts, one DOI-only
record), the list "group reading" with 5 entries (tags t0..t4 plus "shared", notes on entries 0, 2, 4, statuses
cycling to-read/reading/read), an empty list "empty list", and two cached vectors of "model-x"; revision 8.
"""

from __future__ import annotations

import getpass
import shutil
import sqlite3
from pathlib import Path

import pytest
from paths import DATA

import paperlab
from paperlab import Paper
from paperlab.store import SCHEMA_VERSION, Store, acting_as, current_user, open_store

pytestmark = pytest.mark.usefixtures("store_backend")

V1_STORE = DATA / "store" / "paperlab-v1.sqlite3"


@pytest.fixture
def papers() -> list[Paper]:
    return [Paper(f"Paper {i} of the people test, long enough", arxiv_id=f"2402.{i:05d}") for i in range(3)]


def test_entries_record_who_added_and_who_changed_them(monkeypatch: pytest.MonkeyPatch, papers: list[Paper]):
    monkeypatch.setenv("PAPERLAB_USER", "ada")
    store = open_store()
    store.upsert_papers(papers)
    rl = paperlab.reading_list("group")
    entry = rl.add(papers[0].id, tags=["x"])
    assert (entry.added_by, entry.updated_by) == ("ada", "ada")
    monkeypatch.setenv("PAPERLAB_USER", "grace")
    rl.tag(papers[0].id, "y")
    entry = rl.entry(papers[0].id)
    assert (entry.added_by, entry.updated_by) == ("ada", "grace")
    with acting_as("linus"):  # what the server extension does for each request's Jupyter user
        rl.set_status(papers[0].id, "read")
        rl.add(papers[1].id)
        assert current_user() == "linus"
    assert current_user() == "grace"
    by = {e.paper.id: (e.added_by, e.updated_by) for e in rl.entries()}
    assert by == {papers[0].id: ("ada", "linus"), papers[1].id: ("linus", "linus")}
    for change, who in (
        (lambda: rl.set_note(papers[1].id, "n"), "grace"),
        (lambda: rl.move(papers[1].id, 0), "grace"),
        (lambda: rl.update(papers[1].id, add_tags=["z"]), "grace"),
    ):
        change()
        assert rl.entry(papers[1].id).updated_by == who
    assert rl.entry(papers[1].id).added_by == "linus"
    df = rl.to_dataframe()
    assert list(df["added_by"]) == ["linus", "ada"] and list(df["updated_by"]) == ["grace", "linus"]


def test_without_paperlab_user_the_os_user_is_recorded(monkeypatch: pytest.MonkeyPatch, papers: list[Paper]):
    monkeypatch.delenv("PAPERLAB_USER", raising=False)
    monkeypatch.setenv("PAPERLAB_USER", "  ")  # blank counts as unset
    store = open_store()
    store.upsert_papers(papers[:1])
    entry = store.reading_list().add(papers[0].id)
    assert entry.added_by == getpass.getuser() == current_user()


def test_the_schema_is_versioned():
    store = open_store()
    assert store.schema_version == SCHEMA_VERSION == 3
    rows = store._conn().execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    assert [r[0] for r in rows] == [2, 3]  # version 2 created the table; every later step adds its row


def test_a_schema_1_store_is_upgraded_keeping_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store_backend: str
):
    if store_backend != "sqlite":
        pytest.skip("a SQLite file of schema 1 (PostgreSQL's upgrade: tests/test_store_postgres.py)")
    path = tmp_path / "old.sqlite3"
    shutil.copy(V1_STORE, path)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
    before = {
        table: raw.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        for table in ("papers", "lists", "list_entries", "embeddings", "meta")
    }
    raw.close()
    assert [len(before[t]) for t in ("papers", "lists", "list_entries", "embeddings")] == [8, 2, 5, 2]

    monkeypatch.setenv("PAPERLAB_USER", "upgrader")
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION == 3
    conn = store._conn()
    for table, rows in before.items():
        after = conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        if table == "list_entries":  # the two new columns, NULL for entries written before
            assert [row[:-2] for row in after] == rows and all(row[-2:] == (None, None) for row in after)
        else:
            assert after == rows
    rl = store.reading_list("group reading", create=False)
    entries = rl.entries()
    assert [e.status for e in entries] == ["to-read", "reading", "read", "to-read", "reading"]
    assert entries[0].tags == ["t0", "shared"] and entries[2].note == "note 2" and entries[1].note is None
    assert all(e.added_by is None and e.updated_by is None for e in entries)
    assert store.revision() == 8 and store.search_text("café 50%").ids  # the data reads as before
    rl.tag(entries[0].paper.id, "after upgrade")
    assert rl.entry(entries[0].paper.id).updated_by == "upgrader"
    assert store.get_embeddings("model-x", ["h1"]) == {"h1": b"\x00\x01\x02\x03"}
    store.close()
    assert Store(path).schema_version == SCHEMA_VERSION  # opening again migrates nothing

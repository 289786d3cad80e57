"""Moving a store into another (``paperlab store copy``), e.g. a member's SQLite store into the team's PostgreSQL.

The source is ``tests/data/store/paperlab-v1.sqlite3`` (written by paperlab at schema 1, see test_store_people.py:
8 papers, "group reading" with 5 entries, "empty list", 2 vectors of "model-x"), copied to a temp file and
upgraded on opening. The target is the default store, on SQLite and on PostgreSQL (``store_backend``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import DATA

from paperlab import Paper
from paperlab.cli import main
from paperlab.store import Store, acting_as, open_store
from paperlab.store.transfer import copy_store

pytestmark = pytest.mark.usefixtures("store_backend")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "mine.sqlite3"
    shutil.copy(DATA / "store" / "paperlab-v1.sqlite3", path)
    return path


def _entries(store: Store, name: str) -> list[tuple[str, str, list[str], str | None]]:
    return [(e.paper.id, e.status, e.tags, e.note) for e in store.reading_list(name, create=False).entries()]


def test_copy_keeps_papers_lists_entries_and_vectors(source: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PAPERLAB_USER", "mover")
    src = Store(source)
    with acting_as("ada"):  # an entry whose author the source recorded
        src.reading_list("group reading").add(Paper("Paper added after the upgrade", arxiv_id="2404.00001"))
    target = open_store()
    target.upsert_papers([Paper("Already in the team store", arxiv_id="2404.09999")])
    report = copy_store(src, target)
    assert (report.papers, report.lists, report.entries, report.embeddings) == (9, 2, 6, 2)
    assert str(report) == "copied 9 papers, 6 entries in 2 reading lists and 2 cached vectors"
    assert target.count() == 10 and target.lists() == ["group reading", "empty list"]
    assert _entries(target, "group reading") == _entries(src, "group reading")  # order, status, tags, notes
    assert [e.added_by for e in target.reading_list("group reading").entries()] == [
        "mover",  # written before paperlab recorded authors: the person copying
        "mover",
        "mover",
        "mover",
        "mover",
        "ada",  # added after the upgrade, by ada: she stays its author
    ]
    assert target.get_embeddings("model-x", ["h1", "h2"]) == src.get_embeddings("model-x", ["h1", "h2"])
    assert copy_store(src, target).papers == 9 and target.count() == 10  # copying again merges: nothing doubles
    assert len(target.reading_list("group reading")) == 6


def test_cli_store_info_and_copy(source: Path, capsys: pytest.CaptureFixture[str], store_backend: str):
    target = open_store()
    location = target.location
    assert main(["store", "copy", str(source), str(target.path if store_backend == "sqlite" else _url())]) == 0
    out = capsys.readouterr().out
    assert out.startswith("copied 8 papers, 5 entries in 2 reading lists and 2 cached vectors from ")
    assert out.strip().endswith(f"into {location}")
    assert main(["store", "info"]) == 0
    out = capsys.readouterr().out
    engine = "SQLite" if store_backend == "sqlite" else "PostgreSQL"
    assert f"store:          {location}\nengine:         {engine}\nschema version: 3\npapers:         8\n" in out
    assert "list:           group reading (5 papers)\nlist:           empty list (0 papers)\n" in out
    assert main(["store", "info", str(source)]) == 0
    assert "engine:         SQLite" in capsys.readouterr().out


def _url() -> str:
    import os

    return os.environ["PAPERLAB_STORE"]

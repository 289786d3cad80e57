"""Looking at a topic map makes no reading list (session 17, UX7, a researcher's day in JupyterLab): after
``lib.topic_map()`` the store held an empty "default" list, and the side panel, which opens "default" when it
exists, showed "No papers in “default” yet" instead of the user's own list "reading" (``paperlab import --list
reading``). The citation graph already left an unmade list unmade; the map now does too, and still makes the list
on the first "Add". Papers: the bundled demo corpus (first 40)."""

from __future__ import annotations

from pathlib import Path

import paperlab
from paperlab.store import Store


def test_a_topic_map_leaves_an_unmade_list_unmade(tmp_path: Path) -> None:
    store = Store(tmp_path / "mine.db")
    lib = paperlab.demo()[:40]
    store.reading_list("reading").add(lib[1])
    m = lib.topic_map(n=3, store=store)  # the default list name, "default"
    assert list(store.lists()) == ["reading"]  # no empty "default" for having looked
    assert not any(p.get("status") for p in m.points)
    answer, _ = m._cmd_list({"id": lib[0].id}, [])
    assert answer["ok"] and "default" in store.lists() and store.reading_list("default").ids() == [lib[0].id]


def test_a_map_shows_the_statuses_of_a_list_that_exists(tmp_path: Path) -> None:
    store = Store(tmp_path / "mine.db")
    lib = paperlab.demo()[:40]
    store.reading_list("reading").add(lib[2])
    m = lib.topic_map(n=3, reading_list="reading", store=store)
    assert next(p for p in m.points if p["id"] == lib[2].id)["status"] == "to-read"

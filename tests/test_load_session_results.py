"""Papers loaded from a session transcript carry their slides' result tables (session 9's note):
``paperlab.load('session.txt').compare()`` showed no results while ``Session.from_file(...).compare()`` had them. Now
the reader puts each presentation's tidy table rows in its paper's ``extra["session_results"]`` (plain JSON), and
:func:`paperlab.compare` uses them: the two tables agree, also after the papers went through the store.

Data: our own transcript (tests/data/session/slides-for-load.txt: two presentations, each with a results table).
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import paperlab
from paperlab.library import Library
from paperlab.paper import Paper
from paperlab.store import Store

TRANSCRIPT = Path(__file__).parent / "data" / "session" / "slides-for-load.txt"


def _values(df) -> list[list[tuple]]:
    return [sorted((r["method"], r["dataset"], r["metric"], r["value"]) for r in rows) for rows in df["result_values"]]


def test_loaded_papers_compare_with_their_slides_results(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", paperlab.PartialImportWarning)
        session = paperlab.Session.from_file(TRANSCRIPT)
        loaded = paperlab.load(TRANSCRIPT)
    expected = session.compare().drop(columns="presenter")
    got = loaded.compare()
    assert list(got.index) == list(expected.index) and len(got) == 2
    assert got["results"].tolist() == expected["results"].tolist()
    # each paper its own table, named by the slide heading above it ("Results - Typographic Robustness")
    assert got["results"].tolist() == [
        ["Typographic Robustness: 4 values, 2 methods"],
        ["Kinetics Accuracy: 4 values, 2 methods"],
    ]
    assert _values(got) == _values(expected) and all(_values(got))
    steady = [(r["method"], r["metric"], r["value"]) for r in loaded[got.index[0]].extra["session_results"]]
    assert ("Steady Pixels", "Attacked", 71.3) in steady and ("Baseline", "Clean", 81.2) in steady
    json.dumps([p.to_dict() for p in loaded])  # plain JSON: the wire and the store take it

    # kept by the store and by the wire format: a reading list's papers compare the same
    store = Store(tmp_path / "s.sqlite3")
    for p in loaded:
        store.reading_list("group").add(p)
    again = Library(e.paper for e in store.reading_list("group").entries())
    assert _values(again.compare().loc[list(got.index)]) == _values(got)
    wired = Library(Paper.from_dict(p.to_dict()) for p in loaded)
    assert wired.compare()["results"].tolist() == got["results"].tolist()


def test_results_given_for_a_paper_are_not_counted_twice() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", paperlab.PartialImportWarning)
        session = paperlab.Session.from_file(TRANSCRIPT)
        loaded = paperlab.load(TRANSCRIPT)
    tables = [d for e in session.entries for d in e.results]
    twice = loaded.compare(results=tables)  # the carried rows and the same rows given: each once
    assert _values(twice) == _values(loaded.compare())

"""``lib.gaps()`` says what an empty answer means (session 15's leftover, UX5): it printed ``Empty DataFrame``
whether nothing is missing from the library or nothing about its references was fetched yet. Now the frame's note
(``.note``, ``attrs["note"]``, printed with it, in a notebook too) tells the two apart and says how many papers'
references a partial answer rests on. Our own recorded Semantic Scholar pages (tests/data/citations/, made-up
papers) served by the local fake server."""

from __future__ import annotations

import pickle
import warnings
from pathlib import Path

from test_citations import X_ID, A, B, C, _client, _fetched_graph, _serve_library

from paperlab import Library, Paper
from paperlab.errors import PartialImportWarning
from paperlab.store import Store

FETCH = "lib.fetch_citations() fetches them (it needs the network)"


def test_nothing_fetched_says_gaps_are_unknown(tmp_path: Path) -> None:
    frame = Library([A, B]).gaps(store=Store(tmp_path / "e.sqlite3"))
    assert frame.empty
    assert frame.note == f"Gaps unknown: the references of none of the 2 papers were fetched; {FETCH}."
    assert repr(frame) == frame.note and str(frame) == frame.note
    assert "Gaps unknown" in frame._repr_html_() and "Empty DataFrame" not in repr(frame)
    assert Library([]).gaps(store=Store(tmp_path / "e.sqlite3")).note == "No gaps: the library is empty."


def test_fetched_and_nothing_missing_says_so(fake_server, tmp_path: Path) -> None:
    lib, store = _fetched_graph(fake_server, tmp_path)
    frame = lib.gaps(min_cited_by=4, store=store)  # X is cited by three of the three papers at most
    assert frame.empty
    assert frame.note == (
        "No gaps: no paper outside the library is cited by 4 or more of its papers "
        "(references known for 3 of 3 papers)."
    )
    full = lib.gaps(store=store)
    assert list(full["id"])[0] == X_ID and full.note == ""  # a full answer: the table alone, as before
    assert "Gaps" not in repr(full) and "<p>" not in full._repr_html_()
    assert pickle.loads(pickle.dumps(full)).equals(full)


def test_partly_fetched_says_what_the_answer_rests_on(fake_server, tmp_path: Path) -> None:
    _serve_library(fake_server)
    store = Store(tmp_path / "p.sqlite3")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        Library([A, B]).fetch_citations(store=store, client=_client(fake_server))
    later = Paper("A Paper Added After The Fetch", arxiv_id="2402.00077")
    frame = Library([A, B, C, later]).gaps(store=store)
    assert not frame.empty
    assert frame.note == f"Gaps from the references of 2 of 4 papers: {FETCH} for the rest."
    assert repr(frame).endswith(frame.note) and frame.note in frame._repr_html_()

"""Citation fetches when the service cannot be reached (walkthrough #3): ``fetch_citations`` stops at the first
failed connection with a typed error naming the service and its address, instead of trying every paper (64 tries,
a minute, then ``FetchReport(failed=64)`` and no word); the graph widget then says what happened instead of "No
citations fetched yet".

Servers: a closed port on 127.0.0.1 (connection refused) and a local server that accepts the request and never
answers (tests/hostile.py); S2 pages are our own (tests/data/s2_graph). Papers are made up here.
"""

from __future__ import annotations

import html
import threading
from pathlib import Path
from typing import Any

import pytest
from hostile import HostileServer, refused_port
from paths import DATA

from paperlab import Library, Paper
from paperlab.errors import ServiceUnreachable
from paperlab.graphview import GraphView
from paperlab.sources._http import HttpClient
from paperlab.sources.semantic_scholar import SemanticScholarClient
from paperlab.store import Store

PAPERS = [Paper(f"An Offline Paper Number {i}", arxiv_id=f"2401.{i:05d}", authors=["Ann Example"]) for i in range(32)]


def _client(base: str, **http: Any) -> SemanticScholarClient:
    options = {"retries": 2, "backoff": 0.01, "max_backoff": 0.05, "timeout": 2.0, "sleep": lambda s: None, **http}
    return SemanticScholarClient(base_url=f"{base}/graph/v1", http=HttpClient(**options), api_key="test-key")


def test_closed_port_stops_at_the_first_paper_and_names_the_service(tmp_path: Path) -> None:
    port = refused_port()
    lib = Library(PAPERS)
    with pytest.raises(ServiceUnreachable) as caught:
        lib.fetch_citations(store=Store(tmp_path / "c.sqlite3"), client=_client(f"http://127.0.0.1:{port}"))
    message = str(caught.value)
    assert f"Semantic Scholar (http://127.0.0.1:{port}/graph/v1) is unreachable" in message
    assert "connection was refused" in message and "after 1 of 32 papers" in message
    assert "fields=" not in message  # the service's address, not the request's query string
    report = caught.value.report  # type: ignore[attr-defined]
    assert set(report.failed) <= {f"{PAPERS[0].id} references", f"{PAPERS[0].id} citations"}  # one paper tried
    assert list(report.unreachable) == ["Semantic Scholar"] and "unreachable=['Semantic Scholar']" in repr(report)


def test_a_server_that_never_answers_is_asked_once(tmp_path: Path) -> None:
    """The server takes the request and says nothing: after one request's deadline the run stops; the other 31
    papers are never asked for (before: every paper waited for its own deadline)."""
    release = threading.Event()
    with HostileServer(lambda handler: release.wait(10)) as server:
        client = _client(server.url, timeout=0.3, deadline=0.8, retries=1)
        try:
            with pytest.raises(ServiceUnreachable, match=r"Semantic Scholar \(http://127\.0\.0\.1:\d+/graph/v1\)"):
                Library(PAPERS).fetch_citations(store=Store(tmp_path / "h.sqlite3"), client=client)
        finally:
            release.set()
        paths = {path.split("?")[0] for path, _ in server.requests}
    assert paths == {f"/graph/v1/paper/ARXIV:{PAPERS[0].arxiv_id}/references"}


def test_graph_view_says_the_service_was_unreachable(tmp_path: Path) -> None:
    store = Store(tmp_path / "g.sqlite3")
    port = refused_port()
    lib = Library(PAPERS[:3])
    assert GraphView(lib, store=store).empty_note == ""  # never fetched: the view's "run lib.fetch_citations()"
    with pytest.raises(ServiceUnreachable):
        lib.fetch_citations(store=store, client=_client(f"http://127.0.0.1:{port}"))
    note = lib.graph_view(store=store).empty_note
    assert note.startswith(f"Citations could not be fetched: Semantic Scholar (127.0.0.1:{port}) unreachable at ")
    assert note.endswith("(offline?) — run lib.fetch_citations() again once it can be reached")
    assert html.escape(note) in lib.graph_view(store=store)._html_table()  # the static copy a saved notebook keeps


def test_graph_view_says_none_were_found(fake_server, tmp_path: Path) -> None:
    store = Store(tmp_path / "n.sqlite3")
    empty = (DATA / "s2_graph" / "empty_page.json").read_bytes()
    mine = Library(PAPERS[:2])
    for paper in mine:
        for direction in ("references", "citations"):
            fake_server.route(f"/graph/v1/paper/ARXIV:{paper.arxiv_id}/{direction}", empty)
    report = mine.fetch_citations(store=store, client=_client(fake_server.url))
    assert len(report.fetched) == 4 and report.unreachable == {}
    note = mine.graph_view(store=store).empty_note
    assert note == "Citations fetched for 2 of 2 papers: no references or citations found for them"

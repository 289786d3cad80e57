"""References and citations (issue 17): Semantic Scholar pages served by the local fake server, the store's
citation cache, ``Library.graph()``, co-citation / coupling and gaps.

Own data (tests/data/s2_graph, written for these tests in the shapes of the Graph API's
``/paper/{id}/references`` and ``/citations`` pages; titles and ids are made up): a small library of three papers
A (arXiv 2401.00001), B (a DOI) and C (title and S2 id only).

- ``a_references_1.json`` (``next`` 3): a reference with contexts, intents and ``isInfluential``, a ``null`` item
  and an item whose ``citedPaper`` is ``null``; ``a_references_2.json`` (no ``next``): a reference S2 could not
  read (``title`` null), B (its DOI in upper case) and C (found by S2 id) among A's references;
- ``b_references.json``, ``c_references.json``, ``a_citations.json``, ``b_citations.json``, ``empty_page.json``;
- ``openalex_works_page.json``: our own ``/works?filter=openalex_id:…`` answer for two of the real work's references.

So A, B and C all cite X; A and B cite Y; only B cites Z; D cites A and B.

Real responses (``realdata``): danielnsilva/semanticscholar's recorded references (2 pages of 50 + 17) and
citations (19 pages, 1881 citing papers) and its single Citation / Reference items, served page by page; a real OpenAlex work (its ``referenced_works``).
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from fakeserver import Fault
from paths import DATA, FIXTURES

from paperlab import Library, Paper
from paperlab.citations import citation_similarity, cocitation, coupling
from paperlab.errors import FetchError, ParseError, PartialImportWarning, UsageError
from paperlab.sources._cassette import read_cassette
from paperlab.sources._http import HttpClient
from paperlab.sources.s2_graph import OpenAlexGraphClient, fetch_links, parse_link_page
from paperlab.sources.semantic_scholar import SemanticScholarClient
from paperlab.store import Store

OWN = DATA / "s2_graph"
REAL = FIXTURES / "semantic_scholar"
PREFIX = "danielnsilva_semanticscholar"

A = Paper("Counting Examples with Fewer Labels", arxiv_id="2401.00001", authors=["Ann Example"])
B = Paper("Measuring Example Transfer Across Domains", doi="10.5555/paperlab.graph.b", authors=["Bo Example"])
C = Paper(
    "Counting Examples: A Survey of Example Counting",
    authors=["Cy Example", "Di Example"],
    extra={"paperId": "s2c0000000000000000000000000000000000006"},
)
X_ID, Y_ID, D_ID = "1901.00001", "doi:10.5555/paperlab.graph.y", "2402.00004"


def _client(server: Any) -> SemanticScholarClient:
    http = HttpClient(retries=2, backoff=0.01, max_backoff=0.05, timeout=2.0, sleep=lambda s: None)
    return SemanticScholarClient(base_url=f"{server.url}/graph/v1", http=http, api_key="test-key")


def _serve_library(server: Any) -> None:
    base = "/graph/v1/paper"
    a = f"{base}/ARXIV:2401.00001"
    server.route(f"{a}/references", (OWN / "a_references_1.json").read_bytes(), match=lambda q: q["offset"] == ["0"])
    server.route(f"{a}/references", (OWN / "a_references_2.json").read_bytes(), match=lambda q: q["offset"] == ["3"])
    server.route(f"{a}/citations", (OWN / "a_citations.json").read_bytes())
    server.route(f"{base}/DOI:10.5555/paperlab.graph.b/references", (OWN / "b_references.json").read_bytes())
    server.route(f"{base}/DOI:10.5555/paperlab.graph.b/citations", (OWN / "b_citations.json").read_bytes())
    c = f"{base}/s2c0000000000000000000000000000000000006"
    server.route(f"{c}/references", (OWN / "c_references.json").read_bytes())
    server.route(f"{c}/citations", (OWN / "empty_page.json").read_bytes())


# -- parsing pages -----------------------------------------------------------------------------------


def test_page_with_null_items_and_unreadable_references() -> None:
    with pytest.warns(PartialImportWarning) as caught:
        links, nxt = parse_link_page((OWN / "a_references_1.json").read_bytes(), "references", "p1.json")
    assert nxt == 3
    (link,) = links
    assert (link.paper.arxiv_id, link.paper.title) == ("1901.00001", "Shared Foundations of Example Learning")
    assert link.contexts == ["Following <b>[1]</b>, we count examples."]  # kept as text; escaped where shown
    assert (link.intents, link.influential) == (["methodology"], True)
    problems = caught[0].message.problems  # type: ignore[union-attr]
    assert [p.where for p in problems] == ["item 2", "item 3"]
    assert "got NoneType" in problems[0].message and "'citedPaper' to be a paper object" in problems[1].message
    with pytest.warns(PartialImportWarning, match="item 2.*'title'"):
        links, nxt = parse_link_page((OWN / "a_references_2.json").read_bytes(), "references", "p2.json")
    assert nxt is None and [link.paper.id for link in links] == [Y_ID, B.id, links[2].paper.id]
    assert links[2].contexts == [] and links[2].influential is False


def test_page_errors_are_typed() -> None:
    with pytest.raises(ParseError, match="Semantic Scholar error response: Paper not found") as info:
        parse_link_page(b'{"error": "Paper not found"}', "references", "e.json")
    assert info.value.source == "e.json"
    with pytest.raises(ParseError, match="'data': expected a list"):
        parse_link_page(b'{"offset": 0, "data": {}}', "citations", "d.json")
    with pytest.raises(ParseError, match="expected a Semantic Scholar page object, got list"):
        parse_link_page(b"[]", "citations", "l.json")


# -- the client: paging, key, retries ------------------------------------------------------------


def test_fetch_links_pages_sends_key_and_retries(fake_server) -> None:
    _serve_library(fake_server)
    path = "/graph/v1/paper/ARXIV:2401.00001/references"
    fake_server.fail(path, Fault("status", 429))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        links = fetch_links(_client(fake_server), "arXiv:2401.00001", "references", page_size=3)
    assert [link.paper.title for link in links] == [
        "Shared Foundations of Example Learning",
        "A Widely Cited Benchmark for Examples",
        "Measuring Example Transfer Across Domains",
        "Counting Examples: A Survey of Example Counting",
    ]
    sent = fake_server.requests_to(path)
    assert [r[2]["offset"] for r in sent] == [["0"], ["0"], ["3"]]  # the 429 was retried, then the next page
    assert all({k.lower(): v for k, v in r[3].items()}["x-api-key"] == "test-key" for r in sent)
    assert "contexts" in sent[0][2]["fields"][0] and sent[0][2]["limit"] == ["3"]


def test_fetch_links_limit_and_not_found(fake_server) -> None:
    _serve_library(fake_server)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        links = fetch_links(_client(fake_server), "arXiv:2401.00001", "references", limit=1, page_size=3)
    assert len(links) == 1 and len(fake_server.requests_to("/graph/v1/paper/ARXIV:2401.00001/references")) == 1
    with pytest.raises(FetchError, match="HTTP 404") as info:
        fetch_links(_client(fake_server), "arXiv:2401.99999", "citations")
    assert info.value.status == 404


# -- paper.references(), the cache, offline -----------------------------------------------------------


def test_references_are_cached_and_work_offline(fake_server, tmp_path: Path) -> None:
    _serve_library(fake_server)
    store = Store(tmp_path / "s.sqlite3")
    with pytest.warns(PartialImportWarning):
        refs = A.references(store=store, client=_client(fake_server))
    assert isinstance(refs, Library) and len(refs) == 4
    assert refs[0].extra["relation"] == "cited" and refs[0].extra["citationCount"] == 900
    asked = len(fake_server.requests)
    dead = SemanticScholarClient(base_url="http://127.0.0.1:9/graph/v1", http=HttpClient(retries=0, timeout=0.5))
    again = A.references(store=Store(tmp_path / "s.sqlite3"), client=dead)  # a new process: from the file
    assert [p.id for p in again] == [p.id for p in refs] and len(fake_server.requests) == asked
    (citing,) = A.citations(store=store, client=_client(fake_server))
    assert citing.arxiv_id == "2402.00004"
    with pytest.raises(FetchError, match="no Semantic Scholar id, arXiv id or DOI"):
        Paper("A Paper Without Any Id At All").references(store=store, client=dead)
    with pytest.raises(UsageError, match="sources: expected some of"):
        A.references(store=store, sources=("google",))


# -- the graph ---------------------------------------------------------------------------------------


def _fetched_graph(fake_server: Any, tmp_path: Path) -> tuple[Library, Store]:
    _serve_library(fake_server)
    store = Store(tmp_path / "g.sqlite3")
    lib = Library([A, B, C], name="mine")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        report = lib.fetch_citations(store=store, client=_client(fake_server))
    assert (len(report.fetched), len(report.cached), report.failed, report.papers) == (6, 0, {}, 4)  # X Y Z D
    again = lib.fetch_citations(store=store, client=_client(fake_server))
    assert (len(again.fetched), len(again.cached)) == (0, 6)
    return lib, store


def test_library_graph(fake_server, tmp_path: Path) -> None:
    lib, store = _fetched_graph(fake_server, tmp_path)
    graph = lib.graph(store=store)
    assert isinstance(graph, nx.DiGraph)
    z_id = next(n for n, d in graph.nodes(data=True) if d["title"] == "A Paper Only One Library Paper Cites")
    assert set(graph.edges) == {
        (A.id, X_ID),
        (A.id, Y_ID),
        (A.id, B.id),
        (A.id, C.id),  # C as S2 returned it (with a year) is the library's C, matched by its S2 id
        (B.id, X_ID),
        (B.id, Y_ID),
        (B.id, z_id),
        (C.id, X_ID),
        (D_ID, A.id),
        (D_ID, B.id),
    }
    assert [n for n, d in graph.nodes(data=True) if d["in_library"]] == [A.id, B.id, C.id]
    edge = graph.edges[A.id, X_ID]
    assert (edge["relation"], edge["contexts"], edge["influential"]) == (
        "cites",
        ["Following <b>[1]</b>, we count examples."],
        True,
    )
    assert graph.nodes[X_ID]["citations"] == 900 and graph.nodes[X_ID]["year"] == 2019
    assert Paper.from_dict(graph.nodes[X_ID]["paper"]).arxiv_id == "1901.00001"  # the wire JSON
    assert graph.nodes[A.id]["paper"] == A.to_dict()


def test_gaps_and_citation_similarity(fake_server, tmp_path: Path) -> None:
    lib, store = _fetched_graph(fake_server, tmp_path)
    gaps = lib.gaps(store=store)
    assert list(gaps["id"]) == [X_ID, Y_ID]  # Z is cited by one library paper only; D cites, is not cited
    assert list(gaps["cited_by"]) == [3, 2] and gaps.iloc[1]["citing"] == sorted([A.id, B.id])
    assert list(lib.gaps(min_cited_by=3, store=store)["id"]) == [X_ID]
    graph = lib.graph(store=store)
    assert (cocitation(graph, A.id, B.id), coupling(graph, A.id, B.id)) == (1, 2)
    scores = citation_similarity(graph, A.id)
    assert list(scores) == [B.id, C.id]
    assert scores[B.id] == pytest.approx((1 / 2**0.5 + 2 / 12**0.5) / 2)
    assert scores[C.id] == pytest.approx(0.25)
    assert X_ID in citation_similarity(graph, Y_ID, library_only=False)
    with pytest.raises(KeyError, match="no paper 'nope'"):
        citation_similarity(graph, "nope")


def test_graph_without_fetch_has_library_nodes_only(tmp_path: Path) -> None:
    graph = Library([A, B]).graph(store=Store(tmp_path / "e.sqlite3"))
    assert sorted(graph.nodes) == sorted([A.id, B.id]) and graph.number_of_edges() == 0
    assert Library([A]).gaps(store=Store(tmp_path / "e.sqlite3")).empty


def test_failed_papers_are_reported_and_others_kept(fake_server, tmp_path: Path) -> None:
    _serve_library(fake_server)
    lonely = Paper("An Unknown Paper", arxiv_id="2401.99999")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        report = Library([A, lonely]).fetch_citations(
            store=Store(tmp_path / "f.sqlite3"), client=_client(fake_server), directions=("references",)
        )
    assert report.fetched == [f"{A.id} references"]
    assert list(report.failed) == ["2401.99999 references"] and "HTTP 404" in report.failed["2401.99999 references"]
    with pytest.raises(UsageError, match="hops"):
        Library([A]).fetch_citations(hops=0)


def test_two_hops_fetch_the_neighbours(fake_server, tmp_path: Path) -> None:
    _serve_library(fake_server)
    empty = (OWN / "empty_page.json").read_bytes()
    # neighbours are looked up by the S2 id their page gave
    for ident in ("s2x0000000000000000000000000000000000001", "s2y0000000000000000000000000000000000002"):
        fake_server.route(f"/graph/v1/paper/{ident}/references", empty)
    b_refs = (OWN / "b_references.json").read_bytes()
    fake_server.route("/graph/v1/paper/s2b0000000000000000000000000000000000005/references", b_refs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        report = Library([A]).fetch_citations(
            hops=2, store=Store(tmp_path / "h.sqlite3"), client=_client(fake_server), directions=("references",)
        )
    # A's references are X, Y, B and C; the second hop asks for theirs, not for Z's (three hops away)
    # (C is not in this library: it is the neighbour S2 names s2:<its S2 id>)
    c_s2 = "s2:s2c0000000000000000000000000000000000006"
    assert sorted(report.fetched) == sorted(f"{i} references" for i in (A.id, X_ID, Y_ID, B.id, c_s2))
    assert report.failed == {} and report.papers == 5  # X, Y, B, C and (B's) Z
    # the graph shows as many hops as asked: Z (cited by B only) is two citations away from A
    store = Store(tmp_path / "h.sqlite3")
    one, two = Library([A]).graph(store=store), Library([A]).graph(store=store, hops=2)
    b_node = next(n for n in one.successors(A.id) if one.nodes[n]["title"] == B.title)
    assert one.out_degree(b_node) == 0 and two.out_degree(b_node) == 3  # B cites X, Y and Z
    (z_node,) = set(two) - set(one)
    assert two.has_edge(b_node, z_node) and not two.nodes[z_node]["in_library"]
    with pytest.raises(UsageError, match="hops: expected 1 or more"):
        Library([A]).graph(store=store, hops=0)


def test_more_hops_are_bounded_by_max_papers_most_cited_first(fake_server, tmp_path: Path, capsys) -> None:
    """hops=2 with max_papers=2: of A's four references only the two most cited (X 900, Y 300) are expanded;
    B (42) and C (7) are counted as skipped and never asked for; the progress bar names each hop."""
    _serve_library(fake_server)
    empty = (OWN / "empty_page.json").read_bytes()
    for ident in ("s2x0000000000000000000000000000000000001", "s2y0000000000000000000000000000000000002"):
        fake_server.route(f"/graph/v1/paper/{ident}/references", empty)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        report = Library([A]).fetch_citations(
            hops=2,
            store=Store(tmp_path / "m.sqlite3"),
            client=_client(fake_server),
            directions=("references",),
            max_papers=2,
        )
    assert sorted(report.fetched) == sorted(f"{i} references" for i in (A.id, X_ID, Y_ID))
    assert report.skipped == 2 and repr(report).endswith("papers=4, skipped=2)")
    assert fake_server.requests_to("/graph/v1/paper/s2b0000000000000000000000000000000000005/references") == []
    bar = capsys.readouterr().err
    assert "citations, hop 1" in bar and "citations, hop 2" in bar  # shown by default when hops > 1
    with pytest.raises(UsageError, match="max_papers: expected 0 or more"):
        Library([A]).fetch_citations(max_papers=-1)


def test_a_graph_of_neighbours_alone_keeps_their_links_to_the_paper_fetched(fake_server, tmp_path: Path) -> None:
    """After A's references are fetched, a library of two of them (not A) still shows that A cites both: the paper
    fetched for is kept in the cache with the other ends."""
    _serve_library(fake_server)
    store = Store(tmp_path / "n.sqlite3")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        refs = A.references(store=store, client=_client(fake_server))
    neighbours = Library([p for p in refs if p.id in (X_ID, Y_ID)])
    graph = neighbours.graph(store=store)
    assert sorted(graph.successors(A.id)) == sorted([X_ID, Y_ID]) and not graph.nodes[A.id]["in_library"]
    assert graph.nodes[A.id]["title"] == A.title


# -- recorded real responses ----------------------------------------------------------------------


def _serve_cassette(server: Any, name: str, path: str) -> int:
    """Serve every page of a recorded cassette at ``path`` by its ``offset``; the number of pages."""
    pages = read_cassette((REAL / name).read_bytes(), name)
    for ix in pages:
        offset = ix.uri.split("offset=")[1].split("&")[0]
        server.route(path, ix.body or "", match=lambda q, o=offset: q["offset"] == [o])
    return len(pages)


@pytest.mark.realdata
def test_real_reference_pages(fake_server) -> None:
    path = "/graph/v1/paper/DOI:10.2139/ssrn.2250500/references"
    assert _serve_cassette(fake_server, f"{PREFIX}_test_get_paper_references.yaml", path) == 2
    links = fetch_links(_client(fake_server), "10.2139/ssrn.2250500", "references", page_size=50)
    assert len(links) == 67 and [r[2]["offset"] for r in fake_server.requests_to(path)] == [["0"], ["50"]]
    assert links[0].paper.title.startswith("Group lending or individual lending?")
    assert sum("paperId" not in link.paper.extra for link in links) == 23  # references S2 could not match


@pytest.mark.realdata
def test_real_citation_pages_to_the_cache(fake_server, tmp_path: Path) -> None:
    name = f"{PREFIX}_test_get_paper_citations.yaml"
    first = read_cassette((REAL / name).read_bytes(), name)[0].uri
    ident = first.split("/paper/")[1].split("/citations")[0]
    path = f"/graph/v1/paper/{ident}/citations"
    assert _serve_cassette(fake_server, name, path) == 19
    paper = Paper("The Paper Whose Citations Were Recorded", extra={"paperId": ident})
    citing = paper.citations(store=Store(tmp_path / "r.sqlite3"), client=_client(fake_server), limit=None)
    assert len(fake_server.requests_to(path)) == 19
    # 1881 citing records; works called "Introduction", "Index", "Bibliography"... stay apart by their S2 ids
    graph = Library([paper]).graph(store=Store(tmp_path / "r.sqlite3"))
    assert graph.in_degree(paper.id) == 1881 and graph.out_degree(paper.id) == 0
    assert sum(graph.nodes[n]["title"] == "Introduction" for n in graph.predecessors(paper.id)) == 5
    # as a Library, records that are one work by the library's rule (same DOI, or title + first author) merge
    assert len(citing) == 1832


@pytest.mark.realdata
def test_real_single_items_keep_contexts_and_intents() -> None:
    citation = json.loads((REAL / PREFIX / "Citation.json").read_text(encoding="utf-8"))
    reference = json.loads((REAL / PREFIX / "Reference.json").read_text(encoding="utf-8"))
    (cited,), _ = parse_link_page({"data": [reference]}, "references", "Reference.json")
    assert cited.contexts == reference["contexts"] and cited.intents == ["background"]
    assert cited.paper.extra["paperId"] == "331f0fb3b6176c6e463e0401025b04f6ace9ccd3"
    (citing,), _ = parse_link_page({"data": [citation]}, "citations", "Citation.json")
    assert len(citing.contexts) == 4 and citing.influential is True
    assert citing.intents == ["result", "background", "methodology"]


@pytest.mark.realdata
def test_openalex_references_as_second_source(fake_server, tmp_path: Path) -> None:
    """S2 does not know the paper (404); OpenAlex's recorded work gives its ``referenced_works`` (54 ids), and our
    own ``/works`` answer serves two of them: the other 52 are named in a warning, the two become the graph's edges."""
    work = (FIXTURES / "openalex" / "pyopenalex_work_W2741809807_2026-03.json").read_bytes()
    fake_server.route("/oa/works/doi:10.7717/peerj.4375", work)
    fake_server.route("/oa/works", (OWN / "openalex_works_page.json").read_bytes())
    http = HttpClient(retries=0, timeout=2.0, sleep=lambda s: None)
    openalex = OpenAlexGraphClient(base_url=f"{fake_server.url}/oa", mailto="team@example.org", http=http)
    paper = Paper("The state of OA", doi="10.7717/peerj.4375")
    store = Store(tmp_path / "oa.sqlite3")
    with pytest.warns(PartialImportWarning, match="kept 2 record.*W1767272795: referenced work not served"):
        refs = paper.references(
            store=store, client=_client(fake_server), openalex=openalex, sources=("semantic_scholar", "openalex")
        )
    assert [p.title for p in refs] == [
        "An Earlier Study of Open Access Made Up For This Test",
        "A Second Referenced Work Made Up For This Test",
    ]
    batches = fake_server.requests_to("/oa/works")
    assert [len(r[2]["filter"][0].split("|")) for r in batches] == [50, 4]
    assert all(r[2]["mailto"] == ["team@example.org"] for r in batches)
    graph = Library([paper]).graph(store=store)
    assert graph.out_degree(paper.id) == 2
    edge = graph.edges[paper.id, "doi:10.5555/paperlab.openalex.one"]
    assert (edge["sources"], edge["contexts"]) == (["openalex"], [])
    assert graph.nodes["doi:10.5555/paperlab.openalex.one"]["citations"] == 120

"""The live arXiv client, only against the local fake server replaying recorded arXiv API answers.

Own answers (``tests/data/arxiv/``, written for these tests): ``paging_start{0,4,8}.xml`` are the three pages
of 4 of a 12-paper result set for ``search_query=testing`` (totalResults 12), ``paging_start2.xml`` the page
starting at 2 (for overlapping pages); ``id_1605.08386.xml`` and ``id_1707.08567.xml`` answer id lists,
``empty.xml`` an unknown id, ``error_abc.xml`` is arXiv's error entry for the malformed id ``abc``.

Real recordings (``realdata``): ``$PAPERLAB_REALDATA/fixtures/arxiv_atom/arxiv.py_recordings/*.json``
(lukasschwab/arxiv.py tests/fixtures @ 1e25a34, recorded 2026-04-12 as {url, status_code, body}); each is
served for the query its ``url`` names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from fakeserver import FakeServer, Fault
from paths import DATA, FIXTURES

from paperlab.errors import FetchError
from paperlab.library import Library
from paperlab.sources.arxiv import ArxivClient, ArxivQuery, parse_atom, search_arxiv

RECORDINGS = FIXTURES / "arxiv_atom" / "arxiv.py_recordings"
PATH = "/api/query"
KEYS = ("search_query", "id_list", "start", "max_results")


def recording(prefix: str) -> dict:
    (path,) = RECORDINGS.glob(prefix + "*.json")
    return json.loads(path.read_text(encoding="utf-8"))


def body_of(rec: dict) -> bytes:
    return rec["body"].encode("latin-1")  # lossless decode, see PROVENANCE.md


def real_order() -> list[str]:
    """The 100 ids of the s0_m100 page: the true order of the result set."""
    return [p.arxiv_id for p in parse_atom(body_of(recording("q_testing_s0_m100"))).papers]


def serve_recordings(srv: FakeServer) -> None:
    """Route every recording by the search_query/id_list/start/max_results of its URL."""
    for path in sorted(RECORDINGS.glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        wanted = parse_qs(urlsplit(rec["url"]).query, keep_blank_values=True)
        if "start" not in wanted:
            continue  # q_testing_s0_m10_df96: recorded without paging parameters
        expected = {k: wanted.get(k, [""]) for k in KEYS}
        srv.route(
            PATH,
            body_of(rec),
            status=rec["status_code"],
            content_type="application/atom+xml",
            match=lambda q, e=expected: all(q.get(k, [""]) == v for k, v in e.items()),
        )


@pytest.fixture
def arxiv_server(fake_server: FakeServer) -> FakeServer:
    serve_recordings(fake_server)
    return fake_server


def client_for(srv: FakeServer, **kw) -> ArxivClient:
    options = {"page_size": 10, "delay": 0.0, "retries": 3, "backoff": 0.01, "timeout": 0.5} | kw
    return ArxivClient(base_url=srv.url + PATH, **options)


def starts(srv: FakeServer) -> list[int]:
    return [int(q["start"][0]) for _, _, q, _ in srv.requests_to(PATH)]


@pytest.mark.realdata
def test_pages_through_results_in_order(arxiv_server: FakeServer) -> None:
    papers = list(client_for(arxiv_server).results(ArxivQuery("testing", max_results=60)))
    assert [p.arxiv_id for p in papers] == real_order()[:60]
    assert starts(arxiv_server) == [0, 10, 20, 30, 40, 50]
    assert all(
        q["max_results"] == ["10"] and q["sortBy"] == ["relevance"] for _, _, q, _ in arxiv_server.requests_to(PATH)
    )
    assert papers[0].sources[0].location.startswith(arxiv_server.url + PATH + "?search_query=testing")


@pytest.mark.realdata
def test_stops_at_max_results_within_a_page(arxiv_server: FakeServer) -> None:
    papers = list(client_for(arxiv_server, page_size=15).results(ArxivQuery("testing", max_results=15)))
    assert [p.arxiv_id for p in papers] == real_order()[:15]
    assert starts(arxiv_server) == [0]


@pytest.mark.realdata
def test_overlapping_pages_are_deduplicated(arxiv_server: FakeServer) -> None:
    # the result set shifted between requests: asked for start=10, arXiv answers what was at 5..14
    arxiv_server.route(
        PATH,
        body_of(recording("q_testing_s5_m10")),
        content_type="application/atom+xml",
        match=lambda q: q.get("start") == ["10"],
    )
    papers = list(client_for(arxiv_server).results(ArxivQuery("testing", max_results=25)))
    ids = [p.arxiv_id for p in papers]
    assert len(ids) == len(set(ids)) == 25
    assert ids == real_order()[:15] + real_order()[20:30]
    assert starts(arxiv_server) == [0, 10, 20]


@pytest.mark.realdata
def test_a_page_of_only_repeats_stops_paging(arxiv_server: FakeServer) -> None:
    # arXiv keeps serving the first window for every start: a naive pager would request
    # start=10, 20, ... up to totalResults (214881). One page of nothing new ends the results.
    first = body_of(recording("q_testing_s0_m10_bc5a"))
    arxiv_server.route(PATH, first, content_type="application/atom+xml", match=lambda q: q.get("start") != ["0"])
    papers = list(client_for(arxiv_server).results(ArxivQuery("testing", max_results=None)))
    assert [p.arxiv_id for p in papers] == real_order()[:10]
    assert starts(arxiv_server) == [0, 10]


@pytest.mark.realdata
def test_requests_are_paced(arxiv_server: FakeServer) -> None:
    delay = 0.2
    papers = list(client_for(arxiv_server, delay=delay).results(ArxivQuery("testing", max_results=40)))
    assert len(papers) == 40
    times = [t for t, *_ in arxiv_server.requests_to(PATH)]
    assert len(times) == 4
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    # spacing is measured where the server receives requests; 5 ms allow for connection-setup jitter
    assert min(gaps) >= delay - 0.005, gaps


@pytest.mark.parametrize(
    "fault",
    [
        lambda: Fault("status", 503),
        lambda: Fault("timeout", delay=1.0),
        lambda: Fault("truncate"),
        lambda: Fault("empty", body=body_of(recording("q_testing_s0_m10_bc5a"))[:5000]),
    ],
    ids=["503", "timeout", "truncated-body", "cut-off-xml"],
)
@pytest.mark.realdata
def test_recovers_from_a_transient_fault(arxiv_server: FakeServer, fault: Callable[[], Fault]) -> None:
    injected = fault()
    arxiv_server.fail(PATH, injected)
    # the client waits 0.5 s where the fault is a slow answer (1 s), else long enough that a loaded machine's slow
    # local answer is not taken for a second fault (a 0.5 s wait re-asked a page under CI load: [0, 0, 0, 10])
    client = client_for(arxiv_server, timeout=0.5 if injected.kind == "timeout" else 5.0)
    papers = list(client.results(ArxivQuery("testing", max_results=20)))
    assert [p.arxiv_id for p in papers] == real_order()[:20]
    assert starts(arxiv_server) == [0, 0, 10]


@pytest.mark.realdata
def test_honours_retry_after_on_429(arxiv_server: FakeServer) -> None:
    arxiv_server.fail(PATH, Fault("status", 429, headers={"Retry-After": "1"}))
    papers = list(client_for(arxiv_server).results(ArxivQuery("testing", max_results=10)))
    assert [p.arxiv_id for p in papers] == real_order()[:10]
    first, second = (t for t, *_ in arxiv_server.requests_to(PATH))
    assert second - first >= 1.0  # Retry-After wins over the 0.01 s backoff


def empty_page() -> bytes:
    """A real page header (totalResults 214881) with its entries gone: arXiv's flaky empty page."""
    text = body_of(recording("q_testing_s10_m10")).decode("utf-8")
    return re.sub(r"<entry>.*?</entry>\s*", "", text, flags=re.S).encode("utf-8")


@pytest.mark.realdata
def test_retries_an_unexpectedly_empty_page(arxiv_server: FakeServer) -> None:
    arxiv_server.fail(PATH, Fault("empty", body=empty_page()))
    papers = list(client_for(arxiv_server).results(ArxivQuery("testing", max_results=10)))
    assert [p.arxiv_id for p in papers] == real_order()[:10]
    assert starts(arxiv_server) == [0, 0]


@pytest.mark.realdata
def test_gives_up_after_the_retries(arxiv_server: FakeServer) -> None:
    arxiv_server.fail(PATH, *[Fault("status", 503)] * 3)
    client = client_for(arxiv_server, retries=2)
    with pytest.raises(FetchError, match="gave up after 3 attempts") as info:
        list(client.results(ArxivQuery("testing", max_results=10)))
    assert info.value.url.startswith(arxiv_server.url + PATH + "?search_query=testing")
    assert info.value.url in str(info.value)
    assert len(arxiv_server.requests_to(PATH)) == 3


@pytest.mark.realdata
def test_gives_up_on_pages_that_stay_empty(arxiv_server: FakeServer) -> None:
    arxiv_server.fail(PATH, *[Fault("empty", body=empty_page())] * 2)
    with pytest.raises(FetchError, match="empty page at start=0 although totalResults=214881"):
        list(client_for(arxiv_server, retries=1).results(ArxivQuery("testing", max_results=10)))


@pytest.mark.realdata
def test_error_feed_says_what_was_wrong(arxiv_server: FakeServer) -> None:
    with pytest.raises(FetchError, match="arXiv rejected the query: incorrect id format for abc") as info:
        client_for(arxiv_server, page_size=100).fetch(["abc"])
    assert info.value.status == 400
    assert len(arxiv_server.requests_to(PATH)) == 1  # a 400 is an answer, not a hiccup: no retry
    # older arXiv sent the same error entry with HTTP 200: still an answer, still not retried
    arxiv_server.route(
        PATH,
        body_of(recording("id_abc")),
        content_type="application/atom+xml",
        match=lambda q: q.get("id_list") == ["abc"],
    )
    with pytest.raises(FetchError, match="arXiv rejected the query: incorrect id format for abc"):
        client_for(arxiv_server, page_size=100).fetch(["abc"])
    assert len(arxiv_server.requests_to(PATH)) == 2


@pytest.mark.realdata
def test_fetch_by_id(arxiv_server: FakeServer) -> None:
    (paper,) = client_for(arxiv_server, page_size=100).fetch(["1605.08386"])
    assert paper.title == "Heat-bath random walks with Markov bases"
    assert paper.authors == ["Caprice Stanley", "Tobias Windisch"]
    assert (paper.arxiv_id, paper.version, paper.primary_category) == ("1605.08386", 1, "math.CO")
    ((_, _, query, headers),) = arxiv_server.requests_to(PATH)
    assert query["id_list"] == ["1605.08386"] and query["search_query"] == [""]
    assert headers["User-Agent"].startswith("paperlab")


@pytest.mark.realdata
def test_fetch_unknown_ids(arxiv_server: FakeServer) -> None:
    client = client_for(arxiv_server, page_size=100)
    assert client.fetch(["0000.0000"]) == []
    # one malformed id among good ones: arXiv returns the good one
    (paper,) = client.fetch(["0808.05394", "1707.08567"])
    assert paper.arxiv_id == "1707.08567"
    assert len(arxiv_server.requests_to(PATH)) == 2  # an honest empty result is not retried


@pytest.mark.realdata
def test_search_arxiv_returns_a_library(arxiv_server: FakeServer) -> None:
    lib = search_arxiv("testing", max_results=15, base_url=arxiv_server.url + PATH, page_size=15, delay=0.0)
    assert isinstance(lib, Library)
    assert [p.arxiv_id for p in lib] == real_order()[:15]
    assert "testing" in (lib.name or "")


def test_query_description() -> None:
    q = ArxivQuery('ti:"graph neural"', categories=["cs.LG", "stat.ML"], sort_by="submittedDate")
    assert q.search_query() == '(ti:"graph neural") AND (cat:cs.LG OR cat:stat.ML)'
    assert q.params(20, 10) == {
        "search_query": q.search_query(),
        "id_list": "",
        "sortBy": "submittedDate",
        "sortOrder": "descending",
        "start": 20,
        "max_results": 10,
    }
    assert ArxivQuery(categories="cs.CL").search_query() == "cat:cs.CL"
    assert "graph neural" in repr(q)
    with pytest.raises(ValueError, match="sort_by='newest'"):
        ArxivQuery("x", sort_by="newest")
    with pytest.raises(ValueError, match="needs a search"):
        ArxivQuery()
    assert repr(ArxivClient(delay=3.0)) == (
        "ArxivClient(base_url='https://export.arxiv.org/api/query', page_size=100, delay=3.0, retries=4)"
    )


# == the same behaviours on our own answers (tests/data/arxiv) ====================================

OWN = DATA / "arxiv"


def own_body(name: str) -> bytes:
    return (OWN / name).read_bytes()


def own_order() -> list[str]:
    """The 12 ids of the paging result set, in order (2501.10001 ... 2501.10012)."""
    return [p.arxiv_id for start in (0, 4, 8) for p in parse_atom(own_body(f"paging_start{start}.xml")).papers]


def serve_own(srv: FakeServer) -> None:
    """Pages of search_query=testing by their start; id lists by their ids (the error one with HTTP 400)."""
    for start in (0, 4, 8):
        srv.route(
            PATH,
            own_body(f"paging_start{start}.xml"),
            content_type="application/atom+xml",
            match=lambda q, s=str(start): q.get("search_query") == ["testing"] and q.get("start") == [s],
        )
    for ids, name, status in [
        ("1605.08386", "id_1605.08386.xml", 200),
        ("0000.0000", "empty.xml", 200),
        ("0808.05394,1707.08567", "id_1707.08567.xml", 200),  # the malformed id is dropped by arXiv
        ("abc", "error_abc.xml", 400),
    ]:
        srv.route(
            PATH,
            own_body(name),
            status=status,
            content_type="application/atom+xml",
            match=lambda q, i=ids: q.get("id_list") == [i],
        )


@pytest.fixture
def own_server(fake_server: FakeServer) -> FakeServer:
    serve_own(fake_server)
    return fake_server


def own_client(srv: FakeServer, **kw) -> ArxivClient:
    """A client of our own pages; a 5 s read timeout (as the recorded-corpus fault test), so a loaded CI machine's slow
    local answer is not a timeout and a request of its own (CI: a third request in the Retry-After test)."""
    return client_for(srv, **({"page_size": 4, "timeout": 5.0} | kw))


def test_own_order_is_the_files() -> None:
    assert own_order() == [f"2501.{n}" for n in range(10001, 10013)]


def test_own_pages_through_results_in_order(own_server: FakeServer) -> None:
    papers = list(own_client(own_server).results(ArxivQuery("testing", max_results=10)))
    assert [p.arxiv_id for p in papers] == own_order()[:10]
    assert starts(own_server) == [0, 4, 8]
    queries = [q for _, _, q, _ in own_server.requests_to(PATH)]
    assert [q["max_results"] for q in queries] == [["4"], ["4"], ["2"]]  # the last page asks only for the rest
    assert all(q["sortBy"] == ["relevance"] and q["sortOrder"] == ["descending"] for q in queries)
    assert papers[0].sources[0].location.startswith(own_server.url + PATH + "?search_query=testing")
    assert papers[0].sources[0].record == "entry 1" and papers[5].sources[0].record == "entry 2"


def test_own_stops_at_the_end_of_the_results(own_server: FakeServer) -> None:
    papers = list(own_client(own_server).results(ArxivQuery("testing", max_results=None)))
    assert [p.arxiv_id for p in papers] == own_order()
    assert starts(own_server) == [0, 4, 8]  # start 12 reaches totalResults: no fourth request


def test_own_stops_at_max_results_within_a_page(own_server: FakeServer) -> None:
    papers = list(own_client(own_server).results(ArxivQuery("testing", max_results=3)))
    assert [p.arxiv_id for p in papers] == own_order()[:3]
    assert starts(own_server) == [0]
    assert own_server.requests_to(PATH)[0][2]["max_results"] == ["3"]


def test_own_max_results_zero_asks_nothing(own_server: FakeServer) -> None:
    assert list(own_client(own_server).results(ArxivQuery("testing", max_results=0))) == []
    assert own_server.requests_to(PATH) == []


def test_own_overlapping_pages_are_deduplicated(own_server: FakeServer) -> None:
    # the result set shifted between requests: asked for start=4, arXiv answers what was at 2..5
    own_server.route(
        PATH,
        own_body("paging_start2.xml"),
        content_type="application/atom+xml",
        match=lambda q: q.get("start") == ["4"],
    )
    papers = list(own_client(own_server).results(ArxivQuery("testing", max_results=10)))
    ids = [p.arxiv_id for p in papers]
    assert len(ids) == len(set(ids)) == 10
    assert ids == own_order()[:6] + own_order()[8:12]
    assert starts(own_server) == [0, 4, 8]


def test_own_a_page_of_only_repeats_stops_paging(own_server: FakeServer) -> None:
    # arXiv keeps serving the first window for every start: one page of nothing new ends the results
    own_server.route(
        PATH,
        own_body("paging_start0.xml"),
        content_type="application/atom+xml",
        match=lambda q: q.get("start") != ["0"],
    )
    papers = list(own_client(own_server).results(ArxivQuery("testing", max_results=None)))
    assert [p.arxiv_id for p in papers] == own_order()[:4]
    assert starts(own_server) == [0, 4]


def test_own_requests_are_paced(own_server: FakeServer) -> None:
    delay = 0.2
    papers = list(own_client(own_server, delay=delay).results(ArxivQuery("testing", max_results=12)))
    assert len(papers) == 12
    times = [t for t, *_ in own_server.requests_to(PATH)]
    assert len(times) == 3
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= delay - 0.005, gaps


@pytest.mark.parametrize(
    "fault",
    [
        lambda: Fault("status", 503),
        lambda: Fault("status", 502),
        lambda: Fault("timeout", delay=1.0),
        lambda: Fault("truncate"),
        lambda: Fault("empty", body=own_body("paging_start0.xml")[: len(own_body("paging_start0.xml")) // 2]),
        lambda: Fault("empty", body=b"<html><body>Service Unavailable</body></html>"),
    ],
    ids=["503", "502", "timeout", "truncated-body", "cut-off-xml", "html-page"],
)
def test_own_recovers_from_a_transient_fault(own_server: FakeServer, fault: Callable[[], Fault]) -> None:
    injected = fault()
    own_server.fail(PATH, injected)
    client = own_client(own_server, timeout=0.5 if injected.kind == "timeout" else 5.0)
    papers = list(client.results(ArxivQuery("testing", max_results=8)))
    assert [p.arxiv_id for p in papers] == own_order()[:8]
    assert starts(own_server) == [0, 0, 4]


def test_own_honours_retry_after_on_429(own_server: FakeServer) -> None:
    own_server.fail(PATH, Fault("status", 429, headers={"Retry-After": "1"}))
    papers = list(own_client(own_server).results(ArxivQuery("testing", max_results=4)))
    assert [p.arxiv_id for p in papers] == own_order()[:4]
    first, second = (t for t, *_ in own_server.requests_to(PATH))
    assert second - first >= 1.0  # Retry-After wins over the 0.01 s backoff


def own_empty_page() -> bytes:
    """Our page at start 4 (totalResults 12) with its entries gone: arXiv's flaky empty page."""
    text = own_body("paging_start4.xml").decode("utf-8")
    hollow = re.sub(r"<entry>.*?</entry>\s*", "", text, flags=re.S)
    assert "<entry>" not in hollow and "<opensearch:totalResults>12<" in hollow
    return hollow.encode("utf-8")


def test_own_retries_an_unexpectedly_empty_page(own_server: FakeServer) -> None:
    own_server.fail(PATH, Fault("empty", body=own_empty_page()))
    papers = list(own_client(own_server).results(ArxivQuery("testing", max_results=4)))
    assert [p.arxiv_id for p in papers] == own_order()[:4]
    assert starts(own_server) == [0, 0]


def test_own_gives_up_after_the_retries(own_server: FakeServer) -> None:
    own_server.fail(PATH, *[Fault("status", 503)] * 3)
    client = own_client(own_server, retries=2)
    with pytest.raises(FetchError, match="gave up after 3 attempts") as info:
        list(client.results(ArxivQuery("testing", max_results=4)))
    assert info.value.url.startswith(own_server.url + PATH + "?search_query=testing")
    assert info.value.url in str(info.value)
    assert len(own_server.requests_to(PATH)) == 3


def test_own_gives_up_on_pages_that_stay_empty(own_server: FakeServer) -> None:
    own_server.fail(PATH, *[Fault("empty", body=own_empty_page())] * 2)
    with pytest.raises(FetchError, match="empty page at start=0 although totalResults=12"):
        list(own_client(own_server, retries=1).results(ArxivQuery("testing", max_results=4)))
    assert len(own_server.requests_to(PATH)) == 2


def test_own_error_feed_says_what_was_wrong(own_server: FakeServer) -> None:
    with pytest.raises(FetchError, match="arXiv rejected the query: incorrect id format for abc") as info:
        own_client(own_server, page_size=100).fetch(["abc"])
    assert info.value.status == 400
    assert len(own_server.requests_to(PATH)) == 1  # a 400 is an answer, not a hiccup: no retry
    # older arXiv sent the same error entry with HTTP 200: still an answer, still not retried
    own_server.route(
        PATH,
        own_body("error_abc.xml"),
        content_type="application/atom+xml",
        match=lambda q: q.get("id_list") == ["abc"],
    )
    with pytest.raises(FetchError, match="arXiv rejected the query: incorrect id format for abc") as info:
        own_client(own_server, page_size=100).fetch(["abc"])
    assert info.value.status == 200
    assert len(own_server.requests_to(PATH)) == 2


def test_own_fetch_by_id(own_server: FakeServer) -> None:
    (paper,) = own_client(own_server, page_size=100).fetch(["1605.08386"])
    assert paper.title == "Heat-bath random walks with Markov bases"
    assert paper.authors == ["Caprice Stanley", "Tobias Windisch"]
    assert (paper.arxiv_id, paper.version, paper.primary_category) == ("1605.08386", 1, "math.CO")
    ((_, _, query, headers),) = own_server.requests_to(PATH)
    assert query["id_list"] == ["1605.08386"] and query["search_query"] == [""]
    assert query["max_results"] == ["100"] and query["start"] == ["0"]
    assert headers["User-Agent"].startswith("paperlab")
    assert own_client(own_server).fetch([]) == [] and len(own_server.requests_to(PATH)) == 1


def test_own_fetch_unknown_ids(own_server: FakeServer) -> None:
    client = own_client(own_server, page_size=100)
    assert client.fetch(["0000.0000"]) == []
    # one malformed id among good ones: arXiv returns the good one
    (paper,) = client.fetch(["0808.05394", "1707.08567"])
    assert paper.arxiv_id == "1707.08567" and paper.primary_category == "cs.IT"
    assert len(own_server.requests_to(PATH)) == 2  # an honest empty result is not retried


def test_own_search_arxiv_returns_a_library(own_server: FakeServer) -> None:
    lib = search_arxiv("testing", max_results=6, base_url=own_server.url + PATH, page_size=4, delay=0.0)
    assert isinstance(lib, Library)
    assert [p.arxiv_id for p in lib] == own_order()[:6]
    assert lib.name == "arXiv: testing"
    assert starts(own_server) == [0, 4]

"""The live arXiv client, only against the local fake server replaying real arXiv API recordings.

Recordings: ../shared/fixtures/arxiv_atom/arxiv.py_recordings/*.json (lukasschwab/arxiv.py tests/fixtures
@ 1e25a34, recorded 2026-04-12 as {url, status_code, body}); each is served for the query its ``url`` names.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from fakeserver import FakeServer, Fault
from paths import FIXTURES

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


# the 100 ids of the s0_m100 page: the true order of the result set
ORDER = [p.arxiv_id for p in parse_atom(body_of(recording("q_testing_s0_m100"))).papers]


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


def test_pages_through_results_in_order(arxiv_server: FakeServer) -> None:
    papers = list(client_for(arxiv_server).results(ArxivQuery("testing", max_results=60)))
    assert [p.arxiv_id for p in papers] == ORDER[:60]
    assert starts(arxiv_server) == [0, 10, 20, 30, 40, 50]
    assert all(
        q["max_results"] == ["10"] and q["sortBy"] == ["relevance"] for _, _, q, _ in arxiv_server.requests_to(PATH)
    )
    assert papers[0].sources[0].location.startswith(arxiv_server.url + PATH + "?search_query=testing")


def test_stops_at_max_results_within_a_page(arxiv_server: FakeServer) -> None:
    papers = list(client_for(arxiv_server, page_size=15).results(ArxivQuery("testing", max_results=15)))
    assert [p.arxiv_id for p in papers] == ORDER[:15]
    assert starts(arxiv_server) == [0]


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
    assert ids == ORDER[:15] + ORDER[20:30]
    assert starts(arxiv_server) == [0, 10, 20]


def test_a_page_of_only_repeats_stops_paging(arxiv_server: FakeServer) -> None:
    # arXiv keeps serving the first window for every start: a naive pager would request
    # start=10, 20, ... up to totalResults (214881). One page of nothing new ends the results.
    first = body_of(recording("q_testing_s0_m10_bc5a"))
    arxiv_server.route(PATH, first, content_type="application/atom+xml", match=lambda q: q.get("start") != ["0"])
    papers = list(client_for(arxiv_server).results(ArxivQuery("testing", max_results=None)))
    assert [p.arxiv_id for p in papers] == ORDER[:10]
    assert starts(arxiv_server) == [0, 10]


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
        Fault("status", 503),
        Fault("timeout", delay=1.0),
        Fault("truncate"),
        Fault("empty", body=body_of(recording("q_testing_s0_m10_bc5a"))[:5000]),
    ],
    ids=["503", "timeout", "truncated-body", "cut-off-xml"],
)
def test_recovers_from_a_transient_fault(arxiv_server: FakeServer, fault: Fault) -> None:
    arxiv_server.fail(PATH, fault)
    papers = list(client_for(arxiv_server).results(ArxivQuery("testing", max_results=20)))
    assert [p.arxiv_id for p in papers] == ORDER[:20]
    assert starts(arxiv_server) == [0, 0, 10]


def test_honours_retry_after_on_429(arxiv_server: FakeServer) -> None:
    arxiv_server.fail(PATH, Fault("status", 429, headers={"Retry-After": "1"}))
    papers = list(client_for(arxiv_server).results(ArxivQuery("testing", max_results=10)))
    assert [p.arxiv_id for p in papers] == ORDER[:10]
    first, second = (t for t, *_ in arxiv_server.requests_to(PATH))
    assert second - first >= 1.0  # Retry-After wins over the 0.01 s backoff


def empty_page() -> bytes:
    """A real page header (totalResults 214881) with its entries gone: arXiv's flaky empty page."""
    text = body_of(recording("q_testing_s10_m10")).decode("utf-8")
    return re.sub(r"<entry>.*?</entry>\s*", "", text, flags=re.S).encode("utf-8")


def test_retries_an_unexpectedly_empty_page(arxiv_server: FakeServer) -> None:
    arxiv_server.fail(PATH, Fault("empty", body=empty_page()))
    papers = list(client_for(arxiv_server).results(ArxivQuery("testing", max_results=10)))
    assert [p.arxiv_id for p in papers] == ORDER[:10]
    assert starts(arxiv_server) == [0, 0]


def test_gives_up_after_the_retries(arxiv_server: FakeServer) -> None:
    arxiv_server.fail(PATH, *[Fault("status", 503)] * 3)
    client = client_for(arxiv_server, retries=2)
    with pytest.raises(FetchError, match="gave up after 3 attempts") as info:
        list(client.results(ArxivQuery("testing", max_results=10)))
    assert info.value.url.startswith(arxiv_server.url + PATH + "?search_query=testing")
    assert info.value.url in str(info.value)
    assert len(arxiv_server.requests_to(PATH)) == 3


def test_gives_up_on_pages_that_stay_empty(arxiv_server: FakeServer) -> None:
    arxiv_server.fail(PATH, *[Fault("empty", body=empty_page())] * 2)
    with pytest.raises(FetchError, match="empty page at start=0 although totalResults=214881"):
        list(client_for(arxiv_server, retries=1).results(ArxivQuery("testing", max_results=10)))


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


def test_fetch_by_id(arxiv_server: FakeServer) -> None:
    (paper,) = client_for(arxiv_server, page_size=100).fetch(["1605.08386"])
    assert paper.title == "Heat-bath random walks with Markov bases"
    assert paper.authors == ["Caprice Stanley", "Tobias Windisch"]
    assert (paper.arxiv_id, paper.version, paper.primary_category) == ("1605.08386", 1, "math.CO")
    ((_, _, query, headers),) = arxiv_server.requests_to(PATH)
    assert query["id_list"] == ["1605.08386"] and query["search_query"] == [""]
    assert headers["User-Agent"].startswith("paperlab")


def test_fetch_unknown_ids(arxiv_server: FakeServer) -> None:
    client = client_for(arxiv_server, page_size=100)
    assert client.fetch(["0000.0000"]) == []
    # one malformed id among good ones: arXiv returns the good one
    (paper,) = client.fetch(["0808.05394", "1707.08567"])
    assert paper.arxiv_id == "1707.08567"
    assert len(arxiv_server.requests_to(PATH)) == 2  # an honest empty result is not retried


def test_search_arxiv_returns_a_library(arxiv_server: FakeServer) -> None:
    lib = search_arxiv("testing", max_results=15, base_url=arxiv_server.url + PATH, page_size=15, delay=0.0)
    assert isinstance(lib, Library)
    assert [p.arxiv_id for p in lib] == ORDER[:15]
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

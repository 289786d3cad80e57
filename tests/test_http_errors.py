"""Typed HTTP errors and retry decisions, against the local fake server (tests/fakeserver.py).

Retries are decided by type and status (`paperlab.sources._http.is_retryable`), never by message text:
429 and 503 are retried, 400 and 404 are not, arXiv's error feed (`ArxivAPIError`) is not; every error
carries the last HTTP status. API clients are context managers that close the HTTP client they made.
A digest gives arXiv and Hugging Face their own HTTP clients instead of changing one client's settings mid-run.
"""

from __future__ import annotations

import httpx
import pytest
from fakeserver import FakeServer, Fault
from paths import DATA

from paperlab.digests import digest
from paperlab.errors import ArxivAPIError, FetchError, ParseError, ServiceUnreachable
from paperlab.sources import _http
from paperlab.sources._http import HttpClient, HTTPStatusError, RetryableResponse, is_retryable
from paperlab.sources.arxiv import ArxivClient, ArxivErrorFeed, ArxivQuery, read_atom
from paperlab.sources.hf import HfDailyPapersClient
from paperlab.sources.semantic_scholar import SemanticScholarClient

PATH = "/api/query"
ERROR_FEED = (DATA / "arxiv" / "error_abc.xml").read_bytes()
PAGE = (DATA / "arxiv" / "search_page.xml").read_bytes()


def client(**kw) -> HttpClient:
    return HttpClient(retries=2, backoff=0.01, timeout=2.0, **kw)


# -- the decision, by type ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exc", "retry"),
    [
        (HTTPStatusError("HTTP 429", "u", 429), True),
        (HTTPStatusError("HTTP 503", "u", 503), True),
        (HTTPStatusError("HTTP 500", "u", 500), True),
        (HTTPStatusError("HTTP 400", "u", 400), False),
        (HTTPStatusError("HTTP 404", "u", 404), False),
        (ArxivAPIError("arXiv rejected the query: incorrect id format for abc", "u", 400), False),
        (httpx.ReadTimeout("slow"), True),
        (httpx.ConnectError("refused"), False),  # no answer at all: reported at once, never retried
        (httpx.ConnectTimeout("slow to connect"), True),
        (RetryableResponse("cut short"), True),
        (FetchError("HTTP 503 in the text but not a status error"), False),
        (ParseError("HTTP 503 is only text here"), False),
        (ValueError("timed out"), False),
    ],
)
def test_retry_decision_is_by_type_not_text(exc: BaseException, retry: bool) -> None:
    assert is_retryable(exc) is retry


# -- against the fake server ------------------------------------------------------------------------


@pytest.mark.parametrize("status", [429, 503])
def test_429_and_503_are_retried(fake_server: FakeServer, status: int) -> None:
    fake_server.route("/x", b"[]")
    fake_server.fail("/x", Fault("status", status))
    with client() as http:
        resp = http.get(fake_server.url + "/x")
    assert resp.status == 200 and len(fake_server.requests_to("/x")) == 2


@pytest.mark.parametrize("status", [400, 404])
def test_400_and_404_are_not_retried_and_carry_the_status(fake_server: FakeServer, status: int) -> None:
    fake_server.route("/x", b'{"error": "no"}', status=status)
    with client() as http, pytest.raises(HTTPStatusError) as info:
        http.get(fake_server.url + "/x")
    assert info.value.status == status and isinstance(info.value, FetchError)
    assert len(fake_server.requests_to("/x")) == 1


def test_giving_up_keeps_the_last_status(fake_server: FakeServer) -> None:
    fake_server.route("/x", b"[]")
    fake_server.fail("/x", Fault("status", 429), Fault("status", 503), Fault("status", 503))
    with client() as http, pytest.raises(HTTPStatusError, match="gave up after 3 attempts, last: HTTP 503") as info:
        http.get(fake_server.url + "/x")
    assert info.value.status == 503 and info.value.url == fake_server.url + "/x"
    assert len(fake_server.requests_to("/x")) == 3


def test_a_timeout_gives_up_without_a_status(fake_server: FakeServer) -> None:
    fake_server.route("/x", b"[]")
    fake_server.fail("/x", *[Fault("timeout", delay=0.6)] * 2)
    with HttpClient(retries=1, backoff=0.01, timeout=0.2) as http, pytest.raises(FetchError) as info:
        http.get(fake_server.url + "/x")
    assert "timed out" in str(info.value) and info.value.status is None
    assert not isinstance(info.value, HTTPStatusError)
    assert isinstance(info.value, ServiceUnreachable)  # callers decide "no answer at all" by type


def test_a_refused_connection_is_service_unreachable_and_an_error_status_is_not(fake_server: FakeServer) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with HttpClient(retries=1, backoff=0.01, timeout=2) as http, pytest.raises(ServiceUnreachable) as info:
        http.get(f"http://127.0.0.1:{port}/x")
    assert "unreachable" in str(info.value) and info.value.status is None
    fake_server.route("/y", b"[]")
    fake_server.fail("/y", Fault("status", 503), Fault("status", 503))
    with HttpClient(retries=1, backoff=0.01) as http, pytest.raises(FetchError) as status_info:
        http.get(fake_server.url + "/y")
    assert not isinstance(status_info.value, ServiceUnreachable)  # the service answered: it is reachable


def test_an_error_raised_by_validate_is_not_retried(fake_server: FakeServer) -> None:
    fake_server.route("/x", b"[]")

    def validate(resp: _http.Response) -> None:
        raise ArxivAPIError("rejected", url=resp.url, status=resp.status)

    with client() as http, pytest.raises(ArxivAPIError):
        http.get(fake_server.url + "/x", validate=validate)
    assert len(fake_server.requests_to("/x")) == 1


@pytest.mark.parametrize("status", [200, 400])
def test_arxiv_error_feed_is_arxiv_api_error_never_retried(fake_server: FakeServer, status: int) -> None:
    fake_server.route(PATH, ERROR_FEED, status=status, content_type="application/atom+xml")
    with ArxivClient(fake_server.url + PATH, delay=0.0, retries=3, backoff=0.01) as arxiv:
        with pytest.raises(ArxivAPIError, match="arXiv rejected the query: incorrect id format for abc") as info:
            arxiv.fetch(["abc"])
    assert info.value.status == status
    assert len(fake_server.requests_to(PATH)) == 1


def test_error_feed_read_from_a_file_is_a_typed_parse_error(tmp_path) -> None:
    path = tmp_path / "error.xml"
    path.write_bytes(ERROR_FEED)
    with pytest.raises(ArxivErrorFeed, match="arXiv API error: incorrect id format for abc") as info:
        read_atom(path)
    assert isinstance(info.value, ParseError) and info.value.said == "incorrect id format for abc"


def test_arxiv_503_then_answer(fake_server: FakeServer) -> None:
    fake_server.route(PATH, PAGE, content_type="application/atom+xml")
    fake_server.fail(PATH, Fault("status", 503))
    with ArxivClient(fake_server.url + PATH, delay=0.0, retries=2, backoff=0.01) as arxiv:
        papers = list(arxiv.results(ArxivQuery("testing", max_results=2)))
    assert len(papers) == 2 and len(fake_server.requests_to(PATH)) == 2


def test_semantic_scholar_404_is_a_status_error_not_retried(fake_server: FakeServer) -> None:
    fake_server.route("/graph/v1/paper/ARXIV:0000.00000", b'{"error": "Paper with id 0 not found"}', status=404)
    with SemanticScholarClient(fake_server.url + "/graph/v1", http=client()) as s2:
        with pytest.raises(HTTPStatusError, match="HTTP 404: Paper with id 0 not found") as info:
            s2.paper("arXiv:0000.00000")
        s2.http.close()
    assert info.value.status == 404 and len(fake_server.requests_to("/graph/v1/paper/ARXIV:0000.00000")) == 1


# -- clients close what they made ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda url: ArxivClient(url + PATH),
        lambda url: HfDailyPapersClient(url),
        lambda url: SemanticScholarClient(url),
    ],
    ids=["arxiv", "hf", "s2"],
)
def test_clients_close_their_http_client_after_with(fake_server: FakeServer, make) -> None:
    with make(fake_server.url) as api:
        assert not api.http.closed
    assert api.http.closed


@pytest.mark.parametrize(
    "make",
    [
        lambda url, http: ArxivClient(url + PATH, http=http),
        lambda url, http: HfDailyPapersClient(url, http=http),
        lambda url, http: SemanticScholarClient(url, http=http),
    ],
    ids=["arxiv", "hf", "s2"],
)
def test_a_borrowed_http_client_is_left_open(fake_server: FakeServer, make) -> None:
    with client() as http:
        with make(fake_server.url, http) as api:
            assert api.http is http
        assert not http.closed
    assert http.closed


def test_search_arxiv_closes_its_client(fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    from paperlab.sources.arxiv import search_arxiv

    made: list[HttpClient] = []
    real_init = HttpClient.__init__

    def spy(self: HttpClient, **kw) -> None:
        real_init(self, **kw)
        made.append(self)

    monkeypatch.setattr(HttpClient, "__init__", spy)
    fake_server.route(PATH, PAGE, content_type="application/atom+xml")
    lib = search_arxiv("testing", max_results=2, base_url=fake_server.url + PATH, delay=0.0)
    assert len(lib) == 2 and len(made) == 1 and made[0].closed


# -- digests: their own clients and settings -------------------------------------------------------


def test_digest_gives_each_source_its_own_client_and_retries(
    fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """arXiv retries twice, Hugging Face not at all; no client's settings change after it is made."""
    made: list[HttpClient] = []
    changed: list[tuple[str, object]] = []
    real_init = HttpClient.__init__
    real_setattr = HttpClient.__setattr__

    def spy_init(self: HttpClient, *args, **kw) -> None:
        real_init(self, *args, **kw)
        made.append(self)

    def spy_setattr(self: HttpClient, name: str, value: object) -> None:
        if self in made and name in ("retries", "backoff", "min_interval", "offline"):
            changed.append((name, value))
        real_setattr(self, name, value)

    monkeypatch.setattr(HttpClient, "__init__", spy_init)
    monkeypatch.setattr(HttpClient, "__setattr__", spy_setattr)
    fake_server.route(PATH, b"down", status=503, content_type="text/plain")
    fake_server.route("/api/daily_papers", b"down", status=503, content_type="text/plain")
    config = {
        "keywords": ["testing"],
        "sources": ["arxiv", "hf"],
        "timeout": 2.0,
        "arxiv": {"url": fake_server.url + PATH, "delay": 0.0, "backoff": 0.01, "retries": 2},
        "hf": {"url": fake_server.url, "since": "2025-10-15", "until": "2025-10-15", "delay": 0.0, "retries": 0},
    }
    with pytest.raises(FetchError, match="no source answered"):
        digest(config, date="2025-10-15")
    assert len(fake_server.requests_to(PATH)) == 3  # one try + two arXiv retries
    assert len(fake_server.requests_to("/api/daily_papers")) == 1  # Hugging Face: retries = 0
    assert [(c.retries, c.backoff) for c in made] == [(2, 0.01), (0, 2.0)]
    assert changed == [] and all(c.closed for c in made)

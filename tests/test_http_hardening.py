"""The HTTP layer against hostile servers on 127.0.0.1 (issue 13; tests/hostile.py, tests/fakeserver.py).

Credentials never follow a redirect to another origin and redirects are bounded; a body is capped (a gzip
bomb stops at the cap with bounded memory); a request has a total deadline a trickling server cannot stretch,
retries included; ``Retry-After`` is read as seconds or as an HTTP date; the cache gives back the exact bytes;
the Semantic Scholar key comes from the environment or the config file; an unreachable service fails fast.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import json
import time
import tracemalloc

import pytest
from fakeserver import FakeServer, Fault
from hostile import (
    HostileServer,
    gzip_bomb,
    gzip_bomb_bytes,
    redirect_to,
    refused_port,
    serve,
    trickle_body,
    trickle_headers,
)

from paperlab.errors import FetchError
from paperlab.sources._http import (
    DEFAULT_MAX_BYTES,
    HttpClient,
    HTTPStatusError,
    ResponseTooLarge,
    _cache_key,
    retry_after_seconds,
)
from paperlab.sources.semantic_scholar import SemanticScholarClient, s2_api_key

PAPER = json.dumps({"paperId": "abc", "title": "A paper"}).encode()
SECRETS = {"x-api-key": "S3CRET", "Authorization": "Bearer T0KEN", "Cookie": "sid=C00KIE"}


def quick(**kw) -> HttpClient:
    return HttpClient(retries=2, backoff=0.01, timeout=2.0, **kw)


# -- redirects ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_credentials_are_dropped_on_a_redirect_to_another_origin(status: int) -> None:
    with HostileServer(serve(PAPER)) as other, HostileServer(redirect_to(lambda p: other.url + p, status)) as first:
        with quick(headers={"x-api-key": "S3CRET"}) as http:
            resp = http.get(first.url + "/paper", headers={k: v for k, v in SECRETS.items() if k != "x-api-key"})
    assert resp.content == PAPER
    assert first.requests[0][1]["x-api-key"] == "S3CRET"  # the origin asked for gets the key
    ((_, seen),) = other.requests
    assert not {"x-api-key", "authorization", "cookie"} & set(seen), seen
    assert "S3CRET" not in json.dumps(seen) and "user-agent" in seen


def test_semantic_scholar_key_does_not_follow_a_redirect_to_another_host() -> None:
    with HostileServer(serve(PAPER)) as other, HostileServer(redirect_to(lambda p: other.url + p)) as first:
        with SemanticScholarClient(base_url=first.url, api_key="S3CRET", http=quick()) as s2:
            assert s2.paper("abc").title == "A paper"
    assert first.requests[0][1]["x-api-key"] == "S3CRET"
    assert "x-api-key" not in other.requests[0][1]


def test_same_origin_redirect_keeps_the_key_and_no_cookie_is_stored() -> None:
    def behaviour(h) -> None:
        (redirect_to(lambda p: "/new") if h.path.startswith("/old") else serve(PAPER))(h)

    with HostileServer(behaviour) as srv, quick(headers={"x-api-key": "S3CRET"}) as http:
        assert http.get(srv.url + "/old").content == PAPER
    (_, first), (path, second) = srv.requests
    assert path == "/new" and second["x-api-key"] == "S3CRET"
    assert "cookie" not in second  # the redirect's Set-Cookie was not kept


def test_a_redirect_loop_is_a_fetch_error_and_is_not_retried() -> None:
    with HostileServer(redirect_to(lambda p: p)) as srv, quick(max_redirects=3) as http:
        with pytest.raises(FetchError, match="too many redirects") as info:
            http.get(srv.url + "/loop")
    assert len(srv.requests) == 4 and info.value.status is None


def test_a_redirect_to_a_file_url_is_refused() -> None:
    with HostileServer(redirect_to(lambda p: "file:///etc/passwd")) as srv, quick() as http:
        with pytest.raises(FetchError, match="only http"):
            http.get(srv.url + "/x")


# -- body size ----------------------------------------------------------------------------------------


def test_a_gzip_bomb_stops_at_the_cap_with_bounded_memory() -> None:
    gzip_bomb_bytes(1 << 30)  # built before measuring
    with HostileServer(gzip_bomb(1 << 30)) as srv, quick(max_bytes=1 << 20) as http:
        tracemalloc.start()
        try:
            with pytest.raises(ResponseTooLarge, match="larger than the 1048576 bytes allowed") as info:
                http.get(srv.url + "/bomb")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert isinstance(info.value, FetchError) and info.value.status == 200
    assert peak < 16 * 2**20, f"peak {peak / 2**20:.1f} MiB for a 1 MiB cap"
    assert len(srv.requests) == 1  # a bomb is not asked for again


def test_the_default_cap_stops_a_gzip_bomb_too() -> None:
    with HostileServer(gzip_bomb(1 << 30)) as srv, quick() as http:
        tracemalloc.start()
        try:
            with pytest.raises(ResponseTooLarge):
                http.get(srv.url + "/bomb")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert DEFAULT_MAX_BYTES == 50 * 2**20
    assert peak < 3 * DEFAULT_MAX_BYTES, f"peak {peak / 2**20:.1f} MiB"


def test_a_declared_length_over_the_cap_fails_before_reading() -> None:
    with HostileServer(serve(b"x" * (2 << 20))) as srv, quick(max_bytes=1 << 20) as http:
        with pytest.raises(ResponseTooLarge, match="Content-Length 2097152"):
            http.get(srv.url + "/big")


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_body_of_exactly_the_cap_is_accepted(gzipped: bool) -> None:
    body = b"y" * 4096
    sent, headers = (gzip.compress(body), {"Content-Encoding": "gzip"}) if gzipped else (body, {})
    with HostileServer(serve(sent, headers=headers)) as srv, quick(max_bytes=4096) as http:
        assert http.get(srv.url + "/x").content == body
    with HostileServer(serve(sent, headers=headers)) as srv, quick(max_bytes=4095) as http:
        with pytest.raises(ResponseTooLarge):
            http.get(srv.url + "/x")


# -- deadline -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("behaviour", [trickle_body, trickle_headers], ids=["body", "headers"])
def test_a_trickling_server_fails_within_the_deadline(behaviour) -> None:
    with HostileServer(behaviour(0.1)) as srv, HttpClient(retries=3, backoff=0.01, timeout=1.0, deadline=1.5) as http:
        start = time.monotonic()
        with pytest.raises(FetchError, match=r"timed out: no complete answer within the 1\.5 s deadline") as info:
            http.get(srv.url + "/slow")
        took = time.monotonic() - start
    assert took < 1.5 + 0.5, took
    assert info.value.status is None


def test_the_deadline_covers_retries_and_their_waits(fake_server: FakeServer) -> None:
    fake_server.route("/x", b"[]")
    fake_server.fail("/x", *[Fault("status", 503)] * 20)
    with HttpClient(retries=10, backoff=0.2, timeout=1.0, deadline=1.0) as http:
        start = time.monotonic()
        with pytest.raises(FetchError) as info:
            http.get(fake_server.url + "/x")
        took = time.monotonic() - start
    assert took < 1.0 + 0.3  # ten retries with growing waits would take far longer: the deadline bounds them all
    assert len(fake_server.requests_to("/x")) < 5
    # Usually the client sees the next wait would pass the deadline and stops with the last 503; on a loaded machine
    # the local page may answer an attempt too late, and the attempt is cut at the deadline instead. Either way the
    # error says the deadline ended it.
    if isinstance(info.value, HTTPStatusError):
        assert info.value.status == 503 and "would pass the 1 s deadline" in str(info.value)
    else:
        assert "within the 1 s deadline" in str(info.value)


# -- Retry-After --------------------------------------------------------------------------------------


def test_retry_after_as_seconds_or_http_date() -> None:
    now = dt.datetime(2025, 1, 1, 12, 0, 0, tzinfo=dt.timezone.utc)
    later = email.utils.format_datetime(now + dt.timedelta(seconds=30), usegmt=True)
    earlier = email.utils.format_datetime(now - dt.timedelta(seconds=30), usegmt=True)
    assert retry_after_seconds("7", now) == 7.0
    assert retry_after_seconds(later, now) == 30.0
    assert retry_after_seconds(earlier, now) == 0.0
    for bad in (None, "", "soon", "-5", "nan", "inf"):
        assert retry_after_seconds(bad, now) is None


def test_a_retry_after_date_is_honoured_and_capped(fake_server: FakeServer) -> None:
    soon = email.utils.format_datetime(dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=3), usegmt=True)
    far = email.utils.format_datetime(dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1), usegmt=True)
    fake_server.route("/x", b"[]")
    fake_server.fail("/x", Fault("status", 429, headers={"Retry-After": soon}))
    fake_server.fail("/x", Fault("status", 503, headers={"Retry-After": far}))
    waits: list[float] = []
    with HttpClient(retries=3, backoff=0.01, max_backoff=5.0, sleep=waits.append) as http:
        assert http.get(fake_server.url + "/x").status == 200
    assert 1.0 <= waits[0] <= 3.0 and waits[1] == 5.0


def test_a_retry_after_past_the_deadline_gives_up_at_once(fake_server: FakeServer) -> None:
    fake_server.route("/x", b"[]")
    fake_server.fail("/x", Fault("status", 429, headers={"Retry-After": "3600"}))
    waits: list[float] = []
    with HttpClient(retries=3, max_backoff=3600, deadline=10, sleep=waits.append) as http:
        with pytest.raises(HTTPStatusError, match="would pass the 10 s deadline") as info:
            http.get(fake_server.url + "/x")
    assert waits == [] and info.value.status == 429


# -- cache --------------------------------------------------------------------------------------------


def test_the_cache_gives_back_the_exact_bytes(fake_server: FakeServer, tmp_path) -> None:
    body = "café — naïve".encode("latin-1", errors="replace") + b"\xff\xfe\x80 not utf-8"
    fake_server.route("/feed", body, content_type="text/plain; charset=latin-1")
    with quick(cache_dir=tmp_path) as http:
        assert http.get(fake_server.url + "/feed").content == body
    with quick(cache_dir=tmp_path, offline=True) as http:
        cached = http.get(fake_server.url + "/feed")
    assert cached.from_cache and cached.content == body


def test_old_text_cache_files_are_still_read_and_damaged_ones_are_a_miss(fake_server: FakeServer, tmp_path) -> None:
    url = fake_server.url + "/old"
    with quick(cache_dir=tmp_path, offline=True) as http:
        path = http._cache_path(_cache_key("GET", url, None))
        assert path is not None
        path.write_text(json.dumps({"url": url, "status": 200, "retrieved": "2024-01-02T03:04:05+00:00", "body": "é"}))
        assert http.get(url).content == "é".encode()
        path.write_text("{not json")
        with pytest.raises(FetchError, match="offline and not in the cache"):
            http.get(url)


# -- API keys -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("variable", ["PAPERLAB_S2_API_KEY", "SEMANTIC_SCHOLAR_API_KEY"])
def test_the_s2_key_comes_from_the_environment(fake_server: FakeServer, monkeypatch, variable: str) -> None:
    monkeypatch.delenv("PAPERLAB_S2_API_KEY", raising=False)
    monkeypatch.delenv("SEMANTIC_SCHOLAR_API_KEY", raising=False)
    monkeypatch.setenv(variable, "ENVK3Y")
    fake_server.route("/paper/abc", PAPER)
    with SemanticScholarClient(base_url=fake_server.url, http=quick()) as s2:
        s2.paper("abc")
        assert "ENVK3Y" not in repr(s2)
    assert fake_server.requests_to("/paper/abc")[0][3]["x-api-key"] == "ENVK3Y"


def test_the_s2_key_comes_from_the_config_file(fake_server: FakeServer, monkeypatch, paperlab_home) -> None:
    monkeypatch.delenv("PAPERLAB_S2_API_KEY", raising=False)
    monkeypatch.delenv("SEMANTIC_SCHOLAR_API_KEY", raising=False)
    (paperlab_home / "config.toml").write_text('[semantic_scholar]\napi_key = "CONFK3Y"\n', encoding="utf-8")
    fake_server.route("/paper/abc", PAPER)
    with SemanticScholarClient(base_url=fake_server.url, http=quick()) as s2:
        s2.paper("abc")
    assert fake_server.requests_to("/paper/abc")[0][3]["x-api-key"] == "CONFK3Y"
    monkeypatch.setenv("PAPERLAB_S2_API_KEY", "ENVK3Y")  # the environment wins over the file,
    assert s2_api_key() == "ENVK3Y"
    assert SemanticScholarClient(api_key="ARGK3Y", http=quick()).api_key == "ARGK3Y"  # an argument over both


def test_a_broken_config_file_warns_and_gives_no_key(monkeypatch, paperlab_home) -> None:
    monkeypatch.delenv("PAPERLAB_S2_API_KEY", raising=False)
    monkeypatch.delenv("SEMANTIC_SCHOLAR_API_KEY", raising=False)
    (paperlab_home / "config.toml").write_text("[semantic_scholar\napi_key = ", encoding="utf-8")
    with pytest.warns(UserWarning, match="config.toml: cannot read the config file"):
        assert s2_api_key() is None


# -- unreachable --------------------------------------------------------------------------------------


def test_an_unreachable_service_fails_within_seconds_saying_so() -> None:
    url = f"http://127.0.0.1:{refused_port()}/api"
    with HttpClient() as http:  # default retries and backoff
        start = time.monotonic()
        with pytest.raises(FetchError, match="connection failed: .*unreachable") as info:
            http.get(url)
        took = time.monotonic() - start
    assert took < 5.0, took
    assert info.value.status is None


def test_the_cli_fetch_s2_uses_the_key_from_the_environment(fake_server: FakeServer, monkeypatch, capsys) -> None:
    from paperlab.cli import main

    monkeypatch.setenv("PAPERLAB_S2_API_KEY", "ENVK3Y")
    monkeypatch.setenv("PAPERLAB_SEMANTIC_SCHOLAR_URL", fake_server.url)
    fake_server.route("/paper/DOI:10.1/x", PAPER)
    assert main(["fetch", "s2", "DOI:10.1/x"]) == 0, capsys.readouterr().err
    assert fake_server.requests_to("/paper/DOI:10.1/x")[0][3]["x-api-key"] == "ENVK3Y"
    capsys.readouterr()
    assert main(["fetch", "--help"]) == 0  # main returns argparse's exit status instead of raising it
    assert "PAPERLAB_S2_API_KEY" in " ".join(capsys.readouterr().out.split())  # the help recommends it


def test_default_deadlines() -> None:
    from paperlab.sources.arxiv import ArxivClient

    with HttpClient() as http, HttpClient(timeout=90) as slow, ArxivClient() as arxiv:
        assert (http.deadline, slow.deadline, arxiv.http.deadline) == (60.0, 90, 120.0)

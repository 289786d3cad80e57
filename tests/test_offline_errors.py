"""Errors in seconds, in words (issue 15): an unreachable service is reported at once, saying what happened.

A connection that cannot be made (a closed port on 127.0.0.1, the unresolvable name ``nonexistent.invalid``,
RFC 2606) is never retried: the default client, which would back off for seconds between tries, reports it
after one try without waiting. Rate limits and server errors are still retried. No request leaves this machine.
How long the message takes is measured in benchmarks/bench_offline_errors.py and asserted in the browser
(tests/browser/test_panel_flows.py, < 2 s).
"""

from __future__ import annotations

import asyncio

import pytest
from fakeserver import FakeServer, Fault
from hostile import refused_port

from paperlab.errors import FetchError, ServiceUnreachable
from paperlab.server.fetching import Fetcher, FetchSettings, FetchTimeout
from paperlab.sources._http import HttpClient

UNRESOLVABLE = "http://nonexistent.invalid/api/query"


def _closed() -> str:
    return f"http://127.0.0.1:{refused_port()}/api/query"


@pytest.mark.parametrize(
    ("url", "why"),
    [
        (_closed, "the connection was refused"),
        (lambda: UNRESOLVABLE, "the host name nonexistent.invalid could not be resolved"),
    ],
    ids=["closed-port", "unresolvable-host"],
)
def test_a_failed_connection_is_not_retried_and_says_why(url, why: str) -> None:
    waits: list[float] = []
    with HttpClient(sleep=waits.append) as http:  # default retries (4) and backoff (1 s, doubling)
        with pytest.raises(ServiceUnreachable) as info:
            http.get(url())
    assert waits == []  # no backoff: one try only
    message = str(info.value)
    assert message.startswith("can't reach ") and why in message, message
    assert "gave up after" not in message and info.value.status is None


def test_rate_limits_and_server_errors_are_still_retried(fake_server: FakeServer) -> None:
    fake_server.route("/x", b"[]")
    fake_server.fail("/x", Fault("status", 429), Fault("status", 503))
    waits: list[float] = []
    with HttpClient(backoff=0.01, sleep=waits.append) as http:
        assert http.get(fake_server.url + "/x").status == 200
    assert len(fake_server.requests_to("/x")) == 3 and len(waits) == 2


@pytest.mark.parametrize(
    ("url", "host"), [(_closed, "127.0.0.1"), (lambda: UNRESOLVABLE, "nonexistent.invalid")], ids=["closed", "dns"]
)
def test_adding_by_arxiv_id_offline_says_so_in_words(monkeypatch, url, host: str) -> None:
    monkeypatch.setenv("PAPERLAB_ARXIV_URL", url())
    fetcher = Fetcher(FetchSettings())  # the server's own settings: 10 s timeout, 1 retry, 20 s deadline

    async def add() -> FetchError:
        with pytest.raises(FetchError) as info:
            await fetcher.fetch("1706.03762")
        return info.value

    try:
        message = str(asyncio.run(add()))
        assert message.startswith(f"Can't reach {host} — you may be offline; nothing was added (1706.03762)."), message
        assert "arXiv is unreachable" in message
        # a second add within `unreachable_for` does not ask again, and says the same first
        again = asyncio.run(add())
        assert not isinstance(again, FetchTimeout) and str(again).startswith(
            f"Can't reach {host} — you may be offline; nothing was added"
        )
        assert "not asking again" in str(again)
    finally:
        fetcher.close()


def test_an_unreachable_service_is_one_error_not_a_chain_of_library_tracebacks() -> None:
    """UI review R6: `paperlab.paper('arXiv:1706.03762')` offline ended in a clear ServiceUnreachable, after ~100 lines
    of chained httpx/httpcore tracebacks a notebook prints first. The error says which host and why; the library's
    exception stays reachable for debugging (``__context__``) but is not printed."""
    import traceback

    with HttpClient(sleep=lambda _s: None) as http:
        with pytest.raises(ServiceUnreachable) as info:
            http.get(_closed())
    printed = "".join(traceback.format_exception(info.value))
    assert "httpx" not in printed and "httpcore" not in printed and "During handling" not in printed, printed
    assert "the connection was refused" in printed and info.value.__context__ is not None

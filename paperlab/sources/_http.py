"""The one HTTP layer of paperlab: timeouts, a deadline, retries with backoff, per-host pacing, a response cache.

Every live client (arXiv, Hugging Face, Semantic Scholar) goes through :class:`HttpClient`.
Tests point clients at a local fake server by ``base_url`` or pass an ``httpx`` transport.

Retry decisions are made by type, never by message text (:func:`is_retryable`): an
:class:`HTTPStatusError` with a status in :data:`RETRY_STATUSES`, a timeout or connection error
(``httpx.TransportError`` other than a failed connection), or a :class:`RetryableResponse` from the caller's
``validate`` is tried again; a connection that cannot be made at all (an unknown host name, a refused connection:
``httpx.ConnectError``) is never retried but reported at once as :class:`~paperlab.errors.ServiceUnreachable`
("can't reach HOST"), so an offline user hears it within a second, not after minutes of backoff; anything else (a 400 or 404, :class:`~paperlab.errors.ArxivAPIError`, a ``ParseError``)
goes straight to the caller. Every error that leaves this module is a
:class:`~paperlab.errors.FetchError` whose ``status`` is the last HTTP status seen (None when
no response came back).

What a hostile or broken server cannot do (issue 13):

- learn a credential by redirecting: redirects are followed here, at most ``max_redirects`` of them, and on a
  redirect to another origin (scheme, host or port) every credential header (``Authorization``,
  ``x-api-key``, ``Cookie``, anything naming a key, token, secret or session) is dropped; cookies are never stored;
- exhaust memory: a body (after ``gzip``/``deflate`` decoding, done here chunk by chunk) larger than
  ``max_bytes`` stops the read with a :class:`ResponseTooLarge`;
- hold a request forever: ``deadline`` bounds a whole request, retries and waits included; every socket
  operation's timeout is clipped to the time left, so a trickling server cannot stretch it;
- make a cache replay differ from the original: the cache keeps the exact bytes.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx
import tenacity

from ..errors import FetchError, ServiceUnreachable
from ..text import plural
from ._retry import RETRY_STATUSES, HTTPStatusError, ResponseTooLarge, RetryableResponse, is_retryable, unreachable
from ._transport import _deadline_transport, _DeadlinePassed, _Decoder, _local, _redirected, retry_after_seconds

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_BYTES",
    "RETRY_STATUSES",
    "HTTPStatusError",
    "HttpClient",
    "Response",
    "ResponseTooLarge",
    "RetryableResponse",
    "is_retryable",
    "retry_after_seconds",
]

USER_AGENT = "paperlab (https://pypi.org/project/paperlab/)"
DEFAULT_MAX_BYTES = 50 * 2**20  # 50 MiB of decoded body per request
DEFAULT_DEADLINE = 60.0  # seconds for a whole request, retries and waits included
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
# header names (lower case) never sent to another origin; any name containing one of _SECRET_WORDS neither


@dataclass(frozen=True)
class Response:
    """A fetched (or cached) response."""

    url: str
    status: int
    content: bytes
    retrieved: dt.datetime
    from_cache: bool = False

    def json(self) -> Any:
        """Body decoded as JSON."""
        return json.loads(self.content)

    @property
    def text(self) -> str:
        """Body decoded as UTF-8 (undecodable bytes replaced: for display; :attr:`content` is exact)."""
        return self.content.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class _Call:
    """One request as :meth:`HttpClient.request` prepared it, carried through every retry unchanged."""

    method: str
    url: str  # with the query string
    headers: dict[str, str]
    body: bytes | None
    validate: Callable[[Response], None] | None
    ok_statuses: frozenset[int]


# -- the deadline, enforced on every socket operation ------------------------------------------------


class HttpClient:
    """Paced, retrying, optionally caching HTTP client (GET, and POST with a JSON body).

    Parameters
    ----------
    min_interval : float or dict
        Seconds between two requests to the same host (a dict maps host to seconds;
        arXiv asks for 3 s).
    retries : int
        Attempts after the first one, for 429/5xx, timeouts and responses the caller's ``validate``
        rejects. A failed connection (refused, unknown host) is not tried again: it raises
        :class:`~paperlab.errors.ServiceUnreachable` at once.
    backoff : float
        First wait in seconds; doubles each retry (capped at ``max_backoff``).
        A ``Retry-After`` header (seconds or an HTTP date, capped at ``max_backoff``) wins when larger.
    timeout : float
        Seconds for connecting and for each read or write.
    deadline : float, optional
        Seconds for a whole request: every attempt, the waits between them, redirects and reading the body
        (default :data:`DEFAULT_DEADLINE`, 60 s, or ``timeout`` when that is longer).
        Past it the request fails with a :class:`~paperlab.errors.FetchError` saying so; a retry whose
        wait would end past it is not started.
    max_bytes : int
        Most bytes of a body (after decoding gzip/deflate); a larger one fails with :class:`ResponseTooLarge`.
    max_redirects : int
        Most redirects followed per attempt. Credentials are never sent to another origin.
    cache_dir : path, optional
        Directory caching every successful response (its exact bytes) with its retrieval time.
    offline : bool
        Serve only from ``cache_dir``; a miss raises :class:`FetchError`.
    transport : httpx.BaseTransport, optional
        For tests (the deadline then bounds attempts and body reads, not each socket operation).
    headers : dict, optional
        Extra headers on every request (e.g. an API key); like every credential, not sent across origins.

    Examples
    --------
    The connection pool is closed by whoever made the client, best with ``with``:

    >>> with HttpClient(min_interval=1.0) as http:  # doctest: +SKIP
    ...     resp = http.get("https://export.arxiv.org/api/query", {"id_list": "1706.03762"})
    """

    def __init__(
        self,
        *,
        min_interval: float | dict[str, float] = 0.0,
        retries: int = 4,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        timeout: float = 30.0,
        deadline: float | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        cache_dir: str | Path | None = None,
        offline: bool = False,
        transport: httpx.BaseTransport | None = None,
        headers: dict[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.min_interval = min_interval
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.timeout = timeout
        self.deadline = deadline if deadline is not None else max(DEFAULT_DEADLINE, timeout)
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.offline = offline
        self.headers = dict(headers or {})
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self._client = httpx.Client(
            timeout=timeout,
            transport=transport if transport is not None else _deadline_transport(),
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])),  # never store a cookie
            follow_redirects=False,  # followed by _exchange, which drops credentials across origins
        )

    def __repr__(self) -> str:
        return (
            f"HttpClient(min_interval={self.min_interval!r}, retries={self.retries}, "
            f"timeout={self.timeout}, deadline={self.deadline}, "
            f"cache_dir={str(self.cache_dir) if self.cache_dir else None!r})"
        )

    def close(self) -> None:
        """Close the connection pool (idempotent)."""
        self._client.close()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run."""
        return self._client.is_closed

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- pacing -----------------------------------------------------------------------
    def _interval(self, host: str) -> float:
        if isinstance(self.min_interval, dict):
            return float(self.min_interval.get(host, 0.0))
        return float(self.min_interval)

    def _pace(self, host: str) -> None:
        """Wait until ``min_interval`` has passed since the last request to ``host`` *finished*.

        Counting from the end of the previous exchange (not from when it was sent) keeps the
        gap the server sees at least the interval, whatever the network jitter.
        """
        with self._lock:
            wait = self._last.get(host, -1e9) + self._interval(host) - time.monotonic()
            if wait > 0:
                self._sleep(wait)
            self._last[host] = time.monotonic()

    def _done(self, host: str) -> None:
        with self._lock:
            self._last[host] = time.monotonic()

    # -- cache ------------------------------------------------------------------------
    def _cache_path(self, key: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return self.cache_dir / (hashlib.sha256(key.encode()).hexdigest()[:32] + ".json")

    def _from_cache(self, key: str, url: str) -> Response | None:
        """The cached response, byte for byte (``body_b64``); files written before that keep ``body`` as text.

        A damaged entry is a miss (and is overwritten by the next successful fetch).
        """
        path = self._cache_path(key)
        if path is None or not path.exists():
            return None
        try:
            data = json.loads(path.read_bytes())
            if "body_b64" in data:
                content = base64.b64decode(data["body_b64"], validate=True)
            else:
                content = data["body"].encode("utf-8")
            return Response(
                url, int(data["status"]), content, dt.datetime.fromisoformat(data["retrieved"]), from_cache=True
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def _to_cache(self, key: str, resp: Response) -> None:
        path = self._cache_path(key)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.{threading.get_ident()}.tmp")
        entry = {
            "url": resp.url,
            "status": resp.status,
            "retrieved": resp.retrieved.isoformat(),
            "body_b64": base64.b64encode(resp.content).decode("ascii"),
        }
        tmp.write_text(json.dumps(entry), encoding="utf-8")
        tmp.replace(path)

    # -- requests ---------------------------------------------------------------------
    def get(
        self,
        url: str,
        params: dict[str, Any] | None = None,
        *,
        headers: dict[str, str] | None = None,
        validate: Callable[[Response], None] | None = None,
        use_cache: bool = True,
        ok_statuses: frozenset[int] = frozenset({200}),
    ) -> Response:
        """GET ``url`` with ``params``, paced and retried.

        Parameters
        ----------
        validate : callable, optional
            Called with each 200 response; raising :class:`RetryableResponse` retries.
        ok_statuses : set of int
            Statuses returned to the caller rather than raised (e.g. arXiv's 400 error feed).

        Raises
        ------
        FetchError
            After the last retry, on a non-retryable status, or offline on a cache miss.
        """
        return self.request(
            "GET", url, params, headers=headers, validate=validate, use_cache=use_cache, ok_statuses=ok_statuses
        )

    def post(
        self,
        url: str,
        params: dict[str, Any] | None = None,
        *,
        json: Any = None,
        headers: dict[str, str] | None = None,
        validate: Callable[[Response], None] | None = None,
        use_cache: bool = True,
        ok_statuses: frozenset[int] = frozenset({200}),
    ) -> Response:
        """POST a JSON body to ``url`` with ``params``, paced and retried like :meth:`get`.

        The cache key includes the body, so two batches with different ids never share an entry.

        Raises
        ------
        FetchError
            As :meth:`get`.
        """
        return self.request(
            "POST",
            url,
            params,
            json=json,
            headers=headers,
            validate=validate,
            use_cache=use_cache,
            ok_statuses=ok_statuses,
        )

    def request(
        self,
        method: str,
        url: str,
        params: dict[str, Any] | None = None,
        *,
        json: Any = None,
        headers: dict[str, str] | None = None,
        validate: Callable[[Response], None] | None = None,
        use_cache: bool = True,
        ok_statuses: frozenset[int] = frozenset({200}),
    ) -> Response:
        """Send one HTTP request (``GET`` or ``POST`` with an optional JSON body), paced and retried.

        Parameters
        ----------
        method : str
            HTTP method.
        url : str
            Request URL without the query string.
        params : dict, optional
            Query parameters.
        json : optional
            JSON-serialisable request body.
        headers, validate, use_cache, ok_statuses
            As in :meth:`get`.

        Raises
        ------
        FetchError
            After the last retry, on a non-retryable status, or offline on a cache miss.
        """
        method = method.upper()
        full = f"{url}?{urlencode(params, doseq=True)}" if params else url
        body = None if json is None else _json_dumps(json).encode("utf-8")
        key = _cache_key(method, full, body)
        if use_cache:
            cached = self._from_cache(key, full)
            if cached is not None:
                return cached
        if self.offline:
            raise FetchError("offline and not in the cache", url=full)
        send_headers = {**self.headers, **(headers or {})}
        if body is not None:
            send_headers.setdefault("Content-Type", "application/json")
        resp = self._retrying(_Call(method, full, send_headers, body, validate, ok_statuses))
        if resp.status == 200:
            self._to_cache(key, resp)
        return resp

    def _retrying(self, call: _Call) -> Response:
        """:meth:`_attempt` under tenacity until it succeeds, fails for good, the retries run out or the deadline comes.

        Retried: what :func:`is_retryable` says (by type); a failed connection is reported at once
        (:func:`~paperlab.sources._retry.unreachable`); no try starts whose wait would end past the deadline.
        """
        url = call.url
        deadline = time.monotonic() + self.deadline

        def wait(state: tenacity.RetryCallState) -> float:
            return self._wait(_outcome(state), state.attempt_number)

        def stop(state: tenacity.RetryCallState) -> bool:
            out_of_tries = state.attempt_number > self.retries
            return out_of_tries or time.monotonic() + wait(state) >= deadline

        def give_up(state: tenacity.RetryCallState) -> Response:
            exc, attempt = _outcome(state), state.attempt_number
            if time.monotonic() >= deadline:
                raise self._gave_up(exc, url, attempt, past_deadline=True) from None
            if attempt > self.retries:
                raise self._gave_up(exc, url, attempt) from None
            raise self._gave_up(exc, url, attempt, next_wait=wait(state)) from None

        retrying = tenacity.Retrying(
            retry=tenacity.retry_if_exception(is_retryable),
            stop=stop,
            wait=wait,
            sleep=self._sleep,
            retry_error_callback=give_up,
        )
        try:
            return retrying(self._attempt, call, deadline)
        except httpx.ConnectError as exc:  # no answer at all: not retried (see is_retryable)
            raise unreachable(exc, url) from None  # the message says which host and why
        except (httpx.HTTPError, httpx.InvalidURL) as exc:  # not retryable: a request httpx refused or could not make
            raise FetchError(f"request failed: {exc}", url=url) from exc

    def _wait(self, exc: BaseException, attempt: int) -> float:
        """Exponential backoff; a larger ``Retry-After`` (capped at ``max_backoff``) wins."""
        base = min(self.max_backoff, self.backoff * 2 ** (attempt - 1))
        if isinstance(exc, HTTPStatusError) and exc.retry_after is not None:
            return max(base, min(exc.retry_after, self.max_backoff))
        return base

    def _attempt(self, call: _Call, deadline: float) -> Response:
        """One paced exchange. Raises the typed errors :func:`is_retryable` decides on."""
        url = call.url
        host = urlsplit(url).netloc
        self._pace(host)
        _local.deadline = deadline
        try:
            status, resp_headers, content = self._exchange(call.method, url, call.headers, call.body, deadline)
        finally:
            _local.deadline = None
            self._done(host)
        resp = Response(url, status, content, dt.datetime.now(dt.timezone.utc))
        if status in RETRY_STATUSES or status not in call.ok_statuses:
            raise HTTPStatusError(
                f"HTTP {status}: {resp.text[:200]}",
                url=url,
                status=status,
                retry_after=retry_after_seconds(resp_headers.get("Retry-After")),
            )
        if call.validate is not None and status == 200:
            call.validate(resp)
        return resp

    def _exchange(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None, deadline: float
    ) -> tuple[int, Mapping[str, str], bytes]:
        """Send, following at most ``max_redirects`` redirects; the final status, headers and (capped) body."""
        for _ in range(self.max_redirects + 1):
            left = deadline - time.monotonic()
            if left <= 0:
                raise _DeadlinePassed()
            request = self._client.build_request(
                method, url, headers=headers or None, content=body, timeout=min(self.timeout, left)
            )
            r = self._client.send(request, stream=True)
            try:
                if not r.has_redirect_location:
                    return r.status_code, r.headers, self._read(r, url, deadline)
                method, url, headers, body = _redirected(r, method, url, headers, body)
            finally:
                r.close()
        raise FetchError(f"too many redirects: more than {self.max_redirects}", url=url)

    def _read(self, r: httpx.Response, url: str, deadline: float) -> bytes:
        """The body, decoded, at most ``max_bytes`` of it, read before ``deadline``."""
        limit = self.max_bytes
        too_large = f"response body larger than the {limit} bytes allowed (max_bytes); stopped reading"
        encoding = r.headers.get("Content-Encoding", "")
        declared = r.headers.get("Content-Length", "")
        if not encoding.strip() and declared.isdigit() and int(declared) > limit:
            raise ResponseTooLarge(f"{too_large} (Content-Length {declared})", url=url, status=r.status_code)
        decoder = _Decoder(encoding, url)
        buf = bytearray()
        for raw in r.iter_raw(_CHUNK):
            buf += decoder.feed(raw, limit - len(buf) + 1)
            if len(buf) > limit:
                raise ResponseTooLarge(too_large, url=url, status=r.status_code)
            if time.monotonic() > deadline:
                raise _DeadlinePassed()
        return bytes(buf)

    def _gave_up(
        self, exc: Exception, url: str, attempts: int, *, past_deadline: bool = False, next_wait: float | None = None
    ) -> FetchError:
        """The error raised when the last try failed too: the last status, when there was one, and why it stopped."""
        prefix = f"gave up after {plural(attempts, 'attempt')}, last"
        if next_wait is not None:
            prefix = f"gave up (the next try, in {next_wait:g} s, would pass the {self.deadline:g} s deadline) after {plural(attempts, 'attempt')}, last"
        if isinstance(exc, HTTPStatusError):
            return HTTPStatusError(f"{prefix}: HTTP {exc.status}", url=url, status=exc.status or 0)
        if past_deadline or isinstance(exc, _DeadlinePassed):
            return ServiceUnreachable(
                f"{prefix}: timed out: no complete answer within the {self.deadline:g} s deadline", url=url
            )
        if isinstance(exc, httpx.TimeoutException):
            return ServiceUnreachable(f"{prefix}: timed out: {exc}", url=url)
        if isinstance(exc, RetryableResponse):
            return FetchError(f"{prefix}: bad response: {exc}", url=url, status=200)
        return ServiceUnreachable(f"{prefix}: connection failed: {exc}", url=url)


def _outcome(state: tenacity.RetryCallState) -> Exception:
    """The exception the last attempt raised (tenacity calls stop/wait/give-up only after a failed attempt, and
    retries only what ``is_retryable`` accepted: ``Exception`` subclasses)."""
    exc = state.outcome.exception() if state.outcome is not None else None
    if not isinstance(exc, Exception):
        raise RuntimeError(f"tenacity asked about an attempt that did not fail with an Exception: {exc!r}")
    return exc


def _cache_key(method: str, url: str, body: bytes | None) -> str:
    """The cache key of a request: GET keeps the bare URL (existing caches stay valid), others add method and body."""
    if method == "GET" and body is None:
        return url
    return f"{method} {url}\n{(body or b'').decode()}"


def _json_dumps(obj: Any) -> str:
    # compact and key-ordered, so the same body always gives the same cache key
    return json.dumps(obj, separators=(",", ":"), sort_keys=True, ensure_ascii=False)

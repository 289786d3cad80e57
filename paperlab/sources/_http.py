"""The one HTTP layer of paperlab: timeouts, retries with backoff, per-host pacing, a response cache.

Every live client (arXiv, Hugging Face, Semantic Scholar) goes through :class:`HttpClient`.
Tests point clients at a local fake server by ``base_url`` or pass an ``httpx`` transport.

Retry decisions are made by type, never by message text (:func:`is_retryable`): an
:class:`HTTPStatusError` with a status in :data:`RETRY_STATUSES`, a timeout or connection error
(``httpx.TransportError``), or a :class:`RetryableResponse` from the caller's ``validate`` is tried
again; anything else (a 400 or 404, :class:`~paperlab.errors.ArxivAPIError`, a ``ParseError``)
goes straight to the caller. Every error that leaves this module is a
:class:`~paperlab.errors.FetchError` whose ``status`` is the last HTTP status seen (None when
no response came back).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx
import tenacity

from ..errors import ArxivAPIError, FetchError

__all__ = ["RETRY_STATUSES", "HTTPStatusError", "HttpClient", "Response", "RetryableResponse", "is_retryable"]

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
USER_AGENT = "paperlab (https://pypi.org/project/paperlab/)"


class RetryableResponse(Exception):
    """Raised by a ``validate`` callback when a 200 response must be fetched again
    (e.g. a truncated body or an unexpectedly empty arXiv page)."""


class HTTPStatusError(FetchError):
    """The service answered with an HTTP status the caller does not accept.

    ``status`` is always set; ``retry_after`` holds the seconds of a ``Retry-After`` header, if any.
    Whether it is worth retrying is :attr:`retryable` (429 and 5xx), decided by the status alone.
    """

    def __init__(self, message: str, url: str | None, status: int, retry_after: float | None = None) -> None:
        super().__init__(message, url=url, status=status)
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        """True for a status in :data:`RETRY_STATUSES` (rate limited or a server-side failure)."""
        return self.status in RETRY_STATUSES


def is_retryable(exc: BaseException) -> bool:
    """The one retry decision of paperlab, by the exception's type (and an HTTP status), never its text.

    Retried: :class:`HTTPStatusError` with a status in :data:`RETRY_STATUSES`, timeouts and connection
    failures (``httpx.TransportError``), undecodable bodies, and :class:`RetryableResponse`. Not
    retried: :class:`~paperlab.errors.ArxivAPIError` (the request itself is wrong), any other
    :class:`~paperlab.errors.FetchError` or HTTP status, and every other exception.
    """
    if isinstance(exc, ArxivAPIError):
        return False
    if isinstance(exc, HTTPStatusError):
        return exc.retryable
    return isinstance(exc, (httpx.TransportError, httpx.DecodingError, RetryableResponse))


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
        """Body decoded as UTF-8."""
        return self.content.decode("utf-8", errors="replace")


class HttpClient:
    """Paced, retrying, optionally caching HTTP client (GET, and POST with a JSON body).

    Parameters
    ----------
    min_interval : float or dict
        Seconds between two requests to the same host (a dict maps host to seconds;
        arXiv asks for 3 s).
    retries : int
        Attempts after the first one, for 429/5xx, timeouts, connection errors and
        responses the caller's ``validate`` rejects.
    backoff : float
        First wait in seconds; doubles each retry (capped at ``max_backoff``).
        A ``Retry-After`` header wins when larger.
    timeout : float
        Seconds for connect and read.
    cache_dir : path, optional
        Directory caching every successful response with its retrieval time.
    offline : bool
        Serve only from ``cache_dir``; a miss raises :class:`FetchError`.
    transport : httpx.BaseTransport, optional
        For tests.
    headers : dict, optional
        Extra headers on every request (e.g. an API key).

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
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.offline = offline
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self._client = httpx.Client(
            timeout=timeout,
            transport=transport,
            headers={"User-Agent": USER_AGENT, **(headers or {})},
            follow_redirects=True,
        )

    def __repr__(self) -> str:
        return (
            f"HttpClient(min_interval={self.min_interval!r}, retries={self.retries}, "
            f"timeout={self.timeout}, cache_dir={str(self.cache_dir) if self.cache_dir else None!r})"
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
        path = self._cache_path(key)
        if path is None or not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return Response(
            url,
            data["status"],
            data["body"].encode("utf-8"),
            dt.datetime.fromisoformat(data["retrieved"]),
            from_cache=True,
        )

    def _to_cache(self, key: str, resp: Response) -> None:
        path = self._cache_path(key)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(
            json.dumps(
                {
                    "url": resp.url,
                    "status": resp.status,
                    "retrieved": resp.retrieved.isoformat(),
                    "body": resp.content.decode("utf-8", errors="replace"),
                }
            ),
            encoding="utf-8",
        )
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
        send_headers = dict(headers or {})
        if body is not None:
            send_headers.setdefault("Content-Type", "application/json")
        resp = self._retrying(method, full, send_headers, body, validate, ok_statuses)
        if resp.status == 200:
            self._to_cache(key, resp)
        return resp

    def _retrying(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        body: bytes | None,
        validate: Callable[[Response], None] | None,
        ok_statuses: frozenset[int],
    ) -> Response:
        """:meth:`_attempt` until it succeeds, fails for good, or the retries run out (then :meth:`_gave_up`)."""
        retrying = tenacity.Retrying(
            retry=tenacity.retry_if_exception(is_retryable),
            stop=tenacity.stop_after_attempt(self.retries + 1),
            wait=self._wait,
            sleep=self._sleep,
            reraise=True,
        )
        try:
            return retrying(self._attempt, method, url, headers, body, validate, ok_statuses)
        except Exception as exc:
            if not is_retryable(exc):
                raise
            raise self._gave_up(exc, url) from None

    def _wait(self, state: tenacity.RetryCallState) -> float:
        """Exponential backoff; a larger ``Retry-After`` (capped at ``max_backoff``) wins."""
        exc = state.outcome.exception() if state.outcome else None
        base = min(self.max_backoff, self.backoff * 2 ** (state.attempt_number - 1))
        if isinstance(exc, HTTPStatusError) and exc.retry_after is not None:
            return max(base, min(exc.retry_after, self.max_backoff))
        return base

    def _attempt(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        body: bytes | None,
        validate: Callable[[Response], None] | None,
        ok_statuses: frozenset[int],
    ) -> Response:
        """One paced exchange. Raises the typed errors :func:`is_retryable` decides on."""
        host = urlsplit(url).netloc
        self._pace(host)
        try:
            r = self._client.request(method, url, headers=headers or None, content=body)
            content = r.read()
        finally:
            self._done(host)
        resp = Response(url, r.status_code, content, dt.datetime.now(dt.timezone.utc))
        if r.status_code in RETRY_STATUSES or r.status_code not in ok_statuses:
            after = r.headers.get("Retry-After")
            raise HTTPStatusError(
                f"HTTP {r.status_code}: {resp.text[:200]}",
                url=url,
                status=r.status_code,
                retry_after=float(after) if after and after.isdigit() else None,
            )
        if validate is not None and r.status_code == 200:
            validate(resp)
        return resp

    def _gave_up(self, exc: Exception, url: str) -> FetchError:
        """The error raised when the last retry failed too: the last status, when there was one."""
        prefix = f"gave up after {self.retries + 1} attempts, last"
        if isinstance(exc, HTTPStatusError):
            return HTTPStatusError(f"{prefix}: HTTP {exc.status}", url=url, status=exc.status or 0)
        if isinstance(exc, httpx.TimeoutException):
            return FetchError(f"{prefix}: timed out: {exc}", url=url)
        if isinstance(exc, RetryableResponse):
            return FetchError(f"{prefix}: bad response: {exc}", url=url, status=200)
        return FetchError(f"{prefix}: connection failed: {exc}", url=url)


def _cache_key(method: str, url: str, body: bytes | None) -> str:
    """The cache key of a request: GET keeps the bare URL (existing caches stay valid), others add method and body."""
    if method == "GET" and body is None:
        return url
    return f"{method} {url}\n{(body or b'').decode()}"


def _json_dumps(obj: Any) -> str:
    # compact and key-ordered, so the same body always gives the same cache key
    return json.dumps(obj, separators=(",", ":"), sort_keys=True, ensure_ascii=False)

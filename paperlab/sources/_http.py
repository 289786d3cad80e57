"""The one HTTP layer of paperlab: timeouts, retries with backoff, per-host pacing, a response cache.

Every live client (arXiv, Hugging Face, Semantic Scholar) goes through :class:`HttpClient`.
Tests point clients at a local fake server by ``base_url`` or pass an ``httpx`` transport.
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

from ..errors import FetchError

__all__ = ["HttpClient", "Response", "RetryableResponse"]

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
USER_AGENT = "paperlab (https://pypi.org/project/paperlab/)"


class RetryableResponse(Exception):
    """Raised by a ``validate`` callback when a 200 response must be fetched again
    (e.g. a truncated body or an unexpectedly empty arXiv page)."""


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


class _Retry(Exception):
    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.wait = wait


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
        """Close the connection pool."""
        self._client.close()

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
        # GET keeps the bare URL as its cache key (existing caches stay valid)
        key = full if method == "GET" and body is None else f"{method} {full}\n{(body or b'').decode()}"
        if use_cache:
            cached = self._from_cache(key, full)
            if cached is not None:
                return cached
        if self.offline:
            raise FetchError("offline and not in the cache", url=full)
        host = urlsplit(full).netloc
        send_headers = dict(headers or {})
        if body is not None:
            send_headers.setdefault("Content-Type", "application/json")

        def wait(state: tenacity.RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            base = min(self.max_backoff, self.backoff * 2 ** (state.attempt_number - 1))
            if isinstance(exc, _Retry) and exc.wait is not None:
                return max(base, min(exc.wait, self.max_backoff))
            return base

        def attempt() -> Response:
            self._pace(host)
            try:
                r = self._client.request(method, full, headers=send_headers or None, content=body)
                content = r.read()
            except httpx.TimeoutException as exc:
                raise _Retry(f"timed out: {exc}") from exc
            except (httpx.TransportError, httpx.DecodingError) as exc:
                raise _Retry(f"connection failed: {exc}") from exc
            finally:
                self._done(host)
            if r.status_code in RETRY_STATUSES:
                after = r.headers.get("Retry-After")
                raise _Retry(f"HTTP {r.status_code}", float(after) if after and after.isdigit() else None)
            resp = Response(full, r.status_code, content, dt.datetime.now(dt.timezone.utc))
            if r.status_code not in ok_statuses:
                raise FetchError(f"HTTP {r.status_code}: {resp.text[:200]}", url=full, status=r.status_code)
            if validate is not None and r.status_code == 200:
                try:
                    validate(resp)
                except RetryableResponse as exc:
                    raise _Retry(f"bad response: {exc}") from exc
            return resp

        retrying = tenacity.Retrying(
            retry=tenacity.retry_if_exception_type(_Retry),
            stop=tenacity.stop_after_attempt(self.retries + 1),
            wait=wait,
            sleep=self._sleep,
            reraise=True,
        )
        try:
            resp = retrying(attempt)
        except _Retry as exc:
            raise FetchError(f"gave up after {self.retries + 1} attempts, last: {exc}", url=full) from None
        if resp.status == 200:
            self._to_cache(key, resp)
        return resp


def _json_dumps(obj: Any) -> str:
    # compact and key-ordered, so the same body always gives the same cache key
    return json.dumps(obj, separators=(",", ":"), sort_keys=True, ensure_ascii=False)

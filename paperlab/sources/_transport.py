"""The transport underneath :mod:`paperlab.sources._http`: a per-request deadline enforced inside every socket
call, bounded decoding of compressed bodies, and redirects that drop credentials when they leave the origin.

Private: :class:`~paperlab.sources._http.HttpClient` is the only user.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import threading
import time
import zlib
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from ..errors import FetchError

_CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "cookie2"})
_SECRET_WORDS = ("auth", "key", "token", "secret", "session", "password", "cookie", "credential")

_local = threading.local()


class _DeadlinePassed(httpx.ReadTimeout):
    """The request's total deadline passed (a timeout of the whole request, not of one read)."""

    def __init__(self) -> None:
        super().__init__("the request's deadline has passed")


def _clip(timeout: float | None, error: type[Exception]) -> float | None:
    """``timeout`` cut to the time left before this thread's current deadline (raises ``error`` once past it)."""
    deadline: float | None = getattr(_local, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the request's deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _clip(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _clip(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None) -> Any:
        return _DeadlineStream(
            self._inner.start_tls(ssl_context, server_hostname, _clip(timeout, httpcore.ConnectTimeout))
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's network backend with every connect, read and write timeout clipped to the deadline."""

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        clipped = _clip(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_tcp(host, port, clipped, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        clipped = _clip(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, clipped, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _deadline_transport() -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport()
    pool = getattr(transport, "_pool", None)
    if pool is not None and hasattr(pool, "_network_backend"):
        pool._network_backend = _DeadlineBackend(pool._network_backend)
    return transport


# -- bounded decoding ---------------------------------------------------------------------------------


class _Decoder:
    """Undo ``Content-Encoding`` (gzip, deflate, chained) chunk by chunk, never producing more than asked."""

    def __init__(self, content_encoding: str, url: str) -> None:
        names = [e.strip().lower() for e in content_encoding.split(",") if e.strip()]
        self._stages: list[Any] = []
        for name in reversed([n for n in names if n != "identity"]):
            if name in ("gzip", "x-gzip"):
                self._stages.append(zlib.decompressobj(16 + zlib.MAX_WBITS))
            elif name == "deflate":
                self._stages.append(zlib.decompressobj())
            else:
                raise FetchError(f"unsupported Content-Encoding {name!r} (paperlab asks for gzip or deflate)", url=url)

    def feed(self, data: bytes, room: int) -> bytes:
        """Decode ``data``; at most ``room`` bytes come out of each stage (more means: over the cap)."""
        for stage in self._stages:
            if not data:
                break
            try:
                data = stage.decompress(data, room)
            except zlib.error as exc:
                raise httpx.DecodingError(f"cannot decode the body: {exc}") from None
        return data


def _is_credential(name: str) -> bool:
    low = name.lower()
    return low in _CREDENTIAL_HEADERS or any(word in low for word in _SECRET_WORDS)


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or {"http": 80, "https": 443}.get(scheme)


def _redirected(
    r: httpx.Response, method: str, url: str, headers: dict[str, str], body: bytes | None
) -> tuple[str, str, dict[str, str], bytes | None]:
    """The request a redirect asks for; credentials are dropped when it leaves the origin."""
    target = urljoin(url, r.headers["Location"].strip())
    if urlsplit(target).scheme.lower() not in ("http", "https"):
        raise FetchError(f"refusing a redirect to {target!r}: only http(s) is followed", url=url)
    if r.status_code == 303 and method != "HEAD" or r.status_code in (301, 302) and method == "POST":
        method, body = "GET", None
        headers = {k: v for k, v in headers.items() if k.lower() not in ("content-type", "content-length")}
    if _origin(target) != _origin(url):
        headers = {k: v for k, v in headers.items() if not _is_credential(k)}
    return method, target, headers, body


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: a number of seconds or an HTTP date (RFC 9110).

    A date in the past gives 0; anything unreadable (or negative) gives None. Capping is the caller's.
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        return seconds if seconds >= 0 and seconds == seconds and seconds != float("inf") else None
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - (now or dt.datetime.now(dt.timezone.utc))).total_seconds())

"""What a failed HTTP attempt means (:mod:`paperlab.sources._http`): the typed errors and the one retry decision.

Retry decisions are made by type, never by message text (:func:`is_retryable`); a connection that cannot be made
at all is reported at once, in words, as :class:`~paperlab.errors.ServiceUnreachable` (:func:`unreachable`).
"""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import httpx

from ..errors import ArxivAPIError, FetchError, ServiceUnreachable

__all__ = [
    "RETRY_STATUSES",
    "HTTPStatusError",
    "ResponseTooLarge",
    "RetryableResponse",
    "is_retryable",
    "unreachable",
]

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


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


class ResponseTooLarge(FetchError):
    """The body (decoded) was larger than the client's ``max_bytes``; reading stopped there. Not retried."""


def is_retryable(exc: BaseException) -> bool:
    """The one retry decision of paperlab, by the exception's type (and an HTTP status), never its text.

    Retried: :class:`HTTPStatusError` with a status in :data:`RETRY_STATUSES`, timeouts and other transport
    failures (``httpx.TransportError``), undecodable bodies, and :class:`RetryableResponse`. Not
    retried: a connection that could not be made (``httpx.ConnectError``: the host name does not resolve, the
    connection is refused; a connect *timeout* is retried), :class:`~paperlab.errors.ArxivAPIError` (the
    request itself is wrong), any other
    :class:`~paperlab.errors.FetchError` (a too large body, too many redirects) or HTTP status, and every
    other exception.
    """
    if isinstance(exc, ArxivAPIError):
        return False
    if isinstance(exc, HTTPStatusError):
        return exc.retryable
    if isinstance(exc, httpx.ConnectError):
        return False
    return isinstance(exc, (httpx.TransportError, httpx.DecodingError, RetryableResponse))


def unreachable(exc: httpx.ConnectError, url: str) -> ServiceUnreachable:
    """The error for a connection that could not be made, in words: which host, and why (by the OS error's type)."""
    host = urlsplit(url).hostname or urlsplit(url).netloc
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, OSError):
        cause = cause.__cause__ or cause.__context__
    if isinstance(cause, socket.gaierror):
        why = f"the host name {host} could not be resolved"
    elif isinstance(cause, ConnectionRefusedError):
        why = "the connection was refused"
    else:
        why = str(exc) or type(exc).__name__
    return ServiceUnreachable(
        f"can't reach {host}: connection failed: {why}; {host} is unreachable (offline?)", url=url
    )

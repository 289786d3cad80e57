"""Errors of the REST API: :class:`RequestError` and the HTTP status of each paperlab error, by type.

A handler either raises :class:`RequestError` itself (a bad query argument, an unknown route) or lets a
paperlab error through; :func:`error_status` maps the latter by its class, never by its message:

- :class:`~paperlab.errors.NotFound`: 404 ``not_found``
- :class:`~paperlab.errors.Conflict`: 409 ``conflict``
- :class:`~paperlab.errors.InvalidValue`: 400 ``invalid``
- :class:`~paperlab.errors.Busy`: 503 ``busy``, with a ``Retry-After`` header
- :class:`~paperlab.errors.StoreFull`: 507 ``storage_full`` (the disk holding the store is full)
- :class:`~paperlab.errors.StoreUnavailable` (read-only, corrupt, too new, an I/O error): 503 ``store_unavailable``
- any other :class:`~paperlab.errors.StoreError`: 500 ``internal``
- :class:`~paperlab.errors.ParseError`: 400 ``invalid``
- :class:`~paperlab.server.fetching.FetchTimeout`: 504 ``fetch_failed`` (no answer within the deadline)
- :class:`~paperlab.errors.FetchError` (``ArxivAPIError`` too): 502 ``fetch_failed``

The handlers themselves also answer 413 ``too_large`` (a body over 1 MiB, a string over 100,000 characters)
and 503 ``store_unavailable`` when the store could not be opened at all.
"""

from __future__ import annotations

from ..errors import (
    Busy,
    Conflict,
    FetchError,
    InvalidValue,
    NotFound,
    ParseError,
    StoreError,
    StoreFull,
    StoreUnavailable,
)
from .fetching import FetchTimeout

__all__ = ["ERROR_STATUS", "RETRY_AFTER_S", "RequestError", "error_status", "to_request_error"]

#: (error class, HTTP status, code), most specific class first; the first ``isinstance`` match wins.
ERROR_STATUS: tuple[tuple[type[Exception], int, str], ...] = (
    (NotFound, 404, "not_found"),
    (Conflict, 409, "conflict"),
    (InvalidValue, 400, "invalid"),
    (Busy, 503, "busy"),
    (StoreFull, 507, "storage_full"),
    (StoreUnavailable, 503, "store_unavailable"),
    (StoreError, 500, "internal"),
    (ParseError, 400, "invalid"),
    (FetchTimeout, 504, "fetch_failed"),
    (FetchError, 502, "fetch_failed"),
)

#: Seconds a client should wait before retrying a ``503 busy`` answer (the ``Retry-After`` header).
RETRY_AFTER_S = 1


class RequestError(Exception):
    """A request that is answered with ``status`` and the JSON body ``{code, message}``.

    Parameters
    ----------
    status : int
        HTTP status.
    code : str
        Short machine-readable kind (``"invalid"``, ``"not_found"``, ...; the ``Error`` schema's enum).
    message : str
        What was wrong and what was expected.
    """

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"RequestError({self.status}, {self.code!r}, {self.message!r})"


def error_status(exc: BaseException) -> tuple[int, str] | None:
    """``(HTTP status, code)`` of a paperlab error by its type; None for any other exception."""
    for cls, status, code in ERROR_STATUS:
        if isinstance(exc, cls):
            return status, code
    return None


def to_request_error(exc: BaseException) -> RequestError | None:
    """``exc`` as the :class:`RequestError` it is answered with (None when it is not a paperlab error)."""
    if isinstance(exc, RequestError):
        return exc
    found = error_status(exc)
    if found is None:
        return None
    return RequestError(found[0], found[1], str(exc))

"""The base of the paperlab server extension's handlers: what the extension holds for the server's lifetime
(:class:`ServerState`: the store, its pool, the fetcher, the change feed) and :class:`BaseHandler`, from which every
handler (:mod:`paperlab.server.handlers`, :mod:`paperlab.server.feed_handlers`, :mod:`paperlab.server.bibliography`)
takes the store, runs store calls on the store pool as the request's user, reads typed bodies and query arguments,
and answers errors as JSON ``{"code": ..., "message": ...}``.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import tornado.web
from jupyter_server.base.handlers import APIHandler
from tornado.log import app_log

from ..store import ReadingList, Store, acting_as
from .changes import ChangeFeed
from .fetching import Fetcher
from .http_errors import RETRY_AFTER_S, RequestError, to_request_error
from .models import MAX_BODY_BYTES, RequestModel, parse_body

__all__ = [
    "API_PREFIX",
    "AUTH_RESOURCE",
    "STATE_SETTING",
    "STORE_SETTING",
    "STORE_WORKERS",
    "WARNINGS_LOCK",
    "BaseHandler",
    "ServerState",
    "float_arg",
    "int_arg",
    "store_problem",
]

API_PREFIX = "paperlab/api"
STORE_SETTING = "paperlab_store"
STATE_SETTING = "paperlab_state"
#: The resource name the Jupyter ``Authorizer`` is asked about for every paperlab request.
AUTH_RESOURCE = "paperlab"
STORE_WORKERS = 4
#: ``warnings.catch_warnings`` swaps the process's warning state, and the store pool runs handlers side by side: the
#: handlers that record or silence warnings take this lock, so that one's exit never undoes the other's recorder (an
#: upload's skipped records would go unreported, and an "ignore" filter would stay behind)
WARNINGS_LOCK = threading.Lock()
_REOPEN_S = 5.0  # an unopenable store is tried again at most this often

T = TypeVar("T")
M = TypeVar("M", bound=RequestModel)


_ANONYMOUS_ID = re.compile(r"[0-9a-f]{32}")


def _recorded_name(user: Any) -> str | None:
    """The name a request's changes are recorded under: the Jupyter identity's username, except the anonymous
    identity a token-authenticated single-user server makes up per browser (a random hex id, "Anonymous Io"):
    that person is the server's own user, so None -- the store records :func:`~paperlab.store.current_user`
    (``$PAPERLAB_USER`` or the login name), as a kernel of the same person does. Never a raw hash."""
    username = getattr(user, "username", None)
    if not isinstance(username, str) or not username.strip():
        return None
    if _ANONYMOUS_ID.fullmatch(username) and str(getattr(user, "name", "")).startswith("Anonymous"):
        return None
    return username


class ServerState:
    """What the extension holds for the server's lifetime: the store (or why it cannot be opened), the store
    pool and the fetcher. :meth:`close` runs when the server shuts down.

    Parameters
    ----------
    store : Store or None
        None when it could not be opened; ``problem`` then says why, and ``opener`` is tried again (at most
        every 5 s, on the store pool) by the next request.
    """

    def __init__(
        self,
        store: Store | None,
        *,
        fetcher: Fetcher | None = None,
        problem: str | None = None,
        opener: Callable[[], Store] | None = None,
        store_workers: int = STORE_WORKERS,
    ) -> None:
        self.store = store
        self.problem = problem
        self.opener = opener
        self.fetcher = fetcher or Fetcher()
        self.store_pool = ThreadPoolExecutor(max_workers=max(1, store_workers), thread_name_prefix="paperlab-store")
        self.changes = ChangeFeed()  # wakes long-polls (PostgreSQL: LISTEN/NOTIFY; SQLite: polling)
        self._tried = time.monotonic()
        self._lock = threading.Lock()
        self.closed = False

    def reopen(self) -> None:
        """Try to open the store again (in a store-pool thread) if it is missing and the last try is old."""
        with self._lock:
            if self.store is not None or self.opener is None or time.monotonic() - self._tried < _REOPEN_S:
                return
            self._tried = time.monotonic()
        try:
            store = self.opener()
        except Exception as exc:  # noqa: BLE001 - any failure to open is reported the same way
            self.problem = store_problem(exc)
            return
        self.store, self.problem = store, None

    def close(self) -> None:
        """Stop both pools and close the fetcher's HTTP clients; idempotent."""
        if self.closed:
            return
        self.closed = True
        self.changes.close()
        self.fetcher.close()
        self.store_pool.shutdown(wait=False, cancel_futures=True)


def store_problem(exc: BaseException) -> str:
    """What to tell a client about a store that cannot be opened."""
    return f"the paperlab store cannot be opened: {exc}"


# -- handlers ---------------------------------------------------------------------------------------------
class BaseHandler(APIHandler):
    """Base of every paperlab handler: the store, typed JSON bodies, errors as ``{code, message}``."""

    auth_resource = AUTH_RESOURCE

    @property
    def state(self) -> ServerState:
        """The :class:`ServerState` of this server extension."""
        state: ServerState = self.settings[STATE_SETTING]
        return state

    @property
    def store(self) -> Store:
        """The :class:`Store` this server extension was loaded with (503 ``store_unavailable`` without one)."""
        store = self.state.store
        if store is None:
            raise RequestError(503, "store_unavailable", self.state.problem or "the paperlab store is not open")
        self.settings[STORE_SETTING] = store
        return store

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a (blocking) store call on the store pool (never the fetch pool nor asyncio's default one), with
        its changes recorded as made by the request's Jupyter user (``added_by`` / ``updated_by``)."""
        loop = asyncio.get_running_loop()
        state = self.state
        if state.store is None:
            await loop.run_in_executor(state.store_pool, state.reopen)
        user = _recorded_name(self.current_user)

        def run() -> T:
            with acting_as(user):
                return fn(*args, **kwargs)

        return await loop.run_in_executor(state.store_pool, run)

    def body_as(self, model: type[M]) -> M:
        """The request body as ``model`` (see :func:`~paperlab.server.models.parse_body`); 413 over 1 MiB."""
        size = len(self.request.body or b"")
        if size > MAX_BODY_BYTES:
            raise RequestError(
                413, "too_large", f"the request body has {size} bytes: expected at most {MAX_BODY_BYTES} (1 MiB)"
            )
        return parse_body(self.request.body, model)

    def reply(self, data: Any, status: int = 200) -> None:
        """Finish with ``data`` as JSON."""
        self.set_status(status)
        self.finish(json.dumps(data, ensure_ascii=False), set_content_type="application/json; charset=UTF-8")

    def reading_list(self, name: str) -> ReadingList:
        """The existing list ``name`` (404 when absent); cheap, reads one row."""
        return self.store.reading_list(name, create=False)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """Every error as JSON ``{code, message}``."""
        exc = kwargs.get("exc_info", (None, None, None))[1]
        code, message = "http_error", self._reason
        if isinstance(exc, RequestError):
            code, message = exc.code, exc.message
            if code == "busy":
                self.set_header("Retry-After", str(RETRY_AFTER_S))
        elif isinstance(exc, tornado.web.HTTPError):
            code = {403: "forbidden", 404: "not_found", 400: "invalid", 413: "too_large"}.get(status_code, "http_error")
            message = exc.log_message % exc.args if exc.log_message and exc.args else (exc.log_message or self._reason)
            if status_code == 403 and not exc.log_message:
                message = "Forbidden: authenticate with a Jupyter token or login cookie (and an XSRF token for writes)"
        elif exc is not None:
            code, message = "internal", "internal server error (see the Jupyter server log)"
        self.finish(
            json.dumps({"code": code, "message": message}, ensure_ascii=False),
            set_content_type="application/json; charset=UTF-8",
        )

    def _handle_request_exception(self, e: BaseException) -> None:
        """Answer paperlab errors by their type (:mod:`paperlab.server.http_errors`); anything else is Tornado's."""
        error = to_request_error(e)
        if error is None:
            super()._handle_request_exception(e)
            return
        # an ordinary failure (offline, busy, disk full) in one line; a store bug with its traceback
        if error.status >= 500:
            trace = e if error.code == "internal" else None
            app_log.warning("paperlab: %s %s: %s", self.request.method, self.request.path, e, exc_info=trace)
        self.send_error(error.status, exc_info=(type(error), error, e.__traceback__))


def _number_arg(handler: BaseHandler, name: str, kind: Callable[[str], T], expected: str) -> T | None:
    """The query argument ``name`` read by ``kind`` (None when absent or empty); 400 ``invalid`` naming it and
    ``expected`` when it does not read."""
    value = handler.get_query_argument(name, None)
    if value is None or value == "":
        return None
    try:
        return kind(value)
    except ValueError:
        raise RequestError(400, "invalid", f"query {name!r}: expected {expected}, got {value!r}") from None


def int_arg(handler: BaseHandler, name: str) -> int | None:
    """The integer query argument ``name``, or None."""
    return _number_arg(handler, name, int, "an integer")


def float_arg(handler: BaseHandler, name: str, default: float) -> float:
    """The numeric query argument ``name``, or ``default``."""
    found = _number_arg(handler, name, float, "a number")
    return default if found is None else found

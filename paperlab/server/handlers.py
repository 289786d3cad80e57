"""REST handlers of the paperlab server extension and their one route table.

Every handler takes the :class:`~paperlab.store.Store` from ``self.settings`` and runs
store calls in a worker thread (a write may wait on a kernel holding the SQLite lock,
and adding by id may fetch from arXiv), so the server's event loop never blocks.
Errors are answered as JSON ``{"code": ..., "message": ...}`` with the status of their type
(:mod:`paperlab.server.http_errors`). Request and response bodies are the typed models of
:mod:`paperlab.server.models`, validated against the schemas in ``openapi.yaml``.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Callable
from typing import Any, TypeVar

import tornado.web
from jupyter_server.base.handlers import APIHandler
from jupyter_server.utils import url_path_join
from tornado.log import app_log

from ..store import ReadingList, Store
from .http_errors import RETRY_AFTER_S, RequestError, to_request_error
from .models import (
    OPENAPI_PATH,
    UNSET,
    AddEntry,
    CreateList,
    Entry,
    ListDetail,
    Lists,
    PaperDetail,
    Papers,
    RenameList,
    RequestModel,
    Revision,
    UpdateEntry,
    entry_body,
    list_summary,
    openapi_spec,
    parse_body,
)

__all__ = [
    "API_PREFIX",
    "OPENAPI_PATH",
    "ROUTES",
    "STORE_SETTING",
    "BaseHandler",
    "EntriesHandler",
    "EntryHandler",
    "ExportHandler",
    "ListHandler",
    "ListsHandler",
    "PaperHandler",
    "PapersHandler",
    "RequestError",
    "RevisionHandler",
    "UnknownRouteHandler",
    "apply_update",
    "entry_to_dict",
    "openapi_spec",
    "setup_handlers",
]

API_PREFIX = "paperlab/api"
STORE_SETTING = "paperlab_store"
MAX_WAIT_S = 30.0
_POLL_S = 0.05  # how often a waiting long-poll re-reads the revision (one indexed SELECT)

T = TypeVar("T")
M = TypeVar("M", bound=RequestModel)

#: The ``Entry`` body of a reading-list entry (kept under its old name).
entry_to_dict = entry_body


# -- handlers ---------------------------------------------------------------------------------------------
class BaseHandler(APIHandler):
    """Base of every paperlab handler: the store, typed JSON bodies, errors as ``{code, message}``."""

    @property
    def store(self) -> Store:
        """The :class:`Store` this server extension was loaded with."""
        store: Store = self.settings[STORE_SETTING]
        return store

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a (blocking) store call in a worker thread."""
        return await asyncio.to_thread(fn, *args, **kwargs)

    def body_as(self, model: type[M]) -> M:
        """The request body as ``model`` (see :func:`~paperlab.server.models.parse_body`)."""
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
            code = {403: "forbidden", 404: "not_found", 400: "invalid"}.get(status_code, "http_error")
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
        if error.status >= 500:
            app_log.warning("paperlab: %s %s: %s", self.request.method, self.request.path, e, exc_info=e)
        self.send_error(error.status, exc_info=(type(error), error, e.__traceback__))


class RevisionHandler(BaseHandler):
    """``GET /paperlab/api/revision[?since=N&timeout=S]``: the store's change counter.

    With ``since``, waits up to ``timeout`` seconds (at most 30) for the revision to pass
    ``since``, so a client can long-poll instead of asking every second.
    """

    _gone = False

    def on_connection_close(self) -> None:
        self._gone = True

    @tornado.web.authenticated
    async def get(self) -> None:
        since = _int_arg(self, "since")
        timeout = _float_arg(self, "timeout", 0.0)
        if not 0 <= timeout <= MAX_WAIT_S:
            raise RequestError(
                400, "invalid", f"query 'timeout': expected 0 to {MAX_WAIT_S:g} seconds, got {timeout:g}"
            )
        revision = await self.call(self.store.revision)
        deadline = time.monotonic() + timeout
        while since is not None and revision <= since and time.monotonic() < deadline:
            await asyncio.sleep(_POLL_S)
            if self._gone:
                return
            revision = await self.call(self.store.revision)
        answer: Revision = {"revision": revision}
        self.reply(answer)


class ListsHandler(BaseHandler):
    """``/paperlab/api/lists``: list the reading lists (GET) or create one (POST)."""

    @tornado.web.authenticated
    async def get(self) -> None:
        def work() -> Lists:
            revision = self.store.revision()
            lists = [list_summary(ReadingList(self.store, name)) for name in self.store.lists()]
            return {"lists": lists, "revision": revision}

        self.reply(await self.call(work))

    @tornado.web.authenticated
    async def post(self) -> None:
        body = self.body_as(CreateList)
        rl = await self.call(self.store.create_list, body.name)
        self.reply(await self.call(list_summary, rl), status=201)


class ListHandler(BaseHandler):
    """``/paperlab/api/lists/{name}``: read (GET), rename (PATCH) or delete (DELETE) a list."""

    @tornado.web.authenticated
    async def get(self, name: str) -> None:
        def work() -> ListDetail:
            revision = self.store.revision()  # before reading: a later change shows as a newer revision
            rl = self.reading_list(name)
            return {"name": rl.name, "revision": revision, "entries": [entry_body(e) for e in rl.entries()]}

        self.reply(await self.call(work))

    @tornado.web.authenticated
    async def patch(self, name: str) -> None:
        body = self.body_as(RenameList)
        rl = await self.call(self.store.rename_list, name, body.name)
        self.reply(await self.call(list_summary, rl))

    @tornado.web.authenticated
    async def delete(self, name: str) -> None:
        await self.call(self.store.delete_list, name)
        self.set_status(204)
        self.finish()


class EntriesHandler(BaseHandler):
    """``POST /paperlab/api/lists/{name}/entries``: add a paper by reference or as JSON."""

    @tornado.web.authenticated
    async def post(self, name: str) -> None:
        body = self.body_as(AddEntry)
        paper = body.target()

        def work() -> Entry:
            rl = self.reading_list(name)
            entry = rl.add(paper, status=body.status, tags=body.tags, note=body.note, position=body.position)
            return entry_body(entry)

        self.reply(await self.call(work), status=201)


def apply_update(rl: ReadingList, paper_id: str, change: UpdateEntry) -> Entry:
    """Make the changes of ``change`` to the entry ``paper_id`` of ``rl``; the entry afterwards.

    The entry is looked up first, so a paper that is not in the list is a 404 before any change.
    """
    pid = rl.entry(paper_id).paper.id
    if change.status is not None:
        rl.set_status(pid, change.status)
    if change.tags is not None:
        drop = [t for t in rl.entry(pid).tags if t not in change.tags]
        if drop:
            rl.untag(pid, *drop)
        if change.tags:
            rl.tag(pid, *change.tags)
    if change.add_tags:
        rl.tag(pid, *change.add_tags)
    if change.remove_tags:
        rl.untag(pid, *change.remove_tags)
    if change.note is not UNSET:
        rl.set_note(pid, change.note)
    if change.position is not None:
        rl.move(pid, change.position)
    return entry_body(rl.entry(pid))


class EntryHandler(BaseHandler):
    """``/paperlab/api/lists/{name}/entries/{paper_id}``: read, change or remove one entry."""

    @tornado.web.authenticated
    async def get(self, name: str, paper_id: str) -> None:
        self.reply(await self.call(lambda: entry_body(self.reading_list(name).entry(paper_id))))

    @tornado.web.authenticated
    async def patch(self, name: str, paper_id: str) -> None:
        change = self.body_as(UpdateEntry)
        self.reply(await self.call(lambda: apply_update(self.reading_list(name), paper_id, change)))

    @tornado.web.authenticated
    async def delete(self, name: str, paper_id: str) -> None:
        await self.call(lambda: self.reading_list(name).remove(paper_id))
        self.set_status(204)
        self.finish()


_EXPORTS: dict[str, tuple[str, str]] = {
    "bibtex": ("application/x-bibtex; charset=UTF-8", "bib"),
    "csl": ("application/vnd.citationstyles.csl+json; charset=UTF-8", "json"),
    "markdown": ("text/markdown; charset=UTF-8", "md"),
}


class ExportHandler(BaseHandler):
    """``GET /paperlab/api/lists/{name}/export?format=bibtex|csl|markdown``: the list as a file."""

    @tornado.web.authenticated
    async def get(self, name: str) -> None:
        fmt = self.get_query_argument("format", "")
        if fmt not in _EXPORTS:
            raise RequestError(400, "invalid", f"query 'format': expected one of {', '.join(_EXPORTS)}, got {fmt!r}")

        def work() -> str:
            rl = self.reading_list(name)
            if fmt == "bibtex":
                return rl.to_bibtex()
            if fmt == "csl":
                return json.dumps(rl.to_csl(), ensure_ascii=False, indent=2)
            return rl.to_markdown()

        text = await self.call(work)
        content_type, ext = _EXPORTS[fmt]
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_") or "reading-list"
        self.set_header("Content-Disposition", f'attachment; filename="{safe}.{ext}"')
        self.finish(text, set_content_type=content_type)


class PapersHandler(BaseHandler):
    """``GET /paperlab/api/papers?q=...&limit=N``: search the store's papers."""

    @tornado.web.authenticated
    async def get(self) -> None:
        query = self.get_query_argument("q", "")
        if not query.strip():
            raise RequestError(400, "invalid", "query 'q': expected one or more words to search for")
        limit = _int_arg(self, "limit") or 50
        if not 1 <= limit <= 500:
            raise RequestError(400, "invalid", f"query 'limit': expected 1 to 500, got {limit}")
        found = await self.call(self.store.search_text, query, limit)
        answer: Papers = {"papers": [p.to_dict() for p in found]}
        self.reply(answer)


class PaperHandler(BaseHandler):
    """``GET /paperlab/api/papers/{paper_id}``: one stored paper and its markdown card."""

    @tornado.web.authenticated
    async def get(self, paper_id: str) -> None:
        paper = await self.call(self.store.get_paper, paper_id)
        if paper is None:
            raise RequestError(404, "not_found", f"no paper {paper_id!r} in the store")
        answer: PaperDetail = {"paper": paper.to_dict(), "markdown": paper.to_markdown()}
        self.reply(answer)


class UnknownRouteHandler(BaseHandler):
    """Any other path under ``/paperlab/api/``: a JSON 404 rather than Jupyter's HTML page."""

    def _unknown(self) -> None:
        raise RequestError(404, "not_found", f"no paperlab API endpoint {self.request.method} {self.request.path}")

    @tornado.web.authenticated
    def get(self, rest: str) -> None:
        self._unknown()

    @tornado.web.authenticated
    def post(self, rest: str) -> None:
        self._unknown()

    @tornado.web.authenticated
    def patch(self, rest: str) -> None:
        self._unknown()

    @tornado.web.authenticated
    def put(self, rest: str) -> None:
        self._unknown()

    @tornado.web.authenticated
    def delete(self, rest: str) -> None:
        self._unknown()


def _int_arg(handler: BaseHandler, name: str) -> int | None:
    value = handler.get_query_argument(name, None)
    if value is None or value == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise RequestError(400, "invalid", f"query {name!r}: expected an integer, got {value!r}") from None


def _float_arg(handler: BaseHandler, name: str, default: float) -> float:
    value = handler.get_query_argument(name, None)
    if value is None or value == "":
        return default
    try:
        return float(value)
    except ValueError:
        raise RequestError(400, "invalid", f"query {name!r}: expected a number, got {value!r}") from None


# The one route table: (path under the base URL, handler). A list name is one URL segment
# (percent-encode '/'); a paper id is the rest of the path, as ids like 'astro-ph/0601001' hold '/'.
_NAME = r"(?P<name>[^/]+)"
ROUTES: list[tuple[str, type[BaseHandler]]] = [
    (f"{API_PREFIX}/revision", RevisionHandler),
    (f"{API_PREFIX}/lists", ListsHandler),
    (f"{API_PREFIX}/lists/{_NAME}", ListHandler),
    (f"{API_PREFIX}/lists/{_NAME}/entries", EntriesHandler),
    (f"{API_PREFIX}/lists/{_NAME}/export", ExportHandler),
    (f"{API_PREFIX}/lists/{_NAME}/entries/(?P<paper_id>.+)", EntryHandler),
    (f"{API_PREFIX}/papers", PapersHandler),
    (f"{API_PREFIX}/papers/(?P<paper_id>.+)", PaperHandler),
    (f"{API_PREFIX}/(?P<rest>.*)", UnknownRouteHandler),  # last: everything else
]


def setup_handlers(web_app: Any, store: Store) -> None:
    """Register :data:`ROUTES` under the server's base URL, with ``store`` in the settings."""
    web_app.settings[STORE_SETTING] = store
    base_url = web_app.settings["base_url"]
    web_app.add_handlers(".*$", [(url_path_join(base_url, path) + "$", handler) for path, handler in ROUTES])

"""REST handlers of the paperlab server extension and their one route table.

Every handler takes the :class:`~paperlab.store.Store` from ``self.settings`` and runs store calls on the
server's own store pool (a write may wait on a kernel holding the SQLite lock), and fetches from arXiv or
Semantic Scholar on the :class:`~paperlab.server.fetching.Fetcher`'s separate, bounded pool with short
deadlines, so neither the event loop nor the other endpoints ever wait on a remote service.
Every verb is authenticated (``@tornado.web.authenticated``) and authorized by the configured Jupyter
``Authorizer`` on the resource ``"paperlab"`` (``@authorized``: GET is ``read``, POST/PATCH/DELETE ``write``).
Errors are answered as JSON ``{"code": ..., "message": ...}`` with the status of their type
(:mod:`paperlab.server.http_errors`). Request and response bodies are the typed models of
:mod:`paperlab.server.models`, validated strictly against the schemas in ``openapi.yaml``.
"""

from __future__ import annotations

import json
import re
import time
import warnings
from typing import Any

import tornado.web
from jupyter_server.auth.decorator import authorized
from jupyter_server.utils import url_path_join

from ..errors import NotFound, ParseError
from ..paper import Paper
from ..services.paperref import paper_code, store_resolver
from ..store import ReadingList, Store
from .base import (
    API_PREFIX,
    AUTH_RESOURCE,
    STATE_SETTING,
    STORE_SETTING,
    STORE_WORKERS,
    WARNINGS_LOCK,
    BaseHandler,
    ServerState,
    float_arg,
    int_arg,
    store_problem,
)
from .http_errors import RequestError
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
    Revision,
    UpdateEntry,
    entry_body,
    list_detail,
    list_summary,
    openapi_spec,
)

__all__ = [
    "API_PREFIX",
    "AUTH_RESOURCE",
    "OPENAPI_PATH",
    "ROUTES",
    "STATE_SETTING",
    "STORE_SETTING",
    "STORE_WORKERS",
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
    "ServerState",
    "UnknownRouteHandler",
    "apply_update",
    "entry_to_dict",
    "openapi_spec",
    "setup_handlers",
    "store_problem",
]

MAX_WAIT_S = 30.0
MAX_QUERY_CHARS = 500  # GET /papers?q=: longest query
MAX_QUERY_WORDS = 32  # and most words (each one is a LIKE condition on three columns)

#: The ``Entry`` body of a reading-list entry (kept under its old name).
entry_to_dict = entry_body


class RevisionHandler(BaseHandler):
    """``GET /paperlab/api/revision[?since=N&timeout=S]``: the store's change counter.

    With ``since``, waits up to ``timeout`` seconds (at most 30) for the revision to pass
    ``since``, so a client can long-poll instead of asking every second. On PostgreSQL the wait ends as
    soon as anyone's change commits (LISTEN/NOTIFY, :mod:`paperlab.server.changes`).
    """

    _gone = False

    def on_connection_close(self) -> None:
        self._gone = True

    @tornado.web.authenticated
    @authorized
    async def get(self) -> None:
        since = int_arg(self, "since")
        timeout = float_arg(self, "timeout", 0.0)
        if not 0 <= timeout <= MAX_WAIT_S:
            raise RequestError(
                400, "invalid", f"query 'timeout': expected 0 to {MAX_WAIT_S:g} seconds, got {timeout:g}"
            )
        deadline = time.monotonic() + timeout
        changes = self.state.changes
        while True:
            waiter = changes.waiter(self.store)  # before reading: a change from here on wakes it
            revision = await self.call(self.store.revision)
            if since is None or revision > since or time.monotonic() >= deadline:
                changes.discard(waiter)
                break
            await changes.wait(waiter, deadline - time.monotonic())
            if self._gone:
                return
        answer: Revision = {"revision": revision}
        self.reply(answer)


class ListsHandler(BaseHandler):
    """``/paperlab/api/lists``: list the reading lists (GET; ``?entries=NAME`` adds that list's entries, or the first
    list's when it is gone, so the panel reads what it shows in one request) or create one (POST)."""

    @tornado.web.authenticated
    @authorized
    async def get(self) -> None:
        asked = self.get_query_argument("entries", None)

        def work() -> Lists:
            revision = self.store.revision()
            names = self.store.lists()
            lists = [list_summary(ReadingList(self.store, name)) for name in names]
            shown = None
            for name in [asked, *names] if asked is not None else []:
                try:
                    shown = list_detail(self.reading_list(name), revision)
                    break
                except NotFound:  # deleted or renamed elsewhere: the next one
                    continue
            return {"lists": lists, "revision": revision, "shown": shown}

        self.reply(await self.call(work))

    @tornado.web.authenticated
    @authorized
    async def post(self) -> None:
        body = self.body_as(CreateList)
        rl = await self.call(self.store.create_list, body.name)
        self.reply(await self.call(list_summary, rl), status=201)


class ListHandler(BaseHandler):
    """``/paperlab/api/lists/{name}``: read (GET), rename (PATCH) or delete (DELETE) a list."""

    @tornado.web.authenticated
    @authorized
    async def get(self, name: str) -> None:
        def work() -> ListDetail:
            revision = self.store.revision()  # before reading: a later change shows as a newer revision
            return list_detail(self.reading_list(name), revision)

        self.reply(await self.call(work))

    @tornado.web.authenticated
    @authorized
    async def patch(self, name: str) -> None:
        body = self.body_as(RenameList)
        rl = await self.call(self.store.rename_list, name, body.name)
        self.reply(await self.call(list_summary, rl))

    @tornado.web.authenticated
    @authorized
    async def delete(self, name: str) -> None:
        await self.call(self.store.delete_list, name)
        self.set_status(204)
        self.finish()


class EntriesHandler(BaseHandler):
    """``POST /paperlab/api/lists/{name}/entries``: add a paper by reference or as JSON.

    A reference the store does not hold is fetched on the fetch pool (see :mod:`paperlab.server.fetching`)
    between two short store calls, so a slow or unreachable arXiv holds no store thread.
    """

    @tornado.web.authenticated
    @authorized
    async def post(self, name: str) -> None:
        body = self.body_as(AddEntry)
        try:
            target = body.target()
        except ParseError:
            raise
        except (TypeError, ValueError, OverflowError) as exc:
            raise RequestError(400, "invalid", f"body['paper']: not a valid paper: {exc}") from None

        def stored() -> Paper | str | None:
            self.reading_list(name)  # 404 for a missing list before anything is fetched
            if isinstance(target, Paper):
                return target
            found = self.store.get_paper(target)
            return found.id if found is not None else None

        paper = await self.call(stored)
        if paper is None:
            assert isinstance(target, str)
            paper = await self.state.fetcher.fetch(target)
        fetched = paper

        def work() -> Entry:
            rl = self.reading_list(name)
            entry = rl.add(fetched, status=body.status, tags=body.tags, note=body.note, position=body.position)
            return entry_body(entry)

        self.reply(await self.call(work), status=201)


def apply_update(rl: ReadingList, paper_id: str, change: UpdateEntry) -> Entry:
    """Make the changes of ``change`` to the entry ``paper_id`` of ``rl`` in one transaction; the entry afterwards.

    Everything is checked before anything is written: a paper not in the list (404) or a bad value (400)
    changes nothing, and two concurrent updates never interleave.
    """
    note: str | None = None if change.note is UNSET else (change.note or "")  # "" clears, None keeps
    return entry_body(
        rl.update(
            paper_id,
            status=change.status,
            tags=change.tags,
            add_tags=change.add_tags,
            remove_tags=change.remove_tags,
            note=note,
            position=change.position,
        )
    )


class EntryHandler(BaseHandler):
    """``/paperlab/api/lists/{name}/entries/{paper_id}``: read, change or remove one entry."""

    @tornado.web.authenticated
    @authorized
    async def get(self, name: str, paper_id: str) -> None:
        self.reply(await self.call(lambda: entry_body(self.reading_list(name).entry(paper_id))))

    @tornado.web.authenticated
    @authorized
    async def patch(self, name: str, paper_id: str) -> None:
        change = self.body_as(UpdateEntry)
        self.reply(await self.call(lambda: apply_update(self.reading_list(name), paper_id, change)))

    @tornado.web.authenticated
    @authorized
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
    @authorized
    async def get(self, name: str) -> None:
        fmt = self.get_query_argument("format", "")
        if fmt not in _EXPORTS:
            raise RequestError(400, "invalid", f"query 'format': expected one of {', '.join(_EXPORTS)}, got {fmt!r}")

        def work() -> str:
            rl = self.reading_list(name)
            if fmt == "bibtex":
                # an empty list's warning is the Python user's; the panel says it (the lock: see WARNINGS_LOCK)
                with WARNINGS_LOCK, warnings.catch_warnings():
                    warnings.simplefilter("ignore", UserWarning)
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
    @authorized
    async def get(self) -> None:
        query = self.get_query_argument("q", "")
        if not query.strip():
            raise RequestError(400, "invalid", "query 'q': expected one or more words to search for")
        if len(query) > MAX_QUERY_CHARS or len(query.split()) > MAX_QUERY_WORDS:
            raise RequestError(
                400,
                "invalid",
                f"query 'q': expected at most {MAX_QUERY_WORDS} words and {MAX_QUERY_CHARS} characters, "
                f"got {len(query.split())} words and {len(query)} characters",
            )
        limit = int_arg(self, "limit") or 50
        if not 1 <= limit <= 500:
            raise RequestError(400, "invalid", f"query 'limit': expected 1 to 500, got {limit}")
        found = await self.call(self.store.search_text, query, limit)
        answer: Papers = {"papers": [p.to_dict() for p in found]}
        self.reply(answer)


class PaperHandler(BaseHandler):
    """``GET /paperlab/api/papers/{paper_id}``: one stored paper, its markdown card and the code cell loading it."""

    @tornado.web.authenticated
    @authorized
    async def get(self, paper_id: str) -> None:
        store = self.store
        paper = await self.call(store.get_paper, paper_id)
        if paper is None:
            raise RequestError(404, "not_found", f"no paper {paper_id!r} in the store")
        code = await self.call(paper_code, paper, store_resolver(store))
        answer: PaperDetail = {"paper": paper.to_dict(), "markdown": paper.to_markdown(), "code": code}
        self.reply(answer)


class UnknownRouteHandler(BaseHandler):
    """Any other path under ``/paperlab/api/``: a JSON 404 rather than Jupyter's HTML page."""

    def _unknown(self) -> None:
        raise RequestError(404, "not_found", f"no paperlab API endpoint {self.request.method} {self.request.path}")

    @tornado.web.authenticated
    @authorized
    def get(self, rest: str) -> None:
        self._unknown()

    @tornado.web.authenticated
    @authorized
    def post(self, rest: str) -> None:
        self._unknown()

    @tornado.web.authenticated
    @authorized
    def patch(self, rest: str) -> None:
        self._unknown()

    @tornado.web.authenticated
    @authorized
    def put(self, rest: str) -> None:
        self._unknown()

    @tornado.web.authenticated
    @authorized
    def delete(self, rest: str) -> None:
        self._unknown()


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


def setup_handlers(web_app: Any, store: Store | ServerState) -> ServerState:
    """Register :data:`ROUTES` under the server's base URL, with the store (and its :class:`ServerState`)
    in the settings; the state, to be closed when the server shuts down."""
    state = store if isinstance(store, ServerState) else ServerState(store)
    web_app.settings[STATE_SETTING] = state
    web_app.settings[STORE_SETTING] = state.store
    base_url = web_app.settings["base_url"]
    web_app.add_handlers(".*$", [(url_path_join(base_url, path) + "$", handler) for path, handler in ROUTES])
    return state

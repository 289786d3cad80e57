"""REST handlers of the paperlab server extension and their one route table.

Every handler takes the :class:`~paperlab.store.Store` from ``self.settings`` and runs
store calls in a worker thread (a write may wait on a kernel holding the SQLite lock,
and adding by id may fetch from arXiv), so the server's event loop never blocks.
Errors are answered as JSON ``{"code": ..., "message": ...}`` with a matching status.
Request bodies are validated against the schemas in ``openapi.yaml``.
"""

from __future__ import annotations

import asyncio
import functools
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import tornado.web
from jupyter_server.base.handlers import APIHandler
from jupyter_server.utils import url_path_join

from ..errors import FetchError, ParseError, StoreError
from ..paper import Paper
from ..store import STATUSES, ListEntry, ReadingList, Store

__all__ = [
    "API_PREFIX",
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
    "RevisionHandler",
    "RequestError",
    "UnknownRouteHandler",
    "entry_to_dict",
    "openapi_spec",
    "setup_handlers",
]

API_PREFIX = "paperlab/api"
STORE_SETTING = "paperlab_store"
OPENAPI_PATH = Path(__file__).with_name("openapi.yaml")
MAX_WAIT_S = 30.0
_POLL_S = 0.2

T = TypeVar("T")


class RequestError(Exception):
    """A request the client got wrong: answered with ``status`` and ``{code, message}``.

    Parameters
    ----------
    status : int
        HTTP status.
    code : str
        Short machine-readable kind (``"invalid"``, ``"not_found"``, ...).
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


# -- request validation against openapi.yaml ------------------------------------------------------
@functools.lru_cache(maxsize=1)
def openapi_spec() -> dict[str, Any]:
    """The parsed ``openapi.yaml`` of this extension."""
    import yaml

    return yaml.safe_load(OPENAPI_PATH.read_text(encoding="utf-8"))


@functools.cache
def _validator(schema_name: str) -> Any:
    from jsonschema import Draft202012Validator

    spec = openapi_spec()
    return Draft202012Validator({"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]})


def _validate(body: Any, schema_name: str) -> None:
    errors = sorted(_validator(schema_name).iter_errors(body), key=lambda e: list(e.absolute_path))
    if errors:
        parts = []
        for err in errors[:3]:
            where = "body" + "".join(f"[{p!r}]" if isinstance(p, str) else f"[{p}]" for p in err.absolute_path)
            message = err.message
            if err.validator == "oneOf" and not err.absolute_path:
                message = "give either 'ref' (an id, URL or DOI) or 'paper' (a paper object), not both"
            elif err.validator == "pattern":
                message = f"{err.instance!r} must not be blank"
            parts.append(f"{where}: {message}")
        raise RequestError(400, "invalid", "; ".join(parts))


# -- mapping store errors to HTTP --------------------------------------------------------------------
_NOT_FOUND = re.compile(
    r"\bno reading list named\b|\bno paper\b|\bis not in reading list\b|\bno stored paper\b"
    r"|\bhas no paper\b"
)
_CONFLICT = re.compile(r"\balready exists\b")
_UNAVAILABLE = re.compile(r"\bstayed locked\b|\bcannot open the store\b")


def _store_error_status(exc: StoreError) -> tuple[int, str]:
    text = str(exc)
    if _NOT_FOUND.search(text):
        return 404, "not_found"
    if _CONFLICT.search(text):
        return 409, "conflict"
    if _UNAVAILABLE.search(text):
        return 503, "internal"
    return 400, "invalid"


def entry_to_dict(entry: ListEntry) -> dict[str, Any]:
    """JSON shape of a reading-list entry (the ``Entry`` schema of ``openapi.yaml``)."""
    return {
        "paper": entry.paper.to_dict(),
        "position": entry.position,
        "status": entry.status,
        "tags": list(entry.tags),
        "note": entry.note,
        "added": entry.added.isoformat(),
        "updated": entry.updated.isoformat(),
    }


def _list_summary(rl: ReadingList) -> dict[str, Any]:
    entries = rl.entries()
    counts = {s: 0 for s in STATUSES}
    for e in entries:
        counts[e.status] = counts.get(e.status, 0) + 1
    return {"name": rl.name, "size": len(entries), "counts": counts}


# -- handlers ---------------------------------------------------------------------------------------------
class BaseHandler(APIHandler):
    """Base of every paperlab handler: the store, JSON bodies, errors as ``{code, message}``."""

    @property
    def store(self) -> Store:
        """The :class:`Store` this server extension was loaded with."""
        return self.settings[STORE_SETTING]

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a (blocking) store call in a worker thread."""
        return await asyncio.to_thread(fn, *args, **kwargs)

    def json_body(self, schema_name: str) -> dict[str, Any]:
        """The request body parsed as JSON and validated against ``schema_name``."""
        raw = self.request.body or b""
        if not raw.strip():
            raise RequestError(400, "invalid", "expected a JSON object as the request body, got nothing")
        try:
            body = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise RequestError(400, "invalid", f"the request body is not valid JSON: {exc}") from None
        if not isinstance(body, dict):
            raise RequestError(400, "invalid", f"expected a JSON object as the request body, got {type(body).__name__}")
        _validate(body, schema_name)
        return body

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
        if isinstance(e, RequestError):
            self.send_error(e.status, exc_info=(type(e), e, e.__traceback__))
            return
        if isinstance(e, StoreError):
            status, code = _store_error_status(e)
            self._handle_request_exception(RequestError(status, code, str(e)))
            return
        if isinstance(e, ParseError):
            self._handle_request_exception(RequestError(400, "invalid", str(e)))
            return
        if isinstance(e, FetchError):
            self._handle_request_exception(RequestError(502, "fetch_failed", str(e)))
            return
        super()._handle_request_exception(e)


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
        self.reply({"revision": revision})


class ListsHandler(BaseHandler):
    """``/paperlab/api/lists``: list the reading lists (GET) or create one (POST)."""

    @tornado.web.authenticated
    async def get(self) -> None:
        def work() -> dict[str, Any]:
            revision = self.store.revision()
            lists = [_list_summary(ReadingList(self.store, name)) for name in self.store.lists()]
            return {"lists": lists, "revision": revision}

        self.reply(await self.call(work))

    @tornado.web.authenticated
    async def post(self) -> None:
        body = self.json_body("CreateList")
        rl = await self.call(self.store.create_list, body["name"])
        self.reply(await self.call(_list_summary, rl), status=201)


class ListHandler(BaseHandler):
    """``/paperlab/api/lists/{name}``: read (GET), rename (PATCH) or delete (DELETE) a list."""

    @tornado.web.authenticated
    async def get(self, name: str) -> None:
        def work() -> dict[str, Any]:
            revision = self.store.revision()  # before reading: a later change shows as a newer revision
            rl = self.reading_list(name)
            return {"name": rl.name, "revision": revision, "entries": [entry_to_dict(e) for e in rl.entries()]}

        self.reply(await self.call(work))

    @tornado.web.authenticated
    async def patch(self, name: str) -> None:
        body = self.json_body("RenameList")
        rl = await self.call(self.store.rename_list, name, body["name"])
        self.reply(await self.call(_list_summary, rl))

    @tornado.web.authenticated
    async def delete(self, name: str) -> None:
        await self.call(self.store.delete_list, name)
        self.set_status(204)
        self.finish()


class EntriesHandler(BaseHandler):
    """``POST /paperlab/api/lists/{name}/entries``: add a paper by reference or as JSON."""

    @tornado.web.authenticated
    async def post(self, name: str) -> None:
        body = self.json_body("AddEntry")
        paper: Paper | str = Paper.from_dict(body["paper"]) if "paper" in body else body["ref"].strip()

        def work() -> dict[str, Any]:
            rl = self.reading_list(name)
            entry = rl.add(
                paper,
                status=body.get("status"),
                tags=body.get("tags", ()),
                note=body.get("note"),
                position=body.get("position"),
            )
            return entry_to_dict(entry)

        self.reply(await self.call(work), status=201)


class EntryHandler(BaseHandler):
    """``/paperlab/api/lists/{name}/entries/{paper_id}``: read, change or remove one entry."""

    @tornado.web.authenticated
    async def get(self, name: str, paper_id: str) -> None:
        self.reply(await self.call(lambda: entry_to_dict(self.reading_list(name).entry(paper_id))))

    @tornado.web.authenticated
    async def patch(self, name: str, paper_id: str) -> None:
        body = self.json_body("UpdateEntry")

        def work() -> dict[str, Any]:
            rl = self.reading_list(name)
            pid = rl.entry(paper_id).paper.id  # 404 before any change when the paper is not in the list
            if "status" in body:
                rl.set_status(pid, body["status"])
            if "tags" in body:
                wanted = [t.strip() for t in body["tags"]]
                old = rl.entry(pid).tags
                drop = [t for t in old if t not in wanted]
                if drop:
                    rl.untag(pid, *drop)
                if wanted:
                    rl.tag(pid, *wanted)
            if body.get("add_tags"):
                rl.tag(pid, *body["add_tags"])
            if body.get("remove_tags"):
                rl.untag(pid, *body["remove_tags"])
            if "note" in body:
                note = body["note"]
                rl.set_note(pid, note if note and note.strip() else None)
            if "position" in body:
                rl.move(pid, body["position"])
            return entry_to_dict(rl.entry(pid))

        self.reply(await self.call(work))

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
        self.reply({"papers": [p.to_dict() for p in found]})


class PaperHandler(BaseHandler):
    """``GET /paperlab/api/papers/{paper_id}``: one stored paper and its markdown card."""

    @tornado.web.authenticated
    async def get(self, paper_id: str) -> None:
        paper = await self.call(self.store.get_paper, paper_id)
        if paper is None:
            raise RequestError(404, "not_found", f"no paper {paper_id!r} in the store")
        self.reply({"paper": paper.to_dict(), "markdown": paper.to_markdown()})


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

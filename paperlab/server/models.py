"""Typed REST bodies of the paperlab server: one model per schema of ``openapi.yaml``.

Request bodies are frozen dataclasses, parsed by :func:`parse_body` from JSON that has first been
validated against the schema of the same name (so a bad body is a 400 naming the field); response
bodies are :class:`~typing.TypedDict` s built by the functions below. ``tests/test_server_models.py``
checks that every model here and its ``openapi.yaml`` schema have the same keys. The ``Paper`` and
``SourceRecord`` schemas are generated from the dataclasses by :mod:`paperlab.schema`.
"""

from __future__ import annotations

import enum
import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol, TypedDict, TypeVar

from ..paper import Paper
from ..services.listview import contributors, provenance
from ..store import STATUSES, ListEntry, ReadingList
from .http_errors import RequestError

__all__ = [
    "OPENAPI_PATH",
    "UNSET",
    "AddEntry",
    "CreateList",
    "Entry",
    "ErrorBody",
    "ListDetail",
    "ListSummary",
    "Lists",
    "MAX_BODY_BYTES",
    "MAX_DEPTH",
    "MAX_TEXT",
    "PaperDetail",
    "PaperJSON",
    "Papers",
    "RenameList",
    "RequestModel",
    "Revision",
    "UpdateEntry",
    "entry_body",
    "list_summary",
    "load_json",
    "openapi_spec",
    "parse_body",
    "validate",
]

OPENAPI_PATH = Path(__file__).with_name("openapi.yaml")

#: Largest request body accepted (413 ``too_large`` beyond).
MAX_BODY_BYTES = 1 << 20
#: Deepest nesting of arrays and objects accepted in a request body (a paper needs 4).
MAX_DEPTH = 32
#: Longest string accepted anywhere in a request body, in characters (an abstract, a note); 413 beyond.
MAX_TEXT = 100_000
#: Integers must fit here (JavaScript's safe integers; SQLite's are wider).
MAX_INT = 2**53 - 1

#: A paper on the wire: ``Paper.to_dict()`` (the generated ``Paper`` schema, ``IPaper`` in TypeScript).
PaperJSON = dict[str, Any]


class _Unset(enum.Enum):
    UNSET = "unset"


#: An optional request key that was not given (``note: null`` is a value: "clear the note").
UNSET = _Unset.UNSET


# -- validation against openapi.yaml ------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def openapi_spec() -> dict[str, Any]:
    """The parsed ``openapi.yaml`` of this extension."""
    import yaml

    spec: dict[str, Any] = yaml.safe_load(OPENAPI_PATH.read_text(encoding="utf-8"))
    return spec


def _is_integer(checker: Any, instance: Any) -> bool:
    """JSON Schema's ``integer``, strictly: a bool or a float (even ``1.0``) is not one."""
    return isinstance(instance, int) and not isinstance(instance, bool)


@functools.cache
def _validator(schema_name: str) -> Any:
    from jsonschema import Draft202012Validator, validators

    strict = validators.extend(
        Draft202012Validator, type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer)
    )
    spec = openapi_spec()
    return strict({"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]})


def validate(body: Any, schema_name: str) -> None:
    """Check ``body`` against the ``openapi.yaml`` schema ``schema_name``.

    Raises
    ------
    RequestError
        400 ``invalid``, naming up to three offending places (``body['status']: ...``).
    """
    errors = sorted(_validator(schema_name).iter_errors(body), key=lambda e: list(e.absolute_path))
    if not errors:
        return
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


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > 16 or abs(int(text)) > MAX_INT:
        raise RequestError(
            400, "invalid", f"the number {text[:40]} in the request body is out of range (at most ±2^53-1)"
        )
    return int(text)


def _json_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise RequestError(400, "invalid", f"the number {text[:40]} in the request body is out of range")
    return value


def _json_constant(name: str) -> Any:
    raise RequestError(400, "invalid", f"the request body is not valid JSON: {name} is not a JSON number")


def load_json(raw: bytes) -> Any:
    """``raw`` parsed as strict JSON: UTF-8, finite numbers, integers within ±2^53-1, at most :data:`MAX_DEPTH`
    levels of nesting, every string valid Unicode (no lone surrogate) of at most :data:`MAX_TEXT` characters.

    Raises
    ------
    RequestError
        400 ``invalid`` naming the problem (and where it is), 413 ``too_large`` for an overlong string.
    """
    try:
        body = json.loads(
            raw.decode("utf-8"), parse_int=_json_int, parse_float=_json_float, parse_constant=_json_constant
        )
    except UnicodeDecodeError as exc:
        raise RequestError(400, "invalid", f"the request body is not UTF-8: {exc}") from None
    except json.JSONDecodeError as exc:
        raise RequestError(400, "invalid", f"the request body is not valid JSON: {exc}") from None
    except RecursionError:
        raise RequestError(400, "invalid", f"the request body nests deeper than {MAX_DEPTH} levels") from None
    _check_values(body)
    return body


def _where(path: tuple[str | int, ...]) -> str:
    return "body" + "".join(f"[{p!r}]" if isinstance(p, str) else f"[{p}]" for p in path)


def _check_values(body: Any) -> None:
    """Walk ``body`` without recursion: nesting depth, string lengths and lone surrogates (keys too)."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(body, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            raise RequestError(
                400, "invalid", f"{_where(path[:MAX_DEPTH])}: the request body nests deeper than {MAX_DEPTH} levels"
            )
        if isinstance(value, str):
            _check_text(value, path)
        elif isinstance(value, dict):
            for key, item in value.items():
                _check_text(key, (*path, key))
                stack.append((item, (*path, key)))
        elif isinstance(value, list):
            stack.extend((item, (*path, i)) for i, item in enumerate(value))


def _check_text(text: str, path: tuple[str | int, ...]) -> None:
    if len(text) > MAX_TEXT:
        raise RequestError(413, "too_large", f"{_where(path)}: expected at most {MAX_TEXT} characters, got {len(text)}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = text[exc.start : exc.end].encode("unicode_escape").decode("ascii")
        raise RequestError(
            400, "invalid", f"{_where(path)}: expected valid Unicode text, got a lone surrogate {bad}"
        ) from None


class RequestModel(Protocol):
    """A request body model: its ``openapi.yaml`` schema name and a constructor from validated JSON."""

    SCHEMA: ClassVar[str]

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> Any: ...


M = TypeVar("M", bound=RequestModel)


def parse_body(raw: bytes | None, model: type[M]) -> M:
    """The request body ``raw`` as ``model``: parsed as JSON, validated against ``model.SCHEMA``.

    Raises
    ------
    RequestError
        400 ``invalid`` for an empty body, bad JSON, a non-object or a body the schema rejects.
    """
    raw = raw or b""
    if not raw.strip():
        raise RequestError(400, "invalid", "expected a JSON object as the request body, got nothing")
    body = load_json(raw)
    if not isinstance(body, dict):
        raise RequestError(400, "invalid", f"expected a JSON object as the request body, got {type(body).__name__}")
    validate(body, model.SCHEMA)
    parsed: M = model.from_json(body)
    return parsed


# -- request bodies ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CreateList:
    """``POST /lists``: the new list's name."""

    SCHEMA: ClassVar[str] = "CreateList"
    name: str

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> CreateList:
        return cls(name=body["name"])


@dataclass(frozen=True)
class RenameList:
    """``PATCH /lists/{name}``: the list's new name."""

    SCHEMA: ClassVar[str] = "RenameList"
    name: str

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> RenameList:
        return cls(name=body["name"])


@dataclass(frozen=True)
class AddEntry:
    """``POST /lists/{name}/entries``: a paper by reference (``ref``) or as JSON (``paper``), and its entry."""

    SCHEMA: ClassVar[str] = "AddEntry"
    ref: str | None = None
    paper: PaperJSON | None = None
    status: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None
    position: int | None = None

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> AddEntry:
        return cls(
            ref=body.get("ref"),
            paper=body.get("paper"),
            status=body.get("status"),
            tags=tuple(body.get("tags", ())),
            note=body.get("note"),
            position=body.get("position"),
        )

    def target(self) -> Paper | str:
        """What to add: the :class:`Paper` read from ``paper`` (ParseError when bad), else the stripped ``ref``."""
        if self.paper is not None:
            return Paper.from_dict(self.paper)
        return (self.ref or "").strip()


@dataclass(frozen=True)
class UpdateEntry:
    """``PATCH /lists/{name}/entries/{id}``: the changes to make; :data:`UNSET` (or empty) ones are left alone."""

    SCHEMA: ClassVar[str] = "UpdateEntry"
    status: str | None = None
    tags: tuple[str, ...] | None = None  # replaces every tag (stripped); None: unchanged
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    note: str | None | _Unset = UNSET  # None or blank clears the note
    position: int | None = None

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> UpdateEntry:
        note: str | None | _Unset = body["note"] if "note" in body else UNSET
        if isinstance(note, str) and not note.strip():
            note = None
        return cls(
            status=body.get("status"),
            tags=tuple(t.strip() for t in body["tags"]) if "tags" in body else None,
            add_tags=tuple(body.get("add_tags") or ()),
            remove_tags=tuple(body.get("remove_tags") or ()),
            note=note,
            position=body.get("position"),
        )


# -- response bodies ----------------------------------------------------------------------------------------
class ErrorBody(TypedDict):
    """Every error answer: ``{code, message}`` (the ``Error`` schema)."""

    code: str
    message: str


class Revision(TypedDict):
    """``GET /revision``."""

    revision: int


class ListSummary(TypedDict):
    """A reading list with its size and entries per status."""

    name: str
    size: int
    counts: dict[str, int]


class Entry(TypedDict):
    """One paper in a reading list; ``added_by`` / ``updated_by`` name who added it and who last changed it
    (null for entries written before paperlab recorded it), ``provenance`` says it for display (in a list's answer
    only when several people edited the list, as ``%readinglist`` shows it: "" in a one-person list)."""

    paper: PaperJSON
    position: int
    status: str
    tags: list[str]
    note: str | None
    added: str
    updated: str
    added_by: str | None
    updated_by: str | None
    provenance: str


class ListDetail(TypedDict):
    """``GET /lists/{name}``."""

    name: str
    revision: int
    entries: list[Entry]


class Lists(TypedDict):
    """``GET /lists``; with ``?entries=NAME``, ``shown`` holds that list's entries (or the first list's when it is
    gone: deleted or renamed elsewhere), read with the names in one request; null without ``entries`` or when there
    is no list at all."""

    lists: list[ListSummary]
    revision: int
    shown: ListDetail | None


class Papers(TypedDict):
    """``GET /papers?q=``."""

    papers: list[PaperJSON]


class PaperDetail(TypedDict):
    """``GET /papers/{id}``: the paper, its markdown card, and the code cell that loads it (``paperlab.paper(REF)``
    with its arXiv id, DOI or citation key when one names it: :func:`paperlab.services.paperref.paper_code`)."""

    paper: PaperJSON
    markdown: str
    code: str


def entry_body(entry: ListEntry, show_who: bool = True) -> Entry:
    """The ``Entry`` body of a reading-list entry; ``show_who=False``: its ``provenance`` "" (a one-person list)."""
    return {
        "paper": entry.paper.to_dict(),
        "position": entry.position,
        "status": entry.status,
        "tags": list(entry.tags),
        "note": entry.note,
        "added": entry.added.isoformat(),
        "updated": entry.updated.isoformat(),
        "added_by": entry.added_by,
        "updated_by": entry.updated_by,
        "provenance": provenance(entry) if show_who else "",
    }


def list_detail(rl: ReadingList, revision: int) -> ListDetail:
    """The ``ListDetail`` body of a reading list (``provenance`` only in a list several people edited)."""
    entries = rl.entries()
    team = len(contributors(entries)) > 1  # "Added by" tells something only in a list several people edit
    return {"name": rl.name, "revision": revision, "entries": [entry_body(e, team) for e in entries]}


def list_summary(rl: ReadingList) -> ListSummary:
    """The ``ListSummary`` body of a reading list (reads its entries)."""
    entries = rl.entries()
    counts = {s: 0 for s in STATUSES}
    for e in entries:
        counts[e.status] = counts.get(e.status, 0) + 1
    return {"name": rl.name, "size": len(entries), "counts": counts}

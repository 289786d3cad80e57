"""The ``papers`` table row of a :class:`Paper`, and the SQL that writes and searches it.

The ``data`` column holds :meth:`Paper.to_dict` as compact JSON; ``arxiv_id``, the lowercase
``doi``, ``title``, a 64-bit ``title_hash`` and ``published`` are indexed copies.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import orjson

from ..paper import Paper
from .keys import title_hash, title_key

__all__ = ["INSERT", "UPSERT", "load_paper", "paper_row"]

_PAPER_FIELDS = tuple(f.name for f in dataclasses.fields(Paper))
_PLAIN_DATE = (dt.date, type(None))
_json_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":")).encode

INSERT = """
INSERT INTO papers(id, arxiv_id, doi, title, title_hash, published, updated_at, data)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
"""
UPSERT = """
INSERT INTO papers(id, arxiv_id, doi, title, title_hash, published, updated_at, data)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET
    arxiv_id = excluded.arxiv_id, doi = excluded.doi, title = excluded.title,
    title_hash = excluded.title_hash, published = excluded.published,
    updated_at = excluded.updated_at, data = excluded.data
"""


def load_paper(data: str) -> Paper:
    """The paper of a ``data`` column."""
    return Paper.from_dict(json.loads(data))


def _dumps(p: Paper, data: dict[str, Any]) -> str:
    """``data`` (the wire dict of ``p``) as compact JSON; orjson is several times faster."""
    try:
        return orjson.dumps(data).decode("utf-8")
    except TypeError:  # e.g. an integer beyond 64 bits in ``extra``: the plain encoder of to_dict()
        return _json_encode(_wire(p))


def _wire(p: Paper) -> dict[str, Any]:
    """:meth:`Paper.to_dict` without its defensive copies (the dict goes straight to JSON)."""
    out: dict[str, Any] = {}
    for name in _PAPER_FIELDS:
        value = getattr(p, name)
        if name == "sources":
            value = [s.to_dict() for s in value]
        elif isinstance(value, dt.date):
            value = value.isoformat()
        out[name] = value
    return out


_UNSET: Any = object()


def paper_row(p: Paper, now: str, hashed: int | None = _UNSET) -> tuple[Any, ...]:
    """The ``papers`` row of ``p``; ``hashed`` is its title hash when the caller already computed it."""
    data = p.__dict__.copy()  # the fields in declaration order, as the dataclass __init__ set them
    published, updated = data.get("published"), data.get("updated")
    if tuple(data) == _PAPER_FIELDS and type(published) in _PLAIN_DATE and type(updated) in _PLAIN_DATE:
        # :func:`_wire` in one dict copy: orjson writes a date exactly as ``date.isoformat()``
        data["sources"] = [s.to_dict() for s in data["sources"]]
        if published is not None:
            published = published.isoformat()
    else:  # e.g. a datetime assigned to ``published`` after construction
        data = _wire(p)
        published = data["published"]
    if hashed is _UNSET:
        norm = title_key(p.title)
        hashed = title_hash(norm) if norm else None
    doi = p.doi
    return (
        p.id,
        p.arxiv_id,
        doi.lower() if doi else None,
        p.title,
        hashed,
        published,
        now,
        _dumps(p, data),
    )

"""The message refusing a JSON document of no shape paperlab reads: what it holds, and what was expected.

A module of its own so that format detection (:mod:`paperlab.sources`) stays small.
"""

from __future__ import annotations

from typing import Any

from ..text import plural

__all__ = ["unknown_json_message"]

_EXPECTED = (
    "expected Hugging Face daily papers, Semantic Scholar Graph API papers (objects with 'paperId', as a list or in "
    "{\"data\": [...]}), CSL-JSON (items with 'type' and 'title', authors as name objects), Zotero, OpenAlex "
    '({"results": [...], "meta": {...}}), paperlab\'s own export ({"paperlab": 1, "papers": [...]}) or a list of '
    "papers written by hand (objects with a 'title', as a list, under keys of an object or keyed by citation key: "
    '{"papers": [...]}, {"resolved": {"smith2020": {...}}}); records of another shape '
    "can be saved as CSV with a 'title' column"
)


def unknown_json_message(data: Any) -> str:
    """Why ``data`` is refused: its shape (:func:`json_shape`) and the shapes paperlab reads."""
    return f"JSON of unknown shape ({json_shape(data)}): {_EXPECTED}"


def json_shape(data: Any) -> str:
    """What a JSON document holds: "an object whose 'articles' is a list of 1 object with keys 'id', 'title', …"
    (its first list of objects), "a list of 3 objects with keys …", "an object with keys …".

    >>> json_shape({"total": 1, "tags": ["a"], "articles": [{"id": 1, "title": "T"}]})
    "an object whose 'articles' is a list of 1 object with keys 'id', 'title'"
    """
    if isinstance(data, list):
        return _listing(data)
    if not isinstance(data, dict):
        return f"a JSON {type(data).__name__}"
    lists = [k for k, v in data.items() if isinstance(v, list) and v]
    lists.sort(key=lambda k: not any(isinstance(x, dict) for x in data[k]))  # a list of records first
    if lists:
        return f"an object whose {lists[0]!r} is {_listing(data[lists[0]])}"
    return f"an object with {_keys(data)}"


def _keys(obj: dict[str, Any]) -> str:
    names = [repr(k) for k in list(obj)[:6]]
    return "keys " + ", ".join(names + (["…"] if len(obj) > 6 else [])) if obj else "no keys"


def _listing(items: list[Any]) -> str:
    if not items:
        return "an empty list"
    first = next((x for x in items if isinstance(x, dict)), None)
    if first is None:
        return f"a list of {plural(len(items), 'value')} that are not objects"
    return f"a list of {plural(len(items), 'object')} with {_keys(first)}"

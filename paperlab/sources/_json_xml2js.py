"""Records of an XML feed converted to JSON by xml2js or a tool like it (an arXiv Atom feed saved as JSON): an
element's text under ``"_"`` beside its attributes under ``"$"`` (``"arxiv:doi": {"_": "10.…", "$": {…}}``), an
element of attributes alone as ``{"$": {"href": …}}``, and names carrying their namespace's prefix
(``arxiv:journal_ref``). :func:`plain_record` gives such a record as the plain one a paper list writes: the text for
the element, the attributes for an element of attributes, the name without its prefix where the record has no such
key of its own, and an entry's ``id`` that is an arXiv abstract's address as its ``arxiv`` id.

Used by :mod:`paperlab.sources.json_list` (a module of its own so that it stays small).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["plain_record"]

# a prefixed name's plain key when a paper list names that field otherwise ("journal_ref": the journal reference)
_RENAMED = {"journal_ref": "journal"}
_ARXIV_ABS = re.compile(r"^https?://(?:export\.)?arxiv\.org/abs/\S+$", re.I)


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict) and ("_" in value or "$" in value) and set(value) <= {"_", "$"}:
        text = value.get("_")
        return text if isinstance(text, str) else _plain(value.get("$"))
    return value


def plain_record(item: dict[str, Any]) -> dict[str, Any]:
    """``item`` with its xml2js-shaped values and prefixed names made plain; any other record as it is."""
    shaped = any(
        ":" in str(k)
        or isinstance(v, dict)
        and "$" in v
        or isinstance(v, list)
        and any(isinstance(x, dict) and "$" in x for x in v)
        for k, v in item.items()
    )
    if not shaped:
        return item
    out: dict[str, Any] = {}
    for key, value in item.items():
        name = str(key).rsplit(":", 1)[-1] if ":" in str(key) else str(key)
        name = _RENAMED.get(name, name)
        out[name if name not in item and name not in out else str(key)] = _plain(value)
    entry = out.get("id")
    if isinstance(entry, str) and _ARXIV_ABS.match(entry.strip()) and "arxiv" not in out:
        out["arxiv"] = entry.strip()  # an Atom entry's id: the abstract page of its arXiv id and version
    return out

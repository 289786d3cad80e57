"""YAML schedules kept by term and written as flow mappings (``2026_2:`` then ``- {date: 14/08, speaker: Ada Quill,
links: [https://…]}`` per meeting): every term's list of meetings (not only the first), and, when one value breaks
the YAML (``speaker: Bo Renn — Seminar: Title`` holds a ": "), the records read line by line, a value up to the next
top-level comma. Used by :mod:`._schedule_tables`; imports nothing of the schedule readers."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["flow_records", "term_lists"]

_KEY = re.compile(r"^(?P<key>[^\s#:-][^:#]*?)\s*:\s*$")  # "2026_2:" on its own line
_FLOW_ITEM = re.compile(r"^\s*-\s*\{(?P<body>.*)\}\s*$")  # "  - {date: 14/08, speaker: …}"


def _split(body: str) -> list[str]:
    """The parts of a flow mapping's body at its top-level commas (not those inside brackets or quotes)."""
    parts, depth, quote, start = [], 0, "", 0
    for k, ch in enumerate(body):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(body[start:k])
            start = k + 1
    return [*parts, body[start:]]


def _value(text: str) -> Any:
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        return [v.strip().strip("\"'") for v in _split(text[1:-1]) if v.strip()]
    return text.strip("\"'")


def flow_records(text: str) -> dict[str, list[dict[str, Any]]] | list[dict[str, Any]] | None:
    """The meetings of a YAML file of one flow mapping per line, under term keys or not, read without YAML's rules
    for plain values (``key: value`` up to the next top-level comma); None when a line is neither such a record, a
    key line, a comment nor blank."""
    terms: dict[str, list[dict[str, Any]]] = {}
    key = ""
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if m := _KEY.match(line):
            key = m.group("key").strip("\"'")
            terms.setdefault(key, [])
            continue
        if (m := _FLOW_ITEM.match(line)) is None:
            return None
        fields = [part.partition(":") for part in _split(m.group("body")) if part.strip()]
        terms.setdefault(key, []).append({k.strip(): _value(v) for k, sep, v in fields if sep and k.strip()})
    if not any(terms.values()):
        return None
    return terms[""] if list(terms) == [""] else {k: v for k, v in terms.items() if k}


def term_lists(doc: Any, best: list[Any]) -> list[tuple[str | None, list[Any]]]:
    """The meeting lists of a YAML document as (term, meetings): the list chosen as the meetings and every sibling
    list under another key whose records have the same fields (``2026_1:``, ``2025_2:``), each with its key; the
    chosen list alone, without a term, when it has no such siblings."""
    if not isinstance(doc, dict) or not best:
        return [(None, best)]
    fields = {k for x in best if isinstance(x, dict) for k in x}
    same: list[tuple[str | None, list[Any]]] = [
        (_term(k), v)
        for k, v in doc.items()
        if isinstance(v, list) and v and {f for x in v if isinstance(x, dict) for f in x} == fields
    ]
    return same if len(same) > 1 and any(v is best for _, v in same) else [(None, best)]


def _term(key: Any) -> str:
    """A term key as written: YAML 1.1 reads ``2026_2:`` as the number 20262, which is the year 2026's term 2."""
    if isinstance(key, int) and not isinstance(key, bool) and re.fullmatch(r"(?:19|20)\d{2}[1-4]", str(key)):
        return f"{str(key)[:4]}_{str(key)[4]}"
    return str(key)

"""A home-made JSON paper list written as an array of citation strings (:mod:`paperlab.sources.json_list`):
``["Quill, Ada. \\"Lanterns in the Fog.\\" Journal of Lanterns 3, no. 2 (2021): 1–10.", "Okafor, D. (2020). …"]``.
Each string is read as the reference it writes out (a Chicago one with its title in quotes here, any other style by
:func:`._json_written.written_fields`); a string that reads as no reference is kept as it is, so the list's reader
skips it as untitled and names it. A list is read so only when at least half its strings (and two) give a title and
authors: a list of keywords, tags or bare DOIs is none."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ._json_written import written_fields

__all__ = ["citation_records"]

# a Chicago reference with its title in quotes: 'Family, Given. "Title." Journal 52, no. 1 (1998): 49–60.'
_QUOTED = re.compile(
    r"(?P<by>[^\d\"“”()]{2,200}?)\.\s+[\"“](?P<title>[^\"“”]{3,400}?)[.,?!]?[\"”]\s*[.,]?\s*(?P<rest>.*)", re.S
)
_YEAR = re.compile(r"(?<!\d)((?:1[5-9]|20)\d\d)(?!\d)")
_VENUE_END = re.compile(r",?\s+\d|,\s*(?:edited|translated|vol|no)\b|\s*\(", re.I)


def citation_records(
    items: list[Any], titled: Callable[[dict[str, Any]], bool], field_of: Callable[[Any], str | None]
) -> list[Any] | None:
    """The records of a list of citation strings (see the module), each ``{"citation": text}`` with the fields the
    text writes out; None when ``items`` is no such list."""
    if len(items) < 2 or not all(isinstance(x, str) for x in items):
        return None
    records = [_record(text, titled, field_of) for text in items]
    read = sum(1 for r in records if r.get("title") and r.get("authors"))
    return records if read >= 2 and 2 * read >= len(records) else None


def _record(
    text: str, titled: Callable[[dict[str, Any]], bool], field_of: Callable[[Any], str | None]
) -> dict[str, Any]:
    text = " ".join(text.split())
    if m := _QUOTED.fullmatch(text):
        rest = m.group("rest")
        years = _YEAR.findall(rest)
        venue = _VENUE_END.split(re.sub(r"^In\s+", "", rest), maxsplit=1)[0].strip(" .,:;")
        fields = {"title": m.group("title").strip(), "authors": m.group("by").strip(), "venue": venue or None}
        return {"citation": text, **{k: v for k, v in fields.items() if v}, **({"year": years[0]} if years else {})}
    return written_fields({"citation": text}, titled, field_of)

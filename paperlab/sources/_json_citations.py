"""A home-made JSON paper list written as an array of citation strings (:mod:`paperlab.sources.json_list`):
``["Quill, Ada. \\"Lanterns in the Fog.\\" Journal of Lanterns 3, no. 2 (2021): 1–10.", "Okafor, D. (2020). …"]``.
Each string is read as the reference it writes out, by :func:`._json_written.written_fields` (the one reader of
references written out in JSON: titles in quotes as Chicago, MLA and IEEE write them, APA, "Authors. Title. Venue");
a string that reads as no reference is kept as it is, so the list's reader skips it as untitled and names it. A list is read so only when at least half its strings (and two) give a title and
authors: a list of keywords, tags or bare DOIs is none."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._json_written import written_fields

__all__ = ["citation_records"]


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
    """``{"citation": text}`` with the fields the text writes out (:func:`._json_written.written_fields`)."""
    return written_fields({"citation": " ".join(text.split())}, titled, field_of)

"""The middleware stack bibtexparser reads a file with (:func:`parse_stack`), and BibTeX's ``#`` concatenation
(``MACRO # { and more}``), which bibtexparser 2.1 keeps raw, resolved."""

from __future__ import annotations

from typing import Any

from bibtexparser import middlewares as bm
from bibtexparser.library import Library as BibLibrary
from bibtexparser.middlewares.middleware import LibraryMiddleware

from .fields import (
    KeepFirstOfRepeatedFields,
    SeparateCoAuthorsKeepingAccents,
    SplitFieldsMissingAComma,
    SplitNamesWrittenWithCommas,
    UnbraceCodeValues,
)

__all__ = ["parse_stack"]


def _split_concatenation(raw: str) -> list[str] | None:
    """Split a raw field value at top-level ``#``; None if there is no concatenation."""
    if "#" not in raw:
        return None
    parts: list[str] = []
    depth, in_quote, start = 0, False, 0
    for i, ch in enumerate(raw):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0:
            in_quote = not in_quote
        elif ch == "#" and depth == 0 and not in_quote:
            parts.append(raw[start:i].strip())
            start = i + 1
    if not parts:
        return None
    parts.append(raw[start:].strip())
    return parts


class _ResolveConcatenation(LibraryMiddleware):
    """Resolve BibTeX ``#`` concatenation (``MACRO # { and more}``), which bibtexparser 2.1 keeps raw.

    Runs before ``ResolveStringReferencesMiddleware``; the joined value is re-enclosed in
    braces so the later middlewares treat it as an ordinary braced value.
    """

    def __init__(self) -> None:
        super().__init__(allow_inplace_modification=True)

    @classmethod
    def metadata_key(cls) -> str:
        return "paperlab_resolve_concatenation"

    def transform(self, library: BibLibrary) -> BibLibrary:
        strings = {key.lower(): s.value for key, s in library.strings_dict.items()}

        def piece(part: str) -> str:
            if len(part) >= 2 and part[0] == part[-1] == '"' or part[:1] == "{" and part[-1:] == "}":
                return part[1:-1]
            value = strings.get(part.lower())
            if value is None:
                return part
            return piece(value) if value[:1] in '{"' else value

        for entry in library.entries:
            for fld in entry.fields:
                if isinstance(fld.value, str):
                    parts = _split_concatenation(fld.value)
                    if parts is not None:
                        fld.value = "{" + "".join(piece(p) for p in parts) + "}"
        return library


def parse_stack() -> list[Any]:
    """A new stack of the middlewares a file is read with, in their order."""
    return [
        KeepFirstOfRepeatedFields(allow_inplace_modification=True),
        SplitFieldsMissingAComma(allow_inplace_modification=True),
        _ResolveConcatenation(),
        bm.ResolveStringReferencesMiddleware(allow_inplace_modification=True),
        bm.RemoveEnclosingMiddleware(allow_inplace_modification=True),
        bm.NormalizeFieldKeys(allow_inplace_modification=True),
        UnbraceCodeValues(allow_inplace_modification=True),
        bm.MonthIntMiddleware(allow_inplace_modification=True),
        SeparateCoAuthorsKeepingAccents(allow_inplace_modification=True),
        SplitNamesWrittenWithCommas(),
    ]

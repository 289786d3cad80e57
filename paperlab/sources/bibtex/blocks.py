"""What a BibTeX file's blocks say when they are not plain entries: an entry written without a citation key (a
student's ``@ONLINE{ author = …}``, an ``@article{, title = …}``) is given a key so it is read, and the messages for
blocks bibtexparser could not read or found nothing in; and an entry's fields by name (:func:`fields_of`); a file
whose reading fails inside one entry read without that entry, which is named (:func:`parse_library`)."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

import bibtexparser
from bibtexparser.library import Library as BibLibrary
from bibtexparser.model import Block, DuplicateBlockKeyBlock, Entry, Field, ParsingFailedBlock
from bibtexparser.splitter import Splitter

from ...errors import ParseError

__all__ = [
    "GENERATED_KEY_PREFIX",
    "failed_message",
    "failed_where",
    "fields_of",
    "no_entries_message",
    "parse_library",
    "supply_keys",
]

# the entry whose fields were last looked up, its field list, their number and the dict by name
_LAST: tuple[Entry | None, list[Field] | None, int, dict[str, Field]] = (None, None, 0, {})


def fields_of(entry: Entry) -> dict[str, Field]:
    """``entry.fields_dict``, built once while one entry is read: bibtexparser builds a new dict at every look-up,
    and reading one paper looks up some fifty fields (55,000 dicts for 1,000 entries). Built again when another
    entry is asked for or the entry's field list changed (a new list or another length); the dict must not be
    changed by the caller."""
    global _LAST
    last = _LAST  # one read of the tuple: two threads reading at once each get their own entry's dict
    fields = entry.fields
    if last[0] is entry and last[1] is fields and last[2] == len(fields):
        return last[3]
    built = entry.fields_dict
    _LAST = (entry, fields, len(fields), built)
    return built


GENERATED_KEY_PREFIX = "keyless-line-"

# "@type{" (or "@type(") directly followed by a field ("name =") or by the comma that ends an empty key; BibTeX's
# own commands (@string, @preamble, @comment) take no key and are left alone
_KEYLESS = re.compile(
    r"@[ \t]*(?!(?:string|preamble|comment)\b)([A-Za-z][\w-]*)[ \t]*[{(](\s*)(,|(?=[A-Za-z][\w.:-]*\s*=))",
    re.IGNORECASE,
)


def supply_keys(text: str) -> tuple[str, list[tuple[str, int]]]:
    """``text`` with a generated key in every entry written without one, and the keys given with their lines.

    The key names the entry's line (``keyless-line-12``), so a warning and the paper's source record point at it.
    """
    given: list[tuple[str, int]] = []
    pieces: list[str] = []
    last = 0
    line, counted = 1, 0  # lines counted on from the last match: a file of 20,000 keyless entries took 30 s
    for m in _KEYLESS.finditer(text):
        if m.start() > 0 and text[m.start() - 1] not in " \t\r\n}":  # an "@" inside a value (an e-mail address)
            continue
        line += text.count("\n", counted, m.start())
        counted = m.start()
        key = f"{GENERATED_KEY_PREFIX}{line}"
        given.append((key, line))
        pieces.append(text[last : m.end(2)] + key + ("," if m.group(3) == "," else ","))
        last = m.end(3)
    if not given:
        return text, []
    pieces.append(text[last:])
    return "".join(pieces), given


def failed_where(block: ParsingFailedBlock) -> str:
    """Where a block that could not be read stands: its key and line, as far as they are known."""
    key = getattr(block, "key", None)
    if key is None and block.raw:
        m = re.match(r"\s*@\s*\w+\s*[{(]\s*([^,\s{}()=]+)\s*,", block.raw)
        key = m.group(1) if m else None
    line = f"line {block.start_line + 1}" if block.start_line is not None else ""
    return ", ".join(p for p in (f"entry {key!r}" if key else "", line) if p)


def failed_message(block: ParsingFailedBlock) -> str:
    """Why a block could not be read, and what an entry should look like."""
    if isinstance(block, DuplicateBlockKeyBlock):
        return f"duplicate entry key {block.key!r}; expected each key once (the first entry was kept)"
    error = block.error
    reason = getattr(error, "abort_reason", None) or str(error) or type(error).__name__
    return f"malformed BibTeX entry ({' '.join(str(reason).split())}); expected @type{{key, field = {{value}}, ...}}"


def no_entries_message(lib: BibLibrary) -> str:
    """Why a file gave nothing: no entries at all, or only @string abbreviations / @preamble."""
    strings = len(lib.strings)
    if strings:
        return (
            f"no BibTeX entries found, only {strings} @string abbreviation(s): a file of abbreviations for other "
            "files' entries; expected entries such as @article{key, title = {...}}"
        )
    return "no BibTeX entries found; expected entries such as @article{key, title = {...}}"


def _applied(stack: list[Any], library: BibLibrary) -> BibLibrary:
    for middleware in stack:  # as bibtexparser.parse_string applies its parse stack
        library = middleware.transform(library=library)
    return library


def parse_library(
    text: str, stack: Callable[[], list[Any]], source: str | None
) -> tuple[BibLibrary, list[tuple[str, str]]]:
    """``text`` split into blocks and read through the middlewares ``stack()`` makes, with the entries on which a
    middleware failed (a bug of bibtexparser's or ours on an odd entry: "list index out of range") left out and
    named with why — (where, message) each —, so that one entry does not lose the whole file. Each entry is tried
    alone, beside the file's @string abbreviations, only when reading the whole file failed.

    Raises ParseError when the text cannot be split into blocks, or the failure is no single entry's."""
    try:
        return bibtexparser.parse_string(text, parse_stack=stack()), []
    except Exception as exc:  # bibtexparser bugs on odd input must not escape as tracebacks
        failure = f"could not parse BibTeX: {exc}"
    try:
        parsed = Splitter(bibstr=text).split()
    except Exception:
        raise ParseError(failure, source=source) from None
    bad: list[Block] = []
    skipped: list[tuple[str, str]] = []
    for entry in parsed.entries:
        alone = BibLibrary([*copy.deepcopy(parsed.strings), copy.deepcopy(entry)], fail_on_duplicate_key=False)
        try:
            _applied(stack(), alone)
        except Exception as exc:
            line = f", line {entry.start_line + 1}" if entry.start_line is not None else ""
            skipped.append((f"entry {entry.key!r}{line}", f"could not be read ({type(exc).__name__}: {exc})"))
            bad.append(entry)
    if not bad:
        raise ParseError(failure, source=source)
    parsed.remove(bad)
    try:
        return _applied(stack(), parsed), skipped
    except Exception:
        raise ParseError(failure, source=source) from None

"""What a BibTeX file's blocks say when they are not plain entries: an entry written without a citation key (a
student's ``@ONLINE{ author = …}``, an ``@article{, title = …}``) is given a key so it is read, and the messages for
blocks bibtexparser could not read or found nothing in; and an entry's fields by name (:func:`fields_of`)."""

from __future__ import annotations

import re

from bibtexparser.library import Library as BibLibrary
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, Field, ParsingFailedBlock

__all__ = ["GENERATED_KEY_PREFIX", "failed_message", "failed_where", "fields_of", "no_entries_message", "supply_keys"]

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

"""The records of a RIS file: its tag lines grouped from a ``TY  - `` (or the first tag after an ``ER``) to ``ER  - ``.

The RIS specification has every record open with ``TY`` and close with ``ER``; what exporters write instead is read
here, by kind rather than by producer:

- a record with no ``TY`` line (Scopus' "RIS" export of some views, a hand-cut file): the lines from the first tag
  after the previous ``ER`` (or the start of the file) to its ``ER`` are one record of RIS's generic type ``GEN``;
  a file with neither ``TY`` nor ``ER`` lines holds one record per run of tag lines with a title, between blank
  lines;
- a tag glued to the end of another tag's value (EBSCO writes ``UR  - http://… OP  - Salem Press…`` on one line):
  the line is cut before each known RIS tag written with its two spaces and hyphen;
- a tag written after spaces (`` KW  - x``), a byte-order mark, Windows line ends.

Text between records (Ovid's and Web of Science's ``1.`` record numbers, "Link to …" lines) is skipped.
"""

from __future__ import annotations

import re

from rispy import config

__all__ = ["UNKNOWN_TYPE", "records"]

# a tag line: two characters (a capital letter first), then "  - " (one space or a missing value tolerated)
_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9]) {1,2}-(?: (.*)|\s*)$")
# the tags the RIS specification (and rispy) knows, and the Web of Science ones rispy reads
_KNOWN = frozenset(config.TAG_KEY_MAPPING) | frozenset(config.WOK_TAG_KEY_MAPPING) | {"BT", "CT", "M2", "Y3", "L3"}
# a known tag glued after a value: " OP  - …" (two spaces and a hyphen, as a tag line writes it)
_GLUED = re.compile(r"\s+(?=(" + "|".join(sorted(_KNOWN)) + r")  - )")
# a tag of PubMed's MEDLINE format ("PMID- ", "FAU - ", "AID - "): another format, whose records are no RIS records
_MEDLINE_TAG = re.compile(r"^[A-Z]{3}[A-Z ]- ", re.M)
# the type of a record that names none: RIS's generic type
UNKNOWN_TYPE = "GEN"


def _tag_lines(line: str) -> list[tuple[str, str]] | None:
    """``(tag, value)`` of each tag on a line (one, or several glued), or None when the line is no tag line."""
    m = _TAG_LINE.match(line.lstrip("\ufeff").lstrip())
    if not m:
        return None
    tag, value = m.group(1), (m.group(2) or "").strip()
    parts = _GLUED.split(value) if "  - " in value else [value]
    found = [(tag, parts[0].strip())]
    for glued, rest in zip(parts[1::2], parts[2::2], strict=False):
        found.append((glued, rest[len(glued) + len("  - ") :].strip()))
    return found


def records(text: str) -> tuple[list[tuple[int, list[str]]], list[tuple[int, str]]]:
    """``(first line number, lines)`` of each record ended by ``ER`` (``TY`` first: :data:`UNKNOWN_TYPE` when the
    record names no type), and ``(line, problem)`` of unended ones."""
    found: list[tuple[int, list[str]]] = []
    unended: list[tuple[int, str]] = []
    current: list[str] | None = None
    implicit = False  # the current record began at a tag other than TY
    start = 0
    for number, line in enumerate(text.splitlines(), 1):
        tags = _tag_lines(line)
        if tags and tags[0][0] == "TY":
            if current is not None and not implicit:  # a record without ER: it ends where the next begins
                found.append((start, current))
            current, start, implicit = [], number, False
        elif tags and current is None and tags[0][0] != "ER":
            current, start, implicit = [f"TY  - {UNKNOWN_TYPE}"], number, True
        if current is None:
            continue  # text between records
        if tags:
            current += [f"{tag}  - {value}" for tag, value in tags]
            if tags[-1][0] == "ER":
                found.append((start, current))
                current = None
        elif line.strip():
            current.append(line.strip())
    if current is not None and not implicit:
        unended.append((start, "record has no 'ER  - ' line before the end of the file (truncated?)"))
    if not found and not unended and not _MEDLINE_TAG.search(text):  # no TY, no ER: records between blank lines
        return _paragraphs(text), []
    return found, unended


def _paragraphs(text: str) -> list[tuple[int, list[str]]]:
    """The records of a file that writes neither ``TY`` nor ``ER``: runs of tag lines between blank lines, each
    holding a title tag (``TI``, ``T1``); none when the file holds no such run."""
    found: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate([*text.splitlines(), ""], 1):
        tags = _tag_lines(line)
        if tags:
            current, start = current or [f"TY  - {UNKNOWN_TYPE}"], start or number
            current += [f"{tag}  - {value}" for tag, value in tags]
        elif line.strip() and current:
            current.append(line.strip())
        elif not line.strip() and current:
            if any(x.startswith(("TI  - ", "T1  - ")) for x in current):
                found.append((start, [*current, "ER  - "]))
            current, start = [], 0
    return found

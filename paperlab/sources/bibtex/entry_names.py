"""The persons an entry names: each BibTeX name (``Last, First``, ``First von Last``, ``{Corporate Name}``, a name in
Chinese, Japanese or Korean script) as paperlab shows it, with its parts as written when the shown name loses them;
an author list in order and whether it was cut short (``and others``, ``et al.``); the names given whole in braces."""

from __future__ import annotations

import re
from typing import Any

from bibtexparser.middlewares.names import parse_single_name_into_parts
from bibtexparser.model import Entry

from ...names import (
    NAME_SUFFIXES,
    family_first,
    is_degree,
    is_life_dates,
    is_more_authors,
    is_placeholder_name,
    name_case,
    name_parts,
    names_organisation,
    shown_name,
    split_et_al,
    strip_name_marks,
    suffix_case,
)
from .blocks import fields_of
from .fields import braced_person, plain_name, split_name_list
from .persons import person_as_written
from .text import balanced as _balanced
from .text import clean as _clean
from .text import unglued_initials

__all__ = ["People", "bib_name", "entry_authors", "whole_names"]


_WRAPPED_NAME = re.compile(r"\\[A-Za-z]+\s*\{(.*)\}", re.S)


# \~ before a letter is an accent (Pe\~{n}a), not BibTeX's tie, which the name splitter reads as a space
_TILDE_ACCENT = re.compile(r"\\~\s*(\{[^{}]*\}|\w)")


def bib_name(raw: str) -> str:
    """One BibTeX name as paperlab shows it (:func:`_name_written`)."""
    return _name_written(raw)[0]


def _cjk_name(raw: str) -> tuple[str, list[str] | None] | None:
    """A name in Chinese, Japanese or Korean script ("星野, 美咲"; "山本 一郎", braced or not: the first word is the
    family name) shown family name first without a space ("星野美咲"), with its ``[family, given, ""]`` as written
    for the exports (``Family, Given``); None for a name in any other script."""
    inner = raw[1:-1] if raw.startswith("{") and raw.endswith("}") and _balanced(raw[1:-1]) else raw
    text = strip_name_marks(_clean(inner))
    if not family_first(text):
        return None
    family, comma, given = text.partition(",")
    if not comma:
        family, _, given = text.partition(" ")
    family, given = " ".join(family.split()), " ".join(given.split())
    return (shown_name(family, given), [family, given, ""]) if family and given else (text, None)


def _name_written(raw: str) -> tuple[str, list[str] | None]:
    """One BibTeX name (``Last, First``, ``First von Last``, ``{Corporate Name}``) as ``First von Last Jr``;
    a degree written as a third part (``Family, Given, Ph.D.``) and equal-contribution marks (``Yuan*``) dropped,
    a suffix written last (``Family, Given, Jr.``) read as one; with its ``[family, given, suffix]`` as written when
    they were set in another case ("MCDONALD, RONALD": "Ronald Mcdonald") or split where the shown name's last word
    is not the family name ("García Márquez, Gabriel", "van der Berg, Jan"), else None."""
    raw = plain_name(raw)  # biblatex's "family=Elst, given=Ludger", "Balakrishnan H."
    if (cjk := _cjk_name(raw)) is not None:
        return cjk
    if raw.startswith("{") and raw.endswith("}") and _balanced(raw[1:-1]):  # "{Luque Calvo, Pedro L.}": a person
        return _name_written(person) if (person := braced_person(raw)) else (_clean(raw[1:-1]), None)
    wrapped = _WRAPPED_NAME.fullmatch(raw)  # \textrussian{Family, Given}: the macro only sets the language
    if wrapped and _balanced(wrapped.group(1)):
        raw = wrapped.group(1)
    family, comma, rest = raw.rpartition(",")
    if comma and family.count(",") == 1 and (is_degree(rest) or is_life_dates(rest)):  # "Kant, Immanuel, 1724-1804"
        raw = family
    elif comma and family.count(",") == 1 and rest.strip(" .").lower() in NAME_SUFFIXES:
        last, _, given = family.partition(",")  # "Family, Given, Jr." (RIS order) is BibTeX's "Family, Jr., Given"
        raw = f"{last}, {rest.strip()}, {given.strip()}"
    if comma and names_organisation(raw):  # "Qwen Team, Alibaba Cloud" unbraced: one organisation, as written
        return _clean(raw), None
    raw = _TILDE_ACCENT.sub(lambda m: "{\\~" + m.group(1) + "}", raw)
    parts = parse_single_name_into_parts(raw, strict=False)
    written = None
    if comma and parts.first:  # "KOWALCZYK, MARTA J." (Web of Science): in the case of a name
        last, first = name_case(" ".join(parts.last), " ".join(parts.first))
        jr = suffix_case(" ".join(parts.jr))  # "KING, JR., MARTIN": "Martin King Jr."
        if (last, first, jr) != (" ".join(parts.last), " ".join(parts.first), " ".join(parts.jr)):
            written = [_clean(" ".join(w)) for w in (parts.von + parts.last, parts.first, parts.jr)]
        parts.last, parts.first, parts.jr = last.split(), first.split(), jr.split()
    words = parts.first + parts.von + parts.last + parts.jr
    shown = strip_name_marks(_clean(" ".join(words)) if words else _clean(raw))
    if comma and parts.first and written is None:  # "García Márquez, Gabriel": a split the shown name loses
        split = [_clean(" ".join(w)) for w in (parts.von + parts.last, parts.first, parts.jr)]
        written = split if tuple(split) != name_parts(shown) and "," not in "".join(split) else None
    return shown, written


# the people one value of a name list names, each shown with its parts as written, and whether it cut the list short
People = tuple[tuple[tuple[str, tuple[str, ...] | None], ...], bool]


def entry_authors(value: Any, known: dict[str, People] | None = None) -> tuple[list[str], bool, dict[str, list[str]]]:
    """Author names in order, whether the list was cut short (``and others``, a name followed by
    ``et al.``), and the names set in another case as written (:func:`_name_written`). ``known``: the values of
    the file read so far (a file names the same persons again and again; a name takes some 60 µs to read)."""
    out, truncated, as_written = [], False, {}
    for v in value if isinstance(value, list) else [value]:
        if not isinstance(v, str):
            continue
        if (people := None if known is None else known.get(v)) is None:
            people = _persons(v)
            if known is not None:
                known[v] = people
        truncated |= people[1]
        for name, written in people[0]:
            out.append(name)
            if written:
                as_written[name] = list(written)
    return out, truncated, as_written


def _persons(value: str) -> People:
    """The people one value of an author list names (one name, or a list written with commas): see :func:`entry_authors`."""
    people: list[tuple[str, tuple[str, ...] | None]] = []
    truncated = False
    for raw in _name_list(value):
        if not isinstance(raw, str) or not raw.strip():
            continue
        if is_more_authors(raw) or is_more_authors(raw.strip().strip("{}")):  # "and {others}" too
            truncated = True
            continue
        if is_placeholder_name(raw):  # "Unknown", "Anonymous": no author named
            continue
        raw, cut = split_et_al(unglued_initials(person_as_written(raw)))  # "S.Bolognani", "Alcaraz, J. et al."
        shown, written = _name_written(raw)
        name, cut_after = split_et_al(shown)  # and after: "{Alcaraz} et al.", braces gone
        truncated |= cut or cut_after
        if name:
            people.append((name, tuple(written) if written else None))
    return tuple(people), truncated


def whole_names(entry: Entry) -> list[str]:
    """The author and editor names the file gives whole in braces (``{ETH Z\\"urich}``, ``{Harbour Trust}``), as
    shown: one unit, an organisation's name or one BibTeX must not split, never a person's given and family names.
    Kept in ``extra["names_whole"]``; the BibTeX, RIS and CSL exports write them whole. (A name with a comma is
    kept whole by every export anyway; a name in Chinese, Japanese or Korean script is read family name first.)"""
    whole: list[str] = []
    for key in ("author", "editor"):
        value = fields_of(entry)[key].value if key in fields_of(entry) else []
        for raw in (n for v in (value if isinstance(value, list) else [value]) for n in _name_list(v)):
            raw = " ".join(raw.split()) if isinstance(raw, str) else ""
            if raw[:1] == "{" and raw[-1:] == "}" and _balanced(raw[1:-1]):
                name = _clean(raw[1:-1])
                if " " in name and "," not in name and not family_first(name) and name not in whole:
                    whole.append(name)
    return whole


def _name_list(raw: Any) -> list[Any]:
    """One BibTeX name, or the names of a list written with commas instead of ``and``."""
    return split_name_list(raw) if isinstance(raw, str) else [raw]

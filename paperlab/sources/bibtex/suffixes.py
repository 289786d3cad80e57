"""Generational suffixes in BibTeX names, as BibTeX's name grammar has them (``von Last, Jr, First``): a name
written given name first with its suffix after a comma ("Martin Luther King, Jr.", "H. B. {Hunt, III}") turned into
those three parts, where BibTeX itself would read "Jr." as the given name."""

from __future__ import annotations

import re

from bibtexparser.middlewares.names import parse_single_name_into_parts

from ...names import NAME_SUFFIXES, names_organisation

__all__ = ["suffix_last"]

# a family name braced with its suffix at a name's end ("H. B. {Hunt, III}"), as old files keep the comma
_BRACED_SUFFIX = re.compile(r"\s*\{([^{},]+,\s*(?:Jr|Sr|JR|SR|jr|sr|I{2,3}|IV)\.?)\}$")
# a name of two parts around its one comma, the second short ("Martin Luther King, Jr.")
_TWO_PARTS = re.compile(r"([^,]*[^\s,])\s*,\s*([^\s,{}]+)")


def suffix_last(raw: str) -> str | None:
    """A name written given name first with its generational suffix after a comma ("Martin Luther King, Jr.",
    "Harry B. Hunt, III", :data:`~paperlab.names.NAME_SUFFIXES`), which BibTeX would read as family name "Martin
    Luther King", given name "Jr.", in BibTeX's three parts ``von Last, Jr, First`` ("King, Jr., Martin Luther"); a
    family name alone before it ("Methot, Jr.") with an empty given name. None for any other name.

    >>> suffix_last("Martin Luther King, Jr."), suffix_last("Ludwig van Beethoven, III"), suffix_last("Lovelace, Ada")
    ('King, Jr., Martin Luther', 'van Beethoven, III, Ludwig', None)
    >>> suffix_last("Methot, Jr."), suffix_last("Quill, Ii"), suffix_last("H. B. {Hunt, III}")
    ('Methot, Jr., {}', None, 'Hunt, III, H. B.')
    """
    m = _TWO_PARTS.fullmatch(_BRACED_SUFFIX.sub(r" \1", " ".join(raw.split())).strip())
    suffix = m.group(2).rstrip(".") if m else ""
    if not m or suffix.lower() not in NAME_SUFFIXES or not (suffix[:1] in "JjSs" or suffix.isupper()):
        return None  # "Quill, Ii": a given name ("Ii" is no "II")
    if names_organisation(m.group(1)):
        return None
    person = parse_single_name_into_parts(m.group(1), strict=False)
    family = " ".join(person.von + person.last)
    given = " ".join(person.first) or "{}"  # "Methot, Jr.": no given name, BibTeX's empty part
    return f"{family}, {m.group(2)}, {given}"

"""Author names as the tagged and JSON formats write them, turned into the order paperlab shows names in.

Shared by the RIS, Web of Science and CSL-JSON readers (a module of its own so that none of them imports another
for it).
"""

from __future__ import annotations

import re

from ..paper_render import names_organisation
from ..text import NAME_SUFFIXES, is_degree, name_case, shown_name, strip_name_marks

__all__ = ["name_given_first"]

# Vancouver style (PubMed/MEDLINE, many RIS exports): the family name, then the initials as capitals without dots
# or spaces, then a generational suffix if any: "Owen MJ", "O'Donovan MC", "Nicholson Price W", "YANG F",
# "Mossley J III". The family side: one to three words of two letters or more, each capitalised (no lowercase
# particle such as "of": "Department of Health UK" is no person).
_VANCOUVER = re.compile(
    r"((?:[^\W\d_][\w'’-]+\s+){0,2}[^\W\d_][\w'’-]+)\s+([A-Z]{1,3})(\s+(?:Jr|Sr|I{2,3}|IV|2nd|3rd)\.?)?"
)


def name_given_first(value: str) -> str:
    """An RIS name (``Family, Given`` or ``Family, Given, Suffix``; Vancouver's ``Owen MJ``) as paperlab shows a
    name (:func:`~paperlab.text.shown_name`: ``Given Family Suffix``, family first in Chinese, Japanese or Korean
    script; a name in capitals in the case of a name, :func:`~paperlab.text.name_case`); a degree in the suffix's
    place (``Case, Amanda, Ph.D.``) and equal-contribution marks (``Yuan*``) are no part of it. An organisation
    written with a comma ("Qwen Team, Alibaba Cloud") is kept as written."""
    name = " ".join(strip_name_marks(value).split())
    if "," not in name:
        return _vancouver(name) or name
    if names_organisation(name):
        return name
    family, _, rest = name.partition(",")
    given, _, suffix = rest.partition(",")
    suffix = "" if is_degree(suffix) else suffix
    if not given.strip():
        return name
    return " ".join(f"{shown_name(*name_case(family, given))} {suffix}".split())


def _vancouver(name: str) -> str | None:
    """``Owen MJ`` as ``MJ Owen``; None for a name not written so (a suffix "III" or an organisation's acronym,
    "Stability AI", is no initials; every word of the family side starts with a capital)."""
    m = _VANCOUVER.fullmatch(name)
    if not m or m.group(2).lower() in NAME_SUFFIXES or names_organisation(f"{m.group(1)}, {m.group(2)}"):
        return None
    if not all(word[0].isupper() for word in m.group(1).split()):
        return None
    family, initials = name_case(m.group(1), m.group(2))  # "YANG F": "F Yang"
    return f"{initials} {family}{m.group(3) or ''}"

"""The authors of a home-made JSON paper record (:mod:`paperlab.sources.json_list`): a list of names or name objects,
or one byline string in any of the usual layouts; LaTeX in a name (NASA ADS writes ``Br{\\v{c}}ek``) read as text."""

from __future__ import annotations

import re
from typing import Any

from ..latex import latex_name
from ..names import (
    affiliation_marks_dropped,
    family_first,
    is_more_authors,
    is_placeholder_name,
    names_organisation,
    split_et_al,
    strip_name_marks,
)
from ._json_roles import folded_key

__all__ = ["json_authors"]

# initials standing for a given name ("A.", "J.-P.", "AB")
_INITIALS = re.compile(r"(?:[^\W\d_]\.?-?\s*){1,3}")


# the keys of a name object's family and given names (folded: "family_name", "lastName", "given-names"...)
_FAMILY_KEYS = ("family", "familyname", "familynames", "last", "lastname", "surname", "surnames")
_GIVEN_KEYS = ("given", "givenname", "givennames", "first", "firstname", "firstnames", "forename", "forenames")
# the role a name object's key may name before "name" ("author_name", Semantic Scholar's "authorName")
_ROLE_WORDS = frozenset(("author", "creator", "contributor", "editor", "person", "member", "writer", "full", "display"))


def _name_of(value: Any) -> str | None:
    """One author of a list: a string, or an object with a whole name (a repository's ``{"raw", "normalized",
    "person_id"}`` too) or family and given names."""
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if not isinstance(value, dict):
        return None
    low = {folded_key(str(k)): v for k, v in value.items() if isinstance(v, str) and v.strip()}
    for key in ("name", "fullname", "literal", "displayname", "personname", "normalized", "normalised", "raw"):
        if key in low:
            return " ".join(low[key].split())
    for key, text in low.items():  # a whole name under the role's own key: "author_name", "creatorName"
        if key.endswith("name") and key not in _FAMILY_KEYS + _GIVEN_KEYS and key[:-4] in _ROLE_WORDS:
            return " ".join(text.split())
    family = next((low[k] for k in _FAMILY_KEYS if k in low), None)
    given = next((low[k] for k in _GIVEN_KEYS if k in low), None)
    if family and given:
        return f"{family.strip()}, {given.strip()}"
    return family or given


# what separates the names of a byline: commas (also the ideographic ones), "&", and "and" in English, Thai (และ) and
# Russian (и): words no name is made of ("Somchai Jaidee, Somying Rakdee และ Wichai Mankong")
_NAME_SEPARATOR = re.compile(r"\s*(?:[,，、&]|\band\b|(?<!\S)(?:และ|и)(?!\S))\s*")


def _split_byline(text: str) -> list[str]:
    """The names of one string: "Smith, A. and Jones, B." (BibTeX's "and"), "Smith, A.; Jones, B.", "A. Smith,
    B. Jones and C. Lee", "Smith, A., Jones, B." (a family name then initials, in turn), "A. Smith et B. Jones";
    an organisation named without a comma ("Department of Health and Social Care") is one name."""
    text = " ".join(text.split())
    if names_organisation(text) and not re.search(r"[,;&]", text):
        return [text]  # "Department of Health and Social Care": one body
    if re.search(r"\s+and\s+", text) and "," in text and not re.search(r",\s*and\s+", text):
        parts = re.split(r"\s+and\s+", text)
        serial = len(parts) == 2 and "," not in parts[1] and all(len(x.split()) > 1 for x in parts[0].split(","))
        # "Ada Quill, Bo Dale and Cy Renn", "A. Smith, B. Jones and C. Lee": a list, as English writes one
        if all(p.count(",") <= 1 for p in parts) and not serial:  # "Smith, A. and Jones, B." or "A Smith and B Jones"
            return parts
    if ";" in text or "；" in text:
        return [p for p in re.split(r"\s*[;；]\s*", text) if p]
    parts = [p.strip() for p in _NAME_SEPARATOR.split(text) if p.strip()]
    if all(family_first(p) and len(p.replace(" ", "")) > 1 for p in parts):
        return parts  # Han names written whole ("王奎, 黄福珍", "李桐、刘翔"): one person each; "王, 奎" pairs up below
    pairs = len(parts) % 2 == 0 and all(
        _INITIALS.fullmatch(given) or len(given.split()) == 1 == len(family.split())
        for family, given in zip(parts[::2], parts[1::2], strict=True)
    )
    if pairs and not all(len(p.split()) > 1 for p in parts):
        return [f"{family}, {given}" for family, given in zip(parts[::2], parts[1::2], strict=True)]
    return [person for part in parts for person in _split_et(part)]


def _split_et(text: str) -> list[str]:
    """The persons of names joined by the French "et" ("Damir Ben Ali et Moinaecha Cheikh"): each side a person's
    name given name first (capitalised first and last words); an organisation ("Laboratoire Matériaux et
    Phénomènes"), or "et de la Recherche", stays whole."""
    pieces = re.split(r"\s+et\s+", text)
    if len(pieces) < 2 or names_organisation(text):
        return [text]
    if all(1 < len(p.split()) < 6 and p.split()[0][0].isupper() and p.split()[-1][0].isupper() for p in pieces):
        return pieces
    return [text]


# a person's slug, as a site keys its authors ("satoshi-nakamoto", "w-scott-stornetta")
_SLUG = re.compile(r"[a-z]+(?:-[a-z]+){1,4}")


# a byline's closing full stop after a name's last word of two letters or more ("…, Ada QUILL."), not an initial's
# ("A. B.") nor an abbreviation's ("Jr.", "et al.")
_CLOSING_STOP = re.compile(r"(?<=[^\W\d_]{2})(?<!\bJr)(?<!\bSr)(?<!\bal)\.$")


def json_authors(value: Any) -> tuple[list[str], bool]:
    """(the names as written, whether the byline is cut short by "et al."); a list of slugs only ("wei-dai",
    "w-scott-stornetta") gives the names they spell ("Wei Dai", "W. Scott Stornetta")."""
    if isinstance(value, str):
        value, more = split_et_al(_CLOSING_STOP.sub("", value.rstrip()))  # "…, Mohamed DJILANI.": the list's stop
        names = [
            affiliation_marks_dropped(strip_name_marks(n)) for n in _split_byline(value)
        ]  # "Ada Quill1, Dele Okafor2,*": marks
    elif isinstance(value, list):  # a name object's family name is as its source gave it ("Doe10")
        names = [
            affiliation_marks_dropped(strip_name_marks(n)) if isinstance(v, str) else n
            for v in value
            if (n := _name_of(v))
        ]
        more = False
    else:
        name = _name_of(value)
        names, more = ([name] if name else []), False
    if len(names) > 0 and all(_SLUG.fullmatch(n) for n in names):  # "satoshi-nakamoto": a site's slugs for persons
        names = [" ".join(p.capitalize() + ("." if len(p) == 1 else "") for p in n.split("-")) for n in names]
    kept = [latex_name(n) for n in names if not is_placeholder_name(n)]
    kept = [n for n in kept if any(ch.isalpha() for ch in n)]  # a mark alone: "Okafor2,*" split at its comma
    more = more or any(is_more_authors(n) for n in kept)
    return [n for n in kept if not is_more_authors(n)], more

"""A person's name as a BibTeX name list writes it by mistake, read as the person (:mod:`paperlab.sources.bibtex.read`).

* an affiliation mark glued to a name ("Kluczyk2", Google Scholar's "Chowdhary, KR1442"): the digits are no letters of
  any name, so they are dropped;
* an initial in the family position ("J., Postel", as Zotero splits "J. Postel" written backwards): no family name
  is an initial, so the two sides are turned round;
* an organisation's acronym split into initials ("Environment, U. N.": Zotero's two-field reading of "UN Environment")
  read whole as the organisation;
* a list written "Given, Family" in a file that writes the same persons "Family, Given" elsewhere (Mendeley: "Fabien,
  Collas and Ekhine, Irurozki" beside "Irurozki, E."): that entry's names are turned round (never an entry naming a
  person in Han, kana or Hangul script, whose names put the family name first).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from bibtexparser.model import Entry

from ...names import ORGANISATION_ACRONYMS, family_first, names_organisation
from .blocks import fields_of

__all__ = ["names_turned_round", "person_as_written"]

# a capitalised word of a name with digits glued to its letters: "Kluczyk2", "KR1442", "Smith12" (not "3M", "X-2",
# nor a handle in lowercase, "dime10")
_GLUED_DIGITS = re.compile(r"\b([^\W\d_a-z][^\W\d_]+)\d{1,4}(?=$|[\s,}])")
_INITIALS_ONLY = re.compile(r"(?:[^\W\d_]\.\s*-?\s*){1,3}")
# what an organisation's acronym split into initials names ("Environment, U. N." for UN Environment, "Women, U. N."):
# a body's word, never a family name ("Sharma, U. K.", "Kumar, E. U." and "Moon, U. N." are people with initials)
_BODY_WORDS = re.compile(
    r"(?i)(?:[\w-]+\s+)?(?:environment|women|habitat|programme|program|agency|commission|council|office|secretariat|"
    r"parliament|bank|foundation|institute|administration|department|ministry|organi[sz]ation|association|society)"
)
# a name written family name first in capitals, as French and Romanian bylines write it ("RIPEANU Matei", "DE LA
# CRUZ Ana María"): words in capitals holding a vowel, the last of four letters at least (no initials: "KIR Reitan",
# "JR Smith"), then given names in the case of a name
_CAPITAL_FAMILY_FIRST = re.compile(
    r"((?:[A-Z][A-Z'’-]*[AEIOUY][A-Z'’-]*\s+){0,2}(?=[A-Z'’-]{4})[A-Z][A-Z'’-]*[AEIOUY][A-Z'’-]*)"
    r"\s+([A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)?)"
)
_NAME_WORDS = re.compile(r"[^\W\d_][^\W\d_'’-]+(?:\s+[^\W\d_][^\W\d_'’-]+){0,2}")


def person_as_written(raw: str) -> str:
    """One name of a list as BibTeX should have been given it (see the module): marks dropped, sides turned round,
    an organisation braced whole; any other name as it is.

    >>> person_as_written("Chowdhary, KR1442"), person_as_written("Marcin Kluczyk2"), person_as_written("J., Postel")
    ('Chowdhary, KR', 'Marcin Kluczyk', 'Postel, J.')
    >>> person_as_written("Environment, U. N."), person_as_written("Team42 Lab"), person_as_written("Ng, A.")
    ('{UN Environment}', 'Team42 Lab', 'Ng, A.')
    >>> person_as_written("RIPEANU Matei"), person_as_written("Jun ZHU"), person_as_written("IEEE Computer Society")
    ('RIPEANU, Matei', 'Jun ZHU', 'IEEE Computer Society')
    >>> person_as_written("KIR Reitan"), person_as_written("WANG Wei")
    ('KIR Reitan', 'WANG, Wei')
    """
    text = raw.strip()
    if not text or text[0] == "{" or "\\" in text or names_organisation(text):
        return raw
    family, comma, given = text.partition(",")
    family, given = family.strip(), given.strip()
    if comma and "," not in given and _INITIALS_ONLY.fullmatch(given):
        acronym = re.sub(r"[\s.-]", "", given)
        if acronym in ORGANISATION_ACRONYMS and _BODY_WORDS.fullmatch(family):  # not "Sharma, U. K.": a person
            return "{" + f"{acronym} {family}" + "}"
    if comma and "," not in given and _INITIALS_ONLY.fullmatch(family) and _NAME_WORDS.fullmatch(given):
        return f"{given}, {family}"
    if len(re.findall(r"[^\W\d_]+", text)) < 2:  # one word: a handle ("dime10", "burunduk3"), digits and all
        return raw
    if not comma and (capitals := _CAPITAL_FAMILY_FIRST.fullmatch(text)):  # "RIPEANU Matei": the family name first
        return f"{capitals.group(1)}, {capitals.group(2)}"
    return _GLUED_DIGITS.sub(r"\1", text) if _GLUED_DIGITS.search(text) else raw


def _pairs(entry: Entry) -> list[tuple[str, str]] | None:
    """(family, given) of each name of the entry's author list, lowercase, when every one is written with one comma
    and no braces; None otherwise."""
    fld = fields_of(entry).get("author")
    names = fld.value if fld is not None and isinstance(fld.value, list) else None
    if not names or not all(isinstance(n, str) and n.count(",") == 1 and "{" not in n for n in names):
        return None
    if any(family_first(n.replace(",", "")) for n in names):  # "张, 伟": Han, kana or Hangul names put the family
        return None  # name first in their own script, so a comma never marks them written the other way round
    return [(f.strip().lower(), g.strip().lower()) for f, _, g in (n.partition(",") for n in names)]


def names_turned_round(entries: Iterable[Entry]) -> list[str]:
    """Turn round, in place, the author lists written "Given, Family" (see the module): an entry one of whose given
    sides another entry writes as a family name beside initials ("Irurozki, E.": an initial is never a family name),
    one of whose family sides another entry writes as a given name ("Irurozki, Ekhine"), and none of whose family
    sides is written beside initials. Returns their keys."""
    entries = list(entries)
    pairs = {e.key: p for e in entries if (p := _pairs(e))}
    # the family names each entry writes beside initials
    surely: dict[str, set[str]] = {k: {f for f, g in p if _INITIALS_ONLY.fullmatch(g)} for k, p in pairs.items()}
    counted = Counter(f for families in surely.values() for f in families)
    givens = Counter(g for p in pairs.values() for g in {g for _, g in p if not _INITIALS_ONLY.fullmatch(g)})
    turned = []
    for entry in entries:
        own = pairs.get(entry.key)
        if not own:
            continue
        mine, own_givens = surely[entry.key], {g for _, g in own}
        # and one of its family sides is a given name there ("Irurozki, Ekhine"): "Wei, Li" beside "Li, W." is
        # no evidence alone, as a Han syllable is a given and a family name alike
        if (
            any(_elsewhere(counted, g, mine) for _, g in own)
            and not any(_elsewhere(counted, f, mine) for f, _ in own)
            and any(_elsewhere(givens, f, own_givens) for f, _ in own)
        ):
            fld = fields_of(entry)["author"]
            fld.value = [f"{g.strip()}, {f.strip()}" for f, _, g in (n.partition(",") for n in fld.value)]
            turned.append(entry.key)
    return turned


def _elsewhere(counts: Counter[str], name: str, own: set[str]) -> bool:
    """Whether an entry other than the one writing ``own`` counts ``name`` (asked name by name: a set of every such
    name built for each entry took time quadratic in the file's length)."""
    return counts[name] - (name in own) > 0

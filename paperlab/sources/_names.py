"""Author names as the tagged and JSON formats write them, turned into the order paperlab shows names in.

Shared by the RIS, Web of Science and CSL-JSON readers (a module of its own so that none of them imports another
for it).
"""

from __future__ import annotations

import re

from ..names import (
    FAMILY_PARTICLES,
    family_first,
    is_degree,
    name_case,
    name_parts,
    names_organisation,
    shown_name,
    strip_name_marks,
    suffix_case,
)

__all__ = [
    "han_persons",
    "name_given_first",
    "names_as_written",
    "names_given_first",
    "sure_initials",
    "vancouver_parts",
    "vancouver_persons",
    "written_given_first",
]

# Vancouver style (PubMed/MEDLINE, many RIS exports): the family name, then the initials as capitals without dots
# or spaces, then a generational suffix if any: "Owen MJ", "O'Donovan MC", "Nicholson Price W", "YANG F",
# "Mossley J III"; initials spaced ("Land E H") or with full stops as Embase writes them ("Adler D.G."), a family
# name with combining marks ("Arnatkevic̆iūtė A") too.
# The family side: one to three words of two letters or more, each capitalised (no lowercase particle such as "of":
# "Department of Health UK" is no person).
_VANCOUVER = re.compile(
    r"((?:[^\W\d_][\w'’\u0300-\u036f-]+\s+){0,2}?[^\W\d_][\w'’\u0300-\u036f-]+)\s+([A-Z]{1,3}|[A-Z](?: [A-Z]){1,2}|(?:[A-Z]\.){1,3})"
    r"(\s+(?:Jr|Sr|JR|SR|I{2,3}|IV|2nd|3rd)\.?)?"
)
# the last word of a name written given name first with the family name in capitals ("Jun ZHU", "Wei ZHANG"): three
# capitals or more holding a vowel, which initials seldom are
_CAPITAL_FAMILY = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,3}([A-Z]{3,})")
_ROMAN = frozenset(("II", "III", "IV"))
# a generational suffix alone after the comma of a name written given name first ("H. B. Hunt, III", "Ada Quill, Jr.")
_SUFFIX = re.compile(r"(?:Jr|Sr|JR|SR)\.?|I{2,3}|IV|2nd|3rd")
_VOWEL = re.compile("[AEIOU]")


# acronyms of organisations written after a company's name ("Tencent ARC", "Baidu NLP", "Amazon AWS"): no initials
_ACRONYMS = frozenset("AI ARC AWS NLP HPC HCI LLM GPU API CMU IBM MIT NIH NSF USA".split())


def names_given_first(values: list[str], *, vancouver: bool | None = None) -> list[str]:
    """The names of one record (its ``AU`` lines) as paperlab shows them, each read by :func:`name_given_first`.
    Names written without a comma are read in Vancouver's ``Family INITIALS`` ("Owen MJ", "Smith JA", "Kim EA")
    unless the record shows names written given name first with the family name in capitals
    (:func:`_given_first_record`: "Kai XU", "Jun ZHU", "Andrew NG" keep their order). Capitals "JR" or "SR" right
    after the family name are initials ("Yates JR" is "JR Yates": PubMed writes a suffix "Jr" after the initials);
    after initials they are a suffix ("Smith JA JR" is "JA Smith Jr"). ``vancouver=True``: the record's format
    defines its names so (PubMed's ``AU``), whatever their capitals look like, lowercase particles allowed ("de
    Almeida Neto OP")."""
    return [shown for shown, _ in _read_names(values, vancouver)]


def names_as_written(values: list[str], *, vancouver: bool | None = None) -> dict[str, list[str]]:
    """The names of one record that :func:`names_given_first` set in another case ("MCDONALD, RONALD" shown
    "Ronald Mcdonald") or whose ``Family, Given`` split the shown name loses ("García Márquez, Gabriel" shown
    "Gabriel García Márquez"), each shown name with its ``[family, given, suffix]`` as the record wrote them, for the
    exports to write back (``Paper.extra["names_as_written"]``, :func:`~paperlab.names.written_name`)."""
    return {shown: written for shown, written in _read_names(values, vancouver) if written}


def _read_names(values: list[str], vancouver: bool | None = None) -> list[tuple[str, list[str] | None]]:
    names = [" ".join(strip_name_marks(v).split()) for v in values]
    if vancouver:
        return [_given_first(n, vancouver=True, particles=True) for n in names]
    bare = [n for n in names if "," not in n]
    if _family_first_record(bare, commas=len(bare) < len(names)):
        return [_given_first(_with_comma(n) if "," not in n else n, vancouver=False) for n in names]
    vancouver = not _given_first_record(bare)
    return [_given_first(n, vancouver=vancouver) for n in names]


# an initial as a name writes it: "N.", "H.-Y.", "A" (a capital alone)
_INITIAL = re.compile(r"[A-Z]\.?(?:-[A-Z]\.?)?")


def _shape(name: str) -> str:
    """A name's words as letters: ``W`` a word (two letters or more, some lowercase), ``I`` an initial, ``?`` else:
    "Burn Thomas N." is ``WWI``, "Thomas N. Burn" ``WIW``, "Owen MJ" ``W?``."""
    words = name.split()
    return "".join("I" if _INITIAL.fullmatch(w) else "W" if len(w) > 1 and w != w.upper() else "?" for w in words)


def _family_first_record(bare: list[str], *, commas: bool) -> bool:
    """Whether a record's names written without a comma are ``Family Given Initials`` ("Burn Thomas N.", "Lam Enid Y.
    N.", "Schröder Jan"), as an app's dump of a reference manager writes them, rather than given name first or
    Vancouver's ``Family INITIALS``: names whose initials stand last after two words or more, with full stops ("Burn
    Thomas N.", two at least), or beside names written ``Family, Given`` (one is enough: "Smith John A" beside "Smith,
    John"), outnumber those whose initials stand between words ("Thomas N. Burn") and Vancouver's ("Owen MJ", "Chen
    Y."); a given name first never ends in an initial. Organisations and names in other scripts count for none."""
    last = dotted = between = vancouver = 0
    for name in bare:
        if names_organisation(name) or family_first(name):
            continue
        shape = _shape(name)
        if re.fullmatch("WW+I+", shape):
            last += 1
            dotted += all(w.endswith(".") for w in name.split() if _INITIAL.fullmatch(w))
        elif re.fullmatch("WI+W+", shape):
            between += 1
        elif re.fullmatch("W[I?]+", shape) and _vancouver_match(name):
            vancouver += 1
    return (dotted >= 2 or commas and last >= 1) and last > between + vancouver


def _with_comma(name: str) -> str:
    """A name written ``Family Given`` with its comma: "Burn Thomas N." as "Burn, Thomas N.", "van Dijk Ada" as "van
    Dijk, Ada"; a name of one word, an organisation or one in another script as it is."""
    words = name.split()
    if len(words) < 2 or names_organisation(name) or family_first(name):
        return name
    at = 0
    while at < len(words) - 2 and words[at] in FAMILY_PARTICLES:
        at += 1
    return f"{' '.join(words[: at + 1])}, {' '.join(words[at + 1 :])}"


def vancouver_parts(name: str) -> tuple[str, str, str] | None:
    """``(family, initials, suffix)`` of a name written in Vancouver's ``Family INITIALS`` ("Khan K", "Land EH",
    "Leonardi R.", "Bovik A C", "Smith JA Jr"), as written; None for any other name (an organisation, "Stability
    AI", a family name alone)."""
    m = _vancouver_match(" ".join(name.split()))
    return (m.group(1), m.group(2), (m.group(3) or "").strip()) if m else None


def sure_initials(initials: str) -> bool:
    """Whether the capitals after a family name can only be initials: one letter, written with full stops or spaces
    ("R.", "E H"), or holding no vowel ("JJ", "MC"); "EH" or "LI" could be a family name in capitals."""
    return len(initials) == 1 or "." in initials or " " in initials or not _VOWEL.search(initials)


def written_given_first(bare: list[str]) -> bool:
    """Whether names written without a comma are given name first with the family name in capitals ("Jun ZHU",
    "Kai XU") rather than Vancouver's ``Family INITIALS`` (:func:`_given_first_record`)."""
    return _given_first_record(bare)


# a comma between names as Chinese and Japanese text write it ("，", "、") or a Latin one
_HAN_SEPARATOR = re.compile(r"\s*[,，、]\s*")


def han_persons(value: str, *, listed: bool = False) -> list[str]:
    """The persons of one author line holding several names in Han script, each written whole and separated by
    commas (``王奎, 黄福珍, 李桐``, ``李桐、刘翔、陈明``); ``[value]`` for anything else. A comma in one such name
    separates its family name from its given name (``王, 奎``, ``星野, 美咲``: tagged formats write names so), so
    two parts are two persons only when ``listed`` (the record writes its other names whole, ``AU  - 李明``) and
    each holds two characters or more; three parts or more of two characters or more are persons (no name holds
    three parts)."""
    parts = list(_HAN_SEPARATOR.split(value.strip()))
    if len(parts) < 2 or not all(family_first(p) and " " not in p and len(p) > 1 for p in parts):
        return [value]
    return parts if len(parts) > 2 or listed else [value]


def vancouver_persons(value: str) -> list[str]:
    """The persons of one author line that holds several in Vancouver's ``Family INITIALS`` separated by commas
    (a script's PubMed export: ``Albano GD, Amico F, Cocimano G``), a group named beside them kept as written
    (``American College of Sports Medicine, Sawka MN, Burke LM``); ``[value]`` for anything else: one
    ``Family, Given`` person ("Okafor, Dora", "Quill, A. B."), or a line where one part is neither a person in
    Vancouver's style nor an organisation. Two persons at least are needed to split. Han names written whole
    (``王奎, 黄福珍``) are one person each (:func:`han_persons`)."""
    if len(han := han_persons(value)) > 1:
        return han
    parts = [" ".join(p.split()) for p in value.split(",")]
    persons = [p for p in parts if _vancouver_match(p)]
    if len(persons) < 2 or any(not p or p not in persons and not names_organisation(p) for p in parts):
        return [value]
    return parts


def _given_first_record(bare: list[str]) -> bool:
    """Whether a record's names written without a comma are given name first with the family name in capitals
    rather than Vancouver's ``Family INITIALS``: one of them ends in three capitals or more holding a vowel ("Jun
    ZHU", "Wei ZHANG"), and such names with those ending in two capitals holding a vowel ("Kai XU", as initials
    "JA" look too) are at least half of the names ending in capitals ("Andrew NG", "Owen MJ", "Chen Y" count
    against). Organisations ("Tencent ARC") count for neither."""
    capital = like = initials = 0
    for name in bare:
        if names_organisation(name) or name.split()[-1] in _ACRONYMS | _ROMAN:
            continue
        m = _vancouver_match(name)
        if (family := _CAPITAL_FAMILY.fullmatch(name)) and _VOWEL.search(family.group(1)):
            capital += 1
        elif m and len(m.group(2)) == 2 and _VOWEL.search(m.group(2)):
            like += 1
        elif m:
            initials += 1
    return capital > 0 and capital + like >= initials


def name_given_first(value: str) -> str:
    """An RIS name (``Family, Given`` or ``Family, Given, Suffix``; Vancouver's ``Owen MJ``) as paperlab shows a
    name (:func:`~paperlab.names.shown_name`: ``Given Family Suffix``, family first in Chinese, Japanese or Korean
    script; a name in capitals in the case of a name, :func:`~paperlab.names.name_case`); a degree in the suffix's
    place (``Case, Amanda, Ph.D.``) and equal-contribution marks (``Yuan*``) are no part of it. An organisation
    written with a comma ("Qwen Team, Alibaba Cloud") is kept as written. A name alone is read as a record of one
    (:func:`names_given_first`)."""
    return names_given_first([value])[0]


def _given_first(name: str, *, vancouver: bool, particles: bool = False) -> tuple[str, list[str] | None]:
    """A name as shown, and its parts as written when they were set in another case."""
    if "," not in name:
        m = _vancouver_match(name, particles=particles) if vancouver else None
        return _vancouver(m) if m else (name, None)
    if names_organisation(name):
        return name, None
    family, _, rest = name.partition(",")
    given, _, suffix = rest.partition(",")
    suffix = "" if is_degree(suffix) else suffix.strip()
    if not given.strip():
        return name, None
    if not suffix and _SUFFIX.fullmatch(given.strip()) and len(family.split()) > 1:
        return f"{family.strip()} {suffix_case(given.strip())}", None  # "H. B. Hunt, III": given name first, a suffix
    cased = name_case(family, given)
    changed = cased != (family, given) or suffix_case(suffix) != suffix  # "KING, MARTIN, JR.": "Martin King Jr."
    shown = " ".join(f"{shown_name(*cased)} {suffix_case(suffix)}".split())
    split = name_parts(shown) != (cased[0].strip(), cased[1].strip(), suffix_case(suffix))  # "García Márquez, Gabriel"
    written = [family.strip(), given.strip(), suffix] if changed or split else None
    return shown, written


def _vancouver_match(name: str, *, particles: bool = False) -> re.Match[str] | None:
    """The match of a name written ``Family INITIALS`` ("Owen MJ"); None for a name not written so (a suffix "III"
    or an organisation's acronym, "Stability AI", "Tencent ARC", is no initials; every word of the family side
    starts with a capital, or with ``particles`` is a lowercase particle before the last: "de Almeida Neto OP")."""
    m = _VANCOUVER.fullmatch(name)
    if not m or m.group(2) in _ROMAN or m.group(2) in _ACRONYMS:
        return None
    if names_organisation(f"{m.group(1)}, {m.group(2)}") or names_organisation(name):
        return None
    words = m.group(1).split()
    lower = FAMILY_PARTICLES if particles else frozenset()  # "do Nascimento Ceratti R"
    return m if words[-1][0].isupper() and all(w[0].isupper() or w in lower for w in words[:-1]) else None


def _vancouver(m: re.Match[str]) -> tuple[str, list[str] | None]:
    """``Owen MJ`` as ``MJ Owen``, ``YANG F`` as ``F Yang`` (written ``YANG``, ``F``), ``Smith JA JR`` as ``JA Smith
    Jr``."""
    family, initials = name_case(m.group(1), m.group(2), vancouver=True)
    suffix = (m.group(3) or "").strip()
    written = [m.group(1), m.group(2), suffix] if family != m.group(1) or suffix_case(suffix) != suffix else None
    suffix = suffix_case(suffix)  # "JR" as "Jr"
    return " ".join(f"{initials} {family} {suffix}".split()), written

"""Persons' names and bylines: a name's family and given parts, how paperlab shows and exports them, a byline's
"et al." and marks, a tool's placeholder for no author, and an organisation written where a person is expected.

Helper layer (beside :mod:`paperlab.text`): imports nothing of ours.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "FAMILY_PARTICLES",
    "NAME_SUFFIXES",
    "ORGANISATION_ACRONYMS",
    "affiliation_marks_dropped",
    "csl_name_text",
    "drop_et_al",
    "family_first",
    "family_name",
    "first_author",
    "is_degree",
    "is_life_dates",
    "is_more_authors",
    "is_placeholder_name",
    "name_case",
    "name_parts",
    "names_organisation",
    "same_person",
    "shown_name",
    "split_et_al",
    "strip_name_marks",
    "suffix_case",
    "written_name",
]

#: Generational suffixes of a name ("Jr.", "III"), lowercase and without their dot: never a family name.
NAME_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))


def _is_suffix(word: str) -> bool:
    return word.strip(" .").lower() in NAME_SUFFIXES


def family_name(name: str) -> str:
    """The family name in a person's name as a source writes it, or "": "Vaswani" for "Ashish Vaswani" and
    "Vaswani, Ashish", "van der Berg" for "van der Berg, Jan", "King" for "Martin Luther King Jr.",
    "Martin Luther King, Jr." and BibTeX's "King, Jr., Martin Luther" (a generational suffix is never one);
    the first word of a name in Chinese, Japanese or Korean script ("山田" for "山田 太郎", :func:`family_first`)."""
    parts = [p.strip() for p in name.split(",") if p.strip() and not _is_suffix(p)] or [name.strip()]
    if len(parts) > 1:  # "Family, Given" or "Family, Jr., Given"
        return parts[0]
    return name_parts(parts[0])[0]


# Han ideographs, kana, Hangul (and their compatibility and half-width forms)
_CJK = re.compile(
    r"[\u1100-\u11ff\u2e80-\u2fdf\u3005\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    r"\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]"
)


def family_first(name: str) -> bool:
    """Whether a name is written in Chinese, Japanese or Korean script (every letter of it a Han ideograph, kana or
    Hangul), whose names put the family name first: "山田 太郎" is Yamada Taro, "김 민준" Kim Minjun. A name in Latin
    letters is read given name first whatever its origin ("Taro Yamada"): its order is how the source wrote it.

    >>> family_first("山田 太郎"), family_first("김민준"), family_first("Taro Yamada"), family_first("")
    (True, True, False, False)
    """
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(_CJK.match(ch) for ch in letters)


def shown_name(family: str, given: str) -> str:
    """A person's name as paperlab shows it from its parts: ``Given Family`` ("Ada Lovelace"), and ``FamilyGiven``
    for a name in Chinese, Japanese or Korean script (:func:`family_first`), as those languages write it: family
    name first, without a space. The exports still write ``Family, Given`` (the readers keep the parts,
    :func:`written_name`).

    >>> shown_name("Lovelace", "Ada"), shown_name("島田", "耕平"), shown_name("김", "민준"), shown_name("Priyanka", "")
    ('Ada Lovelace', '島田耕平', '김민준', 'Priyanka')
    """
    family, given = " ".join(family.split()), " ".join(given.split())
    if not family or not given:
        return family or given
    return f"{family}{given}" if family_first(family + given) else f"{given} {family}"


# the word joining two surnames into one family name: Spanish "Ramón y Cajal", Portuguese "Pinto e Silva", Catalan
# "Puig i Cadafalch"
_CONNECTORS = frozenset(("y", "e", "i"))
#: Particles a family name may begin with ("van den Berg", "da Silva", "von Neumann"), written in lowercase: a name in
#: capitals is set so in the case of a name, and a name in Vancouver's style may begin with one.
FAMILY_PARTICLES = frozenset("da das de del della den der des di do dos du la le van von zu ten ter".split())
_VOWEL = re.compile(r"[AEIOUYÀ-ÆÈ-ÏÒ-ÖØ-Ý]")


#: Acronyms of countries and institutions: a name in capitals holding one is an organisation's ("TIME USA"), and so
#: is a name of words beside one written as a word ("UN Environment", "NASA Ames Research Center").
ORGANISATION_ACRONYMS = frozenset("USA UK EU UN IBM MIT NIH NSF NASA IEEE ACM CERN OECD UNESCO UNEP".split())
_ORG_ACRONYMS = ORGANISATION_ACRONYMS


def name_case(family: str, given: str, *, vancouver: bool = False) -> tuple[str, str]:
    """A person's family and given names written all in capitals (Web of Science, Crossref, old PubMed: "KOWALCZYK",
    "MARTA J.") in the case of a name: "Kowalczyk", "Marta J."; a particle before the family name in lowercase ("VAN
    DER BERG": "van der Berg"), and the given words that are initials ("J.", "J", "JTR": a dot, one letter or no
    vowel) kept; a word of two letters holding a vowel is a name when it is the only given word ("WANG, YU": "Yu
    Wang"), initials beside others ("KOWALSKA, ANNA MA") and always in Vancouver's ``vancouver=True`` ("Owen AJ"). Anything with a small letter or a digit, or without a given name (an organisation's acronym written
    as a family name: "IEEE", "WHO"), is returned as it is.

    >>> name_case("KOWALCZYK", "MARTA J."), name_case("VAN DER BERG", "JAN"), name_case("YANG", "F")
    (('Kowalczyk', 'Marta J.'), ('van der Berg', 'Jan'), ('Yang', 'F'))
    >>> name_case("WANG", "YU"), name_case("OWEN", "AJ", vancouver=True)
    (('Wang', 'Yu'), ('Owen', 'AJ'))
    >>> name_case("Lovelace", "ADA"), name_case("IEEE", "")
    (('Lovelace', 'ADA'), ('IEEE', ''))

    A name in capitals holding a country's or an institution's acronym is an organisation's, kept as written.

    >>> name_case("USA", "TIME")
    ('USA', 'TIME')
    """
    text = family + given
    if not given.strip() or any(ch.islower() or ch.isdigit() for ch in text) or not any(ch.isalpha() for ch in text):
        return family, given
    if _ORG_ACRONYMS & set(
        re.findall(r"[A-Z]+", f"{family} {given}")
    ):  # "USA", "TIME": an organisation ("TIME USA") as written
        return family, given
    words = family.split()
    cased = [
        w.lower() if i < len(words) - 1 and w.lower() in FAMILY_PARTICLES else _capitalised(w)
        for i, w in enumerate(words)
    ]
    initials = given.split()
    short = 2 if vancouver or len(initials) > 1 else 1  # the longest initials written without a dot
    kept = [w if "." in w or len(w) <= short or not _VOWEL.search(w) else _capitalised(w) for w in initials]
    return " ".join(cased), " ".join(kept)


def suffix_case(suffix: str) -> str:
    """A generational suffix in the case of a name: "JR." as "Jr.", "SR" as "Sr"; "III" and the rest as written.

    >>> suffix_case("JR."), suffix_case("Sr."), suffix_case("III"), suffix_case("")
    ('Jr.', 'Sr.', 'III', '')
    """
    word = suffix.strip()
    return word.capitalize() if word.rstrip(".") in ("JR", "SR") else word


def _capitalised(word: str) -> str:
    """ "O'BRIEN" as "O'Brien", "SMITH-JONES" as "Smith-Jones"."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group()[:1].upper() + m.group()[1:].lower(), word)


def name_parts(name: str) -> tuple[str, str, str]:
    """``(family, given, suffix)`` of a name as paperlab shows it (:func:`shown_name`): the last word before a
    generational suffix ("Jr.", "III", :data:`NAME_SUFFIXES`) is the family name -- two surnames joined by "y", "e"
    or "i" are one ("Ramón y Cajal") --, the first in Chinese, Japanese or Korean script; ``(name, "", "")`` for a
    name of one word. A name a source wrote ``Family, Given`` keeps that split in the paper's
    ``extra["names_as_written"]`` (:func:`written_name`): "García Márquez, Gabriel" is shown "Gabriel García
    Márquez", whose last word alone is no family name.

    >>> name_parts("Ada King Lovelace"), name_parts("島田 耕平"), name_parts("Priyanka")
    (('Lovelace', 'Ada King', ''), ('島田', '耕平', ''), ('Priyanka', '', ''))
    >>> name_parts("Martin Luther King Jr."), name_parts("J Mossley III"), name_parts("Santiago Ramón y Cajal")
    (('King', 'Martin Luther', 'Jr.'), ('Mossley', 'J', 'III'), ('Ramón y Cajal', 'Santiago', ''))

    A suffix a comma sets apart, given name first, is one too: "Richard D. Methot, Jr." is Methot, Richard D., Jr.

    >>> name_parts("Richard D. Methot, Jr."), name_parts("Harry B. Hunt, III")
    (('Methot', 'Richard D.', 'Jr.'), ('Hunt', 'Harry B.', 'III'))
    """
    words = name.split()
    if len(words) > 2 and _is_suffix(words[-1]) and words[-2].endswith(","):  # "Martin Luther King, Jr."
        words[-2] = words[-2][:-1]
    kept = [w for w in words if not _is_suffix(w)] or words
    suffix = " ".join(w for w in words if w not in kept)
    if len(kept) < 2:
        return " ".join(kept), "", suffix
    if family_first(name):
        return kept[0], " ".join(kept[1:]), suffix
    cut = -3 if len(kept) >= 4 and kept[-2] in _CONNECTORS and kept[-3][:1].isupper() else -1
    return " ".join(kept[cut:]), " ".join(kept[:cut]), suffix


def first_author(authors: Sequence[str], extra: Mapping[str, Any] | None = None) -> str:
    """The first author's family name (:func:`family_name`: "Vaswani" for "Ashish Vaswani"; as its source wrote it
    when a paper's ``extra`` is given, :func:`written_name`: "García Márquez" for "García Márquez, Gabriel"), an
    organisation's whole name (:func:`names_organisation`: "GTEx Consortium", never "Consortium"), or ""."""
    if authors and names_organisation(authors[0]):
        return " ".join(authors[0].split())
    written = written_name(extra, authors[0]) if authors and extra else None
    return written[0] if written else family_name(authors[0]) if authors else ""


# What a byline writes for the authors it leaves out: BibTeX's "others", "et al.", "many others", "175 other
# open-source contributors" (a count or "many"/"several" before "other(s)" and at most three more words).
_ET_AL = r"\bet\.?\s*al(?:ii|\.)?\.?(?!\w)"
_MORE_AUTHORS = re.compile(
    rf"(?:and\s+)?(?:others|{_ET_AL}|(?:\d+|many|several|and)\s+others?(?:\s+[\w-]+){{0,3}})", re.I
)
# a name with the authors left out after it: "van der Pol et al.", "Yun Chen, et.al.", "Ada Lovelace and others"
_ET_AL_END = re.compile(rf"(.*?\S)\s*,?\s*(?:{_ET_AL}|\band\s+others)", re.I)
# "et al." anywhere in a text (a citation "Vaswani et al., 2017" inside a line), with a comma before it (a match
# starts only where blanks start: linear time on a long run of blanks)
_ET_AL_ANYWHERE = re.compile(rf"(?<!\s)\s*(?:,\s*)?{_ET_AL}", re.I)
# marks a byline puts after (or before) a name: equal contribution "*", "^", "†", "‡", "§", "¶"
_NAME_MARKS = re.compile(r"(?<=[^\W\d_.])[*^†‡§¶]+(?=[\s,]|$)|(?:^|(?<=\s))[*^†‡§¶]+(?=\w)")
_DIGIT = re.compile(r"\d")
# a person's life dates as a catalogue writes them after the name ("1884-1945", "(1950-)", ", 1724-1804"), and DBLP's
# four-digit number of a namesake ("Wei Wang 0001"): words of their own
_DATES_AND_NUMBERS = re.compile(
    r",?\s*(?<![\w-])(?:\(\s*(?:1\d|20)\d\d\s*[-–—]\s*(?:(?:1\d|20)\d\d)?\s*\)|(?:1\d|20)\d\d\s*[-–—]\s*(?:(?:1\d|20)\d\d)?"
    r"|0\d{3})(?![\w-])"
)
# affiliation numbers glued to a capitalised word of a name: "Quill1", "Okafor2,3" (not a handle, "dime10")
_AFFILIATION = re.compile(r"\b([^\W\d_a-z][^\W\d_]+)\d{1,2}(?:,\d{1,2})*(?=$|\s|,)")
# a title written before a person's name, at its start or after the comma of "Family, Given"
# (one or several: "Prof. Dr. Laubenheimer", "Prof. Dr.-Ing. Ada Quill")
_HONORIFIC = re.compile(r"(^|,\s*)(?:(?:Prof\.|Professor|Dr\.(?:-Ing\.|\s*rer\.\s*nat\.)?|Mr\.|Mrs\.|Ms\.)\s+)+(?=\w)")
# a role a byline writes before a contributor's name
_ROLE_BEFORE = re.compile(r"^(?:with\s+)?(?:(?:additional\s+)?contributions?\s+(?:from|by)|assisted\s+by)\s+", re.I)
# academic degrees and titles written as a third part of "Family, Given, Ph.D.": no part of the name
_DEGREE = re.compile(
    r"ph\.?\s?d\.?|m\.\s?d\.|md|d\.?\s?phil\.?|m\.?\s?sc\.?|b\.?\s?sc\.?|mba|dr\.?|prof\.?|esq\.?", re.I
)


def is_more_authors(name: str) -> bool:
    """Whether an author "name" stands for the authors left out ("others", "et al.", "many others",
    "175 other contributors"): the byline is cut short, no person is named.

    >>> is_more_authors("others"), is_more_authors("et al."), is_more_authors("175 other open-source contributors")
    (True, True, True)
    >>> is_more_authors("Otherson Smith")
    False
    """
    return bool(_MORE_AUTHORS.fullmatch(" ".join(name.split())))


# A tool's placeholder where no author is known: Zotero's "Unknown" ("Unknown Unknown"), Scopus's "[No author name
# available]", Web of Science's "[Anonymous]", "Anon.", "N/A", "No author" (case, brackets and punctuation aside);
# German citation styles' "o.V." / "o. V." (ohne Verfasser) and "o.A." (ohne Angabe), "N.N." (nomen nescio) and
# "s.n." (sine nomine)
_PLACEHOLDER_NAMES = frozenset(
    "unknown|unknown unknown|unknown author|author unknown|anonymous|anon|anonymous author|no author|"
    "no author name available|no author listed|not available|n a|anonyme|anonym|anonimo|an nimo|"
    "ohne verfasser".split("|")
)
_NOT_LETTERS = re.compile(r"[^a-z]+")
# the dotted placeholders only as written, dots and all: "O, A." is a person (the Korean family name O), "o.A." none
_DOTTED_PLACEHOLDER = re.compile(r"[\[(]?\s*(?:o\.\s?[va]\.|n\.\s?n\.|s\.\s?n\.)\s*[\])]?", re.I)


def is_placeholder_name(name: str) -> bool:
    """Whether an author's name is a placeholder for an author nobody named: no person and no organisation, so the
    importers leave it out (the paper shows no author rather than a made-up one).

    >>> is_placeholder_name("Unknown"), is_placeholder_name("[No author name available]"), is_placeholder_name("N/A")
    (True, True, True)
    >>> is_placeholder_name("o.V."), is_placeholder_name("o. V."), is_placeholder_name("N.N.")
    (True, True, True)
    >>> is_placeholder_name("Ada Unknown"), is_placeholder_name("Anon Quill"), is_placeholder_name("O, A.")
    (False, False, False)
    """
    if _DOTTED_PLACEHOLDER.fullmatch(name.strip()):
        return True
    return len(name) < 40 and _NOT_LETTERS.sub(" ", name.lower()).strip() in _PLACEHOLDER_NAMES


def split_et_al(name: str) -> tuple[str, bool]:
    """A name (or a byline) with "et al." or "and others" after it as (the name, True); any other as (it, False).

    >>> split_et_al("van der Pol et al."), split_et_al("Yun Chen, et.al."), split_et_al("Ada Lovelace")
    (('van der Pol', True), ('Yun Chen', True), ('Ada Lovelace', False))
    """
    m = _ET_AL_END.fullmatch(" ".join(name.split()))
    return (m.group(1).rstrip(","), True) if m else (name, False)


def drop_et_al(text: str) -> tuple[str, bool]:
    """``text`` without any "et al." in it (a citation "Vaswani et al., 2017" inside a line), and whether it had one.

    >>> drop_et_al("(Hoppe et al., 2020)"), drop_et_al("metal alloys")
    (('(Hoppe, 2020)', True), ('metal alloys', False))
    """
    rest, found = _ET_AL_ANYWHERE.subn("", text)
    return rest, found > 0


def strip_name_marks(name: str) -> str:
    """A name without the marks a byline adds for equal contribution or a corresponding author
    ("Zhihang Yuan*", "Yong Jae Lee^", "Ana Silva†") and without a role written before it ("with contributions
    from Ana Silva").

    >>> strip_name_marks("Zhihang Yuan*"), strip_name_marks("Lee^, Yong Jae"), strip_name_marks("O'Neil")
    ('Zhihang Yuan', 'Lee, Yong Jae', "O'Neil")
    >>> strip_name_marks("with contributions from Ana Silva")
    'Ana Silva'

    A title before the name ("Prof. Ada Quill", "Quill, Dr. Ada") is no part of it either.

    >>> strip_name_marks("Prof. Ada Quill"), strip_name_marks("Quill, Dr. Ada"), strip_name_marks("Dr. Who")
    ('Ada Quill', 'Quill, Ada', 'Who')
    >>> strip_name_marks("Prof. Dr. Laubenheimer"), strip_name_marks("Prof. Dr.-Ing. Ada Quill")
    ('Laubenheimer', 'Ada Quill')

    Initials followed by their fuller form, as library catalogues write names, are the fuller form.

    >>> strip_name_marks("Marcus, G. J. (Geoffrey Jules)"), strip_name_marks("Quill, A. (Bo)")
    ('Marcus, Geoffrey Jules', 'Quill, A. (Bo)')

    A person's life dates ("Georg 1884-1945 Lukács", "Kant, Immanuel, 1724-1804", "Quill, Ada (1950-)") and DBLP's
    number telling namesakes apart ("Zhongliang Zhang 0001") are no part of a name either.

    >>> strip_name_marks("Georg 1884-1945 Lukács"), strip_name_marks("Kant, Immanuel, 1724-1804")
    ('Georg Lukács', 'Kant, Immanuel')
    >>> strip_name_marks("Quill, Ada (1950-)"), strip_name_marks("Zhongliang Zhang 0001")
    ('Quill, Ada', 'Zhongliang Zhang')
    """
    text = " ".join(_NAME_MARKS.sub("", _DATES_AND_NUMBERS.sub("", name) if _DIGIT.search(name) else name).split())
    text = _HONORIFIC.sub(r"\1", text) if _HONORIFIC.sub("", text).strip(" ,") else text
    text = _FULLER_FORM.sub(_fuller_form, text)
    return _ROLE_BEFORE.sub("", text) or text


# initials followed by the fuller form of the given names in brackets, as library catalogues write a name (MARC's
# "fuller form of name"): "Marcus, G. J. (Geoffrey Jules)"
_FULLER_FORM = re.compile(r"(?<!\w)((?:[^\W\d_]\.\s*){1,4})\(([^\W\d_][^()]{0,60})\)(?=\s|$)")


def _fuller_form(m: re.Match[str]) -> str:
    """The given names written out when their initials are the fuller form's ("G. J. (Geoffrey Jules)"), else as
    written."""
    initials = [c.lower() for c in m.group(1) if c.isalpha()]
    words = m.group(2).split()
    return m.group(2) if [w[0].lower() for w in words] == initials else m.group(0)


def affiliation_marks_dropped(name: str) -> str:
    """A name written in a byline without the affiliation numbers glued to it ("Ada Quill1", "Okafor2,3, Dele", as a
    paper's first page sets them as superscripts); an organisation's name keeps its digits.

    >>> affiliation_marks_dropped("Ada Quill1"), affiliation_marks_dropped("Okafor2,3, Dele")
    ('Ada Quill', 'Okafor, Dele')
    >>> affiliation_marks_dropped("Team42 Labs"), affiliation_marks_dropped("R2D2 Team"), affiliation_marks_dropped("dime10")
    ('Team42 Labs', 'R2D2 Team', 'dime10')
    """
    if not _AFFILIATION.search(name) or names_organisation(name) or len(re.findall(r"[^\W\d_]+", name)) < 2:
        return name  # one word: a handle ("dime10"), digits and all
    return " ".join(_AFFILIATION.sub(r"\1", name).split())


def is_life_dates(part: str) -> bool:
    """Whether a part of a name is a person's life dates, as catalogues write them after it ("1884-1945",
    "(1950-)", "1724–1804").

    >>> is_life_dates("1884-1945"), is_life_dates("(1950-)"), is_life_dates("Jr."), is_life_dates("2020")
    (True, True, False, False)
    """
    return bool(_DATES_AND_NUMBERS.fullmatch(" " + part.strip())) and not part.strip().startswith("0")


def is_degree(part: str) -> bool:
    """Whether a part of a name is an academic degree or title ("Ph.D.", "PhD", "M.D.", "Dr.", "Prof.")."""
    return bool(_DEGREE.fullmatch(part.strip()))


def csl_name_text(name: Any) -> str:
    """One CSL name object as paperlab writes an author: ``Given particles Family Suffix``; a literal as is.

    Raises
    ------
    ValueError
        If ``name`` is neither a string nor an object of strings (an empty object is ``""``).
    """
    if isinstance(name, str):
        return " ".join(name.split())
    if not isinstance(name, dict):
        raise ValueError(f"expected a name object, got {name!r}")
    literal = name.get("literal")
    if isinstance(literal, str) and literal.strip():
        return strip_name_marks(_person_turned_round(" ".join(literal.split())))
    parts = [name.get(k) for k in ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")]
    if not all(p is None or isinstance(p, str) for p in parts):
        raise ValueError(f"expected a name object of strings, got {name!r}")
    if parts[1] and parts[2] and parts[1].strip() == parts[2].strip():
        parts[1] = None  # one particle given as both kinds ("de" dropping and non-dropping): written once
    if parts[0] and parts[3] and " ".join(parts[0].split()) == " ".join(parts[3].split()):
        parts[0] = None  # an organisation written as both family and given ("Acme", "Acme"): once
    if parts[3] and is_more_authors(parts[3]):
        return parts[3].strip()  # {"family": "et al.", "given": "X"}: the mark of a list cut short, no person
    if parts[0] and parts[3]:  # "MARTA J." "KOWALCZYK" as Crossref writes some: "Marta J." "Kowalczyk"
        parts[3], parts[0] = name_case(parts[3], parts[0])
        parts[4] = suffix_case(parts[4] or "")  # "JR." as "Jr."
    if family_first(
        "".join(p for p in parts if p)
    ):  # 島田耕平: the family name first, no space, as the script writes it
        parts = [shown_name(parts[3] or "", parts[0] or ""), parts[4]]
    return strip_name_marks(" ".join(" ".join(p for p in parts if p and p.strip()).split()))


# Words of an organisation's name (French ones too: "Laboratoire", "Ministère"): a literal holding one is never a person written "Family, Given" (AI only as the
# acronym: "Ai" is a given name), except a family name of one word that is also a surname (_SURNAMES: "Bank, Anna")
_ORGANISATION = re.compile(
    r"\b(?:universit\w*|institut\w*|department|college|school|cent(?:er|re)|laborator\w*|labs?|society|association|"
    r"foundation|agency|council|committee|group|team|inc|ltd|llc|corp|corporation|company|press|office|ministry|"
    r"service|bureau|organi[sz]ation|board|commission|network|project|consortium|collaborations?|research|(?-i:AI)|deepmind|"
    r"technolog\w*|tech|systems?|solutions|software|studios?|partners|holdings|ventures|gmbh|plc|limited|"
    r"hospital|clinic|bank|government|national|federal|international|global|"
    r"laboratoire\w*|minist[eè]re|soci[eé]t[eé]|fondation|agence|conseil|comit[eé]|[eé]cole|groupe)\b",
    re.I,
)
_SURNAMES = frozenset({"bank", "press", "service", "board", "college", "school"})
# a word of a given name ("Anna", "Jean-Pierre", "Zoë", "O'Neil") or initials ("J.", "J.-P.", "A.B.", "J")
_GIVEN_WORD = re.compile(r"[^\W\d_][^\W\d_A-Z]+(?:[-'’][^\W\d_][^\W\d_A-Z]+)*|(?:[A-Z]\.?-?){1,3}")
# a word of a family name: capitalised ("Berg", "McDonald", "O'Neil") or a lowercase particle ("van", "der")
_FAMILY_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])+|[a-z]{1,4}")


def _person_turned_round(literal: str) -> str:
    """A literal name that is a person written ``Family, Given`` ("Derese, Solomon", "van der Berg, Anna"), as
    ``Given Family``: one comma, one to three words each side, the given side given names or initials, the family
    side capitalised words (lowercase particles allowed) and no all-caps acronym ("NASA, Goddard"), no digit, no
    organisation word ("Microsoft, Research Asia"; "Hasegawa, Ai" and "Bank, Anna" are people). Anything else
    ("Google, DeepMind", "University of X, Berkeley", "Smith, J. and Lee, K.") is kept as written, as is an all-caps
    family name ("LI, Wei")."""
    family, comma, given = literal.partition(",")
    if not comma or "," in given or any(ch.isdigit() for ch in literal) or _names_organisation(family, given):
        return literal
    sides = [family.split(), given.split()]
    if not all(1 <= len(words) <= 3 for words in sides) or not sides[0][-1][0].isupper():
        return literal
    person = all(_GIVEN_WORD.fullmatch(w) and (w[0].isupper() or len(w) <= 4) for w in sides[1]) and all(
        _FAMILY_WORD.fullmatch(w) and not (len(w) > 1 and w.isupper()) for w in sides[0]
    )
    return f"{given.strip()} {family.strip()}" if person else literal


def written_name(extra: Mapping[str, Any], name: str) -> tuple[str, str, str] | None:
    """``(family, given, suffix)`` of an author's shown name as its source wrote them, when a reader set them in
    another case or split them where :func:`name_parts` would not (a paper's ``extra["names_as_written"]``:
    "MCDONALD, RONALD" shown "Ronald Mcdonald", "García Márquez, Gabriel" shown "Gabriel García Márquez"; else the
    name objects a CSL import kept, ``extra["csl"]["author"]``) and they still read as that name; None otherwise.
    The BibTeX, RIS and CSL exports write a name so (as CSL writes back its name objects).

    >>> written_name({"names_as_written": {"Ronald Mcdonald": ["MCDONALD", "RONALD", ""]}}, "Ronald Mcdonald")
    ('MCDONALD', 'RONALD', '')
    >>> written_name({}, "Ronald Mcdonald") is None
    True
    """
    kept = extra.get("names_as_written")
    parts = kept.get(name) if isinstance(kept, dict) else _csl_written(extra, name)
    if not (isinstance(parts, list) and len(parts) == 3 and all(isinstance(p, str) for p in parts)):
        return None
    family, given, suffix = parts
    back = " ".join(f"{shown_name(*name_case(family, given))} {suffix_case(suffix)}".split())
    whole = family.strip() and given.strip() and "," not in family + given + suffix  # each part one of "A, B, C"
    return (family, given, suffix) if whole and back == name else None


# keys of a CSL name object that hold a part of the name the written ``[family, given, suffix]`` has no place for (a
# name object's other keys, Crossref's "sequence" and "affiliation", are no part of the name)
_NAME_KEYS_BEYOND = frozenset(("literal", "dropping-particle", "non-dropping-particle"))


def _csl_written(extra: Mapping[str, Any], name: str) -> list[str] | None:
    """The parts of a name object a CSL import kept (``extra["csl"]["author"]``) that reads as ``name`` once set in
    another case (``"ROTHWELL"``, ``"LOUISA M."``)."""
    csl = extra.get("csl")
    names = csl.get("author") if isinstance(csl, dict) else None
    for obj in names if isinstance(names, list) else []:
        if not isinstance(obj, dict) or set(obj) & _NAME_KEYS_BEYOND:  # "sequence", "affiliation": no part of it
            continue
        family, given, suffix = (obj.get(k) for k in ("family", "given", "suffix"))
        if not (isinstance(family, str) and isinstance(given, str) and isinstance(suffix, (str, type(None)))):
            continue
        cased = name_case(family, given) != (family, given) or suffix_case(suffix or "") != (suffix or "")
        split = name_parts(name)[:2] != (family.strip(), given.strip())  # "García Márquez": two words of family
        if (cased or split) and csl_name_text(obj) == name:
            return [family, given, suffix or ""]
    return None


def names_organisation(name: str) -> bool:
    """Whether a name names an organisation ("Qwen Team, Alibaba Cloud", "Google AI, Zurich", "GTEx Consortium": an
    organisation word on either side of its comma, or anywhere in a name without one; a one-word family side that is
    also a surname, "Bank, Anna" or "Anna Bank", not counting), so that it is kept as written and never turned round
    as a person's ``Family, Given``. A family side of one organisation word alone, "Team, Kimi", is no organisation
    written so: it is "Kimi Team" split by a tool into family and given names, whole again when turned round."""
    family, comma, given = name.partition(",")
    if not comma and len(words := name.split()) > 1 and words[0] in ORGANISATION_ACRONYMS:
        return True  # "UN Environment", "NASA Ames Research Center": an acronym written as a word
    if not comma:
        words = name.split()
        family, given = " ".join(words[-1:]), " ".join(words[:-1])
    elif _ORGANISATION.fullmatch(family.strip()) and given.strip() and not _ORGANISATION.search(given):
        return False
    return _names_organisation(family, given)


def _names_organisation(family: str, given: str) -> bool:
    """Whether the sides of a literal ``family, given`` hold an organisation word, a family name of one word that is
    also a surname ("Bank", "Press") not counting."""
    words = family.split()
    surname = len(words) == 1 and words[0].lower() in _SURNAMES
    return bool(_ORGANISATION.search(given) or (not surname and _ORGANISATION.search(family)))


def _folded(text: str) -> str:
    """Case and accents aside ("Müller" is "muller"), an initial's dot dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip(" .")


def _first_given(name: str) -> str:
    """The first given name (or initial) of ``name``, folded, an abbreviation's full stop kept: "li" of "Chen, Li",
    "Li Chen"; "l." of "L. Chen"; "d." of "D.P. Kingma" and "d" of "DP Kingma" (initials glued together: the first);
    "th." of "Arampatzis, Th."; "j.-p." of "J.-P. Müller"."""
    parts = [p.strip() for p in name.split(",") if p.strip() and not _is_suffix(p)]
    given = parts[1] if len(parts) > 1 else name_parts(parts[0] if parts else name)[1]
    word = given.split()[0] if given.split() else ""
    if glued := _GLUED_INITIAL.match(word):  # "D.P.", "J.R.R."
        word = glued.group(1)
    elif 1 < len(word) <= 3 and word.isupper() and not _VOWEL.search(word):  # "DP", "JTR": initials written so
        word = word[0]
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


# the first of initials glued together with full stops ("D.P.", "J.R.R."); not a hyphenated "J.-P."
_GLUED_INITIAL = re.compile(r"([^\W\d_]\.)(?=[^\W\d_]\.?)")


def _givens_agree(a: str, b: str) -> bool:
    """Two first given names are one person's: equal, or one is the other's initial or abbreviation ("Th." of
    "Theodoros"), part by part of a hyphenated name ("J.-P." and "Jean-Pierre", "L" and "Li"; never "L." and "Wei",
    nor "Li" and "Lin")."""
    for x, y in zip(a.split("-"), b.split("-"), strict=False):
        short, long = sorted((x.strip(), y.strip()), key=lambda w: len(w.strip(".")))
        cut = short.endswith(".") or len(short.strip(".")) == 1  # an initial or an abbreviation: a prefix
        short, long = short.strip(" ."), long.strip(" .")
        if not short or (short != long if not cut else not long.startswith(short)):
            return False
    return True


def same_person(a: str, b: str) -> bool:
    """Whether two names as sources write them may be one person: the same family name (case and accents aside)
    and, when both give one, first given names that agree ("L. Chen" is "Chen, Li" and "Lei Chen", never "Wei
    Chen"; "Chen" alone is any Chen). The feed's "by L. Chen (author of 1 of your papers)" and its ``author:``
    boosts and mutes match authors so.

    >>> same_person("L. Chen", "Chen, Li"), same_person("L. Chen", "Wei Chen"), same_person("Chen", "Wei Chen")
    (True, False, True)
    >>> same_person("J.-P. Müller", "Jean-Pierre Muller"), same_person("Chen", "Cheng Li")
    (True, False)
    >>> same_person("D.P. Kingma", "Kingma, Diederik P"), same_person("Arampatzis, Th.", "Theodoros Arampatzis")
    (True, True)
    >>> same_person("Li Chen", "Lin Chen"), same_person("DP Kingma", "Durk Kingma"), same_person("Th. Ode", "Ana Ode")
    (False, True, False)
    """
    family_a, family_b = _folded(family_name(a)), _folded(family_name(b))
    if not family_a or family_a != family_b:
        return False
    given_a, given_b = _first_given(a), _first_given(b)
    return not given_a or not given_b or _givens_agree(given_a, given_b)

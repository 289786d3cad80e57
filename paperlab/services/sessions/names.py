"""Presenters and authors: which lines of a transcript are people's names, and the names on an author line."""

from __future__ import annotations

import re

__all__ = ["PARTICLES", "author_names", "lowercase_words", "name_shaped", "title_case"]

PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "dos", "ter", "bin", "al", "y"}
_NAME_TOKEN = re.compile(r"^[A-Z][a-zà-öø-ÿ'’]+(?:-[A-Z][a-zà-öø-ÿ]+)?$")
# a surname with a capital inside: "McEldrew", "MacDonald", "DeLong", "LeCun"
_CAMEL_SURNAME = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O')[A-Z][a-zà-öø-ÿ]+")
_AFFILIATION = re.compile(
    r"^(?:University|Universit\w*|Institute|Institut\w*|College|Center|Centre|Laborator\w*|Labs?|Research|"
    r"School|Inc\.?|Ltd\.?|Department|Dept\.?|Academy|Faculty|Hospital|Corporation|Corp\.?|Technology|AI)$"
)
# markers (*, †, superscript digits), '&', ';' and "and" separate the authors of one record
_AUTHOR_SEPARATOR = re.compile(r"\s*(?:&|;|\band\b|\*+\d*|[†‡§¶]+|(?<=\w)\s+\d+(?=\s|$))\s*")
_SMALL_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "via",
    "for",
    "and",
    "or",
    "in",
    "on",
    "to",
    "with",
    "by",
    "at",
    "from",
    "vs",
    "vs.",
    "as",
    "into",
    "towards",
    "toward",
}


# the words of a note's section headings ("#### Research Question", "## Main Contributions") and of a group's own
# headings ("# Journal Club: …", "# Research Papers", "## Reading Group"): no person's name
_SECTION_WORD = re.compile(
    r"^(?:questions?|conclusions?|contributions?|summary|abstract|introduction|background|motivation|methods?|"
    r"methodology|approach|results?|experiments?|evaluation|discussion|limitations?|problems?|ideas?|keywords?|"
    r"references?|notes?|takeaways?|overview|contents?|cite|citation|related|future|work|findings?|insights?|"
    r"journal|club|reading|group|seminar|meeting|session|workshop|papers?|research|literature|readings?)$",
    re.I,
)


def name_shaped(line: str) -> bool:
    """2-4 capitalised words (name particles allowed), e.g. "Nanne van Noord"; never a note's section heading
    ("Research Question", "Key Contributions")."""
    tokens = line.split()
    if not 2 <= len(tokens) <= 4 or tokens[0] in PARTICLES or tokens[-1] in PARTICLES:
        return False
    if any(_SECTION_WORD.match(t) for t in tokens):
        return False
    return all(t in PARTICLES or _NAME_TOKEN.match(t) or _CAMEL_SURNAME.fullmatch(t) for t in tokens)


def lowercase_words(text: str) -> set[str]:
    """The words that occur in lower case somewhere in ``text`` (so they are not name words)."""
    return set(re.findall(r"(?<![\w@.])[a-zà-öø-ÿ][a-zà-öø-ÿ'-]*(?![\w@])", text))


def title_case(title: str) -> str:
    """An ALL-CAPS title in title case (small words lower case); any other title unchanged."""
    letters = [c for c in title if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.9 * len(letters):
        return title
    words = title.lower().split()
    out: list[str] = []
    for i, w in enumerate(words):
        if i > 0 and w in _SMALL_WORDS and not out[-1].endswith(":"):
            out.append(w)
        else:
            out.append("-".join(part[:1].upper() + part[1:] for part in w.split("-")))
    return " ".join(out)


def _email_records(tokens: list[str]) -> tuple[list[list[str]], bool]:
    """The tokens grouped into author records closed by an e-mail, and whether there was one.

    A lowercase word right before an e-mail is part of a broken address and is dropped.
    """
    records: list[list[str]] = [[]]
    had_email = False
    for t in tokens:
        if "@" in t:
            had_email = True
            while records[-1] and re.fullmatch(r"[a-z0-9._-]+", records[-1][-1]):
                records[-1].pop()
            records.append([])
        else:
            records[-1].append(t)
    return records, had_email


def _name_part(part: str) -> tuple[int | None, list[str]]:
    """(where an affiliation starts or None, the name's tokens) of one author of a record."""
    first = part.split(",")[0].split()
    cut = next(
        (
            k
            for k, tok in enumerate(first)
            if _AFFILIATION.match(tok) or re.search(r"\d", tok) or re.fullmatch(r"[A-Z]{2,}", tok)
        ),
        None,
    )
    if cut is None:
        return None, first
    return cut, first[:cut][:2] if cut > 2 else first[:cut]


def _initials_name(part: str) -> bool:
    """A name with initials: "Edward J. Hu", "J. R. R. Tolkien"."""
    tokens = part.split()
    last = tokens[-1] if tokens else ""
    surname = _NAME_TOKEN.match(last) is not None or _CAMEL_SURNAME.fullmatch(last) is not None  # "McEldrew"
    return 2 <= len(tokens) <= 5 and all(_name_word(t) for t in tokens) and surname


def _name_word(t: str) -> bool:
    return bool(
        t in PARTICLES
        or _NAME_TOKEN.match(t)
        or re.fullmatch(r"[A-Z][a-z]+[A-Z][a-z]+", t)
        or re.fullmatch(r"[A-Z]\.", t)
    )


def author_names(line: str) -> list[str] | None:
    """Author names on a header line, ``[]`` for an e-mail-only line, None if not an author line."""
    if re.match(r"^\s*[-•*]\s", line) or line.rstrip().endswith((":", "?", ".")):
        return None  # bullets and sentences are slide content
    tokens = re.sub(r"\{[^}]*\}\S*", " ", line).split()
    if not tokens:
        return None
    listed = [p.strip() for p in re.split(r"\s*(?:,|;|&|\band\b)\s*", line.strip()) if p.strip()]
    if "," in line and len(listed) >= 2 and all(name_shaped(p) or _initials_name(p) for p in listed):
        return listed  # "Kaiming He, Xiangyu Zhang and Jian Sun"
    records, had_email = _email_records(tokens)
    names: list[str] = []
    affiliation_seen = False
    for rec in records:
        for part in (p.strip(" ,") for p in _AUTHOR_SEPARATOR.split(" ".join(rec))):
            if not part:
                continue
            cut, name_tokens = _name_part(part)
            affiliation_seen = affiliation_seen or cut is not None
            if not name_tokens:
                continue
            if not all(_name_word(t) for t in name_tokens):
                if cut is None and not had_email:
                    return None
                continue
            if cut is None and len(name_tokens) == 4:  # two-column slides: "Keivan Alizadeh Mehrdad Farajtabar"
                names += [" ".join(name_tokens[:2]), " ".join(name_tokens[2:])]
            elif len(name_tokens) >= 2:
                names.append(" ".join(name_tokens))
            elif cut is None and not had_email and not affiliation_seen:
                return None
    if not names and not had_email and not affiliation_seen:
        return None
    return names

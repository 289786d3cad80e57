"""A home-made JSON record's fields where its keys do not name them the usual way (:mod:`paperlab.sources.json_list`):
keys written in a language's form (``title_he``, ``author-en``: the field, the plain or English one preferred),
identifier lists (``"identifier": [{"type": "doi", "id": "10.…"}]``, ``{"ids": {"arxiv": …}}``), and lists of records
whose keys name no field at all (a portfolio's ``heading``, ``subheading``, ``subtitle``, ``description1``) read by
what their values are: a title, a byline of several names, a year, a link; such a list is read only when most of its
records show a title with names, a year or a link.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..identifiers import find_doi, normalize_arxiv_id
from ..names import FAMILY_PARTICLES

__all__ = [
    "folded_key",
    "fuller_title",
    "language_rank",
    "listed_ids",
    "split_language",
    "valued_records",
    "venue_notes",
]

# ISO 639-1 language codes a key may end in ("title_he", "abstract-en", "name.fr"); "id" and "no" are left out, as
# "paper_id" and "paper_no" are an id and a number, not Indonesian or Norwegian text
_LANGUAGES = frozenset(
    (
        "aa ab af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el "
        "en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia ie ig ii ik io is it iu "
        "ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my "
        "na nb nd ne ng nl nn nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn "
        "so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh "
        "zu"
    ).split()
)
_SUFFIXED = re.compile(r"(.*?[^\W_])(?:[\s_.-]([a-z]{2})|\s*[(\[]([a-z]{2})[)\]])", re.I)


def fuller_title(value: Any, short: Any) -> bool:
    """Whether ``value`` is the full title of which ``short`` is the short name, as a record gives both under two
    title keys ({"papername": "FogNet", "fulltitle": "FogNet: Reading Tides by Night"}, {"title": "Slopes", "paper":
    "Slopes and Their Gardens"}): it starts with the short name, whole words, and goes on.

    >>> fuller_title("FogNet: Reading Tides by Night", "FogNet"), fuller_title("FogNetwork", "FogNet")
    (True, False)
    """
    if not isinstance(value, str) or not isinstance(short, str) or not short.strip():
        return False
    full, name = " ".join(value.split()).casefold(), " ".join(short.split()).casefold()
    return len(full) > len(name) and full.startswith(name) and not full[len(name)].isalnum()


def split_language(key: str) -> tuple[str, str | None]:
    """(the key without its language, the language) of a key written in a language's form ("title_he", "Title
    (en)"); ``(key, None)`` for any other key.

    >>> split_language("title_he"), split_language("author-EN"), split_language("paper_id"), split_language("url")
    (('title', 'he'), ('author', 'en'), ('paper_id', None), ('url', None))
    """
    m = _SUFFIXED.fullmatch(key.strip())
    language = (m.group(2) or m.group(3)).lower() if m else None
    return (m.group(1), language) if m and language in _LANGUAGES else (key, None)


def language_rank(key: str) -> int:
    """Which of a field's keys a record's reading prefers: the plain key (0), the English one (1), another
    language's (2)."""
    language = split_language(key)[1]
    return 0 if language is None else 1 if language == "en" else 2


_ID_KEYS = ("identifier", "identifiers", "ids", "externalids", "externalid", "otherids")
_TYPE_KEYS = ("type", "scheme", "idtype", "kind", "name", "source")
_VALUE_KEYS = ("id", "value", "identifier", "number", "url")


def folded_key(key: Any) -> str:
    """A JSON key as the readers compare keys: without case, spaces, "_", "-" and "." ("Family_Name" is
    "familyname")."""
    return re.sub(r"[\s_\-.]+", "", str(key)).lower()


def listed_ids(rest: dict[str, Any]) -> tuple[str | None, tuple[str, int | None] | None]:
    """(DOI, arXiv id and version) a record names in an identifier list or object: ``[{"type": "doi", "id": "10.…"},
    {"scheme": "arxiv", "value": "2101.00001"}]``, ``{"doi": …, "arxiv": …}``, ``["doi:10.…", "arXiv:2101.00001"]``.
    """
    pairs: list[tuple[str, str]] = []
    for key, value in rest.items():
        if folded_key(key) not in _ID_KEYS:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and any(folded_key(k) in _TYPE_KEYS for k in item):
                kind = next(str(v) for k, v in item.items() if folded_key(k) in _TYPE_KEYS)
                found = next((v for k, v in item.items() if folded_key(k) in _VALUE_KEYS and isinstance(v, str)), None)
                pairs += [(kind, found)] if found else []
            elif isinstance(item, dict):
                pairs += [(str(k), v) for k, v in item.items() if isinstance(v, str)]
            elif isinstance(item, str):
                pairs.append((item, item))  # "doi:10.…", "https://arxiv.org/abs/…": the value names its kind
    doi = next((find_doi(v) for k, v in pairs if "doi" in folded_key(k) and find_doi(v)), None)
    arxiv = next((normalize_arxiv_id(v) for k, v in pairs if "arxiv" in folded_key(k) and normalize_arxiv_id(v)), None)
    return doi, arxiv


_YEAR = re.compile(r"(?:19|20)\d\d")
_HREF = re.compile(r"""href\s*=\s*["'](https?://[^"'\s]+)""", re.I)
_URL = re.compile(r"https?://\S+")
_PARTICLES = FAMILY_PARTICLES | {"bin", "al", "el"}  # and Arabic names' ("Ahmad bin Ali", "Omar al Farouk")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _byline(text: str) -> list[str] | None:
    """The names of a byline of two persons or more ("Apoorv Malik, Liang Zhang and Ning Dai", "A. Quill, B. Dale,
    et al."); None for any other text."""
    text = re.sub(r"[,\s]*(?:et\s+al\.?|and\s+others)\s*$", "", text.strip(), flags=re.I)
    parts = [p.strip() for p in re.split(r",|;|\band\b|&", text) if p.strip()]
    if not 2 <= len(parts) <= 100 or sum(len(p.split()) > 1 for p in parts) * 2 < len(parts):
        return None
    for part in parts:
        words = part.split()
        if len(words) > 4 or not all(_NAME_WORD.fullmatch(w) and (w[0].isupper() or w in _PARTICLES) for w in words):
            return None
    return parts


def _title_like(text: str) -> bool:
    """Whether a value reads as a title or a venue: three words or more on one line, some letters, no link, no
    markup, not a sentence ending in "!" or "?" alone."""
    words = text.split()
    return (
        3 <= len(words) <= 40
        and len(text) <= 300
        and "\n" not in text.strip()
        and "<" not in text
        and not _URL.search(text)
        and sum(ch.isalpha() for ch in text) * 2 > len(text)
    )


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value[:20] for s in _strings(v)]
    return []


# keys (folded) of the persons a group, an event or a page lists, not a paper's authors: a team page's "people", a
# seminar's "speakers", a course's "students"
_MEMBER_KEYS = frozenset(
    "people persons members teammembers team staff students participants attendees organizers organisers hosts "
    "speakers presenters mentors advisors advisers supervisors alumni leads instructors".split()
)


def _roles(item: dict[str, Any], byline_key: str | None) -> dict[str, Any] | None:
    """The fields a record's values show (see the module): the names under ``byline_key`` (the key the list writes
    its bylines under), the first title-like text of another key as the title and the next as the venue, a year, a
    link; None when they show no paper (no title, or none of a byline, a year and a link). The names under a key
    that lists a group's persons (``people``, ``members``, ``speakers``: :data:`_MEMBER_KEYS`) are no byline and no
    title."""
    item = {k: v for k, v in item.items() if folded_key(k) not in _MEMBER_KEYS}  # a team's names are no byline
    names = _byline(item[byline_key]) if byline_key and isinstance(item.get(byline_key), str) else None
    texts = [v.strip() for k, v in item.items() if k != byline_key and isinstance(v, str) and _title_like(v.strip())]
    years = [str(v).strip() for v in item.values() if isinstance(v, (str, int)) and _YEAR.fullmatch(str(v).strip())]
    links = [u for v in item.values() for s in _strings(v) for u in (_HREF.findall(s) or _URL.findall(s)[:1])]
    if not texts or not (names or years or links):
        return None
    fields: dict[str, Any] = {"title": texts[0]}
    if names:
        fields["authors"] = names
    if len(texts) > 1 and len(texts[1]) <= 200:
        fields["venue"] = texts[1]
    if years:
        fields["year"] = years[0]
    if links:
        fields["url"] = links[0]
    return fields


_VENUE_WORD = re.compile(
    r"\b(?:(?i:journal|proceedings|conference|symposium|workshop|transactions|review|letters|annals|bulletin"
    r"|press|preprint|thesis)|[A-Z]{2,}[a-z]?)\b"
)


def _paper_evidence(read: dict[str, Any] | None) -> bool:
    """Whether the fields a record's values show are a paper's: a byline with its title, a link naming an arXiv id
    or a DOI, or a venue (a journal, proceedings, an acronym, a year)."""
    if read is None:
        return False
    url = str(read.get("url", ""))
    venue = str(read.get("venue", ""))
    return (
        "authors" in read
        or bool(normalize_arxiv_id(url) or find_doi(url))
        or bool(venue and (_YEAR.search(venue) or _VENUE_WORD.search(venue)))
    )


def valued_records(items: list[Any], titled: Any) -> list[Any] | None:
    """``items`` with the fields their values show added (:func:`_roles`), when none has a title of its own
    (``titled``) and most of the records show a paper (:func:`_paper_evidence`); None otherwise. The byline is read
    under the one key most records write names under ("subtitle"), so a title in title case ("Lazy Outside and Lazy
    Backward Algorithms") is never taken for names."""
    records = [x for x in items if isinstance(x, dict)]
    if not records or any(titled(x) for x in records[:20]):
        return None
    keys = Counter(k for x in records for k, v in x.items() if isinstance(v, str) and _byline(v))
    byline_key = keys.most_common(1)[0][0] if keys else None
    read = [_roles(x, byline_key) for x in records]
    if sum(_paper_evidence(r) for r in read) * 2 <= len(records):
        return None  # a link and a year alone are no paper: a repository, a product, a post has them too
    roles = iter(read)
    return [
        {**x, **{k: v for k, v in (next(roles) or {}).items() if k not in x}} if isinstance(x, dict) else x
        for x in items
    ]


# a venue's notes after it, set off by commas or semicolons (full-width too): "IEEE InfoVis，2001；DOI 10.1109/…"
_NOTE_BREAK = re.compile(r"(\s*[，；;、]\s*|,\s+|\s+[•·|]\s+)")  # also a page's "ICCBS • 2026"
_ACCESS_NOTE = re.compile(r"访问|accessed|retrieved|visited|abgerufen|consulté|acesso", re.I)


def venue_notes(venue: str | None) -> tuple[str | None, int | None, str | None]:
    """(the venue, the year, the DOI) a venue written with notes after it gives: a note that is a year alone
    ("SIGGRAPH / ACM TOG，2025") or a DOI ("DOI 10.1109/…") is read out of it; an access date is no year. A year
    closing a venue's name ("NeurIPS 2023", "Proceedings of … (GC 2020)") is the year too, the venue kept whole.

    >>> venue_notes("IEEE InfoVis，2001"), venue_notes("NeurIPS 2023"), venue_notes("ISO 9001")
    (('IEEE InfoVis', 2001, None), ('NeurIPS 2023', 2023, None), ('ISO 9001', None, None))
    >>> venue_notes("Neural Computation 31(8), Aug. 2019 (shorter version in Proc. MLSP, Sept. 2018)")[1]
    2019
    >>> venue_notes("ICCBS • 2026")
    ('ICCBS', 2026, None)
    >>> venue_notes("Report No. 2019")[1] is None
    True
    """
    if not venue or len(venue) > 300 or _ACCESS_NOTE.search(venue):
        return venue, None, None
    pieces = _NOTE_BREAK.split(venue)  # with its separators: [venue, sep, note, sep, note...]
    shown, year, doi = pieces[0], None, None
    for sep, part in zip(pieces[1::2], pieces[2::2], strict=True):
        if (m := re.fullmatch(r"\(?(1[5-9]\d\d|20\d\d)\)?", part.strip())) and year is None:
            year = int(m.group(1))
        elif re.fullmatch(r"(?:doi\s*:?\s*)?10\.\d{4,9}/\S+", part.strip(), re.I) and doi is None:
            doi = find_doi(part)
        else:
            shown += sep + part
    named = _AFTER_NOTE.sub("", venue)  # "…, Aug. 2019 (shorter version in Proc. MLSP, Sept. 2018)": 2019
    if not (year or doi) and (closing := _CLOSING_YEAR.search(named)):
        return venue, int(closing.group(1)), None
    return (shown.strip() or None) if year or doi else venue, year, doi


# a year closing a venue's name, not a number ("Report No. 2019", "Nr. 2019")
_CLOSING_YEAR = re.compile(r"(?<![\d.-])(?<!\bNo\. )(?<!\bNr\. )(?<!\bNo )(1[5-9]\d\d|20\d\d)\)?\s*$", re.I)
# a note in brackets after the venue, in words ("(shorter version in …)", "(to appear)"), not "(GC 2020)"
_AFTER_NOTE = re.compile(r"\s*\((?=[a-z])[^()]{0,200}\)\s*$")

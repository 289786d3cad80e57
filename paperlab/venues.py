"""The venue of a paper, read from its arXiv comment and journal reference.

One parser for :attr:`paperlab.Paper.venue` (cards, library frames) and the ``venue``
column of :func:`paperlab.compare`. Rules, in order:

1. A journal reference is the publication: a known conference or journal acronym with a
   year in it gives the short form ("ICML 2023"), otherwise it is kept as given
   ("Phys.Rev.D76:013009,2007"); a reference that only says "arXiv" or "preprint" (with an id, a month or a year)
   names none.
2. In the comment, a known acronym with a year ("Accepted at CVPR 2025", "CVPR2025; code
   ...", "Published as a conference paper at ICLR 2025", "NeurIPS'24 camera-ready") gives
   ``"<ACRONYM> <year>"``, with ``" Workshop"`` when the clause names a workshop.
3. Otherwise a capitalised name with a year (not a date: "Accessed May 2026") is a venue when the comment starts with it
   ("ISBI 2025, 4 pages") or its clause says it was accepted, published, presented or is to
   appear ("To appear in Foo Symposium 2024").

A paper only *submitted* somewhere is not published there: a name in a clause that says
"submitted to", "under review", "in submission" or "rejected" is never its venue.
"""

from __future__ import annotations

import re

from .dates import month_of_name

__all__ = ["KNOWN_VENUES", "parse_venue", "venue_url"]

KNOWN_VENUES = (
    "NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|AAAI|IJCAI|ACL|EMNLP|NAACL|COLING|EACL|AACL|AISTATS|UAI|COLT|KDD|"
    "WWW|SIGIR|CIKM|WSDM|ICRA|IROS|CoRL|RSS|MICCAI|WACV|BMVC|INTERSPEECH|Interspeech|ICASSP|TACL|TMLR|JMLR|"
    "TPAMI|IJCV|ACM MM|ACMMM|3DV|ISMIR|CHI|UIST|SIGGRAPH(?: Asia)?|ICDE|VLDB|SIGMOD|COLM|LREC|CoNLL|ECAI|ECML"
)
"""Conference and journal acronyms recognised with a year (a regular-expression alternation)."""

_KNOWN_RE = re.compile(rf"\b({KNOWN_VENUES})\s*[-'’]?\s*((?:19|20)\d\d|'\d\d)\b(\s+Workshops?\b)?")
_CANONICAL = {"NIPS": "NeurIPS", "Interspeech": "INTERSPEECH", "ACMMM": "ACM MM"}
_NOT_YET = re.compile(r"under (?:review|submission)|submitted (?:to|for)|in submission|rejected", re.I)
_GENERIC_RE = re.compile(r"\b([A-Z][A-Za-z&-]{1,15}(?:\s+[A-Z][A-Za-z-]+)?)['’]?\s*((?:19|20)\d{2}|'\d{2})\b")
_PUBLISHED_CUE = re.compile(
    r"acc(?:ept|pet)|publish|appear|presented|camera[- ]ready|conference|workshop|proceedings|symposium|journal",
    re.I,
)
_NOT_A_VENUE = re.compile(
    r"^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Copyright|Version|Revised|Updated|Preprint|Spring|Summer|Fall|"
    r"Autumn|Winter|Accessed|Retrieved|Visited|Viewed|Cited|Downloaded)\b",
    re.I,
)
# a "journal" that only says the paper is a preprint: "arXiv", "arXiv Mar.", "arXiv preprint arXiv:2402.12715",
# "CoRR abs/2005.14165", "Preprint" -- no venue (the arXiv id, when there is one, says it on the card)
_CATEGORY = (
    r"(?:cs|math|stat|physics|q-bio|q-fin|eess|econ|astro-ph|cond-mat|nlin|quant-ph|gr-qc|hep-\w\w|nucl-\w\w)"
    r"(?:\.\w\w)?"
)
_PREPRINT_START = re.compile(r"(?:arxiv|corr|preprint)(?=$|[\s,.:;()\[\]/（【-])", re.I)
_PREPRINT_SEPARATOR = re.compile(r"[\s,:;()\[\]/]+")
# a word of a preprint-only reference after its first (a month is one too, :func:`paperlab.dates.month_of_name`)
_PREPRINT_WORD = re.compile(rf"preprint|e-?prints?|arxiv|org|abs|\d[\d.v/a-z-]*|{_CATEGORY}", re.I)


def _preprint_only(reference: str) -> bool:
    """Whether a journal reference only says the paper is a preprint: "arXiv", "arXiv Mar.", "arXiv preprint
    arXiv:2402.12715", "CoRR abs/2005.14165", "Preprint"; every word after the first is a preprint word, an id, an
    arXiv category or a month ("arXiv, CVPR 2024" names a venue: CVPR is no month)."""
    start = _PREPRINT_START.match(reference)
    if not start:
        return False
    note = _NOTE_AFTER.search(reference, start.end())
    if note and not _KNOWN_RE.search(note.group(1)):  # "arXiv (local copy)", "arXiv（书章公开版本）": a note, no venue
        reference = reference[: note.start()]
    words = (w.lstrip(".-").rstrip(".") for w in _PREPRINT_SEPARATOR.split(reference[start.end() :]))
    return all(_PREPRINT_WORD.fullmatch(w) or month_of_name(w) for w in words if w)


# a note in brackets closing a reference, ASCII or full-width ("arXiv (preprint copy)", "arXiv（本地保存版本）")
_NOTE_AFTER = re.compile(r"\s*[(\[（【]([^()\[\]（）【】]*)[)\]）】]\s*$")

# a preprint server named before the venue ("arXiv, NeurIPS", "bioRxiv; Cell Reports") or its subject
# ("arXiv: Computation and Language", as Zotero writes an arXiv item's category)
_REPOSITORY_FIRST = re.compile(
    r"(?P<repo>arxiv|corr|biorxiv|medrxiv|chemrxiv|psyarxiv|socarxiv|ssrn|research square|preprints?)"
    r"\s*(?P<sep>[,;:])\s*(?P<rest>\S.*)",
    re.I,
)
# a name, then a date that is no part of it: "Forbes, October", "bioRxiv, 2023", "Nature, March 2020"
_DATE_ONLY = re.compile(r"[A-Za-z]{3,9}\.?(?:\s+\d{1,2})?|(?:[A-Za-z]{3,9}\.?\s+)?(?:1[5-9]|20)\d\d")
_NAME_THEN_DATE = re.compile(rf"(?P<name>[^\d,;]*[^\d\s,;])\s*,\s*(?P<date>{_DATE_ONLY.pattern})")


# a venue that is only a link: "https://journals.example.org/x", "www.example.org", "\url{https://x}", "<https://x>"
_URL_ONLY = re.compile(r"\\url\{\s*(?P<a>\S+?)\s*\}|<(?P<b>\S+)>|(?P<c>(?:https?://|www\.)\S+)", re.I)


def venue_url(venue: str | None) -> str | None:
    r"""The link a "venue" gives when it is only a link (a web page's address written as its journal or
    container): no venue, and the importers keep it as the paper's URL when the record gives none. None for a
    venue that is more than a link.

    >>> venue_url(" https://journals.example.org/meadow "), venue_url("\\url{www.example.org}")
    ('https://journals.example.org/meadow', 'www.example.org')
    >>> venue_url("Journal of Meadows, https://example.org"), venue_url(None)
    (None, None)
    """
    m = _URL_ONLY.fullmatch(venue.strip()) if venue else None
    link = (m.group("a") or m.group("b") or m.group("c")) if m else None
    return link if link and re.match(r"(?:https?://|www\.)\S", link, re.I) else None


def _reference_venue(reference: str) -> str | None:
    """The venue a journal reference names: none for a link alone (:func:`venue_url`) or a preprint-only one
    (:func:`_preprint_only`), the venue after
    a preprint server that names one ("arXiv, NeurIPS" is NeurIPS; after a colon, "arXiv: Computation and
    Language", the server's subject, none unless a known venue with its year), a name without the date written
    after it ("bioRxiv, 2023" is bioRxiv, "Forbes, October" Forbes); else the reference as given."""
    if _preprint_only(reference) or venue_url(reference):
        return None
    repository = _REPOSITORY_FIRST.fullmatch(reference)
    if repository:
        rest = repository.group("rest").strip()
        if _DATE_ONLY.fullmatch(rest) and _is_date(rest):  # "bioRxiv, 2023": the server, no other venue
            return reference[: repository.end("repo")]
        if repository.group("sep") == ":" and not _KNOWN_RE.search(rest):
            return None
        return _reference_venue(rest)
    dated = _NAME_THEN_DATE.fullmatch(reference)  # group "date" is a _DATE_ONLY
    if dated and _is_date(dated.group("date")):
        return dated.group("name").strip()
    return reference


def _is_date(text: str) -> bool:
    """A year, a month name, or a month with its day or year ("2023", "October", "Oct. 12", "March 2020")."""
    words = text.replace(".", " ").split()
    return bool(words) and (words[0].isdigit() or month_of_name(words[0]) is not None)


# a clause ends at ";", at a sentence's period (not an abbreviation such as "Proc."), or at a line break
_CLAUSE_END = re.compile(r";|(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<![A-Z][a-z]{3})(?<![A-Z][a-z]{4})\.(?=\s|$)|\n")
# a venue standing alone between separators ("12 pages, 4 figures, SSDBM2024")
_SEGMENT_BEFORE = re.compile(r"(?:^|[,;(]|\.\s)\s*$")
_SEGMENT_AFTER = re.compile(r"\s*(?:$|[,;:)]|\.(?:\s|$))")
_LEADING_WORD = re.compile(r"^(?:Proceedings|Proc|In|At|The)\s+")


def parse_venue(comment: str | None, journal_ref: str | None = None) -> str | None:
    """The venue a paper was published at, e.g. ``"ICLR 2025"`` or ``"ICLR 2025 Workshop"``.

    Parameters
    ----------
    comment : str or None
        The arXiv comment ("Accepted at CVPR 2025", "Submitted to NeurIPS 2024").
    journal_ref : str or None
        The journal reference; when present it is the venue (short form for a known
        acronym with a year, else as given).

    Returns
    -------
    str or None
        None when nothing says where the paper was published (a paper under review or
        only submitted has no venue).
    """
    reference = _reference_venue(journal_ref.strip()) if journal_ref and journal_ref.strip() else None
    if reference:
        return _known_venue(reference) or reference
    if not comment:
        return None
    return _known_venue(comment) or _generic_venue(comment)


def _clause_before(text: str, start: int) -> str:
    """The text of the clause that ``text[start:]`` continues, up to ``start``."""
    ends = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    return text[ends[-1] if ends else 0 : start]


def _known_venue(text: str) -> str | None:
    for m in _KNOWN_RE.finditer(text):
        clause = _clause_before(text, m.start())
        rest = text[m.end() : _clause_end(text, m.end())]
        if _NOT_YET.search(clause + rest):  # "Submitted to CVPR 2025", "ICASSP 2026 manuscript under review"
            continue
        name, year = m.group(1), _full_year(m.group(2))
        if own := _WORKSHOP_NAME.match(rest):  # "NIPS 2016 Time Series Workshop": the workshop's own words kept
            return f"{_CANONICAL.get(name, name)} {year} {' '.join(own.group(1).split())} Workshop"
        workshop = m.group(3) or re.search(r"\bworkshops?\b", clause, re.I) or _workshop_of(rest)
        return f"{_CANONICAL.get(name, name)} {year}" + (" Workshop" if workshop else "")
    return None


# a workshop named by its own capitalised words between the venue's year and "Workshop" ("NIPS 2016 Time Series
# Workshop", "ICML 2021 Workshop" has none): the workshop is no part of the main venue, whose name alone would hide it
_WORKSHOP_NAME = re.compile(r"\s+((?:[A-Z0-9][\w&+/-]*\s+){1,6})Workshops?\b")


def _clause_end(text: str, pos: int) -> int:
    m = _CLAUSE_END.search(text, pos)
    return m.start() if m else len(text)


def _workshop_of(rest: str) -> bool:
    """ "NeurIPS 2024 (Workshop on ...)", "ICLR 2025 workshop track": the words right after name a workshop."""
    return bool(re.match(r"\s*[(\-–,]?\s*(?:\w+\s+){0,2}workshops?\b", rest, re.I))


def _generic_venue(comment: str) -> str | None:
    for m in _GENERIC_RE.finditer(comment):
        if _NOT_A_VENUE.match(m.group(1)) or _NOT_A_VENUE.match(m.group(1).split()[-1]):
            continue  # "May 2026", "Accessed May 2026", "Updated 2024": a date, not a venue
        clause = _clause_before(comment, m.start())
        if _NOT_YET.search(clause + comment[m.start() : _clause_end(comment, m.end())]):
            continue
        alone = _SEGMENT_BEFORE.search(comment, 0, m.start()) and _SEGMENT_AFTER.match(comment, m.end())
        if alone or _PUBLISHED_CUE.search(clause + comment[m.start() : _clause_end(comment, m.end())]):
            name = _LEADING_WORD.sub("", m.group(1)).rstrip("-")
            return f"{name} {_full_year(m.group(2))}"
    return None


def _full_year(year: str) -> str:
    """ "2025" as is; "'25" is 2025 and "'93" is 1993 (two-digit years from 60 on are read as 19xx)."""
    if not year.startswith("'"):
        return year
    return ("19" if int(year[1:]) >= 60 else "20") + year[1:]

"""RIS: the tagged export format of Scopus, Embase, PubMed, Ovid, Web of Science, Zotero, EndNote and Mendeley.

A record runs from a ``TY  - `` line to an ``ER  - `` line; each line is a two-character tag, two spaces,
a hyphen and the value, and a line without a tag continues the one before. Text outside records (Ovid's
``1.`` record numbers and "Link to ..." lines, a byte-order mark) is skipped; a record with no ``TY`` line (Scopus)
is read as ``GEN``, a tag glued onto another's line (EBSCO's ``UR  - … OP  - …``) as its own line (``_ris_lines``);
a record naming no author and no date whose title is a whole APA reference is read as that reference's parts
(``_ris_reference``). Tags are read with ``rispy``;
the fields databases disagree on are read from every tag they use:

- title ``TI``/``T1`` (else ``CT``, ``BT``, ``ST``; Crossref markup such as ``<sub>`` made plain), authors
  ``AU``/``A1`` (not ``A2``: editors, kept in ``extra["ris"]["editors"]``, or in Ovid the cited surnames; a line
  holding several names separated by ``;``, or in Vancouver's style by commas (``Okafor DA, Quill A``), gives one
  name each; an ``A1`` name without a comma beside ``AU``
  names written ``Family, Given`` is a group or sponsor, Web of Science's ``A1  - IEEE``, kept in
  ``extra["ris"]["groups"]``; a placeholder such as ``[No author name available]`` is no author), abstract ``AB``/``N2`` (its ``<p>`` made
  plain), journal ``T2``/``JF``/``JO``/``J2``;
- date: ``DA``, ``PY``, ``Y1``, PubMed's ``DP`` (``2019 Mar 12``, ``2019 Spring``: :func:`~paperlab.dates.medline_date`) in ``YYYY``, ``YYYY/MM/DD/extra``, ``YYYY-MM-DD`` or Mendeley's ``YYYY/aug/``
  form, the most precise one agreeing with the year (its precision is kept in ``extra["date_precision"]``);
- DOI ``DO`` (a doi.org URL too), else a doi.org link in ``UR``/``L2``, else a link's ``doi=`` parameter (Scopus'
  ``record.uri?eid=…&doi=10.1016%2fj.x``), else a DOI alone in ``M3`` (RefWorks); an
  arXiv id from an arXiv DOI or an arxiv.org link; ``KW`` keywords (a ``;``-separated line is split).

Volume, issue, pages, publisher, its place (``CY``), the original publication (``OP``), the series (``T3``) and its editors (``A3``, unless they are a
book's editors), ISSN, language, database and the reference type stay in ``extra["ris"]``.
:func:`write_ris` writes papers back as RIS.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import rispy

from ..dates import medline_date, month_day, month_number, named_date
from ..errors import ParseError
from ..identifiers import (
    DOI_IN_TEXT,
    arxiv_alone,
    doi_of_link,
    labelled_doi,
    normalize_arxiv_id,
    normalize_doi,
    parse_reference,
)
from ..identity import citation_keys
from ..latex import latex_name
from ..markup import csl_plain_text, plain_abstract
from ..names import family_first, is_more_authors, is_placeholder_name, name_parts, names_organisation, written_name
from ..paper import Paper, SourceRecord
from ..paper_fields import (
    MEETING_FIELDS,
    doubtful_id_map,
    doubtful_id_text,
    exported_title,
    meeting_extra,
    meeting_values,
)
from ..text import drop_closing_stop, untex_doi
from ..venues import venue_url
from ._files import check_paper, no_placeholder_title, read_bytes, read_records, title_without_mark
from ._names import han_persons, names_as_written, names_given_first, vancouver_persons
from ._ris_lines import records as _records
from ._ris_reference import read_apa_title

__all__ = ["parse_ris", "read_ris", "ris_text", "write_ris"]

_DATE = re.compile(r"^\s*(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?", re.ASCII)
# RIS values kept in extra["ris"]: rispy's name -> ours
_KEPT = {
    "type_of_reference": "type",
    "volume": "volume",
    "number": "issue",
    "start_page": "start_page",
    "end_page": "end_page",
    "publisher": "publisher",
    "issn": "issn",
    "language": "language",
    "name_of_database": "database",
    "type_of_work": "type_of_work",
    "id": "id",
    "accession_number": "accession_number",
    "place_published": "place",
    "tertiary_title": "series",
    "original_publication": "original_publication",
}
_PRECISION = {1: "year", 2: "month", 3: "day"}
_WHOLE_DOI = re.compile(r"10\.\d{4,9}/\S+")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|2\d\d\d)(?!\d)", re.ASCII)
_NAMED_MONTH = re.compile(r"^\s*(\d{4})[/\s-]([A-Za-z]{3,9})\.?(?:[/\s-](\d{1,2}))?(?:[/-]|\s*$)", re.ASCII)


def _first(record: dict[str, Any], *keys: str) -> str | None:
    """The first non-blank value among ``keys`` (a list's first non-blank item)."""
    for key in keys:
        value = record.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and item.strip():
                return " ".join(item.split())
    return None


def _values(record: dict[str, Any], key: str) -> list[str]:
    value = record.get(key)
    items = value if isinstance(value, list) else [value]
    return [" ".join(v.split()) for v in items if isinstance(v, str) and v.strip()]


def _people_and_groups(record: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The author names (``AU``, then ``A1``) and the groups named beside them: when a record writes its authors
    under ``AU`` as ``Family, Given``, an ``A1`` name without a comma is no co-author but a group or sponsor the
    record names (Web of Science writes a conference's sponsor so: ``A1  - IEEE``), kept in
    ``extra["ris"]["groups"]``; a record that writes its authors under ``A1`` alone keeps them all."""
    people, firsts = _name_values(record, "authors"), _name_values(record, "first_authors")
    if not any("," in name for name in people):
        return people + firsts, []
    return people + [n for n in firsts if "," in n], [n for n in firsts if "," not in n]


def _name_values(record: dict[str, Any], *keys: str) -> list[str]:
    """The names of ``keys`` (``AU``/``A1`` lines) as written, one each: a line holding several names separated by
    ``;`` (``AU  - Quill, Ada; Okafor, Dora``, as some exporters write them) or in Vancouver's style separated by
    commas (``AU  - Okafor DA, Quill A``, :func:`~._names.vancouver_persons`) gives each its own; a line standing
    for authors left out ("et al.") or a placeholder ("[No author name available]") gives none; Han names written
    whole separated by commas (``AU  - 王奎, 黄福珍`` beside ``AU  - 李明``, :func:`~._names.han_persons`) too."""
    values = [
        person
        for key in keys
        for value in _values(record, key)
        for part in value.split(";")
        for person in vancouver_persons(part)
    ]
    if any(family_first(v) and len(v.strip()) > 1 and not re.search("[,，、]", v) for v in values):
        values = [person for v in values for person in han_persons(v, listed=True)]
    return [v for v in values if v.strip() and not is_more_authors(v) and not is_placeholder_name(v)]


def _cut_short(record: dict[str, Any]) -> bool:
    """Whether an author line stands for the authors left out ("et al.", "others"): extra["more_authors"]."""
    values = [part for key in ("authors", "first_authors") for v in _values(record, key) for part in v.split(";")]
    return any(is_more_authors(v) for v in values)


def _editors(record: dict[str, Any]) -> list[str]:
    """The ``A2`` names, when every one is a name (``Family, Given``): Ovid's ``A2`` line is instead a comma list
    of the surnames the paper cites, which is left out. A book naming neither authors nor ``A2`` names its editors
    under ``A3`` (Zotero's export: ``A2`` would be the series' editor)."""
    names = [part for value in _values(record, "secondary_authors") for part in value.split(";") if part.strip()]
    authored = _values(record, "authors") or _values(record, "first_authors")
    if not names and not authored and record.get("type_of_reference") in ("BOOK", "EDBOOK"):
        names = [part for value in _values(record, "tertiary_authors") for part in value.split(";") if part.strip()]
    return names_given_first(names) if all(n.count(",") <= 2 for n in names) else []


def _series_editors(record: dict[str, Any]) -> list[str]:
    """The ``A3`` names (the series editor, in Zotero's and EndNote's exports), given name first; none when one is
    no name (more than two commas)."""
    names = [part for value in _values(record, "tertiary_authors") for part in value.split(";") if part.strip()]
    return names_given_first(names) if all(n.count(",") <= 2 for n in names) else []


def _ris_name(name: str, paper: Paper | None = None) -> str:
    """A shown name as RIS writes it, ``Family, Given`` or ``Family, Given, Suffix`` (:func:`~paperlab.names.name_parts`:
    the last word before a suffix is the family name, the first in Chinese, Japanese or Korean script); an
    organisation ("GTEx Consortium", "Qwen Team, Alibaba Cloud") or a name read whole (``extra["names_whole"]``) as is; an author's name as the source wrote it
    (:func:`~paperlab.names.written_name`: "MCDONALD, RONALD")."""
    written = written_name(paper.extra, name) if paper else None
    family, given, suffix = written or name_parts(name)
    whole = paper.extra.get("names_whole") if paper else None  # read whole: "{ETH Zürich}" in BibTeX
    if not written and (not given or "," in name or names_organisation(name) or name in (whole or ())):
        return name
    return f"{family}, {given}, {suffix}" if suffix else f"{family}, {given}"


def _date(record: dict[str, Any]) -> tuple[list[int], str | None]:
    """Date parts (year, month, day as present) of the most precise of DA/PY/Y1 agreeing on the year."""
    found: list[list[int]] = []
    no_year: list[int] = []  # EndNote's DA of a month and day without the year PY gives: "Feb 19"
    for value in _values(record, "database_provider"):  # RIS "DP" written with PubMed's date: "2019 Mar 12"
        if medline := medline_date(value):
            found.append([part for part in medline if part is not None])
    for key in ("date", "year", "publication_year"):
        for value in _values(record, key):
            if named := _NAMED_MONTH.match(value):  # Mendeley's "1991/aug/", PubMed's "2019 Feb 19"
                month = month_number(named.group(2))
                day = [int(named.group(3))] if month and named.group(3) else []
                found.append([int(named.group(1)), month, *day] if month else [int(named.group(1))])
                continue
            if (month_and_day := month_day(value)) and not no_year:
                no_year = [month_and_day[0]] + ([month_and_day[1]] if month_and_day[1] else [])
                continue
            if written := _written_date(value):  # IEEE's "16-18 Oct. 2014", "Jan. 2009"
                found.append(written)
                continue
            m = _DATE.match(value) or _YEAR.search(value)  # "2019/05/12/", else a year in "Spring 2019"
            if m:
                found.append([int(g) for g in m.groups() if g])
    if not found:
        return [], None
    year = next((parts[0] for parts in found if len(parts) == 1), found[0][0])
    parts = max([p for p in found if p[0] == year] + [[year, *no_year]], key=len)
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        parts = parts[:1]
    if len(parts) == 3 and (_published(parts) or dt.date.min).day != parts[2]:
        parts = parts[:2]  # not a day of that month: the month is all that was given
    return parts, _PRECISION[len(parts)]


# A range of days within one month, as IEEE Xplore writes a conference's dates: "16-18 Oct. 2014", "Oct. 16-18, 2014"
_DAY_RANGE = re.compile(
    r"\d{1,2}\s*[-–]\s*\d{1,2}\s+(?P<m>[A-Za-z]{3,})\.?|(?P<m2>[A-Za-z]{3,})\.?\s+\d{1,2}\s*[-–]\s*\d{1,2}"
)
_DAY_RANGE_DATE = re.compile(rf"(?:{_DAY_RANGE.pattern}),?\s+(?P<y>\d{{4}})")


def _written_date(value: str) -> list[int] | None:
    """Year, month (and day) of a date written with a month name: "Jan. 2009", "12 June 2019" (with its day), and
    a range of days in one month, "16-18 Oct. 2014", to the month: the paper was given on one of those days, which
    one the record does not say. None for anything else (a range of months stays a year, as in ``month_number``)."""
    named = named_date(value)
    if named:
        return [named[0], named[1]] + ([named[2]] if named[2] else [])
    m = _DAY_RANGE_DATE.fullmatch(value.strip())
    month = month_number(m.group("m") or m.group("m2")) if m else None
    return [int(m.group("y")), month] if m and month else None


def _published(parts: list[int]) -> dt.date | None:
    if not parts or not 1 <= parts[0] <= 9999:
        return None
    year, month, day = (parts + [1, 1])[:3]
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 1)


# the note of ours keeping ids set aside as doubtful (another paper holds them): never the record's own ids
_DOUBT_NOTE = "paperlab-doubtful-ids:"


# the notes of ours naming who presented the paper at a reading group, and when: "paperlab-presenters: Ada Quill"
_OUR_NOTES = (_DOUBT_NOTE, *(f"{name}:" for name in MEETING_FIELDS.values()))


def _meeting(record: dict[str, Any]) -> dict[str, Any]:
    """Who presented the paper and when, from the ``N1`` notes our export writes (``paperlab-meeting-date: …``)."""
    notes = (n.partition(":") for n in _values(record, "notes") if n.startswith(_OUR_NOTES[1:]))
    return meeting_extra({name: value for name, _, value in notes})


def _doubtful_ids(record: dict[str, Any]) -> dict[str, str]:
    note = next((n for n in _values(record, "notes") if n.startswith(_DOUBT_NOTE)), None)
    return doubtful_id_map(note[len(_DOUBT_NOTE) :]) if note else {}


def _identifiers(record: dict[str, Any]) -> tuple[str | None, tuple[str, int | None] | None]:
    """The DOI (``DO``, else a doi.org link, else a DOI alone in ``M3``) and an arXiv id (from an arXiv DOI or an arxiv.org link)."""
    links = _values(record, "urls") + _values(record, "file_attachments2") + _values(record, "file_attachments1")
    values = [untex_doi(v) for v in _values(record, "doi")]  # "10.1/x\\_12": "10.1/x_12"
    # a DO that is a DOI alone is the DOI whole, "<", ">" and all (Wiley's SICI: "10.1002/(SICI)…19:4<377::AID…")
    doi = next((d for v in values if _WHOLE_DOI.fullmatch(d := normalize_doi(v).rstrip("."))), None)
    found = (DOI_IN_TEXT.search(v) for v in values)  # "10.1/x", a doi.org URL, "10.1/x [doi]"
    doi = doi or next((m.group(0).rstrip(".") for m in found if m), None)  # "N/A" is no DOI
    if not doi:
        doi = next((r.doi for r in map(parse_reference, links) if r.doi and "doi.org/" in r.text.lower()), None)
    if not doi:  # a publisher's page ending in its DOI: "https://onlinelibrary.wiley.com/doi/abs/10.1111/jcal.12656"
        doi = next((page for link in links if (page := doi_of_link(link))), None)
    if not doi:  # Scopus' record link names it: "https://www.scopus.com/inward/record.uri?eid=…&doi=10.1016%2fj.x&…"
        doi = next((d for link in links for d in _query_dois(link)), None)
    if not doi:  # RefWorks writes the DOI under M3 ("type of work"): a DOI alone there is the DOI
        doi = next((d for v in _values(record, "type_of_work") if _WHOLE_DOI.fullmatch(d := normalize_doi(v))), None)
    notes = _values(record, "notes") + _values(record, "note")  # N1, M1
    doi = doi or next((label for n in notes if (label := labelled_doi(n))), None)  # "N1  - doi: 10.…"
    arxiv = normalize_arxiv_id(parse_reference(doi).arxiv_id) if doi else None
    if arxiv is None:
        arxiv = next((normalize_arxiv_id(link) for link in links if "arxiv.org/" in link.lower()), None)
    if arxiv is None:  # a note, or M3 as Zotero writes a preprint's number, that is the arXiv id alone
        arxiv = next((a for n in notes + _values(record, "type_of_work") if (a := arxiv_alone(n))), None)
    return doi, arxiv


def _query_dois(link: str) -> list[str]:
    """The DOIs a link names as its ``doi`` query parameter, decoded."""
    query = urllib.parse.urlsplit(link).query if "doi=" in link.lower() else ""
    values = [v for k, v in urllib.parse.parse_qsl(query) if k.lower() == "doi"]
    return [normalize_doi(v) for v in values if _WHOLE_DOI.fullmatch(normalize_doi(v))]


_OTHER_JOURNAL_TAGS = ("alternate_title2", "alternate_title1")  # J2 / JA, when neither T2 nor JO names it


def _pubmed(record: dict[str, Any]) -> bool | None:
    """True when the record says it is PubMed's (``DB  - PubMed``, ``MEDLINE``), whose names are Vancouver's."""
    return True if any(v.lower() in ("pubmed", "medline") for v in _values(record, "name_of_database")) else None


def _record_to_paper(record: dict[str, Any], source: str, where: str) -> Paper:
    title = _first(record, "title", "primary_title", "unknown_tag:CT", "unknown_tag:BT", "short_title")
    if not title:
        raise ParseError("expected a title ('TI  - ' or 'T1  - ')")
    doi, arxiv = _identifiers(record)  # "[No title]" naming its paper by an id is titled from the id
    title = _plain(no_placeholder_title(title, doi=doi, arxiv_id=arxiv[0] if arxiv else None)) or title  # 'In <sub>0'
    title = title_without_mark(drop_closing_stop(title))  # Ovid's "A review of foo."; Scopus's "…Networks†"
    people, groups = _people_and_groups(record)
    pubmed = _pubmed(record)  # PubMed's AU is "Family INITIALS" by definition: "Prates JDS", "de Almeida Neto OP"
    authors = [latex_name(a) for a in names_given_first(people, vancouver=pubmed)]
    editors = _editors(record)
    doubts = _doubtful_ids(record)
    arxiv = None if arxiv and arxiv[0] == doubts.get("arxiv") else arxiv
    doi = None if doi and doi.lower() == doubts.get("doi", "").lower() else doi
    parts, precision = _date(record)
    extra: dict[str, Any] = {"ris": _kept(record, doi), **_meeting(record)}  # and who presented it, when
    if written := names_as_written(people, vancouver=pubmed):  # set in another case: the exports write them so
        extra["names_as_written"] = written
    if groups:
        extra["ris"]["groups"] = groups
    if _cut_short(record):  # written back as the record wrote it ("AU  - et al."), for RIS files only
        extra["more_authors"] = extra["ris"]["et_al"] = True
    if (series_editors := _series_editors(record)) and series_editors != editors:
        extra["ris"]["series_editors"] = series_editors  # A3: a chapter's or a book's series editor
    if editors:
        extra["ris"]["editors"] = editors
        if not authors:  # an edited volume: its byline names them, marked "(ed.)"
            extra["editors"] = editors
    if (abstract := _first(record, "abstract", "notes_abstract")) and plain_abstract(abstract) != abstract:
        extra["abstract_markup"] = abstract  # the JATS/HTML form as written (the paper's abstract is its text)
    if precision and precision != "day":
        extra["date_precision"] = precision
    if doubts:
        extra["doubtful_ids"] = doubts
    keywords = [k.strip() for v in _values(record, "keywords") for k in v.split(";")]
    journal = _first(record, "secondary_title", "alternate_title3", "journal_name", *_OTHER_JOURNAL_TAGS)
    if journal is None and _first(record, "title", "primary_title"):  # a conference paper or chapter: BT, its book
        journal = _first(record, "unknown_tag:BT")
    urls = [u for u in _values(record, "urls") if u.lower().startswith(("http://", "https://"))]
    if link := venue_url(journal):  # a web page's link written as its journal (T2/JO): no venue
        urls, journal = urls or [link], None
    if arxiv and urls and urls[0] == f"https://arxiv.org/abs/{arxiv[0]}":
        urls = []  # the landing page the paper names anyway (Paper.abs_url)
    return check_paper(
        Paper(
            title=title,
            arxiv_id=arxiv[0] if arxiv else None,
            version=arxiv[1] if arxiv else None,
            authors=authors,
            abstract=plain_abstract(abstract) if abstract else None,
            published=_published(parts),
            journal_ref=_venue(record, journal, title),
            doi=doi,
            url=urls[0] if urls else None,
            keywords=keywords,
            comment="\n".join(_notes(record)) or None,
            sources=[SourceRecord("ris", location=source, record=where)],
            extra=extra,
        )
    )


def _kept(record: dict[str, Any], doi: str | None) -> dict[str, str]:
    """The values kept in ``extra["ris"]`` (volume, pages, type...), not an ``M3`` that was the DOI (written back as
    ``DO``)."""
    kept = {ours: _first(record, name) for name, ours in _KEPT.items()}
    if doi and kept["type_of_work"] and normalize_doi(kept["type_of_work"]).lower() == doi.lower():
        kept["type_of_work"] = None
    return {k: v for k, v in kept.items() if v}


def _venue(record: dict[str, Any], journal: str | None, title: str) -> str | None:
    """A record's venue: its journal, or a book's series (``JO``/``T2`` on ``TY BOOK``), unless it is the book's
    own title again."""
    if journal and record.get("type_of_reference") == "BOOK" and journal.casefold() == title.casefold():
        return None
    return journal


# what a database export writes in N1 about its own record (Scopus: "Export Date: ...", "Cited By: 3"): no note
_DATABASE_NOTE = re.compile(
    r"(?:export date|cited by|funding details|funding text(?: \d+)?|correspondence address|references|art\. no\.|coden"
    r"|document type|publication stage|source|language of original document|abbreviated source title|sponsors"
    r"|conference (?:name|date|location|code)|chemicals/cas|tradenames|manufacturers|molecular sequence numbers)"
    r"\s*:",
    re.I,
)


def _notes(record: dict[str, Any]) -> list[str]:
    """The record's notes (``N1``), as text; not a database export's notes about its record (``Export Date: …``)
    nor the notes of ours (ids set aside as doubtful, who presented the paper at a reading group and when)."""
    notes = (_plain(n) or n for n in _values(record, "notes") if not n.startswith(_OUR_NOTES))
    return [" ".join(n.split()) for n in notes if n.strip() and not _DATABASE_NOTE.match(n.strip())]


def _plain(text: str | None) -> str | None:
    """Text without the markup web pages and Crossref leave in it (``<p>…</p>``, ``<jats:p>``, ``<i>``)."""
    return csl_plain_text(text) if text and "<" in text else text


def _unknown_tags(record: dict[str, Any]) -> dict[str, Any]:
    """rispy's record with unknown tags flattened to ``unknown_tag:XX`` keys."""
    unknown = record.pop("unknown_tag", None) or {}
    for tag, values in dict(unknown).items():
        record[f"unknown_tag:{tag}"] = list(values)
    return record


def parse_ris(text: str, source: str = "<string>") -> list[Paper]:
    """Papers from RIS text.

    Returns
    -------
    list of Paper
        One paper per record with a title, in file order; ``sources`` name each record by number and line.

    Raises
    ------
    ParseError
        If the text holds no RIS record (``TY  - `` … ``ER  - ``), or no record could be read.

    Warns
    -----
    PartialImportWarning
        For records skipped (no title, unended at the end of the file), each named by number and line.
    """
    records, unended = _records(text)
    if not records and not unended:
        from .wos import looks_like_wos, parse_wos  # Web of Science's own tagged format, often named .ris

        if looks_like_wos(text):
            return parse_wos(text, source)
        raise ParseError("no RIS records found; expected records from 'TY  - ' to 'ER  - ' lines", source=source)
    parser = rispy.RisParser(enforce_list_tags=False)

    def one(lines: list[str], where: str) -> Paper:
        parsed = parser.parse_lines(iter(lines))
        if not parsed:
            raise ParseError("expected a record from 'TY  - ' to 'ER  - '")
        record = _unknown_tags(parsed[0])
        read_apa_title(record)  # "TI  - Quill, A., & Okafor, D. (2020). Title. Journal, 3, 1–9.": its parts
        return _record_to_paper(record, source, where)

    return read_records(
        ((f"record {number}, line {line}", lines) for number, (line, lines) in enumerate(records, 1)),
        one,
        source,
        unreadable="unreadable RIS record ({error})",
        expected="RIS records",
        also=((f"record {len(records) + 1}, line {line}", message) for line, message in unended),
    )


def _decode(data: bytes, source: str) -> str:
    """UTF-8 (a byte-order mark dropped), UTF-16 with a byte-order mark, else Latin-1 (old EndNote exports)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ParseError("expected UTF-16 text after a UTF-16 byte-order mark", source=source) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_ris(path: str | Path) -> list[Paper]:
    """Read a RIS file (see :func:`parse_ris`).

    Raises
    ------
    ParseError
        If the file is missing or holds no usable record.
    """
    path = Path(path)
    return parse_ris(_decode(read_bytes(path), str(path)), source=str(path))


# the RIS tag of each value kept in extra["ris"], for writing it back
_TAGS = {"volume": "VL", "issue": "IS", "start_page": "SP", "end_page": "EP", "publisher": "PB", "issn": "SN"}
_TAGS |= {"language": "LA", "database": "DB", "type_of_work": "M3", "id": "ID", "accession_number": "AN"}
_TAGS |= {"place": "CY", "series": "T3", "original_publication": "OP"}


def _ris_lines(paper: Paper) -> list[str]:
    """One RIS record: a journal article (``JOUR``) when the paper names a journal, else ``GEN``, unless it
    was read as another type."""
    found = paper.extra.get("ris")
    kept: dict[str, Any] = found if isinstance(found, dict) else {}
    kind = kept.get("type") if isinstance(kept.get("type"), str) else ("JOUR" if paper.journal_ref else "GEN")
    kind = "BOOK" if paper.extra.get("title_from") == "booktitle" else kind  # a chapter entry citing the whole book
    lines: list[tuple[str, Any]] = [("TY", kind), ("TI", exported_title(paper.title, paper.extra))] + [
        ("AU", _ris_name(a, paper)) for a in paper.authors
    ]
    if paper.extra.get("more_authors") is True:  # a byline cut short, whichever format said so
        lines.append(("AU", "et al."))
    groups = kept.get("groups")
    lines += [("A1", g) for g in (groups if isinstance(groups, list) else []) if isinstance(g, str)]
    if paper.published:
        when = paper.published
        size = {"year": 1, "month": 2}.get(str(paper.extra.get("date_precision")), 3)
        parts = [f"{when.year:04d}", f"{when.month:02d}", f"{when.day:02d}"][:size]
        lines += [("PY", f"{when.year:04d}"), ("DA", "/".join(parts + [""] * (3 - size)))]
    lines += [("T2", paper.journal_ref), ("AB", paper.abstract), ("DO", paper.doi), ("UR", paper.own_url)]
    abs_page = f"https://arxiv.org/abs/{paper.arxiv_id}"
    if paper.arxiv_id and not (paper.doi and parse_reference(paper.doi).arxiv_id) and paper.own_url != abs_page:
        lines.append(("UR", abs_page))  # the DOI does not name it, nor the paper's own link
    keys = citation_keys(paper)  # the key a document cites the paper by, as the record's ID
    lines += [(tag, kept.get(name) or (keys[0] if name == "id" and keys else None)) for name, tag in _TAGS.items()]
    editors = kept.get("editors")
    lines += [("A2", _ris_name(e)) for e in (editors if isinstance(editors, list) else []) if isinstance(e, str)]
    series = kept.get("series_editors")
    lines += [("A3", _ris_name(e)) for e in (series if isinstance(series, list) else []) if isinstance(e, str)]
    lines += [("KW", k) for k in paper.keywords + paper.tags]
    lines += [("N1", note) for note in (paper.comment or "").split("\n")]
    if paper.doubtful_ids:
        lines.append(("N1", _DOUBT_NOTE + " " + doubtful_id_text(paper.doubtful_ids)))
    lines += [("N1", f"{name}: {value}") for name, value in meeting_values(paper.extra).items()]
    text = [f"{tag}  - {' '.join(str(value).split())}" for tag, value in lines if value]
    return [*text, "ER  - "]


def ris_text(papers: Iterable[Paper]) -> str:
    """``papers`` as RIS text (what :func:`write_ris` writes)."""
    return "\n\n".join("\n".join(_ris_lines(paper)) for paper in papers) + "\n"


def write_ris(papers: Iterable[Paper], path: str | Path) -> Path:
    """Write ``papers`` as RIS; :func:`read_ris` reads back title, authors, date (to its precision), journal,
    abstract, DOI, URL, arXiv id, keywords and the values kept in ``extra["ris"]``."""
    path = Path(path)
    path.write_text(ris_text(papers), encoding="utf-8")
    return path

"""Paper lists written by hand or by a script as JSON (or as YAML, :func:`yaml_paper_list`): read leniently.

A ``papers.json`` (or ``papers.jsonl``, one object a line) of no tool's format: a list of objects (or ``{"papers": [...]}``, ``{"publications": [...]}``)
each with a title, authors as one string ("A. Smith, B. Jones", "Smith, A. and Jones, B.") or a list (of names or
of name objects), a year or a date, a venue (``venue``, ``journal``, ``booktitle``, ``conference``...) and links
(``doi``, ``url``, ``arxiv``, ``link``, ``pdf``...). Keys are matched in any case and with ``-``, ``_`` or spaces
alike; keys of no known meaning are kept in ``extra["json"]``. A record without a title is skipped by its number
(``PartialImportWarning``); nothing in such a file makes the reader fail on one record's account.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..dates import month_number, named_date
from ..errors import ParseError
from ..identifiers import doi_of_link, find_doi, normalize_arxiv_id
from ..paper import Paper, SourceRecord
from ..urls import code_urls_in_text, is_http_url
from ..venues import venue_url
from ._files import check_paper, parse_json, read_bytes, read_records
from ._json_bookmarks import doi_records, label_title, read_list
from ._json_citations import citation_records
from ._json_keys import (
    changelog_keys,
    key_fields,
    named_ids,
    numbered_authors,
    scalar_keyed,
    venue_numbers,
    whole_doi,
    with_embedded_bibtex,
)
from ._json_kinds import paper_records
from ._json_names import json_authors
from ._json_nested import nested_groups
from ._json_roles import (
    folded_key,
    fuller_title,
    language_rank,
    listed_ids,
    split_language,
    valued_records,
    venue_notes,
)
from ._json_written import groups_of, written_fields
from ._json_xml2js import plain_record
from ._names import names_as_written, names_given_first

__all__ = ["home_made_fields", "is_paper_list", "paper_list_items", "read_json_list", "yaml_paper_list"]

# what each field of a paper may be called (keys folded: lowercase, no "-", "_" or space)
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": ("title", "papertitle", "articletitle", "titleofpaper", "paper", "papername"),
    "authors": ("authors", "author", "authorlist", "authorslist", "authornames", "creators", "byline"),
    "date": ("date", "published", "publicationdate", "pubdate", "publisheddate", "datepublished", "issued"),
    "year": ("year", "pubyear", "publicationyear", "yearpublished"),
    "month": ("month",),
    "venue": (
        "venue",
        "journal",
        "booktitle",
        "conference",
        "journaltitle",
        "containertitle",
        "publication",
        "publishedin",
        "proceedings",
        "source",
    ),
    "doi": ("doi",),
    "arxiv": ("arxiv", "arxivid", "eprint", "arxivurl", "arxivlink"),
    "url": ("url", "link", "href", "paperurl", "paperlink", "absurl", "htmlurl", "pdf", "pdfurl", "pdflink")
    + ("external",),  # an essay library's "external": the paper's own address
    "abstract": ("abstract", "summary", "tldr"),
    "keywords": ("keywords", "tags", "topics"),
    "code": ("code", "codeurl", "github", "repo", "repository"),
    "key": ("citationkey", "citekey", "bibtexkey", "key"),
    "editors": ("editors", "editor", "eds", "editedby"),
}
_FIELD_OF = {key: field for field, keys in _SYNONYMS.items() for key in keys}
# the keys of an object holding the list of papers
_CONTAINERS = ("papers", "publications", "items", "entries", "references", "records", "articles", "works")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
# a citation key as LaTeX and pandoc cite it ("quill2009widget"), not a number or a URI
_CITATION_KEY = re.compile(r"[A-Za-z][\w:.+-]*")
_PAPER_FIELDS = frozenset(f.name for f in dataclasses.fields(Paper))
_NUMERIC_DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2}))?(?:[-/.](\d{1,2}))?(?:[T ].*)?")


# synonyms that name a field only loosely: a repository's "source" is where the record came from, "publication"
# often the kind of work; a record naming its journal or venue as well is read by that
_LOOSE_KEYS = frozenset(("source", "publication"))
# catalogues and tools a record says it was taken from (folded), never the venue of a paper
_CATALOGUES = frozenset(
    "dblp crossref openalex semanticscholar s2 googlescholar scholar orcid pubmed zotero mendeley datacite "
    "inspire inspirehep ads nasaads scopus webofscience wos manual bibtex".split()
)


def _key_rank(key: str) -> tuple[int, int]:
    """Which of a field's keys a record is read by: the plain key before the English and other languages' forms
    (:func:`._json_roles.language_rank`), a loose synonym (:data:`_LOOSE_KEYS`) last."""
    return language_rank(key), folded_key(split_language(key)[0]) in _LOOSE_KEYS


def _field_of(key: Any) -> str | None:
    """The field a key names (:data:`_SYNONYMS`), also in a language's form: "title_he", "Author (en)", or with a
    word saying how it is written: "authorsLine", "venueText", "titleString" (:data:`_WRITTEN_AS`)."""
    folded = folded_key(str(key))
    field = _FIELD_OF.get(folded)
    if field is None and (split := split_language(str(key)))[1]:
        field = _FIELD_OF.get(folded_key(split[0]))
    if field is None and (written := _WRITTEN_AS.fullmatch(folded)):
        named = _FIELD_OF.get(written.group(1) or written.group(2))
        field = named if named in _TEXT_FIELDS else None
    return field


# a field's key with a word saying how its value is written ("authorsLine", "venue_text", "displayTitle"); only of
# the fields whose value is text to read (a "linkText" is a link's label, no address)
_WRITTEN_AS = re.compile(
    r"(?:(\w+?)(?:line|text|string|str|display|formatted|full|plain)|(?:display|formatted|full|plain)(\w+))"
)
_TEXT_FIELDS = frozenset(("title", "authors", "venue", "date", "year", "abstract", "keywords", "editors"))


def paper_list_items(obj: Any) -> list[Any] | None:
    """The records of a home-made paper list: ``obj`` itself when a list (of group objects, flattened:
    :func:`._json_written.groups_of`), else the records a wrapper object holds (:func:`_held_records`), or one paper
    object alone; None for anything else. A record without a title whose one text writes the reference out has
    that text read into its fields (:func:`._json_written.written_fields`)."""
    items = _list_items(obj)
    if items is None:
        return None
    if (cited := citation_records(items, _titled, _field_of)) is not None:  # ["Quill, A. \"Title.\" Journal, 2021."]
        return cited
    nested = nested_groups(items, _titled) if isinstance(obj, list) else None  # [{"theme", "key_papers": […]}]
    if (groups := groups_of(items) or nested) is not None:
        items = _grouped(groups)
    items = [written_fields(x, _titled, _field_of) if isinstance(x, dict) else x for x in items]
    return valued_records(items, _titled) or items  # keys naming no field: the values say (a portfolio's "heading")


def _list_items(obj: Any) -> list[Any] | None:
    if isinstance(obj, list):
        return obj
    if isinstance(obj, dict):
        held = _held_records(obj)
        if held is not None:
            return held
        if any(_field_of(k) == "title" for k in obj):  # one paper
            return [obj]
    return None


def _titled(value: Any) -> bool:
    """Whether ``value`` is a record: an object with a title (any synonym, any case) holding text."""
    return isinstance(value, dict) and any(
        _field_of(k) == "title" and isinstance(v, str) and v.strip() for k, v in value.items()
    )


def _keyed(records: dict[str, Any]) -> list[Any] | None:
    """The records of an object keyed by citation key, DOI, arXiv id, link or title (``{"smith2020": {"title": …}}``,
    ``{"https://doi.org/10.…": {"title": …}}``), each with what its key is as that field when it lacks it
    (:func:`._json_keys.key_fields`); None unless every value is an object and most are titled records."""
    if not records or not all(isinstance(v, dict) for v in records.values()) or changelog_keys(records):
        return None  # {"Added a dark theme": {"date": …}}: a changelog's entries, no papers
    values = [{**v, **key_fields(k, v, _field_of)} for k, v in records.items()]
    if 2 * sum(map(_titled, values)) < len(values):
        return None
    return values


def _held_records(obj: dict[str, Any], depth: int = 2) -> list[Any] | None:
    """The records a wrapper object holds: the list under one of the usual container keys ("papers",
    "publications", "items"...; any case); else the records of the values holding records (a list of titled
    objects, or an object of them keyed by citation key: a reference resolver's ``{"resolved": {"key": {…}}}``; also
    one level down, ``{"data": {"references": [...]}}``), several such values being groups (:func:`_grouped`); else
    the object's own values when it is itself keyed by citation key."""
    for key, value in obj.items():
        if folded_key(str(key)) in _CONTAINERS and isinstance(value, list):
            return value
    if _titled(obj):
        return None  # one paper, whatever lists it holds
    held: list[tuple[str, list[Any]]] = []
    untitled: list[tuple[int, str, list[Any]]] = []  # lists of records naming no title field: judged together below
    for key, value in obj.items():
        if isinstance(value, list) and any(_titled(x) for x in value[:20]):
            held.append((str(key), value))
        elif isinstance(value, list) and (themes := nested_groups(value, _titled, minimum=1)) is not None:
            held.append((str(key), _grouped(themes)))  # {"sections": [{"venue": …, "papers": [...]}, …]}
        elif isinstance(value, list) and any(isinstance(x, dict) for x in value):
            untitled.append((len(held), str(key), value))
            held.append((str(key), []))
        elif isinstance(value, dict) and (keyed := _keyed(value)) is not None:
            held.append((str(key), keyed))
        elif isinstance(value, dict) and depth > 1 and (inner := _held_records(value, depth - 1)) is not None:
            held.append((str(key), inner))
    held = _valued_groups(held, untitled)
    if len(held) > 1:
        return _grouped(held)
    return held[0][1] if held else _keyed(obj) or scalar_keyed(obj)


def _valued_groups(held: list[tuple[str, list[Any]]], untitled: list[tuple[int, str, list[Any]]]) -> list[Any]:
    """``held`` with its untitled groups (their places kept empty) filled with their records read by their values
    (:func:`valued_records`), judged all together: a site's ``{"2024": [...], "2023": [...]}`` whose one record with
    a DOI made its year a paper list kept that year alone and dropped the others without a word. Groups none of whose
    records show a paper are dropped as before."""
    pooled = valued_records([x for _, _, value in untitled for x in value], _titled) if untitled else None
    if pooled is not None:
        records = iter(pooled)
        for at, key, value in untitled:
            held[at] = (key, [next(records) for _ in value])
    return [(key, value) for key, value in held if value]


def _grouped(groups: list[tuple[str, list[Any]]]) -> list[Any]:
    """The records of several groups (a site's ``{"2023": [...], "2024": [...]}``, ``{"journal": [...], "talks":
    [...]}``), each record with its group's name as its ``section`` (kept in ``extra["json"]``) and a group named by a
    year as its year, unless the record names its own."""
    records = []
    for name, items in groups:
        for item in items:
            if isinstance(item, dict):
                fields = {_field_of(k) for k in item}
                extra = {"section": name} if "section" not in item else {}
                if _YEAR.fullmatch(name.strip()) and not fields & {"year", "date"}:
                    extra["year"] = name.strip()
                item = {**item, **extra}
            records.append(item)
    return records


def is_paper_list(obj: Any, *, container: bool = False) -> bool:
    """Whether ``obj`` is a home-made list of papers (with ``container=True``: one a wrapper object holds,
    :func:`_held_records`): records (objects) of which one of the first twenty has a title under a name of
    :data:`_SYNONYMS` (in any case), and one a field paperlab's own papers do not have ("year", "venue", "Title") or
    authors as one string. paperlab's own papers (:mod:`paperlab.sources.native`) and their export are not such lists."""
    if isinstance(obj, dict) and ("paperlab" in obj or container and _held_records(obj) is None):
        return False
    items = paper_list_items(obj)
    records = [x for x in (items or [])[:20] if isinstance(x, dict)]
    titled = any(_field_of(k) == "title" for x in records for k in x)
    nested = isinstance(obj, list) and nested_groups(obj, _titled) is not None  # themes holding papers: no export
    return titled and (nested or any(_home_made(x) for x in records))


# keys a CSL-JSON item never has (its variables are "issued", "container-title", "page", name arrays...), which lists
# written by hand or a script use: an item holding one is no CSL item, whatever its "type" says; nor is one writing
# its reference out under "cite" or "citation" (CSL-JSON has no such variable: "citation-key" is a key)
_NOT_CSL = frozenset(
    ("year", "journal", "venue", "booktitle", "authors", "editors", "conference", "pages", "pdf", "cite", "citation")
)


def home_made_fields(item: dict[str, Any]) -> bool:
    """Whether a record with a ``type`` is a home-made one rather than a CSL-JSON item: it has a key CSL-JSON never
    has ("year", "journal", "venue", "booktitle", "authors"...), or its ``author``/``editor`` is one string (CSL-JSON
    writes a list of name objects)."""
    names = [item.get("author"), item.get("editor")]
    return bool(_NOT_CSL & {str(k) for k in item}) or any(isinstance(n, str) for n in names)


def _home_made(item: dict[str, Any]) -> bool:
    if isinstance(item.get("authors"), str):
        return True
    return any(str(k) not in _PAPER_FIELDS and _field_of(k) for k in item)


def _fields(item: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the values of the known fields, the rest) of a record; the first of two synonyms given wins, but a full title
    wins over its short name (:func:`._json_roles.fuller_title`)."""
    known: dict[str, Any] = {}
    rest: dict[str, Any] = {}
    chosen: dict[str, str] = {}  # the key each known field was read from
    for key, value in item.items():
        field = _field_of(key)
        if field == "venue" and isinstance(value, str) and folded_key(value) in _CATALOGUES:
            field = None  # "source": "dblp": where the record was taken from, no venue
        if field is None or value in (None, "", [], {}):
            rest[str(key)] = value
        elif field in known and _kept(field, known[field], chosen[field], str(key), value):
            rest[str(key)] = value  # the plain key wins, then the English one ("title" over "title_he")
        else:
            if field in known:
                rest[chosen[field]] = known[field]
            known[field], chosen[field] = value, str(key)
    return known, rest


def _kept(field: str, known: Any, chosen: str, key: str, value: Any) -> bool:
    """Whether a field's value read from key ``chosen`` is kept over ``value`` of ``key``: a title over its short
    name, never the short name over the full title ("FogNet" of "FogNet: Reading Tides…", kept in extra); else the
    plain key, then the English one ("title" over "title_he")."""
    if field == "title" and (fuller_title(value, known) or fuller_title(known, value)):
        return fuller_title(known, value)
    return _key_rank(chosen) <= _key_rank(key)


def _text(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, dict):
        value = next(
            (value[k] for k in ("name", "title", "url", "href", "value") if isinstance(value.get(k), str)), None
        )
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _date(known: dict[str, Any]) -> tuple[dt.date | None, str | None]:
    """(the date, its precision unless a whole day) of a record's ``date``, else its ``year`` and ``month``."""
    value = known.get("date")
    if isinstance(value, dict) and "date-parts" in value:  # a CSL date among other fields
        parts = (value.get("date-parts") or [[]])[0]
        value = "-".join(str(p) for p in parts) if isinstance(parts, list) else None
    for text in (_text(value), _text(known.get("year"))):
        date, precision = _date_text(text) if text else (None, None)
        if date is not None:
            month = month_number(known.get("month")) if precision == "year" and known.get("month") else None
            return (date.replace(month=month), "month") if month else (date, precision)
    return None, None


def _date_text(text: str) -> tuple[dt.date | None, str | None]:
    m = _NUMERIC_DATE.fullmatch(text.strip())
    if m:
        year, month, day = (int(g) if g else None for g in m.groups())
        for parts, precision in (((year, month, day), None), ((year, month, 1), "month"), ((year, 1, 1), "year")):
            if (precision is None and day is None) or (precision == "month" and month is None):
                continue
            try:
                return dt.date(*parts), precision  # type: ignore[arg-type]
            except ValueError:
                continue
    named = named_date(text)
    if named:
        year, month, day = named
        return dt.date(year, month, day or 1), None if day else "month"
    year_found = _YEAR.search(text)
    return (dt.date(int(year_found.group(1)), 1, 1), "year") if year_found else (None, None)


def _links(known: dict[str, Any], rest: dict[str, Any]) -> tuple[str | None, tuple[str, int | None] | None, str | None]:
    """(DOI, arXiv id and version, URL) of a record, the DOI and arXiv id also found in its links: its ``url`` and
    a ``links`` list or object (``[{"label": "DOI", "url": "https://doi.org/…"}, {"label": "arXiv", …}]``)."""
    doi_text = _text(known.get("doi"))
    arxiv = normalize_arxiv_id(_text(known.get("arxiv")))
    doi = whole_doi(doi_text) or find_doi(doi_text) if doi_text else None  # a SICI's '<…>' kept whole
    listed_doi, listed_arxiv = listed_ids(rest)  # "identifier": [{"type": "doi", "id": "10.…"}]
    named_doi, named_arxiv = named_ids(rest)  # "doiLink": "https://doi.org/10.…"
    doi, arxiv = doi or listed_doi or named_doi, arxiv or listed_arxiv or normalize_arxiv_id(named_arxiv)
    more = [v for k, v in rest.items() if folded_key(k) in ("links", "urls", "resources")]
    links = [u for u in (" ".join(x.split()) for x in _link_values([known.get("url"), *more])) if is_http_url(u)]
    url = None
    for link in links:
        found = find_doi(link) if "doi.org/" in link else doi_of_link(link)  # a resolver's link, a publisher's page
        doi = doi or found
        own = bool(found and "doi.org/" in link and doi and link.rstrip("/").lower().endswith(doi.lower()))
        if "arxiv.org/" in link.lower() and (in_link := normalize_arxiv_id(link)):
            arxiv, own = arxiv or in_link, True  # the abstract page the arXiv id names anyway
        own = own or (link != known.get("url") and bool(code_urls_in_text(link)))  # a listed repository: its code
        url = url or (None if own else link)
    return doi, arxiv, url


def _listed_code(rest: dict[str, Any]) -> str | None:
    """The first code repository a record's ``links`` list or object names (``{"label": "Code", "url": …}``)."""
    more = [v for k, v in rest.items() if folded_key(k) in ("links", "urls", "resources")]
    return next((u for x in _link_values(more) for u in code_urls_in_text(" ".join(x.split()))), None)


def _link_values(value: Any) -> list[str]:
    """The addresses of a record's link fields: a string, an object's ``url``/``href`` (or its addresses keyed by
    what they are, ``{"paper": …, "code": …}``), a list of either."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        named = next((value[k] for k in ("url", "href", "link", "uri") if isinstance(value.get(k), str)), None)
        return [named] if named else [v for v in value.values() if isinstance(v, str) and is_http_url(v.strip())]
    if isinstance(value, list):
        return [u for v in value[:50] for u in _link_values(v)]
    return []


# what a list writes where it has no value: "No journal reference", "No DOI available", "N/A", "unknown", "-"
_PLACEHOLDER = re.compile(
    r"(?:no|not|without)\s(?:[\w-]+\s){0,2}(?:available|reference|venue|journal|doi|abstract|given|known|found)\.?"
    r"|no\s+(?:journal|venue|doi|abstract)|n/?a|none|null|unknown|tb[ad]|[-–—?]+",
    re.I,
)


def _given(text: str | None) -> str | None:
    """``text`` unless it is a placeholder for no value (:data:`_PLACEHOLDER`)."""
    return None if text is None or _PLACEHOLDER.fullmatch(text.strip()) else text


def _paper(item: Any, source: str, where: str) -> Paper:
    if not isinstance(item, dict):
        raise ParseError(f"expected an object for a paper, got {type(item).__name__}")
    known, rest = _fields(plain_record(item))  # an Atom feed saved by xml2js: {"_": text, "$": attributes}
    title = _text(known.get("title"))
    if not title:
        raise ParseError("no title; expected a 'title' (any case) holding text")
    doi, arxiv, url = _links(known, rest)
    title = label_title(title, doi=doi, arxiv_id=arxiv[0] if arxiv else None)  # "[Untitled]", "arXiv Paper": by its id
    written, more = json_authors(known.get("authors"))
    authors = names_given_first(written)
    published, precision = _date(known)
    venue, noted_year, noted_doi = venue_notes(_given(_text(known.get("venue"))))  # "IEEE InfoVis，2001；DOI 10.…"
    if published is None and noted_year and not arxiv:  # an arXiv id dates it to the month
        published, precision = dt.date(noted_year, 1, 1), "year"
    doi = doi or noted_doi
    venue, numbers = venue_numbers(venue)  # "The Astrophysical Journal, 933, 47": the journal, its volume and page
    if link := venue_url(venue):  # a link given as the venue is no venue
        url, venue = url or (link if is_http_url(link) else None), None
    words = known.get("keywords")
    keywords = [w.strip() for w in (words.split(",") if isinstance(words, str) else words or []) if isinstance(w, str)]
    code = _text(known.get("code")) or _listed_code(rest)
    extra: dict[str, Any] = {"json": rest} if rest else {}
    if (key := _text(known.get("key"))) and _CITATION_KEY.fullmatch(key):  # the key a document cites it by
        extra["bibtex_key"] = key
    editors = names_given_first(json_authors(known.get("editors"))[0])
    if editors and not authors:  # an edited volume: its byline names them, marked "(ed.)"
        extra["editors"] = editors
    elif editors:
        extra.setdefault("json", {})["editors"] = known["editors"]  # kept as written beside the authors
    if precision:
        extra["date_precision"] = precision
    if numbers:
        extra["csl"] = numbers  # as the CSL and BibTeX exports write them
    if more:
        extra["more_authors"] = True
    if as_written := names_as_written(written):  # "García Márquez, Gabriel": the exports write it so
        extra["names_as_written"] = as_written
    paper = Paper(
        title=title,
        arxiv_id=arxiv[0] if arxiv else None,
        version=arxiv[1] if arxiv else None,
        authors=authors,
        abstract=_given(_text(known.get("abstract"))),
        published=published,
        journal_ref=venue,
        doi=doi,
        url=url,
        code_url=code if code and is_http_url(code) else None,
        keywords=[w for w in keywords if w],
        sources=[SourceRecord("json_list", location=source, record=where)],
        extra=extra,
    )
    return check_paper(with_embedded_bibtex(paper, item, source))  # "bib": "@article{…}": its venue, DOI…


def parse_json_list(data: Any, source: str = "<string>") -> list[Paper]:
    """Papers from a decoded home-made paper list (:func:`is_paper_list`); see :func:`read_json_list`."""
    items = doi_records(data) or paper_list_items(data)  # {"topics": [{"name", "papers": ["10.…"]}]}: DOIs alone
    if items is None:
        raise ParseError("expected a list of paper objects, or an object with a 'papers' list", source=source)
    records, left = paper_records(items)  # a dataset, an event, a talk beside its papers: no papers, each named
    numbered_authors([item for _, item in records], _field_of, source)  # "authors": [1, 2]: ids into another file
    return read_list(
        records,
        lambda item, where: _paper(item, source, where),
        source,
        expected="paper objects with a title",
        also=left,
    )


def read_json_list(path: str | Path) -> list[Paper]:
    """Read a paper list written by hand or by a script (a ``papers.json`` of no tool's format).

    Returns
    -------
    list of Paper
        One paper per record with a title; ``sources`` name each record as ``item N`` (from 1).

    Raises
    ------
    ParseError
        If the file is missing, not JSON, not a list of paper objects, or holds no record with a title.

    Warns
    -----
    PartialImportWarning
        For records skipped (not an object, no title), each named by its number.
    """
    path = Path(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        return parse_json_list(
            yaml_paper_list(read_bytes(path).decode("utf-8", errors="replace"), str(path)), str(path)
        )
    text = read_bytes(path).decode("utf-8-sig", errors="replace")
    if path.suffix.lower() == ".jsonl" or lines_of_json(text):  # JSON Lines: one paper object a line
        return read_records(
            _json_lines(text, str(path)),
            lambda item, where: _paper(item, str(path), where),
            str(path),
            unreadable="unreadable paper ({error})",
            expected="paper objects with a title, one a line",
        )
    return parse_json_list(parse_json(read_bytes(path), str(path), expected="a JSON list of papers"), str(path))


def lines_of_json(text: str) -> bool:
    """Whether ``text`` is JSON Lines whatever its file's name (a ``papers.json`` a script wrote one object a line):
    two lines or more, the first a whole JSON object alone (a JSON document's first line is ``{`` or ``[``)."""
    lines = [line for line in text.lstrip("\ufeff").splitlines() if line.strip()]
    if len(lines) < 2 or not lines[0].lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except (ValueError, RecursionError):
        return False


def _json_lines(text: str, source: str) -> Iterator[tuple[str, Any]]:
    """``(where, object)`` of each non-blank line of a JSON Lines file; a line that is no JSON gives its error."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                yield f"line {number}", parse_json(line, source, f"line {number}", expected="a JSON object")
            except ParseError as exc:
                yield f"line {number}", exc


# fields of a meeting, not of a paper: a YAML list holding them is a schedule's, never a list of papers
_MEETING_KEYS = frozenset("readings reading presenter presenters speaker speakers leader leaders session".split())


def _bad_date_line(text: str) -> str:
    """The place (' at line N') of the first ISO date in a YAML text that is no day ("2026-13-45"), else ""."""
    for number, line in enumerate(text.splitlines(), 1):
        for m in re.finditer(r"(?<![\w.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w.-])", line):
            try:
                dt.date(*map(int, m.groups()))
            except ValueError:
                return f" at line {number}"
    return ""


def yaml_paper_list(text: str, source: str = "<string>") -> Any:
    """The YAML document of ``text`` when it is a list of papers as a JSON list would be (:func:`is_paper_list`:
    records with a title, a year or links; dates written as YAML dates read as ISO text) that name authors, and no
    record names a meeting's fields (readings, presenter, speaker, leader); else None.

    Raises
    ------
    ParseError
        If ``text`` is no YAML (with the line of the problem), or YAML nested too deeply to read.
    """
    import yaml

    try:
        doc = _iso_dates(yaml.safe_load(text))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ParseError(f"not valid YAML{where}: {getattr(exc, 'problem', None) or exc}", source=source) from None
    except RecursionError:  # "[[[[…" a thousand levels deep: no list of papers, and no reason to crash
        raise ParseError("YAML nested too deeply; expected a list of papers", source=source) from None
    except ValueError as exc:  # YAML reads "2026-13-45" as a date and fails: "month must be in 1..12"
        raise ParseError(
            f"not valid YAML{_bad_date_line(text)}: a date no calendar has ({exc})", source=source
        ) from None
    records = [x for x in (paper_list_items(doc) or []) if isinstance(x, dict)]
    if any(folded_key(str(k)) in _MEETING_KEYS for x in records for k in x) or not is_paper_list(doc):
        return None
    # papers name their authors; dated titles without any (a club's events, chapters read together) are meetings
    return doc if any(_field_of(k) == "authors" for x in records for k in x) else None


def _iso_dates(value: Any) -> Any:
    """A YAML document with its dates (``date: 2021-03-01`` loads as a date) as ISO text, as JSON writes them."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_iso_dates(v) for v in value]
    if isinstance(value, dict):
        return {k: _iso_dates(v) for k, v in value.items()}
    return value

"""Reading BibTeX / BibLaTeX. bibtexparser 2 does the splitting, ``@String`` resolution, month interpolation and
co-author separation; pylatexenc turns LaTeX into Unicode. Writing is in :mod:`paperlab.sources.bibtex.write`."""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path
from typing import Any

from bibtexparser.model import Entry, ParsingFailedBlock

from ...errors import ParseError, ProblemCollector
from ...identifiers import lone_arxiv_id
from ...markup import plain_abstract
from ...paper import Paper, SourceRecord, normalize_arxiv_id
from ...paper_fields import MEETING_FIELDS, doubtful_id_map, meeting_extra
from ...paper_render import edtf_note
from ...text import drop_closing_stop, untex_doi
from ...venues import venue_url
from .._files import no_placeholder_title, read_bytes, title_without_mark, titled_from_id
from .blocks import failed_message, failed_where, fields_of, no_entries_message, parse_library, supply_keys
from .crossref import inherit
from .dates import entry_date, entry_date_text, entry_month_day, written_date
from .entry_names import People as _People
from .entry_names import bib_name as _name
from .entry_names import entry_authors as _authors
from .entry_names import whole_names as _whole_names
from .fields import (
    crossref_hint,
    decode_bib,
    labelled_doi,
    no_abstract,
    unescape_html_entities,
    unquoted_title,
    valid_doi,
)
from .gost import gost_reading
from .links import link_arxiv, link_doi
from .persons import names_turned_round
from .stack import parse_stack
from .text import VERBATIM_FIELDS as _VERBATIM_FIELDS
from .text import clean as _clean
from .text import clean_block as _clean_block
from .text import footnotes_dropped
from .text import latex_to_text as _latex_to_text
from .text import verbatim as _verbatim

__all__ = ["parse_bibtex", "read_bibtex"]

# bibtexparser reports syntax errors through logging as well as through failed blocks;
# we report them through ProblemCollector, so keep its log quiet.
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)

# -- reading ------------------------------------------------------------------------------


def _field(entry: Entry, *names: str) -> str | None:
    for name in names:
        fld = fields_of(entry).get(name)
        if fld is not None and fld.value not in (None, "", []):
            return fld.value if isinstance(fld.value, str) else str(fld.value)
    return None


def _arxiv(entry: Entry) -> tuple[str | None, int | None, str | None]:
    """arXiv id, version and primary class of an entry, if it is an arXiv paper."""
    eprint = _field(entry, "eprint")
    kind = (_field(entry, "archiveprefix", "eprinttype") or "").strip().lower()
    primary = _field(entry, "primaryclass", "eprintclass")
    found = None
    if isinstance(eprint, str) and (kind == "arxiv" or (not kind and re.match(r"\s*arxiv:", eprint, re.I))):
        found = normalize_arxiv_id(_verbatim(eprint))
    elif isinstance(eprint, str) and not kind:  # a bare eprint = {1810.04805} of no other archive: arXiv's id
        found = lone_arxiv_id(_verbatim(eprint))
    if found is None and isinstance(mendeley := _field(entry, "arxivid"), str):  # Mendeley: "arXiv:hep-ph/0211317v1"
        found = normalize_arxiv_id(_verbatim(mendeley))
    if found is None:
        journal = _field(entry, "journal", "journaltitle")
        if isinstance(journal, str) and re.search(r"\barxiv\b", journal, re.I):
            found = normalize_arxiv_id(journal)
        if found is None and isinstance(journal, str) and journal.strip().lower() in ("corr", "arxiv"):
            found = normalize_arxiv_id(str(_field(entry, "volume") or ""))  # DBLP, S2: volume = {abs/2101.00001}
    if found is None:
        url = _field(entry, "url")
        if isinstance(url, str) and re.search(r"arxiv\.org/", url, re.I):
            found = normalize_arxiv_id(_verbatim(url))
    found = found or link_arxiv(entry)  # howpublished = {arXiv:2401.01234}, a note that is the arXiv link alone
    if found is None:
        return None, None, None
    arxiv_id, version = found
    if version is None:
        v = _field(entry, "version")
        version = int(v) if isinstance(v, str) and v.strip().isdigit() else None
    return arxiv_id, version, primary.strip() if isinstance(primary, str) and _category(primary) else None


# arXiv archives divided into subject classes: "cs" alone ("primaryclass = {cs}") names no category ("cs.LG" does);
# an archive without classes ("hep-th", "quant-ph", "gr-qc") is its own category.
_DIVIDED_ARCHIVES = frozenset("cs math physics stat q-bio q-fin eess econ astro-ph cond-mat nlin".split())


def _category(primary: str) -> bool:
    """Whether a ``primaryclass`` names an arXiv category a card can show (not a bare divided archive)."""
    return bool(primary.strip()) and primary.strip().lower() not in _DIVIDED_ARCHIVES


def _howpublished_url(entry: Entry) -> str | None:
    """The link of ``howpublished = {\\url{https://…}}`` (or a bare http(s) link), which misc entries use for it."""
    value = _field(entry, "howpublished")
    m = re.search(r"\\url\s*\{([^{}]+)\}", value) if isinstance(value, str) else None
    link = _verbatim(m.group(0) if m else value or "")
    return link if re.fullmatch(r"https?://\S+", link) else None


def _journal(entry: Entry, arxiv_id: str | None, title: str = "") -> str | None:
    journal = _field(entry, "journal", "journaltitle", "booktitle")
    if not isinstance(journal, str) or _clean(journal).casefold() == title.casefold():
        return None  # none, or a book's own title repeated as its booktitle
    text = _clean(journal)
    if arxiv_id and (re.search(r"\barxiv\b", text, re.I) or text.lower() == "corr"):
        return None  # "arXiv preprint arXiv:…" is not a venue
    return text or None


# Fields read into the paper's own fields; every other field is kept in ``extra["bibtex_fields"]``.
_MAPPED_FIELDS = frozenset(
    "title author abstract doi url keywords note eprint archiveprefix eprinttype primaryclass eprintclass "
    "month day ids paperlab-tags paperlab-doubtful-ids".split()
    + list(MEETING_FIELDS.values())
)
_NAME_FIELDS = frozenset(("editor", "translator"))
_FIELD_NAME = re.compile(r"[a-z][\w.:+-]*")
_PROSE_FIELDS = frozenset(("annotation", "annote", "addendum", "comment", "comments", "review"))


def _field_text(name: str, value: Any) -> str | list[str] | None:
    """A field's value as text: names as a list, url-like fields verbatim, the rest LaTeX decoded."""
    if isinstance(value, list):
        names = [_name(v) for v in value if isinstance(v, str) and v.strip()]
        return [n for n in names if n] or None
    if not isinstance(value, str):
        return str(value) if value is not None else None
    if name in _NAME_FIELDS:
        return [n for n in (_name(v) for v in re.split(r"\s+and\s+", value)) if n] or None
    if name in _VERBATIM_FIELDS:
        text = _verbatim(value)
    else:  # prose (annotations) keeps its line breaks; names, numbers and titles are one line
        text = _clean_block(value) if name in _PROSE_FIELDS else _clean(value)
    return text or None


def _bib_fields(entry: Entry, published: dt.date | None) -> dict[str, str | list[str]]:
    """The fields the paper has no own field for (volume, pages, publisher, booktitle, editor, ...), as text; a
    ``date`` that says more than the paper's date as written (a range, circa: :func:`~.fields.written_date`)."""
    out: dict[str, str | list[str]] = {}
    for fld in entry.fields:
        name = fld.key.lower()
        if published is not None and name == "date" and (written := written_date(entry)):
            out[name] = written
            continue
        if name in _MAPPED_FIELDS or (published is not None and name in ("year", "date")):
            continue
        if name == "abstractnote" and "abstract" not in fields_of(entry):  # read as the abstract
            continue
        if not _FIELD_NAME.fullmatch(name):  # a "% comment" line bibtexparser took into the next field's name
            continue
        text = _field_text(name, fld.value)
        if text is not None:
            out[name] = text
    return out


def _list_field(entry: Entry, name: str) -> list[str]:
    """A comma- or semicolon-separated field (keywords, ids) as a list."""
    raw = _field(entry, name)
    if not isinstance(raw, str):
        return []
    return [k for k in (" ".join(s.split()) for s in re.split(r"[,;]", _latex_to_text(raw))) if k]


def _doubtful_ids(entry: Entry) -> dict[str, str]:
    """The ids our export kept aside as doubtful (``paperlab-doubtful-ids = {arxiv:1412.6572 doi:10.1/x}``)."""
    doubts = _field(entry, "paperlab-doubtful-ids")
    return doubtful_id_map(_verbatim(doubts)) if isinstance(doubts, str) else {}


def _extra(entry: Entry, truncated: bool, arxiv_id: str | None, published: dt.date | None) -> dict[str, Any]:
    extra: dict[str, Any] = {"bibtex_key": entry.key, "entry_type": entry.entry_type.lower()}
    aliases = [k for k in _list_field(entry, "ids") if k != entry.key]
    if aliases:  # biblatex ``ids``: other keys of this entry, which \cite{} must still resolve
        extra["bibtex_keys"] = [entry.key, *aliases]
    if truncated:
        extra["more_authors"] = True
    doubts = _doubtful_ids(entry)
    if doubts:
        extra["doubtful_ids"] = doubts
    publisher = _field(entry, "publisher")
    if isinstance(publisher, str) and _clean(publisher):
        extra["publisher"] = _clean(publisher)
    eprint = _field(entry, "eprint")
    if arxiv_id is None and isinstance(eprint, str):
        kind = _field(entry, "archiveprefix", "eprinttype")
        extra["eprint"] = f"{kind.strip().lower()}:{_verbatim(eprint)}" if isinstance(kind, str) else _verbatim(eprint)
    fields = _bib_fields(entry, published)
    primary = _field(entry, "primaryclass", "eprintclass")
    if isinstance(primary, str) and not _category(primary) and primary.strip():  # "cs": kept for the export only
        fields["primaryclass"] = primary.strip()
    if fields:
        extra["bibtex_fields"] = fields
    if "author" not in fields_of(entry) and isinstance(fields.get("editor"), list):
        extra["editors"] = fields["editor"]  # an edited volume: its byline names them, marked "(ed.)"
    ours = {n: _clean(v) for n in MEETING_FIELDS.values() if isinstance(v := _field(entry, n), str)}
    extra.update(meeting_extra(ours))  # who presented it at a reading group, and when (our export's fields)
    if published is not None and (written := written_date(entry)):
        extra["date_note"] = edtf_note(written)  # the date is the start of a range, or circa
    month, day = entry_month_day(entry)
    extra.update(Paper.partial_date(entry_date_text(entry), _field(entry, "year"), month, day))
    return extra


# entries of a part of a book: one with no title of its own but a booktitle cites the whole book (a handbook)
_PART_TYPES = frozenset(("incollection", "inbook", "bookinbook"))


# a comma left after a title's last word, as a copied reference leaves it ("Fundamentals of Optics,")
_DANGLING_COMMA = re.compile(r"(?<=[^\W_]),\s*$")
# a ``chapter`` field that numbers the chapter ("3", "IV", "Chapter 2.1") rather than naming it
_CHAPTER_NUMBER = re.compile(r"(?i)(?:ch(?:apter|ap)?\.?\s*)?[\dIVXLC]+(?:[.-]\d+)*\.?")


def _title_field(entry: Entry) -> tuple[str, str]:
    """The ``title`` as written, else, for a part of a book, its ``chapter`` when that names the part
    (``chapter = {Type Systems}``: a handbook's chapter titled by it), else the ``booktitle`` of a part naming no part
    (the whole book is cited); with the field it came from ('' for ``title``); a ParseError when there is none."""
    title_raw, origin = _field(entry, "title"), ""
    if (not isinstance(title_raw, str) or not _clean(title_raw)) and entry.entry_type.lower() in _PART_TYPES:
        chapter = _field(entry, "chapter")
        if isinstance(chapter, str) and _clean(chapter) and not _CHAPTER_NUMBER.fullmatch(_clean(chapter)):
            return _clean(chapter), "chapter"
        title_raw, origin = _field(entry, "booktitle"), "booktitle"
    if not isinstance(title_raw, str) or not _clean(title_raw):
        raise ParseError("expected a 'title' field")
    doi = _field(entry, "doi")  # Paperpile's "[No title]" naming its paper by an id: titled from the id
    doi = valid_doi(_verbatim(doi)) if isinstance(doi, str) else None
    return no_placeholder_title(title_raw, doi=doi, arxiv_id=_arxiv(entry)[0]), origin


def _entry_to_paper(entry: Entry, source: str, known: dict[str, _People] | None = None) -> Paper:
    written = unescape_html_entities(entry)
    title_raw, origin = _title_field(entry)
    whole_book = origin == "booktitle"
    title = _clean(footnotes_dropped(title_raw))  # a footnote: "…\thanks{…}", "…$^{\dagger}$"
    subtitle = _field(entry, "subtitle")
    if isinstance(subtitle, str) and _clean(subtitle):
        title = f"{title}: {_clean(subtitle)}"
    title = _DANGLING_COMMA.sub("", title_without_mark(drop_closing_stop(unquoted_title(title))))  # '"T"', 'T.', 'T,'
    authors, truncated, as_written = _authors(getattr(fields_of(entry).get("author"), "value", []), known)
    arxiv_id, version, primary = _arxiv(entry)
    doubts = _doubtful_ids(entry)  # not the paper's own, though a kept field (journal, number) still names them
    if arxiv_id is not None and arxiv_id == doubts.get("arxiv"):
        arxiv_id, version, primary = None, None, None
    abstract = _field(entry, "abstract", "abstractnote")  # Zotero's web translators write "abstractNote"
    abstract = None if isinstance(abstract, str) and no_abstract(abstract) else abstract  # "Abstract not provided."
    doi = _field(entry, "doi") or labelled_doi(entry)  # Zotero: "note = {DOI: 10.…}"
    url = _field(entry, "url") or (None if doi else _howpublished_url(entry))
    doi = doi or link_doi(entry)  # "url = {https://doi.org/10.…}" alone: the DOI, the link kept
    if isinstance(doi, str) and "doi" in doubts and (valid_doi(_verbatim(doi)) or "").lower() == doubts["doi"].lower():
        doi = None
    tags = _list_field(entry, "paperlab-tags")  # written by our export, with the tags also in keywords
    keywords = [k for k in _list_field(entry, "keywords") if k not in tags]
    comments = [_clean_block(v) for v in (_field(entry, "note"), _field(entry, "addendum")) if isinstance(v, str)]
    comment = "\n".join(c for c in comments if c) or None
    published = entry_date(entry)
    journal = None if whole_book else _journal(entry, arxiv_id or doubts.get("arxiv"), title)
    if link := venue_url(journal):  # a web page's address written as its journal: no venue
        journal, url = None, url or link
    line = f", line {entry.start_line + 1}" if entry.start_line is not None else ""
    paper = Paper(
        title=title,
        arxiv_id=arxiv_id,
        version=version,
        authors=authors,
        abstract=plain_abstract(_clean_block(abstract)) if isinstance(abstract, str) else None,
        published=published,
        primary_category=primary,
        comment=comment,
        journal_ref=journal,
        doi=valid_doi(untex_doi(_verbatim(doi))) if isinstance(doi, str) else None,
        url=_verbatim(url) if isinstance(url, str) else None,
        keywords=keywords,
        tags=tags,
        sources=[SourceRecord("bibtex", location=source, record=f"{entry.key}{line}")],
        extra=_extra(entry, truncated, arxiv_id, published),
    )
    if paper.abstract and isinstance(abstract, str) and paper.abstract.split() != abstract.split():
        paper.extra["abstract_markup"] = abstract  # LaTeX, JATS/HTML as written: the export writes it back (the
        # abstract is its text); the text as written alone is written escaped again
    if origin or titled_from_id(title):  # no title written (a whole book's, a chapter's), or "[No title]" with an id
        paper.extra["title_from"] = origin or "id"
    elif " ".join(title_raw.split()) != _clean(title_raw):  # braces that keep a case ('Sentence-{BERT}'), macros
        paper.extra["title_markup"] = " ".join(title_raw.split())  # as written: the export writes it back so
    if as_written:  # names set in another case, as the file wrote them (the exports write them so)
        paper.extra["names_as_written"] = as_written
    if whole := _whole_names(entry):
        paper.extra["names_whole"] = whole
    if written:  # the values with HTML character references, as the file wrote them
        paper.extra["bibtex_html_raw"] = written
    return paper


def parse_bibtex(text: str, source: str = "<string>") -> list[Paper]:
    """Read papers from BibTeX or BibLaTeX text.

    Parameters
    ----------
    text : str
        The content of a ``.bib`` file.
    source : str, optional
        File name or URL, used in source records and problem reports.

    Returns
    -------
    list of Paper
        One paper per entry with a title, in file order. ``extra`` holds
        ``bibtex_key`` and ``entry_type``.

    Raises
    ------
    ParseError
        If the text holds no BibTeX entry, or no entry could be read.

    Warns
    -----
    PartialImportWarning
        When some entries were skipped (no title, syntax errors, duplicate keys);
        each is named by its key and line.
    """
    text, keyless = supply_keys(text)  # "@ONLINE{ author = …" with no citation key: read under a generated one
    lib, unread = parse_library(text, parse_stack, source)  # an entry a middleware fails on: skipped and named
    problems = ProblemCollector(source)
    for where, message in unread:
        problems.add(where, message)
    papers: list[Paper] = []
    known: dict[str, _People] = {}  # the file's author names read so far
    inherited, lending = inherit(lib)  # crossref and xdata, as biber resolves them
    names_turned_round(lib.entries)  # "Fabien, Collas" where the file writes "Irurozki, Ekhine": Given, Family
    # blocks keep file order, so entries and failures are reported in order
    for block in lib.blocks:
        if isinstance(block, ParsingFailedBlock):
            problems.add(failed_where(block), failed_message(block))
        elif isinstance(block, Entry) and block.key not in lending:
            where = f"entry {block.key!r}" + (f", line {block.start_line + 1}" if block.start_line is not None else "")
            try:
                papers.append(gost_reading(_entry_to_paper(block, source, known), block))
                if block.key in inherited:
                    papers[-1].extra["bibtex_inherited"] = inherited[block.key]
            except ParseError as exc:
                problems.add(where, exc.message + crossref_hint(block, lib))
    if not papers and not problems.problems:
        raise ParseError(no_entries_message(lib), source=source)
    for key, line in keyless:
        for paper in (p for p in papers if p.extra.get("bibtex_key") == key):
            paper.extra["bibtex_key_generated"] = True
            problems.add(f"line {line}", f"entry without a citation key; read under the key {key!r}", skipped=False)
    return problems.finish(papers, expected="BibTeX entries")


def read_bibtex(path: str | Path) -> list[Paper]:
    """Read papers from a ``.bib`` file (see :func:`parse_bibtex`).

    Raises
    ------
    ParseError
        If the file is missing or holds no usable entry (its text is read by :func:`.fields.decode_bib`).
    """
    path = Path(path)
    return parse_bibtex(decode_bib(read_bytes(path)), source=str(path))

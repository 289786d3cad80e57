"""CSL-JSON: the citation format of Zotero, Better BibTeX, pandoc and citeproc.

A file is an array of items (or one item, or an object of items keyed by their ids). Each item becomes a :class:`~paperlab.paper.Paper`: ``title`` (rich
text such as ``<i>``/``<sub>`` made plain), ``author`` names, the first date of ``issued`` (else of the
``published``, ``published-print`` or ``published-online`` of a work saved from Crossref), ``abstract``, ``DOI``
(else one the ``note`` labels "DOI: 10.…", as Zotero writes its Extra field),
``URL``, ``container-title``, ``note``, ``keyword``, and an arXiv id found in an arXiv DOI, an arxiv.org URL or
an ``arXiv:`` number. Everything else of the item (its id, type, volume, pages, editors, the exact date object,
the rich-text title, the structured names) is kept in ``extra["csl"]``, so that ``Paper.to_csl()`` writes the
item back as it was read (:func:`paperlab.paper_render.paper_to_csl`). :func:`write_csl` writes a file.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import ParseError, warn_partial
from ..identifiers import arxiv_alone, doi_of_link, labelled_doi, lone_arxiv_id, normalize_arxiv_id, parse_reference
from ..latex import latex_name
from ..markup import csl_plain_text, plain_abstract
from ..names import csl_name_text, is_more_authors, is_placeholder_name, names_organisation
from ..paper import Paper, SourceRecord
from ..paper_fields import MEETING_FIELDS, doubtful_id_map, meeting_extra
from ..paper_render import csl_date, csl_edtf, csl_keywords, edtf_note, literal_year
from ..text import drop_closing_stop, untex_doi
from ..venues import venue_url
from ._files import check_paper, no_placeholder_title, parse_json, read_bytes, read_records, title_without_mark
from ._names import name_given_first

__all__ = ["parse_csl", "read_csl", "write_csl"]

# CSL variables read into the paper's own fields (the rest of an item is kept in extra["csl"])
_READ = frozenset(
    [
        "title",
        "author",
        "issued",
        "abstract",
        "DOI",
        "URL",
        "container-title",
        "note",
        "keyword",
        "paperlab-doubtful-ids",
        *MEETING_FIELDS.values(),
    ]
)
_PRECISION = {1: "year", 2: "month"}
# the date of an item: CSL's issued, else the publication dates of Crossref's own JSON (a work saved from its API)
_DATES = ("issued", "published", "published-print", "published-online")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", re.ASCII)


def _text(item: dict[str, Any], key: str) -> str | None:
    """A string variable (a finite number is read as its text, a list of strings as its first), whitespace
    collapsed; None when absent."""
    value = item.get(key)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        value = value[0]  # Crossref's JSON gives titles as lists
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        value = str(value)
    if not isinstance(value, str):
        raise ParseError(f"field {key!r}: expected a string, got {type(value).__name__}")
    return " ".join(value.split()) or None


# the keys of a CSL name object
_CSL_NAME_KEYS = frozenset(["family", "given", "literal", "dropping-particle", "non-dropping-particle", "suffix"])
#: Between the names of one author string: ";" or a BibTeX-style " and ".
_NAME_SEPARATORS = re.compile(r"\s*;\s*|\s+and\s+")


def _authors(item: dict[str, Any], key: str = "author", where: str = "") -> tuple[list[str], bool]:
    """The people named in ``key``, and whether the list is cut short: a name that stands for those left out
    ("others", "et al.", "N other contributors") is no person but ``extra["more_authors"]``."""
    texts = [text for text in _name_texts(item, key, where) if not is_placeholder_name(text)]  # "Unknown": none
    return [text for text in texts if not is_more_authors(text)], any(is_more_authors(text) for text in texts)


def _name_texts(item: dict[str, Any], key: str, where: str = "") -> list[str]:
    names = item.get(key)
    if names is None:
        return []
    if isinstance(names, str):  # one string instead of a list (hand-written files): "Family, Given; Family, Given"
        names = [n for n in _NAME_SEPARATORS.split(names) if n.strip()]
    if not isinstance(names, list):
        raise ParseError(f"field '{key}': expected a list of name objects, got {type(names).__name__}")
    try:
        texts = [_name_text(n) for n in names]
    except ValueError as exc:
        raise ParseError(f"field '{key}': {exc}") from None
    unread = [n for n, text in zip(names, texts, strict=True) if not text and isinstance(n, dict) and any(n.values())]
    if unread and where:
        warn_partial(
            UserWarning(
                f"{where}: field '{key}': {len(unread)} name object(s) with no 'family', 'given', 'literal' "
                f"or 'name' left out ({json.dumps(unread[0], ensure_ascii=False)[:80]})"
            )
        )
    return [text for text in texts if text]


def _editors(item: dict[str, Any]) -> dict[str, list[str]]:
    """``{"editors": names}`` for an edited volume without authors (its byline names them, marked "(ed.)"); the
    names stay in the item kept for the export. Editors that are no names are left out, as the export keeps them."""
    try:
        editors = [] if item.get("author") else _authors(item, "editor")[0]
    except ParseError:
        editors = []
    return {"editors": editors} if editors else {}


def _name_text(name: Any) -> str:
    """A CSL name object as paperlab writes an author; a plain string (not CSL, but what hand-written files and
    other tools put there) in ``Family, Given`` order is turned round to ``Given Family``; an object with only a
    ``name`` (not CSL either, but a name all the same: dropping it would lose an author) is read as a literal."""
    if isinstance(name, dict) and isinstance(name.get("name"), str) and not _CSL_NAME_KEYS & set(name):
        name = {"literal": name["name"]}
    if isinstance(name, dict) and set(name) == {"family"} and isinstance(name["family"], str):
        name = _family_holding_given(name["family"]) or name
    return latex_name(name_given_first(name) if isinstance(name, str) else csl_name_text(name))  # "M{\\"u}ller"


# a family name written with the given name after a comma, "Foßnagel, A.", "Kramer, R.-J.", "Buchholz, Katharina":
# the whole name in one field
_FAMILY_AND_GIVEN = re.compile(
    r"([^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)?),\s*((?:[^\W\d_]{1,2}\.[\s-]*){1,3}|[^\W\d_][\w-]+(?: [^\W\d_][\w-]+)?)"
)


def _family_holding_given(family: str) -> str | None:
    """A hand-written item's ``{"family": "Foßnagel, A."}``: the family name and the given name or initials after its
    comma as one person, "Foßnagel, A."; None for any other family (a corporate "Meta Platforms, Inc." keeps its
    comma)."""
    text = " ".join(family.split())
    m = _FAMILY_AND_GIVEN.fullmatch(text)
    if not m or names_organisation(text) or not (m.group(1)[0].isupper() and m.group(2)[0].isupper()):
        return None
    return f"{m.group(1)}, {m.group(2).strip()}"


def _precision(issued: Any, published: dt.date) -> str | None:
    """``"year"`` or ``"month"`` for a date given to that precision (``date-parts`` or an ISO-like string);
    a month or day the date could not keep (a season, the 31st of April) counts as not given."""
    if isinstance(issued, dict) and "date-parts" in issued:
        parts = issued["date-parts"]
        first = parts[0] if isinstance(parts, list) and parts and isinstance(parts[0], list) else []
    else:
        raw = issued.get("raw") if isinstance(issued, dict) else issued
        m = _ISO_DATE.match(raw.strip()) if isinstance(raw, str) else None
        first = [g for g in m.groups() if g] if m else literal_year(issued)
    given = len(first[:3])
    if given >= 2 and str(published.month) != str(first[1]).strip().lstrip("0"):
        given = 1
    elif given == 3 and str(published.day) != str(first[2]).strip().lstrip("0"):
        given = 2
    return _PRECISION.get(given)


# a footnote mark closing a rich-text title: "<sup>1</sup>", "<sup>*</sup>", "<sup>†</sup>"
_SUP_MARK = re.compile(r"(?<=[^\W\d_])\s*<sup>\s*[*†‡§¶]{1,3}\s*</sup>\s*$")
# a number only after a word of three letters or more ("Ice models<sup>1</sup>"): "500 km<sup>2</sup>" is a unit's
_SUP_NUMBER = re.compile(r"(?<!\S)([^\W\d_]{3,})\s*<sup>\s*\d{1,2}\s*</sup>\s*$")


def _plain_title(title_raw: str) -> str:
    """The title as text: rich text flattened, a footnote mark closing it ("<sup>1</sup>", "†") and a catalogue's
    closing full stop ("A review of foo.") dropped."""
    return title_without_mark(drop_closing_stop(csl_plain_text(_SUP_NUMBER.sub(r"\1", _SUP_MARK.sub("", title_raw)))))


def _arxiv(item: dict[str, Any], doi: str | None, url: str | None) -> tuple[str, int | None] | None:
    """An arXiv id named by the DOI (10.48550/arXiv.…), an arxiv.org URL or an ``arXiv:`` number."""
    if doi and parse_reference(doi).arxiv_id:
        return normalize_arxiv_id(parse_reference(doi).arxiv_id)
    if url and "arxiv.org/" in url.lower():
        return normalize_arxiv_id(url)
    number = item.get("number")
    if isinstance(number, str) and number.strip().lower().startswith("arxiv:"):
        return normalize_arxiv_id(number)
    archive = str(item.get("archive") or item.get("publisher") or "").strip().lower()
    place = item.get("archive_location") or item.get("archive-location") or number
    if archive == "arxiv" and isinstance(place, str) and (found := lone_arxiv_id(place)):
        return found  # "archive": "arXiv", "archive_location": "2101.00001"; "publisher": "arXiv", "number": "…"
    note = item.get("note")
    if isinstance(note, str) and (found := arxiv_alone(note)):
        return found  # a note that is the arXiv id alone: "arXiv: 2102.00002", "arXiv:2102.00002 [cs.LG]"
    volume = item.get("volume")
    if _arxiv_venue(item) and isinstance(volume, str):  # Semantic Scholar, DBLP: "ArXiv", volume "abs/2005.14165"
        return normalize_arxiv_id(volume)
    return None


def _arxiv_venue(item: dict[str, Any]) -> bool:
    """Whether the item's container is arXiv itself ("ArXiv", "arXiv", DBLP's "CoRR"): no venue of a paper."""
    journal = item.get("container-title")
    return isinstance(journal, str) and journal.strip().lower() in ("arxiv", "corr")


def _kept(item: dict[str, Any], title_raw: str, title: str, arxiv: bool) -> dict[str, Any]:
    """What of the item the paper's fields do not hold, for writing it back (see ``paper_to_csl``)."""
    kept = {k: v for k, v in item.items() if k not in _READ}
    if arxiv and str(kept.get("number", "")).lower().startswith("arxiv:"):
        kept.pop("number")  # written back from the arXiv id, and so is the publisher
    if arxiv and kept.get("publisher") == "arXiv":
        kept.pop("publisher")
    if title_raw != title:
        kept["title"] = title_raw
    journal = item.get("container-title")
    if isinstance(journal, str) and csl_plain_text(journal) != " ".join(journal.split()):
        kept["container-title"] = journal
    words = item.get("keyword")
    if isinstance(words, str) and words != ", ".join(csl_keywords(words)):
        kept["keyword"] = words  # written back as it was ("a; b")
    if isinstance(item.get("author"), list) and item["author"]:
        kept["author"] = item["author"]
    if isinstance(item.get("issued"), (dict, str)):
        kept["issued"] = item["issued"]
    abstract = item.get("abstract")
    if isinstance(abstract, str) and plain_abstract(abstract) != abstract:
        kept["abstract"] = abstract  # the JATS/HTML form, written back while the text is the paper's
    return kept


def _item_to_paper(item: Any, source: str, where: str) -> Paper:
    if not isinstance(item, dict):
        raise ParseError(f"expected a CSL item (a JSON object), got {type(item).__name__}")
    title_raw = _text(item, "title")
    doi, url = _text(item, "DOI"), _text(item, "URL")
    if not title_raw:
        raise ParseError("expected a 'title'")
    doi = untex_doi(doi) if doi else None  # "10.1/x\\_12" as a BibTeX-minded tool writes it: "10.1/x_12"
    note = _text(item, "note")
    doi = doi or (labelled_doi(note) if note else None)  # Zotero's Extra as the note: "DOI: 10.…"
    doi = doi or (doi_of_link(url) if url else None)  # "URL": "https://doi.org/10.…" and no "DOI"
    found = _arxiv(item, doi, url)
    doubts = doubtful_id_map(item.get("paperlab-doubtful-ids"))  # our export's: ids another paper holds, not this one's
    if found is not None and found[0] == doubts.get("arxiv"):
        found = None
    if doi and doi.lower() == doubts.get("doi", "").lower():
        doi = None
    title = no_placeholder_title(_plain_title(title_raw), doi=doi, arxiv_id=found[0] if found else None) or ""
    issued = next((item[k] for k in _DATES if isinstance(item.get(k), (dict, str))), None)
    published = csl_date(issued)
    raw_title = item["title"] if isinstance(item["title"], str) else title
    extra: dict[str, Any] = {"csl": _kept(item, raw_title, title, found is not None)}
    precision = _precision(issued, published) if published is not None else None
    if precision:
        extra["date_precision"] = precision
    if published is not None and (edtf := csl_edtf(issued)):  # a range, circa: the date is its start
        extra["date_note"] = edtf_note(edtf)
    authors, cut_short = _authors(item, "author", f"{source}, {where}")
    if cut_short:
        extra["more_authors"] = True
    if doubts:
        extra["doubtful_ids"] = doubts
    extra.update(meeting_extra({k: item.get(k) for k in MEETING_FIELDS.values()}))  # our export's variables
    words = item.get("keyword")
    if isinstance(words, list) and all(isinstance(w, str) for w in words):  # not CSL, but some tools write it
        words = ", ".join(w.replace(",", " ") for w in words)
        item = {**item, "keyword": words}
    keywords = _text(item, "keyword")
    journal = _text(item, "container-title")
    if link := venue_url(journal):  # a web page's address as its container: no venue
        journal, url = None, url or link
    paper = Paper(
        title=title,
        arxiv_id=found[0] if found else None,
        version=found[1] if found else None,
        authors=authors,
        abstract=plain_abstract(abstract) if (abstract := _text(item, "abstract")) else None,
        published=published,
        comment=_text(item, "note"),
        journal_ref=csl_plain_text(journal) if journal and not (found and _arxiv_venue(item)) else None,
        doi=doi,
        url=url,
        keywords=csl_keywords(keywords) if keywords else [],
        sources=[SourceRecord("csl", location=source, record=where)],
        extra={**extra, **_editors(item)},
    )
    if paper.url and paper.url in (f"https://arxiv.org/abs/{paper.arxiv_id}", f"https://doi.org/{paper.doi}"):
        paper.url = None  # the landing page the paper names anyway (Paper.abs_url)
    return check_paper(paper)


def _keyed_items(data: Any) -> list[Any] | None:
    """The items of an object keyed by id (``{"key1": {...}, "key2": {...}}``, as some exporters write CSL-JSON),
    each given its key as ``id`` when it has none; None for anything else (an item, a list)."""
    if not isinstance(data, dict) or not data or isinstance(data.get("type"), str) or "title" in data:
        return None
    if not all(isinstance(v, dict) for v in data.values()):
        return None
    return [item if "id" in item else {"id": key, **item} for key, item in data.items()]


def parse_csl(data: Any, source: str = "<string>") -> list[Paper]:
    """Papers from decoded CSL-JSON: a list of items, one item, or an object of items keyed by their ids.

    Returns
    -------
    list of Paper
        One paper per item with a title, in order; ``sources`` name the item as ``record N`` (from 1),
        with its id when it has one.

    Raises
    ------
    ParseError
        If ``data`` is not an item, a list of items or an object of them, or no item could be read.

    Warns
    -----
    PartialImportWarning
        For items skipped (not an object, no title, a value of the wrong type), each named by its number.
    """
    items = _keyed_items(data) or ([data] if isinstance(data, dict) else data)
    if not isinstance(items, list):
        raise ParseError(f"expected CSL-JSON: an array of items, got {type(data).__name__}", source=source)
    if not items:
        raise ParseError("no CSL items found; expected an array of items with a 'title'", source=source)
    return read_records(
        ((_where(number, item), item) for number, item in enumerate(items, 1)),
        lambda item, where: _item_to_paper(item, source, where),
        source,
        unreadable="unreadable CSL item ({error}); expected CSL-JSON values",
        expected="CSL items",
    )


def _where(number: int, item: Any) -> str:
    """``record N`` with the item's id when it has one: ``record 3 ('smith2020')``."""
    key = item.get("id") if isinstance(item, dict) else None
    return f"record {number}" + (f" ({key!r})" if isinstance(key, (str, int)) and key != "" else "")


def read_csl(path: str | Path) -> list[Paper]:
    """Read a CSL-JSON file (``.json`` or ``.csl.json``); see :func:`parse_csl`.

    Raises
    ------
    ParseError
        If the file is missing, not JSON, or holds no usable item.
    """
    path = Path(path)
    return parse_csl(parse_json(read_bytes(path), str(path), expected="CSL-JSON"), source=str(path))


def write_csl(papers: Iterable[Paper], path: str | Path) -> Path:
    """Write ``papers`` as a CSL-JSON array (``Paper.to_csl()`` of each); :func:`read_csl` reads it back."""
    path = Path(path)
    items = [paper.to_csl() for paper in papers]
    path.write_text(json.dumps(items, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path

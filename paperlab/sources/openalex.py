"""OpenAlex works (``api.openalex.org/works``): :func:`parse_openalex` and :func:`read_openalex`.

Accepted shapes: one Work object (``GET /works/W…``), a list response ``{"meta", "results": [...]}``
(``group_by`` ignored), a bare JSON list of Works, and JSON lines with one Work per line (a snapshot or
a ``jq -c '.results[]'`` dump), and vcrpy YAML cassettes of recorded answers.

Field mapping: ``display_name`` (else ``title``), its Crossref markup (``<i>``, ``<sub>``) made plain -> title;
``doi`` (else ``ids.doi``) without its ``https://doi.org/`` prefix -> doi; an arXiv id from ``ids``/``locations``
(``arxiv.org/abs/…`` landing pages, ``doi:10.48550/arXiv.…``) -> arxiv_id; ``authorships[].author.display_name`` (else
``raw_author_name``) -> authors, their institutions' names -> ``extra["affiliations"]``;
``abstract_inverted_index`` (word -> positions) rebuilt in position order -> abstract;
``publication_date`` (else 1 January of ``publication_year``) -> published, ``updated_date`` -> updated;
``primary_location`` source name unless a repository (+ ``biblio`` volume, issue, pages) -> journal_ref; its landing page ->
url, its PDF (else ``best_oa_location``'s, ``open_access.oa_url``) -> pdf_url; ``keywords`` / topics ->
keywords. ``id`` (short ``W…``), ``ids``, ``type``, ``cited_by_count``, ``referenced_works`` and
``related_works`` (short ids), ``language`` go to ``extra["openalex"]``; the short id and the ``mag``, ``pmid``
and ``pmcid`` of ``ids`` to ``external_ids``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..dates import as_date
from ..errors import ParseError
from ..identifiers import normalize_arxiv_id, normalize_doi
from ..markup import csl_plain_text, plain_abstract
from ..paper import Paper, SourceRecord
from ._cassette import Interaction, cassette_records, is_cassette
from ._files import as_count, check_paper, decode_text, parse_json, read_bytes, read_records

__all__ = [
    "abstract_from_inverted_index",
    "is_openalex_work",
    "parse_openalex",
    "parse_openalex_cassette",
    "read_openalex",
]

_OPENALEX = "https://openalex.org/"
# An inverted index larger than this many positions is not an abstract (real ones have a few hundred).
_MAX_POSITIONS = 100_000


def _str(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _short_id(value: Any) -> str | None:
    """``https://openalex.org/W123`` -> ``W123``."""
    text = _str(value)
    if not text:
        return None
    return text[len(_OPENALEX) :] if text.startswith(_OPENALEX) else text


def is_openalex_work(obj: Any) -> bool:
    """Whether ``obj`` looks like an OpenAlex Work object."""
    if not isinstance(obj, dict):
        return False
    ident = obj.get("id")
    if isinstance(ident, str) and ident.startswith(_OPENALEX + "W"):
        return True
    return "abstract_inverted_index" in obj or ("authorships" in obj and "display_name" in obj)


def abstract_from_inverted_index(index: Any) -> str | None:
    """The abstract text of an OpenAlex ``abstract_inverted_index`` (``{word: [positions]}``).

    Words are put at their positions and joined with single spaces; positions nobody claims are skipped.

    Raises
    ------
    ParseError
        If the index is not an object of word -> list of non-negative integer positions.
    """
    if index is None:
        return None
    if not isinstance(index, dict):
        raise ParseError(f"'abstract_inverted_index': expected an object, got {type(index).__name__}")
    placed: dict[int, str] = {}
    for word, positions in index.items():
        if not isinstance(positions, list):
            raise ParseError(f"'abstract_inverted_index'[{word!r}]: expected a list of positions")
        for pos in positions:
            if type(pos) is not int or pos < 0:
                raise ParseError(f"'abstract_inverted_index'[{word!r}]: expected integer positions, got {pos!r}")
            placed[pos] = word
            if len(placed) > _MAX_POSITIONS:
                raise ParseError(f"'abstract_inverted_index': expected at most {_MAX_POSITIONS} words")
    text = " ".join(" ".join(placed[p] for p in sorted(placed)).split())
    return plain_abstract(text) or None  # Crossref's JATS tags, kept as words by OpenAlex, read as markup


def _doi(work: dict[str, Any]) -> str | None:
    raw = _str(work.get("doi")) or _str(_dict(work.get("ids")).get("doi"))
    if not raw:
        return None
    return normalize_doi(raw) or None


def _arxiv_id(work: dict[str, Any], doi: str | None) -> str | None:
    """An arXiv id from the DOI (10.48550/arXiv.X), ``ids.arxiv`` or any location's arXiv link: its landing page,
    PDF, id, or the source name a harvested record gives (``raw_source_name``: ``http://arxiv.org/pdf/….pdf``)."""
    candidates = [doi or "", str(_dict(work.get("ids")).get("arxiv") or "")]
    locations = work.get("locations")
    for loc in [work.get("primary_location"), *(locations if isinstance(locations, list) else [])]:
        loc = _dict(loc)
        candidates += [str(loc.get(k) or "") for k in ("landing_page_url", "pdf_url", "id", "raw_source_name")]
        candidates.append(str(_dict(loc.get("source")).get("display_name") or ""))
    for text in candidates:
        lowered = text.lower()
        if "arxiv" not in lowered:
            continue
        tail = lowered.split("arxiv.", 1)[1] if "10.48550/arxiv." in lowered else text
        found = normalize_arxiv_id(tail)
        if found:
            return found[0]
    return None


def _authors(work: dict[str, Any]) -> tuple[list[str], dict[str, list[str]]]:
    raw = work.get("authorships") or []
    if not isinstance(raw, list):
        raise ParseError(f"'authorships': expected a list, got {type(raw).__name__}")
    names: list[str] = []
    affiliations: dict[str, list[str]] = {}
    for item in raw:
        item = _dict(item)
        name = _str(_dict(item.get("author")).get("display_name")) or _str(item.get("raw_author_name"))
        if not name:
            continue
        names.append(name)
        institutions = item.get("institutions")
        listed = institutions if isinstance(institutions, list) else []
        insts = [n for n in (_str(_dict(i).get("display_name")) for i in listed) if n]
        if insts:
            affiliations[name] = insts
    return names, affiliations


def _journal_ref(work: dict[str, Any]) -> str | None:
    # ``host_venue``: the venue of snapshots before 2023, ``primary_location.source`` since
    source = _dict(_dict(work.get("primary_location")).get("source")) or _dict(work.get("host_venue"))
    name = _str(source.get("display_name"))
    if not name or source.get("type") == "repository" or "arxiv" in name.lower():
        return None  # a preprint server or repository is where the work is kept, not where it was published
    biblio = _dict(work.get("biblio"))
    volume, issue = _str(biblio.get("volume")), _str(biblio.get("issue"))
    first, last = _str(biblio.get("first_page")), _str(biblio.get("last_page"))
    ref = name + (f" {volume}" if volume else "") + (f"({issue})" if issue else "")
    if first:
        ref += f", {first}" + (f"-{last}" if last and last != first else "")
    return ref


def _links(work: dict[str, Any], doi: str | None) -> tuple[str | None, str | None]:
    primary = _dict(work.get("primary_location"))
    best = _dict(work.get("best_oa_location"))
    url = _str(primary.get("landing_page_url")) or _str(_dict(work.get("host_venue")).get("url"))
    url = url or (f"https://doi.org/{doi}" if doi else None)
    pdf = _str(primary.get("pdf_url")) or _str(best.get("pdf_url"))
    return url or _str(work.get("id")), pdf


def _keywords(work: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for key in ("keywords", "topics"):
        items = work.get(key)
        for item in items if isinstance(items, list) else []:
            name = _str(_dict(item).get("display_name")) if isinstance(item, dict) else _str(item)
            if name and name not in out:
                out.append(name)
    return out[:20]


def _published(work: dict[str, Any]) -> dt.date | None:
    """``publication_date``, else 1 January of ``publication_year``. OpenAlex writes a work known by its year
    alone as published on 1 January, so such a date is read at year precision (see ``_work_to_paper``)."""
    date = work.get("publication_date")
    if isinstance(date, str) and date.strip():
        return as_date(date, "'publication_date'")
    year = work.get("publication_year")
    if type(year) is int and 1000 <= year <= 9999:
        return dt.date(year, 1, 1)
    return None


def _openalex_extra(work: dict[str, Any]) -> dict[str, Any]:
    extra: dict[str, Any] = {"id": _short_id(work.get("id"))}
    ids = {k: v for k, v in _dict(work.get("ids")).items() if isinstance(v, str)}
    for key in ("type", "language"):
        if _str(work.get(key)):
            extra[key] = _str(work[key])
    if work.get("cited_by_count") is not None:
        extra["cited_by_count"] = as_count(work["cited_by_count"], "cited_by_count")
    for key in ("referenced_works", "related_works"):
        items = work.get(key)
        if isinstance(items, list):
            extra[key] = [s for s in (_short_id(x) for x in items) if s]
    if ids:
        extra["ids"] = ids
    return {k: v for k, v in extra.items() if v is not None}


_ENTITIES = {
    "A": "an author",
    "I": "an institution",
    "S": "a source",
    "P": "a publisher",
    "F": "a funder",
    "T": "a topic",
    "C": "a concept",
    "K": "a keyword",
}


def _work_to_paper(work: dict[str, Any], record: SourceRecord) -> Paper:
    short = _short_id(work.get("id")) or ""
    if short[:1] in _ENTITIES and short[1:2].isdigit():
        raise ParseError(f"expected an OpenAlex Work (id W…), got {_ENTITIES[short[0]]} ({short[:20]})")
    title = _str(work.get("display_name")) or _str(work.get("title"))
    if not title:
        raise ParseError("expected an OpenAlex Work with a 'display_name' or 'title'")
    if "<" in title:  # Crossref's markup: 'with <i>EGFR</i> mutated', 'In <sub>0.18</sub>'
        title = csl_plain_text(title)
    doi = _doi(work)
    authors, affiliations = _authors(work)
    url, pdf_url = _links(work, doi)
    extra: dict[str, Any] = {"openalex": _openalex_extra(work)}
    ids = {
        k: str(v).rsplit("/", 1)[-1] for k, v in _dict(work.get("ids")).items() if k in ("mag", "pmid", "pmcid") and v
    }
    if affiliations:
        extra["affiliations"] = affiliations
    published = _published(work)
    if published is not None and (published.month, published.day) == (1, 1):
        extra["date_precision"] = "year"  # a year alone, or OpenAlex's 1 January standing for one
    return Paper(
        title=title,
        arxiv_id=_arxiv_id(work, doi),
        doi=doi,
        authors=authors,
        abstract=abstract_from_inverted_index(work.get("abstract_inverted_index")),
        published=published,
        updated=as_date(work.get("updated_date"), "'updated_date'") if _str(work.get("updated_date")) else None,
        journal_ref=_journal_ref(work),
        url=url,
        pdf_url=pdf_url,
        keywords=_keywords(work),
        sources=[record],
        extra=extra,
        external_ids={**({"openalex": short} if short else {}), **ids},
    )


def _items(data: Any, source: str) -> list[tuple[str, Any]]:
    if isinstance(data, list):
        return [(f"record {i}", x) for i, x in enumerate(data, 1)]
    if not isinstance(data, dict):
        raise ParseError(f"expected an OpenAlex Work or list response, got {type(data).__name__}", source=source)
    if "results" in data:
        if not isinstance(data["results"], list):
            raise ParseError(f"'results': expected a list, got {type(data['results']).__name__}", source=source)
        return [(f"results[{i}]", x) for i, x in enumerate(data["results"])]
    if "error" in data and "message" in data:
        raise ParseError(f"OpenAlex error response: {_str(str(data['message']))}", source=source)
    return [("work", data)]


def parse_openalex(data: bytes | str | list[Any] | dict[str, Any], source: str = "<string>") -> list[Paper]:
    """Read OpenAlex Works JSON: one Work, a ``{"meta", "results"}`` page, a list, or JSON lines.

    Returns
    -------
    list of Paper
        One per Work, in order; an empty ``results`` list gives ``[]``.

    Raises
    ------
    ParseError
        Not JSON, an OpenAlex error object, or no usable Work. Unusable Works are skipped with a
        :class:`~paperlab.errors.PartialImportWarning` naming ``results[N]`` or ``line N``.
    """
    if isinstance(data, (bytes, str)):
        items = _decode(data, source)
    else:
        items = _items(data, source)
    return _read(items, source)


def _read(items: Iterable[tuple[str, Any]], source: str) -> list[Paper]:
    """The papers of ``items`` (a Work, or the ParseError of a line or answer that did not parse), one record loop."""
    retrieved = dt.datetime.now(dt.timezone.utc)

    def to_paper(item: Any, where: str) -> Paper:
        if not isinstance(item, dict):
            raise ParseError(f"expected an OpenAlex Work object, got {type(item).__name__}")
        return check_paper(_work_to_paper(item, SourceRecord("openalex", source, retrieved, where)))

    return read_records(
        items, to_paper, source, unreadable="expected an OpenAlex Work ({error})", expected="OpenAlex works"
    )


def _decode(data: bytes | str, source: str) -> list[tuple[str, Any]]:
    """One JSON document, or JSON lines (one Work per line)."""
    text = decode_text(data, source) if isinstance(data, bytes) else data
    stripped = text.strip()
    lines = [ln for ln in stripped.splitlines() if ln.strip()]
    if len(lines) > 1 and all(ln.lstrip().startswith("{") and ln.rstrip().endswith("}") for ln in lines[:2]):
        try:
            first = parse_json(lines[0], source, "line 1")
        except ParseError:
            first = None
        if is_openalex_work(first):
            out: list[tuple[str, Any]] = []
            for n, ln in enumerate(text.splitlines(), 1):
                if ln.strip():
                    try:
                        out.append((f"line {n}", parse_json(ln, source, f"line {n}")))
                    except ParseError as exc:
                        out.append((f"line {n}", exc))
            return out
    return _items(parse_json(stripped, source, expected="an OpenAlex response"), source)


def parse_openalex_cassette(data: bytes, source: str = "<string>") -> list[Paper]:
    """The Works of every 2xx OpenAlex answer recorded in a vcrpy YAML cassette (records ``interaction N, …``).

    Raises
    ------
    ParseError
        Not a cassette, or no usable Work in any interaction; error answers are problems of their interaction.
    """
    return _read(_cassette_items(data, source), source)


def _cassette_items(data: bytes, source: str) -> Iterator[tuple[str, Any]]:
    """Every 2xx answer's Works named ``interaction N, results[M]``; an answer that gives none is its ParseError."""

    def works(ix: Interaction) -> list[tuple[str, Any]]:
        if ix.status is not None and not 200 <= ix.status < 300:
            raise ParseError(f"HTTP {ix.status} answer ({ix.method} {ix.uri[:200]})")
        return _items(parse_json(ix.body or "", source, ix.where, expected="an OpenAlex response"), source)

    return cassette_records(data, source, works)


def read_openalex(path: str | Path) -> list[Paper]:
    """Read a saved OpenAlex Works response (``.json``), JSON-lines dump or YAML cassette; see :func:`parse_openalex`."""
    path = Path(path)
    data = read_bytes(path)
    if path.suffix.lower() in (".yaml", ".yml") or is_cassette(data):
        return parse_openalex_cassette(data, source=str(path))
    return parse_openalex(data, source=str(path))

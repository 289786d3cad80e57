"""Paper lists a JSON file writes without a paper list's usual keys.

* A bookmark list: records of a link and a title under any key (``{"links": [{"url", "title", "createdAt",
  "read"}]}``), read as a paper list when some of its links lead to papers (an arXiv or DOI address). A record
  titled only by its link's label ("arXiv Paper", "PDF", "Link") keeps its id and no title of its own
  ("Untitled (arXiv:…)", marked ``extra["title_from"] = "id"``); the warning names it.
* Lists of bare DOIs, alone or per topic (``{"topics": [{"name": …, "papers": ["10.…", …]}]}``): papers known by
  their DOI alone, each with its topic as its section; no title, authors or date is invented, the warning says so.

Used by :mod:`paperlab.sources.json_list` (a module of its own so that it stays small) and by the format detection.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import ParseError, ProblemCollector
from ..identifiers import find_doi, normalize_arxiv_id
from ..paper import Paper
from ._files import RECORD_ERRORS, no_placeholder_title

__all__ = ["doi_records", "label_title", "linked_records", "read_list"]

# a title that only labels a link: "arXiv Paper", "PDF", "Link", "Full text"
_LABEL_TITLE = re.compile(
    r"(?:arxiv|preprint|pdf|paper|article|link|doi|full\s*text|abstract|html)"
    r"(?:\s+(?:paper|pdf|link|preprint|article|version|page))?\.?",
    re.I,
)
_TITLE_KEYS = frozenset({"title", "name", "label"})
_LINK_KEYS = frozenset({"url", "link", "href", "uri"})
_DOI_ALONE = re.compile(r"(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+", re.I)
_ARXIV_ADDRESS = re.compile(r"arxiv\.org/(?:abs|pdf)/([^\s?#]+?)(?:\.pdf)?(?:[?#].*)?$", re.I)
_BARE_DOI = "given by its DOI alone: no title, authors or date in the file (look the DOI up for them)"


def label_title(title: str, *, doi: str | None, arxiv_id: str | None) -> str:
    """``title``, unless it only labels the record's link ("arXiv Paper", "PDF") or is a placeholder for none: then
    a title made from the record's id (:func:`._files.no_placeholder_title`)."""
    if (doi or arxiv_id) and _LABEL_TITLE.fullmatch(" ".join(title.split())):
        return no_placeholder_title("Untitled", doi=doi, arxiv_id=arxiv_id)
    return no_placeholder_title(title, doi=doi, arxiv_id=arxiv_id)


def _value(record: dict[str, Any], keys: frozenset[str]) -> str | None:
    return next((v for k, v in record.items() if str(k).lower() in keys and isinstance(v, str) and v.strip()), None)


def _names_paper(url: str) -> bool:
    """Whether a link leads to a paper: an arXiv abstract or PDF, or an address holding a DOI."""
    m = _ARXIV_ADDRESS.search(url)
    return bool(m and normalize_arxiv_id(m.group(1))) or find_doi(url) is not None


def linked_records(obj: Any) -> bool:
    """Whether ``obj`` is an object holding, under some key, a list of records each with a title and a link, a tenth
    of whose links (one at least) lead to papers: a bookmark list of readings."""
    if not isinstance(obj, dict):
        return False
    for value in obj.values():
        records = value[:200] if isinstance(value, list) else []
        if not records or not all(isinstance(x, dict) for x in records):
            continue
        links = [_value(x, _LINK_KEYS) for x in records if _value(x, _TITLE_KEYS)]
        papers = sum(1 for link in links if link and _names_paper(link))
        if len(links) == len(records) and papers and 10 * papers >= len(records):
            return True
    return False


def _dois(value: Any) -> list[str] | None:
    strings = value if isinstance(value, list) else []
    if not strings or not all(isinstance(s, str) and _DOI_ALONE.fullmatch(s.strip()) for s in strings):
        return None
    return [found for s in strings if (found := find_doi(s))]


def doi_records(obj: Any, depth: int = 3) -> list[dict[str, Any]] | None:
    """The records of a file listing papers by bare DOIs (a list of DOI strings, or objects holding such lists,
    their ``name``/``title`` or key the section); None when it holds none, or anything but such lists and names."""
    if (dois := _dois(obj)) is not None:
        return [{"doi": d, "title": no_placeholder_title("Untitled", doi=d)} for d in dois]
    if depth == 0 or not isinstance(obj, (dict, list)):
        return None
    groups = obj if isinstance(obj, list) else [obj]
    records: list[dict[str, Any]] = []
    for group in groups:
        if not isinstance(group, dict):
            return None
        name = _value(group, _TITLE_KEYS)
        lists = [(str(k), v) for k, v in group.items() if isinstance(v, (list, dict))]
        for key, value in lists:
            inner = doi_records(value, depth - 1)
            if inner is None:
                return None
            records += [{**r, "section": r.get("section") or name or key} for r in inner]
    return records or None


def read_list(
    items: list[tuple[str, Any]],
    to_paper: Callable[[Any, str], Paper],
    source: str,
    *,
    expected: str,
    also: Sequence[tuple[str, str]] = (),
) -> list[Paper]:
    """The papers of a list's records (``(where, item)``), as :func:`._files.read_records` reads them, each record
    kept without a title of its own (titled by its link's label, or a bare DOI) named in the warning; ``also``: the
    records left out before reading (``(where, why)``: no papers), named in it too."""
    problems = ProblemCollector(source)
    for where, why in also:
        problems.add(where, why)
    papers = []
    for where, item in items:
        try:
            paper = to_paper(item, where)
        except ParseError as exc:
            problems.add(where, exc.message)
            continue
        except RECORD_ERRORS as exc:
            problems.add(where, f"unreadable paper ({type(exc).__name__}: {str(exc)[:200]})")
            continue
        if paper.extra.get("title_from") == "id":
            given = _value(item, frozenset({"title"})) if isinstance(item, dict) else None
            said = (
                _BARE_DOI
                if given is None or given == paper.title
                else f"its title {given!r} is no title: kept by its id, as {paper.title!r}"
            )
            problems.add(where, said, skipped=False)
        papers.append(paper)
    return problems.finish(papers, expected=expected)

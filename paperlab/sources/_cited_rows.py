"""Table rows that name a paper by a citation instead of its title, for the generic paper finder (:mod:`._mentions`).

A research plan's table of baselines names each paper by its method and cites it: "| Elijah | An et al. 2024 |
AAAI 2024 |", "| DIRE | Wang et al. ICCV 2023 |", "| Spectral Signatures | Tran/Li/Madry, NeurIPS 2018 |". The
paper is the method's (its name is the title the file gives), by the cited first author (or authors), in the cited
year and venue. A citation is read only beside a name column (Method, Model, Name, Approach, ...): a citation alone
names no title.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..paper import Paper
from ._mention_lines import Line, plain
from ._schedule_cells import CellPaper, cited_et_al

__all__ = ["CitedRow", "cited_cells", "cited_row", "with_citation", "work_row"]

# the column that names the paper's method, model or system
_NAME_COLUMN = re.compile(
    r"^(?:methods?|models?|names?|approach(?:es)?|systems?|algorithms?|baselines?|techniques?|方法|模型)$", re.I
)
# the column that cites the paper
_CITE_COLUMN = re.compile(r"^(?:paper|papers|reference|references|citation|cite|source|论文|文献)$", re.I)
_VENUE_COLUMN = re.compile(r"^(?:venue|conference|journal|published|会议|期刊)$", re.I)
_VENUE_YEAR = re.compile(r"\b([A-Z][A-Za-z]*[A-Z][A-Za-z]*\s+(?:19|20)\d\d)\b")
# names, then a venue and a year: "Tran/Li/Madry, NeurIPS 2018", "Frank & Holz, ICML 2020"
_NAMES_VENUE = re.compile(
    r"^(?P<names>[A-Z][\w'’-]+(?:\s*(?:/|,|&|\band\b)\s*[A-Z][\w'’-]+){0,7})\s*,\s*"
    r"(?P<venue>[A-Z][A-Za-z]*[A-Z][A-Za-z]*\s+(?P<year>(?:19|20)\d\d))$"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SEPARATOR = re.compile(r"\s*(?:/|,|&|\band\b)\s*")
# the column of an index of works: each cell names one work by its author(s), then its title or what it is about
_WORK_COLUMN = re.compile(r"^(?:works?|readings?|books?|publications?|texts?|sources?|references?|文献|著作)$", re.I)
_FAMILY = r"(?:(?:van|von|de|der|den|da|di|le|la|du)\s+)*[A-Z][\w'’-]*[a-z][\w'’-]*"
_PERSON = rf"(?:(?:[A-Z]\.\s?){{1,3}}|[A-Z][a-z]+\s+)?{_FAMILY}"  # "Akerlof", "G. Akerlof", "Elinor Ostrom"
_WORK_NAMES = rf"(?P<names>{_PERSON}(?:\s*(?:&|\band\b|/)\s*{_PERSON}){{0,3}})(?P<more>,?\s+et\s+al\.?)?"
# 'Akerlof, "Market for Lemons"', 'Chomsky & Herman, “Manufacturing Consent”', "Miller et al., 'Peer Prediction'"
_QUOTED_WORK = re.compile(rf"^{_WORK_NAMES}\s*,\s*[\"“‘'«](?P<title>[^\"“”«»]{{3,}}?)[\"”’'»][\s.,;:]*(?P<rest>.*)$")
# "Goldin, Token-Curated Registries", "Groves & Ledyard, free rider problem": the work described (in a work column)
_DESCRIBED_WORK = re.compile(rf"^{_WORK_NAMES}\s*,\s*(?P<title>[^,\"“”]*[a-z][^,\"“”]*)$")


@dataclass
class CitedRow:
    """A paper a row names by its method and a citation."""

    title: str
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    venue: str | None = None
    more_authors: bool = False  # "et al."


def cited_row(line: Line) -> CitedRow | None:
    """The paper of a table row whose paper column is a citation beside a name column; None for any other row."""
    return cited_cells(line.header, line.cells)


def with_citation(paper: Paper, cited: CitedRow) -> Paper:
    """``paper`` (read from a row whose title cell was a citation, now its method's name) with the citation's
    authors, year (at year precision) and venue where the row gave none."""
    extra = dict(paper.extra)
    if cited.more_authors:
        extra["more_authors"] = True
    if cited.year and paper.published is None:
        extra["date_precision"] = "year"
    return dataclasses.replace(
        paper,
        authors=paper.authors or cited.authors,
        journal_ref=paper.journal_ref or cited.venue,
        published=paper.published or (dt.date(cited.year, 1, 1) if cited.year else None),
        extra=extra,
    )


def cited_cells(header: Sequence[str], row: Sequence[str]) -> CitedRow | None:
    """:func:`cited_row` of a row given as its header's and its cells' (markdown) texts."""
    cells = {plain(key): plain(value) for key, value in zip(header, row, strict=False)}
    name = next((v for k, v in cells.items() if _NAME_COLUMN.match(k) and v), "")
    cite = next((v for k, v in cells.items() if _CITE_COLUMN.match(k) and v), "")
    if not name or not cite or not any(ch.isalpha() for ch in name):
        return None
    venue = next((v for k, v in cells.items() if _VENUE_COLUMN.match(k) and v), None)
    if (et_al := cited_et_al(cite)) is not None:
        named = _VENUE_YEAR.search(cite.split("et al", 1)[-1])
        return CitedRow(name, [et_al[0]], et_al[1], venue or (named.group(1) if named else None), True)
    if (m := _NAMES_VENUE.match(cite)) is not None:
        return CitedRow(name, _SEPARATOR.split(m.group("names")), int(m.group("year")), venue or m.group("venue"))
    return None


def work_row(line: Line) -> CellPaper | None:
    """The work a table row names by its author(s) and title (``Akerlof, "Market for Lemons"``) in any cell, or
    by its author(s) and a description (``Goldin, Token-Curated Registries``) in a column of works (Work,
    Reading, Book, Publication, Reference, ...); None for any other row."""
    for key, value in zip(line.header, line.cells, strict=False):
        text = plain(value).strip()
        m = _QUOTED_WORK.match(text) or (_DESCRIBED_WORK.match(text) if _WORK_COLUMN.match(plain(key)) else None)
        if m is not None and any(ch.isalpha() for ch in m.group("title")):
            names = [n for n in re.split(r"\s*(?:&|\band\b|/)\s*", m.group("names")) if n]
            year = _YEAR.search(m.groupdict().get("rest") or "")
            return CellPaper(m.group("title").strip(), authors=names, more_authors=bool(m.group("more")),
                             year=int(year.group(0)) if year else None)  # fmt: skip
    return None

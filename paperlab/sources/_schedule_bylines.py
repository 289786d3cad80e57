"""References written with their authors first, before a colon or as "Family et al.,", as a reading group lists
them under its dates or as papers suggested for later meetings::

    Ada Quill, Bo Renn: Widget Networks Revisited. Journal of Widgets 2017: 43-50. [arXiv 1609.01234](…)
    C. Lune, and D. Marr: Sparse Widgets, [WIDG 2012](https://doi.org/…) [ResearchGate](…)
    Quill et al., A Study of Widgets, WIDG '19 Proceedings of the Widget Conference. [arxiv:1802.01234](…)

The names before the colon must all read as people's names ("Ada Quill", "A. Quill", "Ada B. Quill", "Quill et
al."), so a label ("Paper: …", "Note: …") or a title with a colon ("Mamba: Linear-Time …") is none. The title runs
to the first full stop, or to a comma before a venue ("…, NIPS'16", "…, FAT* 19", "…, In ICML"); the venue is the
text after it, else a link's text naming one (a year or a volume in it: "ECMLPKDD 2012", "ICML18"); a link's text
that is only an id ("arXiv 1104:3913", written wrong or right) is no venue and no title, its address names the paper.

A title with its citation after it, as schedule cells write them, is read too (:func:`cited_after_title`), and a
reading named by its citation alone ("[Quill et al., 2019](https://doi.org/…)": :func:`citation_only`)::

    Flow Matching for Widget Modeling, Quill et al., ICLR 2023
    Sparse Gadget Routing (Renn and Moss, NeurIPS 2021)

A reading whose whole reference is the link's text, the authors' full names first and a full stop after them
("Ada Quill, Bo Renn, Cai Lune. Widget Networks Revisited, JWID 2020."), is titled by its title alone
(:func:`names_before_title`).

A bold or quoted title followed by "by" and its authors ("**Widget Networks** by Ada Quill and Bo Renn") has those
authors, not a venue "by Ada Quill and Bo Renn" (:func:`by_authors`).

An entry struck through as a whole ("~~…~~", "<strike>…</strike>", "<del>…</del>"), or whose struck text is followed
only by "Postponed" or "Cancelled", is withdrawn from the schedule: no meeting (:func:`withdrawn`).

Used by :mod:`._schedule_headings` (readings under a date bullet, and the papers a schedule's page lists outside its
meetings) and :mod:`.schedule` (a table's paper cells).
"""

from __future__ import annotations

import re

from ..urls import safe_url
from ._schedule_cells import CellPaper, cell_papers, ids_of_links, skip_note, split_et_al, split_links

__all__ = [
    "by_authors",
    "byline_reference",
    "cited_after_title",
    "citation_only",
    "linked_byline",
    "names_before_title",
    "withdrawn",
]

_WORD = r"[A-Z\u00c0-\u024f][\w'’\u00c0-\u024f-]*"
_PERSON = rf"(?:(?:[A-Z]\.|{_WORD})\s+){{1,3}}{_WORD}"  # "Ada Quill", "A. Quill", "Jon M. Kleinberg"
_SEP = r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*"
_NAMES_COLON = re.compile(rf"^(?P<names>{_PERSON}(?:(?:{_SEP}){_PERSON})*)(?P<etal>\s+et\s+al\.?)?\s*:\s+(?=\S)")
_ET_AL_COMMA = re.compile(rf"^(?P<names>{_WORD})(?P<etal>\s+et\s+al\.?)\s*,\s+(?=\S)")
# a comma before a venue: an acronym with its year ("NIPS'16", "FAT* '19", "ICML 2017"), "In …", "Proc…"
_COMMA_VENUE = re.compile(r",\s+(?=(?:In\s+\S|Proc|[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:\\?\*)?\s*'?(?:19|20)?\d{2}\b))")
_STOP = re.compile(r"(?<![A-Z\s])[.?!](?=\s|$)")
_ID_LABEL = re.compile(r"^(?:arxiv|doi)\s*:?\s*[\d.:/]+\S*$|^[\d.:/v]+$", re.I)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


_BY_NAMES = re.compile(
    rf"^by\s+(?P<names>{_PERSON}|{_WORD})(?P<more>(?:(?:{_SEP})(?:{_PERSON}|{_WORD}))*)(?P<etal>\s+et\s+al)?\.?$"
)
_STRUCK = re.compile(r"~~(?=\S)(.+?)~~|<(strike|del|s)>(.*?)</\2\s*>", re.I | re.S)


def by_authors(paper: CellPaper) -> CellPaper:
    """The paper with the names after "by" in its venue's place as its authors (see the module's docstring)."""
    m = _BY_NAMES.match(paper.venue or "") if not paper.authors else None
    if m is None:
        return paper
    names, more = split_et_al(m.group("names") + m.group("more") + (m.group("etal") or ""))
    paper.authors = [a.strip(" .") for a in re.split(_SEP, names) if a.strip(" .")]
    paper.more_authors, paper.venue = more, None
    return paper


_LINK_THEN_BY = re.compile(
    rf"^\[(?P<title>[^\[\]]{{3,}})\]\((?P<url>[^()\s]+)\)\s*(?:[,–—-]\s*)?"
    rf"(?:by\s+(?P<names>{_PERSON}(?:(?:{_SEP}){_PERSON})*)\s*)?(?:(?:for|in|on|at)\s+(?P<venue>[^()\[\]]{{2,60}}?))?\s*\.?$"
)


def linked_byline(text: str) -> CellPaper | None:
    """A reading opened by its link, perhaps followed by its authors and where it appeared ("[Title](…) by Ada
    Quill and Bo Renn for Widget Weekly"); None for other text or a link to material."""
    m = _LINK_THEN_BY.match(text.strip())
    if m is None or not (
        cell := [p for p in cell_papers(f"[{m.group('title')}]({m.group('url')})")[0] if p.url or p.arxiv_id or p.doi]
    ):
        return None
    paper = cell[0]
    paper.title = " ".join(m.group("title").split())
    paper.authors = [a.strip() for a in re.split(_SEP, m.group("names"))] if m.group("names") else paper.authors
    paper.venue = m.group("venue").strip() if m.group("venue") else paper.venue
    return paper


def withdrawn(text: str) -> bool:
    """Whether a schedule's entry is struck through (see the module's docstring)."""
    rest = _STRUCK.sub(" ", text)
    if rest == text:
        return False
    rest = re.sub(r"^[\s*_\-+:|.]*(?:\d{1,3}[.)]\s*)?", "", rest).strip(" *_.,;:()[]|-")
    return not rest or skip_note(rest) and len(rest.split()) <= 3


def byline_reference(text: str) -> CellPaper | None:
    """The paper of a reading written "Authors: Title. Venue [link]" or "Family et al., Title, Venue [link]" (see
    the module's docstring); None for any other text, and for one naming no link (a reference needs its address)."""
    shown, links = split_links(text)
    lead = _NAMES_COLON.match(shown) or _ET_AL_COMMA.match(shown)
    if lead is None or not links:
        return None
    rest = shown[lead.end() :]
    stop = _STOP.search(rest)
    title, venue = (rest[: stop.start()], rest[stop.end() :]) if stop else (rest, "")
    if comma := _COMMA_VENUE.search(title):
        title, venue = title[: comma.start()], f"{title[comma.end() :]} {venue}"
    title = " ".join(title.split()).strip(" ,;:")
    if len(title.split()) < 2:
        return None
    labels = [label for label, _ in links if label and not _ID_LABEL.match(label)]
    venue = " ".join(venue.replace("\\*", "*").split()).strip(" ,;:.") or next(
        (label for label in labels if re.search(r"\d", label)), ""
    )
    urls = [u for _, u in links]
    arxiv, doi = ids_of_links(urls)
    names = [n.strip() for n in re.split(_SEP, lead.group("names")) if n.strip()]
    found = CellPaper(title, safe_url(urls[0]), arxiv, doi, urls[1:], names, venue or None)
    found.more_authors = bool(lead.group("etal"))
    found.year = int(years[-1]) if (years := _YEAR.findall(venue)) else None
    return found


# "Family et al.", "Family and Family", "Ada Quill & Bo Dale": the citation's names
_CITED_NAMES = rf"(?P<names>{_WORD}(?:\s+{_WORD})?(?:\s+et\s+al\.?|\s+(?:and|&)\s+{_WORD}(?:\s+{_WORD})?))"
# a venue with its year: an acronym ("ICLR 2023", "NeurIPS'21", "CVPR 2022 Workshops") or arXiv
_CITED_VENUE = (
    r"(?P<venue>(?:[A-Z][A-Za-z]*[A-Z][A-Za-z]*|arXiv)(?:\\?\*)?\s*'?(?P<year>(?:19|20)?\d{2})\b[\w\s]{0,20}?)"
)
_TITLE_THEN_CITED = (
    re.compile(rf"^(?P<title>\S.{{6,}}?),\s+{_CITED_NAMES}\s*,\s*{_CITED_VENUE}\.?$"),
    re.compile(rf"^(?P<title>\S.{{6,}}?)\s*\(\s*{_CITED_NAMES}\s*,\s*{_CITED_VENUE}\s*\)\.?$"),
)


def cited_after_title(found: CellPaper) -> CellPaper:
    """A paper whose title was read with its citation after it ("Title, Quill et al., ICLR 2023", "Title (Renn
    and Moss, NeurIPS 2021)"): the title alone, the first author's family name (``more_authors`` for "et al."; both
    names of two), the venue and its year. Any other paper is returned as it was."""
    text = " ".join(found.title.split())
    m = None if found.authors else next((m for p in _TITLE_THEN_CITED if (m := p.match(text))), None)
    if m is None:
        return found
    names = m.group("names")
    etal = re.search(r"\s+et\s+al\.?$", names)
    found.title = m.group("title").strip(" ,;:")
    found.authors = [names[: etal.start()]] if etal else [n.strip() for n in re.split(r"\s+(?:and|&)\s+", names)]
    found.more_authors = bool(etal)
    found.venue = " ".join(m.group("venue").split())
    year = m.group("year")
    found.year = int(year) if len(year) == 4 else 2000 + int(year)
    return found


# a reading named by its citation alone: "Quill et al., 2019", "Quill and Dale (2019)", "Quill, 2019"
_CITATION = re.compile(
    rf"^(?P<first>{_WORD})(?:\s+et\s+al\.?|\s+(?:and|&)\s+(?P<second>{_WORD}))?,?\s*\(?(?P<year>(?:19|20)\d\d)\)?$"
)


def citation_only(found: CellPaper) -> CellPaper:
    """A linked paper whose only name is its citation ("Quill et al., 2019"): the first author's family name (and
    the second's of two; ``more_authors`` for "et al."), the year, and its id or address as its title (a citation
    is no title: none is made up). Any other paper is returned as it was."""
    m = _CITATION.match(" ".join(found.title.split()).strip(" ()")) if not found.authors else None
    ident = f"arXiv:{found.arxiv_id}" if found.arxiv_id else f"doi:{found.doi}" if found.doi else found.url
    if m is None or not ident:
        return found
    found.authors = [a for a in (m.group("first"), m.group("second")) if a]
    found.more_authors = "et al" in m.group(0)
    found.year = int(m.group("year"))
    found.title = ident
    return found


# "Ada Quill, Bo Renn and Cai Lune. Title, Venue 2020.": two names or more, then a full stop
_NAMES_STOP = re.compile(rf"^(?P<names>{_PERSON}(?:(?:{_SEP}){_PERSON})+)(?P<etal>,?\s+et\s+al)?\.\s+(?P<rest>\S.+)$")


def names_before_title(found: CellPaper) -> CellPaper:
    """A paper whose title was read as its whole reference, the authors' full names first ("Ada Quill, Bo Renn.
    Widget Networks Revisited, JWID 2020."): the title alone, the names its authors, the venue and its year. Any
    other paper is returned as it was."""
    m = _NAMES_STOP.match(" ".join(found.title.split())) if not found.authors else None
    if m is None:
        return found
    rest = m.group("rest")
    stop = _STOP.search(rest)
    title, venue = (rest[: stop.start()], rest[stop.end() :]) if stop else (rest, "")
    if comma := _COMMA_VENUE.search(title):
        title, venue = title[: comma.start()], f"{title[comma.end() :]} {venue}"
    title = " ".join(title.split()).strip(" ,;:")
    if len(title.split()) < 3:
        return found  # "Quill, Renn. Widgets.": too short to tell a title from a name
    found.title, found.authors = title, [n.strip() for n in re.split(_SEP, m.group("names")) if n.strip()]
    found.more_authors = bool(m.group("etal"))
    found.venue = " ".join(venue.split()).strip(" ,;:.") or found.venue
    found.year = int(years[-1]) if (years := _YEAR.findall(venue)) else found.year
    return found

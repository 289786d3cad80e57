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

Used by :mod:`._schedule_headings` (readings under a date bullet, and the papers a schedule's page lists outside its
meetings).
"""

from __future__ import annotations

import re

from ..urls import safe_url
from ._schedule_cells import CellPaper, ids_of_links, split_links

__all__ = ["byline_reference"]

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

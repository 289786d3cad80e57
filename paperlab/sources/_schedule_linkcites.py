"""Readings whose link is labelled by the citation and whose title follows it, and titles followed by their venue.

A schedule may give a reading as ``[Quill 2019 (Phys. Rev. E)](https://doi.org/…): "Title"`` or
``[Quill et al. 2019](url) — Title``: the link's text names the authors, the year and perhaps the venue, the text
after it is the title (:func:`cited_link`). A reading written ``Title, in EMNLP 2018`` or ``Title. In Proceedings of
ACL 2019`` has the venue and year after its title (:func:`venue_tail`).

Used by :mod:`._schedule_cells` (a schedule cell's papers).
"""

from __future__ import annotations

import re

__all__ = ["cited_link", "starts_with_cited_link", "venue_tail"]

_FAMILY = r"(?![A-Z\d-]+\b)[A-Z\u00c0-\u024f][\w'’\u00c0-\u024f-]+"  # a name, not an acronym ("BERT 2018")
# "Quill 2019 (Phys. Rev. E)", "Renn and Moss 2018", "Renn, Moss 2018", "Lune et al., 2020b", "Quill (2019), PNAS",
# "Aitken et al. 1880 (Nature 23)"
_LINK_CITE = re.compile(
    rf"^(?P<names>{_FAMILY}(?:(?:\s*,\s*|\s+(?:and|&)\s+){_FAMILY}){{0,3}})(?P<etal>\s+et\s+al\.?)?,?\s+"
    r"\(?(?P<year>(?:1[89]|20)\d{2})[a-z]?\)?(?:\s*[,(]\s*(?P<venue>[^()]+?)\s*\)?)?$"
)
_QUOTED = re.compile(r"^[\"“«'‘](?P<title>[^\"”»]{6,}?)[\"”»'’]\W*(?:\([^()]*\))?\W*$")  # '"Title" (Ada)'
_QUOTES = "\"'“”‘’«»"
# ", in EMNLP 2018", ". In Proceedings of ACL 2019", ", In: NAACL-HLT 2019"
_VENUE_TAIL = re.compile(
    r"(?:[,.]\s+[Ii]n:?\s+(?P<venue>(?:Proc(?:eedings|\.)?\s+of\s+(?:the\s+)?)?[^,]*?[A-Za-z][^,]*?))"
    r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?\s*[.)]?$"
)
# "(KDD2016) Title", "(NeurIPS 2019) Title": a venue's acronym and year in parentheses before the title
_VENUE_TAG = re.compile(r"^\((?P<venue>[A-Z][A-Za-z&-]{1,12})\s?(?P<year>(?:19|20)\d\d)\)\s+(?=\S)")

# without a year, a venue shows itself by an acronym or a word of venues ("in EMNLP", "In Proceedings of ...")
_VENUE_WORD = re.compile(
    r"\b(?:[A-Z][A-Za-z]*[A-Z][A-Za-z-]*|Proc(?:eedings|\.)|Conference|Workshop|Journal|Transactions)\b"
)


def cited_link(shown: str, links: list[tuple[str, str]]) -> tuple[str, list[str], bool, int, str | None] | None:
    """(title, authors, whether the authors are cut short, year, venue) of a reading whose one link is labelled
    by its citation and whose title follows the link; None for another reading."""
    named = [label for label, _ in links if label]
    shown = shown.strip()
    title = quoted.group("title") if (quoted := _QUOTED.match(shown)) else shown
    title = title.strip(_QUOTES).strip(" .,;:-–—").strip(_QUOTES).strip()
    title = re.sub(r"^[*_]+(?=\w)|(?<=[\w.?!)])[*_]+$", "", title).strip(_QUOTES).strip()  # '"_Title_"': emphasis
    if (
        len(named) != 1
        or len(re.findall(r"[^\W\d_]{2,}", title)) < 2
        or (m := _LINK_CITE.match(" ".join(named[0].split()))) is None
    ):
        return None
    authors = [a for a in re.split(r"\s*,\s*|\s+(?:and|&)\s+", m.group("names")) if a]
    venue = m.group("venue")
    venue = venue.strip(" ,") if venue and not re.fullmatch(r"[\d\s,.:-]+", venue) else None
    return title, authors, bool(m.group("etal")), int(m.group("year")), venue


def starts_with_cited_link(text: str) -> bool:
    """Whether a reading opens with a link labelled by its citation, its title after it ("[Quill 2019](url): Title")."""
    m = re.match(r"^\[([^\[\]]+)\]\(\s*<?[^()\s>]+>?\s*\)\s*[:,;–—-]?\s*(\S.*)$", text.strip())
    return m is not None and cited_link(m.group(2), [(m.group(1), "")]) is not None


def venue_tail(title: str) -> tuple[str, str | None, int | None]:
    """(the title, the venue, the year) of a title followed by where it appeared ("Widget Routing, in EMNLP 2018":
    "Widget Routing", "EMNLP", 2018); the title as it is with no venue when none follows it."""
    tag = _VENUE_TAG.match(title)  # "(KDD2016) Title": the tag a cell wrote after its linked title
    if tag and sum(c.isupper() for c in tag.group("venue")) >= 2 and len(title[tag.end() :].split()) >= 2:
        return title[tag.end() :].strip(), tag.group("venue"), int(tag.group("year"))
    m = _VENUE_TAIL.search(title)
    if m is None or len(title[: m.start()].split()) < 2:
        return title, None, None
    venue = " ".join(m.group("venue").split()).strip(" ,.")
    year = int(m.group("year")) if m.group("year") else None
    if not venue or len(venue.split()) > 12 or (year is None and not _VENUE_WORD.search(venue)):
        return title, None, None  # "Learning, in Theory and Practice": no venue named
    return title[: m.start()].strip(), venue, year

"""The venue of a written reference split into the journal's name and its numbers (volume, issue, pages), as the
BibTeX and CSL exports want them: MLA's "The Journal of Widgets 98.2 (2016): 392-393" and APA's "Journal of
Widgets, 44(3), 219–244" are both the journal "…of Widgets" with volume, issue and page kept apart.

Used by :mod:`._schedule_cells` (references written out in a schedule's cells and bullets).
"""

from __future__ import annotations

import re

__all__ = ["split_venue"]

_PAGES = r"[A-Za-z]?\d+(?:\s*[-–]+\s*[A-Za-z]?\d+)?"
# MLA: name, volume.issue, (year), pages
_MLA_VENUE = re.compile(
    r"^(?P<name>[^\W\d_].*?[^\W\d_])[,.]?\s+(?:vol\.\s*)?(?P<volume>\d{1,4})(?:\.(?P<issue>\d{1,4}))?,?\s*"
    rf"\((?:[A-Za-z.]+\s+)?(?:19|20)\d{{2}}\)(?::\s*(?P<page>{_PAGES}))?\.?$"
)
# APA: name, volume(issue), pages
_APA_VENUE = re.compile(
    rf"^(?P<name>[^\W\d_].*?[^\W\d_])\s*,\s*(?P<volume>\d{{1,4}})\s*(?:\((?P<issue>[\w–-]{{1,9}})\))?"
    rf"(?:\s*,\s*(?P<page>{_PAGES}))?\.?$"
)


def split_venue(venue: str) -> tuple[str, dict[str, str]]:
    """(the journal's name, its CSL ``volume``/``issue``/``page``) of a reference's venue; the venue as it is and
    no numbers when it is written in neither style ("NeurIPS 2017")."""
    m = _MLA_VENUE.match(venue) or _APA_VENUE.match(venue)
    if m is None:
        return venue, {}
    numbers = {"volume": m.group("volume"), "issue": m.group("issue"), "page": m.group("page")}
    return m.group("name").strip(" ,"), {k: " ".join(v.split()) for k, v in numbers.items() if v}

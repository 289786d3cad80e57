"""A paper a page links by its PDF, the file named the way reference managers name the files they keep (Zotero's
"Authors - Year - Title.pdf"; a name cut short as Zotero cuts long titles):

    | [Chute and Quill - 2022](files/Chute%20and%20Quill%20-%202022%20-%20Overview%20of%20Widget%20Routing.pdf) | … |
    - [Quill et al - 2021](papers/Quill et al. - 2021 - Sparse Widgets in a Warmer World.pdf)

The link's text is often only the authors and the year (a notes index's "Family et al - YYYY"); the file's name
gives the title after them, the authors (up to "et al.") and the year. Read by the generic finder
(:mod:`._mentions`) for table rows and list items that name no id; a name without an author, a year and a title of
two words at least (``ICD11Tooling.pdf``, ``jordan_et_al_2018.pdf``) names none here.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from ._mention_lines import LINK, Line
from ._schedule_cells import CellPaper

__all__ = ["named_pdf"]

# "Quill et al. - 2021 - Title", "Chute and Çelik - 2022 - Title", "Quill - 2019 - Title"
_MANAGER_NAME = re.compile(
    r"^(?P<who>[^\W\d_][^/]{0,80}?)\s+-\s+(?P<year>(?:19|20)\d\d)[a-z]?\s+-\s+(?P<title>[^/]{5,300}?)\s*\.pdf$", re.I
)
_ET_AL = re.compile(r",?\s+et\s+al\.?\s*$", re.I)
_NAME_SEPARATOR = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b)\s*")
_WORD = re.compile(r"[^\W\d_]{2,}")


def named_pdf(line: Line) -> CellPaper | None:
    """The paper a table row or list item links by a PDF its reference manager named (see the module's
    docstring), None for any other line."""
    if line.kind not in ("row", "item"):
        return None
    for m in LINK.finditer(line.text):
        url = m.group(2).strip()
        name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
        if (found := _MANAGER_NAME.match(name)) is None or len(_WORD.findall(found.group("title"))) < 2:
            continue
        who = found.group("who").strip()
        names = [n.strip() for n in _NAME_SEPARATOR.split(_ET_AL.sub("", who)) if n.strip()]
        if not names or not all(n[:1].isupper() for n in names) or len(names) > 6:
            continue
        title = " ".join(found.group("title").replace("_", " ").split())
        return CellPaper(
            title, url, authors=names, year=int(found.group("year")), more_authors=bool(_ET_AL.search(who))
        )
    return None

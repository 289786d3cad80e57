"""Paper lists: a markdown list whose items are papers, as reading groups and "awesome" lists keep them.

Each numbered or bulleted item opens with a link naming a paper -- ``1. [Title](link)`` -- and may give its
authors in brackets inside the link text (``[Title (Ada Quill, Omar Dale)](link)``) or after it
(``[Title](link) (Ada Quill & Omar Dale)``, ``[Title](link) - Ada Quill, Omar Dale``, ``... by Ada Quill``), or
cites it as ``[Title](link) - Vaswani et al., 2017`` (also at the end of a note: ``... | Vaswani et al,2017``) (the first author's family name, ``extra["more_authors"]``, and the year at year precision).
A one-word title ("BERT") is a paper when its link gives an arXiv id or DOI.
The link gives the arXiv id or DOI (an arXiv, doi.org or publisher address) and the paper's ``url`` when it is an
absolute http(s) address; a relative link or one to a markdown page or notebook (the group's own notes,
``./MOPO/notes.md``) is kept in ``extra["notes_link"]``. The heading above an item becomes its tag, unless the heading only names the list
("Papers", "Reading list") or dates it ("2021", "Fall 2021"). Items that name no paper (a link to a section of
the page, a one-word link such as "Contributing") are left out.

:func:`looks_like_paper_list` is what :func:`paperlab.load` detects; :func:`read_paper_list` is its reader.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from markdown_it import MarkdownIt

from ..dates import is_period_heading
from ..errors import ParseError
from ..paper import Paper, SourceRecord
from ..urls import safe_url
from ._files import check_paper, read_text
from ._schedule_cells import link_ids, presenters

__all__ = ["SOURCE_KIND", "looks_like_paper_list", "parse_paper_list", "read_paper_list"]

SOURCE_KIND = "paper_list"

_LIST_ITEM = re.compile(r"^[ \t]*(?:\d{1,4}[.)]|[-*+])[ \t]+(.*)$", re.M)
_OPENS_WITH_LINK = re.compile(r"^(?:\*\*|__|[*_])?\[([^\]]{3,})\]\(([^)]*)\)")
_AUTHORS_IN_BRACKETS = re.compile(r"^(?P<title>.+?)\s*[(\[](?P<names>[^()\[\]]+)[)\]]\s*$")
_AFTER_LINK = re.compile(r"^(?:\*\*|__|[*_])?\s*(?:[-–—:,]\s*|\bby\s+)?(?P<rest>.*?)\s*$", re.I)
_NAME_WORD = re.compile(
    r"^(?:[A-Z\u00c0-\u024f][\w'\u00c0-\u024f-]*\.?|[A-Z]\.|van|von|der|den|de|da|del|di|la|le|du)$"
)
_ET_AL_YEAR = re.compile(
    r"^(?P<family>[A-Z\u00c0-\u024f][\w'\u00c0-\u024f-]+)\s+et\s+al\.?\s*,?\s*\(?(?P<year>(?:19|20)\d\d)\b"
)
# the same at the end of a description: "[Title](link)：a note | Chen et al,2017"
_ET_AL_YEAR_AT_END = re.compile(
    r"(?:^|[|(,;–—-])\s*(?:[A-Z][\w'-]*\s+)?(?P<family>[A-Z\u00c0-\u024f][\w'\u00c0-\u024f-]+)\s+et\s+al\.?\s*,?\s*"
    r"(?P<year>(?:19|20)\d\d)\)?\.?\s*$"
)
_NOT_NAME_WORDS = frozenset(
    "part vol volume chapter edition version extended abstract revised preprint supplementary appendix full short "
    "paper talk slides notes video code oral poster spotlight workshop".split()
)
_NOTES_PAGE = re.compile(r"\.(?:md|markdown|ipynb)(?:[#?].*)?$", re.I)
_LIST_HEADING = re.compile(
    r"^(?:(?:the\s+)?(?:papers?|reading(?:\s+list)?|readings|list(?:\s+of\s+papers)?|contents|table\s+of\s+contents|"
    r"papers?\s+(?:read|presented|discussed|covered)|paper\s+list)\s*:?)$",
    re.I,
)


def _is_names(text: str) -> bool:
    """Whether ``text`` reads as a list of person names ("Tal Linzen, Emmanuel Dupoux", "John Hewitt & Percy Liang")."""
    names = presenters(text)
    if not names:
        return False
    for name in names:
        words = name.replace("et al", "").split()
        if not 1 < len(words) <= 5 or not all(_NAME_WORD.match(w) for w in words):
            return False
        if len(words[-1].strip(".")) < 2 or any(w.lower() in _NOT_NAME_WORDS for w in words):
            return False  # "(Part I)", "(Extended Abstract)"
    return True


def _split_authors(title: str, rest: str) -> tuple[str, list[str], int | None]:
    """(title, authors, year) from a link text and the text after the link."""
    m = _AUTHORS_IN_BRACKETS.match(title)
    if m and _is_names(m.group("names")):
        return m.group("title").strip(), presenters(m.group("names")), None
    after = _AFTER_LINK.match(rest)
    tail = after.group("rest") if after else ""
    tail = tail[1:-1] if tail[:1] in "([" and tail[-1:] in ")]" else tail
    cited = _ET_AL_YEAR.match(tail) or _ET_AL_YEAR_AT_END.search(tail)
    if cited:  # "Vaswani et al., 2017": the first author's family name and the year
        return title.strip(), [cited.group("family")], int(cited.group("year"))
    return title.strip(), (presenters(tail) if tail and _is_names(tail) else []), None


def looks_like_paper_list(text: str) -> bool:
    """Whether a markdown text is a list of papers: two list items at least open with a link (not to a section of
    the page), and they are half the list's items at least (a README with a table of contents is not one)."""
    items = _LIST_ITEM.findall(text)
    linked = [m for i in items if (m := _OPENS_WITH_LINK.match(i.strip())) and not m.group(2).startswith("#")]
    return len(linked) >= 2 and len(linked) * 2 >= len(items)


def _item_paper(content: str, line: int, heading: str | None, source: str) -> Paper | None:
    """The paper a list item names, or None when its opening link names none."""
    m = _OPENS_WITH_LINK.match(content.strip())
    if m is None or m.group(2).strip().startswith("#"):
        return None
    href = m.group(2).strip().strip("<>").strip()
    title, authors, year = _split_authors(" ".join(m.group(1).split()), content.strip()[m.end() :])
    _, url, arxiv, doi = link_ids(href)
    if len(title.split()) < 2 and ":" not in title and not (arxiv or doi):
        return None  # "Contributing", "Slides": no paper ("BERT" linking to arXiv is one)
    extra: dict[str, object] = {}
    if href and (url is None or _NOTES_PAGE.search(url)):  # the group's notes on the paper, not the paper
        extra["notes_link"], url = href, None
    tags = [heading] if heading and not _LIST_HEADING.match(heading) and not is_period_heading(heading) else []
    return check_paper(
        Paper(
            title=title,
            authors=authors,
            arxiv_id=arxiv,
            doi=doi,
            url=safe_url(url),
            published=dt.date(year, 1, 1) if year else None,
            tags=tags,
            sources=[SourceRecord(SOURCE_KIND, location=source, record=f"line {line}")],
            extra={**extra, "date_precision": "year", "more_authors": True} if year else extra,
        )
    )


def parse_paper_list(text: str, source: str = "") -> list[Paper]:
    """The papers of a markdown paper list, in order (see the module's documentation).

    Raises
    ------
    ParseError
        If no list item names a paper.
    """
    tokens = MarkdownIt("commonmark").parse(text)
    papers: list[Paper] = []
    heading: str | None = None
    item_line: int | None = None
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and i + 1 < len(tokens):
            heading = " ".join(tokens[i + 1].content.replace("*", "").split()).rstrip(":").strip() or None
        elif tok.type == "list_item_open":
            item_line = tok.map[0] + 1 if tok.map else None
        elif tok.type == "inline" and item_line is not None and tokens[i - 1].type == "paragraph_open":
            paper = _item_paper(tok.content.split("\n")[0], item_line, heading, source)
            if paper is not None:
                papers.append(paper)
            item_line = None
    if not papers:
        raise ParseError(
            "no paper list found: expected a markdown list whose items open with a link naming a paper, "
            "'1. [Title](https://arxiv.org/abs/...)', authors in brackets after the title",
            source=source,
        )
    return papers


def read_paper_list(path: str | Path) -> list[Paper]:
    """Read a markdown paper list file (:func:`parse_paper_list`)."""
    return parse_paper_list(read_text(path), source=str(path))

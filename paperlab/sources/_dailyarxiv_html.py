"""Paper tables written in HTML inside a README (``<table><tr><th>Publish Date</th><th>Title</th>…``), as some
DailyArXiv-style generators write them to style the page::

    <h3 style='…'>Brain</h3>
    <table style='…'><thead><tr><th>Publish Date</th><th>Title</th><th>Authors</th><th>URL</th>…</tr></thead>
    <tbody><tr><td>2025-09-17</td><td>A title</td><td>A. Author, B. Author</td>
    <td><a href='http://arxiv.org/abs/2509.14056v1'>Link</a></td>…</tr></tbody></table>

The header is recognised by the same column names as a pipe table's (:func:`~._dailyarxiv_rows.columns_of`) and
each row is read like a pipe table's row from its cells' inner HTML (an arXiv id a cell gives only in a ``data-``
attribute, ``<button data-arxiv-id="…">``, is its link, and an unnamed column of such cells the link column); the nearest heading above the table (an HTML
``<h1>``-``<h6>`` or a markdown ``#`` line) is its keyword. The HTML is parsed with lxml, not by hand.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import ProblemCollector
from ..identifiers import arxiv_id_value
from ..paper import Paper
from ._dailyarxiv_dates import parse_date
from ._dailyarxiv_rows import Row, cells_paper, columns_of

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
_HEADINGS = "preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6][1]"
_UPDATED = re.compile(r"^\s*(?:last\s+)?updated?(?:\s+on)?\s*[:：]?\s*(?P<date>\S+)\s*$", re.I)


@dataclass
class HtmlTables:
    """What the HTML tables of a README hold: whether one was a paper table, the papers with their keywords, and
    an ``Updated on`` date from an HTML heading."""

    saw_table: bool = False
    papers: list[tuple[Paper, list[str]]] = field(default_factory=list)
    last_update: dt.date | None = None


def _inner_html(element: Any) -> str:
    from lxml import etree

    return (element.text or "") + "".join(etree.tostring(c, encoding=str, method="html") for c in element)


def _keyword(table: Any, lines: list[str]) -> list[str]:
    """The nearest heading above ``table``: an HTML heading element or a markdown heading line."""
    found: tuple[int, str] | None = None
    heading = table.xpath(_HEADINGS)
    if heading and heading[0].text_content().strip():
        found = (heading[0].sourceline or 0, " ".join(heading[0].text_content().split()))
    for number in range((table.sourceline or 1) - 1, (found[0] if found else 0), -1):
        m = _MD_HEADING.match(lines[number - 1]) if number - 1 < len(lines) else None
        if m:
            found = (number, m.group("text").strip())
            break
    return [found[1]] if found else []


def _attribute_ids(cell: Any) -> list[str]:
    """arXiv ids a cell gives only in ``data-`` attributes (``<button data-arxiv-id="2505.01754v1">``)."""
    ids = [
        found
        for element in cell.iter()
        for name, value in element.attrib.items()
        if name.startswith("data-") and (found := arxiv_id_value(str(value)))
    ]
    return list(dict.fromkeys(ids))


def _cell_html(cell: Any) -> str:
    """A cell's inner HTML, an id found only in its attributes added as a link to arXiv."""
    links = "".join(f' <a href="https://arxiv.org/abs/{i}">arXiv</a>' for i in _attribute_ids(cell))
    return _inner_html(cell) + links


def _header(rows: list[Any]) -> list[str]:
    """The header's names; an unnamed column ("🔗", "⭐") whose cells give arXiv ids in attributes is the link."""
    header = [c.text_content().strip() for c in rows[0] if c.tag in ("th", "td")] if rows else []
    if columns_of(header) is not None:
        return header
    cells = [[c for c in tr if c.tag in ("th", "td")] for tr in rows[1:]]
    with_ids = {n for row in cells for n, c in enumerate(row) if n < len(header) and _attribute_ids(c)}
    return ["arXiv" if n in with_ids else name for n, name in enumerate(header)]


def _last_update(root: Any) -> dt.date | None:
    for heading in root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        m = _UPDATED.match(heading.text_content())
        if m:
            try:
                return parse_date(m.group("date"))
            except ValueError:
                return None
    return None


def html_tables(text: str, source: str, problems: ProblemCollector) -> HtmlTables:
    """The papers of the HTML paper tables in ``text`` (a README's markdown with HTML in it)."""
    from lxml import etree
    from lxml import html as lxml_html

    found = HtmlTables()
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return found
    for code in root.xpath("//script | //style"):
        code.drop_tree()  # a script's or a style's text is the page's code, never a cell's words
    lines = text.splitlines()
    for table in root.iter("table"):
        rows = list(table.iter("tr"))
        columns = columns_of(_header(rows))
        if columns is None:
            continue
        found.saw_table = True
        tags = _keyword(table, lines)
        for tr in rows[1:]:
            cells = [_cell_html(c) for c in tr if c.tag in ("th", "td")]
            cells = (cells + [""] * len(columns.roles))[: len(columns.roles)]
            paper = cells_paper(cells, columns, Row(f"line {tr.sourceline}", source, tags), problems)
            if paper is not None:
                found.papers.append((paper, tags))
    found.last_update = _last_update(root)
    return found

"""Paper cards: the layout of READMEs that write one block per paper instead of a table row (WangQvQ/YOLO-Arxiv-Daily
and the like)::

    > ### 1. Comparative Study of Out\\-of\\-the\\-Box Technology for Automatic Target Detection
    >
    > | 属性 | 内容 |
    > |:---:|:---|
    > | 📅 发布日期 | 2026-08-18 |
    > | 👤 作者 | Alma M. Liezenga |
    >
    > **📄 英文摘要：**
    > Automatic Target Detection and Recognition \\(ATD/R\\) is critical for ...
    >
    > 🔗 [阅读论文](http://arxiv.org/abs/2608.17917v1)

A card is a ``###`` (or deeper) heading, in a blockquote or not, whose block (up to the next heading of its level or
above, or a ``---`` rule) holds a link to arXiv or a date attribute. Attributes are the two-cell rows of a small
table, named like table columns (date, authors, link, code, …); the abstract is the text under a bold label naming
it (``Abstract``, ``Summary``, ``摘要``). Markdown backslash escapes (``\\-``, ``\\(``) are removed from the title and
the abstract. Used only when a README has no paper table.
"""

from __future__ import annotations

import re

from ..errors import ProblemCollector
from ..paper import Paper
from ._dailyarxiv_rows import _LINK, _ROLE_OF, IMAGE, Row, _column_key, _paper, html_to_text, is_separator, split_cells

_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
_NUMBER = re.compile(r"^\d{1,4}[.)]\s+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_LABEL = re.compile(r"^\*\*(?P<label>[^*]+)\*\*\s*$")
_ABSTRACT_LABEL = re.compile(r"abstract|summary|摘要", re.I)
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_ARXIV_LINK = re.compile(r"arxiv\.org/(?:abs|pdf)/", re.I)


def read_cards(lines: list[str], first: int, source: str, problems: ProblemCollector) -> list[Paper]:
    """The papers of the cards in ``lines`` (from index ``first``), in order; ``##`` headings tag them."""
    papers: list[Paper] = []
    keyword: str | None = None
    index = first
    while index < len(lines):
        text = _QUOTE.sub("", lines[index]).strip()
        m = _HEADING.match(text)
        index += 1
        if m is None:
            continue
        level = len(m.group("level"))
        if level <= 2:
            keyword = m.group("text").strip() if level == 2 else None
            continue
        where = f"line {index}"
        block, index = _block(lines, index, level)
        cells = _card_cells(m.group("text"), block)
        if cells is not None:
            paper = _paper(cells, Row(where, source, [keyword] if keyword else []), problems)
            if paper is not None:
                papers.append(paper)
    return papers


def _block(lines: list[str], index: int, level: int) -> tuple[list[str], int]:
    """The lines of a card (quote markers removed) up to the next heading of ``level`` or above or a rule."""
    block: list[str] = []
    while index < len(lines):
        text = _QUOTE.sub("", lines[index]).strip()
        m = _HEADING.match(text)
        if (m and len(m.group("level")) <= level) or _RULE.match(text):
            break
        block.append(text)
        index += 1
    return block, index


def _card_cells(heading: str, block: list[str]) -> dict[str, list[str]] | None:
    """The cells of a card by role (as a table row's), or None when the block is not one (no arXiv link and no date
    attribute)."""
    cells: dict[str, list[str]] = {"title": [_unescape(_NUMBER.sub("", heading.strip()))]}
    abstract: list[str] = []
    in_abstract = False
    for line in block:
        if line.startswith("|") and not is_separator(line):
            parts = split_cells(line)
            role = _ROLE_OF.get(_column_key(html_to_text(parts[0]))) if len(parts) >= 2 else None
            if role and role != "title":
                cells.setdefault(role, []).append(parts[1])
            continue
        label = _LABEL.match(line)
        if label:
            in_abstract = bool(_ABSTRACT_LABEL.search(label.group("label")))
        elif not line:
            in_abstract = in_abstract and not abstract
        elif in_abstract:
            abstract.append(line)
    links = " ".join(m.group(0) for line in block for m in _LINK.finditer(IMAGE.sub(r"\g<alt>", line)))
    if "date" not in cells and not _ARXIV_LINK.search(links):
        return None
    cells["link"] = [links]
    cells["date"] = cells.get("date", [""])[:1]
    if abstract:
        cells["abstract"] = [_unescape(" ".join(abstract))]
    return cells


def _unescape(text: str) -> str:
    return _MD_ESCAPE.sub(r"\1", text)

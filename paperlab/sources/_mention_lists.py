"""Which id-less titles the generic paper finder (:mod:`._mentions`) keeps, by the lists they stand in, and the
titles a page marks as books.

* :func:`in_lists_of_papers`: an item is one of a list's papers only when most of the list's items are papers, so
  the topics a README's opening lists name are none;
* :func:`written_item`: a list item written as a reference whose emphasised title follows its authors, perhaps
  wrapped over the item's next lines (``- Ada Quill, Bo Renn. *On Widgets: Partial`` / ``Gadgets.* J. Widg. 50(2),
  1985.``), names that paper with no id;
* :func:`book_titles`: a list item or heading whose title stands in book-title marks (``1. 《Fields Virology》-
  病毒学基础``, ``#### 《Python for Data Analysis》``) names that book, the marks being the title's bounds as quotes
  are; the note after it is no part of it, and a book named again further down the page is the same book.
"""

from __future__ import annotations

import re
from collections import Counter

from ._md_references import names_then_title
from ._mention_details import Found
from ._mention_lines import Line, plain

__all__ = ["book_titles", "in_lists_of_papers", "written_item"]

# a line that is a title in book-title marks, perhaps a number before it and a short note after a dash or colon
# or in brackets with no year ("（选读）"; "（Quill 等, 2017）" is a citation, read as one)
# (after a comma come its authors: "《Title》, 李明, 王芳, 小部件学报, 2019." is a reference, read as one)
_BOOK_LINE = re.compile(
    r"^[\W\d]{0,6}《(?P<title>[^《》\n]{2,200})》\s*(?:[-–—:：]\s*(?P<note>[^《》]{0,60})|[(（][^()（）《》\d]{0,20}[)）])?$"
)
_CJK = re.compile(r"[\u3400-\u9fff]")


def book_titles(lines: list[Line], named: set[int]) -> tuple[list[Found], set[int]]:
    """The books the page's list items and headings name in book-title marks (see the module's documentation),
    each once, at its first line, and every line naming one (none of them is otherwise a title)."""
    found: list[Found] = []
    seen: set[str] = set()
    marked: set[int] = set()
    for i, line in enumerate(lines):
        if i in named or line.kind not in ("item", "heading"):
            continue
        m = _BOOK_LINE.match(" ".join(plain(line.text).split()))
        title = m.group("title").strip() if m else ""
        if not title or (len(title.split()) < 2 and len(_CJK.findall(title)) < 2):
            continue
        marked.add(i)
        if title.casefold() not in seen:
            seen.add(title.casefold())
            found.append(Found(title, [i]))
    return found, marked


def in_lists_of_papers(lines: list[Line], found: list[Found], named: set[int]) -> list[Found]:
    """The id-less titles, less the list items of a list that is mostly no papers: an item is one of a list's
    papers only when most of the list's items are papers (named by an id or read as titles), so the topics a
    README's opening lists ("- Datasets", "- Benchmarks", "- Vision, language, multimodal foundation models") are
    none even where one reads like a title."""
    keys, run = [], 0
    for line in lines:
        run += line.kind in ("text", "heading", "row") and line.item is None  # a paragraph ends a list
        keys.append((line.heading, tuple(line.parents), run))
    items = Counter(keys[i] for i, line in enumerate(lines) if line.kind == "item")
    papers = Counter(keys[i] for i in {f.lines[0] for f in found if not f.weak} | named if lines[i].kind == "item")

    def kept(f: Found) -> bool:
        key = keys[f.lines[0]]  # a doubted title: only among three papers at least, two in three of its list's items
        if f.weak:
            return papers[key] >= 3 and 3 * papers[key] >= 2 * items[key]
        return lines[f.lines[0]].kind != "item" or 2 * papers[key] > items[key]

    return [f for f in found if kept(f)]


_NAMES_GO_ON = re.compile(r"(?:,|\band)\s*$")  # a list of names broken after a comma or "and"


def written_item(lines: list[Line], i: int, named: set[int]) -> Found | None:
    """The paper of list item ``i`` written as names, then an emphasised or quoted title (see the module's
    documentation), read over the lines the item wraps onto while the title is open; None for any other line and
    for an item whose lines name an id (the finder reads that paper by its id)."""
    line = lines[i]
    owner = i if line.kind == "item" else None  # a paragraph's first line too: "**Quill et al. 2021**, *Title*."
    opens = line.kind == "text" and line.item is None and (i == 0 or not lines[i - 1].text.strip())
    names_wrap = bool(_NAMES_GO_ON.search(line.text))  # "1. Cy Renn, Di Mole," / "   and Fay Lune. “Title …"
    if not (owner is not None or opens) or not (names_wrap or any(mark in line.text for mark in '*_"“')):
        return None
    text = line.text
    more = [*line.wraps]
    for j in range(i + 1, min(i + 4, len(lines))):
        below = lines[j]
        if below.kind != "text" or below.item != owner or not below.text.strip():
            break
        if j in named:
            return None
        more.append(below.text.strip())
    for part in more[:3]:
        closed = text.count("*") % 2 == 0 and text.count('"') % 2 == 0 and text.count("“") <= text.count("”")
        if closed and not (_NAMES_GO_ON.search(text) and any(mark in text + part for mark in '*_"“')):
            break  # the title is closed: the lines below are notes on the paper
        text = f"{text} {part}"
    ref = names_then_title(text)
    return Found(ref.title, [i], ref=ref) if ref is not None and (ref.year or ref.venue) else None

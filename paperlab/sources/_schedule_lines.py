"""The lines of a schedule page as the heading reader walks them: an HTML heading ("<h4> Title by Ada </h4>") and a
setext heading ("Schedule" over "========", as markdown-it-py reads it) as an ATX one, and each lazy continuation of a list item (a line at the margin right under the item that starts no
block of its own) joined to its item, its own line left empty so line numbers stay.

Used by :mod:`._schedule_headings`.
"""

from __future__ import annotations

import re

__all__ = ["page_lines", "setext_as_atx"]

_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1>\s*$", re.I)
_TAGS = re.compile(r"<[^>]{0,200}>")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d{1,3}[.)]\s|#|\||<|>|```|~~~|---|===)|^\s*$")


def page_lines(text: str) -> list[str]:
    """The lines of a page, HTML headings as markdown ones and list items' lazy continuations joined to them."""
    return _joined(setext_as_atx([_markdown_heading(line) for line in text.split("\n")]))


def setext_as_atx(lines: list[str]) -> list[str]:
    """``lines`` with each setext heading (a line of text underlined by ``=====`` or ``-----``, as markdown-it-py
    reads them) written as the ATX heading it is (``# Text``), its underline blank, so that line numbers stay; a
    ``---`` under a space-aligned table's header ("Model  Acc") or a row of cells stays as it is."""
    if not any(_UNDERLINE.fullmatch(ln) for ln in lines):
        return lines
    from markdown_it import MarkdownIt

    out = list(lines)
    front = _front_matter_end(lines)
    for token in MarkdownIt("commonmark").parse("\n".join(lines)):
        if token.type != "heading_open" or token.markup not in ("=", "-") or not token.map:
            continue
        start, end = token.map
        if start <= front:
            continue  # a page's front matter ("---" / "title: …" / "---") is no heading
        text = " ".join(ln.strip() for ln in lines[start : end - 1])
        if token.markup == "-" and ("|" in text or re.search(r"\S {2,}\S", text)):
            continue
        out[start : end - 1] = [f"{'#' * int(token.tag[1])} {text}"] + [""] * (end - start - 2)
        out[end - 1] = ""
    return out


def _front_matter_end(lines: list[str]) -> int:
    """The line closing the front matter a page opens with ("---" … "---"), -1 for none."""
    if not lines or lines[0].strip() not in ("---", "+++"):
        return -1
    return next((k for k in range(1, len(lines)) if lines[k].strip() in ("---", "...", "+++")), -1)


def _markdown_heading(line: str) -> str:
    """A line of an HTML heading ("<h4> Conjugate Coding by Ada Quill </h4>") as a markdown one, another as it is."""
    m = _HTML_HEADING.match(line)
    return f"{'#' * int(m.group(1))} {' '.join(_TAGS.sub(' ', m.group(2)).split())}" if m else line


def _joined(lines: list[str]) -> list[str]:
    """The lines with each lazy continuation of a list item (a line at the margin right under the item, starting
    no block of its own: "- … Dwork et al.:" / "Fairness through awareness. […](…)") joined to the item; the
    continuation's line is left empty, so line numbers stay."""
    out = list(lines)
    item: int | None = None
    for n, line in enumerate(lines):
        if _BULLET.match(line):
            item = n
        elif item is not None and not line[:1].isspace() and not _BLOCK_START.match(line):
            out[item], out[n] = f"{out[item].rstrip()} {line.strip()}", ""
        else:
            item = None
    return out

"""The lines of a schedule page as the heading reader walks them: an HTML heading ("<h4> Title by Ada </h4>") as a
markdown one, and each lazy continuation of a list item (a line at the margin right under the item that starts no
block of its own) joined to its item, its own line left empty so line numbers stay.

Used by :mod:`._schedule_headings`.
"""

from __future__ import annotations

import re

__all__ = ["page_lines"]

_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1>\s*$", re.I)
_TAGS = re.compile(r"<[^>]{0,200}>")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d{1,3}[.)]\s|#|\||<|>|```|~~~|---|===)|^\s*$")


def page_lines(text: str) -> list[str]:
    """The lines of a page, HTML headings as markdown ones and list items' lazy continuations joined to them."""
    return _joined([_markdown_heading(line) for line in text.split("\n")])


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

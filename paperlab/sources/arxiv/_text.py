"""Text clean-up shared by the arXiv Atom and Kaggle readers (dates: :func:`paperlab.dates.as_date`)."""

from __future__ import annotations

import re
from typing import Any

# arXiv marks a new paragraph by indenting the next line; a bare newline is only a wrap.
_PARAGRAPH = re.compile(r"\n[ \t]+")
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


def one_line(text: Any) -> str | None:
    """Collapse all whitespace (wrapped titles, comments); None for empty or non-text."""
    if not text or not isinstance(text, str):
        return None
    return " ".join(text.split()) or None


def unwrap(text: str | None) -> str | None:
    """Unwrap an arXiv abstract: drop leading spaces and line wraps, keep paragraph breaks."""
    if not text:
        return None
    text = text.strip()
    # Fast path (most abstracts): wrapped with bare newlines only. If joining the lines leaves
    # no double space and no unprintable character (every whitespace but the space is one; an
    # indented line, i.e. a new paragraph, gives a double space or a tab), it is the answer.
    joined = text.replace("\n", " ")
    if "  " not in joined and (
        not joined.encode("ascii").translate(None, _PRINTABLE_ASCII) if joined.isascii() else joined.isprintable()
    ):
        return joined or None
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH.split(text))
    return "\n".join(p for p in paragraphs if p) or None

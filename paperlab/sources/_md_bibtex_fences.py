"""BibTeX written inside a markdown page's fenced code blocks (a related-work page's "```bibtex" block, or a fence
of any language whose lines open entries, ``@article{key,``): each entry a paper, read by the BibTeX reader, and the
block blanked so the generic finder reads no id or title inside it again (the page's heading over the block is no
paper's title)::

    ## BibTeX
    ```bibtex
    @article{quill2021, author = {Quill, Ada}, title = {Sparse Widget Routing}, year = {2021}}
    ```

A fence whose entries cannot be read is left to the finder as before; an entry of a block that the BibTeX reader
skips is named, with its line in the page, among the page's problems. Used by :mod:`._mentions`.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import warnings
from collections.abc import Iterator

from ..errors import ImportProblem, ParseError, PartialImportWarning
from ..paper import Paper

__all__ = ["bibtex_fences"]

_OPEN = re.compile(r"(?P<indent>[ ]{0,3})(?P<mark>`{3,}|~{3,})[ \t]*(?P<lang>[\w+-]*)")
_CLOSE = re.compile(r"(?P<indent>[ ]{0,3})(?P<mark>`{3,}|~{3,})[ \t]*\r?")
_ENTRY = re.compile(r"^\s*@(?!comment\b|string\b|preamble\b)[A-Za-z]+\s*[{(]", re.M | re.I)
_LINE = re.compile(r"\bline (\d+)")


def bibtex_fences(text: str, source: str) -> tuple[list[Paper], list[ImportProblem], str]:
    """(the papers of the BibTeX entries in the page's fenced code blocks, the entries of those blocks that could not
    be read, the page with those blocks' lines blank)."""
    lines = text.split("\n")
    papers: list[Paper] = []
    problems: list[ImportProblem] = []
    for start, end, lang in _fences(lines):
        body = "\n".join(lines[start + 1 : end]) + "\n"
        if lang.lower() not in ("bibtex", "bib", "biblatex", "") or not _ENTRY.search(body):
            continue
        read = _entries(body, source, start + 1)
        if read is None:
            continue
        papers += read[0]
        problems += read[1]
        lines[start : end + 1] = [""] * (end + 1 - start)
    return papers, problems, "\n".join(lines)


def _fences(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """(opening line, closing line, language) of each closed fenced block, in one pass over the page: a closing
    line is the opener's own indent and mark alone on its line (a Windows-written ``\\r`` before the newline too)."""
    closers: dict[tuple[str, str], list[int]] = {}
    for i, line in enumerate(lines):
        if line[:4].lstrip(" ")[:1] in ("`", "~") and (c := _CLOSE.fullmatch(line)):
            closers.setdefault((c["indent"], c["mark"]), []).append(i)
    i = 0
    while i < len(lines):
        o = _OPEN.match(lines[i]) if lines[i][:4].lstrip(" ")[:1] in ("`", "~") else None
        at = closers.get((o["indent"], o["mark"]), []) if o else []
        k = bisect.bisect_right(at, i)
        if o is None or k == len(at):
            i += 1
            continue
        yield i, at[k], o["lang"]
        i = at[k] + 1


def _entries(body: str, source: str, before: int) -> tuple[list[Paper], list[ImportProblem]] | None:
    """The papers of a block's BibTeX entries and the entries not read, named by their line in the page (the block's
    first line is ``before`` + 1), or None for a block the BibTeX reader refuses whole."""
    from .bibtex import parse_bibtex

    try:
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            read = parse_bibtex(body, source=source)
    except ParseError:
        return None
    lost = [p for w in said if isinstance(w.message, PartialImportWarning) for p in w.message.problems]
    moved = [dataclasses.replace(p, where=_LINE.sub(lambda n: f"line {int(n[1]) + before}", p.where)) for p in lost]
    return read, moved

"""BibTeX written inside a markdown page's fenced code blocks (a related-work page's "```bibtex" block, or a fence
of any language whose lines open entries, ``@article{key,``): each entry a paper, read by the BibTeX reader, and the
block blanked so the generic finder reads no id or title inside it again (the page's heading over the block is no
paper's title)::

    ## BibTeX
    ```bibtex
    @article{quill2021, author = {Quill, Ada}, title = {Sparse Widget Routing}, year = {2021}}
    ```

The fences are those markdown-it-py reads (its ``fence`` tokens: info string and line range), closed ones only, at
the top level, in a quote or in a list item; an HTML block is read as text, so a fence right under a
``<summary>`` line is one. A fence whose entries cannot be read is left to the finder as before; an entry of a block that the BibTeX reader
skips is named, with its line in the page, among the page's problems. Used by :mod:`._mentions`.
"""

from __future__ import annotations

import dataclasses
import re
import warnings
from collections.abc import Iterator
from functools import cache

from markdown_it import MarkdownIt

from ..errors import ImportProblem, ParseError, PartialImportWarning
from ..paper import Paper

__all__ = ["bibtex_fences"]

_ENTRY = re.compile(r"^\s*@(?!comment\b|string\b|preamble\b)[A-Za-z]+\s*[{(]", re.M | re.I)
_MAYBE_ENTRY = re.compile(r"@[A-Za-z]+\s*[{(]")  # anywhere on a line: in a quote, a list item
_LANG = re.compile(r"[\w+-]+")
_LINE = re.compile(r"\bline (\d+)")


def bibtex_fences(text: str, source: str) -> tuple[list[Paper], list[ImportProblem], str]:
    """(the papers of the BibTeX entries in the page's fenced code blocks, the entries of those blocks that could not
    be read, the page with those blocks' lines blank)."""
    if ("```" not in text and "~~~" not in text) or not _MAYBE_ENTRY.search(text):
        return [], [], text  # no entry, or no fence: nothing to parse
    lines = text.split("\n")
    papers: list[Paper] = []
    problems: list[ImportProblem] = []
    for start, end, lang, body in _fences(text):
        if lang.lower() not in ("bibtex", "bib", "biblatex", "") or not _ENTRY.search(body):
            continue
        read = _entries(body, source, start + 1)
        if read is None:
            continue
        papers += read[0]
        problems += read[1]
        lines[start:end] = [""] * (end - start)
    return papers, problems, "\n".join(lines)


@cache
def _block_parser() -> MarkdownIt:
    """CommonMark's block structure only (no inline markup), with HTML blocks read as text: a fence right under
    ``<summary>Citation</summary>`` or inside ``<pre>`` is a fence to a reader of the page's source."""
    return MarkdownIt("commonmark").disable(["html_block", "inline", "text_join"])


def _fences(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(first line, line after the closing line, language, text) of each closed fenced code block, as markdown-it-py
    reads the page: at the top level, in a list item or a quote (the text without the item's indent or the ``>``);
    an unclosed fence runs to its container's end and is no block here. A Windows-written ``\\r`` before a newline
    is no part of a line (markdown's own rule); a lone ``\\r`` is no line end, as in the finder's lines."""
    for token in _block_parser().parse(text.replace("\r", "")):
        if token.type != "fence" or token.map is None:
            continue
        start, end = token.map
        body = token.content
        body_lines = body.count("\n") + (1 if body and not body.endswith("\n") else 0)
        if end - start - body_lines == 2:  # the opening line, the body, the closing line: closed
            yield start, end, lang[0] if (lang := _LANG.match(token.info)) else "", body


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

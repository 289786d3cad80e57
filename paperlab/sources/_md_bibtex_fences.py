"""BibTeX written inside a markdown page's fenced code blocks (a related-work page's "```bibtex" block, or a fence
of any language whose lines open entries, ``@article{key,``): each entry a paper, read by the BibTeX reader, and the
block blanked so the generic finder reads no id or title inside it again (the page's heading over the block is no
paper's title)::

    ## BibTeX
    ```bibtex
    @article{quill2021, author = {Quill, Ada}, title = {Sparse Widget Routing}, year = {2021}}
    ```

A fence whose entries cannot be read is left to the finder as before. Used by :mod:`._mentions`.
"""

from __future__ import annotations

import re
import warnings

from ..errors import ParseError
from ..paper import Paper

__all__ = ["bibtex_fences"]

_FENCE = re.compile(
    r"^(?P<indent>[ ]{0,3})(?P<mark>`{3,}|~{3,})[ \t]*(?P<lang>[\w+-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)(?P=mark)[ \t]*$",
    re.M | re.S,
)
_ENTRY = re.compile(r"^\s*@(?!comment\b|string\b|preamble\b)[A-Za-z]+\s*[{(]", re.M | re.I)


def bibtex_fences(text: str, source: str) -> tuple[list[Paper], str]:
    """(the papers of the BibTeX entries in the page's fenced code blocks, the page with those blocks' lines blank)."""
    from .bibtex import parse_bibtex

    papers: list[Paper] = []
    kept: list[str] = []
    end = 0
    for m in _FENCE.finditer(text):
        body = m.group("body")
        if m.group("lang").lower() not in ("bibtex", "bib", "biblatex", "") or not _ENTRY.search(body):
            continue
        try:
            with warnings.catch_warnings():  # what the fence loses is no loss of the page: the finder reads the rest
                warnings.simplefilter("ignore")
                read = parse_bibtex(body, source=source)
        except ParseError:
            continue
        papers += read
        kept += [text[end : m.start()], "\n" * m.group(0).count("\n")]
        end = m.end()
    return papers, "".join(kept) + text[end:]

"""Readings written as citation keys: pandoc's ``[@vaswani2017attention]`` / ``[@a; @b]``, LaTeX's
``\\cite{he2016deep}`` (``\\citep``, ``\\citet``, ``\\parencite``, …) and MyST's ``{cite}`key```.

A key names a paper in a bibliography the page does not hold: there is no title to read, and a title made of the key
would be a made-up paper. :func:`cited_keys` takes the keys out of a cell so that the schedule reader keeps them on
the meeting (``extra["cited"]``) and reports them as readings it could not read.

Used by :mod:`paperlab.sources.schedule`.
"""

from __future__ import annotations

import re

__all__ = ["CITED_ONLY", "cited_keys"]

_KEY = r"[A-Za-z_][\w:.#$%&+?<>~/-]*"
_LATEX = r"\\(?:[A-Za-z]*cite[a-z]*|nocite)\*?(?:\[[^\]]*\]){0,2}\{(?P<latex>[^{}]+)\}"
_MYST = r"\{cite(?::\w+)?\}`(?P<myst>[^`]+)`"
# "[@key]", "[@a; @b]", "[see @key, p. 3]", "[-@key]": a bracket holding at least one key, not a link's text
_PANDOC = rf"\[(?P<body>[^\[\]]*?(?:^|(?<=[\s;\[-]))-?@{_KEY}[^\[\]]*)\](?!\()"
_CITATION = re.compile(f"{_LATEX}|{_MYST}|{_PANDOC}")
_PANDOC_KEY = re.compile(rf"(?:^|(?<=[\s;-]))-?@(?P<key>{_KEY})")
# the report of a reading given by its key only
CITED_ONLY = "reading cited by key only, no title to read"


def cited_keys(text: str) -> tuple[str, list[str]]:
    """(the text without its citations, the keys cited, in order) of a cell; keys lose trailing punctuation."""
    keys: list[str] = []

    def take(m: re.Match[str]) -> str:
        if m.group("body") is not None:
            keys.extend(k.group("key") for k in _PANDOC_KEY.finditer(m.group("body")))
        else:
            keys.extend(k.strip() for k in (m.group("latex") or m.group("myst")).split(","))
        return " "

    rest = _CITATION.sub(take, text)
    found = list(dict.fromkeys(k.rstrip(".,;:") for k in keys if k.strip(".,;: ")))
    if not found:
        return text, []
    lines = (" ".join(re.sub(r"(?:^|\s)[,;]+(?=\s|$)", " ", line).split()).strip(" ,;") for line in rest.split("\n"))
    return "\n".join(line for line in lines if line), found  # a reading a line, as in the cell

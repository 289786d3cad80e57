"""Writing BibTeX: entries whose text fields are escaped so that :func:`~paperlab.sources.bibtex.parse_bibtex`
reads them back unchanged, with citation keys like ``vaswani2017attention``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bibtexparser.middlewares.names import parse_single_name_into_parts

from ...paper import Paper

__all__ = ["library_to_bibtex", "paper_to_bibtex"]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_ESCAPE_RE = re.compile("|".join(re.escape(c) for c in _ESCAPES))
# TeX ligatures that LaTeX-to-text would turn into dashes, quotes and inverted marks
_LIGATURE_RE = re.compile(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=[?!])(?=`)")


def _escape(text: str) -> str:
    """Escape LaTeX special characters so that the text reads back unchanged."""
    text = _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], text)
    return _LIGATURE_RE.sub("{}", text)


def _escape_name(name: str) -> str:
    escaped = _escape(name)
    # Names BibTeX would split or reorder ("Last, First", "Barnes and Noble") are kept whole,
    # and so are names with escaped characters, which the name splitter would cut apart.
    if escaped != name or "," in name or re.search(r"\sand\s", name, re.I) or name.lower() == "others":
        return "{" + escaped + "}"
    return escaped


def _verbatim_out(value: str) -> str:
    """A url/doi for a braced field: braces and backslashes percent-encoded."""
    return value.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


_STOPWORDS = frozenset(
    "a an the on of in for and or to with without from by at via is are be as its it this that towards toward "
    "into onto do does can we our your how what when why which who new".split()
)


# letters NFKD does not decompose into ASCII
_ASCII = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
    }
)


def _ascii_word(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_ASCII))
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in text if not unicodedata.combining(c)).lower())


def _key(paper: Paper) -> str:
    """Citation key like ``vaswani2017attention``."""
    last = ""
    if paper.authors:
        name = re.sub(r"[{}\\]", "", paper.authors[0])
        parts = parse_single_name_into_parts(name, strict=False)  # "First Last" or "Last, First"
        last = _ascii_word(" ".join(parts.last or parts.first or [name]))
    year = str(paper.published.year) if paper.published else ""
    words = [_ascii_word(w) for w in re.split(r"[\s\-–—/:]+", paper.title)]
    words = [w for w in words if w]
    word = next((w for w in words if w not in _STOPWORDS), words[0] if words else "")
    return (last + year + word) or "paper"


def paper_to_bibtex(paper: Paper, key: str | None = None) -> str:
    """One BibTeX entry for a paper.

    ``@article`` when the paper has a journal reference, else ``@misc``; arXiv papers
    carry ``eprint``, ``archivePrefix = {arXiv}`` and ``primaryClass``. Text is escaped
    (``{ } % & $ # _ ~ ^ \\``) so that :func:`parse_bibtex` reads the entry back with the
    same title, authors, date, DOI, arXiv id and version, abstract, url, journal and keywords.

    Parameters
    ----------
    paper : Paper
    key : str, optional
        Citation key; default like ``vaswani2017attention``.

    Returns
    -------
    str
        The entry, ending with a newline.
    """
    key = key or _key(paper)
    entry_type = "article" if paper.journal_ref else "misc"
    fields: list[tuple[str, str]] = [("title", _escape(paper.title))]
    if paper.authors:
        fields.append(("author", " and ".join(_escape_name(a) for a in paper.authors)))
    if paper.journal_ref:
        fields.append(("journal", _escape(paper.journal_ref)))
    if paper.published:
        p = paper.published
        fields.append(("year", str(p.year)))
        if (p.month, p.day) != (1, 1):
            fields.append(("month", _MONTHS[p.month - 1]))
        if p.day != 1:
            fields.append(("date", p.isoformat()))
    if paper.arxiv_id:
        eprint = paper.arxiv_id + (f"v{paper.version}" if paper.version else "")
        fields += [("eprint", eprint), ("archivePrefix", "arXiv")]
        if paper.primary_category:
            fields.append(("primaryClass", _escape(paper.primary_category)))
    if paper.doi:
        fields.append(("doi", _verbatim_out(paper.doi)))
    if paper.url:
        fields.append(("url", _verbatim_out(paper.url)))
    if paper.keywords:
        fields.append(("keywords", ", ".join(_escape(k) for k in paper.keywords)))
    if paper.comment:
        fields.append(("note", _escape(paper.comment)))
    if paper.abstract:
        fields.append(("abstract", _escape(paper.abstract)))
    lines = [f"@{entry_type}{{{key},"]
    for name, value in fields:
        # month macros (jun) stay bare so every BibTeX style understands them
        lines.append(f"  {name} = {value}," if name == "month" else f"  {name} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def library_to_bibtex(papers: Iterable[Paper]) -> str:
    """All papers as one BibTeX file, with citation keys made unique (``…a``, ``…b`` suffixes).

    Parameters
    ----------
    papers : iterable of Paper
        E.g. a :class:`~paperlab.library.Library`.

    Returns
    -------
    str
    """
    used: set[str] = set()
    entries = []
    for paper in papers:
        base = key = _key(paper)
        n = 0
        while key in used:
            key = base + _suffix(n)
            n += 1
        used.add(key)
        entries.append(paper_to_bibtex(paper, key=key))
    return "\n".join(entries)


def _suffix(n: int) -> str:
    """a, b, ..., z, aa, ab, ..."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = letters[r] + out
    return out

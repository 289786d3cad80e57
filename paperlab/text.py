"""User text written into markdown, a title's closing stop, and the cache key of a text: one home for each (persons'
names and bylines: :mod:`paperlab.names`).

Model layer: imports only :mod:`paperlab.errors`, the home of :func:`plural` (offered here with the other helpers;
the exception messages below this layer count with it too).
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata

from .errors import plural

__all__ = [
    "NO_MATH_CLASS",
    "drop_closing_stop",
    "fenced_lines",
    "fold",
    "md_escape",
    "md_link_text",
    "md_no_math",
    "md_quote",
    "plural",
    "short_title",
    "shown_text",
    "text_hash",
    "untex_doi",
]

#: Classes of the outermost element of HTML we write: MathJax 3 (JupyterLab 4, Notebook 7) and MathJax 2 (nbconvert,
#: classic notebook) skip them, so a "$" in a title, abstract or note is never typeset as math.
NO_MATH_CLASS = "mathjax_ignore tex2jax_ignore"

# Backslash-escaped: every ASCII character that opens markdown markup inline or in a table cell.
# "<", ">" and "&" become HTML entities, so no raw HTML, autolink or entity survives.
# "(", ")" and "!" need no escape: with "[" and "]" escaped they can never form a link or an image.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")
# "$" as a character reference: GitHub typesets "$...$" in markdown as math (JupyterLab's MathJax reads the
# rendered text, so there only the NO_MATH_CLASS of our HTML helps: JupyterLab shows our HTML, not our markdown).
_MD_ENTITIES = str.maketrans({"$": "&#36;"})
# Never shown: control characters and the bidirectional embeddings, overrides and isolates (U+202A-U+202E,
# U+2066-U+2069), which would reorder the text after them on the card (a title reversing its links or tags).
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
# What opens a block at the start of a line: list items, setext underlines, ordered list numbers
_BLOCK_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])")


# a LaTeX escape in a DOI ("10.1/x\\_12", as a BibTeX-minded tool writes it into CSL or RIS), or the one our
# BibTeX export once wrote percent-encoded ("%5C_"): no DOI holds a backslash before these characters
_TEX_ESCAPE = re.compile(r"(?:\\|%5[Cc])([_%&#$~])")


def untex_doi(doi: str) -> str:
    """A DOI with its LaTeX escapes undone.

    >>> untex_doi("10.9999/978-1\\_12"), untex_doi("10.9999/978-1%5C_12")
    ('10.9999/978-1_12', '10.9999/978-1_12')
    """
    return _TEX_ESCAPE.sub(r"\1", doi)


def shown_text(text: str) -> str:
    """``text`` without control characters (line breaks and tabs kept) and bidirectional overrides.

    >>> shown_text("abc\\u202edef\\x00")
    'abcdef'
    """
    return _INVISIBLE.sub("", text)


def md_escape(text: str) -> str:
    """Text shown as itself in markdown: on one line (whitespace runs become one space), markup escaped.

    Safe as link text, inside emphasis, in a heading or in a GitHub table cell. Control characters and
    bidirectional overrides are dropped (:func:`shown_text`).

    Examples
    --------
    >>> md_escape("A <b>bold</b> [link](x) | *not* #1\\nnext")
    'A &lt;b&gt;bold&lt;/b&gt; \\\\[link\\\\](x) \\\\| \\\\*not\\\\* \\\\#1 next'
    """
    text = html.escape(" ".join(shown_text(text).split()), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text).translate(_MD_ENTITIES)


def md_link_text(text: str) -> str:
    """:func:`md_escape` for the text of a link ``[text](url)``: ``[`` and ``]`` as ``&#91;`` and ``&#93;``.

    marked (JupyterLab's markdown renderer) parses backslash-escaped brackets inside a link's text again,
    so ``[a \\[x\\](javascript:y)](url)`` would hold a live link and ``!\\[x\\](http://host/p.png)`` an image;
    character references are never markup, in any renderer.

    >>> md_link_text("see [x](javascript:y) and ![i](http://h/p.png)")
    'see &#91;x&#93;(javascript:y) and !&#91;i&#93;(http://h/p.png)'
    """
    return md_escape(text).replace("\\[", "&#91;").replace("\\]", "&#93;")


def md_no_math(markdown: str) -> str:
    """Escaped inline markdown (:func:`md_escape`) that JupyterLab's MathJax leaves alone: when it holds a "$", wrapped
    in a ``<span>`` of :data:`NO_MATH_CLASS` (MathJax reads the rendered text, where ``&#36;`` is a "$" again, so a
    pasted markdown card with "$5 per $x$" in its title would show "5perx" typeset as maths otherwise).

    >>> md_no_math(md_escape("costs $5"))
    '<span class="mathjax_ignore tex2jax_ignore">costs &#36;5</span>'
    >>> md_no_math("no dollar")
    'no dollar'
    """
    return f'<span class="{NO_MATH_CLASS}">{markdown}</span>' if "&#36;" in markdown else markdown


def md_quote(text: str) -> str:
    """Multi-paragraph text as a markdown block quote: each line escaped, none opening a list or heading."""
    lines = (_BLOCK_START.sub(_escape_block_start, md_escape(line)) for line in text.splitlines() or [""])
    return "\n".join(f"> {line}" for line in lines)


def _escape_block_start(m: re.Match[str]) -> str:
    return f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}"


def fold(text: str) -> str:
    """``text`` as search compares it: accents dropped and case folded, so "Hubotter" finds "Hübotter".

    Compatibility decomposition (NFKD: "ﬁ" -> "fi", "é" -> "e" + accent), combining marks dropped, then
    :meth:`str.casefold` ("Straße" -> "strasse"). The one normalisation of lexical search (the BM25 tokens, query
    words, explained terms, ``Library.filter(text=...)``); the cards' client side folds the same way
    (``js/src/common/fold.ts``).

    >>> fold("Jonas Hübotter, Ｃafé naïve ﬁt Straße")
    'jonas hubotter, cafe naive fit strasse'
    """
    if text.isascii():
        return text.lower()
    return _NON_ASCII.sub(_unaccented, text).casefold()


# Only the non-ASCII runs are decomposed (a few per abstract; the same result as the whole text, as NFKD never
# composes and a combining mark is non-ASCII like what it reorders with): 3x less time than the whole text.
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _unaccented(m: re.Match[str]) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", m.group()) if not unicodedata.combining(c))


def text_hash(text: str) -> str:
    """Cache key of a text (embeddings): SHA-1 hex of its UTF-8 bytes.

    >>> text_hash("attention")[:12]
    'd0278de5f6e5'
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def short_title(title: str, limit: int = 60) -> str:
    """``title`` cut at the last whole word within ``limit`` characters, with "…" (a reason naming several papers
    stays readable: the feed's "close to …" repeats a long title once per pick); a shorter title as it is.

    >>> short_title("Attention Is All You Need")
    'Attention Is All You Need'
    >>> short_title("Scalable Diffusion Models with Transformers for Very Long Videos of Cats", 40)
    'Scalable Diffusion Models with…'
    """
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if " " in cut and not title[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:—–-") + "…"


# words whose closing dot is an abbreviation's, not a title's full stop
_ABBREVIATIONS = frozenset(
    "al etc vs inc ltd co corp jr sr st no nos vol vols ed eds pp fig figs eq approx dept".split()
)
_LAST_WORD = re.compile(r"([^\W\d_]+)\.$")


def drop_closing_stop(title: str) -> str:
    """A title without the full stop a catalogue closes it with (MEDLINE, Embase and Ovid write "A review of foo."):
    the dot after a last word of two letters or more with a small letter; an abbreviation's or an initial's dot stays
    ("et al.", "Inc.", "U.S.", "C.I.L.", "NASA.").

    >>> drop_closing_stop("Bitcoin for the biological literature."), drop_closing_stop("Data of the U.S.")
    ('Bitcoin for the biological literature', 'Data of the U.S.')
    >>> drop_closing_stop("Notes by Quill et al."), drop_closing_stop("Is it late?")
    ('Notes by Quill et al.', 'Is it late?')
    """
    m = _LAST_WORD.search(title)
    if not m or len(m.group(1)) < 2 or m.group(1).isupper() or m.group(1).lower() in _ABBREVIATIONS:
        return title
    if m.start(1) and title[m.start(1) - 1] == ".":  # "i.e.", "Ph.D."
        return title
    return title[:-1].rstrip()


# a line opening or closing a fenced code block of Markdown ("```python", "~~~")
_FENCE = re.compile(r"^\s*(?:```|~~~)")


def fenced_lines(lines: list[str]) -> set[int]:
    """The 0-based numbers of a Markdown text's lines inside fenced code blocks, their fences included (never a
    heading, a field nor a paper): the one reading of fences the notes and schedule readers share.

    >>> sorted(fenced_lines(["# Title", "```python", "# a comment", "```", "text"]))
    [1, 2, 3]
    """
    inside, out = False, set()
    for k, line in enumerate(lines):
        if _FENCE.match(line):
            inside = not inside
            out.add(k)
        elif inside:
            out.add(k)
    return out

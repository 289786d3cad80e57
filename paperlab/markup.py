"""The plain text of the markup some sources put in titles and abstracts: CSL rich text (``<i>``, ``<sc>``,
``<span class="nocase">``), the HTML of web pages and the JATS, MathML and XLink tags of Crossref, read with
:mod:`html.parser`. Anything that only looks like a tag ("A<B and C>D", ``<https://...>``) stays text.

One home for the importers (CSL, RIS, OpenAlex, BibTeX abstracts), the CSL export (a kept rich-text title written
back while its plain text is the paper's) and the map's labels. Imports nothing of ours.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

__all__ = ["csl_plain_text", "plain_abstract"]


# Markup tags of rich text whose text is kept and whose tag is dropped. An inline tag is markup only when its closing
# tag follows ("<i>toy</i>"): an unclosed "<b>" is text ("$a<b>c$", "A<B and C>D", "0<i>n"); a block tag always is.
_INLINE_TAGS = frozenset(
    "a abbr b bold cite code em font i italic monospace sc scp small span strike strong sub sup tt u underline".split()
)
# Tags that end a word (paragraphs, titles, sections, lists, breaks); a leading heading of one is its "title".
_BLOCK_TAGS = frozenset("p br div title sec section li list list-item ul ol h1 h2 h3 h4 h5 h6 label".split())
_HEADINGS = frozenset("title h1 h2 h3 h4 h5 h6".split())
# XML namespaces whose ``prefix:name`` tags are markup (Crossref's JATS, MathML, XLink); another "<word:...>" is text:
# "<https://github.com/x/y>", "<mailto:ada@example.org>", "<doi:10.1/x>".
_NAMESPACES = frozenset(("jats", "mml", "xlink"))
_BREAK = "\x00"  # a block boundary while text is collected (no text holds it: it is dropped from data)


def _tag_kind(tag: str) -> tuple[str, str]:
    """A tag's local name and kind: "block" or "ns" (always markup), "inline" (markup when paired), "text"."""
    prefix, colon, local = tag.rpartition(":")
    if colon:
        return local, "ns" if prefix in _NAMESPACES and local else "text"
    return local, "block" if local in _BLOCK_TAGS else "inline" if local in _INLINE_TAGS else "text"


class _Tokens(HTMLParser):
    """The text and tags of a value, in order: ``("data", text)``, ``("start", tag, as written, self-closing)``,
    ``("end", tag, as written)``; comments dropped, CDATA sections kept as text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple[Any, ...]] = []

    def handle_data(self, data: str) -> None:
        self.tokens.append(("data", data.replace(_BREAK, "")))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(("start", tag, self.get_starttag_text() or "", False))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(("start", tag, self.get_starttag_text() or "", True))

    def unknown_decl(self, data: str) -> None:
        if data.startswith("CDATA["):  # <![CDATA[…]]> of XML-minded exporters: its text is text
            self.handle_data(data[len("CDATA[") :])

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(("end", tag, f"</{tag}>"))


def _markup_tags(tokens: list[tuple[Any, ...]]) -> set[int]:
    """Indexes of the tokens that are markup: block and namespaced tags, self-closing inline ones, and inline start
    and end tags that pair up (innermost first); everything else is text as written."""
    markup: set[int] = set()
    open_tags: dict[str, list[int]] = {}
    for i, token in enumerate(tokens):
        if token[0] == "data":
            continue
        local, kind = _tag_kind(token[1])
        if kind in ("block", "ns") or (kind == "inline" and token[0] == "start" and token[3]):
            markup.add(i)
        elif kind == "inline" and token[0] == "start":
            open_tags.setdefault(local, []).append(i)
        elif kind == "inline" and open_tags.get(local):
            markup.update((open_tags[local].pop(), i))
    return markup


class _RichText:
    """Text of CSL rich text, HTML or JATS markup (:func:`csl_plain_text`); ``heading`` is the text of a heading
    that opens the value (``<jats:title>Abstract</jats:title>``), ``markup`` whether any markup tag was seen."""

    def __init__(self, value: str, citations: bool = False) -> None:
        reader = _Tokens()
        reader.feed(value)
        reader.close()
        tokens = _without_citation_marks(reader.tokens) if citations else reader.tokens
        self.parts: list[str] = []
        self.heading: tuple[int, int] | None = None  # where in ``parts`` a leading heading's text is
        markup = _markup_tags(tokens)
        self.markup = bool(markup) or len(tokens) < len(reader.tokens)
        open_heading: int | None = None
        for i, token in enumerate(tokens):
            if token[0] == "data" or i not in markup:
                self.parts.append(token[1] if token[0] == "data" else token[2])
                continue
            local = _tag_kind(token[1])[0]
            heading = local in _HEADINGS and not (token[0] == "start" and token[3])
            if heading and token[0] == "end" and open_heading is not None:
                self.heading, open_heading = (open_heading, len(self.parts)), None
            if local in _BLOCK_TAGS:
                self.parts.append(_BREAK)
            if heading and token[0] == "start" and self.heading is None and not self._text_so_far():
                open_heading = len(self.parts)

    def _text_so_far(self) -> str:
        return "".join(self.parts).replace(_BREAK, "").strip()


# a superscript that is a citation: reference numbers ("5", "1–4", "6,7", "3-5, 9")
_CITATION_NUMBERS = re.compile(r"\s*\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\s*")


def _without_citation_marks(tokens: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """``tokens`` without the superscript reference numbers of an abstract (Crossref's JATS: ``effort
    <jats:sup>1–4</jats:sup> , the``): a ``<sup>`` of numbers after a space, a punctuation mark or a word of three
    letters or more; one after a digit or a short unit (``10<sup>6</sup>``, ``m<sup>2</sup>``) is a power, kept.
    The space left before the punctuation that follows goes with it."""
    out: list[tuple[Any, ...]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token[0] == "start" and _tag_kind(token[1])[0] == "sup" and i + 2 < len(tokens):
            data, end = tokens[i + 1], tokens[i + 2]
            before = out[-1][1] if out and out[-1][0] == "data" else ""
            if (
                data[0] == "data"
                and end[0] == "end"
                and end[1] == token[1]
                and _CITATION_NUMBERS.fullmatch(data[1])
                and re.search(r"(?:\s|[.,;:)\]]|[^\W\d_]{3})$", before)
            ):
                if out and out[-1][0] == "data":
                    out[-1] = ("data", before.rstrip())
                i += 3
                if i < len(tokens) and tokens[i][0] == "data" and re.match(r"\s*[,.;:)]", tokens[i][1]):
                    tokens = [*tokens[:i], ("data", tokens[i][1].lstrip()), *tokens[i + 1 :]]
                continue
        out.append(token)
        i += 1
    return out


def _rich_text(value: str, drop: frozenset[str] = frozenset(), citations: bool = False) -> tuple[str, bool]:
    """The text of ``value`` (whitespace collapsed) and whether it held markup; a leading heading whose text
    (in lower case, without a final colon) is in ``drop`` is left out; ``citations``: superscript reference
    numbers too (:func:`_without_citation_marks`)."""
    parser = _RichText(value, citations)
    parts = parser.parts
    if parser.heading is not None:
        start, end = parser.heading
        if " ".join("".join(parts[start:end]).split()).rstrip(":").lower() in drop:
            parts = parts[:start] + parts[end:]
    return " ".join("".join(parts).replace(_BREAK, " ").split()), parser.markup


def csl_plain_text(value: str) -> str:
    """A CSL rich-text string (``<i>``, ``<b>``, ``<sup>``, ``<sub>``, ``<sc>``, ``<span class="nocase">``; also the
    ``<em>``, ``<strong>``, ``<u>`` and ``<scp>`` of Crossref titles that OpenAlex and RIS exports carry, the
    ``<p>``/``<jats:p>`` paragraphs of abstracts saved from web pages and Crossref, and any JATS, MathML or XLink
    tag) as plain text read with :mod:`html.parser`: tags dropped (a paragraph, title or break ends a word; an
    inline tag only when its closing tag follows), entities decoded, whitespace collapsed. Other "tags" are text:
    ``<https://…>``, ``<mailto:…>``, ``$a<b>c$``, "A<B and C>D", an unclosed ``<i>``."""
    return _rich_text(value)[0]


_ABSTRACT_HEADINGS = frozenset(("abstract", "summary", "résumé"))


def plain_abstract(value: str) -> str:
    """An abstract with the JATS/HTML markup of Crossref and web pages (``<jats:title>Abstract</jats:title>
    <jats:p>…</jats:p>``) as plain text (see :func:`csl_plain_text`), without its leading "Abstract" heading;
    an abstract without markup tags is returned as it is (its line breaks kept)."""
    if "<" not in value:
        return value
    text, markup = _rich_text(value, _ABSTRACT_HEADINGS, citations=True)
    return text if markup else value

"""Paper cards written as HTML elements whose classes name their fields, as some DailyArXiv-style generators write
them to style a page::

    <div class="paper-item">
      <div class="paper-title">A title</div> <div class="paper-date">2026-05-29</div>
      <div class="paper-authors">Ada Quill (last author)</div>
      <a class="paper-link" href="https://arxiv.org/abs/2605.31248">📄 PDF: 2605.31248</a>
      <div class="paper-abstract"><div class="abstract-label">Abstract:</div> …</div>
    </div>

The card is told by its fields, whatever the generator calls the card itself: an element whose class names a title
(``paper-title``, ``card-title``, ``title``), inside an element (up to four levels up) that links a paper by its
arXiv id or DOI. The card's other fields are its elements whose classes name authors, a date, an abstract or a
summary; a role written after a name ("(last author)", "(corresponding)") is no part of it. The nearest heading above
a card is its keyword. The HTML is parsed with lxml, not by hand; the text of ``<script>`` and ``<style>`` elements
is code, no field.
"""

from __future__ import annotations

import re
from typing import Any

from ..paper import Paper, SourceRecord
from ._dailyarxiv_dates import parse_date
from ._schedule_cells import link_ids

__all__ = ["html_class_cards"]

_FIELD = re.compile(r"(?:^|[-_])(?P<field>title|authors?|date|abstract|summary)(?:$|[-_])", re.I)
_ROLE = re.compile(r"\s*[(（][^()（）]*(?:author|corresponding|equal|contrib)[^()（）]*[)）]\s*", re.I)
_LABEL = re.compile(r"^\W*(?:abstract|summary|tl;?dr)\s*[:：]\s*", re.I)


def _field_of(element: Any) -> str | None:
    for token in str(element.get("class") or "").split():
        if m := _FIELD.search(token):
            name = m.group("field").lower()
            return "authors" if name.startswith("author") else "abstract" if name == "summary" else name
    return None


def _paper_link(element: Any) -> tuple[str | None, str | None, str | None]:
    """(url, arXiv id, DOI) of the first link inside ``element`` that names a paper by an id."""
    for a in element.iter("a"):
        href = str(a.get("href") or "")
        _, url, arxiv, doi = link_ids(f"[link]({href})") if href.startswith("http") else ("", None, None, None)
        if arxiv or doi:
            return url, arxiv, doi
    return None, None, None


def _card_of(title: Any) -> Any | None:
    node = title.getparent()
    for _ in range(4):
        if node is None:
            return None
        if any(_paper_link(node)[1:]):
            return node
        node = node.getparent()
    return None


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
_HEADINGS = "preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"


def _keyword(card: Any, lines: list[str]) -> list[str]:
    """The nearest heading above ``card`` that is no card's title: an HTML heading or a markdown heading line."""
    found: tuple[int, str] | None = None
    headings = [h for h in card.xpath(_HEADINGS) if _field_of(h) is None and _text(h)]
    if headings:
        found = (headings[-1].sourceline or 0, _text(headings[-1]))
    for number in range((card.sourceline or 1) - 1, found[0] if found else 0, -1):
        m = _MD_HEADING.match(lines[number - 1]) if number - 1 < len(lines) else None
        if m:
            found = (number, m.group("text").strip())
            break
    return [found[1]] if found else []


def _text(element: Any) -> str:
    return " ".join(element.text_content().split())


def _card_paper(card: Any, title: str, source: str, lines: list[str]) -> Paper | None:
    fields: dict[str, Any] = {}
    for element in card.iter():
        name = _field_of(element)
        if name and name not in fields and name != "title":
            fields[name] = element
    url, arxiv, doi = _paper_link(card)
    authors: list[str] = []
    extra: dict[str, object] = {}
    if (byline := fields.get("authors")) is not None:
        if re.search(r"\blast\s+author", _text(byline), re.I):
            extra["more_authors"] = True  # "Ada Quill (last author)": the others are not named
        authors = [
            n for n in (_ROLE.sub(" ", p).strip() for p in re.split(r"\s*[,;]\s*|\s+and\s+", _text(byline))) if n
        ]
    day = None
    if (when := fields.get("date")) is not None:
        try:
            day = parse_date(_text(when))
        except ValueError:
            day = None
    abstract = None
    if (summary := fields.get("abstract")) is not None:
        label = next((e for e in summary.iter() if e is not summary and _LABEL.match(_text(e))), None)
        words = _text(summary)
        said = words[len(_text(label)) :] if label is not None and words.startswith(_text(label)) else words
        abstract = _LABEL.sub("", said.strip())
    return Paper(
        title=title,
        authors=authors,
        arxiv_id=arxiv,
        doi=doi,
        url=url,
        published=day,
        abstract=abstract or None,
        tags=_keyword(card, lines),
        sources=[SourceRecord("dailyarxiv", location=source, record=f"line {card.sourceline}")],
        extra=extra,
    )


def html_class_cards(text: str, source: str) -> list[Paper]:
    """The papers of the HTML cards in ``text`` (see the module's documentation), in order."""
    from lxml import etree
    from lxml import html as lxml_html

    if "class=" not in text:
        return []
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return []
    for code in root.xpath("//script | //style"):
        code.drop_tree()  # a script's or a style's text is the page's code, never a title or a field (its tail stays)
    lines = text.splitlines()
    papers: list[Paper] = []
    cards: list[Any] = []  # kept alive: lxml hands out one proxy per element while it is referenced
    for element in root.iter():
        if not isinstance(element.tag, str) or _field_of(element) != "title":
            continue
        title = _text(element)
        card = _card_of(element)
        if card is None or any(card is c for c in cards) or len(title.split()) < 2:
            continue
        cards.append(card)
        if (paper := _card_paper(card, title, source, lines)) is not None:
            papers.append(paper)
    return papers

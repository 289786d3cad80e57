"""Paper lists: a markdown list whose items are papers, as reading groups and "awesome" lists keep them.

Each numbered or bulleted item opens with a link naming a paper -- ``1. [Title](link)`` -- and may give its
authors in brackets inside the link text (``[Title (Ada Quill, Omar Dale)](link)``) or after it
(``[Title](link) (Ada Quill & Omar Dale)``, ``[Title](link) - Ada Quill, Omar Dale``, ``... by Ada Quill``, family
names alone after "by": ``... by He, Zhang, Ren and Sun``), or cites it as ``[Title](link) - Vaswani et al., 2017``
(also at the end of a note: ``... | Vaswani et al,2017``) (the first author's family name,
``extra["more_authors"]``, and the year at year precision -- unless the link gives a new-style arXiv id: a year
never replaces the id's month). A reference written out ('Family, Given. "Title." _Venue_ (2015).') gives title,
authors, year and venue when its authors are people (several names, a given name or initials, "et al."), not one
word ("BERT (2018): Title"); a venue and year after a title ("Title (MICRO 23)") when the venue opens with an
acronym or arXiv, not "(Chapter 10)". A link labelled by a word that names no paper --
arXiv, Paper, PDF, DOI, Link, HTML, Code, Project, Slides, Video -- sends the reader to the text around it: the
title before the link (``1. Attention Is All You Need [[pdf]](link)``) or after it (``[arXiv](link) BERT: ...``).
A one-word title ("BERT") is a paper when its link gives an arXiv id or DOI.
An item may open with a reference number (``[3] [Title](link)``); a sub-item that is a field of the paper above
(``Reviewer: [ada](link)``) is no paper and no item of the list.
The link gives the arXiv id or DOI (an arXiv, doi.org or publisher address) and the paper's ``url`` when it is an
absolute http(s) address; a relative link or one to a markdown page or notebook (the group's own notes,
``./MOPO/notes.md``) is kept in ``extra["notes_link"]``. The heading above an item becomes its tag, unless the heading only names the list
("Papers", "Reading list") or dates it ("2021", "Fall 2021"); a heading that is a year alone dates the items under it
that give no year (at year precision). Items that name no paper (a link to a section of
the page, a one-word link such as "Contributing", an item without a link) are left out; an item with a link
whose paper cannot be read (a labelled link with no title beside it) is named, with its line, in a
:class:`~paperlab.errors.PartialImportWarning`.

:func:`looks_like_paper_list` is what :func:`paperlab.load` detects; :func:`read_paper_list` is its reader.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from pathlib import Path

from markdown_it import MarkdownIt

from ..date_precision import arxiv_id_month
from ..dates import is_period_heading
from ..errors import ParseError, ProblemCollector
from ..names import drop_et_al
from ..paper import Paper, SourceRecord
from ..urls import safe_url
from ._files import check_paper, read_text
from ._md_links import resolve_reference_links
from ._md_not_papers import event_title, no_paper_address
from ._md_references import cited_head, names_then_title, reference_parts, title_venue_year
from ._md_title_parts import cited_in, points_at, venue_in, with_title_parts
from ._mention_lines import DAY_DATE, IMAGE, MEDIA_HEADING, quotes_at_ends
from ._schedule_cells import CellPaper, cited_et_al, link_ids, presenters, written_reference

__all__ = ["SOURCE_KIND", "looks_like_paper_list", "parse_paper_list", "read_paper_list"]

SOURCE_KIND = "paper_list"

_LIST_ITEM = re.compile(r"^[ \t]*(?:\d{1,4}[.)]|[-*+])[ \t]+(.*)$", re.M)
_OPENS_WITH_LINK = re.compile(r"^(?:\*\*|__|[*_])?\[([^\]]{3,})\]\(([^)]*)\)")
# any link of an item, "[[pdf]](…)" as "[pdf](…)"
# the link closing an item written as a reference: the journal's page, labelled by its name
_CLOSING_LINK = re.compile(r"\[([^\[\]]{2,80})\]\([^()\s]*\)\s*$")
_ANY_LINK = re.compile(r"\[\[?([^\[\]]*)\]?\]\(([^)]*)\)")
# a link label naming no paper: the text around the link names it
_LABEL_WORD = re.compile(
    r"^\W*(?:arxiv|paper|pdf|doi|link|html|abs|abstract|preprint|openreview|url|here|code|github|repo|project"
    r"(?:\s+page)?|website|slides?|video|poster|talk|blog|notes?)\W*$",
    re.I,
)
_ITALIC = re.compile(
    r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])|(?<![_\w])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![_\w])"
)
_BOLD = re.compile(r"(?:\*\*|__)(?=\S)(.+?)(?<=\S)(?:\*\*|__)")
_BOLD_LINK = re.compile(
    r"(?:\*\*|__)\s*\[([^\[\]]{8,})\]\([^()\s]+\)\s*(?:\*\*|__)"
)  # a link in bold: its text the title
_MATERIAL_WORD = re.compile(
    r"^\W*(?:code|github|repo|project|website|homepage|slides?|video|poster|talk|blog|notes?|data(?:sets?)?|"
    r"benchmarks?|demo)\b",
    re.I,
)
_AUTHORS_IN_BRACKETS = re.compile(r"^(?P<title>.+?)\s*[(\[](?P<names>[^()\[\]]+)[)\]]\s*$")
_AFTER_LINK = re.compile(r"^(?:\*\*|__|[*_])?\s*(?:(?P<by>\bby\s+)|[-–—:,.|]\s*)?(?P<rest>.*?)\s*$", re.I)
# where a citation may follow a title written out: " - ", " | ", " by ", a bracket, ". " or ", " before a capital
_CUT = re.compile(r"\s+(?:[-–—|]|by)\s+|\s*[(\[]|[.,]\s+(?=[A-Z\u00c0-\u024f])")
_NAME_WORD = re.compile(
    r"^(?:[A-Z\u00c0-\u024f][\w'\u00c0-\u024f-]*\.?|[A-Z]\.|van|von|der|den|de|da|del|di|la|le|du)$"
)
_NOT_NAME_WORDS = frozenset(
    "part vol volume chapter edition version extended abstract revised preprint supplementary appendix full short "
    "paper talk slides notes video code oral poster spotlight workshop".split()
)
# a venue and a year after a title: "Title (MICRO 23)", "Title (ASPLOS '23)", "Title (arXiv preprint 2024)"; the
# venue's first word an acronym or arXiv (:func:`_venue_word`): "(Chapter 10)", "(PyTorch 20)" name no venue
_VENUE_SUFFIX = re.compile(
    r"(?<!\s)\s*[(\[](?P<venue>(?P<first>[A-Za-z]{2}[A-Za-z-]*)(?:\s+[A-Za-z]+){0,2})\s+'?"
    r"(?P<year>\d{2}|(?:19|20)\d{2})[)\]]$"
)
_ARXIV_WORD = re.compile(r"[Aa]r[Xx]iv")
# a badge: a link whose text is an image ("[![arXiv](https://img.shields.io/…)](https://arxiv.org/abs/…)"), its
# image's alt text in group 1 (the image pattern is the finder's, _mention_lines.IMAGE)
_BADGE = re.compile(rf"\[\s*{IMAGE.pattern}\s*\]\(")
# a reference number before an item's link: "[3] [Title](link)"
_REF_NUMBER = re.compile(r"^\[\d{1,4}\][ \t]+(?=\[)")
# an item that is a field of the paper above it, one word and a colon before a lone link or a few words
# ("Reviewer: [ada](…)", "Presenter: Ada Quill"): no item of the list
_FIELD_ITEM = re.compile(r"^[^\W\d_][^\W_]*:[ \t]+(?:\[[^\[\]]*\]\([^()\s]*\)|\S+(?:[ \t]+\S+){0,2})[ \t]*$")
# a link whose address runs on past the end of the line: "[Title](https://…"
_OPEN_HREF = re.compile(r"\]\([^)\s]*$")
_BOLD_LINE = re.compile(r"(?:\*\*|__)([^*_\n]{2,60}?)[:：]?(?:\*\*|__)[:：]?")
_NOTES_PAGE = re.compile(r"\.(?:md|markdown|ipynb)(?:[#?].*)?$", re.I)
_LIST_HEADING = re.compile(
    r"^(?:(?:the\s+)?(?:papers?|reading(?:\s+list)?|readings|list(?:\s+of\s+papers)?|contents|table\s+of\s+contents|"
    r"papers?\s+(?:read|presented|discussed|covered)|paper\s+list)\s*:?)$",
    re.I,
)


def _is_names(text: str, family_only: bool = False) -> bool:
    """Whether ``text`` reads as a list of person names ("Tal Linzen, Emmanuel Dupoux", "John Hewitt & Percy
    Liang"; with ``family_only``, also family names alone: "He, Zhang, Ren and Sun")."""
    names = presenters(text)
    if not names:
        return False
    for name in names:
        words = name.replace("et al", "").split()
        if not (1 if family_only else 2) <= len(words) <= 5 or not all(_NAME_WORD.match(w) for w in words):
            return False
        if len(words[-1].strip(".")) < 2 or any(w.lower() in _NOT_NAME_WORDS for w in words):
            return False  # "(Part I)", "(Extended Abstract)"
    return True


_NAMES_THEN_YEAR = re.compile(r"^(?P<names>[^()]+?)\s*\([^()]*?(?P<year>(?:19|20)\d{2})[^()\d]*\)\s*\.?$")


def _split_authors(title: str, rest: str) -> tuple[str, list[str], int | None]:
    """(title, authors, year) from a link text and the text after the link."""
    m = _AUTHORS_IN_BRACKETS.match(title)
    if m and _is_names(m.group("names")):
        return m.group("title").strip(), presenters(m.group("names")), None
    after = _AFTER_LINK.match(rest)
    tail = after.group("rest") if after else ""
    tail = tail[1:-1] if tail[:1] in "([" and tail[-1:] in ")]" else tail
    cited = cited_et_al(tail)
    if cited:  # "Vaswani et al., 2017": the first author's family name and the year
        return title.strip(), [cited[0]], cited[1]
    if marker := cited_in(tail):  # "(Renn & Sato, 2024)", "(Moss, 2023)": the family names and the year
        return title.strip(), marker[0], marker[1]
    if venue_year := venue_in(tail):  # "(Nature, 2021)": a venue's name, no author; its year
        return title.strip(), [], venue_year[1]
    by = bool(after and after.group("by"))  # "by He, Zhang, Ren and Sun": family names alone
    dated = _NAMES_THEN_YEAR.match(tail)  # "Ada Quill, Bo Renn (WIDG 2021)": the names, then venue and year
    tail, year = (dated.group("names"), int(dated.group("year"))) if dated else (tail, None)
    tagged = re.search(r"[A-Za-z][’']\d{2}\b", tail)  # "(IEEE Access'20)": a venue and its year, no names
    names = presenters(drop_et_al(tail)[0]) if tail and not tagged and _is_names(tail, family_only=by) else []
    return title.strip(), [n for n in names if n], year if names else None


def _cut_byline(text: str) -> tuple[str, str]:
    """(title, the rest) of a title written out before or after a labelled link: cut where a citation or the
    authors begin ("Attention Is All You Need. Vaswani et al. NeurIPS 2017"); the whole text when none does or it
    is a reference written out ("Quill et al. (2019) Title", read whole by :func:`_reference_parts`)."""
    if (ref := written_reference(text)) is not None and _names_people(text, ref):
        return text, ""
    for m in _CUT.finditer(text):
        head, tail = text[: m.start()].strip(), text[m.start() :]
        if head and (found := _split_authors(head, tail)) and (found[1] or found[2]):
            return head, tail
    return text, ""


def _plain(text: str) -> str:
    """Text without emphasis, the separators around it and a leading mark the list gives ("✨Title", "🔥 Title")."""
    text = " ".join(re.sub(r"\*\*|__|`", "", text).split()).strip(" |,;:-–—*_")
    while text and unicodedata.category(text[0]).startswith("S"):
        text = text[1:].lstrip()
    return text


def _bold_title(bold: str, after: str) -> tuple[str, str]:
    """(title, the text after it) of an item led by a bold part: the bold part, unless a text in italics of two
    words at least follows it -- "**PCA** (Hoppe et al.) - *Surface Reconstruction from Points*. SIGGRAPH 1992":
    then the bold part is the method's name or the authors, and the italics the title."""
    italic = _ITALIC.search(after)
    if italic is None or len(italic.group(1).split()) < 2:
        return _plain(bold).rstrip("."), _plain(after)
    between = _plain(after[: italic.start()]).strip("() ")  # "(Hoppe et al.)"
    names = between if between else _plain(bold)  # "**Pauly et al.** - *Title*"
    return _plain(italic.group(1)).rstrip("."), f"by {names}" if _is_names(names, family_only=True) else ""


def _around_links(text: str) -> tuple[str, str, str] | str | None:
    """(title, the text after it, the paper's link) of an item whose link is labelled by a word ("[[pdf]](…)",
    "[arXiv](…)"): the title is the text before the first link, else the text after it. None when the item names
    no paper (no link; one link and nothing else, as "[Slides](./slides.pdf)"); else what was missing."""
    links = list(_ANY_LINK.finditer(text))
    if not links:
        return None
    if points_at(_plain(text[: links[0].start()]), _plain(links[0].group(1))):  # "See [the survey](…) for more."
        named = any(link_ids(links[0].group(2).strip().strip("<>"))[2:])
        return f"no title beside the link labelled {links[0].group(1)!r} (a sentence pointing at it)" if named else None
    cuts = [0, *(i for m in links for i in m.span()), len(text)]
    pieces = [_plain(text[cuts[i] : cuts[i + 1]]) for i in range(0, len(cuts), 2)]
    paper_links = [  # a website link is the paper's when it leads to an id or a PDF: "[website](…/1806.07366)"
        u
        for m in links
        for u in [m.group(2).strip().strip("<>")]
        if not _MATERIAL_WORD.match(m.group(1)) or (_SITE.match(m.group(1)) and _PAPER_AT.search(u))
    ]
    href = next((u for u in paper_links if any(link_ids(u)[2:])), paper_links[0] if paper_links else "")
    words = [i for i, piece in enumerate(pieces) if piece]
    if (wrapped := _BOLD_LINK.search(text)) and not _MATERIAL_WORD.match(wrapped.group(1)):
        return _plain(wrapped.group(1)), _plain(_ANY_LINK.sub(" ", text[wrapped.end() :])), href  # "We read **[T](…)**"
    bold = _BOLD.search(text[: links[0].start()]) or (None if words and words[0] == 0 else _BOLD.search(text))
    if bold is not None:  # "**Title.** Venue, 2021. [paper](…)": the bold part is the title
        after = re.sub(r"(?:\s*[\[\]])+\s*$", "", _ANY_LINK.sub(" ", text[bold.end() :]))  # "[[paper](…)]": no "]" left
        return (*_bold_title(bold.group(1), after), href)
    if not words:
        labels = ", ".join(repr(m.group(1)) for m in links)
        if len(links) == 1 and not any(link_ids(href)[2:]):
            return None  # "[Slides](./slides.pdf)": material, no paper
        return f"no title beside the link{'s' if len(links) > 1 else ''} labelled {labels}"
    if words[0] == 0 and (cited := _cited_before_link(text, links[0])) is not None:
        return (*cited, links[0].group(2).strip().strip("<>"))
    title, rest = _cut_byline(pieces[words[0]])
    return title, " ".join([rest, *(pieces[i] for i in words[1:])]), href


_SITE = re.compile(r"^\W*(?:website|homepage|web\s*page|site)\W*$", re.I)  # not a dataset's or code's link
_PAPER_AT = re.compile(r"arxiv\.org/(?:abs|pdf)/|doi\.org/10\.|\.pdf\b|/pdf\b", re.I)
_YEAR_AFTER_LINK = re.compile(r"\s*[(（]((?:19|20)\d{2})[a-z]?[)）]")


def _cited_before_link(text: str, link: re.Match[str]) -> tuple[str, str] | None:
    """(title, the citation after it) of an item whose authors come before its link: "Quill et al. (2024), [Title](…)"
    (the link's text the title), "Ada Quill, *et al*., *Title*, [Widget Rev. 3, 11 (2025)](…)" (the emphasised
    text the title, the link the venue: the reference is returned whole, read by :func:`_reference_parts`)."""
    before, label = text[: link.start()], link.group(1)
    written = before if _LABEL_WORD.match(label) or _MATERIAL_WORD.match(label) else f"{before} {label}"
    if names_then_title(written) is not None:
        return written, ""
    dated = _YEAR_AFTER_LINK.match(text[link.end() :])  # "Lamport, [Title](…) (1978): note": the citation's year
    head = cited_head(before) or (cited_head(before, family_only=True) if dated else None)
    if head is None or _LABEL_WORD.match(label) or _MATERIAL_WORD.match(label):
        return None
    if len(label.split()) < 2 and not (dated or head[1] or head[2]):
        return None  # a one-word title ("[Raft](…)") only in a citation with its year or "et al."
    (first, *others), more, year = head
    year = year or (dated.group(1) if dated else None)
    if year is None:
        return _plain(label), f"by {', '.join([first, *others])}"
    if more:
        return _plain(label), f"{first} et al., {year}"
    return _plain(label), f"({' & '.join([first, *others])}, {year})"


def _item_link(content: str) -> tuple[str, str, str] | str | None:
    """(link text or title, the text after it, href) of a list item; None when it names no paper, else what
    could not be read."""
    text = _REF_NUMBER.sub("", content.strip())
    m = _OPENS_WITH_LINK.match(text)
    if m is not None and m.group(2).strip().startswith("#"):
        return None  # a link to a section of the page
    if m is not None and not _LABEL_WORD.match(m.group(1)):
        return " ".join(m.group(1).split()), text[m.end() :], m.group(2).strip().strip("<>").strip()
    return _around_links(text)


def _paper_item(item: str) -> bool:
    """Whether a list item reads as a paper: it opens with a link (not to a section of the page), or holds a link
    labelled by a word ("[[pdf]](…)") beside two words of text."""
    item = _REF_NUMBER.sub("", _badges_out(item).strip())
    m = _OPENS_WITH_LINK.match(item)
    if m is not None and not _LABEL_WORD.match(m.group(1)):
        return not m.group(2).startswith("#")
    found = _around_links(item)
    return isinstance(found, tuple) and len(found[0].split()) >= 2


def looks_like_paper_list(text: str) -> bool:
    """Whether a markdown text is a list of papers: two list items at least name a paper by a link (not to a
    section of the page), and they are half the list's items at least (a README with a table of contents is not
    one)."""
    items = [i for i in _LIST_ITEM.findall(resolve_reference_links(text)) if not _FIELD_ITEM.match(i.strip())]
    linked = [i for i in items if _paper_item(i)]
    return len(linked) >= 2 and len(linked) * 2 >= len(items)


def _venue_word(word: str) -> bool:
    """Whether a word opening a bracket after a title names a venue: arXiv, or an acronym -- two capitals at least
    and no more small letters than capitals (MICRO, ICML, NeurIPS), not "Chapter" or "PyTorch"."""
    capitals = sum(c.isupper() for c in word)
    return bool(_ARXIV_WORD.fullmatch(word)) or capitals >= 2 and capitals >= sum(c.islower() for c in word)


def _names_people(text: str, ref: CellPaper) -> bool:
    """Whether a reference's authors are people: several names, one with a given name or initials ("Ilse Varga",
    "A. Vaswani"), or a name and "et al." -- not one word alone ("BERT (2018): …", 'Mamba, "Title"')."""
    if len(ref.authors) >= 2 or len(ref.authors) == 1 and len(ref.authors[0].split()) >= 2:
        return True
    return bool(ref.authors) and drop_et_al(text.partition(ref.title)[0])[1]


def _reference_parts(
    text: str, title: str, authors: list[str], year: int | None
) -> tuple[str, list[str], int | None, str | None, str | None, bool]:
    """(title, authors, year, venue, arXiv id, whether the authors are a citation's first one) of an item's text:
    a reference written out ('Family, Given, and Given Family. "Title." _Venue_ (2015).') gives all of them; a
    venue and year after the title ("Title (MICRO 23)") are no part of it."""
    if (ref := written_reference(text)) is not None and _names_people(text, ref):
        return ref.title, ref.authors, ref.year or year, ref.venue, ref.arxiv_id, False
    if (ref := reference_parts(text)) is not None:  # "Quill & Renn - Title (from blog)", MLA, "Quill, A., Title."
        return ref.title, ref.authors, ref.year or year, ref.venue, None, False
    if (ref := title_venue_year(text)) is not None:  # "Title (Widget Comp Biol, 2017)": no authors in the brackets
        return ref.title, [], ref.year, ref.venue, None, False
    suffix = _VENUE_SUFFIX.search(title)
    if suffix is None or len(title[: suffix.start()].split()) < 2 or not _venue_word(suffix.group("first")):
        return title, authors, year, None, None, bool(year)  # a year here came with "Vaswani et al., 2017"
    short = int(suffix.group("year"))
    venue = None if _ARXIV_WORD.fullmatch(suffix.group("first")) else suffix.group("venue")
    full = short if short > 99 else 2000 + short if short < 70 else 1900 + short
    return title[: suffix.start()], authors, year or full, venue, None, bool(year)


def _badges_out(text: str) -> str:
    """An item's text with each badge as a link labelled by its image's alt text ("[arXiv](…)": the badge's target
    is the link, never the image's address) and other images dropped."""
    return IMAGE.sub(" ", _BADGE.sub(lambda m: f"[{m.group(1)}](", text))


_BARE_ADDRESS = re.compile(r"https?://[^\s)\]<>\"'|]+")


_CITATION_WORD = re.compile(r"(?:[A-Z][\w'’.-]*|(?:19|20)\d\d[a-z]?|et|al\.?|and|in|of|the|for|on|pp\.?|[\d–-]+)")


def _citation_only(text: str) -> bool:
    """Whether ``text`` (an item's words before a bare address, its links taken out) is at most a citation —
    authors, year, venue — and punctuation, so the address is the item's own."""
    return all(_CITATION_WORD.fullmatch(w.rstrip(".")) for w in re.findall(r"[^\s()\[\],;:&—–·|*_]+", text))


def _other_ids(content: str) -> tuple[str | None, str | None]:
    """(arXiv id, DOI) of the first link of an item that names one and is not labelled as other material (a
    dataset, code): "[Title](project page) [arXiv](…)"; else of its first bare address that names one."""
    for m in _ANY_LINK.finditer(content):
        if _MATERIAL_WORD.match(m.group(1)):
            continue
        _, _, arxiv, doi = link_ids(m.group(2))
        if arxiv or doi:
            return arxiv, doi
    text = _ANY_LINK.sub(" ", content)
    for m in _BARE_ADDRESS.finditer(text):  # "[Title](notes) (Quill, 2025) https://arxiv…"
        if not _citation_only(text[: m.start()]):
            break  # "[ResNet](notes) — compare with https://arxiv…": another paper's address
        _, _, arxiv, doi = link_ids(m.group(0).rstrip(".,;:"))
        if arxiv or doi:
            return arxiv, doi
    return None, None


def _item_paper(content: str, line: int, heading: str | None, source: str) -> Paper | str | None:
    """The paper a list item names; None when it names none, else what could not be read."""
    content = _badges_out(content)
    if _FIELD_ITEM.match(content.strip()):
        return None  # "Reviewer: [ada](…)": a field of the paper above, no paper
    found = _item_link(content)
    if not isinstance(found, tuple):
        return found
    tail = _BARE_ADDRESS.sub(" ", found[1]).rstrip()  # "(Quill et al., 2025) https://arxiv…": the citation
    title, authors, year, venue, named_arxiv, cited = _reference_parts(found[0], *_split_authors(found[0], tail))
    href = found[2]
    if venue is None and (closing := _CLOSING_LINK.search(content)) and written_reference(found[0]) is not None:
        label = _plain(closing.group(1)).strip(" .")  # "Quill et al. (2022) Title. [Widget Science.](…)"
        venue = label if label and not _LABEL_WORD.match(label) and len(label.split()) <= 6 else None
    _, url, arxiv, doi = link_ids(href) if href else ("", None, None, None)
    arxiv = arxiv or named_arxiv
    if not (arxiv or doi):  # the title's link is a project page: the id another link of the item gives
        arxiv, doi = _other_ids(content)
    material = no_paper_address(url) and not authors and not _NOTES_PAGE.search(url or "")  # no person, no notes
    material = material or event_title(title) and not authors  # "[2nd Workshop on …](site)": an event
    if not (arxiv or doi) and (heading and MEDIA_HEADING.match(heading) or material):
        return None  # an item under "Videos", "Code", "Tools", or linking a repository, a talk, a post: no paper
    title = quotes_at_ends(re.sub(r"^(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1$", r"\2", title.strip()))  # '[**"Title"**](…)'
    if arxiv and (bare := _ID_SUFFIX.sub("", title)) and bare != title and arxiv in title:
        title = bare  # "[Title (arXiv 2401.01234)](…)": the paper's own id, no part of its title
    heading_year = int(heading) if heading and re.fullmatch(r"(?:19|20)\d{2}", heading) else None
    if year and arxiv_id_month(arxiv):  # a bare year never replaces the id's month, whether it agrees with it or not
        year = None
    if len(title.split()) < 2 and ":" not in title and not (arxiv or doi) and not (authors and (year or heading_year)):
        opening = _OPENS_WITH_LINK.match(content.strip())
        if opening is not None and not _LABEL_WORD.match(opening.group(1)):
            return None  # "Contributing", a one-word link: no paper ("BERT" linking to arXiv is one)
        return f"no title beside the link ({title!r})"
    extra: dict[str, object] = {}
    if href and (url is None or _NOTES_PAGE.search(url)):  # the group's notes on the paper, not the paper
        extra["notes_link"], url = href, None
    if year:
        extra["date_precision"] = "year"
    if heading_year:  # "## 2024" over the items: perhaps the papers' year (_date_by_headings)
        extra[_YEAR_HEADING] = heading_year
    if venue and (ref := written_reference(found[0])) is not None and ref.venue == venue and ref.numbers:
        extra["csl"] = dict(ref.numbers)  # an MLA venue's volume, issue and pages ("Journal 4.2 (2025): 11-19")
    if cited or authors and drop_et_al(content)[1]:  # "Vaswani et al., 2017", "(Hoppe et al.)"
        extra["more_authors"] = True
    tags = [heading] if heading and not _LIST_HEADING.match(heading) and not is_period_heading(heading) else []
    return check_paper(
        Paper(
            title=title,
            authors=authors,
            arxiv_id=arxiv,
            doi=doi,
            url=safe_url(url),
            journal_ref=venue,
            published=_item_day(content, arxiv) or (dt.date(year, 1, 1) if year else None),
            tags=tags,
            sources=[SourceRecord(SOURCE_KIND, location=source, record=f"line {line}")],
            extra=extra,
        )
    )


def _item_day(content: str, arxiv: str | None) -> dt.date | None:
    """The day written with an item ("(2023.12.05)"): the paper's date when it is in its arXiv id's month or later
    (a day before the id's month is some other event's)."""
    m = DAY_DATE.search(content)
    if m is None:
        return None
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    month = arxiv_id_month(arxiv)
    return day if month is None or day >= month[0] else None


# the paper's arXiv id in brackets closing its title: "Title (arXiv 2401.01234)", "Title [2401.01234v2]"
_ID_SUFFIX = re.compile(r"\s*[(\[]\s*(?:arxiv\s*[:.]?\s*)?\d{4}\.\d{4,5}(?:v\d+)?\s*[)\]]\s*$", re.I)
_YEAR_HEADING = "_year_heading"
# a page of what someone read, and when: "What I read", "Papers I've read", "Read in 2024", "Reading log", "Paper
# diary", "Log"; not a list of papers to read ("Must-read papers", "Papers to read") nor "Log-linear models"
_LOG_HEADING = re.compile(
    r"\b(?:(?:I|I've|we|we've)\s+(?:have\s+)?read|read\s+in|reading\s+(?:log|diary|journal|history))\b"
    r"|^(?:log|diary)\Z|\b(?:my|paper|papers|reading|research|daily|weekly|monthly)\s+(?:log|diary)\b(?!-)",
    re.I,
)


def _date_by_headings(papers: list[Paper], headings: list[str]) -> list[Paper]:
    """The papers, those undated under a year heading dated by it ("## 2024" over an arXiv year's papers) only when
    the headings read as the papers' years: not on a log of reading ("# What I read" / "## 2024") nor when an item
    dated on its own is years away from its heading's year (a 1948 paper under "## 2024"): those are the years of
    reading. One item far from its heading among many near theirs (an ICLR 2020 list linking an arXiv id of 2018)
    undates nothing: the headings lose when at least as many items dated on their own are far as are near."""
    years = {id(p): int(p.extra.pop(_YEAR_HEADING)) for p in papers if _YEAR_HEADING in p.extra}
    log = any(_LOG_HEADING.search(h.strip()) for h in headings if not re.fullmatch(r"(?:19|20)\d{2}", h))
    own = {id(p): day.year for p in papers if id(p) in years and (day := p.published or _id_day(p.arxiv_id))}
    far = sum(abs(year - years[key]) > 1 for key, year in own.items())
    if log or (far and far >= len(own) - far):
        return papers
    return [
        p
        if id(p) not in years or id(p) in own
        else dataclasses.replace(p, published=dt.date(years[id(p)], 1, 1), extra={**p.extra, "date_precision": "year"})
        for p in papers
    ]


def _id_day(arxiv: str | None) -> dt.date | None:
    month = arxiv_id_month(arxiv)
    return month[0] if month else None


def _opening_line(content: str) -> str:
    """The first line of a list item's text, joined with the lines a link opened on it runs onto
    ("[A Title That Wraps" / "Onto a Second Line](link)"): the whole link, not a title cut at the break; and with
    the next line when it opens with the citation's year in brackets ("(1978): note")."""
    lines = content.split("\n")
    line, rest = lines[0], lines[1:]
    while rest and (line.count("[") > line.count("]") or _OPEN_HREF.search(line)):
        line = f"{line} {rest.pop(0).strip()}"
    if rest and _YEAR_AFTER_LINK.match(rest[0]):
        line = f"{line} {rest[0].strip()}"  # "Lamport, [Title](…)" / "  (1978): note": the citation's year below
    return line


_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
_CLOSING_YEAR = re.compile(r"[\s,]*[(（]\s*((?:19|20)\d{2})[a-z]?\s*[)）]\s*\.?$|,\s*((?:19|20)\d{2})\.?$")


def _byline_below(content: str) -> tuple[list[str], int | None] | None:
    """(the authors, the year) a list item gives on the line below its title's line ("Ada Quill and Bo Renn and
    Cleo Sato (2023)<br />"): names only, several of them or one with a year; None for any other line."""
    lines = content.split("\n")
    line, k = lines[0], 1
    while k < len(lines) and (line.count("[") > line.count("]") or _OPEN_HREF.search(line)):
        line, k = f"{line} {lines[k]}", k + 1  # the title's link wrapping onto the next line
    if k >= len(lines):
        return None
    text = " ".join(re.sub(r"\*\*|__|[*_`]", "", _BREAK_TAG.sub(" ", lines[k])).split()).strip(" .;")
    year = _CLOSING_YEAR.search(text)
    names_text = text[: year.start()].strip(" ,") if year else text
    if not names_text or "[" in names_text or "://" in names_text or not _is_names(names_text):
        return None
    names = presenters(names_text)
    return (names, int(year.group(1) or year.group(2)) if year else None) if len(names) >= 2 or year else None


def _with_byline(paper: Paper, authors: list[str], year: int | None) -> Paper:
    """``paper`` with the authors of the line below its title, and their year where it has no date."""
    if year is None or paper.published is not None:
        return dataclasses.replace(paper, authors=authors)
    extra = {**paper.extra, "date_precision": "year"}
    return dataclasses.replace(paper, authors=authors, published=dt.date(year, 1, 1), extra=extra)


def parse_paper_list(text: str, source: str = "") -> list[Paper]:
    """The papers of a markdown paper list, in order (see the module's documentation); an item with a link
    whose paper cannot be read is named, with its line, in a :class:`~paperlab.errors.PartialImportWarning`.

    Raises
    ------
    ParseError
        If no list item names a paper.
    """
    tokens = MarkdownIt("commonmark").parse(resolve_reference_links(text))
    papers: list[Paper] = []
    problems = ProblemCollector(source)
    heading: str | None = None
    headings: list[str] = []
    item_line: int | None = None
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and i + 1 < len(tokens):
            heading = " ".join(tokens[i + 1].content.replace("*", "").split()).rstrip(":").strip() or None
            headings += [heading] if heading else []
        elif tok.type == "inline" and tokens[i - 1].level == 0 and (bold := _BOLD_LINE.fullmatch(tok.content.strip())):
            heading = bold.group(1).strip() or None  # "**Data Sources**" alone on its line: the list's heading
        elif tok.type == "list_item_open":
            item_line = tok.map[0] + 1 if tok.map else None
        elif tok.type == "inline" and item_line is not None and tokens[i - 1].type == "paragraph_open":
            found = _item_paper(_opening_line(tok.content), item_line, heading, source)
            if isinstance(found, Paper) and not found.authors and (below := _byline_below(tok.content)):
                found = _with_byline(found, *below)  # "**Title** [[Paper](…)]" / "Ada Quill and Bo Renn (2023)"
            if isinstance(found, Paper):
                papers.append(with_title_parts(found))  # "[CVPR 2023] Title", "Title (Quill et al., 2017)"
            elif found is not None:
                problems.add(f"line {item_line}", f"list item not read: {found}")
            item_line = None
    papers = _date_by_headings(papers, headings)
    if not papers:
        raise ParseError(
            "no paper list found: expected a markdown list whose items open with a link naming a paper, "
            "'1. [Title](https://arxiv.org/abs/...)', authors in brackets after the title",
            source=source,
            problems=problems.problems,
        )
    return problems.finish(papers)


def read_paper_list(path: str | Path) -> list[Paper]:
    """Read a markdown paper list file (:func:`parse_paper_list`)."""
    return parse_paper_list(read_text(path), source=str(path))

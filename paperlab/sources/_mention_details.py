"""What the generic paper finder (:mod:`._mentions`) reads around a paper besides its title and ids: its authors
(a field, a column, a byline), its year and venue, the meeting's day and presenters; and the paper it makes of them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from ..names import names_organisation, split_et_al
from ..paper import Paper, SourceRecord
from ._cited_rows import cited_row
from ._md_references import cited_head, names_then_title, reference_parts, title_venue_year
from ._md_title_parts import cited_in, venue_in, with_title_parts
from ._mention_items import apa_byline, labelled_address, parent_item, title_and_venue
from ._mention_lines import LINK, Line, plain
from ._mention_refs import item_reference, paragraph_reference
from ._schedule_cells import CellPaper, parse_day

__all__ = [
    "paragraph_citation",
    "BLOCK",
    "SOURCE_KIND",
    "Found",
    "bibtex_title",
    "block_start",
    "field_value",
    "paper_of",
]

SOURCE_KIND = "paper_list"  # papers a markdown file lists, found by the generic finder (extra["found_by"])

_AUTHOR_FIELD = re.compile(r"^\W*(?:authors?|作者)\W*[:：]\s*(.+)$", re.I)
_YEAR_FIELD = re.compile(r"^\W*(?:year|年份|发表年份)\W*[:：]\D*((?:19|20)\d{2})\b", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_YEAR_HEADING = re.compile(r"^\W*((?:19|20)\d{2})\W*$")  # a heading that is a year: the year of the papers under it
_DATE_FIELD = re.compile(r"^\W*(?:date|published|publication date|日期|发布日期)\W*[:：]\s*(.+)$", re.I)
_YEAR_VENUE = re.compile(r"\s*\(\s*((?:19|20)\d{2})\s*(?:,\s*([^()<>|]{1,40}?))?\s*\)")  # "(2019, TACL)"
_PREPRINT = re.compile(r"^(?:arxiv|preprint|arxiv preprint|biorxiv|medrxiv|ssrn)$", re.I)
_NAME = re.compile(r"^[A-Z\u00c0-\u024f][\w'’.\u00c0-\u024f-]*(?:\s+[A-Z\u00c0-\u024f][\w'’.\u00c0-\u024f-]*){1,3}$")
# a byline's part that names no person: a venue, an award, a label or an institution's word, or an acronym ("ICLR")
_NOT_A_PERSON = re.compile(
    r"\b(?:oral|spotlight|poster|page|release|research|systems?|conference|workshop|proceedings|symposium|journal|"
    r"transactions|letters|track|award|best|paper|code|project|demo|video|slides|highlight|accepted|findings|"
    r"processing|information|neural|learning|international|annual|institute|university|lab|laboratory|team|"
    r"group|center|centre|school|department|google|brain|deepmind|microsoft|openai|facebook|nvidia|amazon|alibaba|"
    r"tencent|baidu|huawei)\b",
    re.I,
)
_ACRONYM = re.compile(r"\b[A-Z]{2,}s?\b")
# a person's name: a given name or an initial, then a family name ("Ada Quill", "A. Quill", "Yann LeCun")
_PERSON = re.compile(
    r"^(?:[A-Z\u00c0-\u024f](?=\S*[a-z\u00df-\u024f])[\w'’\u00c0-\u024f-]+|[A-Z]\.?)(?:\s+\S+)*"
    r"\s+[A-Z\u00c0-\u024f](?=\S*[a-z\u00df-\u024f])[\w'’\u00c0-\u024f-]+$"
)
_AUTHOR_COLUMN = re.compile(r"author|作者", re.I)
_YEAR_COLUMN = re.compile(r"^(?:year|年份|年)$", re.I)
_DATE_COLUMN = re.compile(r"^(?:date|day|日期|when)$", re.I)
_PRESENTER_COLUMN = re.compile(
    r"^(?:presenters?|speakers?|leaders?|leading|led by|discussion leads?|主讲人?|报告人)$", re.I
)
_PRESENTER_FIELD = re.compile(r"^\W*(?:presenters?|speakers?|presented by|led by|主讲人?)\W*[:：]\s*(.+)$", re.I)


@dataclass
class Found:
    title: str
    lines: list[int] = field(default_factory=list)
    arxiv_id: str | None = None
    doi: str | None = None
    url: str | None = None
    ref: CellPaper | None = None  # the reference its line writes out (authors, year, venue), when read already
    weak: bool = False  # an id-less title the classifier doubts: a paper only in a list that is mostly papers


def field_value(lines: list[Line], start: int, end: int, pattern: re.Pattern[str]) -> str | None:
    for line in lines[start:end]:
        m = pattern.match(plain(line.text))
        if m:
            return m.group(1).strip()
    return None


# a BibTeX entry written in a note (in a fenced code block or not): its first line and its title field
_BIBTEX_START = re.compile(r"^\s*@\w+\s*\{")
_BIBTEX_TITLE = re.compile(r"^\s*title\s*=\s*[{\"]+(?P<title>[^{}\"]+?)[}\"]+\s*,?\s*$", re.I)


def bibtex_title(lines: list[Line], i: int) -> str:
    """The title field of the BibTeX entry line ``i`` is in (``@article{Key,`` … ``title = {{Title}},`` … ``}``),
    wherever the field stands in the entry; "" when the line is in no entry."""
    start = next((j for j in range(i, max(-1, i - BLOCK), -1) if _BIBTEX_START.match(lines[j].raw)), None)
    if start is None:
        return ""
    for line in lines[start + 1 : start + BLOCK]:
        if _BIBTEX_START.match(line.raw) or line.raw.strip() in ("}", "```", "~~~"):
            return ""
        if m := _BIBTEX_TITLE.match(line.raw):
            return " ".join(m.group("title").split())
    return ""


def block_start(lines: list[Line], i: int) -> int:
    """First line of the part of the file a line belongs to: its heading, else its quote block or paragraph; at
    most :data:`BLOCK` lines up (a paper's fields are near it, and a long list is read in linear time)."""
    h = lines[i].heading
    if h is not None and i - h <= BLOCK:
        return h
    j = i
    while (
        j > max(0, i - BLOCK)
        and lines[j - 1].kind != "heading"
        and not (lines[j - 1].kind == "blank" and lines[j].kind != "quote")
    ):
        j -= 1
    return j


BLOCK = 30


# a label alone on its line, a sub-heading or bold: "##### Authors:", "**Author(s)**", "作者："
_AUTHORS_LABEL = re.compile(r"^\W*(?:authors?|author\(s\)|作者)\W*[:：]?\W*$", re.I)


def _authors_under_label(lines: list[Line], i: int) -> list[str]:
    """The names on the lines under an "Authors:" label (a sub-heading or a bold line alone) that follows a paper's
    heading or line ``i`` before any other heading of the paper's level: "### [Title](…)" / "##### Authors:" /
    "Ada Quill, Bo Renn" / "Cy Sato"."""
    level = lines[i].level if lines[i].kind == "heading" else 7
    for j in range(i + 1, min(len(lines), i + 4)):
        if lines[j].kind == "heading" and lines[j].level <= level or not _AUTHORS_LABEL.match(plain(lines[j].text)):
            continue
        names = []
        for line in lines[j + 1 : j + 8]:
            if line.kind not in ("text", "item") or not line.text.strip():
                break
            names.append(line.text.strip())
        return _authors(", ".join(names))
    return []


def _authors(text: str | None) -> list[str]:
    """Names of an authors field or cell, when every part reads as a person's name."""
    if not text:
        return []
    parts = [p.strip() for p in re.split(r"\s*(?:[,;，；、]|\band\b|&)\s*", plain(text)) if p.strip()]
    parts = [p for p in parts if not re.fullmatch(r"et\.?\s*al\.?|others|等.*", p, re.I)]
    return parts if parts and all(_NAME.match(p) for p in parts) else []


@dataclass
class _Details:
    authors: list[str] = field(default_factory=list)
    year: int | None = None  # the paper's year
    meeting: dt.date | None = None  # the day of the row or heading it is listed under (a meeting's, a digest's)
    presenters: list[str] = field(default_factory=list)
    venue: str | None = None
    more_authors: bool = False  # a citation's "et al."
    day: dt.date | None = None  # the paper's day, from a "Date:" sub-item of its list item
    tags: list[str] = field(default_factory=list)  # an awesome list's section over its nested bullets


def _children(lines: list[Line], i: int) -> list[Line]:
    """The sub-items of list item ``i`` right under it ("- [Title](…)" / "    - Ada Quill, Bo Renn" / "    - 📅 Date:
    March 27, 2026"), at most :data:`BLOCK`."""
    out = []
    for line in lines[i + 1 : i + 1 + BLOCK]:
        if line.kind == "blank":
            continue
        if line.kind != "item" or i not in line.parents:
            break
        out.append(line)
    return out


def _sub_byline(children: list[Line]) -> list[str]:
    """The names of a paper's first sub-item when it is only people's names."""
    text = _BY.sub("", children[0].text.strip().strip("*_")) if children else ""  # "By Ada Quill and Bo Dale"
    names = _authors(split_et_al(text)[0]) if text else []
    return names if names and _people(names) else []


_BY = re.compile(r"^(?:by|authors?\s*[:：])\s+", re.I)


def _row_details(line: Line) -> _Details:
    cells = dict(zip(line.header, line.cells, strict=False))

    def column(pattern: re.Pattern[str]) -> str | None:
        return next((v for k, v in cells.items() if pattern.search(k) and v.strip()), None)

    year = _YEAR.search(column(_YEAR_COLUMN) or "")
    details = _Details(
        authors=_authors(column(_AUTHOR_COLUMN)),
        year=int(year.group(1)) if year else None,
        meeting=parse_day(column(_DATE_COLUMN) or ""),
        presenters=_authors(column(_PRESENTER_COLUMN)),
    )
    if (cited := cited_row(line)) is not None:  # "| Elijah | An et al. 2024 | AAAI 2024 |"
        details.authors, details.more_authors = details.authors or cited.authors, cited.more_authors
        details.year, details.venue = details.year or cited.year, cited.venue
    return details


def _after_link(details: _Details, line: Line, found: Found) -> _Details:
    """A row's year and venue written right after a paper's link ("[Title](link) (2019, TACL)") for a paper
    without an arXiv id (an arXiv id dates it to the month); a venue "arXiv" is none."""
    at = line.raw.find(f"]({found.url})") if found.url and not found.arxiv_id and not details.year else -1
    m = _YEAR_VENUE.match(line.raw, at + len(f"]({found.url})")) if at >= 0 else None
    if m:
        venue = m.group(2).strip() if m.group(2) else None
        details.year, details.venue = (
            int(m.group(1)),
            details.venue or (venue if venue and not _PREPRINT.match(venue) else None),
        )
    return details


def _details(lines: list[Line], found: Found) -> _Details:
    """What the row, list item or section of a paper gives besides its title and ids."""
    first = lines[found.lines[0]]
    if first.kind == "row" and first.header:
        return _after_link(_row_details(first), first, found)
    ref = item_reference(first) or paragraph_reference(lines, found.lines[0])  # over the item's lines, too
    if ref is not None and ref.title == found.title:  # a reference written out
        ref_year = None if found.arxiv_id else ref.year  # a bare year never replaces the id's month
        return _Details(authors=ref.authors, year=ref_year, venue=ref.venue, more_authors=ref.more_authors)
    if (parent := paper_bullet(lines, found.lines[0])) is not None:  # "* Title" / "  * Authors" / "  * address"
        return _parent_details(lines, parent, found.arxiv_id)
    named = bool(found.arxiv_id or found.doi or found.url)  # an id-less title has no fields around it
    start = block_start(lines, found.lines[0]) if named else found.lines[0]
    end = max(found.lines) + 1
    while named and end < len(lines) and lines[end].kind != "heading" and end - start < BLOCK:
        end += 1
    year = field_value(lines, start, end, _YEAR_FIELD)
    heading = first.heading
    children = _children(lines, found.lines[0]) if first.kind == "item" else []
    return _Details(
        authors=_authors(field_value(lines, start, end, _AUTHOR_FIELD))
        or _authors_under_label(lines, found.lines[0])
        or _byline(lines, found.lines[0])
        or _sub_byline(children),
        year=int(year) if year else None,
        day=next(
            (d for ln in children if (m := _DATE_FIELD.match(plain(ln.text))) and (d := parse_day(m.group(1)))), None
        ),
        meeting=parse_day(plain(lines[heading].text)) if heading is not None else None,
        presenters=_authors(field_value(lines, start, end, _PRESENTER_FIELD)),
    )


_ADDRESS_IN = re.compile(r"https?://|\]\(|\bdoi\s*:|\barxiv\s*:", re.I)
_NOT_A_NOTE = re.compile(r"\b(?:19|20)\d{2}\b|\bet\.?\s*al\b")  # a reference written out, a byline
_YEAR_ONLY = re.compile(r"^\W*(?P<year>(?:19|20)\d{2})\W*$")  # a sub-bullet giving the paper's year alone


def paper_bullet(lines: list[Line], i: int) -> int | None:
    """For a sub-bullet ``i`` giving only a paper's address, the bullet above it when that is the paper's: each of
    its sub-bullets is a byline (:func:`_bullet_byline`), an address or a labelled address ("Code: https://…");
    else None (a topic's bullet over references written out: see :mod:`._mention_items`)."""
    parent = parent_item(lines, i)
    if parent is None:
        return None
    fields = [c for c in _children(lines, parent) if c.parents[-1] == parent]
    if all(labelled_address(c.text) or _bullet_byline(c)[0] or _YEAR_ONLY.match(plain(c.text)) for c in fields):
        return parent  # "  - By Ada Quill and Bo Dale" / "  - 2021" / "  - [arXiv](…)": its fields
    # one address and notes about the paper ("- [ ] Title (2019)" / "  - https://…pdf" / "  - Why it matters"):
    # a note names no address of its own; a topic's bullet over references gives each its own
    addresses = [c for c in fields if labelled_address(c.text)]
    notes = [
        c
        for c in fields
        if not labelled_address(c.text)
        and (not _ADDRESS_IN.search(c.text) and not _NOT_A_NOTE.search(c.text) or _bullet_byline(c)[0])
    ]
    return parent if len(addresses) == 1 and len(addresses) + len(notes) == len(fields) else None


def _bullet_byline(child: Line) -> tuple[list[str], int | None]:
    """The authors and year of a sub-bullet of people's names ("Ada Quill, Bo Dale" or "Quill, A., & Dale, B.
    (2016).")."""
    if (apa := apa_byline(child.text)) is not None:
        return apa
    return _sub_byline([child]), None


def _parent_details(lines: list[Line], parent: int, arxiv_id: str | None) -> _Details:
    """A nested bullet's paper: the authors and year of its byline sub-bullet (an arXiv id's month stands over
    the year), the venue after its title."""
    heading = lines[parent].heading  # a section ("### Camera Traps"), not the page's title ("# Awesome …")
    section = plain(lines[heading].text).strip() if heading is not None and lines[heading].level > 1 else ""
    section = "" if re.fullmatch(r"\W*(?:papers?|reading list|readings|contents)\W*", section, re.I) else section
    details = _Details(venue=title_and_venue(plain(lines[parent].text))[1], tags=[section] if section else [])
    for child in _children(lines, parent):
        names, year = _bullet_byline(child)
        if names and not details.authors:
            details.authors, details.year = names, None if arxiv_id else (year or details.year)
        elif (alone := _YEAR_ONLY.match(plain(child.text))) and not arxiv_id and details.year is None:
            details.year = int(alone.group("year"))
    return details


_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
_BYLINE_YEAR = re.compile(r"[\s,]*[(（]\s*(?:19|20)\d{2}[a-z]?\s*[)）]\s*\.?\s*$")  # a byline's closing "(2023)"


def _byline(lines: list[Line], i: int) -> list[str]:
    """The names on a line of the paper's list item right below its title ("_Ada Quill, Omar Dale_"); for a paper
    on a paragraph line, the paragraph line of names right above it ("**Ada Quill, Bo Renn**", "Cai Lune et al.")."""
    item = lines[i].item
    if item is None and lines[i].kind == "text":
        # the nearest line with words ("<br>" between the names and the address is none)
        above = next((ln for ln in reversed(lines[max(0, i - 4) : i]) if ln.kind != "blank" and plain(ln.text)), None)
        names = _authors(split_et_al(above.text.strip().strip("*_"))[0]) if above and above.kind == "text" else []
        return names if names and _people(names) else []
    for k, line in enumerate(lines[i + 1 : i + 3]):
        lazy = k == 0 and line.kind == "text" and line.item is None  # the item's paragraph going on, unindented
        if item is None or (line.item != item and not lazy) or line.kind == "item":
            break
        text = _BYLINE_YEAR.sub("", _BREAK_TAG.sub(" ", line.text)).strip().strip("*_")  # "A and B (2023)<br />"
        names = _authors(text)
        if names and _people(names):
            return names
    return []


def _people(names: list[str]) -> bool:
    """Whether the parts of a byline read as people's names: none an organisation ("Microsoft Research Asia"), a
    venue or a label ("ICLR Oral", "Code Release") or an acronym, and one at least shaped "Ada Quill" or "A. Quill"."""
    if any(names_organisation(n) or _NOT_A_PERSON.search(n) or _ACRONYM.search(n) for n in names):
        return False
    return any(_PERSON.match(n) for n in names)


def _split(found: Found, details: _Details, raw: str = "") -> tuple[str, _Details]:
    """The title and details of a paper whose title text is a whole reference ("Quill & Renn - Title (from blog)",
    "Quill, Ada. Title. Press, 2002.", "Title (Widget Letters, 2017)"): its title part, its authors, year, venue;
    ``raw``, the line as written, gives the title its emphasis marks ("Ada Quill. *Title.* Venue, 1979.")."""
    single = found.ref or (None if details.authors else reference_parts(found.title)) or title_venue_year(found.title)
    named = _emphasised_reference(found.title, single.title if single else found.title, raw)
    better = named is not None and (single is None or named.title != single.title or not single.year and named.year)
    ref = named if better else single
    if ref is None:
        return found.title, details
    return ref.title, dataclasses.replace(
        details,
        authors=details.authors or ref.authors,
        year=details.year or (None if found.arxiv_id else ref.year),  # a bare year never replaces the id's month
        venue=details.venue or ref.venue,
        more_authors=details.more_authors or ref.more_authors,
    )


def _emphasised_reference(text: str, title: str, raw: str) -> CellPaper | None:
    """The reference of a paragraph whose emphasised title follows its authors (:func:`names_then_title`), when
    the finder's text (``text``; ``title``, the title read from it) is that paragraph's, a title cut at a line's
    end ('"Statistical understanding of') or no text of the paragraph at all (a section heading above a citation
    whose id stands on a later line)."""
    named = names_then_title(_ITEM_MARK.sub("", raw)) if any(mark in raw for mark in '*_"“') else None
    if named is None:
        return None
    cut = title.strip(' "“*_')
    said = " ".join(plain(raw).split())
    return named if named.title in text or cut and named.title.startswith(cut) or text not in said else None


def _opens_emphasis(text: str) -> bool:
    return text.count("*") % 2 == 1 or text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def paragraph_citation(lines: list[Line], i: int) -> str:
    """For a paragraph line naming a paper's address after its reference ("**Rubin, D. B. (1976). *Title*. Venue.**"
    / "<https://doi.org/…> — through the library."), the emphasised title the paragraph cites; "" for any other."""
    if lines[i].kind != "text":
        return ""
    cited = names_then_title(_paragraph(lines, i))
    return cited.title if cited is not None else ""


def _paragraph(lines: list[Line], i: int) -> str:
    """Line ``i`` as written, within its paragraph: from the paragraph's first line (up to eight above) when the id
    stands on a later one, and on to the lines it wraps onto while an emphasis or a quote it opens is not closed
    ('*"Quark and lepton' / 'masses in the landscape,"* Phys. Rev. D …')."""

    def same(line: Line) -> bool:
        return line.kind == "text" and line.item == lines[i].item and bool(line.text.strip())

    first = i
    while first > max(0, i - 8) and lines[i].kind == "text" and lines[first].kind == "text":
        if not (same(lines[first - 1]) or first - 1 == lines[i].item):
            break
        first -= 1  # back to the paragraph's first line, or the list item the line continues
    text = " ".join(ln.text.strip() for ln in lines[first : i + 1])
    text = " ".join([text, *lines[i].wraps])
    for line in lines[i + 1 : i + 4]:
        if not _opens_emphasis(text) or not (same(line) or line.item == i):
            break
        text = f"{text} {line.text.strip()}"
    return text


def cited_cell(line: Line, label: str) -> list[str] | None:
    """The authors a table cell names before the link titled ``label`` ("Bühler, Gonon and Wood, [Deep
    Hedging](…)", "Imaki et al., [Title](…)"): the link's text is then the paper's title; None for any other row."""
    if line.kind != "row":
        return None
    for cell in line.cells:
        for m in LINK.finditer(cell):
            before = cell[: m.start()]
            if plain(m.group(1)).strip("\"“”' ") == label and (head := cited_head(before, family_only=True)):
                return head[0]
    return None


_DASHED_NAME = re.compile(r"^\s*[—–]|[—–]\s*$")
_OPENING_BRACKET = re.compile(
    r"^[\s\"“”'*_]*(\([^()]{3,120}\))[.,;]?\s*(?:[—–-]|https?://|$)"
)  # then a dash, its address
_ITEM_MARK = re.compile(r"^\s*(?:[-*+]|\d{1,4}[.)])\s+")


def paper_of(lines: list[Line], found: Found, source: str) -> Paper:
    title, details = _split(found, _details(lines, found), _paragraph(lines, found.lines[0]))
    after = plain(lines[found.lines[0]].text).partition(title)[2].strip(' .,;–—-"”’»*_')  # "[Title](…) (Quill, 2024)"
    if details.authors and any(_DASHED_NAME.search(a) for a in details.authors):
        details.authors = []  # "**ResNet** — "Title" (He et al., 2015)": the nickname before the dash is no author
    if opening := _OPENING_BRACKET.match(after):
        after = opening.group(1)  # '" (He et al., 2015) — [arXiv:…](…)': the citation right after the title
    if not details.authors and (named := cited_cell(lines[found.lines[0]], title)):
        details.authors = named  # "| Quill and Renn, [Title](…) | note |"
    read_as_venue = bool(details.venue) and after.startswith(
        details.venue or ""
    )  # "Title, Widget & Gadget Letters, 2003"
    if not details.authors and title and not read_as_venue and (cited := cited_in(after)):
        details.authors, details.year = cited[0], details.year or (None if found.arxiv_id else cited[1])
        if details.venue and after in details.venue:
            details.venue = None  # the citation is no venue: "(He et al., 2015) —"
    elif title and not details.year and (tagged := venue_in(after)):  # "[Title](…) (Nature, 2021)"
        details.venue, details.year = details.venue or tagged[0], None if found.arxiv_id else tagged[1]
    heading = lines[found.lines[0]].heading
    undated = not found.arxiv_id  # an arXiv id dates its paper; a publication list's entry, an id-less title do not
    if undated and not (details.year or details.day) and heading is not None:
        if year := _YEAR_HEADING.match(lines[heading].text):
            details.year = int(year.group(1))  # "## 2023" over "**[11]** Quill, A., …, Title."
    extra: dict[str, object] = {"found_by": "generic paper finder"}
    if details.year and not details.day:
        extra["date_precision"] = "year"
    if details.meeting:
        extra["meeting_date"] = details.meeting.isoformat()
    if details.presenters:
        extra["presenters"] = details.presenters
    if details.more_authors:
        extra["more_authors"] = True
    return with_title_parts(
        Paper(
            title=title,
            authors=details.authors,
            journal_ref=details.venue,
            arxiv_id=found.arxiv_id,
            doi=found.doi,
            url=found.url,
            published=details.day or (dt.date(details.year, 1, 1) if details.year else None),
            tags=details.tags,
            sources=[SourceRecord(SOURCE_KIND, location=source, record=f"line {lines[found.lines[0]].number}")],
            extra=extra,
        )
    )  # "Title (Quill et al., 2017)", "Quill — *Title*": the title alone

"""The generic paper finder: papers named anywhere in a markdown or HTML-ish file, whatever its layout.

It is the fallback of the markdown readers (:func:`paperlab.load` uses it when a file's layout reader refuses it or
finds fewer papers) and reads no layout of its own:

* every arXiv id (an arxiv.org abs/pdf/html/ftp address, ``arXiv:2501.01234``, ``arXiv 2501.01234`` in a
  ``<span>``, an attribute that is only an id, a bare ``2501.01234v2`` that no other address holds), DOI (a
  resolver or publisher address, ``doi:``), link to OpenReview, the ACL Anthology, PMLR, NeurIPS proceedings or
  Semantic Scholar, and any PDF address is a paper, titled by the best text near it: the link's text (a label
  such as "arXiv" or "PDF" is none), the row's title cell, the line's bold, italic or quoted span, the line's
  own words, the list item it hangs under, a ``Title:`` / ``Paper:`` field of its block, the heading above it
  (its numbering dropped; mentions titled by one heading are one paper);
* lines without any id (list items, table cells) are papers only when the title classifier
  (:mod:`._title_lines`) says they read as a paper's title, so topics, weeks, chapters and speakers are not;
* a year and authors (a field or column) are the paper's; presenters (a column or field) and the day of its row
  or of the heading above are the meeting's (``extra["presenters"]``, ``extra["meeting_date"]``).

A mention with no title near it is named, with its line, in the problems returned beside the papers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from ..errors import ImportProblem
from ..identifiers import DOI_IN_TEXT, arxiv_id_value
from ..names import names_organisation, split_et_al
from ..paper import Paper, SourceRecord
from ..urls import safe_url
from . import _mention_lines
from ._cited_rows import cited_row
from ._mention_lines import ARXIV_LABELLED, BARE_URL, IMAGE, LINK, Line, plain, spans, structure, usable_title
from ._schedule_cells import is_material_url, parse_day
from ._title_lines import is_paper_title, title_score

__all__ = ["SOURCE_KIND", "find_papers", "find_papers_both"]

SOURCE_KIND = "paper_list"  # papers a markdown file lists, found by the generic finder (extra["found_by"])

_ARXIV_URL = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf|html|ftp/arxiv/papers/\d{4})|huggingface\.co/papers)/(\d{4}\.\d{4,5})(?:v\d+)?", re.I
)  # a Hugging Face paper page is named by its arXiv id
_BARE_ID = re.compile(r"(?<![\w./-])(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?(?![\d\w]|\.\d)")
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(\d{4}\.\d{4,5})", re.I)
_VENUE_URL = re.compile(
    r"https?://(?:www\.)?(?:openreview\.net/(?:forum|pdf)\?id=[\w-]+|aclanthology\.org/[\w.-]+"
    r"|aclweb\.org/anthology/[\w.-]+(?:/[\w.-]+)?"
    r"|proceedings\.mlr\.press/v\d+/[\w.-]+|(?:papers\.nips\.cc|proceedings\.neurips\.cc|papers\.neurips\.cc)/paper"
    r"[^\s)\]<>\"']*|(?:api\.)?semanticscholar\.org/paper/[\w/-]+)",
    re.I,
)
# a link whose text is a badge image (shields.io, a "badge" address): its target, group 1
_BADGE_LINK = re.compile(r"\[\s*!\[[^\]]*\]\([^()\s]*(?:shields\.io|badge)[^()\s]*\)\s*\]\(([^()\s]+)\)", re.I)
_PDF_URL = re.compile(r"https?://[^\s)\]<>\"'|]+?\.pdf(?![\w/])", re.I)
_DOI_TAIL = re.compile(r"(?:[?#].*|/(?:pdf|full|abstract|epdf)/?|\.pdf)$", re.I)
_TITLE_FIELD = re.compile(r"^\W*(?:title|paper|论文|题目|标题|論文)\W*[:：]\s*(.+)$", re.I)
_AUTHOR_FIELD = re.compile(r"^\W*(?:authors?|作者)\W*[:：]\s*(.+)$", re.I)
_YEAR_FIELD = re.compile(r"^\W*(?:year|年份|发表年份)\W*[:：]\D*((?:19|20)\d{2})\b", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
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
# a heading naming a part of notes, not a paper ("## Takeaways", "## Related work", "### Readings")
_NOTES_HEADING = re.compile(
    r"^\W*(?:(?:key\s+)?takeaways?|(?:open\s+)?questions?|notes?|(?:one-line\s+)?summary|tl;?dr|"
    r"related(?:\s+work|\s+papers)?|references?|links?|see\s+also|further\s+reading|resources|discussion|"
    r"(?:(?:required|optional|suggested|recommended|additional|background)\s+)?(?:readings?|papers?)|reading\s+list)"
    r"\W*$",
    re.I,
)
# the name written right before an id's parenthesis ("Also related: Linformer (arXiv:2006.04768)": "Linformer")
_NAME_RUN = re.compile(
    r"(?<![\w'’.-])[A-Z0-9][\w'’.+-]*(?:\s+(?:(?:of|for|with|and|in|on|the|a|an|to|via|from|is|are|by)\s+)*"
    r"[A-Z0-9][\w'’.+-]*)*\s*$"
)
# an id (marked \x00) inside a sentence: small words on both sides ("see \x00 on this", "the follow-up, \x00, is")
_IN_PROSE = re.compile(r"(?:^|[\s(,;])[a-z][\w'-]*[\s,;:(]*\x00(?:v\d+)?[\s,;:)]*[a-z]")
_ID_LEFT = re.compile(r"[(\[]?\s*\x00(?:v\d+)?\s*[)\]]?")  # the place of an id, with its brackets
_OPENED = re.compile(r"\(\s*(?:(?:arxiv|doi)\s*[:：]?\s*|https?://\S*)?$", re.I)
_TITLE_COLUMN = re.compile(r"title|题目|标题|名称|^(?:paper|papers|论文|reading|readings)$", re.I)
_AUTHOR_COLUMN = re.compile(r"author|作者", re.I)
_YEAR_COLUMN = re.compile(r"^(?:year|年份|年)$", re.I)
# a link's text naming material that is no paper
_MATERIAL = re.compile(
    r"(?:^|\W)(?:slides?|notes?|lecture|handouts?|homework|hw|assignment|syllabus|video|recording|code|poster|agenda|"
    r"worksheet|exercises?|solutions?|book|chapter|ch\.?|manual|docs?|documentation|tutorial)\b",
    re.I,
)
# a list item that is a field of a paper's block: "**Abstract:** …", "Venue: …"
_FIELD_LABEL = re.compile(r"^\s*(?:\*\*|__)[^*_]{1,40}?(?:[:：]\s*(?:\*\*|__)|(?:\*\*|__)\s*[:：])")
_FIELD_WORD = re.compile(
    r"^(?:abstract|authors?|venue|year|summary|keywords?|tags?|themes?|published|links?|code|notes?|contributions?|"
    r"key contributions?|tl;?dr|motivation|method|results?|date|presenters?|speakers?|affiliations?|institution|"
    r"categor(?:y|ies)|comments?|作者|摘要|机构|关键词|年份)\s*[:：]",
    re.I,
)
# a heading naming a course unit: the items below it are topics
_UNIT_HEADING = re.compile(
    r"^\W*(?:week|wk|lecture|lec|unit|module|session|day|class|chapter|第.{1,3}[章周节讲课])\b", re.I
)
_DATE_COLUMN = re.compile(r"^(?:date|day|日期|when)$", re.I)
_PRESENTER_COLUMN = re.compile(
    r"^(?:presenters?|speakers?|leaders?|leading|led by|discussion leads?|主讲人?|报告人)$", re.I
)
_PRESENTER_FIELD = re.compile(r"^\W*(?:presenters?|speakers?|presented by|led by|主讲人?)\W*[:：]\s*(.+)$", re.I)


@dataclass
class _Mention:
    line: int  # index into the lines
    arxiv_id: str | None = None
    doi: str | None = None
    url: str | None = None
    label: str | None = None  # the link's text
    title: str = ""
    by_heading: bool = False
    badge: bool = False  # the link is a badge ("[![arXiv](https://img.shields.io/badge/…)](…)")


@dataclass
class _Found:
    title: str
    lines: list[int] = field(default_factory=list)
    arxiv_id: str | None = None
    doi: str | None = None
    url: str | None = None


def _ids_of_url(url: str) -> _Mention | None:
    """The paper an address names: an arXiv id, a DOI, a proceedings page, a PDF; None for any other address."""
    m = _ARXIV_URL.search(url)
    if m:
        return _Mention(0, arxiv_id=m.group(1), url=url)
    doi_match = DOI_IN_TEXT.search(url)
    if doi_match and not doi_match.group(0).startswith("10/"):
        doi = _DOI_TAIL.sub("", doi_match.group(0)).rstrip(".,;:)")
        m = _ARXIV_DOI.match(doi)
        return _Mention(0, arxiv_id=m.group(1), url=url) if m else _Mention(0, doi=doi, url=url)
    if (_VENUE_URL.match(url) or _PDF_URL.fullmatch(url)) and not is_material_url(url):
        return _Mention(0, url=url)  # a PDF of a book's pages ("…/books/…pdf") is none
    return None


def _line_mentions(index: int, line: Line) -> list[_Mention]:
    """The papers one line names: in its links, its bare addresses and ids, its tags' attributes."""
    found: list[_Mention] = []
    badges = {m.group(1) for m in _BADGE_LINK.finditer(line.raw)}
    raw = IMAGE.sub(lambda m: m.group(1), line.raw)  # a badge inside a link: "[![arXiv](badge)](link)"
    for m in LINK.finditer(raw):
        mention = _ids_of_url(m.group(2))
        before = raw[max(0, m.start() - 25) : m.start()]
        if mention and not (mention.arxiv_id or mention.doi) and _is_material(plain(m.group(1)), before):
            continue  # "[slides](…/01.pdf)", "slides: [pdf](…)": a PDF, but not a paper
        if mention:
            mention.label = plain(m.group(1)).strip("\"“”' ")
            mention.badge = m.group(2) in badges
            found.append(mention)
    rest = plain(LINK.sub(lambda m: f"[{m.group(1)}]", raw))
    for m in BARE_URL.finditer(rest):
        mention = _ids_of_url(m.group(0).rstrip(".,;:"))
        if mention:
            found.append(mention)
    words = BARE_URL.sub(" ", rest)
    named = {m.group(1) for m in ARXIV_LABELLED.finditer(words)} | {m.group(1) for m in _BARE_ID.finditer(words)}
    named |= {v.split("v")[0] for a in line.attrs if (v := arxiv_id_value(a.replace("arXiv ", "")))}
    if any(m.label and usable_title(m.label) for m in found):
        # a line whose link names its paper: other ids written in its text are works it cites ("overlap with
        # arXiv:2311.08149" in a comment), not papers of the list
        return _placed(index, found)
    found += [_Mention(0, arxiv_id=i) for i in sorted(named)]
    for m in DOI_IN_TEXT.finditer(words):
        if m.group(0).startswith("10.") and not _ARXIV_DOI.match(m.group(0)):
            found.append(_Mention(0, doi=_DOI_TAIL.sub("", m.group(0)).rstrip(".,;:)")))
    return _placed(index, found)


def _is_material(label: str, before: str) -> bool:
    """Whether a link's text, or a label just before it ("slides: [pdf](…)"), names material that is no paper."""
    if _MATERIAL.match(label):
        return True
    return not usable_title(label) and bool(_MATERIAL.search(before.rsplit("](", 1)[-1].split("|")[-1]))


def _placed(index: int, found: list[_Mention]) -> list[_Mention]:
    for mention in found:
        mention.line = index
    return found


def _field(lines: list[Line], start: int, end: int, pattern: re.Pattern[str]) -> str | None:
    for line in lines[start:end]:
        m = pattern.match(plain(line.text))
        if m:
            return m.group(1).strip()
    return None


def _block_start(lines: list[Line], i: int) -> int:
    """First line of the part of the file a line belongs to: its heading, else its quote block or paragraph; at
    most :data:`_BLOCK` lines up (a paper's fields are near it, and a long list is read in linear time)."""
    h = lines[i].heading
    if h is not None and i - h <= _BLOCK:
        return h
    j = i
    while (
        j > max(0, i - _BLOCK)
        and lines[j - 1].kind != "heading"
        and not (lines[j - 1].kind == "blank" and lines[j].kind != "quote")
    ):
        j -= 1
    return j


_BLOCK = 30


def _row_title(line: Line) -> str:
    return _row_title_cell(line)[0]


def _row_title_cell(line: Line) -> tuple[str, str]:
    """(the row's title, the cell it is read from): a title column's cell, else its longest cell with a title."""
    columns = [k for k, name in enumerate(line.header) if _TITLE_COLUMN.search(name)]
    cells = [line.cells[k] for k in columns if k < len(line.cells)]
    cells += sorted((c for c in line.cells if not BARE_URL.fullmatch(c.strip())), key=len, reverse=True)
    return next(((t, c) for c in cells if (t := usable_title(LINK.sub(_shown_label, c)))), ("", ""))


def _label_titles_row(line: Line, mention: _Mention, label: str) -> bool:
    """Whether a link's text titles its paper in a row whose title cell holds the link: the cell starts with it
    ("[Title](link) (2018, TACL) · [Card](…)": the rest is the paper's year, venue and material), or the cell names
    several papers by labelled links (a cell of papers is no one title)."""
    title, cell = _row_title_cell(line)
    if not mention.url or f"]({mention.url})" not in cell:
        return False
    if title.casefold().startswith(label.casefold()):
        return True
    labelled = [m for m in LINK.finditer(cell) if usable_title(m.group(1)) and _ids_of_url(m.group(2))]
    return len(labelled) > 1


def _shown_label(m: re.Match[str]) -> str:
    """A link as its text, unless the text only labels it ("Paper", "Slides", "PDF 2")."""
    return "" if not usable_title(m.group(1)) else m.group(1)


def _title_on_line(line: Line, mention: _Mention) -> str:
    label = usable_title(mention.label)
    if line.kind == "row":  # a row's link names its paper only when it reads as a title ("citation" does not)
        if label and (title_score(label) >= 0.5 or _label_titles_row(line, mention, label)):
            return label
        return _row_title(line)
    if label:
        return label
    for span in spans(line.text):
        if not span.rstrip().endswith((":", "：")) and (title := usable_title(span)):
            return title
    if line.kind in ("item", "heading", "quote"):
        text = IMAGE.sub(lambda m: m.group(1), line.text)  # "[![arXiv](badge)](link)": the badge's link, its alt
        words = BARE_URL.sub(" ", plain(LINK.sub(lambda m: "" if _ids_of_url(m.group(2)) else m.group(1), text)))
        words = _BARE_ID.sub("\x00", ARXIV_LABELLED.sub("\x00", words)).replace("|", " ")
        if _IN_PROSE.search(words):
            return ""  # "see arXiv:2401.01234 on this": a sentence about the paper, no title of it
        if not words.rstrip().endswith((":", "：")):
            return usable_title(_ID_LEFT.sub(" ", words))
    ident = mention.arxiv_id or mention.doi
    if line.kind == "text" and ident and (title := _mention_lines.titled_before(line.text, ident)):
        return title if title_score(title) >= 0.5 else ""
    return ""


def _title_for(
    lines: list[Line], mention: _Mention, headings: bool = True, refused: frozenset[int] = frozenset()
) -> None:
    """Set the mention's title from the best text near it (see the module's docstring); the heading above it
    only when ``headings``, and never a ``refused`` one (the name before the id's parenthesis, else the id)."""
    line = lines[mention.line]
    title = _title_on_line(line, mention)
    for parent in reversed(line.parents if line.kind == "item" else ([line.item] if line.item is not None else [])):
        if title or parent == mention.line:
            break
        title = _title_on_line(lines[parent], _Mention(parent))
    start = _block_start(lines, mention.line)
    if not title:
        title = usable_title(_field(lines, start, mention.line + 1, _TITLE_FIELD))
    if not title and headings and line.heading in refused and line.heading != mention.line:
        title = _prose_title(line, mention) or _id_title(mention)
    elif not title and headings and line.heading is not None and line.heading != mention.line:
        heading = lines[line.heading]
        title = usable_title(LINK.sub(lambda m: m.group(1), heading.text))
        mention.by_heading = bool(title)
    labelled = _TITLE_FIELD.match(title) if title else None  # "Paper: Title" on the item above the links
    mention.title = (usable_title(labelled.group(1)) or title) if labelled else title


def _refused_headings(lines: list[Line], mentions: list[_Mention]) -> frozenset[int]:
    """Headings that title no paper: a part of notes ("## Takeaways"), and the file's one level-1 heading when it
    names more than one paper (the notes' own title, "# Notes on efficient attention")."""
    refused = {i for i, ln in enumerate(lines) if ln.kind == "heading" and _NOTES_HEADING.match(plain(ln.text))}
    tops = [i for i, ln in enumerate(lines) if ln.kind == "heading" and ln.level == 1]
    if len(tops) == 1 and len({_key(m) for m in mentions}) > 1:
        refused.add(tops[0])
    return frozenset(refused)


def _prose_title(line: Line, mention: _Mention) -> str:
    """The name written right before the parenthesis holding the mention's id ("Linformer (arXiv:2006.04768)")."""
    ident = mention.arxiv_id or mention.doi
    text = plain(LINK.sub(lambda m: f" {m.group(2)} ", line.text))
    at = text.find(ident) if ident else -1
    opened = _OPENED.search(text[:at]) if at > 0 else None
    run = _NAME_RUN.search(text[: opened.start()]) if opened else None
    return usable_title(run.group(0)) if run else ""


def _id_title(mention: _Mention) -> str:
    """The id a paper is named by when no text near it titles it ("arXiv:2009.14794")."""
    return f"arXiv:{mention.arxiv_id}" if mention.arxiv_id else f"doi:{mention.doi}" if mention.doi else ""


def _what(m: _Mention) -> str:
    return f"arXiv {m.arxiv_id}" if m.arxiv_id else f"DOI {m.doi}" if m.doi else m.url or ""


def _key(m: _Mention) -> str:
    return f"a:{m.arxiv_id}" if m.arxiv_id else f"d:{m.doi.lower()}" if m.doi else f"u:{m.url}"


def _unit(lines: list[Line], m: _Mention) -> tuple[str, int]:
    line = lines[m.line]
    if m.by_heading:
        return ("heading", line.heading or 0)
    if line.kind == "item" or line.item is not None:
        root = line.parents[0] if line.kind == "item" and line.parents else line.item
        return ("item", root if root is not None else m.line)
    return ("line", m.line)


def _group(lines: list[Line], mentions: list[_Mention]) -> list[_Found]:
    """One paper per id; mentions of one unit (a list item, a heading's section) under one title are one paper."""
    found: list[_Found] = []
    by_key: dict[object, _Found] = {}
    for m in mentions:
        unit = (_unit(lines, m), m.title.casefold()) if not m.by_heading else _unit(lines, m)
        paper = by_key.get(_key(m)) or by_key.get(unit)
        if paper is not None and m.arxiv_id and paper.arxiv_id not in (None, m.arxiv_id):
            paper = by_key.get(_key(m))  # two arXiv ids under one title are two papers ("Paper 1", "Paper 2")
        if paper is None:
            paper = _Found(m.title)
            found.append(paper)
        elif paper.title == _id_title(m):  # a badge named by its id, then a link titling the paper
            paper.title = m.title
        by_key.setdefault(_key(m), paper)
        by_key.setdefault(unit, paper)
        paper.lines.append(m.line)
        paper.arxiv_id = paper.arxiv_id or m.arxiv_id
        paper.doi = paper.doi or (m.doi if not m.arxiv_id else None)
        if m.url and (paper.url is None or m.arxiv_id and "arxiv.org" not in (paper.url or "")):
            paper.url = safe_url(m.url)
    return found


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


def _after_link(details: _Details, line: Line, found: _Found) -> _Details:
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


def _details(lines: list[Line], found: _Found) -> _Details:
    """What the row, list item or section of a paper gives besides its title and ids."""
    first = lines[found.lines[0]]
    if first.kind == "row" and first.header:
        return _after_link(_row_details(first), first, found)
    named = bool(found.arxiv_id or found.doi or found.url)  # an id-less title has no fields around it
    start = _block_start(lines, found.lines[0]) if named else found.lines[0]
    end = max(found.lines) + 1
    while named and end < len(lines) and lines[end].kind != "heading" and end - start < _BLOCK:
        end += 1
    year = _field(lines, start, end, _YEAR_FIELD)
    heading = first.heading
    return _Details(
        authors=_authors(_field(lines, start, end, _AUTHOR_FIELD)) or _byline(lines, found.lines[0]),
        year=int(year) if year else None,
        meeting=parse_day(plain(lines[heading].text)) if heading is not None else None,
        presenters=_authors(_field(lines, start, end, _PRESENTER_FIELD)),
    )


def _byline(lines: list[Line], i: int) -> list[str]:
    """The names on a line of the paper's list item right below its title ("_Ada Quill, Omar Dale_"); for a paper
    on a paragraph line, the paragraph line of names right above it ("**Ada Quill, Bo Renn**", "Cai Lune et al.")."""
    item = lines[i].item
    if item is None and lines[i].kind == "text":
        above = next((ln for ln in reversed(lines[max(0, i - 3) : i]) if ln.kind != "blank"), None)
        names = _authors(split_et_al(above.text.strip().strip("*_"))[0]) if above and above.kind == "text" else []
        return names if names and _people(names) else []
    for line in lines[i + 1 : i + 3]:
        if item is None or line.item != item or line.kind == "item":
            break
        names = _authors(line.text.strip().strip("*_"))
        if names and _people(names):
            return names
    return []


def _people(names: list[str]) -> bool:
    """Whether the parts of a byline read as people's names: none an organisation ("Microsoft Research Asia"), a
    venue or a label ("ICLR Oral", "Code Release") or an acronym, and one at least shaped "Ada Quill" or "A. Quill"."""
    if any(names_organisation(n) or _NOT_A_PERSON.search(n) or _ACRONYM.search(n) for n in names):
        return False
    return any(_PERSON.match(n) for n in names)


def _paper(lines: list[Line], found: _Found, source: str) -> Paper:
    details = _details(lines, found)
    extra: dict[str, object] = {"found_by": "generic paper finder"}
    if details.year:
        extra["date_precision"] = "year"
    if details.meeting:
        extra["meeting_date"] = details.meeting.isoformat()
    if details.presenters:
        extra["presenters"] = details.presenters
    if details.more_authors:
        extra["more_authors"] = True
    return Paper(
        title=found.title,
        authors=details.authors,
        journal_ref=details.venue,
        arxiv_id=found.arxiv_id,
        doi=found.doi,
        url=found.url,
        published=dt.date(details.year, 1, 1) if details.year else None,
        sources=[SourceRecord(SOURCE_KIND, location=source, record=f"line {lines[found.lines[0]].number}")],
        extra=extra,
    )


def _not_a_title_line(lines: list[Line], i: int, named: set[int], one_paper: set[int | None]) -> bool:
    """A line the id-less reading skips: one holding or under a mention, a field (``**Abstract:** …``), a line of
    a section that is one paper's (its heading names the paper), or of a course unit's ("## Week 3: …")."""
    line = lines[i]
    if i in named or line.kind not in ("item", "row") or line.heading in one_paper:
        return True
    if line.kind == "item" and any(p in named for p in line.parents):
        return True
    if _FIELD_LABEL.match(line.text) or _FIELD_WORD.match(plain(line.text)) or "](#" in line.text:
        return True
    return line.heading is not None and bool(_UNIT_HEADING.match(plain(lines[line.heading].text)))


def _id_less(lines: list[Line], named: set[int], one_paper: set[int | None], shaped: bool = True) -> list[_Found]:
    """List items and table rows naming no id whose text the title classifier reads as a paper's title, and rows
    naming a paper by its method and a citation ("| Elijah | An et al. 2024 |"); only the latter when not
    ``shaped``."""
    found: list[_Found] = []
    for i, line in enumerate(lines):
        if _not_a_title_line(lines, i, named, one_paper):
            continue
        if line.kind == "row" and line.header and (cited := cited_row(line)) is not None:
            found.append(_Found(cited.title, [i]))
            continue
        if not shaped:
            continue
        text = _row_title(line) if line.kind == "row" else usable_title(line.text)
        if text and is_paper_title(text, lines, i):
            found.append(_Found(text, [i]))
    return found


def find_papers(
    text: str, source: str, *, id_less: bool = True, beside_layout: bool = False
) -> tuple[list[Paper], list[ImportProblem]]:
    """The papers ``text`` names anywhere, and the mentions left out (a link with no title near it).

    Parameters
    ----------
    text : str
        A markdown or HTML-ish file's text.
    source : str
        The file's name, for the papers' source records and the problems.
    id_less : bool
        Also read list items and table rows without any id that the title classifier takes for titles.
    beside_layout : bool
        Read only the credible papers a layout reader may have missed: no id-less titles, no badge links, no
        title taken from a heading (the page's own, a keyword's).
    """
    lines = structure(text)
    mentions = [m for i, line in enumerate(lines) if line.kind != "blank" for m in _line_mentions(i, line)]
    return _read(lines, mentions, source, id_less, beside_layout)


def find_papers_both(text: str, source: str) -> tuple[list[Paper], list[ImportProblem], list[Paper]]:
    """Both looks of the finder beside a layout reader that found papers, from one reading of the file: the papers
    named by an id or address (:func:`find_papers` with ``id_less=False``), its problems, and the credible ones it
    may add outside the layout (``beside_layout=True``)."""
    lines = structure(text)
    mentions = [m for i, line in enumerate(lines) if line.kind != "blank" for m in _line_mentions(i, line)]
    papers, problems = _read(lines, [dataclasses.replace(m) for m in mentions], source, False, False)
    beside, _ = _read(lines, mentions, source, False, True)
    return papers, problems, beside


def _read(
    lines: list[Line], mentions: list[_Mention], source: str, id_less: bool, beside_layout: bool
) -> tuple[list[Paper], list[ImportProblem]]:
    """The papers of :func:`find_papers` from the file's lines and the mentions on them (titled here)."""
    kept: list[_Mention] = []
    untitled: list[_Mention] = []
    refused = _refused_headings(lines, mentions)
    for m in mentions:
        if beside_layout and m.badge:
            continue  # a badge is the page's ornament, not one of its papers
        _title_for(lines, m, headings=not beside_layout, refused=refused)
        (kept if m.title else untitled).append(m)
    titled = {_key(m) for m in kept}  # a paper titled by another mention of it (a badge, then its link) is kept
    problems = [
        ImportProblem(source, f"line {lines[m.line].number}", f"{_what(m)}: no title near it")
        for m in untitled
        if _key(m) not in titled
    ]
    found = _group(lines, kept)
    named = {i for f in found for i in f.lines} | {m.line for m in mentions}
    named |= {p for m in mentions for p in lines[m.line].parents}
    one_paper = {lines[m.line].heading for m in kept if m.by_heading or lines[m.line].kind == "heading"}
    titles = {f.title.casefold() for f in found}
    shaped = id_less and not beside_layout  # title-like lines too, not only rows citing their paper
    found += [f for f in _id_less(lines, named, one_paper, shaped) if f.title.casefold() not in titles]
    found.sort(key=lambda f: f.lines[0])
    return [_paper(lines, f, source) for f in found], problems

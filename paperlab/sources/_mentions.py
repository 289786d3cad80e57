"""The generic paper finder: papers named anywhere in a markdown or HTML-ish file, whatever its layout.

It is the fallback of the markdown readers (:func:`paperlab.load` uses it when a file's layout reader refuses it or
finds fewer papers) and reads no layout of its own:

* every arXiv id (an arxiv.org abs/pdf/html/ftp address, ``arXiv:2501.01234``, ``arXiv 2501.01234`` in a
  ``<span>``, an attribute that is only an id, a bare ``2501.01234v2`` that no other address holds), DOI (a
  resolver or publisher address, ``doi:``), link to OpenReview, the ACL Anthology, PMLR, NeurIPS proceedings,
  Semantic Scholar, bioRxiv/medRxiv, Nature, IEEE Xplore or PNAS, and any PDF address is a paper, titled by the best text near it: the link's text (a label
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
import re
from collections import Counter

from ..errors import ImportProblem
from ..paper import Paper
from ..urls import safe_url
from . import _mention_lines
from ._cited_rows import cited_row, work_row
from ._md_bibtex_fences import bibtex_fences
from ._md_digest import bold_digest_items, bylined_items
from ._md_heading_papers import sibling_heading_papers
from ._md_links import resolve_reference_links
from ._md_mention_ids import BARE_ID as _BARE_ID
from ._md_mention_ids import Mention as _Mention
from ._md_mention_ids import ids_of_url as _ids_of_url
from ._md_mention_ids import line_mentions as _line_mentions
from ._md_not_papers import no_paper_address
from ._md_paragraphs import title_paragraphs
from ._md_pdf_names import named_pdf
from ._md_references import (
    dashed_one_name,
    emphasised_byline,
    emphasised_entry,
    field_note,
    names_then_title,
    numbered_reference,
    people_after_a_label,
    reference_parts,
    without_notes_label,
)
from ._md_system_items import system_items
from ._md_title_headings import title_headings
from ._md_title_parts import name_before_note, venue_tag
from ._mention_details import (
    SOURCE_KIND,
    Found,
    bibtex_title,
    block_start,
    cited_cell,
    field_value,
    paper_bullet,
    paper_of,
    paragraph_citation,
)
from ._mention_items import address_only, addresses_below, parent_item, title_and_venue
from ._mention_lines import (
    ARXIV_LABELLED,
    BARE_URL,
    IMAGE,
    LINK,
    MEDIA_HEADING,
    OLD_ARXIV_LABELLED,
    Line,
    anchors_as_links,
    plain,
    spans,
    structure,
    usable_title,
)
from ._mention_lists import book_titles, in_lists_of_papers, written_item
from ._mention_refs import address_name, item_reference, note_title, pdf_item, title_above_links
from ._mention_refs import paragraph_reference as paragraph_reference
from ._schedule_cells import CellPaper
from ._schedule_speakers import person_first_bullets
from ._title_lines import is_paper_title, title_score

__all__ = ["SOURCE_KIND", "find_papers", "find_papers_both"]

_INDEX_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:)[^()\s]*/README\.md\)", re.I)  # a folder's index beside the page
_TITLE_FIELD = re.compile(r"^\W*(?:title|paper|论文|题目|标题|論文)\W*[:：]\s*(.+)$", re.I)
# a heading naming a part of notes, not a paper ("## Takeaways", "## Related work", "### Readings")
_NOTES_HEADING = re.compile(
    r"^\W*(?:(?:key\s+)?takeaways?|(?:open\s+)?questions?|notes?|(?:one-line\s+)?summary|tl;?dr|"
    r"related(?:\s+work|\s+papers)?|references?|links?|see\s+also|further\s+reading|resources|discussion|"
    r"(?:(?:required|optional|suggested|recommended|additional|background)\s+)?(?:readings?|papers?)|reading\s+list|"
    r"(?:[\w-]+\s+){0,2}(?:notes|summaries|takeaways)|(?:阅读|读书|论文)?笔记|感想|总结)"
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
# an id closing a sentence after a small word ("this is close to https://arxiv.org/abs/…"): no title of it
_ENDS_A_SENTENCE = re.compile(
    r"\b(?:to|of|as|in|on|at|with|from|by|see|like|than|and|or|also)\s*[:,]?\s*\x00(?:v\d+)?\W*$", re.I
)
# a note keyed by the id: the id and a short label before a colon, then what is said ("2503.03750 chunk 1: …")
_KEYED_NOTE = re.compile(r"^\W*\x00(?:v\d+)?[^:：\x00]{0,40}[:：]\s*\S")
_WEAK_TITLE = 0.4  # the title classifier's doubt under which a list item is no paper, whatever its list
_ID_LEFT = re.compile(r"[(\[]?\s*\x00(?:v\d+)?\s*[)\]]?")  # the place of an id, with its brackets
_NOTE_AFTER_ID = re.compile(r"(?<=\S)\s*[(\[]\s*\x00(?:v\d+)?\s*[)\]]\s*(?:[-–—|]+\s*\S.{0,40}|[^\w\s]+)$")
_OPENED = re.compile(r"\(\s*(?:(?:arxiv|doi)\s*[:：]?\s*|https?://\S*)?$", re.I)
_TITLE_COLUMN = re.compile(r"title|题目|标题|名称|^(?:paper|papers|论文|reading|readings)$", re.I)
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
# a labelled line of a meeting ("Topic: Widgets", "Host: Ann", "NOTE: room change"), no paper's title
_LABEL_LINE = re.compile(
    r"^\W*(?:topics?|themes?|hosts?|hosted by|presenters?|speakers?|led by|leaders?|week|date|day|time|room|"
    r"location|where|when|notes?|venue|session|meeting|agenda|reading|readings)\b[^:：]{0,20}[:：]",
    re.I,
)
# a line wholly in italics or bold ("*Title*", "__Title__"): group 2 its text
_WHOLE_EMPHASIS = re.compile(r"^\s*(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1\s*$")


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
    if (ref := item_reference(line)) is not None:  # "Quill et al. (2022) Title. [Widget Science.](…)"
        return ref.title  # the link's text is the venue
    if line.kind == "row":  # a row's link names its paper only when it reads as a title ("citation" does not)
        if label and (title_score(label) >= 0.5 or _label_titles_row(line, mention, label) or cited_cell(line, label)):
            return label
        return _row_title(line)
    if label:
        return label
    if line.kind == "item" and line.parents and address_only(line.text):
        return ""  # "- doi:10.…", "- https://arxiv.org/… or http://…" under a bullet: titles nothing
    if line.kind in ("text", "item") and (cited := names_then_title(line.text)) is not None:
        return cited.title  # "**Quill et al. (2021)**, *Title*, doi:…": the emphasised title after the citation
    for span in spans(line.text):  # "**[ICLR'24]** Title": a venue's tag is no title
        if not span.rstrip().endswith((":", "：")) and (title := usable_title(span)) and not venue_tag(title):
            return title
    if line.kind in ("item", "heading", "quote"):
        text = IMAGE.sub(lambda m: m.group(1), line.text)  # "[![arXiv](badge)](link)": the badge's link, its alt
        words = plain(LINK.sub(lambda m: "" if _ids_of_url(m.group(2)) else m.group(1), text))
        words = BARE_URL.sub(lambda m: " \x00 " if _ids_of_url(m.group(0).rstrip(".,;:")) else " ", words)
        words = _BARE_ID.sub("\x00", ARXIV_LABELLED.sub("\x00", OLD_ARXIV_LABELLED.sub("\x00", words))).replace(
            "|", " "
        )
        if _IN_PROSE.search(words) or _ENDS_A_SENTENCE.search(words) or _KEYED_NOTE.match(words):
            return ""  # "see arXiv:2401.01234 on this", "2503.03750 chunk 1 (pp. 1–6): …": about the paper, no title
        words = name_before_note(_NOTE_AFTER_ID.sub("", words))  # "## Title (arXiv …) — verified", "X (…) does"
        if not _ID_LEFT.sub(" ", words).rstrip().endswith((":", "：")):
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
    if mention.pointed:
        return  # "See [the survey](…) for more.": the paper has no title here (reported, or named by its id)
    if line.kind == "item" and mention.label is None and parent_item(lines, mention.line) is not None:
        # a sub-bullet giving only the address: the bullet above titles it when it is the paper's (a byline
        # sub-bullet beside), else nothing does (no heading, no topic bullet): it is reported
        bullet = paper_bullet(lines, mention.line)
        title = _title_on_line(lines[bullet], _Mention(bullet)) if bullet is not None else ""
        mention.title = title_and_venue(title)[0] if title else ""
        return
    ref = paragraph_reference(lines, mention.line)  # "* Quill, A., 2022. Title over" / "  two lines. DOI: […](…)"
    title = ref.title if ref is not None else bibtex_title(lines, mention.line)  # a BibTeX entry's own title
    if not title and mention.line and lines[mention.line - 1].kind == "text" and lines[mention.line - 1].text.strip():
        title = paragraph_citation(lines, mention.line)  # 'P. Quill, "Title over' / 'two lines," *Venue* 3. arXiv:…'
    title = title or _title_on_line(line, mention)
    if not title and line.kind == "text":  # "*Title*" or "Title" above a line of links ("[[paper](…)]")
        title = _emphasis_above(lines, mention.line) or title_above_links(lines, mention.line)
        title = title or paragraph_citation(lines, mention.line)  # "**Quill, A. (1976). *Title*. Venue.**" / "<doi>"
    for parent in reversed(line.parents if line.kind == "item" else ([line.item] if line.item is not None else [])):
        if title or parent == mention.line:
            break
        title = _title_on_line(lines[parent], _Mention(parent))
    start = block_start(lines, mention.line)
    if not title:
        title = usable_title(field_value(lines, start, mention.line + 1, _TITLE_FIELD))
    if not title and headings and line.heading in refused and line.heading != mention.line:
        title = _prose_title(line, mention) or _id_title(mention)
    elif not title and headings and line.heading is not None and line.heading != mention.line:
        heading = lines[line.heading]
        title = without_notes_label(usable_title(LINK.sub(lambda m: m.group(1), heading.text)))
        mention.by_heading = bool(title)
    labelled = _TITLE_FIELD.match(title) if title else None  # "Paper: Title" on the item above the links
    mention.title = (usable_title(labelled.group(1)) or title) if labelled else title


def _emphasis_above(lines: list[Line], i: int) -> str:
    """For a paragraph line that is only an id or address, the nearest line above it in its paragraph that is
    wholly in italics or bold ("*Title*" then "<br>", authors, "<br>", the bare address); a label ("Topic: …",
    "Week 2") is none."""
    words = BARE_URL.sub(" ", plain(lines[i].text))
    if usable_title(_BARE_ID.sub(" ", ARXIV_LABELLED.sub(" ", words))):
        return ""
    for j in range(i - 1, max(-1, i - 6), -1):
        if lines[j].kind != "text":
            return ""
        m = _WHOLE_EMPHASIS.match(lines[j].text)
        if m and not _LABEL_LINE.match(m.group(2)) and not _UNIT_HEADING.match(m.group(2)):
            return usable_title(m.group(2))
    return ""


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


def _bare_address_item(line: Line) -> bool:
    """A top-level list item that is only a paper's address, with no title near it (see :mod:`._mention_refs`)."""
    shown = all("://" in m.group(1) for m in LINK.finditer(line.text))  # "[https://…](https://…)"; not "[PDF](…)"
    return line.kind == "item" and not line.parents and shown and address_only(line.text)


def _bare_address_lines(lines: list[Line]) -> set[int]:
    """The lines of a page that lists papers by their addresses alone, one a paragraph ("https://journals.plos.org/
    …?id=10.1371/…" / blank / "https://doi.org/…"): each such line, when there are two or more; else none."""
    found = {
        i
        for i, line in enumerate(lines)
        if line.kind == "text"
        and all("://" in m.group(1) for m in LINK.finditer(line.text))
        and address_only(line.text)
        and all(lines[j].kind == "blank" for j in (i - 1, i + 1) if 0 <= j < len(lines))
    }
    return found if len(found) >= 2 else set()


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
    start = m.line
    while line.kind == "text" and start > 0 and lines[start - 1].kind == "text":
        start -= 1  # a paragraph's lines of links under its title are one paper's ("[[pdf](…)]" / "[[arXiv](…)]")
    return ("line", start)


def _group(lines: list[Line], mentions: list[_Mention]) -> list[Found]:
    """One paper per id; mentions of one unit (a list item, a heading's section) under one title are one paper."""
    found: list[Found] = []
    by_key: dict[object, Found] = {}
    for m in mentions:
        unit = (_unit(lines, m), m.title.casefold()) if not m.by_heading else _unit(lines, m)
        paper = by_key.get(_key(m)) or by_key.get(unit)
        if paper is not None and m.arxiv_id and paper.arxiv_id not in (None, m.arxiv_id):
            paper = by_key.get(_key(m))  # two arXiv ids under one title are two papers ("Paper 1", "Paper 2")
        if paper is None:
            paper = Found(m.title)
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
    if line.kind == "item" and addresses_below(lines, i):
        return True  # "* Widget Annotator (WA)" over "  * https://github.com/…": a tool's home page, no paper
    if line.kind == "row" and _INDEX_LINK.search(line.text):
        return True  # "| [Widget Routing](./topics/Widget-Routing/README.md) | 5 |": a topic's index, no paper
    heading = plain(lines[line.heading].text) if line.heading is not None else ""
    return bool(heading) and bool(_UNIT_HEADING.match(heading) or MEDIA_HEADING.match(heading))


def _id_less(lines: list[Line], named: set[int], one_paper: set[int | None], shaped: bool = True) -> list[Found]:
    """List items and table rows naming no id whose text the title classifier reads as a paper's title, and rows
    naming a paper by its method and a citation ("| Elijah | An et al. 2024 |"); only the latter when not
    ``shaped``."""
    found: list[Found] = []
    bylines = {i: b for i, line in enumerate(lines) if line.kind == "item" and (b := emphasised_byline(line.text))}
    listed = Counter((lines[i].heading, tuple(lines[i].parents)) for i in bylines)
    authored = _person_first(lines)
    for i, line in enumerate(lines):
        if shaped and i not in named and (document := pdf_item(line)):  # "- **File** : Sparse_Widgets.pdf"
            found.append(Found(document, [i]))
            continue
        if i not in named and (kept := named_pdf(line)):  # "| [Quill et al - 2021](…2021 - Title.pdf) |"
            found.append(Found(kept.title, [i], url=safe_url(kept.url), ref=kept))
            continue
        if shaped and i not in named and (ref := numbered_reference(line) or emphasised_entry(lines, i)):
            found.append(Found(ref.title, [i], ref=ref))  # "**[12]** Quill, A., …", "1. Authors," / "**Title**"
            continue
        if shaped and i not in named and (written := written_item(lines, i, named)):
            found.append(written)  # "- Ada Quill. *Title.* Venue 12(3), 1979.", perhaps wrapped
            continue
        if _not_a_title_line(lines, i, named, one_paper):
            continue
        if shaped and i in authored:  # "[Ada Quill](wiki), Widget Lab: *Title*" in a list of such: hers
            found.append(Found(authored[i][1], [i], ref=CellPaper(authored[i][1], authors=[authored[i][0]])))
            continue
        if line.kind == "item" and people_after_a_label(line.text):
            continue  # "- Weekly sync — Ada Quill, Bo Dale": a meeting and its people, no paper
        if line.kind == "item" and any(f.lines[0] in line.parents for f in found[-8:]):
            continue  # "* [Title](…)" / "    * Introduces some basic techniques": notes on the paper above, no paper
        addresses = [m.group(2) for m in LINK.finditer(line.text)]
        if addresses and all(no_paper_address(a) for a in addresses):
            continue  # "* [Signal Processing Course](https://www.youtube.com/…)": a video, a repository, no paper
        if line.kind == "row" and line.header and (cited := cited_row(line)) is not None:
            found.append(Found(cited.title, [i]))
            continue
        if shaped and line.kind == "row" and line.header and (work := work_row(line)) is not None:
            found.append(Found(work.title, [i], ref=work))  # '| Akerlof, "Market for Lemons" |': a work, its author
            continue
        if not shaped:
            continue
        byline = bylines.get(i)  # "*Title* by Ada Quill", two such items in a list at least, or a title by itself
        if byline is not None and (
            listed[(line.heading, tuple(line.parents))] >= 2 or is_paper_title(byline.title, lines, i)
        ):
            found.append(Found(byline.title, [i], ref=byline))
            continue
        text = _row_title(line) if line.kind == "row" else usable_title(_mention_lines.wrapped_text(line))
        if text and (is_paper_title(text, lines, i) or line.kind == "item" and reference_parts(text) is not None):
            ref = item_reference(line)  # "Quill et al. (2022) Title. [Widget Science.](…)": its title, its page
            found.append(Found(ref.title, [i], url=safe_url(ref.url)) if ref else Found(text, [i]))
        elif text and line.kind == "item" and is_paper_title(text, lines, i, threshold=_WEAK_TITLE):
            found.append(Found(text, [i], weak=True))  # "1. Sakana Widget Technical Report" among titles
    books, marked = book_titles(lines, named)  # "1. 《Title》- note": the book, not the line's text
    found = sorted([f for f in found if f.lines[0] not in marked] + books, key=lambda f: f.lines[0])
    return in_lists_of_papers(lines, found, named)


def _person_first(lines: list[Line]) -> dict[int, tuple[str, str]]:
    """{line: (the person, the title)} of the list items written person first ("Bo Renn (Gadget U) — *Title*"),
    two in a list at least: a schedule reader takes such a list for talks unless its heading calls them papers,
    so the finder, reading them, reads papers by their persons."""
    lists: dict[tuple[int | None, tuple[int, ...]], list[int]] = {}
    for i, line in enumerate(lines):
        if line.kind == "item":
            lists.setdefault((line.heading, tuple(line.parents)), []).append(i)
    return {k[n]: v for k in lists.values() for n, v in person_first_bullets([lines[i].text for i in k]).items()}


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
    fenced, lost, text = bibtex_fences(text, source) if not beside_layout else ([], [], text)  # "```bibtex" blocks
    lines = structure(anchors_as_links(resolve_reference_links(text), source))
    mentions = [m for i, line in enumerate(lines) if line.kind != "blank" for m in _line_mentions(i, line)]
    papers, problems = _read(lines, mentions, source, id_less, beside_layout)
    return fenced + papers, lost + problems


def find_papers_both(
    text: str, source: str, in_passing: bool = False
) -> tuple[list[Paper], list[ImportProblem], list[Paper]]:
    """Both looks of the finder beside a layout reader that found papers, from one reading of the file: the papers
    named by an id or address (:func:`find_papers` with ``id_less=False``), its problems, and the credible ones it
    may add outside the layout (``beside_layout=True``); ``in_passing`` (a note on one paper): also the arXiv ids,
    DOIs and addresses it names in passing with no title near them ("very similar to https://arxiv.org/abs/…"),
    titled by their id."""
    lines = structure(anchors_as_links(resolve_reference_links(text), source))
    mentions = [m for i, line in enumerate(lines) if line.kind != "blank" for m in _line_mentions(i, line)]
    papers, problems = _read(lines, [dataclasses.replace(m) for m in mentions], source, False, False)
    beside, _ = _read(lines, mentions, source, False, True, in_passing)
    return papers, problems, beside


def _read(
    lines: list[Line],
    mentions: list[_Mention],
    source: str,
    id_less: bool,
    beside_layout: bool,
    in_passing: bool = False,
) -> tuple[list[Paper], list[ImportProblem]]:
    """The papers of :func:`find_papers` from the file's lines and the mentions on them (titled here)."""
    kept: list[_Mention] = []
    untitled: list[_Mention] = []
    refused = _refused_headings(lines, mentions)
    lone = _bare_address_lines(lines)
    for m in mentions:
        if beside_layout and m.badge:
            continue  # a badge is the page's ornament, not one of its papers
        _title_for(lines, m, headings=not beside_layout, refused=refused)
        if in_passing and not m.title and not m.badge and lines[m.line].kind != "row":
            m.title = _id_title(m)  # "very similar to https://arxiv.org/abs/…" in a note: that paper, by its id
        if not m.title and not m.badge and (_bare_address_item(lines[m.line]) or m.line in lone):
            m.title = address_name(m.url, m.arxiv_id, m.doi)  # "* https://arxiv.org/pdf/1804.07875.pdf": that paper
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
    named |= {i for m in kept if paragraph_reference(lines, m.line) and (i := lines[m.line].item) is not None}
    one_paper = {lines[m.line].heading for m in kept if m.by_heading or lines[m.line].kind == "heading"}
    titles = {f.title.casefold() for f in found}
    if not beside_layout:  # "### EvoVec: Title" / "doi" beside "### LIVE — Title" / "[authors to check]"
        papers_headings = {h for h in one_paper if h is not None}
        headed = [f for f in sibling_heading_papers(lines, papers_headings) if f.title.casefold() not in titles]
        found, one_paper = found + headed, one_paper | {f.lines[0] for f in headed}
    shaped = id_less and not beside_layout  # title-like lines too, not only rows citing their paper
    found += [f for f in _id_less(lines, named, one_paper, shaped) if f.title.casefold() not in titles]
    if beside_layout:  # a digest's overview of bold titles above the tables: "1. **Title**  " / "   summary"
        found += [f for f in bold_digest_items(lines, named) if f.title.casefold() not in titles]
    if not shaped:  # "*Title* by Ada Quill" items: papers also where no title-like line is read (beside a layout)
        found += [f for f in bylined_items(lines, named) if f.title.casefold() not in titles]
    if not beside_layout:  # "**Name** — Authors, *Venue Year*": papers known by a system's name
        found += [
            f for f in system_items(lines, named) if f.title.casefold() not in {x.title.casefold() for x in found}
        ]
    if not found and shaped and not mentions and (noted := note_title(lines)) is not None:
        found = [Found(noted[0], [noted[1]])]  # "# Nearly-Optimal Regret in Dueling Widgets" over notes on it
    if not found and shaped and not mentions:  # "# Topic" / "Title of a paper (a note)" / "Another Title"
        found = title_paragraphs(lines) or title_headings(lines, source)  # "## Title" / notes, on a literature page
    if not found and not beside_layout and not mentions and (fields := field_note(lines)) is not None:
        found = [Found(fields[0].title, [fields[1]], ref=fields[0])]  # "Title: Software Widgets" / "Author: Ada"
    found.sort(key=lambda f: f.lines[0])
    _one_name_authors(lines, found)
    return [paper_of(lines, f, source) for f in found], problems


def _one_name_authors(lines: list[Line], found: list[Found]) -> None:
    """In a list whose items are mostly references with their authors ("Quill & Renn - Title (from blog)"), an
    item naming one word before the dash ("Gittins - Title (…)") is a reference by that author too."""
    key = {id(f): (lines[f.lines[0]].heading, tuple(lines[f.lines[0]].parents)) for f in found}
    referenced = Counter(key[id(f)] for f in found if f.ref is not None or reference_parts(f.title) is not None)
    for f in found:
        if f.ref is None and referenced[key[id(f)]] >= 2 and reference_parts(f.title) is None:
            f.ref = dashed_one_name(f.title)

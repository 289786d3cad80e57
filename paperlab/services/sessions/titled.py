"""Notes that name their papers by title, with no presenter line and often no id: where each paper is named.

The kinds read, in this order of trust:

* a title field: "Title: ...", "Paper: ...", "**论文**: ...", "标题：...", "- **Paper title:** ..." (in a bullet or a
  blockquote too); a field whose value is the authors takes the title from the italic or quoted line under it;
* a numbered paper heading: "## Paper 1: Title";
* a heading that names a paper with evidence: an arXiv id or DOI on it ("## Name (arXiv 2406.09827)"), a citation
  with a quoted title ('### Guo et al., "Title" (ICML 2017)'), author / year / arXiv fields right under it, or a
  "Citation" sub-heading;
* the title headings under a venue-and-year heading ("# AAAI 2022" then "## Title" per paper);
* a heading saying what the notes are about: "Notes: Title", "Notes on "Title"", "Title paper notes", "Title 论文阅读笔记",
  'Paper notes — Radford et al. (2018), "Title"' (only when nothing above is found);
* the one title heading of a one-paper note, or a plain note's first line, shaped like a title.

A section heading ("Abstract", "Method", "Results", "摘要", "1. Problem and core idea") is never a paper. More than
:data:`MAX_TITLED` papers named by headings is a paper list, not notes: none is read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...text import fenced_lines
from .fields import heading_level, is_placeholder, labelled, paper_line, plain, split_authors

__all__ = ["MAX_TITLED", "TitledPaper", "titled_papers"]

#: the most papers a note names by headings; more is a paper list (read with paperlab.load), not notes
MAX_TITLED = 30


@dataclass
class TitledPaper:
    """A paper the notes name by title: where (0-based ``line``; its notes are ``lines[start:end]``) and what the
    notes say of it."""

    title: str
    line: int
    start: int
    end: int
    authors: list[str] = field(default_factory=list)
    venue: str | None = None
    year: int | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    url: str | None = None
    how: str = ""  # field, numbered, heading, venue, about, title


_SECTION = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:abstract|introduction|intro|background|motivation|methods?|methodology|approach|"
    r"results?|experiments?|experimental\s+setup|evaluation|discussion|conclusions?|related\s+work|summary|"
    r"overview|(?:my\s+|general\s+|reading\s+|paper\s+)?notes?|references?|limitations?|future\s+work|"
    r"contributions?|key\s+(?:ideas?|takeaways?|points|findings|terms|insights?)|takeaways?|questions?|appendix|"
    r"citation|bibliography|keywords?|datasets?(?:\s+used)?|setup|analysis|problems?|ideas?|thoughts|comments?|"
    r"links?|resources|concepts|architecture|model|training|implementation|tools|todo|slides|materials?|"
    r"(?:required\s+|further\s+|optional\s+|suggested\s+)?readings?|reading\s+list|papers?|related\s+papers|"
    r"摘要|引言|介绍|简介|背景|方法|实验|结果|结论|总结|讨论|参考文献|问题|思考|笔记|创新点|贡献|主要特点|动机)\W*$",
    re.I,
)
_NUMBERED_SECTION = re.compile(r"^\W*(?:\d+(?:\.\d+)*\.?|§\s*\d+|[IVX]+\.)\s+\S")
_NUMBERED_PAPER = re.compile(r"^\W*(?:paper|论文|article)\s*#?\s*\d+\s*[:：.—–-]\s*(?P<title>\S.*)$", re.I)
_VENUE_HEADING = re.compile(
    r"^(?P<venue>[A-Z][A-Za-z&-]{1,15}(?:\s+[A-Z][A-Za-z&-]+)?)\s*['’]?\s*(?P<year>(?:19|20)\d\d)$"
)
_CITATION_HEADING = re.compile(r"^\W*(?:citation|reference|bibliograph\w*(?:\s+\w+)?|cite\s+as|引用)\W*$", re.I)
# "Title:", "Paper:", "论文:", "标题：", "Paper title:" (the fields' own reader knows the English ones)
_TITLE_LABEL = re.compile(
    r"^(?:[-*+•]\s+)?(?:paper\s+title|论文(?:题目|标题|名称)?|标题|题目)\s*[:：]\s*(?P<value>\S.*)$", re.I
)
_EXTRA_LABEL = re.compile(
    r"^(?:[-*+•]\s+)?(?P<label>year|published|venue|conference|journal|venue\s*/\s*year|作者|年份|会议|期刊)\s*[:：]\s*"
    r"(?P<value>\S.*)$",
    re.I,
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_QUOTED = re.compile(r"[\"“](?P<title>[^\"“”]{6,})[\"”]")
_ITALIC = re.compile(r"^(?:\*(?P<a>[^*]{6,})\*|_(?P<b>[^_]{6,})_)")
_ABOUT_PREFIX = re.compile(
    r"^(?:(?:my|detailed|short|brief)\s+)?(?:(?:paper|reading|study)\s+)?(?:notes?|summary)\s*"
    r"(?:on|of|for|about)?\s*[:：—–-]?\s+(?P<rest>\S.*)$",
    re.I,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+\S")
# an index's item: a title then its citation in brackets, "(Inception, Szegedy et al., 2014)", "(Quill & Renn 2019)"
_INDEX_ITEM = re.compile(
    r"^\s*(?:[-*+•]|\d+[.)])\s+(?:(?:`[^`]+`|\*\*[^*]+\*\*)\s*[:：—–-]\s*)?(?P<title>\[[^\]]{8,}\]\([^()\s]+\)|[^()]{8,}?)\s*"
    r"\((?:[^,()]{1,30},\s*)?(?P<who>[A-Z][^,()]*?(?:\bet\s+al\.?|\s(?:&|and)\s+[A-Z][^,()]*))\s*,?\s*"
    r"(?P<year>(?:19|20)\d{2})\)\s*\.?\s*$"
)
# "## Notes on *Title*", 'Notes on "Title"': the work's title marked as one (italic, quoted) after "Notes on"
_MARKED = re.compile(r"(?:notes?|summary)\s+(?:on|of|about)\s+(?:\*[^*]{6,}\*|_[^_]{6,}_|[\"“][^\"”]{6,}[\"”])", re.I)
_ABOUT_SUFFIX = re.compile(r"^(?P<rest>\S.*?)\s*[:：—–-]?\s*(?:(?:paper|reading)\s+)?(?:notes?|summary)$", re.I)
_ABOUT_ZH = re.compile(r"^(?P<rest>\S.*?)\s*(?:论文)?(?:阅读|精读)?(?:笔记|总结)$")
_BADGE = re.compile(r"\[?!\[[^\]]*\]\([^()]*\)(?:\]\([^()]*\))?|\[!\]\([^()]*\)")


def _text(line: str) -> str:
    """A line without a blockquote's ">" and its heading marks and emphasis."""
    return plain(re.sub(r"^\s*>\s?", "", line))


def is_section(text: str) -> bool:
    """A note's section heading ("Abstract", "3. Input transformations (§3.3)", "摘要"): never a paper."""
    return bool(_SECTION.match(text) or _NUMBERED_SECTION.match(text)) and not _NUMBERED_PAPER.match(text)


def title_shaped(text: str) -> bool:
    """A heading that reads as a paper's title: 3-30 words, most capitalised (or a "Name: subtitle"), no sentence
    end, no section word ("Efficient Multimodal Semantic Segmentation via Dual-Prompt Learning")."""
    words = text.split()
    if not 3 <= len(words) <= 30 or is_section(text) or text.endswith((".", "?", "!", ":", "：")):
        return False
    if len(re.findall(r"[A-Za-z]{2,}", text)) < 3 or not words[0][:1].isupper():
        return False
    content = [w for w in words if len(w) > 3 and re.match(r"[A-Za-z]", w)]
    capitalised = sum(w[0].isupper() for w in content)
    return bool(content) and (capitalised >= 0.6 * len(content) or (":" in text and capitalised >= 2))


def _cited_quote(text: str) -> TitledPaper | None:
    """'Guo et al., "Title" (ICML 2017)', 'Radford et al. (2018), "Title"': the quoted title with its citation."""
    m = _QUOTED.search(text)
    if m is None:
        return None
    before, after = text[: m.start()].strip(" ,;:—–-"), text[m.end() :].strip(" ,;.")
    year = _YEAR.search(before + " " + after)
    who = re.split(r"\s+[—–:-]\s+|[:：]\s*", before)[-1]  # 'Paper notes — Radford et al. (2018)'
    who = re.sub(r"\(?\b(?:19|20)\d\d\)?", "", who)
    who = re.sub(r"\bet\s+al\.?", "", who).strip(" ,;:()")
    authors = [a for a in split_authors(who) if re.fullmatch(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}", a)]
    venue = re.sub(_YEAR, "", after.strip("()")).strip(" ,;") or None
    if not authors and not year:
        return None
    found = TitledPaper(m.group("title").strip(" ,."), 0, 0, 0, authors, year=int(year.group(1)) if year else None)
    found.venue = venue if venue and re.search(r"[A-Za-z]", venue) else None
    return found


# a reading list's status box after (or before) a title: "Title ☐", "☑ Title"
_STATUS = re.compile(r"^[\s☐☑☒◐◑✓✔✗✘✅❌⬜]+|[\s☐☑☒◐◑✓✔✗✘✅❌⬜]+$")
# a heading citing its paper by author and year before the title: "Amodei et al. 2016 — Concrete Problems in AI
# Safety", "Quill & Dale (2019): Title"
_AUTHOR_YEAR = re.compile(
    r"^(?P<open>\[)?(?P<who>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w'’.-]+)?),?\s+"
    r"\(?(?P<year>(?:19|20)\d\d)[a-z]?\)?(?(open)\])\s*(?P<sep>[—–:.-]|(?(open)|(?!)))\s*(?P<title>\S.*\S)$"
)
# what an author-year heading's first word is not: a term, a week, a month ("Spring 2022 — Readings")
_NOT_AUTHOR = re.compile(
    r"(?i)^(?:spring|summer|fall|autumn|winter|term|semester|week|session|phase|part|class|cohort|batch|since|"
    r"jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)$"
)


def _author_year(text: str) -> TitledPaper | None:
    """The paper an "Author et al. YYYY — Title" heading cites (``how`` "cited"), None for another heading."""
    m = _AUTHOR_YEAR.match(text)
    if m is None or _NOT_AUTHOR.match(m.group("who").split()[0]):
        return None
    title = m.group("title").strip(" *_")
    if len(title.split()) < 2 or is_section(title) or (m.group("sep") == ":" and not title_shaped(title)):
        return None  # "Kahn (1974): stream semantics": a topic after a colon, the title elsewhere
    authors = split_authors(re.sub(r"\s+et\s+al\.?", "", m.group("who")))
    return TitledPaper(title, 0, 0, 0, authors, year=int(m.group("year")), how="cited")


def _named(text: str) -> TitledPaper | None:
    """The paper a heading's or field's text names (a cited quote, else a title line with its ids), None for no
    title. A badge or an image ("[![stars](…)](…)", "[!](…)") names nothing."""
    text = _STATUS.sub("", _BADGE.sub("", text)).strip()
    found = _author_year(text) or _cited_quote(text)
    if found is None:
        line = paper_line(text)
        title = line.title.strip(" *_,;:—–-")
        acronym = re.match(r"^(?P<acr>[A-Z][\w-]{1,15})\s+[—–-]\s+(?P<rest>\S+(?:\s+\S+){2,})$", title)
        if acronym:  # "MDLM — Simple and Effective Masked Diffusion Language Models"
            title = acronym.group("rest")
        found = TitledPaper(title, 0, 0, 0, list(line.authors), line.venue, line.year)
        found.arxiv_id, found.doi, found.url = line.arxiv_id, line.doi, line.url
    if is_placeholder(found.title) or not re.search(r"[^\W\d_]", found.title):
        return None
    return found


def _headings(lines: list[str], fenced: set[int]) -> list[tuple[int, int, str]]:
    return [(k, heading_level(ln), _text(ln)) for k, ln in enumerate(lines) if k not in fenced and heading_level(ln)]


def _block_end(heads: list[tuple[int, int, str]], k: int, level: int, n: int) -> int:
    """Where the block of the heading at line ``k`` ends: the next heading of its level or above."""
    return next((j for j, lv, _ in heads if j > k and lv <= level), n)


def _head_region(lines: list[str], start: int, end: int, fenced: set[int]) -> range:
    """A block's lines up to its first sub-heading (where a paper's fields are)."""
    stop = next((j for j in range(start, end) if j not in fenced and heading_level(lines[j])), end)
    return range(start, min(stop, start + 15))


def _fill(found: TitledPaper, lines: list[str], region: range, fenced: set[int]) -> bool:
    """Set the authors, year, venue and ids the top-level fields of ``region`` give (a nested bullet is an item's,
    not the heading's); whether any did. A region naming two papers' ids is a list, no paper's fields."""
    ids = {paper_line(v[1]).arxiv_id or paper_line(v[1]).doi for j in region if (v := labelled(_text(lines[j])))}
    if len(ids - {None}) > 1:
        return False
    hit = False
    for j in region:
        if j in fenced or re.match(r"\s{2,}|\t", re.sub(r"^\s*>", "", lines[j])):
            continue
        s = _text(lines[j])
        kind = labelled(s)
        extra = _EXTRA_LABEL.match(s)
        if kind and kind[0] == "authors" and not found.authors:
            _authors_field(found, kind[1])
            hit = True
        elif kind and kind[0] == "link":
            line = paper_line(kind[1])
            found.arxiv_id, found.doi = found.arxiv_id or line.arxiv_id, found.doi or line.doi
            found.url, hit = found.url or line.url, hit or bool(line.arxiv_id or line.doi)
        elif extra:
            hit = _fill_extra(found, extra.group("label").lower(), extra.group("value")) or hit
    return hit


def _authors_field(found: TitledPaper, value: str) -> None:
    """An authors field: "Sahoo et al. (2024)", "Hersche, Moor-Smith, Hofmann, Rahimi (ICLR 2026)"."""
    names = split_authors(re.sub(r"\(.*?\)|\bet\s+al\.?", "", value))
    found.authors = [a for a in names if re.search(r"[^\W\d_]", a)]
    paren = re.search(r"\(([^()]*)\)", value)
    year = _YEAR.search(paren.group(1) if paren else value)
    found.year = found.year or (int(year.group(1)) if year else None)
    venue = _YEAR.sub("", paren.group(1)).strip(" ,;") if paren and year else ""
    found.venue = found.venue or (venue if re.fullmatch(r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}", venue) else None)


def _fill_extra(found: TitledPaper, label: str, value: str) -> bool:
    year = _YEAR.search(value)
    if year and not found.year:
        found.year = int(year.group(1))
    line = paper_line(value)  # "2024 (arXiv: 2311.08516v3, June 2024)"
    found.arxiv_id = found.arxiv_id or line.arxiv_id
    if label == "作者" and not found.authors:
        found.authors = split_authors(value)
    elif label not in ("year", "年份", "published") and not found.venue:
        found.venue = _YEAR.sub("", line.title).strip(" ,;()") or None
    return bool(year or line.arxiv_id or found.authors or found.venue)


def _reference(found: TitledPaper, lines: list[str], start: int, end: int) -> bool:
    """The reference under a "Citation" sub-heading: 'A. Quill, B. Dale. **Title**. In Venue, 2020.'"""
    ref = next((_text(lines[j]) for j in range(start, end) if lines[j].strip() and not heading_level(lines[j])), "")
    raw = next((lines[j] for j in range(start, end) if lines[j].strip() and not heading_level(lines[j])), "")
    if not ref:
        return False
    who = re.split(r"\*\*|\.\s+(?=[A-Z*])|\s\d{4}\.", raw, maxsplit=1)[0]
    names = [
        a.strip(" .")
        for a in split_authors(who.strip(" ."))
        if re.fullmatch(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}", a)
    ]
    found.authors = found.authors or names
    year = _YEAR.search(ref)
    found.year = found.year or (int(year.group(1)) if year else None)
    return bool(names or year)


def _heading_paper(
    lines: list[str], heads: list[tuple[int, int, str]], at: int, fenced: set[int]
) -> TitledPaper | None:
    """The paper heading ``heads[at]`` names with evidence (a numbered "Paper 1:", an id, a cited quote, fields or a
    "Citation" sub-heading under it), None for any other heading."""
    k, level, text = heads[at]
    numbered = _NUMBERED_PAPER.match(text)
    if not numbered and (is_section(text) or _VENUE_HEADING.match(text)):
        return None
    about = _ABOUT_PREFIX.match(text)  # "# Notes on [Title](https://arxiv.org/abs/…)": the title, not the notes
    found = _named(numbered.group("title") if numbered else about.group("rest") if about else text)
    if found is None:
        return None
    by_author_year = found.how == "cited" and not numbered and not about  # "Amodei et al. 2016 — Title"
    found.line, found.start, found.end = k, k + 1, _block_end(heads, k, level, len(lines))
    found.how = "numbered" if numbered else "heading"
    cited = bool(_QUOTED.search(text) and (found.authors or found.year)) or bool(about and _MARKED.search(lines[k]))
    cited = cited or by_author_year
    evidence = bool(numbered or found.arxiv_id or found.doi or cited)
    evidence = _fill(found, lines, _head_region(lines, k + 1, found.end, fenced), fenced) or evidence
    sub = next(((j, t) for j, lv, t in heads if found.start <= j < found.end and lv > level), None)
    if sub is not None and _CITATION_HEADING.match(sub[1]):  # "### Citation" then the reference
        evidence = _reference(found, lines, sub[0] + 1, found.end) or evidence
    return found if evidence else None


def _venue_papers(heads: list[tuple[int, int, str]], n: int, taken: set[int]) -> list[TitledPaper]:
    """The title headings right under a venue-and-year heading ("# AAAI 2022", "## Title" per paper)."""
    out: list[TitledPaper] = []
    for k, level, text in heads:
        venue = _VENUE_HEADING.match(text)
        if venue is None:
            continue
        end = _block_end(heads, k, level, n)
        children = [(j, lv, t) for j, lv, t in heads if k < j < end and lv > level]
        top = min((lv for _, lv, _ in children), default=0)
        for j, lv, t in children:
            if lv == top and j not in taken and title_shaped(t) and (found := _named(t)) is not None:
                found.line, found.start, found.end, found.how = j, j + 1, _block_end(heads, j, lv, n), "venue"
                found.venue, found.year = venue.group("venue"), int(venue.group("year"))
                out.append(found)
    return out


def _field_title(lines: list[str], k: int, value: str) -> TitledPaper | None:
    """The paper of a title field's value; a value that is the authors ("**论文**: Yann LeCun, Léon Bottou.") takes
    the title from the italic or quoted line under it ("*Title*, Venue, 1998.")."""
    nxt = next((j for j in range(k + 1, min(k + 3, len(lines))) if lines[j].strip()), None)
    below = re.sub(r"^\s*>\s?", "", lines[nxt]).strip() if nxt is not None else ""
    shown = _ITALIC.match(below) or _QUOTED.match(below)
    names = split_authors(value.rstrip(". "))
    if (
        shown
        and len(names) >= 2
        and all(re.fullmatch(r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,3}", a) for a in names)
    ):
        title = next(g for g in shown.groups() if g)
        rest = below[shown.end() :]
        year = _YEAR.search(rest)
        venue = _YEAR.sub("", rest).strip(" ,.;*_") or None
        return TitledPaper(title.strip(" ,."), k, k + 1, 0, names, venue, int(year.group(1)) if year else None)
    found = _named(value)
    if found is not None:
        found.line, found.start = k, k + 1
    return found


def _title_fields(lines: list[str], fenced: set[int]) -> list[TitledPaper]:
    out: list[TitledPaper] = []
    for k, line in enumerate(lines):
        if k in fenced or not line.strip():
            continue
        s = _text(line)
        kind = labelled(s)
        zh = _TITLE_LABEL.match(s)
        value = kind[1] if kind and kind[0] == "title" else zh.group("value") if zh else None
        if value and (found := _field_title(lines, k, value)) is not None:
            found.how = "field"
            out.append(found)
    return out


def _key(title: str) -> str:
    return re.sub(r"[\W_]+", "", title.lower())


def _merge_fields(
    lines: list[str], heads: list[tuple[int, int, str]], fenced: set[int], found: list[TitledPaper]
) -> list[TitledPaper]:
    """Title fields: the field of a paper heading's block fills that paper; any other is a paper of its own, its
    notes up to the next paper or the next heading of its section's level."""
    n = len(lines)
    for f in _title_fields(lines, fenced):
        owner = next((p for p in found if p.start <= f.line < p.end or _key(p.title) == _key(f.title)), None)
        if (
            owner is not None
            and owner.how == "heading"
            and f.line in _head_region(lines, owner.start, owner.end, fenced)
        ):
            owner.title = f.title  # "# Reading note: routing" then "**Paper**: *Title*": the field names the paper
        if owner is not None:
            owner.authors, owner.year = owner.authors or f.authors, owner.year or f.year
            owner.venue = owner.venue or f.venue
            continue
        above = next(((j, lv) for j, lv, _ in reversed(heads) if j < f.line), None)
        nxt = next((j for j, _, _ in heads if j > f.line), n)
        f.end = _block_end(heads, above[0], above[1], n) if above else nxt
        _fill(f, lines, range(f.start, min(f.end, f.start + 15)), fenced)
        found.append(f)
    found.sort(key=lambda p: p.line)
    for a, b in zip(found, found[1:], strict=False):
        a.end = min(a.end, b.line) if a.end > b.line > a.line else a.end
    return found


def _about(lines: list[str], heads: list[tuple[int, int, str]], fenced: set[int]) -> TitledPaper | None:
    """The paper the notes' first heading (or a plain note's first line) says they are about: "Notes: Title",
    'Notes on ["Title"](link)', "Name paper notes", "LeNet-5 论文阅读笔记", 'Paper notes — Quill et al. (2018), "Title"'."""
    first = next((k for k, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        return None
    k = heads[0][0] if heads and heads[0][1] <= 3 else first
    text = _text(lines[k])
    m = _ABOUT_PREFIX.match(text) or _ABOUT_SUFFIX.match(text) or _ABOUT_ZH.match(text)
    rest = m.group("rest").strip(" :：—–-") if m else ""
    if (
        not rest
        or is_section(rest)
        or re.fullmatch(r"(?i)(?:the\s+|this\s+)?(?:papers?|research|reading|project)", rest)
    ):
        return None
    if len(rest.split()) == 1 and not re.search(r"[A-Z0-9]", rest):  # "reading notes", not a paper's name
        return None
    found = _named(rest)
    named = found is not None and (found.arxiv_id or found.doi or _QUOTED.search(rest) or title_shaped(found.title))
    if found is None or not (named or re.fullmatch(r"[A-Z0-9][\w.-]*[A-Z0-9][\w.-]*", found.title)):
        return None  # "Notes on retrieval, week 3": a topic, not a paper ("LeNet-5", "R1-Onevision": a name)
    found.line, found.start, found.end, found.how = k, k + 1, len(lines), "about"
    _fill(found, lines, _head_region(lines, k + 1, len(lines), fenced), fenced)
    return found


def _one_title(lines: list[str], heads: list[tuple[int, int, str]], fenced: set[int]) -> TitledPaper | None:
    """A one-paper note's title: its one title-shaped heading (the others, if any, sections), or a plain note's first
    line shaped like a title with a blank or an address under it."""
    papers = [(k, lv, t) for k, lv, t in heads if not is_section(t)]
    # the one heading right above an "Abstract" heading of its level names the paper ("#### Title" /
    # "#### abstract" / "#### introduction", whatever heading stands above it)
    over = [h for h, below in zip(heads, heads[1:], strict=False) if h[1] == below[1] and _ABSTRACT.match(below[2])]
    over = [h for h in over if not is_section(h[2]) and len(h[2].split()) >= 3]  # a sentence-case title too
    if heads:
        top = _document_title(heads) if len(over) != 1 else over[0][0]
        if top is None and (len(papers) != 1 or papers[0][1] > 3 or not title_shaped(papers[0][2])):
            return None
        k = top if top is not None else papers[0][0]
    else:
        k = next((j for j, ln in enumerate(lines) if ln.strip()), len(lines))
        after = lines[k + 1].strip() if k + 1 < len(lines) else ""
        if k >= len(lines) or labelled(_text(lines[k])) or (after and "://" not in after):
            return None
        if not title_shaped(_text(lines[k])):
            return None
    if not any(ln.strip() for ln in lines[k + 1 :]):
        return None  # a title and nothing about it
    found = _named(_text(lines[k]))
    if found is not None:
        found.line, found.start, found.end, found.how = k, k + 1, len(lines), "title"
        _fill(found, lines, _head_region(lines, k + 1, len(lines), fenced), fenced)
    return found


_ABSTRACT = re.compile(r"(?i)^\W*(?:abstract|summary of the paper)\W*$")
# a heading naming the document, not a paper: "Deep Learning Reading Notes", "Week 3", "Journal Club"
_DOCUMENT_WORDS = re.compile(
    r"(?i)\b(?:notes?|reading|readings|summary|summaries|journal\s+club|group|seminar|lectures?|course|tutorial|"
    r"assignment|homework|week|syllabus|readme|index|contents|overview|guide|list|papers|resources|blog|posts?)\b"
)


def _document_title(heads: list[tuple[int, int, str]]) -> int | None:
    """The line of a one-paper note's title when it is the note's one top heading (level 1 or 2), every other
    heading deeper and none shaped like a title ("# Title" over "## The Purpose", "### The locality loophole");
    None otherwise."""
    k, top, text = heads[0]
    if top > 2 or any(lv <= top for _, lv, _ in heads[1:]) or not title_shaped(text) or _DOCUMENT_WORDS.search(text):
        return None
    return None if any(title_shaped(t) for _, _, t in heads[1:]) else k


def _index_papers(lines: list[str], fenced: set[int]) -> list[TitledPaper]:
    """An index of a few papers: a list (two items or more, up to :data:`MAX_TITLED`) whose every item names one by
    its title and a citation, "- `inception`: Going deeper with convolutions (Inception, Szegedy et al., 2014)."."""
    blocks: list[list[int]] = [[]]
    for k, line in enumerate(lines):
        if k not in fenced and _LIST_ITEM.match(line):
            blocks[-1].append(k)
        elif line.strip() or blocks[-1]:
            blocks.append([])
    found: list[TitledPaper] = []
    for block in blocks:
        items = [(k, m) for k in block if (m := _INDEX_ITEM.match(lines[k]))]
        if len(items) < 2 or len(items) != len(block) or len(found) + len(items) > MAX_TITLED:
            continue
        for k, m in items:
            shown = re.fullmatch(r"\[(?P<title>[^\]]+)\]\((?P<url>[^()\s]+)\)", m.group("title").strip())
            title = plain(shown.group("title") if shown else m.group("title")).strip(" *_,;:—–-")
            authors = [a for a in re.split(r"\s*(?:,|&|\band\b)\s*", re.sub(r"\s+et\s+al\.?", "", m.group("who"))) if a]
            paper = TitledPaper(title, k, k + 1, k + 1, authors, None, int(m.group("year")), how="index")
            paper.url = shown.group("url") if shown else None
            found.append(paper)
    return found


def titled_papers(lines: list[str]) -> list[TitledPaper]:
    """The papers notes name by title, in the order they come (see the module's docstring for the kinds); an empty
    list for none, or for more than :data:`MAX_TITLED` (a paper list, not notes)."""
    fenced = fenced_lines(lines)
    heads = _headings(lines, fenced)
    found = [p for at in range(len(heads)) if (p := _heading_paper(lines, heads, at, fenced)) is not None]
    found += _venue_papers(heads, len(lines), {p.line for p in found})
    found = _merge_fields(lines, heads, fenced, found)
    if len(found) > MAX_TITLED:
        return []
    found = found or _index_papers(lines, fenced)
    if not found:
        one = _about(lines, heads, fenced) or _one_title(lines, heads, fenced)
        found = [one] if one is not None else []
    return found

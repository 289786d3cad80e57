"""Notes without presenter lines (a one-paper reading note, a review, a journal club's page): one presentation
per paper the generic paper finder reads in them, with the note's takeaways."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from ...errors import ImportProblem
from ...paper import Paper
from .entry import SessionEntry, Transcript
from .fields import heading_level, is_placeholder
from .layout import takeaways_and_questions

__all__ = ["NOTES_READ", "RELATED", "notes_of_papers", "unlinked"]

#: the problem that says notes without presenter lines were read by the generic paper finder
NOTES_READ = "no presenter lines: the papers the notes name, read by the generic paper finder"
#: the end of the message of a paper the notes name in passing (kept in the presented paper's extra["related"])
RELATED = "not presented: kept as a related paper"


def notes_of_papers(lines: list[str], source: str) -> Transcript | None:
    """Notes without presenter lines (a one-paper reading note, a review): one presentation, by nobody named,
    per paper the generic paper finder reads in them (an id or a paper's address near its title); None when it
    finds none. ``lost`` says how they were read."""
    from ...sources import find_papers

    papers, skipped = find_papers("\n".join(lines), source, id_less=False)
    presented = [p for p in papers if not _aside(lines, _line_of(p))]
    related = [p for p in papers if p not in presented] if presented else []
    papers = [_cited(p) for p in presented or papers]  # a paper named in passing in an aside is no presentation
    if not papers:
        return None
    headings = [unlinked(ln.lstrip("#").strip()) for ln in lines if ln.startswith("#")]
    # the first heading that names the notes: not a field's label ("## Title", "#### Research Question") nor a
    # page's section ("# Introduction", "## About")
    heading = next((h for h in headings if h and not _FIELD_HEADING.match(h) and not _SECTION.match(h)), "")
    if not heading:
        first = headings[0] if headings else ""
        heading = papers[0].title if len(papers) == 1 and papers[0].title else first or "Session"
    takeaways, questions, _ = takeaways_and_questions(lines, 0, len(lines), notes=True)
    if len(papers) == 1:  # a one-paper note's own top-level bullets under its heading are what it took away
        takeaways = list(dict.fromkeys([*_top_bullets(lines), *takeaways]))
    out = Transcript(heading, None)
    for paper in papers:
        who = _announced(lines, _line_of(paper), paper)
        entry = SessionEntry(who, paper, takeaways=list(takeaways), questions=list(questions), line=_line_of(paper))
        out.entries.append(entry)  # each its own lists: a takeaway added to one is not the others'
    note = ImportProblem(source, "", NOTES_READ)
    out.problems = [note, *skipped, *_related(related, papers, lines, source)]
    out.lost = list(skipped)
    return out


# "Ada will present (…)", "- Bo Dale presents [Title](…)": who presents the paper on that line
_PRESENTS = re.compile(
    r"^\W*(?P<who>[A-Z][\w'’.-]*(?:\s+(?:and|&)\s+[A-Z][\w'’.-]*|\s+[A-Z][\w'’.-]*){0,3})\s+"
    r"(?:will\s+present|is\s+presenting|to\s+present|will\s+lead)\b"  # never "presents": a paper's verb
)
# a paper the notes name by its citation only: "Quill et al., 2019", "Quill and Dale (2019)", "Quill, 2019"
_CITATION = re.compile(
    r"^(?P<first>[A-Z][\w'’-]+)(?:\s+et\s+al\.?|\s+(?:and|&)\s+(?P<second>[A-Z][\w'’-]+))?,?\s*"
    r"\(?(?P<year>(?:19|20)\d\d)\)?$"
)
_DAY_WORDS = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.I
)


def _announced(lines: list[str], number: int, paper: Paper) -> str:
    """Who the line of the paper (1-based ``number``) says presents it ("Ada will present (…)"), "" for nobody;
    the meeting line above it ("Wed Feb 19 3pm, Room 2") goes to the paper's ``extra["meeting"]``."""
    line = lines[number - 1] if 0 < number <= len(lines) else ""
    m = _PRESENTS.match(line)
    who = m.group("who") if m and not is_placeholder(m.group("who")) else ""
    if who:
        paper.extra["presenter"] = who
        for above in reversed(lines[max(0, number - 4) : number - 1]):
            text = above.strip()
            if text and not text.startswith(("-", "*", "+", "#")):
                if _DAY_WORDS.search(text):
                    paper.extra["meeting"] = text
                break
    return who


def _cited(paper: Paper) -> Paper:
    """A paper the notes name by its citation ("Quill et al., 2019"): its first author and year, which the title
    (the citation, the only name the notes give) does not hold."""
    m = _CITATION.match(paper.title)
    if m is None or paper.authors:
        return paper
    year = int(m.group("year"))
    extra = {**paper.extra, "date_precision": "year", "title_is_citation": True}
    authors = [a for a in (m.group("first"), m.group("second")) if a]
    published = paper.published if paper.published and paper.published.year == year else dt.date(year, 1, 1)
    return dataclasses.replace(paper, authors=authors, published=published, extra=extra)


def _related(related: list[Paper], presented: list[Paper], lines: list[str], source: str) -> list[ImportProblem]:
    """Papers the notes name in passing ("very similar to https://arxiv.org/abs/…" under "#### Notes"): each kept
    in the presented paper's ``extra["related"]`` (one paper presented) and reported, never silently dropped."""
    out: list[ImportProblem] = []
    for p in related:
        ref = f"arXiv:{p.arxiv_id}" if p.arxiv_id else f"doi:{p.doi}" if p.doi else p.url or p.title
        if len(presented) == 1:
            presented[0].extra.setdefault("related", []).append(ref)
        message = f"{ref} is named in passing in the notes, {RELATED}"
        out.append(ImportProblem(source, f"line {_line_of(p)}", message))
    return out


_MD_LINK = re.compile(r"\[\[?([^\[\]]+)\]\]?\((?:[^()\s]|\([^()\s]*\))+\)")
# a link's text naming the link, not the paper ("Title [[pdf]](…)"), and a note's field heading ("## Title")
_LINK_WORD = re.compile(r"^\s*(?:pdf|arxiv|abs|link|paper|html|url|code)\s*$", re.I)
_SECTION = re.compile(r"^\W*(?:introduction|about(?:\s+us)?|overview|background|motivation|format|contents)\W*$", re.I)
_FIELD_HEADING = re.compile(
    r"^\W*(?:\w+\s+){0,2}(?:title|paper|keywords?|cite|citation|contents?|abstract|summary|notes?|meta-?data|"
    r"questions?|conclusions?|contributions?|methods?|results?|ideas?|problems?|url|links?)\W*$",
    re.I,
)


def unlinked(heading: str) -> str:
    """A heading's text with each markdown link as its text ("[Title](url)" -> "Title"), a link labelled "pdf" or
    "arXiv" after other words dropped ("Title [[pdf]](url)" -> "Title"): the theme is text."""
    text = _MD_LINK.sub(lambda m: "" if _LINK_WORD.match(m.group(1)) else m.group(1), heading)
    text = " ".join(text.split())
    return text if any(ch.isalpha() for ch in text) else _MD_LINK.sub(lambda m: m.group(1), heading)


_TOP_BULLET = re.compile(r"^[-*+]\s+(?P<text>\S.*)$")
_FIELD_ITEM = re.compile(r"^\W*[\w .'-]{1,25}?\W*[:：]")  # "- Authors: …", "- **Link:** …": a field, no takeaway


def _top_bullets(lines: list[str]) -> list[str]:
    """The top-level bullets of a note's first section (under its first heading, up to the next one) that are
    sentences, not fields or bare links: "- It runs at 40 FPS on a small board."."""
    first = next((k for k, ln in enumerate(lines) if ln.startswith("#")), None)
    if first is None:
        return []
    out: list[str] = []
    for line in lines[first + 1 :]:
        if line.startswith("#"):
            break
        m = _TOP_BULLET.match(line.rstrip())
        text = m.group("text").strip() if m else ""
        announced = _PRESENTS.match(text)  # "TBD will present …": a meeting's line, not a takeaway
        if text and not _FIELD_ITEM.match(text) and not _MD_LINK.search(text) and "://" not in text and not announced:
            out.append(text)
    return out


def _line_of(paper: Paper) -> int:
    return int((paper.sources[0].record or "line 0").split()[-1])


# a section of notes that mentions other work in passing ("#### Notes", "## Related work", "Questions")
_ASIDE = re.compile(
    r"^\W*(?:(?:my\s+)?notes?|related(?:\s+work|\s+papers)?|references?|see\s+also|further\s+reading|links?|"
    r"(?:open\s+)?questions?|discussion|takeaways?|key\s+ideas?|comments?)\W*$",
    re.I,
)


def _aside(lines: list[str], number: int) -> bool:
    """Whether line ``number`` (1-based) is in an aside section of notes: the nearest markdown heading above it."""
    above = next((ln for ln in reversed(lines[: max(0, number - 1)]) if heading_level(ln)), None)
    return above is not None and bool(_ASIDE.match(above.lstrip("#").strip()))

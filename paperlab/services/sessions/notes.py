"""Notes without presenter lines (a one-paper reading note, a review, a journal club's page): one presentation
per paper they name by title (:mod:`.titled`: a title heading or field, "Paper 1:" blocks, per-paper headings with
author / arXiv fields), else per paper the generic paper finder reads in them (an id or an address), with the
note's takeaways."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from ...errors import ImportProblem, ParseError
from ...paper import Paper, SourceRecord
from ...urls import safe_url
from .entry import SessionEntry, Transcript
from .fields import heading_level, is_placeholder, plain
from .layout import takeaways_and_questions
from .names import author_names
from .titled import MAX_TITLED, TitledPaper, titled_papers

__all__ = ["NOTES_READ", "RELATED", "TITLES_READ", "notes_of_papers", "unlinked"]

#: the problem that says notes without presenter lines were read by the generic paper finder
NOTES_READ = "no presenter lines: the papers the notes name, read by the generic paper finder"
#: the problem that says notes without presenter lines were read by the papers they name by title
TITLES_READ = "no presenter lines: the papers the notes name by a title heading or field, presented by nobody named"
#: the end of the message of a paper the notes name in passing (kept in the presented paper's extra["related"])
RELATED = "not presented: kept as a related paper"


def notes_of_papers(lines: list[str], source: str) -> Transcript | None:
    """Notes without presenter lines (a one-paper reading note, a review): one presentation, by nobody named,
    per paper the generic paper finder reads in them (an id or a paper's address near its title); None when it
    finds none. ``lost`` says how they were read."""
    from ...sources import find_papers

    papers, skipped = find_papers("\n".join(lines), source, id_less=False)
    titled = titled_papers(lines)
    if len(papers) > MAX_TITLED and not titled:
        raise ParseError(
            f"expected notes on a few papers, found a list of {len(papers)} papers (more than {MAX_TITLED}): not "
            "a session; read the list with paperlab.load",
            source,
            f"line {_line_of(papers[0])}",
        )
    if titled and (titled[0].how not in ("about", "title") or _one_paper(lines, source, titled[0], papers)):
        return _notes_by_title(lines, source, titled, papers)
    if not papers and not titled:  # no id, no title heading: a pasted paper's header, references written out
        papers = _written_out(lines, source)
        dois = [p.doi.casefold() for p in papers if p.doi]  # a pasted page's DOI is its own paper's, not a bad one
        skipped = [s for s in skipped if not any(d in s.message.casefold() for d in dois)]
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


# a pasted page's date line under the byline ("First published: 10 September 2022"), and page words glued to a DOI
_PUBLISHED = re.compile(r"\b(?:first\s+)?(?:published|received|accepted)\b[^\n]{0,40}?\b((?:19|20)\d\d)\b", re.I)
_MARKS = re.compile(r"(?<=[a-zà-ÿ])(?:\d{1,2}|[*†‡§¶])(?:,?(?:\d{1,2}|[*†‡§¶]))*(?=\s*(?:,|\band\b|&|$))")
_PAGE_SIGN = re.compile(
    r"(?im)^\W*(?:abstract|summary)\b|\b(?:journal|proceedings|conference|transactions|letters|volume|vol\.\s*\d+|"
    r"pp\.\s*\d|issn|arxiv|preprint|doi)\b"
)
# what a meeting's notes are headed by, never a paper's title: "Meeting notes 12 March", "Minutes of ...", a day
# a month by its whole name or its abbreviation ("Mar", "March"; not "Marginal", "Decision")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# a day not followed by a word of a title ("3 May Graphs" is a title's; "12 March" a day's)
_MEETING_TITLE = re.compile(
    r"(?i)\b(?:meeting|minutes|agenda|stand-?up|retreat|catch-?up|attendees)\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b(?!\s*[A-Z])|"
    rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*[A-Z])|\b\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}\b"
)
_GLUED = re.compile(r"(?<=\d)(?:Citations?|Cited|Check|PDF|Full|View|Download|Share|References?)\b.*$")


def _written_out(lines: list[str], source: str) -> list[Paper]:
    """The papers of notes that name them with no id and no title heading: the paper whose header opens them (a
    page pasted from a publisher: its title line, then a byline of two names or more), else each reference written
    out in full (its authors and title: "A. Quill, B. Dale, “Title,” Venue, 2014."); [] for none."""
    from ...identifiers import DOI_IN_TEXT, normalize_doi
    from ...sources import find_papers

    nonblank = [k for k, ln in enumerate(lines) if ln.strip()]
    title = plain(lines[nonblank[0]].lstrip("#")).strip() if nonblank else ""
    byline = _MARKS.sub("", lines[nonblank[1]].strip()) if len(nonblank) > 1 else ""  # "Ada Quill1, Bo Renn2"
    names = author_names(byline) if byline else None
    at = nonblank[0] + 1 if nonblank else 0  # 1-based: the title's line, the byline right under it
    near = "\n".join(lines[at : at + 6])
    # a publisher's page says so under its byline (a DOI, "Published", "Abstract", a venue); without that, a title
    # naming a meeting or a day over a list of names is a meeting's notes and who came ("Meeting notes 12 March /
    # Ada Quill, Bo Dale")
    below = "\n".join(lines[at : at + 10])
    paged = bool(DOI_IN_TEXT.search(below) or _PUBLISHED.search(below) or _PAGE_SIGN.search(below))
    paged = paged or not _MEETING_TITLE.search(title)  # a title naming no meeting and no day: a paper's, by its byline
    if names and len(names) >= 2 and len(title.split()) >= 4 and not title.endswith((".", ":", "?")) and paged:
        year = _PUBLISHED.search(near)
        doi = DOI_IN_TEXT.search(near)
        paper = Paper(
            title=title,
            authors=names,
            doi=normalize_doi(_GLUED.sub("", doi.group(0)).rstrip(".,;")) if doi else None,
            published=dt.date(int(year.group(1)), 1, 1) if year else None,
            sources=[SourceRecord("session", location=source, record=f"line {at}")],
            extra={"presenter": "", "session_line": at, **({"date_precision": "year"} if year else {})},
        )
        return [paper]
    found, _ = find_papers("\n".join(lines), source, id_less=True)
    authored = [p for p in found if p.authors and len(p.title.split()) >= 3]
    # a literature summary's "## Title" headings with notes under each (the finder reads them on such a page only)
    return authored or [p for p in found if 0 < _line_of(p) <= len(lines) and _HEADING.match(lines[_line_of(p) - 1])]


def _notes_by_title(lines: list[str], source: str, titled: list[TitledPaper], named: list[Paper]) -> Transcript:
    """One presentation, by nobody named, per paper the notes name by title; the papers the finder reads by an id
    fill the one they name (its id, its address) or are kept as related papers of the note (reported)."""
    papers = [_titled_paper(t, lines, source) for t in titled]
    related: list[Paper] = []
    for p in named:
        same = next((q for t, q in zip(titled, papers, strict=True) if _same(t, q, p, lines)), None)
        if same is None:
            related.append(p)
            continue
        same.arxiv_id, same.doi = same.arxiv_id or p.arxiv_id, same.doi or p.doi
        same.url, same.published = same.url or p.url, same.published or p.published
        same.authors = same.authors or p.authors
    heading = next((unlinked(ln.strip().lstrip("#").strip()) for ln in lines if heading_level(ln)), "")
    heading = heading or papers[0].title
    out = Transcript(heading, None)
    for t, paper in zip(titled, papers, strict=True):
        whole = len(titled) == 1
        takeaways, questions, _ = takeaways_and_questions(lines, 0 if whole else t.start, t.end, notes=True)
        own = _first_bullets(lines, t) if whole else _top_bullets(lines, t.line, t.end)
        takeaways = list(dict.fromkeys([*own, *takeaways]))
        out.entries.append(SessionEntry("", paper, takeaways=takeaways, questions=questions, line=t.line + 1))
    out.problems = [ImportProblem(source, "", TITLES_READ), *_related(related, papers, lines, source)]
    return out


def _first_bullets(lines: list[str], t: TitledPaper) -> list[str]:
    """A one-paper note's takeaways without a Takeaways section: the sentences of its first section holding top-level
    bullets under the title ("## 1. Problem and core idea" of a note that opens with its source)."""
    own = _top_bullets(lines)
    starts = [k for k in range(t.line, len(lines)) if heading_level(lines[k])]
    for k in starts if not own else []:
        if own := _top_bullets(lines, k):
            break
    return own


def _one_paper(lines: list[str], source: str, titled: TitledPaper, named: list[Paper]) -> bool:
    """Whether a note's one title heading (or "Notes on <title>") is what it is about: every paper the finder reads
    in it by an id is that paper or named in passing in an aside ("## References"), not a list of papers."""
    paper = _titled_paper(titled, lines, source)
    return all(_same(titled, paper, p, lines) or _aside(lines, _line_of(p)) for p in named)


def _titled_paper(t: TitledPaper, lines: list[str], source: str) -> Paper:
    return Paper(
        title=t.title,
        authors=t.authors,
        journal_ref=f"{t.venue} {t.year}" if t.venue and t.year else t.venue,
        arxiv_id=t.arxiv_id,
        doi=t.doi,
        url=safe_url(t.url),
        published=dt.date(t.year, 1, 1) if t.year else None,
        sources=[SourceRecord("session", location=source, record=f"line {t.line + 1}")],
        extra={
            "presenter": "",
            "session_line": t.line + 1,
            "notes": "\n".join(lines[t.start : t.end]).strip(),
            "named_by": t.how,
            **({"date_precision": "year"} if t.year else {}),
        },
    )


def _same(t: TitledPaper, paper: Paper, found: Paper, lines: list[str]) -> bool:
    """Whether the finder's paper is the titled one: the same id, the same title, read on the title's line, or on
    a line that names the title ("1. Title: <https://arxiv.org/abs/…>" under "References")."""
    if (found.arxiv_id and found.arxiv_id == paper.arxiv_id) or (found.doi and found.doi == paper.doi):
        return True
    a, b = _key(found.title), _key(paper.title)
    at = _line_of(found)
    named = len(b) >= 12 and 0 < at <= len(lines) and b in _key(lines[at - 1])
    return at == t.line + 1 or a == b or named or (min(len(a), len(b)) >= 12 and (a in b or b in a))


def _key(title: str) -> str:
    return re.sub(r"[\W_]+", "", title.lower())


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


def _top_bullets(lines: list[str], first: int | None = None, end: int | None = None) -> list[str]:
    """The top-level bullets of a note's first section (under its first heading, up to the next one; or under the
    heading at ``first``) that are sentences, not fields or bare links: "- It runs at 40 FPS on a small board."."""
    if first is None:
        first = next((k for k, ln in enumerate(lines) if ln.startswith("#")), None)
    if first is None:
        return []
    out: list[str] = []
    for line in lines[first + 1 : end]:
        line = line[1:] if line.startswith(" ") and not line.startswith("  ") else line  # a note indented by one
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


_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
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

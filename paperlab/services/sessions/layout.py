"""Transcript layout: presenter lines, each presentation's paper header, its takeaways and questions.

The rules (no models):

* a presenter line is a person's name alone on a line (2-4 capitalised words, name particles allowed) whose words
  never occur in lower case elsewhere in the transcript (so slide headings such as "Task Introduction" are not
  names), outside a paper header;
* the paper header is a venue line ("Published as a conference paper at ICLR 2025"), a title (continued on the next
  line when it ends with ":") and the author lines that follow it (names, markers, e-mails, affiliations, an
  organisation);
* a "Takeaways" slide lists the takeaways; labelled lines ("Discussion: ...?") are questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...sources import parse_day
from .fields import (
    PaperLine,
    cited_authors,
    heading_level,
    labelled,
    link_ids,
    paper_line,
    plain,
    presenter_label,
    split_heading,
)
from .names import PARTICLES, author_names, lowercase_words, name_shaped, title_case

__all__ = [
    "Header",
    "fallback_title",
    "is_blank",
    "labelled_header",
    "parse_header",
    "presenter_lines",
    "presenter_name",
    "takeaways_and_questions",
]

_HEADINGS = {
    "intro",
    "introduction",
    "motivation",
    "background",
    "overview",
    "outline",
    "method",
    "methods",
    "approach",
    "results",
    "experiments",
    "takeaways",
    "take-aways",
    "conclusion",
    "conclusions",
    "discussion",
    "summary",
    "agenda",
    "problem",
    "contributions",
    "setup",
    "puzzles",
    "findings",
}
_VENUE_LINE = re.compile(
    r"^(?:Published|Accepted|To appear|Appearing|In Proceedings|Proceedings of|Under review)\b", re.I
)
_TAKEAWAYS = re.compile(
    r"^(?:key\s+)?take[- ]?aways?\s*:?$|^conclusions?\s*:?$|^lessons learned\s*:?$|"
    r"^(?:key|main|core)\s+(?:ideas?|points?|insights?|findings)\s*:?$|^highlights?\s*:?$",
    re.I,
)
# a line labelled as what a note took away: "- **Key idea:** …", "Main insight: …", "Takeaway: …" (a "tl;dr:" line
# sums the paper up: not one of its takeaways)
_KEY_IDEA = re.compile(
    r"^(?:[-•*+]\s+|\d+[.)]\s+)?(?:(?:key|main|core|big|central)\s+(?:ideas?|insights?|findings?|points?|"
    r"takeaways?|contributions?)|take[- ]?aways?)\s*[:：]\s*(?P<value>\S.*)$",
    re.I,
)
# in notes without presenter lines (one reader's notes on a paper), these sections hold the takeaways too
_NOTE_TAKEAWAYS = re.compile(r"^(?:(?:my\s+)?notes?|summary|in\s+short|tl;?dr|my\s+take)\s*:?$", re.I)
# a bullet: "- item", "• item", "1. item", and "-Item" written without its space ("-Loss function: …")
_BULLET = re.compile(r"^(\s*)(?:[-•*+]\s+|-(?=[A-Z])|\d+[.)]\s+)(?:\d+\.\s*)?")
_QUESTION_LABEL = re.compile(r"^(?:thinking|discussion|questions?|q|food for thought)\s*:\s*", re.I)
_QUESTIONS_HEADING = re.compile(r"^(?:open\s+|discussion\s+)?(?:discussion|questions?|q\s*&\s*a)\s*:?$", re.I)
_TITLE_PREFIX = re.compile(
    r"^(?:(?:paper|presentation|talk|week|session|meeting|part)\s*)?\d+\s*[.):]\s+|"
    r"^(?:paper|presentation|talk|week|session|meeting|part)\s+\d+\s*[:.—–-]\s*",
    re.I,
)


def is_blank(line: str) -> bool:
    return not line.strip()


@dataclass
class Header:
    """A presentation's paper header; ``body_start`` is the first line after it (0-based)."""

    title: str | None = None
    title_line: int | None = None
    venue_line: str | None = None
    authors: list[str] = field(default_factory=list)
    organization: str | None = None
    body_start: int = 0
    journal_ref: str | None = None
    url: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    year: int | None = None  # the year a citation on the paper's line gives ("(Quill & Dale, ICCV 2023)")
    code_url: str | None = None

    def cite(self, line: PaperLine) -> None:
        """Take the title and what a paper's line says of it (authors, venue, year, ids), where not known yet."""
        self.title = title_case(line.title) if line.title else None
        self.authors = self.authors or line.authors
        self.journal_ref = self.journal_ref or line.journal_ref
        self.year = self.year or line.year
        self.code_url = self.code_url or line.code_url
        self.url, self.arxiv_id, self.doi = self.url or line.url, self.arxiv_id or line.arxiv_id, self.doi or line.doi


# what a byline may end with: the paper's id or address, or its venue and year ("arXiv:2312.00001", "ICML 2024")
_TAIL = r"(?:arxiv\s*:\s*\d{4}\.\d{4,5}(?:v\d+)?|doi\s*:\s*10\.\S+|https?://\S+|[A-Z][\w&.\- ]{1,40}?\s(?:19|20)\d{2})"
_TAIL_LINE = re.compile(rf"^\(?{_TAIL}\)?$", re.I)
# a tail after a separator ("A, B — arXiv:…", "A · ICML 2024", "A | NeurIPS 2024") or in parentheses ("A (ICLR 2024)")
_BYLINE_TAIL = re.compile(
    rf"^(?P<names>.+?)(?:\s+(?:[—–·|•]|--?)\s+(?P<tail>{_TAIL})|\s*\((?P<paren>{_TAIL})\))\s*$", re.I
)


# a line that opens with a short label and a colon ("Main results: CIFAR-10 32x32"): slide content, not names
_LABEL_LINE = re.compile(r"^[A-Za-z][\w -]{0,30}:\s+\S")


def _byline(line: str, tails: list[str]) -> list[str] | None:
    """The names of an author line; its tails after a separator or in parentheses ("A, B (ICLR 2024) ·
    arXiv:…", "A — NeurIPS 2024") go to ``tails``."""
    rest, found = line.strip(), list[str]()
    while (m := _BYLINE_TAIL.match(rest)) is not None:
        rest, found = m.group("names"), [m.group("tail") or m.group("paren"), *found]
    if found and (names := author_names(rest)):
        tails += found
        return names
    return author_names(line)


def _author_lines(
    lines: list[str], nonblank: list[int], j: int, tails: list[str] | None = None
) -> tuple[list[str], str | None, int, int]:
    """(authors, organisation, number of author lines, index in ``nonblank`` after them) from ``nonblank[j]`` on;
    the bylines' tails (an id, a venue) are added to ``tails``."""
    authors: list[str] = []
    org = None
    n_author_lines = 0
    tails = [] if tails is None else tails
    while j < len(nonblank):
        ln = lines[nonblank[j]].strip()
        if not ln:
            j += 1
            continue
        if n_author_lines and _TAIL_LINE.match(plain(ln)):  # the venue or the id on its own line under the byline
            tails.append(plain(ln).strip("()"))
            j += 1
            continue
        if "\t" in lines[nonblank[j]] or ln.startswith("|") or _LABEL_LINE.match(ln):
            break  # a table row, or a slide's "Main results: CIFAR-10" line: never an author line
        names = _byline(ln, tails)
        if names is None:
            if (
                re.fullmatch(r"[A-Z][\w&.-]+", ln)
                and ln.lower().rstrip(":") not in _HEADINGS
                and n_author_lines
                and org is None
            ):
                org = ln  # an organisation alone on a line ("Apple")
                j += 1
                continue
            break
        authors += names
        n_author_lines += 1
        j += 1
    return authors, org, n_author_lines, j


def _title_shaped(line: str) -> bool:
    """A paper title standing alone (no author lines after it): several words or "Name: subtitle", no sentence."""
    s = plain(line)
    words = s.split()
    return bool(
        words
        and "\t" not in line
        and not re.match(r"^\s*[-•*+|]\s", line)
        and not s.endswith((".", "?", ",", ";"))
        and s.lower().rstrip(":") not in _HEADINGS
        and labelled(line) is None
        and (len(words) >= 4 or (":" in s.rstrip(":") and len(words) >= 2))
        and len(words) <= 30
        and sum(w[:1].isupper() for w in words) >= min(2, len(words))
    )


def parse_header(lines: list[str], start: int, end: int) -> Header:
    """The paper header at the top of ``lines[start:end]``: confirmed by author lines after the title (or a venue
    line before it); a title-shaped line alone is a title without authors; else there is no header and the body
    starts at ``start``."""
    h = Header(body_start=start)
    nonblank = [k for k in range(start, end) if not is_blank(lines[k])]
    if not nonblank:
        return h
    k = 0
    if _VENUE_LINE.match(plain(lines[nonblank[0]])):
        h.venue_line = plain(lines[nonblank[0]])
        k = 1
    if k >= len(nonblank):
        h.body_start = end
        return h
    t = nonblank[k]
    title = plain(lines[t])
    title_end = k
    if title.endswith(":") and k + 1 < len(nonblank) and not heading_level(lines[nonblank[k + 1]]):
        title = f"{title} {plain(lines[nonblank[k + 1]])}"
        title_end = k + 1
    tails: list[str] = []
    authors, org, n_author_lines, j = _author_lines(lines, nonblank, title_end + 1, tails)
    if n_author_lines or h.venue_line or _title_shaped(lines[t]):
        h.title_line = t + 1
        h.authors = list(dict.fromkeys(authors))
        h.organization = org
        h.body_start = nonblank[j] if j < len(nonblank) else end
        for tail in tails:
            text, url, arxiv, doi = link_ids(tail)
            h.url, h.arxiv_id, h.doi = h.url or url, h.arxiv_id or arxiv, h.doi or doi
            if not (url or arxiv or doi):
                h.journal_ref = h.journal_ref or text  # "NeurIPS 2024"
        h.cite(paper_line(title))  # "Title (Quill & Dale, ICCV 2023) — arXiv:…": the ids and citation on its line
    return h


def _label_fields(lines: list[str], start: int, presenter_at: int, end: int) -> tuple[dict[str, str], int]:
    """The labelled fields ("Paper: ...", "Authors: ...") around the presenter line and the first line after them."""
    fields: dict[str, str] = {}
    k = start
    while k < end:
        s = lines[k]
        found = labelled(s) if not is_blank(s) else None
        if found:
            fields.setdefault(found[0], found[1])
        elif not is_blank(s) and k > presenter_at:
            break
        k += 1
    return fields, k


def labelled_header(lines: list[str], start: int, presenter_at: int, end: int) -> Header:
    """The header of a presentation in notes: labelled fields, a heading naming the paper, else the layout rules."""
    fields, body = _label_fields(lines, start, presenter_at, end)
    title = fields.get("title")
    if (
        title is None
        and start < presenter_at
        and heading_level(lines[start])
        and parse_day(plain(lines[start])) is None
    ):
        title = _TITLE_PREFIX.sub("", plain(lines[start]))  # "## 2. LoRA: Low-Rank Adaptation", never "## 2024-03-05"
    named = split_heading(lines[presenter_at])
    if title is None and named is not None and named[1]:
        title = _TITLE_PREFIX.sub("", named[1])
    if title is None:
        h = parse_header(lines, body, end)
    else:
        h = Header(title=None, title_line=start + 1, body_start=body)
        h.cite(paper_line(title))  # "Title (Quill & Dale, ICCV 2023) — arXiv:…", '"Title" (Quill et al., 2024)'
    if "authors" in fields:  # "Authors: Quill & Dale (ICML 2024)": the venue and year too
        by = cited_authors(fields["authors"])
        h.authors, h.journal_ref, h.year = by.authors, h.journal_ref or by.journal_ref, h.year or by.year
    if "venue" in fields:
        h.journal_ref = link_ids(fields["venue"])[0] or None
    if "link" in fields:
        _, url, arxiv, doi = link_ids(fields["link"])
        h.url, h.arxiv_id, h.doi = h.url or url, h.arxiv_id or arxiv, h.doi or doi
    return h


def presenter_name(line: str) -> str:
    """The presenter named by a presenter line (a name alone, a labelled line or a heading)."""
    named = split_heading(line)
    return presenter_label(line) or (named[0] if named else plain(line))


def presenter_lines(lines: list[str]) -> list[int]:
    """0-based indices of the presenter lines: "Presenter: ..." lines when there are any, else names alone on a
    line or in a heading (never inside the paper header that follows a presenter)."""
    labelled_at = [k for k, ln in enumerate(lines) if presenter_label(ln)]
    if labelled_at:
        return labelled_at
    lowercase = lowercase_words("\n".join(lines))
    presenters: list[int] = []
    header_end = -1
    for k, line in enumerate(lines):
        named = split_heading(line)
        s = named[0] if named else line.strip()
        if (
            k > header_end
            and name_shaped(s)
            and (
                named is not None
                or ((k == 0 or is_blank(lines[k - 1])) and (k + 1 >= len(lines) or is_blank(lines[k + 1])))
            )
            and not any(t.lower() in lowercase for t in s.split() if t not in PARTICLES)
        ):
            presenters.append(k)
            header_end = parse_header(lines, k + 1, len(lines)).body_start - 1
    return presenters


def _section_end(line: str) -> bool:
    """A line that closes a takeaways or questions section: a markdown heading or a questions heading."""
    return bool(heading_level(line)) or bool(_QUESTIONS_HEADING.match(plain(line)))


def _takeaways(lines: list[str], take_at: int, end: int) -> tuple[list[str], list[str]]:
    """The items of the Takeaways slide at ``take_at`` and the questions labelled on it."""
    takeaways: list[str] = []
    questions: list[str] = []
    prev_blank = True
    in_questions = False
    for k in range(take_at + 1, end):
        raw = lines[k]
        s = raw.strip()
        if not s:
            prev_blank = True
            continue
        if "\t" in raw.strip() or s.startswith("|"):  # a table row (a tab-indented bullet is a sub-bullet)
            prev_blank = False
            continue
        if _section_end(raw):
            break
        q = _QUESTION_LABEL.match(s)
        if q:
            in_questions = True
            questions.append(s[q.end() :].strip())
            prev_blank = False
            continue
        bullet = _BULLET.match(raw)
        item = raw[bullet.end() :].strip() if bullet else s
        if in_questions:
            prev_blank = False
            continue  # quoted answers to a discussion question
        if bullet and bullet.group(1) and takeaways:
            takeaways[-1] = f"{takeaways[-1]} — {item}"  # a sub-bullet
        elif not bullet and not prev_blank and takeaways and not re.search(r"[.!?:)]$", takeaways[-1]):
            takeaways[-1] = f"{takeaways[-1]} {item}"  # a wrapped line
        else:
            takeaways.append(item)
        prev_blank = False
    return takeaways, questions + [t for t in takeaways if t.endswith("?")]


def _question_section(lines: list[str], start: int, end: int) -> list[str]:
    """The items under a "Discussion" / "Questions" heading at ``start`` (up to the next heading)."""
    items: list[str] = []
    for k in range(start + 1, end):
        raw = lines[k]
        if heading_level(raw) or _TAKEAWAYS.match(plain(raw)):
            break
        bullet = re.match(r"^\s*(?:[-•*+]|\d+[.)]|q\d*[:.])\s+", raw, re.I)
        if bullet and not raw[: bullet.start() + 1].startswith((" ", "\t")):
            items.append(plain(raw[bullet.end() :]))
        elif plain(raw).endswith("?") and not bullet:
            items.append(plain(raw))
    return [q for q in items if q]


def takeaways_and_questions(
    lines: list[str], start: int, end: int, notes: bool = False
) -> tuple[list[str], list[str], int | None]:
    """(takeaways, discussion questions, 0-based line of the Takeaways slide or None) of ``lines[start:end]``; in
    ``notes`` without presenters, a "Notes" or "Summary" section when no Takeaways / Key ideas one."""
    sections = [k for k in range(start, end) if _TAKEAWAYS.match(plain(lines[k]))]
    if notes:  # a reader's notes: every section of what they took away ("Key ideas", then "Notes")
        sections = [k for k in range(start, end) if k in sections or _NOTE_TAKEAWAYS.match(plain(lines[k]))]
    take_at = sections[0] if sections else None
    takeaways: list[str] = []
    questions: list[str] = []
    for k in sections[: None if notes else 1]:
        found, asked = _takeaways(lines, k, end)
        takeaways += [t for t in found if t not in takeaways]
        questions += asked
    labelled_ideas = [m.group("value").strip() for k in range(start, end) if (m := _KEY_IDEA.match(plain(lines[k])))]
    takeaways += [t for t in labelled_ideas if notes and t not in takeaways]  # "- **Key idea:** …" in a note
    for k in range(start, end):
        s = plain(lines[k])
        if _QUESTIONS_HEADING.match(s):
            questions += _question_section(lines, k, end)
            continue
        q = _QUESTION_LABEL.match(s)
        if q and (take_at is None or k < take_at) and s.endswith("?"):
            questions.append(s[q.end() :].strip())
    return takeaways, list(dict.fromkeys(questions)), take_at


def fallback_title(lines: list[str], start: int, end: int) -> tuple[str, int] | None:
    """A slide heading naming a method ("G-EVAL Framework" -> "G-EVAL") when there is no title slide."""
    for k in range(start, end):
        s = lines[k].strip()
        if (
            s
            and len(s.split()) <= 4
            and not s.startswith(("-", "•"))
            and "\t" not in lines[k]
            and is_blank(lines[k - 1] if k > 0 else "")
            and re.search(r"\b[A-Z][A-Z0-9]*-?[A-Z0-9]{2,}\b", s)
            and not s.endswith((".", ":", "?"))
        ):
            name = re.sub(r"\s+(?:Framework|Method|Approach|Model|Overview|Pipeline|Architecture)$", "", s)
            return name, k + 1
    return None

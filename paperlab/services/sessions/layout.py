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

from .names import PARTICLES, author_names, lowercase_words, name_shaped, title_case

__all__ = ["Header", "fallback_title", "is_blank", "parse_header", "presenter_lines", "takeaways_and_questions"]

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
_TAKEAWAYS = re.compile(r"^(?:key\s+)?take[- ]?aways?\s*:?$|^conclusions?\s*:?$|^lessons learned\s*:?$", re.I)
_QUESTION_LABEL = re.compile(r"^(?:thinking|discussion|questions?|q|food for thought)\s*:\s*", re.I)


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


def _author_lines(lines: list[str], nonblank: list[int], j: int) -> tuple[list[str], str | None, int, int]:
    """(authors, organisation, number of author lines, index in ``nonblank`` after them) from ``nonblank[j]`` on."""
    authors: list[str] = []
    org = None
    n_author_lines = 0
    while j < len(nonblank):
        ln = lines[nonblank[j]].strip()
        if not ln:
            j += 1
            continue
        names = author_names(ln)
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


def parse_header(lines: list[str], start: int, end: int) -> Header:
    """The paper header at the top of ``lines[start:end]``: confirmed by author lines after the title (or a venue
    line before it); without either there is no header and the body starts at ``start``."""
    h = Header(body_start=start)
    nonblank = [k for k in range(start, end) if not is_blank(lines[k])]
    if not nonblank:
        return h
    k = 0
    if _VENUE_LINE.match(lines[nonblank[0]].strip()):
        h.venue_line = lines[nonblank[0]].strip()
        k = 1
    if k >= len(nonblank):
        h.body_start = end
        return h
    t = nonblank[k]
    title = lines[t].strip()
    title_end = k
    if title.endswith(":") and k + 1 < len(nonblank):
        title = f"{title} {lines[nonblank[k + 1]].strip()}"
        title_end = k + 1
    authors, org, n_author_lines, j = _author_lines(lines, nonblank, title_end + 1)
    if n_author_lines or h.venue_line:
        h.title, h.title_line = title_case(title), t + 1
        h.authors = list(dict.fromkeys(authors))
        h.organization = org
        h.body_start = nonblank[j] if j < len(nonblank) else end
    return h


def presenter_lines(lines: list[str]) -> list[int]:
    """0-based indices of the presenter lines (never inside the paper header that follows a presenter)."""
    lowercase = lowercase_words("\n".join(lines))
    presenters: list[int] = []
    header_end = -1
    for k, line in enumerate(lines):
        s = line.strip()
        if (
            k > header_end
            and name_shaped(s)
            and (k == 0 or is_blank(lines[k - 1]))
            and (k + 1 >= len(lines) or is_blank(lines[k + 1]))
            and not any(t.lower() in lowercase for t in s.split() if t not in PARTICLES)
        ):
            presenters.append(k)
            header_end = parse_header(lines, k + 1, len(lines)).body_start - 1
    return presenters


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
        if "\t" in raw:
            prev_blank = False
            continue
        q = _QUESTION_LABEL.match(s)
        if q:
            in_questions = True
            questions.append(s[q.end() :].strip())
            prev_blank = False
            continue
        bullet = re.match(r"^(\s*)[-•*]\s+(?:\d+\.\s*)?", raw)
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


def takeaways_and_questions(lines: list[str], start: int, end: int) -> tuple[list[str], list[str], int | None]:
    """(takeaways, discussion questions, 0-based line of the Takeaways slide or None) of ``lines[start:end]``."""
    take_at = next((k for k in range(start, end) if _TAKEAWAYS.match(lines[k].strip())), None)
    takeaways: list[str] = []
    questions: list[str] = []
    if take_at is not None:
        takeaways, questions = _takeaways(lines, take_at, end)
    for k in range(start, end):
        s = lines[k].strip()
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

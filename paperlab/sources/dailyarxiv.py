"""DailyArXiv-style README digests: read them, and write them.

The format (zezhishao/DailyArXiv and its forks)::

    Last update: 2025-03-21

    ## Hallucination
    | **Title** | **Date** | **Abstract** | **Comment** |
    | --- | --- | --- | --- |
    | **[Title](http://arxiv.org/abs/2503.14895v1)** | 2025-03-19 | <details><summary>Show</summary><p>Abstract</p></details> | comment |

and the other layouts of the same idea (cv-arxiv-daily's ``|Publish Date|Title|Authors|PDF|Code|`` with
``## Updated on 2022.07.02``, centred ``| :---: |`` tables, two-level ``## area`` / ``### topic`` headings, GitHub
Pages copies with Jekyll front matter): a paper table is found by the column names of its header row, see
:mod:`paperlab.sources._dailyarxiv_rows`. Each ``##`` / ``###`` heading over a table is a search keyword (both
levels tag the papers under them); the same paper can be listed under several. Text is kept as written (a
literal ``\\|`` stays ``\\|``); HTML markup is removed and entities are decoded with :mod:`html.parser`.
Paper tables written in HTML are read the same way (:mod:`paperlab.sources._dailyarxiv_html`). A README without a
paper table is read as paper cards (a heading per paper: ``###`` cards, ``#`` headings with labelled fields, ``##``
headings linking to arXiv; see :mod:`paperlab.sources._dailyarxiv_cards`); with neither, it is a :class:`ParseError`
naming the layouts it knows.

:func:`to_dailyarxiv_markdown` writes the DailyArXiv layout, escaping ``|``, ``[``, ``]``,
newlines and HTML-special characters as HTML character references / ``<br>``, so every
row stays one row and :func:`read_dailyarxiv` reads it back without loss.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..date_precision import dated_by_arxiv_id
from ..dates import as_date
from ..errors import ParseError, ProblemCollector
from ..library import Library
from ..paper import Paper, normalize_arxiv_id
from ..text import shown_text
from ..urls import md_url
from ._dailyarxiv_cards import read_cards
from ._dailyarxiv_dates import parse_date
from ._dailyarxiv_divs import html_class_cards
from ._dailyarxiv_html import html_tables
from ._dailyarxiv_rows import SOURCE_KIND as SOURCE_KIND
from ._dailyarxiv_rows import Columns, Row, header_columns, is_separator, parse_row, split_cells
from ._files import read_text
from ._md_links import resolve_reference_links
from ._md_not_papers import is_no_paper
from ._md_title_parts import with_title_parts
from ._schedule_clock import as_of

__all__ = ["DailyArxivDigest", "has_paper_table", "parse_dailyarxiv", "read_dailyarxiv", "to_dailyarxiv_markdown"]

HEADER_ROW = "| **Title** | **Date** | **Abstract** | **Comment** |"
SEPARATOR_ROW = "| --- | --- | --- | --- |"
# What the reader knows, as a ParseError names it.
LAYOUTS = (
    "DailyArXiv ('| **Title** | **Date** | **Abstract** | **Comment** |' under '## keyword' headings)",
    "cv-arxiv-daily ('|Publish Date|Title|Authors|PDF|Code|', 'Updated on YYYY.MM.DD')",
    "any markdown table whose header names a title/paper column and a date, authors, pdf/link/url/arxiv, "
    "code, abstract or comment column, under '##'/'###' keyword headings (centred or aligned, "
    "Jekyll front matter allowed)",
    "paper cards (a '### title' heading per paper, in a blockquote or not, with a link to arXiv or a date "
    "attribute row '| Published | YYYY-MM-DD |')",
    "the same tables written in HTML ('<table><tr><th>Publish Date</th><th>Title</th>...'; an arXiv id only in a "
    "'data-' attribute is the row's link)",
    "a heading per paper: '# title' with labelled fields ('**Authors**: ...', '**Link**: [PDF](https://arxiv.org/pdf/...)',"
    " '**Paper ID:** 2501.01234', '- Authors: ...'; a bold full title under a short name) or "
    "'## [title](https://arxiv.org/abs/...)' under '# topic' headings",
    "a nested-bullet digest ('- **title**' with '- Authors: ...', '- Links: [arXiv](...)' under it, '### topic' headings)",
)

# "Last update: 2025-03-21", "## Updated on 2022.07.02", "Automated deployment @ 2025-06-13 21:19:36 Asia/Shanghai"
_LAST_UPDATE = re.compile(
    r"^[#>*_\s]*(?:(?P<last>last[\s_-]+updated?)|updated\s+(?:on|at)|automated\s+deployment|deployed\s+(?:on|at)"
    r"|generated\s+(?:on|at))\s*[:：@]?\s*[*_]*\s*(?P<value>[^*_\s]+)(?P<rest>.*)$",
    re.IGNORECASE,
)
_HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
_FRONT_MATTER_END = frozenset({"---", "..."})
# Headings that label the page's parts ("📄 Paper Details", "📋 Today's Overview", "Table of Contents"), not a
# topic: every word is one of these, and one names a part. Such a heading is no keyword (no tag, no section).
_LABEL_WORDS = frozenset("paper papers details overview contents list index table of the all today's todays".split())
_PART_WORDS = frozenset("details overview contents list index".split())


def _page_label(heading: str) -> bool:
    """Whether a heading labels a part of the page rather than naming a topic (see ``_LABEL_WORDS``)."""
    words = re.findall(r"[\w']+", heading.lower().replace("’", "'"))
    return bool(words) and set(words) <= _LABEL_WORDS and not set(words).isdisjoint(_PART_WORDS)


@dataclass
class DailyArxivDigest:
    """The content of one DailyArXiv README.

    Parameters
    ----------
    last_update : datetime.date or None
        The ``Last update:`` (or ``Updated on``) date of the digest.
    sections : dict of str to list of str
        Keyword (``##`` or ``###`` heading over a paper table) -> canonical ids of the papers listed under it, in
        order. A ``###`` topic inside a ``##`` area lists its papers under both.
    papers : list of Paper
        Each paper once, in order of first appearance, tagged with every keyword it is listed under.
    """

    last_update: dt.date | None = None
    sections: dict[str, list[str]] = field(default_factory=dict)
    papers: list[Paper] = field(default_factory=list)

    def __repr__(self) -> str:
        update = self.last_update.isoformat() if self.last_update else None
        return f"DailyArxivDigest(last_update={update!r}, sections={list(self.sections)!r}, papers={len(self.papers)})"


def parse_dailyarxiv(text: str, source: str = "<string>") -> DailyArxivDigest:
    """Read the text of a DailyArXiv-style README.

    Parameters
    ----------
    text : str
        The README (markdown).
    source : str
        File name or URL, used in source records and messages.

    Returns
    -------
    DailyArxivDigest
        ``last_update``, ``sections`` (keyword -> paper ids) and the papers, each once,
        carrying every keyword it is listed under in ``tags``.

    Raises
    ------
    ParseError
        If the text has no paper table of a layout this reader knows (the message lists them), or no row of
        its tables could be read.

    Warns
    -----
    PartialImportWarning
        For table rows that could not be read; they are skipped.
    """
    problems = ProblemCollector(source)
    reader = _Reader(source, problems)
    text = resolve_reference_links(text)
    lines = text.lstrip("\ufeff").splitlines()
    reader.read(lines)
    _read_html(reader, text, source, problems)
    if not reader.merged:  # no table, or only an index of the papers below ("| [Short-Name](#p-1) | 2021 |")
        card_problems = ProblemCollector(source)
        cards = read_cards(lines, _front_matter_end(lines), source, card_problems)
        if cards or not reader.saw_table:
            problems.problems = (
                card_problems.problems if reader.saw_table else problems.problems + card_problems.problems
            )
        for paper in cards:
            reader.add(paper, paper.tags)
    if not reader.saw_table and not reader.merged and not problems.problems:
        raise ParseError(
            "no paper table found: expected a DailyArXiv-style README, one of: " + "; ".join(LAYOUTS),
            source=source,
        )
    digest = reader.digest
    digest.papers = problems.finish(list(reader.merged.values()), expected="table rows")
    if not digest.papers:
        raise ParseError(
            "the paper tables have no rows: expected rows under a header such as " + HEADER_ROW, source=source
        )
    return digest


def _read_html(reader: _Reader, text: str, source: str, problems: ProblemCollector) -> None:
    """The papers of a README's HTML tables, then, when those give none, of HTML cards whose classes name their
    fields."""
    if "<table" in text.lower():
        tables = html_tables(text, source, problems)
        for paper, tags in tables.papers:
            reader.add(paper, tags)
        reader.saw_table = reader.saw_table or tables.saw_table
        reader.digest.last_update = reader.digest.last_update or tables.last_update
    if not reader.merged and "class=" in text:  # HTML cards whose classes name their fields
        for paper in html_class_cards(text, source):
            reader.add(paper, paper.tags)


class _Reader:
    """The state of reading one README line by line: headings, the current table, the papers so far."""

    def __init__(self, source: str, problems: ProblemCollector) -> None:
        self.source = source
        self.problems = problems
        self.digest = DailyArxivDigest()
        self.merged: dict[str, Paper] = {}
        self.headings: dict[int, str] = {}  # level (2, 3) -> keyword
        self.table: Columns | None = None  # the paper table being read
        self.in_table = False  # inside any table (a paper table or another one)
        self.saw_table = False
        self.running: int | None = None  # the cell of running text a row of the table has beside its columns

    def read(self, lines: list[str]) -> None:
        number = _front_matter_end(lines)
        while number < len(lines):
            line = lines[number].strip()
            number += 1
            if not line:
                continue
            if self._metadata(line, f"line {number}"):
                self.in_table, self.table = False, None
            elif number < len(lines) and "|" in line and is_separator(lines[number]):
                self._header(line)
                number += 1  # the alignment row
            elif self.in_table and "|" in line:
                if self.table is not None:
                    row, end = _whole_row(lines, line, number)
                    self._row(row, f"line {number}")
                    number = end
            elif line.startswith("|"):
                self.problems.add(f"line {number}", "table row without a header row above it")
            else:
                self.in_table, self.table = False, None

    def _metadata(self, line: str, where: str) -> bool:
        """Read a ``Last update`` line or a heading; whether ``line`` was one."""
        if m := _LAST_UPDATE.match(line):
            try:
                self.digest.last_update = parse_date(m.group("value"))
                return True
            except ValueError:
                if m.group("last"):  # "Last update:" says it is a date; "Updated on request" is just text
                    self.problems.add(where, f"'Last update' expected a date YYYY-MM-DD, got {m.group('value')!r}")
                    return True
        m = _HEADING.match(line)
        if m is None:
            return False
        level = len(m.group("level"))
        if level <= 3:
            self.headings = {k: v for k, v in self.headings.items() if k < level}
            keyword = html.unescape(m.group("text").strip())  # the writer's _heading()
            if level > 1 and keyword and not _page_label(keyword):
                self.headings[level] = keyword
        return True

    def _header(self, line: str) -> None:
        self.in_table, self.running = True, None
        self.table = header_columns(line)
        if self.table is not None:
            self.saw_table = True
            for keyword in self._tags():
                self.digest.sections.setdefault(keyword, [])

    def _tags(self) -> list[str]:
        return list(dict.fromkeys(self.headings[level] for level in sorted(self.headings)))

    def _row(self, line: str, where: str) -> None:
        assert self.table is not None
        tags = self._tags()
        line, abstract, self.running = _abstract_apart(line, len(self.table.roles), self.running)
        paper = parse_row(line, self.table, Row(where, self.source, tags), self.problems)
        if paper is not None and abstract and not paper.abstract:
            paper = dataclasses.replace(paper, abstract=abstract)
        if paper is not None and _published_that_day(paper):
            paper = _first_published(paper)  # "|2026-01-29|…|[2601.01234](…abs/2601.01234)|": the day it came out
        if paper is not None:
            self.add(paper, tags)

    def add(self, paper: Paper, tags: list[str]) -> None:
        """List ``paper`` under its keywords and merge it with the same paper listed before."""
        if is_no_paper(paper):
            return  # a tool's, a repository's, a talk's or a post's row or card (its address says so): no paper
        paper = with_title_parts(paper)  # "Title (Quill et al., 2017)", "Quill — *Title*": the title alone
        for keyword in tags:
            ids = self.digest.sections.setdefault(keyword, [])
            if paper.id not in ids:
                ids.append(paper.id)
        self.merged[paper.id] = self.merged[paper.id].merge(paper) if paper.id in self.merged else paper


def _published_that_day(paper: Paper) -> bool:
    """Whether a row's date (read as the last update) is the day the paper came out: its link gives no version
    (a "v2" link's date is its update's, as both generators write it) and the day falls in its arXiv id's month (a
    new paper's listing; a revision within its first month would put the day a few days late, never a month)."""
    day, arxiv_id = paper.updated, paper.arxiv_id or ""
    if (
        day is None
        or paper.version is not None
        or paper.published == day
        or not re.fullmatch(r"\d{4}\.\d{4,5}", arxiv_id)
    ):
        return False
    return (day.year % 100, day.month) == (int(arxiv_id[:2]), int(arxiv_id[2:4]))


def _first_published(paper: Paper) -> Paper:
    """``paper`` published on the day its table's date cell gives (not the arXiv id's month)."""
    extra = {k: v for k, v in paper.extra.items() if k not in ("date_precision", "date_inferred", "date_note")}
    return dataclasses.replace(paper, published=paper.updated, extra=extra)


_ROW_LINES = 20  # a row's cell runs over at most so many lines


def _whole_row(lines: list[str], line: str, number: int) -> tuple[str, int]:
    """(the row, the index of the line after it) of a table row whose cell runs over several lines (an abstract
    written with its line breaks: "|2024-04-26|**Title**|First line of it," … "last line.|Ada Quill et.al.|…|"): its
    lines joined by newlines up to the one ending with ``|``; a row on one line as it is."""
    if not line.startswith("|") or line.endswith("|"):
        return line, number
    for end in range(number, min(len(lines), number + _ROW_LINES)):
        following = lines[end].strip()
        if not following or following.startswith(("|", "#")):
            break
        if following.endswith("|"):
            return "\n".join([line, *(text.strip() for text in lines[number : end + 1])]), end + 1
    return line, number


def _abstract_apart(line: str, n_columns: int, known: int | None) -> tuple[str, str | None, int | None]:
    """A row whose cell of running text has no column of its own (one cell more than its header): the row without
    that cell, its text (the paper's abstract) and where it stands. The cell is the one that ran over several lines
    (:func:`_whole_row`), or in a row on one line the one found so in a row above (``known``); a row whose cell ran
    over lines in a column of its own is put on one line."""
    if "\n" not in line and known is None:
        return line, None, known
    cells = split_cells(line)
    running = [i for i, cell in enumerate(cells) if "\n" in cell]
    at = running[0] if len(running) == 1 else known if not running else None
    if len(cells) == n_columns + 1 and at is not None and at < len(cells):
        text = " ".join(cells.pop(at).split())
        return "|" + "|".join(cells) + "|", text, at
    return " ".join(line.split("\n")), None, known


def _front_matter_end(lines: list[str]) -> int:
    """Index of the first line after Jekyll/YAML front matter (``---`` … ``---``) or Hugo's TOML (``+++`` …
    ``+++``), 0 if there is none."""
    if not lines or lines[0].strip() not in ("---", "+++"):
        return 0
    ends = _FRONT_MATTER_END if lines[0].strip() == "---" else {"+++"}  # YAML, or Hugo's TOML
    for index, line in enumerate(lines[1:200], start=1):
        if line.strip() in ends:
            return index + 1
    return 0


def has_paper_table(text: str) -> bool:
    """Whether ``text`` holds a paper table this reader knows (a header row naming paper columns over an alignment
    row): for format detection, e.g. on the first 64 KiB of a file.

    >>> has_paper_table("|Publish Date|Title|Authors|PDF|Code|\\n|---|---|---|---|---|\\n")
    True
    >>> has_paper_table("| Field | Value |\\n|:---:|:---|\\n")
    False
    """
    lines = text.splitlines()
    return any(
        "|" in line and is_separator(after) and header_columns(line) is not None
        for line, after in zip(lines, lines[1:], strict=False)
    )


def read_dailyarxiv(path: str | Path, reference_date: dt.date | str | None = None) -> list[Paper]:
    """Papers of a DailyArXiv-style README file, each once, tagged with its keywords.

    Parameters
    ----------
    path : str or Path
        The README (UTF-8 markdown).
    reference_date : date or ISO text, optional
        The day the page is read as of (today when None): a two-digit year ("'22") is of the century that puts it
        no later than the year after it.

    Returns
    -------
    list of Paper
        See :func:`parse_dailyarxiv` for the whole digest (sections, last update).

    Raises
    ------
    ParseError
        If the file is unreadable or not a DailyArXiv README.
    """
    path = Path(path)
    text = read_text(path)
    with as_of(reference_date):
        return parse_dailyarxiv(text, source=str(path)).papers


# -- writing ------------------------------------------------------------------------------


def _escape(text: str) -> str:
    """Escape text for a table cell: HTML specials, ``|`` ``[`` ``]`` and the backtick and backslash (which would
    open a code span over the row's own tags or escape its brackets) as references, newlines as ``<br>``; control
    characters and bidirectional overrides dropped."""
    text = html.escape(shown_text(text), quote=False)
    text = text.replace("|", "&#124;").replace("[", "&#91;").replace("]", "&#93;")
    text = text.replace("`", "&#96;").replace("\\", "&#92;")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


def _heading(text: str) -> str:
    """A heading's text on one line, with no raw HTML, link or image (``< > & | [ ]`` as references)."""
    return _escape(" ".join(shown_text(text).split()))


def _row(paper: Paper) -> str:
    if paper.arxiv_id and normalize_arxiv_id(paper.url) != (paper.arxiv_id, paper.version):
        url = f"https://arxiv.org/abs/{paper.arxiv_id}" + (f"v{paper.version}" if paper.version else "")
    else:
        url = paper.url or paper.abs_url or ""
    url = md_url(url.replace(" ", "%20")) or ""  # only an http(s) URL is linked; ( ) | [ ] < > percent-encoded
    date = paper.updated or (None if dated_by_arxiv_id(paper.extra) else paper.published)  # no made-up day
    abstract = _escape(paper.abstract or "")
    comment = ""
    if paper.comment:
        # Long comments fold like the original generator's.
        comment = (
            f"<details><summary>{_escape(paper.comment[:5])}...</summary><p>{_escape(paper.comment)}</p></details>"
            if len(paper.comment) > 20
            else _escape(paper.comment)
        )
    return (
        f"| **[{_escape(paper.title)}]({url})** | {date.isoformat() if date else ''} | "
        f"<details><summary>Show</summary><p>{abstract}</p></details> | {comment} |"
    )


def to_dailyarxiv_markdown(
    papers_or_library: Iterable[Paper],
    last_update: dt.date | str | None = None,
    sections: Mapping[str, Sequence[str]] | Sequence[str] | None = None,
    title: str = "Daily Papers",
) -> str:
    """Write papers as a DailyArXiv-style README.

    Parameters
    ----------
    papers_or_library : iterable of Paper (e.g. a Library)
        The papers.
    last_update : datetime.date or str, optional
        The ``Last update:`` date; defaults to today.
    sections : mapping or sequence, optional
        A mapping keyword -> paper ids (as in :attr:`DailyArxivDigest.sections`), or a
        list of keywords (tags) to write, in order. By default one section per tag, in
        order of first appearance; untagged papers come first, in a table without heading.
    title : str
        The top-level heading.

    Returns
    -------
    str
        Markdown that :func:`read_dailyarxiv` reads back with the same titles, arXiv ids
        and versions, dates, abstracts, comments and tags.
    """
    papers = list(papers_or_library)
    out = [f"# {_heading(title)}", "", f"Last update: {_last_update(last_update).isoformat()}", ""]
    for keyword, members in _sections(papers, sections).items():
        if keyword is not None:
            out.append(f"## {_heading(keyword)}")
        out += [HEADER_ROW, SEPARATOR_ROW]
        out += [_row(p) for p in members]
        out.append("")
    return "\n".join(out)


def _last_update(value: dt.date | str | None) -> dt.date:
    """The ``Last update:`` date: today by default, a date, or the date of an ISO date or timestamp string."""
    return as_date(value, "last_update") or dt.date.today()


def _sections(
    papers: list[Paper], sections: Mapping[str, Sequence[str]] | Sequence[str] | None
) -> dict[str | None, list[Paper]]:
    """Keyword -> papers to write under it (``None``: the table before any heading); see
    :func:`to_dailyarxiv_markdown`."""
    if isinstance(sections, str):
        sections = [sections]
    if isinstance(sections, Mapping):
        return _sections_by_id(papers, sections)
    keywords = list(sections) if sections is not None else list(dict.fromkeys(t for p in papers for t in p.tags))
    by_section: dict[str | None, list[Paper]] = {k: [p for p in papers if k in p.tags] for k in keywords}
    if sections is None:
        # A table before any "##" heading: read back without a tag.
        untagged = [p for p in papers if not p.tags]
        if untagged:
            by_section = {None: untagged, **by_section}
    return by_section


def _sections_by_id(papers: list[Paper], sections: Mapping[str, Sequence[str]]) -> dict[str | None, list[Paper]]:
    """Keyword -> papers from keyword -> paper ids (canonical ids or arXiv ids).

    Raises
    ------
    KeyError
        If a section lists a paper that is not given.
    """
    lookup: dict[str, Paper] = {}
    for p in papers:
        lookup.setdefault(p.id, p)
        if p.arxiv_id:
            lookup.setdefault(p.arxiv_id, p)
    by_section: dict[str | None, list[Paper]] = {}
    for name, ids in sections.items():
        missing = [i for i in ids if i not in lookup]
        if missing:
            raise KeyError(f"section {name!r} lists papers that are not given: {missing[:5]}")
        by_section[name] = [lookup[i] for i in ids]
    return by_section


Library.operations.register("to_dailyarxiv", to_dailyarxiv_markdown)  # ``Library.to_dailyarxiv``

"""DailyArXiv-style README digests: read them, and write them.

The format (zezhishao/DailyArXiv and its forks)::

    Last update: 2025-03-21

    ## Hallucination
    | **Title** | **Date** | **Abstract** | **Comment** |
    | --- | --- | --- | --- |
    | **[Title](http://arxiv.org/abs/2503.14895v1)** | 2025-03-19 | <details><summary>Show</summary><p>Abstract</p></details> | comment |

Each ``##`` section is a search keyword; the same paper can be listed under several.
The generator writes titles, abstracts and comments raw, so a ``|`` inside LaTeX can
break a row into extra cells: rows are therefore read by anchoring on the title cell,
the date cell and the ``<details>…</details>`` abstract, not by splitting on ``|``.
Text is kept as written (a literal ``\\|`` stays ``\\|``); HTML markup is removed and
entities are decoded with the standard library's :mod:`html.parser`.

:func:`to_dailyarxiv_markdown` writes the same layout, escaping ``|``, ``[``, ``]``,
newlines and HTML-special characters as HTML character references / ``<br>``, so every
row stays one row and :func:`read_dailyarxiv` reads it back without loss.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..dates import as_date
from ..errors import ParseError, ProblemCollector
from ..library import Library
from ..paper import Paper, SourceRecord, normalize_arxiv_id
from ..text import shown_text
from ..urls import md_url
from ._files import read_text

__all__ = ["DailyArxivDigest", "parse_dailyarxiv", "read_dailyarxiv", "to_dailyarxiv_markdown"]

SOURCE_KIND = "dailyarxiv"
HEADER_ROW = "| **Title** | **Date** | **Abstract** | **Comment** |"
SEPARATOR_ROW = "| --- | --- | --- | --- |"

_LAST_UPDATE = re.compile(r"^\s*Last update:\s*(\S+)\s*$", re.IGNORECASE)
_SECTION = re.compile(r"^##\s+(?P<keyword>.+?)\s*#*\s*$")
_ROW = re.compile(
    r"""^\|\s*\*\*\[(?P<title>.*?)\]\((?P<url>[^)\s]*)\)\*\*\s*\|      # | **[title](url)** |
        \s*(?P<date>\d{4}-\d{2}-\d{2})?\s*\|                           # date |
        \s*<details>\s*<summary>[^<]*</summary>\s*<p>(?P<abstract>.*?)</p>\s*</details>\s*\|  # abstract |
        (?P<comment>.*)\|\s*$                                          # comment |
    """,
    re.VERBOSE,
)
_DETAILS = re.compile(r"^<details>\s*<summary>[^<]*</summary>\s*<p>(?P<text>.*)</p>\s*</details>$", re.S)
_HEADER_CELL = re.compile(r"^\|\s*\*\*Title\*\*\s*\|", re.IGNORECASE)
_TABLE_SEPARATOR = re.compile(r"^\|(\s*:?-{3,}:?\s*\|)+\s*$")
# Markup tags whose text is kept and whose tag is dropped; any other "<word ...>" is kept literally,
# since abstracts are written raw and may hold things like "$a<b>$".
_HTML_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "br",
        "cite",
        "code",
        "del",
        "details",
        "div",
        "em",
        "i",
        "ins",
        "kbd",
        "mark",
        "p",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "tt",
        "u",
    }
)


@dataclass
class DailyArxivDigest:
    """The content of one DailyArXiv README.

    Parameters
    ----------
    last_update : datetime.date or None
        The ``Last update:`` date of the digest.
    sections : dict of str to list of str
        Keyword (``##`` heading) -> canonical ids of the papers listed under it, in order.
    papers : list of Paper
        Each paper once, in order of first appearance, tagged with every keyword it is listed under.
    """

    last_update: dt.date | None = None
    sections: dict[str, list[str]] = field(default_factory=dict)
    papers: list[Paper] = field(default_factory=list)

    def __repr__(self) -> str:
        update = self.last_update.isoformat() if self.last_update else None
        return f"DailyArxivDigest(last_update={update!r}, sections={list(self.sections)!r}, papers={len(self.papers)})"


class _TextExtractor(HTMLParser):
    """Text of an HTML fragment: markup tags dropped, ``<br>`` as a newline, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag not in _HTML_TAGS:
            self.parts.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _HTML_TAGS:
            self.parts.append(f"</{tag}>")


def _html_to_text(fragment: str) -> str:
    parser = _TextExtractor()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts).strip()


def _cell_text(cell: str) -> str | None:
    """Text of a comment cell: plain text, or ``<details><summary>…</summary><p>full</p></details>``."""
    cell = cell.strip()
    m = _DETAILS.match(cell)
    text = _html_to_text(m.group("text") if m else cell)
    return text or None


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
        If the text has no DailyArXiv paper table, or no row of it could be read.

    Warns
    -----
    PartialImportWarning
        For table rows that could not be read; they are skipped.
    """
    problems = ProblemCollector(source)
    digest = DailyArxivDigest()
    merged, saw_table = _read_lines(text, source, digest, problems)
    if not saw_table:
        raise ParseError(
            f"no paper table found: expected a DailyArXiv README with '## keyword' sections and a '{HEADER_ROW}' table",
            source=source,
        )
    digest.papers = problems.finish(
        list(merged.values()),
        expected="table rows (| **[title](url)** | date | <details>…abstract…</details> | comment |)",
    )
    if not digest.papers:
        raise ParseError(
            "the paper table has no rows: expected rows like '| **[title](url)** | YYYY-MM-DD | "
            "<details><summary>Show</summary><p>abstract</p></details> | comment |'",
            source=source,
        )
    return digest


def _read_lines(
    text: str, source: str, digest: DailyArxivDigest, problems: ProblemCollector
) -> tuple[dict[str, Paper], bool]:
    """Every line of a README: ``Last update:`` and sections go into ``digest``; returns the papers by id (each
    merged over the sections listing it) and whether a paper table was seen."""
    merged: dict[str, Paper] = {}
    keyword: str | None = None
    saw_table = False
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.strip()
        where = f"line {number}"
        if not line:
            continue
        if m := _LAST_UPDATE.match(line):
            _read_last_update(m.group(1), where, digest, problems)
        elif m := _SECTION.match(line):
            keyword = html.unescape(m.group("keyword").strip())  # the writer's _heading()
            digest.sections.setdefault(keyword, [])
        elif line.startswith("|"):
            saw_table = True
            if not (_HEADER_CELL.match(line) or _TABLE_SEPARATOR.match(line)):
                paper = _parse_row(line, where, source, keyword, problems)
                if paper is not None:
                    _add_paper(paper, keyword, digest, merged)
    return merged, saw_table


def _read_last_update(value: str, where: str, digest: DailyArxivDigest, problems: ProblemCollector) -> None:
    try:
        digest.last_update = dt.date.fromisoformat(value)
    except ValueError:
        problems.add(where, f"'Last update:' expected a date YYYY-MM-DD, got {value!r}")


def _add_paper(paper: Paper, keyword: str | None, digest: DailyArxivDigest, merged: dict[str, Paper]) -> None:
    """List ``paper`` under its section and merge it with the same paper listed before."""
    if keyword is not None and paper.id not in digest.sections[keyword]:
        digest.sections[keyword].append(paper.id)
    merged[paper.id] = merged[paper.id].merge(paper) if paper.id in merged else paper


def _parse_row(line: str, where: str, source: str, keyword: str | None, problems: ProblemCollector) -> Paper | None:
    m = _ROW.match(line)
    if m is None:
        problems.add(
            where,
            "table row not understood: expected '| **[title](url)** | YYYY-MM-DD | "
            "<details><summary>Show</summary><p>abstract</p></details> | comment |'",
        )
        return None
    title = _html_to_text(m.group("title"))
    if not title:
        problems.add(where, "table row has an empty title")
        return None
    url = html.unescape(m.group("url")) or None
    found = normalize_arxiv_id(url)
    arxiv_id, version = found if found else (None, None)
    date = None
    if m.group("date"):
        try:
            date = dt.date.fromisoformat(m.group("date"))
        except ValueError:
            problems.add(where, f"date cell expected YYYY-MM-DD, got {m.group('date')!r}")
            return None
    return Paper(
        title=title,
        arxiv_id=arxiv_id,
        version=version,
        url=url,
        abstract=_html_to_text(m.group("abstract")) or None,
        comment=_cell_text(m.group("comment")),
        # The date is the arXiv entry's last update: the first publication only for v1.
        updated=date,
        published=date if version == 1 or arxiv_id is None else None,
        tags=[keyword] if keyword else [],
        sources=[SourceRecord(SOURCE_KIND, location=source, record=where)],
    )


def read_dailyarxiv(path: str | Path) -> list[Paper]:
    """Papers of a DailyArXiv-style README file, each once, tagged with its keywords.

    Parameters
    ----------
    path : str or Path
        The README (UTF-8 markdown).

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
    date = paper.updated or paper.published
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

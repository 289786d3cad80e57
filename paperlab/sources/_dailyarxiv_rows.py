"""Paper tables of DailyArXiv-style READMEs: header rows found by their column names, rows read cell by cell.

The generators that write these READMEs (zezhishao/DailyArXiv and its forks, Vincentqyw/cv-arxiv-daily and its
forks, their GitHub-Pages variants) all write one markdown table per keyword, but with different columns::

    | **Title** | **Date** | **Abstract** | **Comment** |
    |Publish Date|Title|Authors|PDF|Code|
    | :---: | :---: | :---: | :---: |

A header row (over an alignment row; outer pipes optional) is recognised by its column names (case-insensitive,
markup and emoji dropped, a few Chinese names too): a title column (``title``, ``paper``) and at least one more
known column — a date (``date``, ``publish date``, ``updated``), ``authors``, a link (``pdf``, ``link``, ``url``,
``arxiv``; a ``paper`` column next to a ``title`` one), ``code``, ``abstract`` or ``comment``. Other tables
(badges, an attribute table, a list of tools) are not paper tables and their rows are skipped.

Cells are split on unescaped ``|``. DailyArXiv writes titles, abstracts and comments raw, so a ``|`` inside LaTeX
can break its row into extra cells: for its column order such a row is read by anchoring on the title link, the
date and the ``<details>…</details>`` abstract. In any other layout such a row is joined back at a text cell only
when every date, link and code cell then looks like one; else it is reported, never guessed. Missing trailing cells
are empty, as on GitHub.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from ..errors import ProblemCollector
from ..identifiers import OLD_ARXIV_ID
from ..names import is_placeholder_name, split_et_al
from ..paper import Paper, SourceRecord, normalize_arxiv_id
from ..urls import safe_url
from ._cited_rows import cited_cells, with_citation
from ._dailyarxiv_dates import NO_VALUE, cell_date, date_hint, html_to_text, unwrap

SOURCE_KIND = "dailyarxiv"

# Column name (lower case, markup and punctuation dropped) -> what the column holds.
_ROLES = {
    "title": {
        "title",
        "titles",
        "paper",
        "papers",
        "paper title",
        "paper name",
        "article",
        "标题",
        "题目",
        "论文",
        "论文标题",
        "論文",
        "論文タイトル",
        "タイトル",
    },
    "date": {
        "date",
        "publish date",
        "published",
        "publication date",
        "published date",
        "update date",
        "updated",
        "last update",
        "submitted",
        "submission date",
        "submit date",
        "time",
        "day",
        "日期",
        "发布日期",
        "发表日期",
        "时间",
        "year",
        "pub year",
        "publication year",
        "年份",
    },
    "venue": {"venue", "conference", "conf", "journal", "published in", "appear in", "会议", "期刊"}
    | {"hội nghị", "tạp chí", "conferencia", "revista", "conférence", "konferenz", "学会", "학회"},
    "authors": {"author", "authors", "first author", "author list", "作者", "著者"}
    | {"tác giả", "autores", "autor", "auteurs", "auteur", "autoren", "autori", "저자", "авторы"},
    "link": {
        "pdf",
        "link",
        "links",
        "url",
        "arxiv",
        "arxiv link",
        "openreview",
        "arxiv id",
        "paper link",
        "abs",
        "id",
        "链接",
        "paper id",
        "论文id",
        "arxiv编号",
    },
    "code": {"code", "codes", "github", "repo", "repository", "code link", "project", "代码"},
    "abstract": {"abstract", "abstracts", "summary", "tldr", "tl dr", "摘要", "概要", "要約"}
    | {"tóm tắt", "resumen", "résumé", "zusammenfassung", "요약"},
    "comment": {
        "comment",
        "comments",
        "note",
        "notes",
        "remark",
        "remarks",
        "备注",
        "備考",
        "コメント",
        "メモ",
        "一言",
    },
}
# A "Paper" column next to a "Title" column holds the paper's link.
_TITLE_FIRST = frozenset({"title", "titles", "paper title", "标题", "题目", "论文标题"})
_ROLE_OF = {name: role for role, names in _ROLES.items() for name in names}
# The column order of the DailyArXiv generator, whose rows may be broken by raw pipes.
CLASSIC = ("title", "date", "abstract", "comment")

_SEPARATOR = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_ROW = re.compile(
    r"""^\|\s*\*\*\[(?P<title>.*?)\]\((?P<url>[^)\s]*)\)\*\*\s*\|      # | **[title](url)** |
        \s*(?P<date>\d{4}-\d{2}-\d{2})?\s*\|                           # date |
        \s*(?P<abstract><details>\s*<summary>[^<]*</summary>\s*<p>.*?</p>\s*</details>)\s*\|  # abstract |
        (?P<comment>.*)\|\s*$                                          # comment |
    """,
    re.VERBOSE,
)
_DETAILS = re.compile(r"^<details>\s*<summary>[^<]*</summary>\s*<p>(?P<text>.*)</p>\s*</details>$", re.S)
# One of several foldouts in one cell: the abstract and its translations ("EN" and "中文" summaries).
_FOLDOUT = re.compile(
    r"\s*<details>\s*<summary>(?P<label>[^<]*)</summary>\s*<p>(?P<text>.*?)</p>\s*</details>\s*", re.S
)
_ORIGINAL_LABELS = frozenset(("en", "eng", "english", "abstract", "original"))
_LINK = re.compile(r"\[{1,2}(?P<text>[^\[\]]*)\]{1,2}\((?P<url>[^()\s]*)\)")  # also "[[arXiv]](url)"
# an image ("![R](badge.svg)", the badge of "[![R](badge.svg)](code-url)") stands for its alt text
IMAGE = re.compile(r"!\[(?P<alt>[^\[\]]*)\]\([^()\s]*\)")
_BREAK = re.compile(r"<br\s*/?>", re.I)
# an Obsidian wiki link naming a note by the paper's id: "[[2509.19668]]", "[[2509.19668|the paper]]"
_WIKI_LINK = re.compile(r"^\[\[(?P<target>[^\[\]|]+)(?:\|[^\[\]]*)?\]\]$")
# words of a column name that make it a link column ("Links & Summary", "PDF / Code")
_LINK_WORDS = frozenset({"link", "links", "pdf", "url", "arxiv"})
_MARK_BEFORE = re.compile(r"^[^\w\s\[\]()<>*_`\\|\"'“‘「«]+\s*(?=\[)")  # a mark before a title's link ("⭐ ")
_WHOLE_LINK = re.compile(r"^\[(?P<text>.*)\]\((?P<url>[^()\s]*)\)$", re.S)
_HREF = re.compile(r"""href\s*=\s*["'](?P<url>[^"']+)["']""", re.I)
_ARXIV_TEXT = re.compile(rf"^(?:arxiv\s*:?\s*)?(?:\d{{4}}\.\d{{4,5}}|{OLD_ARXIV_ID})(?:v\d+)?$", re.I)
# links that name an arXiv id: arxiv.org and its mirrors (export., alphaxiv, ar5iv, papers.cool/arxiv), HF papers
# (an IEEE ".../document/9396034" looks like an old-style id and is not one)
_NAMES_ARXIV = re.compile(r"arxiv|ar5iv|huggingface\.co/papers/", re.I)
_VENUE_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")  # the year a venue cell names ("CVPR 2025")
_SCHEME = re.compile(r"^\s*[a-z][a-z0-9+.-]*:", re.I)
# a new-style arXiv id opening a file's or folder's name, or bracketed in it ("papers/2604.08920-title.md",
# "./Topic/[Arxiv 2507.20198] Survey/")
_PATH_ARXIV = re.compile(
    r"(?:^|/|\[)(?:arxiv[\s_:-]*)?(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}(?:v\d+)?)(?=$|[\]/\s_.-])", re.I
)
_DOI_TEXT = re.compile(r"^(?:doi\s*:?\s*)?10\.\d{4,9}/\S+$", re.I)
# words a title cell's links are labelled by when they lead to the paper, not its code
_LINK_LABELS = frozenset({"arxiv", "pdf", "paper", "link", "doi", "abs", "abstract", "preprint", "full text"})
_QUOTE_PAIRS = {'"': '"', "“": "”", "„": "“", "«": "»", "「": "」", "『": "』", "'": "'", "‘": "’"}
# a cell saying its value is the row's above ("same as above", "ditto", "〃") or not given: no name
_AS_ABOVE = re.compile(
    r"^\(?(?:(?:the\s+)?same(?:\s+as\s+above)?|(?:see\s+|as\s+)above|ditto|idem|〃|\"|”|not\s+(?:given|listed|known)"
    r"|none\s+given|tba|tbd)\.?\)?$",
    re.I,
)


def cell_text(cell: str) -> str | None:
    """Text of an abstract or comment cell: plain text, or ``<details><summary>…</summary><p>full</p></details>``."""
    cell = cell.strip()
    m = _DETAILS.match(cell)
    text = html_to_text(m.group("text") if m else cell)
    return text or None


def split_cells(line: str) -> list[str]:
    """The cells of a table row, split on unescaped ``|`` (a leading and a trailing ``|`` are optional)."""
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [cell.strip() for cell in _CELL_SPLIT.split(line)]


def is_separator(line: str) -> bool:
    """Whether ``line`` is a table's alignment row (``| --- | :---: |``)."""
    return "|" in line and _SEPARATOR.match(line.strip()) is not None


@dataclass(frozen=True)
class Columns:
    """What each column of a paper table holds (``None``: a column this reader does not use)."""

    roles: tuple[str | None, ...]
    names: tuple[str, ...] = field(default=())

    @property
    def classic(self) -> bool:
        return self.roles == CLASSIC

    def describe(self) -> str:
        return "| " + " | ".join(self.names) + " |"


def header_columns(line: str) -> Columns | None:
    """The columns of a table header row, if it is the header of a paper table (see the module docstring)."""
    return columns_of([html_to_text(unwrap(cell)) for cell in split_cells(line)])


def columns_of(header: list[str]) -> Columns | None:
    """The columns of a header given as its cells' text, if it is a paper table's (see the module docstring)."""
    names = tuple(header)
    keys = [_column_key(name) for name in names]
    roles = tuple(_ROLE_OF.get(key) or ("link" if _LINK_WORDS & set(key.split()) else None) for key in keys)
    if roles.count("title") > 1 and any(key in _TITLE_FIRST for key in keys):
        roles = tuple("link" if r == "title" and k not in _TITLE_FIRST else r for r, k in zip(roles, keys, strict=True))
    if "title" not in roles or len({r for r in roles if r}) < 2:
        return None
    return Columns(roles, names)


def _column_key(name: str) -> str:
    key = re.sub(r"[^\w\s]", " ", unwrap(name).lower())
    return " ".join(key.replace("_", " ").split())


@dataclass
class Row:
    """Where a row is and what it is listed under."""

    where: str
    source: str
    tags: list[str]


def parse_row(line: str, columns: Columns, row: Row, problems: ProblemCollector) -> Paper | None:
    """The paper of one table row, or None (reported to ``problems``) when the row cannot be read."""
    split = split_cells(line)
    n_cells = len(split)
    if n_cells < len(columns.roles) and not columns.classic:
        split += [""] * (len(columns.roles) - n_cells)  # as in GitHub's tables: missing cells are empty
    cells: list[str] | None = split
    if len(split) > len(columns.roles):
        cells = _classic_cells(line) if columns.classic else _rejoined(split, columns.roles)
    if cells is None or len(cells) != len(columns.roles):
        problems.add(
            row.where,
            f"table row not understood: expected {len(columns.roles)} cells like its header "
            f"{columns.describe()}, got {n_cells}",
        )
        return None
    return cells_paper(cells, columns, row, problems)


def cells_paper(cells: list[str], columns: Columns, row: Row, problems: ProblemCollector) -> Paper | None:
    """The paper of a row given as one (markdown or HTML) text per column."""
    by_role: dict[str, list[str]] = {}
    for role, cell in zip(columns.roles, cells, strict=True):
        if role:
            by_role.setdefault(role, []).append(cell)
    cited = cited_cells(columns.names, cells)  # "| Elijah | An et al. 2024 |": the method's name is the title
    if cited is not None:
        by_role["title"] = [cited.title]
    paper = _paper(by_role, row, problems)
    return with_citation(paper, cited) if paper is not None and cited is not None else paper


def _classic_cells(line: str) -> list[str] | None:
    """A DailyArXiv row broken by raw pipes, read by anchoring on the title link, the date and the abstract."""
    m = _ROW.match(line.strip())
    if m is None:
        return None
    return [
        f"**[{m.group('title')}]({m.group('url')})**",
        m.group("date") or "",
        m.group("abstract"),
        m.group("comment"),
    ]


def _rejoined(cells: list[str], roles: tuple[str | None, ...]) -> list[str] | None:
    """A row with more cells than its header, split by raw ``|`` in one text cell: joined back at the first text
    column (title, then abstract, comment, authors) for which every date, link and code cell then looks like a date,
    a link or an id (or is empty) and a "#" column a row number; None when there is none, or the table has a column
    that cannot be checked."""
    extra = len(cells) - len(roles)
    for role in ("title", "abstract", "comment", "authors"):
        for index in (i for i, r in enumerate(roles) if r == role):
            joined = cells[:index] + [" | ".join(cells[index : index + extra + 1])] + cells[index + extra + 1 :]
            if all(_fits(r, cell) for r, cell in zip(roles, joined, strict=True)):
                return joined
    return None


def _fits(role: str | None, cell: str) -> bool:
    """Whether a cell can be the ``role`` column's (free text always can; an unknown column only when it holds a
    row number, as a "#" column does: other unknown columns cannot be checked)."""
    if role is None:
        return re.fullmatch(r"\d{1,5}\.?", unwrap(html_to_text(cell))) is not None
    if role == "date":
        try:
            cell_date(cell)
        except ValueError:
            return False
        return True
    if role in ("link", "code"):
        return unwrap(html_to_text(cell)).lower() in NO_VALUE or bool(_links(cell))
    return role not in ("title", "authors") or "<details>" not in cell  # an abstract's foldout is no title or name


def _paper(cells: dict[str, list[str]], row: Row, problems: ProblemCollector) -> Paper | None:
    title, title_link, note = _title(cells["title"][0])
    if not title or not any(ch.isalpha() for ch in title):  # "", "✅", "—": a table of marks, not of papers
        problems.add(row.where, "table row has an empty title" if not title else f"table row has no title: {title!r}")
        return None
    try:
        date, date_extra = cell_date(cells["date"][0], date_hint(row.tags)) if "date" in cells else (None, {})
    except ValueError as exc:
        problems.add(row.where, f"date cell expected YYYY-MM-DD, got {exc.args[0]!r}")
        return None
    links = ([title_link] if title_link else []) + [u for cell in cells.get("link", []) for u in _links(cell)]
    arxiv_id, version = _arxiv_id(links, cells.get("link", []) + cells.get("venue", []))  # "| arXiv 2507.20198 |"
    web = [u for u in (safe_url(link) for link in links) if u]
    pdf = next((u for u in web if _is_pdf(u)), None)
    url = safe_url(title_link) or next((u for u in web if not _is_pdf(u)), None)
    # a relative link (a file next to the README) is kept as written, but never as the paper's URL
    relative = title_link and not safe_url(title_link) and not _SCHEME.match(title_link)
    extra = {"link": title_link} if relative else {}
    # The date is the arXiv entry's last update (both generators write it): the first publication only for v1.
    # A year or a month alone ("2024", "2024-01") is a curated list's first-release date: published, so said.
    venue = _venue(cells.get("venue", []))
    if date is None and arxiv_id is None and venue and (year := _VENUE_YEAR.search(venue)):  # "| CVPR 2025 |"
        date, date_extra = dt.date(int(year.group(0)), 1, 1), {"date_precision": "year"}
    partial = "date_precision" in date_extra
    return Paper(
        title=title,
        arxiv_id=arxiv_id,
        version=version,
        url=url,
        pdf_url=pdf,
        code_url=_code_url(cells.get("code", [])),
        authors=_authors(cells.get("authors", [""])[0]),
        abstract=_joined([_translations(c)[0] for c in cells.get("abstract", [])]),
        comment=_joined(cells.get("comment", [])) or note,
        journal_ref=venue,
        updated=None if partial else date,
        published=date if partial or version == 1 or arxiv_id is None else None,
        tags=list(row.tags),
        sources=[SourceRecord(SOURCE_KIND, location=row.source, record=row.where)],
        extra={**extra, **_apart(cells), **(date_extra if date is not None else {})},
    )


def _translations(cell: str) -> tuple[str, dict[str, str]]:
    """An abstract cell of several foldouts (``<details><summary>EN</summary><p>…</p></details><details>
    <summary>中文</summary><p>…</p></details>``) as (the original's cell, {label: translated text}); the original
    is the foldout labelled EN/English/Abstract, else the first. Any other cell is its own original."""
    blocks = list(_FOLDOUT.finditer(cell))
    if len(blocks) < 2 or sum(m.end() - m.start() for m in blocks) != len(cell):
        return cell, {}
    labels = [html_to_text(m.group("label")) for m in blocks]
    first = next((k for k, label in enumerate(labels) if label.lower() in _ORIGINAL_LABELS), 0)
    texts = {
        (labels[k] or f"translation {k}"): html_to_text(m.group("text")) for k, m in enumerate(blocks) if k != first
    }
    return blocks[first].group(0).strip(), {k: v for k, v in texts.items() if v}


def _apart(cells: dict[str, list[str]]) -> dict[str, Any]:
    """The ``extra`` entries of what a row says beside its fields: an abstract's translations (``translations``,
    by their labels), a list of authors cut short ("Yun Chen et al.": ``more_authors``)."""
    out: dict[str, Any] = {}
    translations = {k: v for cell in cells.get("abstract", []) for k, v in _translations(cell)[1].items()}
    if translations:
        out["translations"] = translations
    if split_et_al(html_to_text(_LINK.sub(r"\g<text>", cells.get("authors", [""])[0])))[1]:
        out["more_authors"] = True
    return out


def _venue(cells: list[str]) -> str | None:
    """A venue cell's text ("NeurIPS 2024", "TPAMI"); none when empty or only an arXiv id or "arXiv"."""
    text = unwrap(html_to_text(_LINK.sub(r"\g<text>", cells[0]))) if cells else ""
    if text.lower() in NO_VALUE or text.lower() == "arxiv" or _ARXIV_TEXT.match(text):
        return None
    return text


def _title(cell: str) -> tuple[str, str | None, str | None]:
    """Title text, link and note of a title cell (``**[title](url)**``, ``**title**``, ``<a href=…>title</a>``;
    ``**title**<br><sub>a summary</sub>``: the title, then the note); quotes around the whole title dropped."""
    cell = re.sub(r"\[\s*\]\([^()\s]*\)", "", IMAGE.sub("", cell)).strip()  # a badge before the title: none of it
    head, *rest = _BREAK.split(cell, maxsplit=1)
    note = html_to_text(rest[0]) or None if rest and html_to_text(head) else None
    inner = unwrap(head if note else cell)
    m = _WHOLE_LINK.match(_MARK_BEFORE.sub("", inner))  # "⭐ [Survey](…)": the link is the title
    if m:
        return _unquoted(html_to_text(unwrap(m.group("text")))), html.unescape(m.group("url")) or None, note
    inner, labelled = _labelled_links_apart(inner)  # "**Title** — Quill, 2017 ([arXiv:1706.03762](…))"
    href = _HREF.search(inner)
    link = html.unescape(href.group("url")) if href else next(iter(labelled), None)
    return _unquoted(html_to_text(inner)), link, note


def _labelled_links_apart(cell: str) -> tuple[str, list[str]]:
    """A title cell without the links after its title that are labelled by an id or a word ("[arXiv:1706.03762](…)",
    "[PDF](…)", "[paper](…)"), the brackets they leave empty dropped, and those links' targets (ids first): the
    title's address, not part of its words. A cell whose text is such a link alone, or holds no such link, as it is."""
    found: list[tuple[bool, str]] = []

    def apart(m: re.Match[str]) -> str:
        text = unwrap(html_to_text(m.group("text")))
        if not (_ARXIV_TEXT.match(text) or _DOI_TEXT.match(text) or text.lower() in _LINK_LABELS):
            return m.group(0)
        found.append((not (_ARXIV_TEXT.match(text) or _DOI_TEXT.match(text)), html.unescape(m.group("url"))))
        return " "

    rest = _LINK.sub(apart, cell)
    rest = re.sub(r"[(\[]\s*[,;|/]?\s*[)\]]", " ", rest)  # "( )", "[ ]" the links stood in
    rest = unwrap(re.sub(r"\s+", " ", rest).strip(" ,;|·—–-"))
    if not found or not re.search(r"[^\W\d_]{2}", html_to_text(rest)):
        return cell, []
    return rest, [url for _, url in sorted(found, key=lambda f: f[0]) if url]


def _unquoted(title: str) -> str:
    """A title without the quotes around it (``"Title"``, ``“Title”``, ``「Title」``); a title quoting two things
    (``"A" or "B"``) as written."""
    close = _QUOTE_PAIRS.get(title[:1])
    if close and len(title) > 2 and title.endswith(close) and close not in title[1:-1]:
        return title[1:-1].strip()
    return title


def _links(cell: str) -> list[str]:
    """Every link target of a cell (markdown links, ``href``), else the cell itself if it is a URL or an id."""
    cell = IMAGE.sub(r"\g<alt>", cell)
    found = [html.unescape(m.group("url")) for m in _LINK.finditer(cell)]
    found += [html.unescape(m.group("url")) for m in _HREF.finditer(cell)]
    if not found:
        text = _WIKI_LINK.sub(r"\g<target>", unwrap(html_to_text(cell)))
        if safe_url(text) or _ARXIV_TEXT.match(text):
            found.append(text)
    return [u for u in found if u]


def _arxiv_id(links: list[str], link_cells: list[str]) -> tuple[str | None, int | None]:
    """The arXiv id of a row: from a link to arXiv (abs or pdf, a mirror, huggingface.co/papers/…) or from
    a link cell's text that is an id (``2206.15255v1``, ``arXiv:2206.15255``)."""
    texts = [_WIKI_LINK.sub(r"\g<target>", unwrap(html_to_text(_LINK.sub(r"\g<text>", c)))) for c in link_cells]
    named = [u for u in links if _NAMES_ARXIV.search(u) or _ARXIV_TEXT.match(u)]
    for candidate in named + [t for t in texts if _ARXIV_TEXT.match(t)]:
        found = normalize_arxiv_id(candidate)
        if found:
            return found
    for link in links:  # a file beside the README named by the paper's id: "papers/2604.08920-title.md"
        m = _PATH_ARXIV.search(unquote(link)) if not _SCHEME.match(link) else None
        if m and (found := normalize_arxiv_id(m.group(1))):
            return found
    return None, None


def _is_pdf(url: str) -> bool:
    path = url.split("?", 1)[0].lower()
    return path.endswith(".pdf") or "/pdf/" in path


def _code_url(cells: list[str]) -> str | None:
    for cell in cells:
        for url in _links(cell):
            if safe_url(url):
                return safe_url(url)
    return None


def _authors(cell: str) -> list[str]:
    """Authors of a cell (``A, B and C``; ``First Author et.al.`` gives the first author only)."""
    text = split_et_al(unwrap(html_to_text(_LINK.sub(r"\g<text>", cell))))[0]
    if text.lower() in NO_VALUE:
        return []
    names = re.split(r"\s*[,;]\s*|\s+and\s+|\s*&\s*", text)
    return [n for n in (name.strip() for name in names) if n and not is_placeholder_name(n) and not _AS_ABOVE.match(n)]


def _joined(cells: list[str]) -> str | None:
    return "\n".join(t for t in (cell_text(c) for c in cells) if t) or None

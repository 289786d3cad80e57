"""Paper cards: the layout of READMEs that write one block per paper instead of a table row (WangQvQ/YOLO-Arxiv-Daily
and the like)::

    > ### 1. Comparative Study of Out\\-of\\-the\\-Box Technology for Automatic Target Detection
    >
    > | 属性 | 内容 |
    > |:---:|:---|
    > | 📅 发布日期 | 2026-08-18 |
    > | 👤 作者 | Alma M. Liezenga |
    >
    > **📄 英文摘要：**
    > Automatic Target Detection and Recognition \\(ATD/R\\) is critical for ...
    >
    > 🔗 [阅读论文](http://arxiv.org/abs/2608.17917v1)

A card is a ``###`` (or deeper) heading, in a blockquote or not, whose block (up to the next heading of its level or
above, or a ``---`` rule) holds a link to arXiv or a date attribute. A ``#`` or ``##`` heading is a card when it links
to the paper on arXiv (``## [Title](https://arxiv.org/abs/…) [[back]](#toc)``, its ``#`` topic heading tagging it), or
when the lines under it hold labelled fields and a link to arXiv (``# Title`` then ``**Authors**: A, B``,
``**Link**: [PDF](https://arxiv.org/pdf/…)``, ``**Abstract**: …``, up to a ``---`` rule). Attributes are the two-cell rows of a small
table, named like table columns (date, authors, link, code, …); the abstract is the text under a bold label naming
it (``Abstract``, ``Summary``, ``摘要``). Markdown backslash escapes (``\\-``, ``\\(``) are removed from the title and
the abstract. Used only when a README has no paper table.
"""

from __future__ import annotations

import re

from ..errors import ProblemCollector
from ..identifiers import arxiv_id_value, normalize_arxiv_id
from ..paper import Paper
from ._dailyarxiv_dates import html_to_text
from ._dailyarxiv_rows import _LINK, _ROLE_OF, IMAGE, Row, _column_key, _paper, is_separator, split_cells
from ._md_references import without_notes_label
from ._mention_lines import usable_title

_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
_NUMBER = re.compile(r"^\d{1,4}(?:[.)]|(?:\.\d{1,3})+\.?)\s+")  # "1. ", "2) ", "1.1 ": a section's number
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
# a labelled field on one line: "**Authors**: A, B", "- **Link:** [PDF](…)", "**摘要**：…"
_INLINE_LABEL = re.compile(
    r"^(?:[-*]\s+)?\*\*(?P<label>[^*:：]{1,40}?)\s*(?:\*\*\s*[:：]|[:：]\s*\*\*)\s*(?P<value>\S.*)$"
    r"|^(?:[-*]\s+)?(?P<plain>[^*:：\[\]\s][^*:：\[\]]{0,19}?)\s*[:：]\s*(?P<after>\S.*)$"  # "- 作者：A; B", "Authors: A"
)
# an arXiv id written without a link in a labelled field: "**论文ID:** 2508.01234v1", "- arXiv: 2401.00001"
# a score after a digest's title: "Title (评分: 8.5)", "Title (Score: 7/10)"
_SCORE = re.compile(r"(?<!\s)\s*[(（][^()（）]{1,12}[:：]\s*\d+(?:\.\d+)?(?:\s*/\s*\d+)?[)）]\s*$")
# "- Authors: A, B" in a note about one paper
_AUTHORS_LINE = re.compile(r"^(?:[-*]\s+)?(?:\*\*)?authors?(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*(?P<value>\S.*)$", re.I)
_LABEL = re.compile(r"^\*\*(?P<label>[^*]+)\*\*\s*$")
_ABSTRACT_LABEL = re.compile(r"abstract|summary|摘要", re.I)
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_BOLD_ITEM = re.compile(r"^[-*+]\s+\*\*([^*]+?[^*:：])\*\*\s*$")  # "- **Title**": a paper of a nested-bullet digest
_ARXIV_LINK = re.compile(r"arxiv\.org/(?:abs|pdf)/|huggingface\.co/papers/\d{4}\.\d{4,5}", re.I)
# a bare address in a heading, in parentheses or not: "### 1. **Title** (https://arxiv.org/abs/…)"
_BARE_URL = re.compile(r"[(（]\s*(?P<p>https?://[^\s()（）]+)\s*[)）]|(?<![(\[])(?P<b>https?://[^\s()<>]+)")
# a link's text that names the link, not the paper: "[[pdf]](…)", "[arXiv](…)"
_LINK_WORD = re.compile(r"^\s*(?:pdf|arxiv|abs|link|paper|html|url)\s*$", re.I)
_STRONG = re.compile(r"^(\*\*|__)(?P<inner>.+)\1$")


def read_cards(lines: list[str], first: int, source: str, problems: ProblemCollector) -> list[Paper]:
    """The papers of the cards in ``lines`` (from index ``first``), in order; the heading above a card tags it
    (a ``##`` heading over ``###`` cards, a ``#`` heading over ``##`` cards)."""
    if (note := _note_cells(lines, first)) is not None:  # a note about the one paper its front matter links
        cells, tags = note
        paper = _paper(cells, Row("line 1", source, tags), problems)
        return [paper] if paper is not None else []
    papers: list[Paper] = []
    keywords: dict[int, str] = {}
    index = first
    while index < len(lines):
        text = _QUOTE.sub("", lines[index]).strip()
        m = _HEADING.match(text)
        index += 1
        if m is None:
            continue
        level, heading = len(m.group("level")), m.group("text")
        if level <= 2 and not _heading_card(heading, lines, index):
            keywords = {k: v for k, v in keywords.items() if k < level} | {level: html_to_text(heading)}
            continue
        where = f"line {index}"
        if not usable_title(_card_title(heading)[0]):  # "### Paper", "### 论文": a label over a list, no card
            continue
        if _section_over_cards(heading, lines, index, level):  # "### Topic" over "#### 1. Title" cards
            keywords = {k: v for k, v in keywords.items() if k < level} | {level: html_to_text(heading)}
            continue
        start = index
        block, index = _block(lines, index, level)
        items = _bullet_items(block)
        if items:  # "- **Title**" bullets, each with "- Authors: …" / "- Links: [arXiv](…)" under it
            cards = [(title, item, f"line {start + at + 1}") for title, item, at in items]
            tags = [html_to_text(heading)]
        elif _nested_list(lines[start:index]):
            continue  # "### Reviews" over bullets each with sub-bullets: a section of a nested list, no card
        else:
            keyword = keywords[max(above)] if (above := [k for k in keywords if k < level]) else None
            cards, tags = [(heading, block, where)], [keyword] if keyword else []
        for title, item, at in cards:
            found = _card_cells(title, item)
            paper = _paper(found, Row(at, source, tags), problems) if found is not None else None
            papers += [paper] if paper is not None else []
    return papers


def _bullet_items(block: list[str]) -> list[tuple[str, list[str], int]]:
    """(title, lines, offset) of each paper of a nested-bullet digest: a bullet that is only a bold title, then the
    lines under it up to the next such bullet; [] unless at least one item holds a link to arXiv."""
    starts = [(n, m.group(1)) for n, line in enumerate(block) if (m := _BOLD_ITEM.match(line))]
    items = [
        (title, block[n + 1 : (starts[k + 1][0] if k + 1 < len(starts) else len(block))], n)
        for k, (n, title) in enumerate(starts)
    ]
    return items if any(_ARXIV_LINK.search(" ".join(lines)) for _, lines, _ in items) else []


_TOP_BULLET = re.compile(r"^[-*+]\s+\S")
_SUB_BULLET = re.compile(r"^(?: {2,}|\t)[-*+]\s+\S")


def _nested_list(raw: list[str]) -> bool:
    """Whether a heading's lines (as written) are a list of two or more bullets each with sub-bullets (an awesome
    list's papers, "* Title" / "  * Authors" / "  * address") and no labelled field: no one paper's card."""
    if any(_inline_field(_QUOTE.sub("", line).strip())[0] for line in raw):
        return False
    opened = [n for n, line in enumerate(raw) if _TOP_BULLET.match(line)]
    nested = [n for n in opened if n + 1 < len(raw) and _SUB_BULLET.match(raw[n + 1])]
    return len(nested) >= 2


def _section_over_cards(heading: str, lines: list[str], index: int, level: int) -> bool:
    """Whether a heading's block holds deeper headings and, before the first of them, nothing that makes it a
    card (no arXiv link, id or date): a topic over the papers' cards."""
    block, _ = _block(lines, index, level)
    deeper = next((n for n, text in enumerate(block) if _HEADING.match(text)), None)
    return deeper is not None and _card_cells(heading, block[:deeper]) is None


# the front matter's keys (folded: lower case, "_" for "-" and " ") that link a note's paper, best first
_NOTE_LINKS = (
    "arxiv", "arxiv_url", "arxiv_link", "arxiv_id", "url", "link", "paper", "paper_url", "paper_link", "pdf",
    "pdf_url", "doi", "openreview", "html_url",
)  # fmt: skip
# keys only a paper's record has (a blog post's front matter has title, author, date and tags too)
_PAPER_KEYS = frozenset({"venue", "journal", "conference", "booktitle", "doi", "arxiv", "arxiv_id", "arxiv_url"})
_PAPER_KEYS |= frozenset({"paper_url", "paper_link", "pdf", "pdf_url", "openreview"})


def _front_matter(lines: list[str], first: int) -> dict[str, object] | None:
    """A page's front matter (YAML between ``---``, TOML between ``+++``) as a mapping with folded keys, a nested
    ``paper:`` mapping's fields first; None when there is none or it is no mapping."""
    body = "\n".join(lines[1 : first - 1]) if first >= 2 else ""
    try:
        if lines and lines[0].strip() == "+++":
            import tomllib

            meta = tomllib.loads(body)
        else:
            import yaml

            meta = yaml.safe_load(body) if body else None
    except Exception:  # noqa: BLE001 - YAML and TOML errors alike: no front matter to read
        return None
    if not isinstance(meta, dict):
        return None
    folded = {_fold(k): v for k, v in meta.items()}
    inner = folded.get("paper")
    if isinstance(inner, dict):
        return {_fold(k): v for k, v in inner.items()} | {
            k: v for k, v in folded.items() if k not in ("paper", "title")
        }
    return folded


def _fold(key: object) -> str:
    """A front-matter key folded: lower case, "_" for "-", spaces and a camelCase join ("arxivId": "arxiv_id")."""
    return re.sub(r"[\s-]+", "_", re.sub(r"(?<=[a-z])(?=[A-Z])", "_", str(key).strip())).lower()


def _listed_arxiv_link(meta: dict[str, object]) -> str:
    """An arXiv address in a front matter's list or mapping of links ("additional_links: [{name: Paper, url:
    'http://arxiv.org/abs/…'}]"), "" when there is none."""
    values = [v for value in meta.values() for v in (value if isinstance(value, list) else [value])]
    urls = [str(u) for v in values if isinstance(v, dict) for u in v.values() if isinstance(u, str)]
    return next((u for u in urls if _ARXIV_LINK.search(u)), "")


def _meta_text(value: object) -> str:
    """A front-matter value as text: an arXiv id YAML read as a number (2602.05678) with its five digits."""
    if isinstance(value, float):
        return f"{value:.{5 if value >= 1501 else 4}f}"
    return str(value) if isinstance(value, (str, int)) else ""


def _meta_names(value: object) -> str:
    """Authors as one "A, B" text: a list of names or of ``{name: …}`` mappings, or a string as written."""
    if isinstance(value, list):
        names = [str(v.get("name") or "") if isinstance(v, dict) else str(v) for v in value]
        return ", ".join(n for n in names if n.strip())
    return str(value) if isinstance(value, str) else ""


def _note_cells(lines: list[str], first: int) -> tuple[dict[str, list[str]], list[str]] | None:
    """The cells of a note about one paper named in its front matter: a link to it on arXiv (``url:``, ``link:``,
    ``arxiv:``), or a title with authors and a field only a paper has (``venue:``, ``doi:``, ``pdf:``,
    ``paper_url:``); the title from the front matter or the first ``#`` heading, the authors from the front matter
    (names or ``{name: …}`` mappings) or an ``Authors:`` line, the date from ``published:`` or ``year:``, venue and
    code when given, the note's ``tags:``. None for any other front matter (a blog post's)."""
    meta = _front_matter(lines, first)
    if meta is None:
        return None
    link = next((text for k in _NOTE_LINKS if (text := _meta_text(meta.get(k)))), "") or _listed_arxiv_link(meta)
    heading = next(
        (m.group("text") for line in lines[first:] if (m := _HEADING.match(line)) and m.group("level") == "#"), ""
    )
    title = meta.get("title") if isinstance(meta.get("title"), str) else html_to_text(heading)
    # a page naming its paper by id alone ("arxivId:", no title): its "author" is the page's writer
    author = meta.get("author") if title else None
    authors = _meta_names(meta.get("authors") or author) or next(
        (m.group("value") for line in lines[first:] if (m := _AUTHORS_LINE.match(line.strip()))), ""
    )
    arxiv = _ARXIV_LINK.search(link) or arxiv_id_value(link)
    if not (arxiv or (title and authors and set(meta) & _PAPER_KEYS)):
        return None
    if arxiv_id_value(link):
        link = f"https://arxiv.org/abs/{arxiv_id_value(link)}"
    title = title or f"arXiv:{(normalize_arxiv_id(link) or (link,))[0]}"  # named by its id alone
    date = meta.get("published") or meta.get("publication_date") or meta.get("year") or ""
    cells = {"title": [str(title)], "link": [link], "date": [str(date)], "authors": [authors]}
    venue = next(
        (meta[k] for k in ("venue", "journal", "conference", "booktitle") if isinstance(meta.get(k), str)), None
    )
    code = next((meta[k] for k in ("code", "github", "repo", "code_url") if isinstance(meta.get(k), str)), None)
    cells |= ({"venue": [venue]} if venue else {}) | ({"code": [code]} if code else {})
    tags = meta.get("tags")
    return cells, [str(t) for t in tags] if isinstance(tags, list) else []


def _heading_card(heading: str, lines: list[str], index: int) -> bool:
    """Whether a ``#``/``##`` heading is a paper's: it links to arXiv, or the lines under it (up to the next heading
    or rule) hold an arXiv link and labelled fields (``**Authors**: …``, ``**Link**: [PDF](…)``)."""
    if _ARXIV_LINK.search(heading):
        return True
    own: list[str] = []
    for line in lines[index:]:
        text = _QUOTE.sub("", line).strip()
        if _HEADING.match(text) or _RULE.match(text):
            break
        own.append(text)
    labelled = {_inline_field(text)[0] for text in own} & {"authors", "link"}
    return bool(labelled) and any(_ARXIV_LINK.search(text) for text in own)


def _inline_field(line: str) -> tuple[str | None, str]:
    """(role, value) of a labelled line (``**Authors**: A, B``, ``- **Link:** [PDF](…)``), (None, "") otherwise."""
    m = _INLINE_LABEL.match(line)
    if m is None:
        return None, ""
    label, value = (m.group("label"), m.group("value")) if m.group("label") else (m.group("plain"), m.group("after"))
    return _ROLE_OF.get(_column_key(label)), value


def _card_title(heading: str) -> tuple[str, list[str]]:
    """A card's title and the links of its heading: the text of a link to arXiv in it (``## [Title](…/abs/…)
    [[back]](#toc)``), else the heading's text; anchors and the "1." numbering dropped."""
    text = html_to_text(heading)  # <a id="…"></a> anchors dropped
    links = list(_LINK.finditer(text))
    paper_link = next((m for m in links if _ARXIV_LINK.search(m.group("url"))), None)
    bare = [] if paper_link else [f"[link]({m.group('p') or m.group('b')})" for m in _BARE_URL.finditer(text)]
    if bare:  # "**Title** (https://huggingface.co/papers/…)": the heading's text is the title
        text = " ".join(_BARE_URL.sub(" ", text).split())
    if paper_link and _LINK_WORD.match(paper_link.group("text")):  # "# Title [[pdf]](…/pdf/…)": the words before
        rest = " ".join(_LINK.sub(" ", text).split())
        paper_link = None if any(ch.isalpha() for ch in rest) else paper_link
        text = rest if paper_link is None else text
    title = paper_link.group("text") if paper_link else text
    title = _NUMBER.sub("", title.strip())
    title = strong.group("inner").strip() if (strong := _STRONG.match(title)) else title
    title = title[1:-1].strip() if bare and title[:1] == "[" and title[-1:] == "]" else title  # "**[Title]** (url)"
    return without_notes_label(_unescape(_SCORE.sub("", title))), [m.group(0) for m in links] + bare


def _block(lines: list[str], index: int, level: int) -> tuple[list[str], int]:
    """The lines of a card (quote markers removed) up to the next heading of ``level`` or above or a rule."""
    block: list[str] = []
    while index < len(lines):
        text = _QUOTE.sub("", lines[index]).strip()
        m = _HEADING.match(text)
        if (m and len(m.group("level")) <= level) or _RULE.match(text):
            break
        block.append(text)
        index += 1
    return block, index


def _card_cells(heading: str, block: list[str]) -> dict[str, list[str]] | None:
    """The cells of a card by role (as a table row's), or None when the block is not one (no arXiv link and no date
    attribute)."""
    title, heading_links = _card_title(heading)
    full = next((line for line in block if line), "")
    if (bold := _LABEL.match(full)) and len(bold.group("label").split()) >= 3 and not _inline_field(full)[0]:
        title = _unescape(bold.group("label").strip())  # "## Short-Name" then "**The Paper's Full Title**"
    elif (linked := _linked_title(block)) and len(title.split()) <= 3 < len(linked.split()):
        title = linked  # "### Normalization" over "1. [Batch Normalization: …, 2015](…/pdf/…)": the link names it
    cells: dict[str, list[str]] = {"title": [title]}
    abstract: list[str] = []
    in_abstract = False
    for line in block:
        role, value = _inline_field(line)
        if role == "link" and (bare := arxiv_id_value(value)):
            heading_links = [*heading_links, f"[arXiv](https://arxiv.org/abs/{bare})"]
            continue
        if role == "title" and (named := _unescape(re.sub(r"[*_]", "", value)).strip()) and len(named.split()) >= 3:
            cells["title"] = [named]  # "**Paper**: *Routing Tool Calls…*" under "# Reading note: …": the paper's title
            continue
        if role == "venue" and re.match(r"^[^\w\s*_\[(<]", value):
            continue  # "🤗 HF Daily Pick": a label the page gives the paper, no venue
        if role in ("authors", "date", "code", "venue", "comment"):
            value = re.split(r"\s*[；;（(|]", value)[0] if role == "date" else value  # "2021；source: …"
            if role == "authors":  # "Ada Quill et al. (12 authors, Widget Lab)": a note on the authors
                value = re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", value)
            cells.setdefault(role, []).append(value)
            in_abstract = False
            continue
        if role == "abstract":
            abstract.append(value)
            in_abstract = True
            continue
        if line.startswith("|") and not is_separator(line):
            parts = split_cells(line)
            role = _ROLE_OF.get(_column_key(html_to_text(parts[0]))) if len(parts) >= 2 else None
            if role and role != "title":
                cells.setdefault(role, []).append(parts[1])
            continue
        label = _LABEL.match(line)
        if label:
            in_abstract = bool(_ABSTRACT_LABEL.search(label.group("label")))
        elif not line:
            in_abstract = in_abstract and not abstract
        elif in_abstract:
            abstract.append(line)
    shown = [IMAGE.sub(r"\g<alt>", line) for line in block]
    addresses = [
        f"[link]({m.group('p') or m.group('b')})" for line in shown for m in _BARE_URL.finditer(_LINK.sub(" ", line))
    ]
    links = " ".join(heading_links + [m.group(0) for line in shown for m in _LINK.finditer(line)] + addresses)
    if "date" not in cells and not _ARXIV_LINK.search(links) and not ("authors" in cells and _LINK.search(links)):
        return None  # a card has a date, a link to arXiv, or its authors and a link (to the paper's page)
    cells["link"] = [links]
    cells["date"] = cells.get("date", [""])[:1]
    if abstract:
        cells["abstract"] = [_unescape(" ".join(abstract))]
    return cells


def _linked_title(block: list[str]) -> str:
    """The text of the one link to arXiv in a card's lines when it reads as a title (not "PDF", "arXiv"), its
    closing year (", 2015") dropped; "" otherwise."""
    linked = [m for line in block for m in _LINK.finditer(line) if _ARXIV_LINK.search(m.group("url"))]
    if len(linked) != 1 or _LINK_WORD.match(linked[0].group("text")):
        return ""
    return usable_title(re.sub(r"[,;]?\s*\(?(?:19|20)\d{2}\)?\s*$", "", _unescape(linked[0].group("text"))))


def _unescape(text: str) -> str:
    return _MD_ESCAPE.sub(r"\1", text)

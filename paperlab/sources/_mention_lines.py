"""The lines of a markdown or HTML-ish file as the generic paper finder (:mod:`._mentions`) sees them.

Every line gets its kind (heading, list item, table row, quote, text), its indent, the heading above it and the
list item or table row it belongs to, and its text with markup dropped: tags (their attribute values kept apart,
since ids hide there: ``<button data-arxiv-id=…>``), emphasis marks, links shown as their labels.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field

from ..identifiers import OLD_ARXIV_ID, arxiv_id_value

__all__ = [
    "ARXIV_LABELLED", "OLD_ARXIV_LABELLED", "BARE_URL", "DAY_DATE", "IMAGE", "LINK", "MEDIA_HEADING", "Line", "anchors_as_links", "plain",
    "quotes_at_ends", "spans", "structure", "titled_before", "usable_title",
]  # fmt: skip

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^([ \t]*)(?:[-*+•·]|\d{1,4}[.)])[ \t]+(.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_CHECKBOX = re.compile(r"^\[[ xX✓✔]?\][ \t]+(?=\S)")  # a task list's box: "- [ ] Title", "- [x] [Title](url)"
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)([^<>]*)>")
_ATTR_VALUE = re.compile(r"=\s*(?:\"([^\"]*)\"|'([^']*)')")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^()\s]*(?:\([^()]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\)")
LINK = re.compile(r"\[\[?([^\[\]]*)\]?\]\(([^()\s]*(?:\([^()]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")
_QUOTED = re.compile(r"[\"“«]([^\"“”«»]{8,}?)[\"”»]")
ARXIV_LABELLED = re.compile(r"\barxiv(?:\s*id)?\s*[:：]?[\s*`\[]*(?:arxiv:)?(\d{4}\.\d{4,5})", re.I)
# an old-style arXiv id labelled as one ("arXiv:hep-ph/9712333", "arXiv: **math.GT/0309136**")
OLD_ARXIV_LABELLED = re.compile(rf"\barxiv\s*[:：]?[\s*`\[]*({OLD_ARXIV_ID})(?!\d)", re.I)
# a heading naming material that is no paper: the items below it are videos, code, tools, posts, other lists
MEDIA_HEADING = re.compile(
    r"^\W*(?:videos?|talks?|codes?|code\s+bases?|implementations?|repos(?:itories)?|tools?|libraries|tutorials?|"
    r"blogs?|blog\s+posts?|posts?|podcasts?|courses?|lectures?|slides?|websites?|datasets?|data(?:\s+sources?)?|"
    r"data\s+sets?|corpora|workshops?|conferences?|events?|meetups?|视频|代码|教程|博客|数据集)\W*$"
    r"|^\W*(?:other|related|more|similar)\b.*\b(?:awesome|lists?|collections?)\W*$",  # "Other Awesome Lists"
    re.I,
)
# a day written with a list item, year first ("(2023.12.05)", "[2024-01-20]"): groups year, month, day
DAY_DATE = re.compile(r"[(\[]((?:19|20)\d{2})[.\-/](0?[1-9]|1[0-2])[.\-/](0?[1-9]|[12]\d|3[01])[)\]]")
BARE_URL = re.compile(r"https?://[^\s)\]<>\"'|]+")
_LABEL_WORD = (
    r"(?:arxiv|paper|pdf|doi|link|html|abs|abstract|preprint|openreview|url|here|code|github|repo|project|page|"
    r"links?|website|homepage|slides?|video|poster|talk|blog|notes?|data(?:set)?|demo|full\s+text|version|"
    r"article|full|journal|publisher|official|published|论文|代码|原文|链接|原文入口|全文|下载|地址|主页|项目|"
    r"論文|リンク|コード)"
)
# a link's text that only labels it: "arXiv", "PDF 2", "arxiv link", "Project page", "[论文]"
_LABEL = re.compile(rf"^\W*(?:{_LABEL_WORD}(?:\W*{_LABEL_WORD})?)?\s*\d{{0,2}}\W*$", re.I)
_NUMBERING = re.compile(r"^(?:\[?\d{1,3}(?:\.\d{1,3})*[.)\]:]?|[IVX]{1,4}\.)\s+")

_DOI_ONLY = re.compile(r"(?:doi\s*[:：]?\s*)?10\.\d{4,9}/\S+", re.I)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass
class Line:
    """One line of the file and where it stands."""

    number: int  # 1-based
    raw: str
    kind: str  # heading, item, row, quote, text, blank
    indent: int = 0
    level: int = 0  # a heading's level
    text: str = ""  # the line's content without its marker (#, -, >), markup kept
    attrs: list[str] = field(default_factory=list)  # values of the HTML attributes on the line
    heading: int | None = None  # index of the heading above (None: none)
    item: int | None = None  # index of the list item the line belongs to
    parents: list[int] = field(default_factory=list)  # indices of the enclosing list items, outermost first
    cells: list[str] = field(default_factory=list)  # a table row's cells
    header: list[str] = field(default_factory=list)  # the header cells of the row's table
    wraps: list[str] = field(default_factory=list)  # a list item's lazy continuation lines (at the margin, below it)
    wrapped: bool = False  # the line is such a continuation of the item above


def _tags_out(text: str) -> tuple[str, list[str]]:
    """``text`` without HTML tags (block tags become spaces) and the values of their attributes."""
    attrs: list[str] = []

    def drop(m: re.Match[str]) -> str:
        attrs.extend(a or b for a, b in _ATTR_VALUE.findall(m.group(3)))
        return " "

    return html.unescape(_TAG.sub(drop, text)), attrs


_ANCHOR = re.compile(r"<a\s[^<>]*\bhref\s*=[^<>]*>.*?</a\s*>", re.I | re.S)


def anchors_as_links(text: str, source: str = "") -> str:
    """An HTML page's (or a markdown file written in HTML's) ``<a href="…">text</a>`` anchors as markdown links
    ``[text](…)``, so the finder reads them like any link: for a ``.html``/``.htm`` file, or a text whose links
    are all anchors. Each anchor is parsed by lxml (entities, nested tags); the lines keep their numbers."""
    if not source.lower().endswith((".html", ".htm")) and (LINK.search(text) or not _ANCHOR.search(text)):
        return text
    from lxml import etree
    from lxml import html as lxml_html

    def link(m: re.Match[str]) -> str:
        try:
            anchor = lxml_html.fragment_fromstring(m.group(0))
        except (etree.ParserError, ValueError):
            return m.group(0)
        href = (anchor.get("href") or "").strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29")
        label = " ".join(anchor.text_content().split()).strip("[] ").replace("[", "(").replace("]", ")")
        return f"[{label}]({href})" + "\n" * m.group(0).count("\n") if href else m.group(0)

    return _ANCHOR.sub(link, text)


def spans(text: str) -> list[str]:
    """The bold, italic and quoted spans of a line, in order (their markup dropped)."""
    text = _TAG.sub(" ", text)
    found = [m.group(2) or m.group(3) for m in _EMPHASIS.finditer(text)]
    found += [m.group(1) for m in _QUOTED.finditer(text)]
    return [s.strip() for s in found if s and s.strip()]


def plain(text: str) -> str:
    """A line's words: links shown as their labels, images, tags, emphasis and code marks dropped."""
    text = IMAGE.sub(" ", text)
    text = LINK.sub(lambda m: m.group(1), text)
    text, _ = _tags_out(text)
    text = re.sub(r"(\*\*|__|`)", "", text)
    text = re.sub(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])", "", text)
    return " ".join(text.split())


def _row_cells(text: str) -> list[str]:
    body = text.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [c.strip() for c in re.split(r"(?<!\\)\|", body)]


def _front_matter_end(lines: list[str]) -> int:
    """Index of the first line after a YAML front matter block (0 when there is none)."""
    if lines and lines[0].strip() == "---":
        for i in range(1, min(len(lines), 200)):
            if lines[i].strip() in ("---", "..."):
                return i + 1
    return 0


def _kind_of(raw: str, line: Line) -> None:
    """Set the line's kind, indent, level and text from its own characters."""
    m = _HEADING.match(raw)
    if m:
        line.kind, line.level, line.text = "heading", len(m.group(1)), m.group(2)
        return
    m = _ITEM.match(raw)
    if m:
        line.kind, line.indent, line.text = "item", len(m.group(1).expandtabs(4)), _CHECKBOX.sub("", m.group(2))
        return
    m = _QUOTE.match(raw)
    if m:
        inner = m.group(1)
        line.kind, line.text = ("blank" if not inner.strip() else "quote"), inner
        return
    if raw.strip().startswith("|") or raw.count("|") >= 2 and not raw.strip().startswith("<"):
        line.kind, line.text = "row", raw.strip()
        return
    line.kind = "text" if raw.strip() else "blank"
    line.indent, line.text = len(raw) - len(raw.lstrip()), raw.strip()


_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^<>\s]+)>", re.I)


_GLUED = re.compile(r"(?<=[^\s*])\*\s+(?=[^\s*])")  # "…from Single-View Images* AvatarMe: …": a bullet run on


def _unglued(raw_lines: list[str], start: int) -> list[tuple[int, str]]:
    """(index, text) of the file's lines, a line holding "* " bullets glued onto its text ("Title part* Next
    title") split into its pieces, each glued piece a bullet of its own, in a file whose list items are "* " bullets
    (the pieces keep the line's index; a line with a "*" opening emphasis is none)."""
    bullets = sum(1 for raw in raw_lines if raw.startswith("* "))
    out: list[tuple[int, str]] = []
    for i, raw in enumerate(raw_lines):
        if i < start or bullets < 2 or re.search(r"\*[^\s*]", raw) or not _GLUED.search(raw):
            out.append((i, raw))
            continue
        first, *glued = _GLUED.split(raw)
        out += [(i, first)] + [(i, f"* {piece}") for piece in glued]
    return out


# a pictograph or symbol opening a line as its bullet ("🔵 *Title* - Authors", "✅ Title"), then a space
_SYMBOL_MARK = re.compile(r"^([ \t]*)([\u2190-\u2bff\U0001f300-\U0001faff][\ufe0f\u200d]?)[ \t]+(?=\S)")


def _symbol_bullets(raw_lines: list[str]) -> list[str]:
    """The lines with a symbol that opens three lines or more written as a list bullet ("🔵 Title" as "- Title"):
    one symbol repeated is a list's marker; the different emoji of a README's feature lines ("🔍 …", "🤖 …") are
    not."""
    marks = Counter(m.group(2) for line in raw_lines if (m := _SYMBOL_MARK.match(line)))
    bullets = {mark for mark, n in marks.items() if n >= 3}
    if not bullets:
        return raw_lines
    return [
        f"{m.group(1)}- {line[m.end() :]}" if (m := _SYMBOL_MARK.match(line)) and m.group(2) in bullets else line
        for line in raw_lines
    ]


def structure(text: str) -> list[Line]:
    """The file's lines with their kinds and places (front matter and HTML comments are blank lines)."""
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    # "<https://doi.org/10.…>": the address, not a tag to drop; "<https://doi.org/10.…>The …": it ends there
    text = _AUTOLINK.sub(lambda m: m.group(1) + " " * m.string[m.end() : m.end() + 1].isalnum(), text)
    raw_lines = _symbol_bullets(text.split("\n"))
    start = _front_matter_end(raw_lines)
    lines: list[Line] = []
    heading: int | None = None
    stack: list[int] = []  # open list items, innermost last
    header: list[str] = []
    wrapping: int | None = None  # the item whose lines run on at the margin
    for i, raw in _unglued(raw_lines, start):
        line = Line(i + 1, raw, "blank")
        if i >= start:
            _kind_of(raw, line)
            line.attrs = _tags_out(raw)[1]
        wrapping = wrapping if line.kind == "text" else None
        if line.kind == "heading":
            heading, stack = len(lines), []
        elif line.kind == "item":
            while stack and lines[stack[-1]].indent >= line.indent:
                stack.pop()
            line.parents = list(stack)
            stack.append(len(lines))
        elif line.kind == "row":
            header = _table_row(lines, line, header)
        elif line.kind == "text" and stack and line.indent <= lines[stack[0]].indent and not raw.startswith(" "):
            wrapping = len(lines) - 1 if lines[-1].kind == "item" else wrapping if lines[-1].kind == "text" else None
            if wrapping is not None:
                lines[wrapping].wraps.append(line.text)  # "* Title broken over" / "two lines": the item's words
                line.wrapped = True
            stack = []
        line.heading = heading
        line.item = stack[-1] if stack and line.kind != "heading" else None
        if line.kind == "item":
            line.item = len(lines)
        lines.append(line)
    return lines


def _table_row(lines: list[Line], line: Line, header: list[str]) -> list[str]:
    """Fill a row's cells and its table's header; return the header in force."""
    if _TABLE_RULE.match(line.raw):
        line.kind = "blank"
        prev = lines[-1] if lines else None
        if prev is not None and prev.kind == "row":
            prev.kind = "blank"  # the header row names columns, no paper
            return [plain(c).lower() for c in prev.cells]
        return header
    line.cells = _row_cells(line.raw)
    if not lines or lines[-1].kind not in ("row", "blank") or lines[-1].kind == "blank" and not header:
        header = []
    line.header = header
    return header


_WRAP_END = re.compile(r"\b(?:for|in|of|on|to|with|from|by|and|or|the|a|an|using|via|at|as|towards?|into|under)$", re.I)


def wrapped_text(line: Line) -> str:
    """A list item's text with the lines it runs onto at the margin when they go on its words: a wrap starting in
    small letters ("from Single-View Images") or after a small word ("… Images Using" / "Graph Networks")."""
    text = line.text.rstrip()
    for wrap in line.wraps:
        if "](" in wrap or "://" in wrap or not (wrap[:1].islower() or _WRAP_END.search(text)):
            break
        text = f"{text} {wrap.strip()}"
    return text


_CLOSER = {'"': '"', "“": "”", "«": "»", "'": "'", "„": "“"}


def quotes_at_ends(text: str) -> str:
    """``text`` without the quotes at its ends that wrap it or close nothing ('"Title"', 'Title"'), keeping those
    that quote a part of it ('Reconstruction “in-the-wild”', '"Why Trust You?": Explaining Widgets')."""
    while text:
        first, last = text[:1], text[-1:]
        closer = _CLOSER.get(first)
        if closer and text.endswith(closer) and len(text) > 1 and closer not in text[1:-1]:
            text = text[1:-1].strip()  # wrapped: '"Title"', '“Title”'
        elif closer and closer not in text[1:]:
            text = text[1:].strip()  # opened, never closed
        elif last in _CLOSER.values() and not any(o in text[:-1] for o, c in _CLOSER.items() if c == last and o != c):
            if last in "\"'" and text[:-1].count(last) % 2 == 1:
                break  # 'the "widget" Title"' would be odd: keep a straight quote that closes one
            text = text[:-1].strip()  # closing nothing: 'Title"'
        else:
            break
    return text


def usable_title(text: str | None) -> str:
    """``text`` as a paper's title, or "" when it cannot be one (a label, a field name, no letter, an address)."""
    if not text:
        return ""
    text = BARE_URL.sub(" ", plain(text))
    text = quotes_at_ends(_NUMBERING.sub("", " ".join(text.split())).strip(" -–—|·•:")).strip(" -–—|·•:")
    if text.startswith("[") and (text.count("[") > text.count("]") or text.endswith("]") and text.count("]") == 1):
        text = text[1:].removesuffix("]").strip(" \"“”'«»")  # '[Title"] (url)': a broken link's brackets
    if not text or text.endswith(("：",)) or _LABEL.match(text) or len(text) > 400:
        return ""
    if not any(ch.isalpha() for ch in text) or arxiv_id_value(text) or ARXIV_LABELLED.fullmatch(text):
        return ""
    if _DOI_ONLY.fullmatch(text):
        return ""  # "[10.1038/sdata.2018.118](https://doi.org/…)": the link's own DOI, no title
    return text


# the start of an address or id right before an id ("https://arxiv.org/abs/", "arXiv: "), and an id's shape
_ADDRESS_END = re.compile(r"(?:\bhttps?:\S*|\b(?:arxiv|doi)\s*[:：]\s*)$", re.I)
_ID_LIKE = re.compile(r"\d{4}\.\d{4,5}")


def titled_before(text: str, ident: str) -> str:
    """The title of a paragraph line of a title, a dash, colon or bracket and a paper's address or id ``ident``
    with nothing after it ("Tidal Adapters: Parameter-Efficient Tuning — https://arxiv.org/abs/…"); "" for a
    sentence about the paper (words after the id, no separator before it, another paper named before it)."""
    text = plain(LINK.sub(lambda m: f" {m.group(2)} ", text))
    at = text.find(ident)
    if at <= 0 or re.sub(r"^v\d+", "", text[at + len(ident) :]).strip(" .)]>"):
        return ""
    before = _ADDRESS_END.sub("", text[:at])
    if not re.search(r"(?:\s[—–-]{1,2}|[:：(<\[])\s*$", before) or BARE_URL.search(before) or _ID_LIKE.search(before):
        return ""
    return usable_title(before.rstrip(" —–-:(<["))

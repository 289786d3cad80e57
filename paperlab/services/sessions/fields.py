"""Labelled lines and markdown headings of notes: "Presenter: Ada Lovelace", "## Ada Lovelace — LoRA", "**Paper:** ...".

Notes written in markdown (or as plain "Label: value" lines) state what slide transcripts leave to the layout:
who presents, the paper, its authors and venue. These helpers read such lines; :mod:`.layout` and :mod:`.reading`
use them next to the layout rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...identifiers import OLD_ARXIV_ID, find_doi, lone_arxiv_id, normalize_arxiv_id, normalize_doi
from ...sources import link_ids
from ...urls import code_urls_in_text
from .names import name_shaped

__all__ = [
    "PaperLine",
    "cited_authors",
    "cited_title",
    "heading_level",
    "is_placeholder",
    "labelled",
    "link_ids",
    "paper_line",
    "plain",
    "presenter_label",
    "split_authors",
    "split_heading",
]

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
_LABEL = re.compile(
    r"^(?:[-*+•]\s+)?(?P<label>presenters?|presented by|speakers?|led by|discussion lead(?:er)?|facilitator|paper|"
    r"title|authors?|venue|published (?:in|at)|"
    r"appear(?:ed|s)? (?:in|at)|link|url|arxiv|doi|date)\s*[:：]\s*(?P<value>.+)$",
    re.I,
)
_LABEL_KIND = {
    "presenter": "presenter",
    "presenters": "presenter",
    "presented by": "presenter",
    "speaker": "presenter",
    "speakers": "presenter",
    "led by": "presenter",
    "discussion lead": "presenter",
    "discussion leader": "presenter",
    "facilitator": "presenter",
    "paper": "title",
    "title": "title",
    "author": "authors",
    "authors": "authors",
    "link": "link",
    "url": "link",
    "arxiv": "link",
    "doi": "link",
    "date": "date",
}
_HEADING_SEPARATOR = re.compile(r"\s+[—–-]\s+|\s*:\s+|\s+\|\s+")


_PLACEHOLDER = re.compile(
    r"^[(\[]?\s*(?:tba|tbd|tbc|to be (?:announced|decided|confirmed|determined)|n/?a|none|no paper|"
    r"paper to be announced|-+|—|–|\?+)\s*[)\]]?[.!]?$",
    re.I,
)


def is_placeholder(text: str | None) -> bool:
    """Whether a title or name cell only holds a placeholder ("TBA", "(to be announced)", "--", "?")."""
    return not (text or "").strip() or bool(_PLACEHOLDER.match(plain(text or "")))


def heading_level(line: str) -> int:
    """The level of a markdown heading line (``## x`` -> 2), 0 for any other line."""
    m = _HEADING.match(line)
    return len(m.group(1)) if m else 0


def plain(line: str) -> str:
    """A line without its heading marks, emphasis and surrounding blanks."""
    s = _HEADING.sub("", line.strip())
    s = re.sub(r"\s+#+\s*$", "", s)  # closing hashes "## Title ##"
    return _EMPHASIS.sub("", s).strip()


# unlabelled lines a header holds beside its labelled ones: "arXiv 2403.03206", "Raposo et al., 2024"
_ARXIV_LINE = re.compile(r"^(?:[-*+•]\s+)?arxiv\s+(?P<id>\d{4}\.\d{4,5}(?:v\d+)?)\.?$", re.I)
_CITATION_LINE = re.compile(
    r"^(?:[-*+•]\s+)?(?P<family>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) et al\.?,? *\(?(?:19|20)\d{2}\)?\.?$"
)
# a paper named with its citation: '"Scaling Rectified Flow Transformers" (Esser et al., ICML 2024)'
_CITED_TITLE = re.compile(
    r"^[\"“'‘]?(?P<title>.+?)[\"”'’]?,?\s*\((?P<family>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) et al\.?,?\s*"
    r"(?P<venue>[^()]*?)\)\.?$"
)
# an arXiv id or a DOI, or an address holding one, alone on a line: "https://arxiv.org/abs/2401.01234", "[2401.01234]"
_ID_ALONE = re.compile(
    r"(?:[-*+•]\s+)?<?(?:https?://)?(?:www\.)?(?:arxiv\.org/(?:abs|pdf)/\S+|(?:dx\.)?doi\.org/10\.\S+)>?"
    r"|(?:[-*+•]\s+)?[(\[]?(?i:arxiv)\s*:\s*\d{4}\.\d{4,5}(?:v\d+)?[)\]]?|\[\d{4}\.\d{4,5}(?:v\d+)?\]"
    r"|(?:[-*+•]\s+)?(?i:doi)\s*:\s*10\.\d{4,9}/\S+",
    re.I,
)
_QUOTED_TITLE = re.compile(r"^[\"“](?P<title>[^\"“”]+)[\"”]\.?$")


def labelled(line: str) -> tuple[str, str] | None:
    """(kind, value) of a "Label: value" line: presenter, title, authors, venue, link or date; an "arXiv ID" line
    is a link and a "Family et al., 2024" line the authors; None otherwise."""
    s = plain(line)
    if arxiv := _ARXIV_LINE.match(s):
        return "link", f"arXiv:{arxiv.group('id')}"
    if _ID_ALONE.fullmatch(s):  # the paper's arXiv or DOI address alone on a line under its title
        return "link", s.strip("<>[]() ")
    if cited := _CITATION_LINE.match(s):
        return "authors", cited.group("family")  # the first author; the others are not named
    m = _LABEL.match(s)
    if not m or not m.group("value").strip():
        return None
    label = " ".join(m.group("label").lower().split())
    return _LABEL_KIND.get(label, "venue"), m.group("value").strip()


def presenter_label(line: str) -> str | None:
    """The presenter named on a "Presenter: Ada Lovelace" line."""
    found = labelled(line)
    if found is None or found[0] != "presenter":
        return None
    return re.sub(r"\s*\([^)]*\)\s*$", "", found[1]).strip(" .") or None  # "Ada Lovelace (UvA)"


def split_heading(line: str) -> tuple[str, str | None] | None:
    """(presenter, title or None) of a heading naming a person: "## Ada Lovelace", "### Ada Lovelace — LoRA"."""
    if not heading_level(line):
        return None
    if labelled_name := presenter_label(line):  # "## Presenter: Ada Quill": the label is no title
        return labelled_name, None
    s = plain(line)
    if name_shaped(s):
        return s, None
    by = re.match(
        r"^(?P<title>.+?)[\s,;—–-]*(?:\((?:presented by |presenter: |by )?(?P<a>[^()]+)\)|"
        r"\b(?:presented|led) by (?P<b>.+))$",
        s,
        re.I,
    )
    if by and name_shaped((by.group("a") or by.group("b") or "").strip()):  # "LoRA (Ada Lovelace)"
        return (by.group("a") or by.group("b")).strip(), by.group("title").strip(" —–-:,")
    parts = _HEADING_SEPARATOR.split(s, maxsplit=1)
    if len(parts) == 2:
        first, second = (p.strip() for p in parts)
        if name_shaped(first) and second:
            return first, second
        if name_shaped(second) and first:
            return second, first
    return None


def split_authors(value: str) -> list[str]:
    """The names of an "Authors:" value: separated by commas, semicolons, "&" or "and"."""
    parts = re.split(r"\s*(?:,|;|&|\band\b)\s*", re.sub(r"[*†‡§¶\d]+(?=\s|,|$)", "", value))
    return [" ".join(p.split()) for p in parts if p.strip() and not re.fullmatch(r"et al\.?", p.strip())]


def cited_title(value: str) -> tuple[str, list[str], str | None]:
    """(title, authors, venue) of a paper named with its citation or in quotes: '"Title" (Esser et al., ICML
    2024)' -> ("Title", ["Esser"], "ICML 2024"); a year alone is no venue; other values come back whole."""
    m = _CITED_TITLE.match(value.strip())
    if m is None:
        quoted = _QUOTED_TITLE.match(value.strip())
        return (quoted.group("title").strip() if quoted else value), [], None
    venue = m.group("venue").strip(" ,.")
    venue = None if not re.search(r"[^\W\d_]", venue) else venue  # "(Raposo et al., 2024)": no venue
    return m.group("title").strip(" ,"), [m.group("family")], venue


@dataclass
class PaperLine:
    """What a line naming a paper holds: 'Title (Quill & Dale, ICCV 2023) — arXiv:2212.09748'."""

    title: str
    authors: list[str] = field(default_factory=list)
    venue: str | None = None
    year: int | None = None
    url: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    code_url: str | None = None  # a repository address on the line ("Title — github.com/quill/pebbles")

    @property
    def journal_ref(self) -> str | None:
        """The venue with its year ("ICCV 2023"), the venue alone, or None."""
        return f"{self.venue} {self.year}" if self.venue and self.year else self.venue


# an identifier anywhere on the line, with what wraps it: "(arXiv:2212.09748)", "[2212.09748]", "— arXiv 2212.09748",
# "https://arxiv.org/abs/2212.09748", "doi:10.1/x", "https://doi.org/10.1/x"
_ID_CORE = (
    r"(?P<url>(?:https?://|www\.)[^\s()\[\]<>]+"
    r"|(?:(?:export\.)?arxiv\.org/(?:abs|pdf)|github\.com|gitlab\.com|huggingface\.co)/[^\s()\[\]<>]+)"
    rf"|(?i:arxiv)\s*[:.]?\s*(?P<ax>\d{{4}}\.\d{{4,5}}(?:v\d+)?|{OLD_ARXIV_ID}(?:v\d+)?)"
    r"|(?P<bare>(?<![\w./-])\d{4}\.\d{4,5}(?:v\d+)?(?![\w./-]))"
    r"|(?:(?i:doi)\s*:?\s*)?(?P<doi>10\.\d{4,9}/[^\s\[\](){}<>\"]+)"
)
_ID_ON_LINE = re.compile(
    rf"(?:\s*[—–·|,;]\s*|\s+--?\s+|\s+)?(?i:(?:code|pdf|paper|project|link|url|repo)\s*:\s*)?"
    rf"(?P<open>[(\[])?\s*(?:{_ID_CORE})\s*(?(open)[)\]])"
)
_YEAR = r"(?:19|20)\d\d"
# a citation's venue and year: "ICCV 2023", "ICCV'23", "ICCV’23", "NeurIPS 2024 Workshop", "2023"
_VENUE_YEAR = re.compile(
    rf"^(?:(?P<venue>[A-Z][\w&./+-]*(?:\s+[A-Z][\w&./+-]*){{0,3}}?)\s*(?:[\s,]\s*|['’]|-)?)?"
    rf"(?P<year>{_YEAR}|(?<=['’])\d\d)(?:\s+(?P<ws>Workshops?)|\s+(?i:oral|spotlight|poster|highlight))?$"
)
_NAME = r"(?:[A-Z]\.\s*(?:[A-Z]\.\s*)*)?(?:(?:van|von|de|der|da|di|du|la|le|del|dos|ter)\s+)*[A-Z][\w'’-]+"
_NAMES = re.compile(
    rf"^(?P<names>{_NAME}(?:\s+{_NAME})?(?:\s*(?:,|&|\band\b|,\s*and\b)\s*{_NAME}(?:\s+{_NAME})?)*)"
    rf"(?P<etal>\s+et\s+al\.?)?$"
)


def _name_list(text: str) -> list[str] | None:
    """The authors a citation names ("Quill & Dale", "Quill et al.", "A. Quill and B. Dale"), None for other text."""
    m = _NAMES.match(" ".join(text.split()).strip(" ,"))
    if m is None:
        return None
    names = split_authors(m.group("names"))
    joined = bool(m.group("etal")) or bool(re.search(r"&|\band\b", m.group("names")))
    return names if names and (joined or len(names) == 1) else None


def _venue_year(text: str) -> tuple[str | None, int] | None:
    m = _VENUE_YEAR.match(text.strip(" ,"))
    if m is None:
        return None
    year = int(m.group("year")) if len(m.group("year")) == 4 else 2000 + int(m.group("year"))
    venue = m.group("venue")
    if venue and m.group("ws"):
        venue = f"{venue} {m.group('ws')}"
    if venue is not None and _name_list(venue) is not None and not re.search(r"[A-Z].*[A-Z]", venue):
        return None  # "Quill 2023": a name and a year, not a venue
    return venue, year


def _citation(text: str) -> tuple[list[str], str | None, int | None] | None:
    """(authors, venue, year) of a citation: "Quill & Dale, ICCV 2023", "Quill and Dale 2023", "Quill et al.,
    2023", "ICCV'23", "2023"; None when ``text`` is none of these."""
    text = re.sub(r"\s+[-–—·|]\s+", ", ", " ".join(text.split())).strip(" ,;")
    if (vy := _venue_year(text)) is not None:
        return [], vy[0], vy[1]
    words = text.split(" ")
    for k in range(1, len(words)):  # the longest venue first: "Quill & Dale, ICCV 2023" is no author "ICCV"
        if (vy := _venue_year(" ".join(words[k:]))) is not None and (names := _name_list(" ".join(words[:k]))):
            return names, vy[0], vy[1]
    names = _name_list(text)
    if names and (" et al" in text or re.search(r"&|\band\b", text)):
        return names, None, None
    return None


def _take_ids(text: str, line: PaperLine) -> str:
    """``text`` without the identifiers and addresses it holds (each set on ``line``, the first of a kind kept)."""

    def take(m: re.Match[str]) -> str:
        url = m.group("url")
        if url:
            url = url.rstrip(".,;)]")
            if (arxiv := normalize_arxiv_id(url)) is not None:
                line.arxiv_id = line.arxiv_id or arxiv[0]
            elif (doi := find_doi(url)) is not None:
                line.doi = line.doi or doi
            full = url if "://" in url else f"https://{url}"
            if code_urls_in_text(full) and not find_doi(url):
                line.code_url = line.code_url or full  # the code, not the paper
            else:
                line.url = line.url or full
            return ""
        if m.group("ax") or m.group("bare"):
            found = normalize_arxiv_id(m.group("ax") or m.group("bare"))
            if found is None or (m.group("bare") and lone_arxiv_id(m.group("bare")) is None):
                return m.group(0)
            line.arxiv_id = line.arxiv_id or found[0]
            return ""
        line.doi = line.doi or normalize_doi(m.group("doi").rstrip(".,;"))
        return ""

    return _ID_ON_LINE.sub(take, text)


_TRAILING_PAREN = re.compile(r"^(?P<head>.*?)\s*(?:\((?P<inner>[^()]*)\)|\[(?P<square>[^\[\]]*)\])\s*[.,;]?$")
_TRAILING_TAIL = re.compile(r"^(?P<head>.+?)(?P<sep>\s+[—–·|]\s+|\s+--?\s+|,\s+)(?P<tail>[^—–·|]+)$")
_BY = re.compile(r"^(?P<head>.+?),?\s+by\s+(?P<names>.+)$")
_MD_LINK = re.compile(r"\[\[?(?P<label>[^\[\]]*)\]?\]\((?P<url>[^()\s]+)\)")
_LINK_LABEL = re.compile(r"^\s*(?:pdf|arxiv|abs|link|paper|html|url|code|doi|openreview|back|top)?\s*$", re.I)


def paper_line(value: str) -> PaperLine:
    """The title, authors, venue, year and identifiers of a line naming a paper, in the usual shapes: 'Title
    (Quill & Dale, ICCV 2023) — arXiv:2212.09748', 'Title (arXiv:…)', 'Title — Quill, Dale (ICCV'23)', 'Title
    (Quill et al., 2023)', 'Title by A. Quill and B. Dale', '"Title" [2212.09748]', '[Title](https://…)'; an
    identifier or address is read wherever it stands. Text that is none of these is the title, whole."""
    line = PaperLine(title="")

    def label(m: re.Match[str]) -> str:  # a markdown link: its text, its address read as an identifier
        if not m.group("url").startswith("#"):  # "[[back]](#toc-2)": a link within the page
            _take_ids(m.group("url"), line)
        return "" if _LINK_LABEL.match(m.group("label")) or m.group("url").startswith("#") else m.group("label")

    text = re.sub(r"<[^>]*>", " ", value.replace("\\[", "[").replace("\\]", "]"))  # HTML anchors: no text
    text = _take_ids(_MD_LINK.sub(label, text), line)
    text = re.sub(r"\(\s*[,;]?\s*\)|\[\s*\]", "", plain(text))
    text = re.sub(r"\s*[,;]\s*\)", ")", re.sub(r"\(\s*[,;]\s*", "(", text))
    text = re.sub(r"(?:\s*[—–·|,;:]|\s+--?)+\s*$", "", " ".join(text.split()))
    text = re.sub(r"^\s*(?:[—–·|,;:]\s*|--?\s+)+", "", text)
    for _ in range(2):  # a citation in parentheses after one named after a separator: "Title — Quill (ICCV'23)"
        text = _citation_off(text, line)
    line.title = _unquoted(text) or plain(value)
    return line


def _citation_off(text: str, line: PaperLine) -> str:
    """``text`` without its closing citation, whose authors, venue and year go to ``line``: in parentheses, after
    a separator (with its year, or names with initials, or names before a citation already read), after "by"."""
    m = _TRAILING_PAREN.match(text)
    inner = m.group("inner") if m and m.group("inner") is not None else m.group("square") if m else None
    if m and inner is not None and m.group("head").strip(" —–-·|,:") and (cited := _citation(inner)) is not None:
        _cite(line, cited)
        return m.group("head").strip(" —–-·|,:")
    m = _TRAILING_TAIL.match(text)
    if m and m.group("head").strip(" —–-·|,:"):
        cited = _citation(m.group("tail"))
        if cited is not None and cited[1] is None and cited[2] is None:
            cited = None  # "Title — Queries and Keys": names alone after a separator need their initials
        if cited is None and (line.year or line.venue or re.search(r"\b[A-Z]\.", m.group("tail"))):
            cited = _names_only(m.group("tail"))
        if cited is not None:
            _cite(line, cited)
            return m.group("head").strip(" —–-·|,:")
    m = _BY.match(text)
    if m and (names := _names_only(m.group("names"))):
        _cite(line, names)
        return m.group("head").strip(" —–-·|,:")
    return text


def _names_only(text: str) -> tuple[list[str], str | None, int | None] | None:
    """A list of author names after "by" or a separator ("W. Quill and S. Dale", "Quill, Dale")."""
    parts = [p for p in split_authors(re.sub(r"\s+et\s+al\.?\s*$", "", text.strip())) if p]
    ok = parts and all(re.fullmatch(rf"{_NAME}(?:\s+{_NAME}){{0,2}}", p) for p in parts) and len(parts) <= 12
    return (parts, None, None) if ok else None


def _cite(line: PaperLine, cited: tuple[list[str], str | None, int | None]) -> None:
    names, venue, year = cited
    line.authors = line.authors or names
    line.venue = line.venue or venue
    line.year = line.year or year


def cited_authors(value: str) -> PaperLine:
    """The authors of an "Authors:" value and the citation after them: "Quill & Dale (ICML 2024)" -> authors
    Quill, Dale, venue ICML, year 2024; any other value split into names."""
    line = PaperLine(title="")
    m = _TRAILING_PAREN.match(link_ids(value)[0])
    inner = (m.group("inner") or m.group("square") or "") if m else ""
    rest = m.group("head") if m and (cited := _citation(inner)) and not cited[0] else None
    if rest is not None and m is not None and cited is not None:
        _cite(line, cited)
    line.authors = split_authors(rest if rest is not None else link_ids(value)[0])
    return line


def _unquoted(text: str) -> str:
    quoted = _QUOTED_TITLE.match(text.strip())
    return (quoted.group("title") if quoted else text).strip(" ,")

"""The cells of a reading-group schedule: meeting dates in their common layouts, links, presenters, and the papers
(or notes that are not papers) a cell names.

A schedule's date cells are format-specific: ``29/03/21``, ``10/1/2022``, ``11-12-20``, ``2024-03-05``,
``March 5, 2024``, ``Tue 5 Mar``. Whether ``10/1/2022`` is day-first is decided per file (:func:`date_order`).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote

from markdown_it import MarkdownIt

from ..dates import date_order, day_of
from ..identifiers import normalize_arxiv_id
from ..names import split_et_al
from ..urls import safe_url
from ._schedule_linkcites import cited_link, venue_tail
from ._schedule_linktext import COURSE_PAGE, beside_label, paper_address
from ._schedule_people import without_roles_and_degrees
from ._schedule_venues import split_venue

__all__ = [
    "CellPaper",
    "cell_papers",
    "cited_et_al",
    "clean_cell",
    "date_order",
    "is_material_url",
    "is_placeholder",
    "ids_of_links",
    "is_video",
    "link_ids",
    "markdown_plain",
    "paper_link",
    "parse_day",
    "presenters",
    "skip_note",
    "split_links",
    "written_reference",
]

# a link's target may hold one level of balanced brackets: "https://doi.org/10.1016/S0140-6736(20)30183-5"
_MD_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?((?:[^()\s>]|\([^()\s>]*\))+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HTML_LINK = re.compile(r"<a\s[^>]*href\s*=\s*[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", re.I | re.S)
_BREAK = re.compile(r"<br\s*/?>|</p>|</li>|\n", re.I)
_TAG = re.compile(r"<(?!https?://)[^>]{0,500}>")  # not an autolink "<https://…>"
_BARE_URL = re.compile(r"(?<!\]\()(?<!\w)(?:https?://|www\.)[^\s<>)\]]+")  # also "(https://…)", "<https://…>"
_VIDEO = re.compile(r"^https?://(?:www\.|m\.)?(?:youtube\.com|youtu\.be|vimeo\.com)/", re.I)  # a talk, no paper
_TALK_WORD = re.compile(r"\b(?:talks?|video|recording|recorded|keynote|webinar|lecture)\b", re.I)
_EMPTY_BRACKETS = re.compile(r"[(\[<]\s*[)\]>]")
_URL_IN_BRACKETS = re.compile(r"[(\[<]\s*\x00\s*[)\]>]")
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s?#&\"'<>]+)")
_ARXIV_TEXT = re.compile(r"^(?:arxiv:\s*)?\d{4}\.\d{4,5}(?:v\d+)?$", re.I)
_PLACEHOLDER = re.compile(
    r"^[(\[]?\s*(?:tba|tbd|tbc|to be (?:announced|decided|confirmed|determined)|n/?a|none|no paper|-+|—|–|\?+|\.+"
    r"|待定|未定|待安排)"
    r"\s*[)\]]?[.!]?$",
    re.I,
)
# a presenter cell's text in square brackets, not a link: a note ("[Up the batches]", "[volunteer/?holiday]")
_BRACKETED = re.compile(r"^\s*\[[^\]]*\]?\s*$|^\s*[^\[]*\]\s*$")
# a link label that names no paper: "Paper", "PDF", "[1]", "arXiv", "Paper 2"
_GENERIC_LABEL = re.compile(
    r"^(?:paper|pdf|link|arxiv|url|here|openreview|acl|doi|article|preprint|abs|abstract|html|web|site)\s*\d{0,2}$|^\d+$"
    r"|^(?:[\w&.'’-]+\s+){1,3}(?:paper|pdf|preprint|article)$",  # "Original paper", "Quill & Dale paper"
    re.I,
)
# links to other material than the paper ("[[slides]](…)", "[[summary]](…)": a reading's write-up)
_MATERIAL_LABEL = re.compile(
    r"^\[?(?:slides?|part|video|recording|code|repo|github|blog|notes?|poster|talk|presentation|demo|agenda|handouts?|"
    r"worksheet|exercises?|homework|assignment|lab)\b|^\[?summar(?:y|ies)\]?\s*$",
    re.I,
)
# a cell about a meeting that did not take place or is no paper reading
_SKIP = re.compile(
    r"\b(?:no (?:group |reading |journal |lab )?(?:reading|meeting|session|class|club|talk|group)s?|"
    r"cancel+ed|holiday|break|recess|vacation|skipped|postponed|no reading group|"
    r"cancelad[oa]|feriad(?:o|ão)|sin reuni[oó]n|sem reuni[aã]o|abgesagt|entf[aä]llt|annul[ée]e?|f[ée]ri[ée])\b",
    re.I,
)  # and in Portuguese, Spanish, German, French: "Cancelado", "Feriadão", "entfällt", "annulé"
# "Authors. **Title**. Venue": the bold part is the title (a "`label`:" before the authors is dropped)
_CITATION = re.compile(r"^(?:`[^`]*`\s*:?\s*)?(?P<authors>[^*`]*?)\s*\*\*(?P<title>[^*]+)\*\*(?P<venue>[^*]*)$")
# a cell saying its session shows a recording or hosts a guest's lecture, not a paper: "[Video] …", "GUEST LECTURE by"
_NO_PAPER_TAG = re.compile(
    r"^\W*(?:\[(?:video|recording)\]|(?:guest|invited)\s+lecture\b|(?:(?:research|invited|guest|keynote)\s+)?talk\s*:)",
    re.I,
)  # "Research talk: imaging for surgical pathology" too
_CALLED_OFF = re.compile(
    r"\W*(?:no\s+(?:group\s+|reading\s+|journal\s+|lab\s+)?(?:meeting|session|reading group|class)s?|cancel+ed|postponed)"
    r"\W*",
    re.I,
)
_BARE_DAY = re.compile(r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(\d{1,2}[./-]\d{1,2})\.?$", re.I)
_IN_VENUE = re.compile(r"^[\s,.;:]*[Ii]n:?\s+([^,.;]*[A-Za-z][^,;]*?)[\s.]*$")  # ", in EMNLP": no title
_EMPTY_LINK = re.compile(r"\[+[^\[\]]*\]+\(\s*\)")  # "[[Summary slides]]()": a link to nothing
_CODE_NOTE = re.compile(r"^`[^`]+`\s*:?\s*$")
_NOTE = re.compile(
    r"\b(?:dry[- ]?run|social|series|talk|welcome|kick-?off|planning|brainstorm|tutorial|retreat|wip|"
    r"work[- ]in[- ]progress|discuss|attendance|round[- ]?tables?|panel discussions?|(?:holiday|pizza|end[- ]of[- ]"
    r"(?:term|year|semester)) part(?:y|ies)|happy hour|potluck|picnic|game night)\b",
    re.I,
)
# a cell naming conferences, not a paper: "ICFP / SPLASH '25", "NeurIPS 2025": words of two capitals or more
# ("NeurIPS", "SOSP") and years, split by blanks and marks (token by token, so the time is linear in the cell)
_ACRONYM_SPLIT = re.compile(r"[\s/&,+-]+")
_ACRONYM = re.compile(r"[A-Z][a-z]*[A-Z][A-Za-z]*")
_ACRONYM_YEAR = re.compile(r"'?(?:\d{2}|(?:19|20)\d{2})")
# an event a link names, not a paper: "[Managing Parallelism](…) Workshop"
_EVENT = re.compile(
    r"^(?:workshop|conference|symposium|summit|keynote|tutorial|seminar|webinar|meetup|hackathon)s?$", re.I
)
# a label before the one link of a reading: "Previous week's papers continued with follow-up: [Title](…)"
_LEAD_IN = re.compile(r"^(?:[^\[\]:\s]+\s+){2}[^\[\]:]*:\s*(?=\[[^\[\]]+\]\([^()\s]+\)\s*$)")
# a bracketed group of material links after a topic: "OMOP CDM \\[slides: [pdf](…), [html](…)\\]"
_MATERIAL_GROUP = re.compile(
    r"\\?\[\s*(?:slides?|notes?|video|recording|code|handouts?|materials?)\s*:[^\[\]]*"
    r"(?:\[[^\[\]]*\]\([^()\s]*\)[^\[\]]*)*\\?\]",
    re.I,
)
# a list item's mark before a reading: "1.", "2)", "(3)", "•", "*"
_LIST_MARK = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[•*·▪-])\s+")
_SEMICOLON = re.compile(r"\s*;\s+")  # readings listed on one line, separated by "; "
# "Authors (2017). Title. Venue" or "Authors. 2017. Title." (the authors: no parenthesis, at most 300 characters)
_AUTHOR_YEAR = re.compile(
    r"^(?P<authors>[^()\d]{2,300}?)(?:[.,]?\s*\((?P<y1>(?:19|20)\d{2})[a-z]?\)[.,:]|[.,]\s*(?P<y2>(?:19|20)\d{2})[a-z]?\.)"
    r"\s+(?P<rest>.+)$"
)
_TITLE_THEN_VENUE = re.compile(r"^(?P<title>.+?(?<![A-Z\s])[.?!])(?:\s+(?P<venue>.*))?$|^(?P<whole>.+)$")
_ARXIV_NAMED = re.compile(r"\b(?:arxiv\s+preprint\s+)?arxiv(?:\s+preprint)?:?\s*(\d{4}\.\d{4,5}(?:v\d+)?)", re.I)
_INITIAL_DOT = re.compile(r"([A-Z])(?=\s|$)")  # an initial whose dot the reference's punctuation took
# a label before a reading: "Required Reading:", "Paper:", "Base paper:"
_READING_LABEL = re.compile(
    r"^(?:(?:required|optional|suggested|additional|further|background|supplementary|recommended|base|surprise)\s+)?"
    r"(?:readings?|papers?|articles?)\s*:?$",
    re.I,
)
# 'Authors. "Title." Venue, 2020' or 'Authors (2017). "Title." Venue' (the title in straight or curly quotes)
_QUOTED = re.compile(
    r"^(?P<authors>[^\"“”]{2,300}?)[.,:]?\s*(?:\((?P<year>(?:19|20)\d{2})[a-z]?\)[.,]?\s*|(?<=\.\s)(?P<bare>(?:19|20)"
    r"\d{2})[a-z]?\.\s*)?[\"“]"
    r"(?P<title>[^\"“”]{8,300}?)[.,]?[\"”][.,]?\s*(?P<venue>.*)$"
)
_APA_NAME = re.compile(r"([^,&]+?),\s*((?:[A-Z][a-z]?\.?\s*-?\s*)+)(?=,|&|$|\s+and\b)")
# readings that are no paper: a book's chapter or section, lecture notes, slides
_NOT_A_PAPER = re.compile(
    r"\b(?:ch(?:apters?|s?\.?)\s*\d+|sections?\s+\d+|§\s*\d+|pp?\.\s*\d+|pgs?\.?\s+\d+|textbook|lecture notes|"
    r"course notes|handouts?|slides|no readings?|none)\b",
    re.I,
)
# a book's chapter by its number: "5: Machine Learning Basics", "7.8-8: More", "7 (to 7.7): Widgets" (no paper
# title starts so)
_CHAPTER_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*(?:\s*[-–]\s*\d{1,2}(?:\.\d{1,2})*)?(?:\s*\([^()]*\))?\s*:\s+\S")
# a year in parentheses closing a title: "Auto-Encoding Widgets (2014)"
_TITLE_YEAR = re.compile(r"\s*\(((?:19|20)\d{2})\)\s*$")
# addresses of reading material that is no paper: documentation, a blog post, an encyclopedia entry, a book's pages,
# a notebook ("https://docs.python.org/…", "…/blog/…", "…/book/chapter-2", "….ipynb"); a shared Google document or
# deck is no documentation: its link's text says what it is ("[Slides](…)" material, "[Title](…)" the reading)
_MATERIAL_URL = re.compile(
    r"^https?://(?:[^/?#]*\.)?(?:docs\.(?!google\.com)[^/?#]+|[^/?#]*readthedocs\.io|[^/?#]*wikipedia\.org|"
    r"plato\.stanford\.edu|medium\.com|[^/?#]*substack\.com)(?:[/?#:]|$)|^https?://[^?#\s]*?/(?:docs?|documentation|blogs?|engineering|"
    r"books?|notebooks?|wiki)/|\.ipynb(?:[?#]|$)",
    re.I,
)
# a link's text naming material that is no paper: "Chapter 1", "Streamlit documentation", "Goodfellow et al book",
# "Popsci article by Quanta magazine"
_MATERIAL_TEXT = re.compile(r"\b(?:chapters?|documentation|docs|book|magazine)\b", re.I)
# a citation: "Vaswani et al., 2017", "Vaswani et al. (2017)", "Vaswani et al. NeurIPS 2017" (family name, year)
_ET_AL_YEAR = re.compile(
    r"^(?P<family>[A-Z\u00c0-\u024f][\w'\u00c0-\u024f-]+)\s+et\s+al\.?\s*,?\s*(?:[A-Za-z][\w&-]*\.?\s*,?\s*)?"
    r"\(?(?P<year>(?:19|20)\d\d)\b\)?"
)
# the same without a year, before a title: "Devlin et al., BERT: Pre-training…"
_ET_AL_COMMA = re.compile(r"^(?P<family>[A-Z\u00c0-\u024f][\w'\u00c0-\u024f-]+)\s+et\s+al\.?,\s+(?=\S)")
# the same at the end of a description: "a note | Chen et al,2017"
_ET_AL_YEAR_AT_END = re.compile(
    r"(?:^|[|(,;–—-])\s*(?:[A-Z][\w'-]*\s+)?(?P<family>[A-Z\u00c0-\u024f][\w'\u00c0-\u024f-]+)\s+et\s+al\.?\s*,?\s*"
    r"(?P<year>(?:19|20)\d\d)\)?\.?\s*$"
)


def clean_cell(text: object) -> str:
    """A cell's text: HTML tags dropped (``<br>`` kept as a line break), entities decoded, blanks collapsed."""
    s = "" if text is None else str(text)
    s = re.sub(r"\[[^\[\]]*\]\([^()\s]*\)", lambda m: " ".join(m.group(0).split()), s)  # a link wrapped in a cell
    s = _BREAK.sub("\n", s)
    s = _HTML_LINK.sub(lambda m: f"[{m.group(2)}]({m.group(1)})", s)
    s = html.unescape(_TAG.sub(" ", s))
    return "\n".join(" ".join(part.split()) for part in s.split("\n")).strip()


def is_video(url: str) -> bool:
    """Whether a URL is a video site's (YouTube, Vimeo): a recorded talk, no paper."""
    return bool(_VIDEO.search(url))


def is_material_url(url: str) -> bool:
    """Whether an address is reading material's that is no paper: documentation, a blog post, an encyclopedia
    entry, a book's pages, a notebook."""
    return bool(_MATERIAL_URL.search(url))


def is_placeholder(text: str | None) -> bool:
    """Whether a cell only holds a placeholder ("TBA", "--", "?") or nothing."""
    s = clean_cell(text)
    return not s or bool(_PLACEHOLDER.match(s))


def _links(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(the text outside links, [(label, url)]) of a cell: markdown links and bare URLs."""
    found: list[tuple[str, str]] = []

    def keep(m: re.Match[str]) -> str:
        found.append((m.group(1).strip(), m.group(2)))
        return " "

    shown = _MD_LINK.sub(keep, text)
    for u in _BARE_URL.findall(shown):
        found.append(("", u if u.startswith("http") else f"https://{u}"))
        shown = shown.replace(u, "\x00")
    shown = _URL_IN_BRACKETS.sub(" ", shown).replace("\x00", " ")  # "Title (https://…)": no "()" left behind
    return " ".join(shown.split()).strip(" ,;:-–—"), found


def cited_et_al(text: str) -> tuple[str, int] | None:
    """(the first author's family name, the year) of a citation, whole or at the end of a text: "Vaswani et al.,
    2017", "(Vaswani et al. 2017)", "a note | Chen et al,2017"; None for any other text."""
    text = text.strip()
    text = text[1:-1] if text[:1] in "([" and text[-1:] in ")]" else text
    cited = _ET_AL_YEAR.match(text) or _ET_AL_YEAR_AT_END.search(text)
    return (cited.group("family"), int(cited.group("year"))) if cited else None


def markdown_plain(text: str) -> str:
    """The plain text of one line of markdown ("*No class — holiday*" as "No class — holiday"): emphasis and
    code marks dropped, links as their text."""
    tokens = MarkdownIt("commonmark").parseInline(text)
    kids = [t for tok in tokens for t in (tok.children or [])]
    kept = ("text", "code_inline", "softbreak", "hardbreak")
    parts = [t.content if t.type in ("text", "code_inline") else " " for t in kids if t.type in kept]
    return " ".join("".join(parts).split())


def _ids(urls: Iterable[str], text: str = "") -> tuple[str | None, str | None]:
    """(arXiv id, DOI) named by URLs or a bare id."""
    urls = list(urls)
    found = next((f for u in urls if "arxiv" in u.lower() and (f := normalize_arxiv_id(u))), None)
    arxiv = f"{found[0]}v{found[1]}" if found and found[1] else found[0] if found else None  # Paper keeps the version
    if arxiv is None and _ARXIV_TEXT.match(text.strip()):
        arxiv = (normalize_arxiv_id(text) or (None,))[0]
    doi = next((unquote(m.group(1)).rstrip(".") for u in [*urls, text] if (m := _DOI.search(u))), None)
    if doi is not None and doi.lower().startswith("10.48550/arxiv."):
        arxiv, doi = arxiv or (normalize_arxiv_id(doi[15:]) or (None,))[0], None
    return arxiv, doi


# the reference readers of other modules (``_schedule_bylines``) read a text's links and ids so too
split_links, ids_of_links = _links, _ids


def link_ids(text: str) -> tuple[str, str | None, str | None, str | None]:
    """(text with links shown as their labels, first URL, arXiv id, DOI) of a value such as "[Title](url)"."""
    shown, links = _links(clean_cell(text).replace("\n", " "))
    labels = [label for label, _ in links if label and not _GENERIC_LABEL.match(label)]
    shown = " ".join([shown, *labels]).strip() if not shown else shown
    urls = [u for _, u in links]
    arxiv, doi = _ids(urls, shown)
    return shown, (urls[0] if urls else None), arxiv, doi


@dataclass
class CellPaper:
    """A paper named in a schedule cell: its title (or what stands for it), link and identifiers."""

    title: str
    url: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    extra_urls: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    venue: str | None = None
    year: int | None = None
    more_authors: bool = False  # the reference cut its authors short ("Quill, Ada, et al.")
    numbers: dict[str, str] = field(default_factory=dict)  # CSL volume, issue, page of the venue


def _segments(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The cell's parts (one per line or ``<br>``): (text, links); a part that is only links joins the one above."""
    parts: list[tuple[str, list[tuple[str, str]]]] = []
    lines = clean_cell(text).split("\n")
    pieces = [p for line in lines for p in (_SEMICOLON.split(line) if "](" not in line else [line])]
    for raw in pieces:
        raw = _LEAD_IN.sub("", _MATERIAL_GROUP.sub(" ", raw).strip())
        shown, links = _links(_LIST_MARK.sub("", raw.strip(" ,;")))
        videos = [(label, u) for label, u in links if _VIDEO.search(u) and not _MATERIAL_LABEL.match(label)]
        talk = any(_TALK_WORD.search(f"{shown} {label}") for label, _ in videos)  # the cell says it is a talk
        links = [
            (label, u) for label, u in links if not _MATERIAL_LABEL.match(label) and not (talk and _VIDEO.search(u))
        ]
        if (not shown or talk) and not links:
            continue  # nothing, or a reading that is a recorded talk ("[Keynote talk](https://www.youtube.com/…)")
        if not shown and parts and not any(label and not _GENERIC_LABEL.match(label) for label, _ in links):
            parts[-1][1].extend(links)
        else:
            parts.append((shown, links))
    return parts


def _names_conferences(text: str) -> bool:
    """Whether a cell only names conferences ("ICFP / SPLASH '25", "NeurIPS 2025", "SOSP / OSDI 24"): acronyms
    and years, with a year or a "/" among them; an all-caps title ("ATTENTION IS ALL YOU NEED") is none."""
    tokens = [t for t in _ACRONYM_SPLIT.split(text.strip()) if t]
    years = [t for t in tokens if _ACRONYM_YEAR.fullmatch(t)]
    acronyms = [t for t in tokens if _ACRONYM.fullmatch(t)]
    return bool(acronyms) and len(years) + len(acronyms) == len(tokens) and bool(years or "/" in text)


def _looks_like_title(text: str) -> bool:
    words = text.split()
    if not words or _NOTE.search(text) or _names_conferences(text):
        return False
    return len(words) >= 4 or (":" in text and len(words) >= 2)


def _citation(shown: str, links: list[tuple[str, str]]) -> CellPaper | None:
    """A reference written out, the title in bold: "A. Author, B. Author. **Title**. Venue 2017" (perhaps after a
    label such as "`by copying`:")."""
    m = _CITATION.match(shown)
    if m is None:
        return None
    authors = [a for a in re.split(r"\s*,\s*|\s+and\s+", split_et_al(m.group("authors").strip(" .,:"))[0]) if a]
    urls = [u for _, u in links]
    arxiv, doi = _ids(urls, shown)
    venue = " ".join(_EMPTY_LINK.sub("", m.group("venue")).strip(" .,").split()) or None
    title = " ".join(m.group("title").strip(" .").split())
    return CellPaper(title, safe_url(urls[0]) if urls else None, arxiv, doi, urls[1:], authors, venue)


def _author_year(shown: str, links: list[tuple[str, str]]) -> CellPaper | None:
    """A reference written as a syllabus lists readings: "Vaswani et al. (2017). Attention Is All You Need. NeurIPS"
    (APA's "Family, A., & Family, B. (2017). Title.", ACL's "Family et al. 2017. Title.")."""
    m = _AUTHOR_YEAR.match(shown)
    parts = _TITLE_THEN_VENUE.match(m.group("rest")) if m else None
    if m is None or parts is None:
        return None
    title = (parts.group("title") or parts.group("whole")).rstrip(".").strip()
    if len(title.split()) < 2:
        return None
    urls = [u for _, u in links]
    arxiv, doi = _ids(urls, shown)
    venue = " ".join((parts.group("venue") or "").strip(" .,").split()) or None
    if arxiv is None and (named := _ARXIV_NAMED.search(shown)):  # "... Title. arXiv:1901.00001"
        arxiv = named.group(1)
    venue = None if venue and _ARXIV_NAMED.fullmatch(venue) else venue  # "arXiv preprint arXiv:…" is no venue
    year = int(m.group("y1") or m.group("y2"))
    found = CellPaper(title, safe_url(urls[0]) if urls else None, arxiv, doi, urls[1:], _names(m.group("authors")))
    (found.venue, found.numbers), found.year = split_venue(venue) if venue else (None, {}), year  # APA's numbers
    return found


def _names(text: str) -> list[str]:
    """Authors as a reference lists them: "Vaswani, A., Shazeer, N., & Parmar, N." (as "A. Vaswani", ...), MLA's
    "Zhu, Shien, Luan Duong, and Weichen Liu" (the first name turned round), or as given ("S. Rajbhandari and Y. He",
    "Vaswani et al.")."""
    text = re.sub(r"^\([^()]*\)\s*", "", text.strip(" ,"))  # "(FlexFlow) Jia, Zhihao": a label before the names
    text, more = split_et_al(text)
    if not re.search(r"[A-Za-z]{2,}\s+[A-Z]\.?\s*(?:,|$)", text):  # not "Family F." lists: APA's "Family, F."
        pairs = _APA_NAME.findall(text)
        if pairs:
            return [_INITIAL_DOT.sub(r"\1.", given.strip()) + " " + family.strip() for family, given in pairs]
    parts = [n.strip(" .") for n in re.split(r"\s*,\s*(?:&|and\b)?\s*|\s+(?:&|and)\s+", text) if n.strip(" .")]
    single = len(parts) >= 2 and " " not in parts[0] and len(parts[1].split()) <= 3
    alone = len(parts) == 2 and (more or not re.search(r"\band\b|&", text))  # "Varga, Ilse": one name
    if single and (len(parts) >= 3 and " " in parts[2] or alone):
        parts = [_INITIAL_DOT.sub(r"\1.", parts[1]) + " " + parts[0], *parts[2:]]  # MLA: "Family, Given" first
    return parts


def _quoted(shown: str, links: list[tuple[str, str]]) -> CellPaper | None:
    """A reference with its title in quotes (MLA, IEEE, Chicago): 'Zhu, Shien, and Weichen Liu. "XOR-Net: An
    Efficient Pipeline." 2020 IEEE ICPADS, 2020', 'S. Rajbhandari and Y. He, "ZeRO: Memory Optimizations," SC20'."""
    m = _QUOTED.match(shown)
    if m is None or len(m.group("title").split()) < 2:
        return None
    urls = [u for _, u in links]
    arxiv, doi = _ids(urls, shown)
    if arxiv is None and (named := _ARXIV_NAMED.search(shown)):
        arxiv = named.group(1)
    years = re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", m.group("venue"))
    venue = " ".join(re.sub(r"(?<!\w)[_*]|[_*](?!\w)", " ", m.group("venue")).strip(" .,").split()) or None  # *italics*
    found = CellPaper(m.group("title").strip(" ,."), safe_url(urls[0]) if urls else None, arxiv, doi, urls[1:])
    found.authors, found.more_authors = _names(m.group("authors")), split_et_al(m.group("authors").strip(" ,"))[1]
    no_venue = venue and (_ARXIV_NAMED.match(venue) or not re.search(r"[^\W\d_]", venue))  # "arXiv:…", "(2016)"
    found.venue = None if no_venue else venue
    if found.venue:  # "Journal 98.2 (2016): 392-393": its name alone, the numbers apart
        found.venue, found.numbers = split_venue(found.venue)
    cited = m.group("year") or m.group("bare")  # "(2019)", or Chicago's "Newman. 2019. “Title.”"
    found.year = int(cited or years[-1]) if cited or years else None
    return found


def _named_arxiv(text: str) -> tuple[str, str | None]:
    """(the text without it, the arXiv id) of a text naming an id: "Title (arXiv:1706.03762)", "Title, arXiv:…"."""
    named = _ARXIV_NAMED.search(text)
    if named is None:
        return text, None
    rest = _EMPTY_BRACKETS.sub(" ", text[: named.start()] + text[named.end() :])
    return " ".join(rest.split()).strip(" ,;:-–—"), named.group(1)


def _et_al_first(shown: str, links: list[tuple[str, str]]) -> CellPaper | None:
    """A citation before the title: "Devlin et al., BERT: …", "Vaswani et al. 2017, Attention Is All You Need (arXiv:1706.03762)", "Kaplan
    et al. (2020) Scaling Laws…", "(Ouyang et al., 2022) InstructGPT"."""
    text = shown[1:] if shown.startswith("(") else shown
    m = _ET_AL_YEAR.match(text) or _ET_AL_COMMA.match(text)
    if m is None or any(label and not _GENERIC_LABEL.match(label) for label, _ in links):
        return None  # "[Title](url) (Vaswani et al., 2017)": the link names the title
    title, arxiv = _named_arxiv(text[m.end() :].lstrip(" ),.:;–—-"))
    title = title.rstrip(".").strip()
    if not re.search(r"[^\W\d_]", title) or _NOT_A_PAPER.search(title):  # "Smith et al. 2020, Ch. 3": no paper
        return None
    urls = [u for _, u in links]
    found_arxiv, doi = _ids(urls, "")
    found = CellPaper(title, safe_url(urls[0]) if urls else None, found_arxiv or arxiv, doi, urls[1:])
    year = m.groupdict().get("year")
    found.authors, found.year = [m.group("family")], int(year) if year else None
    return found


def _reference(shown: str, links: list[tuple[str, str]]) -> CellPaper | None:
    """A reference written out, in any of the styles above."""
    return _citation(shown, links) or _quoted(shown, links) or _author_year(shown, links) or _et_al_first(shown, links)


def written_reference(text: str) -> CellPaper | None:
    """The title, authors, year and venue of a reference written out ('Family, Given, and Given Family. "Title."
    Venue (2015).', APA, ACL, "Authors. **Title**. Venue", "Family et al. (2017) Title"); None for other text (and
    for a bold mark around nothing: "** **")."""
    found = _reference(" ".join(text.split()), [])
    return found if found is not None and any(ch.isalpha() for ch in found.title) else None


def _material_link(label: str, url: str) -> bool:
    """Whether a reading's link is to material that is no paper, by its address or its text (documentation, a
    blog post, an encyclopedia entry, a book's chapter, a notebook); a link naming an arXiv id or a DOI never is."""
    if any(_ids([url])):
        return False
    material = is_material_url(url) or COURSE_PAGE.search(url) or _MATERIAL_TEXT.search(label)
    return bool(material or label and _NOT_A_PAPER.search(label))


def _segment_papers(shown: str, links: list[tuple[str, str]]) -> list[CellPaper]:
    if _CODE_NOTE.match(shown) and not links:
        return []  # "`Advancing NMT:`": a heading written inside the cell, no paper
    shown = "" if _READING_LABEL.match(shown) else shown  # "Required Reading: <a>…</a>": a label, not the title
    if (by_link := cited_link(shown, links)) is not None:  # "[Quill 2019 (PNAS)](doi): "Title"": a cited link
        urls = [u for label, u in links if label] + [u for label, u in links if not label]
        title, authors, more, cited_year, cited_venue = by_link
        return [CellPaper(title, safe_url(urls[0]), *_ids(urls), urls[1:], authors, cited_venue, cited_year, more)]
    material = not links and not _ARXIV_TEXT.match(shown) and not _DOI.search(shown)
    cited = _reference(shown, links)
    labels = [label for label, _ in links if label and not _GENERIC_LABEL.match(label)]
    if cited is not None and len(labels) == 1 and len(re.findall(r"[^\W\d_]{2,}", cited.title.replace("In ", ""))) < 2:
        cited.title = labels[0]  # "Dong and Lapata (2018), [Title](link), In ACL": the link names it, not ", In ACL"
    elif cited is not None and len(labels) == 1 and (in_venue := _IN_VENUE.match(cited.title)):
        cited.title, cited.venue = labels[0], cited.venue or in_venue.group(1)  # "…, [Title](link), in EMNLP"
    if cited is not None and not (material and _NOT_A_PAPER.search(cited.title)):  # "Book (2019), Sections 6.1"
        return [cited]
    if material and (_NOT_A_PAPER.search(shown) or _CHAPTER_NUMBER.match(shown)):
        return []  # "Jurafsky & Martin, Ch. 3", "Lecture notes", "5: Basics": a reading, not a paper
    named = [(label, u) for label, u in links if label and not _GENERIC_LABEL.match(label)]
    generic = [(label, u) for label, u in links if not label or _GENERIC_LABEL.match(label)]
    if named and _EVENT.match(shown):
        return []  # "[Managing Parallelism](…) Workshop": an event, the meeting's note
    if len(named) == 1 and not shown and (cited := _reference(named[0][0], named)) is not None:
        return [cited]  # a link whose label is the whole reference
    out: list[CellPaper] = []
    et_al = cited_et_al(shown) if len(named) == 1 else None  # "[Title](url) (Vaswani et al., 2017)"
    several = len(named) > 1
    if any(_material_link(label, u) for label, u in links):  # a chapter, documentation, a blog post: no paper
        named, generic = [x for x in named if not _material_link(*x)], [x for x in generic if not _material_link(*x)]
        if not named and not generic:
            return []
    for label, u in named:  # "[Title](url)"
        arxiv, doi = _ids([u])
        title, by = (label, []) if not shown or several or et_al else beside_label(shown, label)
        out.append(CellPaper(" ".join(title.split()), safe_url(u), arxiv, doi, authors=by))
    if et_al and out:
        out[0].authors, out[0].year = [et_al[0]], et_al[1]
    if out:
        if generic and len(out) == 1:
            out[0].extra_urls = [u for _, u in generic]
        return out
    if len(generic) > 1 and shown:  # a topic and "[Paper 1](…), [Paper 2](…)": one paper per link
        return [
            CellPaper(f"{shown} ({label or n})", safe_url(u), *_ids([u])) for n, (label, u) in enumerate(generic, 1)
        ]
    urls = [u for _, u in generic]
    arxiv, doi = _ids(urls, shown)
    if arxiv is None and not _ARXIV_TEXT.match(shown.strip()):
        shown, arxiv = _named_arxiv(shown)  # "Title (arXiv:2106.09685)": the id out of the title
    if shown and (urls or arxiv or doi or _looks_like_title(shown)):
        year = _TITLE_YEAR.search(shown)  # "Auto-Encoding Widgets (2014)": the year, not part of the title
        found = CellPaper(shown[: year.start()] if year else shown, safe_url(urls[0]) if urls else None, arxiv, doi)
        found.extra_urls, found.year = urls[1:], int(year.group(1)) if year else None
        return [found]
    if not shown and (arxiv or doi or urls):
        return [
            CellPaper(f"arXiv:{arxiv}" if arxiv else f"doi:{doi}" if doi else urls[0], safe_url(urls[0]), arxiv, doi)
        ]
    return []


def cell_papers(text: object) -> tuple[list[CellPaper], str | None]:
    """(the papers a paper cell names, the cell's text when it names none: a note such as "Honours talk dry run")."""
    s = clean_cell(text)
    if is_placeholder(s):
        return [], None
    if (_SKIP.search(s) and not _MD_LINK.search(s)) or _NO_PAPER_TAG.match(s):
        return [], " ".join(s.split())  # "No meeting (break)", "[Video] Selected talks", "GUEST LECTURE by …"
    papers = [p for shown, links in _segments(s) for p in _segment_papers(shown, links)]
    if papers and _called_off(s) and not any(p.arxiv_id or p.doi for p in papers):
        return [], " ".join(s.split())  # "Holiday, no reading group ([calendar](…))", "[NO MEETING](…)"
    for paper in papers if len(papers) == 1 else []:  # "Title, in EMNLP 2018": the venue and year out of the title
        if paper.venue is None and (tail := venue_tail(paper.title))[1]:
            paper.title, paper.venue = tail[0], tail[1]
            paper.year = paper.year or (None if paper.arxiv_id else tail[2])  # an arXiv id dates it to the month
    for paper in papers:  # a paper linked to its recorded talk: the video is no link to the paper
        if paper.url and _VIDEO.search(paper.url):
            paper.extra_urls, paper.url = [paper.url, *paper.extra_urls], None
    return papers, (None if papers else " ".join(s.split()))


def paper_link(text: object) -> str | None:
    """The first link of a cell of material labelled as the paper ("[Paper](…)", "[PDF](…)", "[arXiv](…)"), as
    ``[label](url)``, or the cell when it is only a paper's address (:func:`paper_address`); None otherwise."""
    _, links = _links(cell := clean_cell(text).replace("\n", " "))
    return next((f"[{x}]({u})" for x, u in links if x and _GENERIC_LABEL.match(x)), None) or paper_address(cell)


def bracketed_note(text: object) -> str | None:
    """The note of a presenter cell written in square brackets, no link ("[Up the batches]"), else None."""
    s = clean_cell(text)
    return s.strip("[] ") or None if _BRACKETED.match(s) and "](" not in s and not is_placeholder(s) else None


def _called_off(text: str) -> bool:
    """Whether a cell with links says its meeting did not take place: its text outside the links does, or a link's
    text alone is such a note ("[NO MEETING](…)")."""
    outside = _MD_LINK.sub(" ", text)
    return bool(_SKIP.search(outside) or _CALLED_OFF.fullmatch(markdown_plain(text).strip()))


def skip_note(text: str) -> bool:
    """Whether a note says the meeting did not take place ("No group reading. Public holiday")."""
    return bool(_SKIP.search(text))


def no_paper_note(text: str | None) -> bool:
    """Whether a note says its session names no paper: a recording shown, a guest's lecture ("[Video] …")."""
    return bool(text and _NO_PAPER_TAG.match(text))


def presenters(text: object) -> list[str]:
    """The names in a presenter cell: separated by line breaks, commas, semicolons, "&", "/" or "and"."""
    s = clean_cell(text)
    if is_placeholder(s):
        return []
    s = re.sub(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)", "", _MD_LINK.sub(lambda m: m.group(1), s))  # links, emphasis
    if _SKIP.search(s):
        return []  # "*no meeting*" in the presenter column
    s = without_roles_and_degrees(re.sub(r"\s*\([^()]*\)", "", s))  # the affiliation in brackets, "…, Ph.D."
    # "Ana Lima e Rui Sá": two people — a full name on the right too ("Maria da Silva e Souza", "Redes e Sistemas",
    # "Hans Müller und Team" are one)
    s = re.sub(r"(?<=\w\s\w)(\w*)\s+(?:e|und|et)\s+(?=[A-ZÀ-Þ][\w'’-]*\s+[A-ZÀ-Þ])", r"\1 and ", s)
    names = [n.strip(" .()?") for n in re.split(r"\s*(?:\n|,|;|&|/|\+|\band\b)\s*", s) if not _BRACKETED.match(n)]
    # a name has a letter ("Cara (1)/1": a count, no name); "?Dan": a name marked unsure
    return list(dict.fromkeys(n for n in names if re.search(r"[^\W\d_]", n) and not is_placeholder(n)))


# -- dates: read by paperlab.dates (day_of, date_order), the one reading of days every reader uses --------------


def parse_day(text: object, order: str = "dmy", year: int | None = None) -> dt.date | None:
    """The date in a date cell (:func:`paperlab.dates.day_of` of its text), None when there is none (``"TBA"``)
    or it is not a real day; ``year`` is used for dates that name none ("Mar 5")."""
    if isinstance(text, dt.date):
        return text if not isinstance(text, dt.datetime) else text.date()
    cell = re.sub(
        r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", r"\1-\2-\3", clean_cell(text)
    )  # 2016年7月16日
    if (day := day_of(cell, order, year)) is None and (bare := _BARE_DAY.match(cell)):
        day = day_of(re.sub(r"[.-]", "/", bare.group(1)), order, year)  # "Thu 14/09", "14.09.": day and month
    return day

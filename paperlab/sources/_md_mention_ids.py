"""The papers one line of a markdown or HTML-ish file names by an id or an address, for the generic paper finder
(:mod:`._mentions`): its links, bare addresses (with or without their scheme), arXiv ids, DOIs and tags' attributes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from ..identifiers import DOI_IN_TEXT, arxiv_id_value
from ._md_title_parts import points_at
from ._mention_lines import ARXIV_LABELLED, BARE_URL, IMAGE, LINK, OLD_ARXIV_LABELLED, Line, plain, usable_title
from ._schedule_cells import is_material_url

__all__ = ["BARE_ID", "Mention", "ids_of_url", "line_mentions"]

_ARXIV_URL = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf|html|ftp/arxiv/papers/\d{4})|huggingface\.co/papers)/(\d{4}\.\d{4,5})(?:v\d+)?", re.I
)  # a Hugging Face paper page is named by its arXiv id
BARE_ID = re.compile(r"(?<![\w./-])(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?(?![\d\w]|\.\d)")
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(\d{4}\.\d{4,5})", re.I)
# an arXiv address written without its scheme ("arxiv.org/abs/2305.16264" in a sentence): the paper, by its id
_SCHEMELESS_ARXIV = re.compile(r"(?<![\w/.])(?:www\.)?arxiv\.org/(?:abs|pdf|html)/(\d{4}\.\d{4,5})", re.I)
_VENUE_URL = re.compile(
    r"https?://(?:www\.)?(?:openreview\.net/(?:forum|pdf)\?id=[\w-]+|aclanthology\.org/[\w.-]+"
    r"|aclweb\.org/anthology/[\w.-]+(?:/[\w.-]+)?"
    r"|proceedings\.mlr\.press/v\d+/[\w.-]+|(?:papers\.nips\.cc|proceedings\.neurips\.cc|papers\.neurips\.cc)/paper"
    r"[^\s)\]<>\"']*|(?:api\.)?semanticscholar\.org/paper/[\w/-]+"
    # a preprint server's or publisher's page of one paper (bioRxiv's early addresses, Nature, IEEE Xplore, PNAS)
    r"|(?:biorxiv|medrxiv)\.org/content/(?:early/)?[\w./-]*\d{5,}[\w./-]*|nature\.com/articles/[\w.-]*\d[\w.-]*"
    r"|ieeexplore\.ieee\.org/(?:abstract/)?document/\d+/?|pnas\.org/content/\d+/\d+/[\w.-]+)",
    re.I,
)
# a link whose text is a badge image (shields.io, a "badge" address): its target, group 1
_BADGE_LINK = re.compile(r"\[\s*!\[[^\]]*\]\([^()\s]*(?:shields\.io|badge)[^()\s]*\)\s*\]\(([^()\s]+)\)", re.I)
# a file or folder named by a paper's arXiv id, or by its venue and year in brackets ("[CVPR 2025] Name")
_LOCAL_ARXIV = re.compile(
    r"(?:^|/|\[)(?:arxiv[\]\s_:-]*)?(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?(?=$|[\]/\s_.-])", re.I
)
_VENUE_FOLDER = re.compile(r"(?:^|/)\[[A-Za-z][\w .&-]{1,40}\s(?:19|20)\d{2}\]\s*[^/\[\]]+/?(?:README\.md)?$")
_PAPER_LABEL = re.compile(r"^\W*paper\W*$", re.I)  # a link's text saying it is the paper
_PDF_URL = re.compile(r"https?://[^\s)\]<>\"'|]+?\.pdf(?![\w/])", re.I)
# what a publisher's address adds after the DOI in its path ("…/10.5334/dsj-2022-004/galley/1120/download/")
_DOI_TAIL = re.compile(r"(?:[?#].*|/(?:pdf|full|abstract|epdf|galley|download|meta|fulltext|html)\b.*|\.pdf)$", re.I)
# a link's text naming material that is no paper
_MATERIAL = re.compile(
    r"(?:^|\W)(?:slides?|notes?|lecture|handouts?|homework|hw|assignment|syllabus|video|recording|code|poster|agenda|"
    r"worksheet|exercises?|solutions?|book|chapter|ch\.?|manual|docs?|documentation|tutorial)\b",
    re.I,
)


@dataclass
class Mention:
    line: int  # index into the lines
    arxiv_id: str | None = None
    doi: str | None = None
    url: str | None = None
    label: str | None = None  # the link's text
    title: str = ""
    by_heading: bool = False
    badge: bool = False  # the link is a badge ("[![arXiv](https://img.shields.io/badge/…)](…)")
    pointed: bool = False  # a sentence points at the link ("See [the survey](…) for more"): no title is near it


def ids_of_url(url: str) -> Mention | None:
    """The paper an address names: an arXiv id, a DOI, a proceedings page, a PDF; None for any other address."""
    m = _ARXIV_URL.search(url)
    if m:
        return Mention(0, arxiv_id=m.group(1), url=url)
    doi_match = DOI_IN_TEXT.search(url)
    if doi_match and not doi_match.group(0).startswith("10/"):
        doi = _DOI_TAIL.sub("", doi_match.group(0)).rstrip(".,;:)")
        m = _ARXIV_DOI.match(doi)
        return Mention(0, arxiv_id=m.group(1), url=url) if m else Mention(0, doi=doi, url=url)
    if (_VENUE_URL.match(url) or _PDF_URL.fullmatch(url)) and not is_material_url(url):
        return Mention(0, url=url)  # a PDF of a book's pages ("…/books/…pdf") is none
    return _local_paper(url)


def _local_paper(url: str) -> Mention | None:
    """A file or folder beside the page named for a paper: by its arXiv id ("papers/2604.01234-title.md",
    "./attention/[Arxiv] 1706.03762/"), or by its venue and year ("./Topic/[MICRO 2026] Widget-Routing/")."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I):
        return None  # an address elsewhere
    path = unquote(url)
    if m := _LOCAL_ARXIV.search(path):
        return Mention(0, arxiv_id=m.group(1), url=url)
    return Mention(0, url=url) if _VENUE_FOLDER.search(path) else None


def line_mentions(index: int, line: Line) -> list[Mention]:
    """The papers one line names: in its links, its bare addresses and ids, its tags' attributes."""
    found: list[Mention] = []
    badges = {m.group(1) for m in _BADGE_LINK.finditer(line.raw)}
    raw = IMAGE.sub(lambda m: m.group(1), line.raw)  # a badge inside a link: "[![arXiv](badge)](link)"
    for m in LINK.finditer(raw):
        mention = ids_of_url(m.group(2))
        if mention is None and _PAPER_LABEL.match(m.group(1)) and m.group(2).startswith(("http://", "https://")):
            mention = Mention(0, url=m.group(2))  # "[[paper](https://…/publications/…)]": the page says so
        before = raw[max(0, m.start() - 25) : m.start()]
        if mention and not (mention.arxiv_id or mention.doi) and _is_material(plain(m.group(1)), before):
            continue  # "[slides](…/01.pdf)", "slides: [pdf](…)": a PDF, but not a paper
        if mention:
            mention.label = plain(m.group(1)).strip("\"“”' ")
            mention.badge = m.group(2) in badges
            mention.pointed = points_at(plain(LINK.sub(lambda k: k.group(1), raw[: m.start()])), mention.label)
            found.append(mention)
    rest = plain(LINK.sub(lambda m: f"[{m.group(1)}]", raw))
    for m in BARE_URL.finditer(rest):
        mention = ids_of_url(m.group(0).rstrip(".,;:"))
        if mention:
            found.append(mention)
    words = BARE_URL.sub(" ", rest)
    named = {m.group(1) for m in ARXIV_LABELLED.finditer(words)} | {m.group(1) for m in BARE_ID.finditer(words)}
    named |= {m.group(1) for m in OLD_ARXIV_LABELLED.finditer(words)}  # "arXiv:hep-ph/9712333", old style
    named |= {m.group(1) for m in _SCHEMELESS_ARXIV.finditer(words)}
    named |= {v.split("v")[0] for a in line.attrs if (v := arxiv_id_value(a.replace("arXiv ", "")))}
    if any(m.label and usable_title(m.label) for m in found):
        # a line whose link names its paper: other ids written in its text are works it cites ("overlap with
        # arXiv:2311.08149" in a comment), not papers of the list
        return _placed(index, found)
    found += [Mention(0, arxiv_id=i) for i in sorted(named)]
    for m in DOI_IN_TEXT.finditer(words):
        if m.group(0).startswith("10.") and not _ARXIV_DOI.match(m.group(0)):
            found.append(Mention(0, doi=_DOI_TAIL.sub("", m.group(0)).rstrip(".,;:)")))
    return _placed(index, found)


def _is_material(label: str, before: str) -> bool:
    """Whether a link's text, or a label just before it ("slides: [pdf](…)"), names material that is no paper."""
    if _MATERIAL.match(label):
        return True
    return not usable_title(label) and bool(_MATERIAL.search(before.rsplit("](", 1)[-1].split("|")[-1]))


def _placed(index: int, found: list[Mention]) -> list[Mention]:
    for mention in found:
        mention.line = index
    return found

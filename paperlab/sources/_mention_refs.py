"""A list item the generic finder (:mod:`._mentions`) reads as a reference written out, its one link closing it
being the venue's page::

    - Quill et al. (2022) Sparse widgets in a warmer world. <a href="https://doi.org/10.1/x">Widget Science.</a>

The text before the link is the reference (authors, year, title: any style :func:`._schedule_cells.written_reference`
knows, with its authors and year); the link's text is the journal ("Widget Science"), never the paper's title, and
its address the paper's page. An item whose link does not close it, or whose text before it is no reference with
authors and a year, is none (a link that titles its paper: "[Title](…) (2019)").

A paragraph line of links only, each labelled as material ("[[paper](…)] [[code](…)]"), is titled by the paragraph's
line right above it when that line is plain words, a method's short name before a dash dropped ("f-WID - Widget
Routing Revisited" is "Widget Routing Revisited"; "WID - WID: Widget Routing" is "WID: Widget Routing").

A list item that is a PDF's file name, perhaps labelled ("- **File** : Sparse_Widget_Routing.pdf"), is a document of a
collection's tree: titled by the name, underscores as spaces and a venue's prefix ("ndss2023_") dropped; a name of
material (slides, homework, notes) is none.

A page of notes on one paper may name it only by its one ``#`` heading, opening the page ("# Nearly-Optimal Regret in
Dueling Widgets" over notes): that heading is the paper when it is long, names no event or list ("Journal Club: …", "Awesome …
List") and the title classifier reads it as a paper's title surely, and the page names no other paper (no id, no
link to one, no list of titles).

A list item that is only a paper's address ("* https://arxiv.org/pdf/1804.07875.pdf", "1. https://openreview.net/pdf?id=…")
with no title anywhere near it (no heading over it that titles it, no bullet above) is still that paper, named by what
its address says: "arXiv:1804.07875", "doi:10.…", "ACL Anthology D19-1076", "OpenReview r1xCMyBtPS", a PDF's file name.
"""

from __future__ import annotations

import re

from ._mention_lines import LINK, Line, plain, usable_title
from ._schedule_cells import CellPaper, written_reference
from ._title_lines import title_score

__all__ = ["address_name", "item_reference", "note_title", "paragraph_reference", "pdf_item", "title_above_links"]

_ACL = re.compile(
    r"(?:aclanthology\.org|aclweb\.org/anthology)/(?:[\w.-]+/)?([A-Z]?\d{2}[-.]\d{1,5}|\d{4}\.[\w-]+\.\d+)", re.I
)
_OPENREVIEW = re.compile(r"openreview\.net/(?:forum|pdf)\?id=([\w-]+)", re.I)
_PMLR = re.compile(r"proceedings\.mlr\.press/(v\d+)/([\w-]+?)(?:/[\w-]+)?(?:\.pdf|\.html)?$", re.I)
_FILE_NAME = re.compile(r"/([^/?#]{3,120}?)\.pdf(?:[?#].*)?$", re.I)


def address_name(url: str | None, arxiv_id: str | None, doi: str | None) -> str:
    """What a paper's address names it by when nothing near it titles it (see the module's docstring)."""
    if arxiv_id:
        return f"arXiv:{arxiv_id}"
    if doi:
        return f"doi:{doi}"
    url = url or ""
    for pattern, name in ((_ACL, "ACL Anthology {}"), (_OPENREVIEW, "OpenReview {}"), (_PMLR, "PMLR {} {}")):
        if m := pattern.search(url):
            return name.format(*m.groups())
    m = _FILE_NAME.search(url)
    return " ".join(m.group(1).replace("_", " ").split()) if m else ""


def item_reference(line: Line) -> CellPaper | None:
    """The reference a list item writes out before the venue's link that closes it (see the module's docstring)
    with ``url`` the link's address and ``venue`` its text, or that a numbered paragraph line writes out before its
    bare address ("[3] Quill, A. (2019). Title. Venue. https://doi.org/…"); None for any other line."""
    if line.kind == "text" and line.item is None and _NUMBERED.match(line.text) and _CLOSING_ADDRESS.search(line.text):
        return _with_bare_address(_NUMBERED.sub("", line.text))  # "[3] Quill, A. (2019). Title. Venue. https://doi…"
    if line.kind != "item":
        return None
    links = list(LINK.finditer(line.text))
    if not links and _CLOSING_ADDRESS.search(line.text):
        return _with_bare_address(line.text)
    if len(links) != 1 or _TAIL_MARKS.sub("", line.text[links[0].end() :]).strip(" .;,"):
        return None
    before = re.sub(r"\bdoi\s*[:：]\s*$", "", plain(line.text[: links[0].start()]).rstrip(), flags=re.I)
    found = written_reference(before)
    if found is None or not found.authors or not found.year or found.url:
        return None
    found.more_authors = found.more_authors or bool(re.search(r"\bet\s+al\b", before))  # "Quill et al. (2022)"
    venue = " ".join(plain(links[0].group(1)).split()).strip(" .")
    found.venue, found.url = found.venue or venue or None, links[0].group(2)
    return found


_NUMBERED = re.compile(r"^\s*(?:\*\*|__)?\s*\[\s*\d{1,4}\s*\](?:\*\*|__)?\s+(?=\S)")  # "[3] ", "**[12]** "
_TAIL_MARKS = re.compile(r"<br\s*/?>|:[a-z][a-z-]*:", re.I)  # a line break, an ":open-access:" icon after the link
# a reference written out and closed by its bare address ("Quill, A., & Renn, B. (2019). Title. *Venue*, 38(7),
# 1276-1296. <https://doi.org/10.…>")
_CLOSING_ADDRESS = re.compile(r"(?:19|20)\d{2}.*\shttps?://\S+\s*$")


def _with_bare_address(text: str) -> CellPaper | None:
    """The reference of a list item closed by a bare address (:data:`_CLOSING_ADDRESS`): its authors and year
    written out (APA, Vancouver, "Quill et al. (2019) Title"), the address left to the finder's own mention."""
    from ._md_references import reference_parts

    found = reference_parts(re.sub(r"\s*https?://\S+\s*$", "", plain(text)))
    if found is None or not found.authors or not found.year or found.url:
        return None
    return found


def paragraph_reference(lines: list[Line], i: int) -> CellPaper | None:
    """For a line running on under a list item (indented, no blank line between), the reference the item's lines
    write out together and close with the paper's address ("* Quill, A. et al, 2022. Title over" / "  two lines.
    *Venue*, 1(2). DOI: [10.…](…)"): :func:`item_reference` of them joined; None for any other line."""
    line = lines[i]
    start = line.item
    if line.kind != "text" or start is None or any(lines[j].kind != "text" for j in range(start + 1, i)):
        return None
    text = " ".join(ln.text for ln in lines[start : i + 1])
    found = item_reference(Line(lines[start].number, lines[start].raw, "item", text=text))
    if found is None and i - 1 > start and not plain(LINK.sub(" ", line.text)).strip(" []()|,;"):
        return paragraph_reference(lines, i - 1)  # "  [[PDF](….pdf)]" below the reference: that paper's file
    return found


_SHORT_NAME = re.compile(r"^\S{1,16}\s+[-–—]\s+(?=\S)")  # "f-BRS - ": a method's short name before its title


def title_above_links(lines: list[Line], i: int) -> str:
    """The title of a paragraph line holding only links (see the module's docstring), "" for any other line."""
    line = lines[i]
    if line.kind != "text" or i == 0 or plain(LINK.sub(" ", line.text)).strip(" []()|,;"):
        return ""
    j = i - 1
    while j > 0 and j > i - 4 and lines[j].kind == "text" and not plain(LINK.sub(" ", lines[j].text)).strip(" []()|,;"):
        j -= 1  # "[[article link](…)]" / "[[arXiv:…](…)]": a line of links under another, one paper's
    above = lines[j]
    if above.kind != "text" or LINK.search(above.text) or "://" in above.text:
        return ""
    block = [j]  # the paragraph's lines broken by hand above it: "Title  " / "Ada Quill, Bo Renn  " / "WIDG 2021  "
    while block[0] > 0 and j - block[0] < 3 and lines[block[0] - 1].raw.endswith(("  ", "\\", "<br>", "<br/>")):
        if lines[block[0] - 1].kind != "text" or LINK.search(lines[block[0] - 1].text):
            break
        block.insert(0, block[0] - 1)
    titles = [t for k in block if (t := usable_title(_SHORT_NAME.sub("", plain(lines[k].text).strip())))]
    return next((t for t in titles if title_score(t) >= 0.5), titles[-1] if titles else "")


_PDF_ITEM = re.compile(r"^(?:[\W_]*file[\W_]*[:：]\s*)?(?P<name>[^/\\:*?\"<>|]{3,200}?)\.pdf\s*$", re.I)
_VENUE_PREFIX = re.compile(r"^[a-z]{2,10}(?:19|20)\d{2}_")  # "ndss2023_"
_MATERIAL_NAME = re.compile(
    r"\b(?:slides?|lecture|homework|hw\d*|assignment|syllabus|notes?|exercises?|solutions?)\b", re.I
)


def pdf_item(line: Line) -> str:
    """The title of a list item naming a PDF by its file name (see the module's docstring), "" for any other line."""
    m = _PDF_ITEM.match(plain(line.text).strip()) if line.kind == "item" else None
    name = " ".join(_VENUE_PREFIX.sub("", m.group("name")).replace("_", " ").split()) if m else ""
    return "" if not name or _MATERIAL_NAME.search(name) else usable_title(name)


def note_title(lines: list[Line]) -> tuple[str, int] | None:
    """(the title, its line) of the paper a page of notes names by its one opening top-level heading (see the
    module's docstring), or by the one heading of its top level that reads as a paper's title among a paper's
    section names ("#### abstract", "#### introduction", whatever level the page's headings start at); else None."""
    levels = sorted({line.level for line in lines if line.kind == "heading"})
    tops = [i for i, line in enumerate(lines) if line.kind == "heading" and levels and line.level == levels[0]]
    first = next((i for i, line in enumerate(lines) if line.kind != "blank"), None)
    if len(tops) == 1 and tops[0] == first:
        title = usable_title(plain(lines[tops[0]].text))
        if _paper_title(title, 0.7):
            return title, tops[0]
        if len(levels) < 2:
            return None  # "# Sparse routing" over "## Title" / "## abstract": the paper's heading is one level down
        tops = [i for i, line in enumerate(lines) if line.kind == "heading" and line.level == levels[1]]
    # beside the paper's section names the title classifier's doubt is settled lower ("HumanGAN: generative …")
    titles = [(t, i) for i in tops if _paper_title(t := usable_title(plain(lines[i].text)), 0.4)]
    others = [plain(lines[i].text) for i in tops if all(i != j for _, j in titles)]
    sections = any(_PAPER_SECTION.match(o) for o in others) and all(len(o.split()) <= 4 for o in others)
    # a project's README ("Installation", "Results") or a meeting's notes ("Summary", "Action items") has sections
    # too: a part no paper has vetoes the heading ("## Summary" / "## Key results" / "## Thoughts" are a paper's notes)
    own = not any(_NO_PAPER_PART.match(o) for o in others)
    return titles[0] if len(titles) == 1 and sections and own else None


def _paper_title(title: str, threshold: float) -> bool:
    return len(title.split()) >= 6 and not _PAGE_TITLE.search(title) and title_score(title) >= threshold


# a section of notes on one paper, named as the paper's own parts
_PAPER_SECTION = re.compile(
    r"^\W*(?:abstract|introduction|intro|background|motivation|related\s+work|method(?:s|ology)?|approach|"
    r"experiments?|results?|evaluation|discussion|conclusions?|contributions?|limitations?|summary|takeaways?|"
    r"摘要|引言|方法|实验|结论)\W*$",
    re.I,
)


# a part of a project's README or of a meeting's notes, never of a paper
_NO_PAPER_PART = re.compile(
    r"^\W*(?:install(?:ation|ing)?|usage|getting\s+started|quick\s*start|contributing|licen[cs]e|changelog|"
    r"action\s+items?|agenda|attendees|next\s+steps|to-?do)\W*$",
    re.I,
)


# words of a page's own title, no paper's: "# Journal Club: LLM Fundamentals", "# Awesome Widget Paper List"
_PAGE_TITLE = re.compile(
    r"\b(?:journal club|reading group|seminar|meetings?|sessions?|talks?|lectures?|workshop|tutorial|notes|"
    r"paper list|reading list|awesome|readme)\b",
    re.I,
)

"""References written out in a markdown list or paragraph, split into authors, title, year and venue for the generic
paper finder (:mod:`._mentions`), whatever the citation style:

* ``Quill & Renn - Sparse Widget Routing (from blog)``, ``Quill et al. – Widget Maps``: authors, a dash, the title;
  a parenthesis closing it is the venue and year when it holds a year ("(Widget Letters, 2017)"), else a note of
  where the reference was found, no part of the title;
* ``Quill, A., Renn, B. and Lune, C., Sparse Widget Routing. Widget Journal.`` (a list of "Family, I." names, perhaps
  a year after them): the title runs to its full stop, the venue after it;
* MLA's ``Quill, Ada. Sparse Widget Routing. Springfield: Widget Press, 2002.``, ``Renn, B. K. and C. Lune.
  "Widget Maps." Gadget Review 3 (2001).``: the first author written family name first, the title the next sentence
  (or the quoted part), the year the first one after it;
* otherwise the styles :func:`._schedule_cells.written_reference` knows (APA, ``Quill et al. (2019) Title``).

A paragraph opened by a bracketed number (``**[12]** Quill, A., …``, ``[3] …``) is an entry of a numbered list of
references (:func:`numbered_reference`). A numbered item whose own line gives only its authors and whose next line is
wholly bold or italic (a publication list: ``1. 彭秋和, 黄寅亮,`` / ``**Title**`` / ``天文学报, 17, 185, 1976.``) is
titled by that line, the line after it its venue (:func:`emphasised_entry`).

A page of notes opened by a ``Title:`` field (and an ``Author:`` field below it) is notes on that paper
(:func:`field_note`).

Used by :mod:`._mentions` (which lines are papers and their titles) and :mod:`._mention_details` (their details).
"""

from __future__ import annotations

import re

from ._md_venue_names import journal_title, venue_name
from ._mention_lines import Line, plain
from ._schedule_cells import CellPaper, written_reference

__all__ = [
    "dashed_one_name",
    "emphasised_byline",
    "emphasised_entry",
    "cited_head",
    "field_note",
    "names_then_title",
    "numbered_reference",
    "without_notes_label",
    "reference_parts",
    "title_venue_year",
]

_UPPER = r"A-Z\u00c0-\u00de\u0100-\u024f"
_WORD = rf"[{_UPPER}][\w'’\u00c0-\u024f-]*"
_PARTICLE = r"(?:van|von|de|der|den|du|la|le|da|di|del|dos|vanden|ten|ter|st\.)"
_FAMILY = rf"(?:{_PARTICLE}\s+)*{_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_WORD})?"  # "De Smedt", "vanden Broucke"
_INITIALS = rf"(?:[{_UPPER}]\.\s?-?){{1,4}}"  # "A.", "C.O.", "R. K."
_PERSON = rf"(?:(?:{_WORD}|[{_UPPER}]\.?)\s+){{0,2}}{_FAMILY}"  # "Ada Quill", "A. Quill", "Quill"
_JOIN = r"\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*"
# a list of names is matched one name at a time, never re-split ("(?>…)"): linear time on any line
_DASHED = re.compile(
    rf"^(?P<authors>(?>{_PERSON})(?>(?:{_JOIN}){_PERSON})*(?:,?\s+et\s+al\.?)?)\s+[-–—]\s+(?P<title>\S.+?)"
    r"\s*(?:\((?P<paren>[^()]*)\))?\s*\.?$"
)
_FAMILY_INITIALS = rf"{_FAMILY},\s+{_INITIALS}|{_INITIALS}\s*{_FAMILY}"
_INITIALLED = re.compile(
    rf"^(?P<authors>(?>{_FAMILY_INITIALS})(?>(?:\s*,?\s*(?:and\s+|&\s*)?)(?:{_FAMILY_INITIALS}))*(?:,?\s*et\s+al\.?)?)"
    rf"(?:\s*,\s*|(?:(?<=\.)\s+|(?<=\.\s)\s*)(?=(?:19|20)\d{{2}}\b)|(?<=\bal\.)\s+)"  # "Quill, A., Title", ACM's "Quill, A. and Renn, B. 2021."
    rf"(?:(?P<year>(?:19|20)\d{{2}})[a-z]?(?:,\s*[A-Z][a-z]+)?\s*[.,]\s*)?(?P<rest>[^,].+)$"
)
_MLA = re.compile(
    rf"^(?P<family>{_FAMILY}),\s+(?P<given>{_INITIALS}|(?:{_WORD}\s+){{0,2}}{_WORD})"
    rf"(?:,?\s+(?:and|&)\s+(?P<second>(?:(?:{_WORD}|[{_UPPER}]\.)\s*){{0,3}}{_WORD}))?(?:\.\s+|(?<=\.)\s+)(?P<rest>\S.+)$"
)
# given-first full names, two at least, then the title's sentence: "Geoffrey A. Hollinger, Gaurav S. Sukhatme. Title.
# IJRR, 2014." (each name's last word a family name of small letters, so no initial closes the names)
_GIVEN_FIRST = (
    rf"(?:(?:{_WORD}|[{_UPPER}]\.)\s+){{1,3}}[{_UPPER}][\w'’\u00c0-\u024f-]*[a-z\u00df-\u024f][\w'’\u00c0-\u024f-]*"
)
_GIVEN_FIRST_LIST = re.compile(
    rf"^(?P<names>{_GIVEN_FIRST}(?:,\s+(?:and\s+)?{_GIVEN_FIRST}){{1,11}})\.\s+(?P<rest>\S.+)$"
)
_ONE_NAME_QUOTED = re.compile(rf"^(?P<family>{_FAMILY})\.\s+(?P<rest>[\"“].+)$")  # 'Quill. "Title." …'
_QUOTED_TITLE = re.compile(r"^[\"“](?P<title>[^\"”]{4,}?)[.,]?[\"”]\s*(?P<rest>.*)$")
_SENTENCE_END = re.compile(r"(?<![A-Z\s])\.(?=\s+[\w\"“(]|\s*$)|[?!]\s*$")
_TITLE_VENUE_YEAR = re.compile(r"^(?P<title>\S.{8,}?)\s*\((?P<venue>[^()\d]{2,60}?),?\s+(?P<year>(?:19|20)\d{2})\)\.?$")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_APA_YEAR = re.compile(r"^[^()]{3,300}?[A-Z]\.\s*\((?:19|20)\d{2}[a-z]?\)\.\s")  # "…, & Quill, B. (2019). "
_BRACKET_NUMBER = re.compile(r"^\s*(?:\*\*|__)?\s*[\[(]\s*\d{1,4}\s*[\])]\s*(?:\*\*|__)?\s*[.:]?\s*(?=\S)")
_WHOLE_EMPHASIS = re.compile(r"^\s*(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1\s*$")
_CJK_NAMES = re.compile(
    r"^[\u3400-\u9fff·\s]{2,}(?:[,，、]\s*[\u3400-\u9fff·\s]{2,})*[,，]?\s*(?:等|et al\.?)?\s*[,，]?$"
)


def _names(text: str) -> tuple[list[str], bool]:
    """(the names of an author list, whether it ends in "et al.")."""
    more = bool(re.search(r",?\s+et\s+al\.?$", text))
    text = re.sub(r",?\s+et\s+al\.?$", "", text)
    return [n.strip(" .") for n in re.split(r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|&)\s*", text) if n.strip(" .")], more


def _title_and_rest(text: str) -> tuple[str, str]:
    """The title a reference's text opens with (its quoted part, else its first sentence) and the text after it."""
    if quoted := _QUOTED_TITLE.match(text):
        return quoted.group("title").strip(), quoted.group("rest")
    stop = _SENTENCE_END.search(text)
    return (text[: stop.start()], text[stop.end() :]) if stop else (text, "")


def _good_title(title: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]{2,}", title) if w.casefold() not in ("et", "al")]  # "et al.": no title
    return len(words) >= 2 or len(re.findall(r"[\u3400-\u9fff]", title)) >= 4


def _paper(title: str, authors: list[str], rest: str = "", year: str | None = None, more: bool = False) -> CellPaper:
    years = _YEAR.findall(rest)
    rest = re.sub(r"^\W*(?:19|20)\d{2}\b[\s.,;:)]*|[\s,;:(]*\b(?:19|20)\d{2}[\s.,;:)]*$", "", rest)  # its year alone
    venue = " ".join(rest.strip(" .,;:").split()) or None
    found = year or (years[0] if years else None)
    return CellPaper(title.strip(" .,;:"), authors=authors, venue=venue, year=int(found) if found else None,
                     more_authors=more)  # fmt: skip


_NAMES = rf"(?>{_PERSON})(?>(?:{_JOIN}){_PERSON})*(?:,?\s+et\s+al\.?)?"
# IEEE: '"Title," A. Quill and B. Renn, in Proc. WIDG, 2021.'
_INITIALLED_NAMES = rf"{_INITIALS}\s*{_FAMILY}(?:(?:{_JOIN}){_INITIALS}\s*{_FAMILY})*(?:,?\s+et\s+al\.?)?"
_IEEE = re.compile(
    rf"^[\"“]?(?P<title>[^\"“”]{{6,}}?)[,.]?[\"”]\s*,?\s*(?P<names>{_INITIALLED_NAMES})\s*[,.]\s*(?P<rest>.*)$"
)
# the title first: "Sparse Widget Routing. Ada Quill, Bo Renn. WIDG 2021."
_TITLE_FIRST = re.compile(rf"^(?P<title>[^.]{{8,}}?[^\s.A-Z])\.\s+(?P<names>{_NAMES})\.\s+(?P<rest>\S.*)$")
_NO_PERSON = re.compile(
    r"\b(?:university|institute|lab|laboratory|research|google|microsoft|meta|openai|deepmind|brain|conference|"
    r"proceedings|journal|transactions|workshop|press|part|chapter|volume|section|edition|review|letters)\b",
    re.I,
)


def _people(names: str) -> list[str] | None:
    """The names of an author list when each reads as a person's (a given name or initial and a family name, or
    "et al." after one name); None for a list naming anything else ("Google Brain", "Part Two")."""
    found, more = _names(names)
    if not found or _NO_PERSON.search(names) or not (more or all(len(n.split()) >= 2 for n in found)):
        return None
    return found


# an emphasised title, then its authors: "*Title* by Ada Quill", "*Title* - Quill et al.", "**Title**, A. Quill"
_EMPHASIS_BYLINE = re.compile(
    r"^\s*(?P<mark>\*\*|__|\*|_)(?P<title>[^*_]{4,}?)(?P=mark)\s*(?:[-–—,:]\s*)?(?:\bby\s+)?(?P<names>[^*_\[\]()]+?)\s*\.?$"
)
_NAME_PART = re.compile(rf"^(?:(?:{_WORD}|[{_UPPER}]\.(?:\s?[{_UPPER}]\.)*)\s*){{0,3}}{_FAMILY}$")


def emphasised_byline(text: str) -> CellPaper | None:
    """'*Computing Widgets and Intelligence* by Ada Quill', '*Title* - J.H. Quill, D.P. Renn, and D.D. Sato',
    '*Title* - Quill et al.': the emphasis is the title, the names after it (each a person's: a given name or
    initials and a family name, or one name and "et al.") its authors; None for other text."""
    m = _EMPHASIS_BYLINE.match(text)
    if m is None or not _good_title(m.group("title")) or _NO_PERSON.search(m.group("names")):
        return None
    names, more = _names(m.group("names").strip())
    if not names or not all(_NAME_PART.match(n) for n in names):
        return None
    if not more and not all(len(n.replace(".", ". ").split()) >= 2 for n in names):
        return None  # "*Title* - Widgets": one word names no one surely, unless "et al." follows it
    return _paper(plain(m.group("title")), names, more=more)  # "*[Title](…)* - Ada Quill": the link's text


def dashed_one_name(text: str) -> CellPaper | None:
    """'Gittins - Bandit Processes and Dynamic Allocation Indices (microsoft academic)': the one word before the
    dash as the author, which :func:`reference_parts` does not take alone ("Widgets - A Survey" names no one); for
    a list whose other items are references with their authors."""
    text = " ".join(plain(text).split())
    m = _DASHED.match(text)
    if m is None or len(m.group("title").split()) < 2 or not re.fullmatch(rf"{_WORD}", m.group("authors")):
        return None
    names = [n.strip() for n in re.split(_JOIN, m.group("title")) if n and n.strip()]
    person = rf"[{_UPPER}][a-z]+(?:\s+[{_UPPER}]\.)?\s+[{_UPPER}][a-z]+"  # "Jimmy Ba", not "Bandit Processes and …"
    if "," in m.group("title") and len(names) > 1 and all(re.fullmatch(person, n) for n in names):
        return _paper(m.group("authors"), names)  # "Adam - Diederik Kingma, Jimmy Ba": the people are after the dash
    paren = m.group("paren") or ""
    return _paper(m.group("title"), [m.group("authors")], paren if _YEAR.search(paren) else "")


# an emphasised or quoted span: the title of a reference when its authors come before it
_TITLE_SPAN = re.compile(
    r"(?<![*_\w])(?P<mark>\*{1,2}|_{1,2})(?=[^\s*_])(?P<em>.+?)(?<=\S)(?P=mark)(?![*\w])|[\"“](?P<q>[^\"“”]{4,}?)[\"”]"
)
_ET_AL_ONLY = re.compile(r"^\W*et\.?\s+al\W*$")
_ET_AL_AT_END = re.compile(r"\bet\.?\s+al\b\.?\s*(?:\([^()]*\))?\s*\.?$")
# a title that is one name ("TinyStories", "Chinchilla"), not a reference's status ("*unpublished*", "*preprint*")
_ONE_WORD = re.compile(
    r"(?!(?:unpublished|forthcoming|preprint|submitted|manuscript|draft|accepted|in-press|under-review)\W*$)"
    r"[^\W\d_][\w-]{2,}",
    re.I,
)
_IDS_AFTER = re.compile(
    r"[\s.,;(]*\b(?:(?:arxiv|doi|pmid|isbn|url|https?)\b\s*[:\s]|(?:www\.)?(?:arxiv|doi)\.org/)", re.I
)  # "arXiv:…", "DOI …", "arxiv.org/abs/…" written without its scheme
# a venue's words, mostly capitalised ("Phys. Rev. D 12", "NeurIPS", "Proceedings of the ACL"), not a sentence of notes
_CAPITALISED = re.compile(r"^(?:[A-Z0-9]|\W)")
# a label opening a reference: "**Citation:**", "Reference:", "Paper -"
_LEADING_LABEL = re.compile(
    r"^\s*(?:\*\*|__)?\s*(?:citations?|references?|ref|paper|source|cite(?:\s+as)?)\s*(?:[:：]\s*(?:\*\*|__)?|(?:\*\*|__)\s*[:：])\s*",
    re.I,
)
# the year closing a head of names: "(2024)", ", 2024", "(2025/2026)", "(30 Oct 2025)"
_HEAD_YEAR = re.compile(
    r"[\s,]*\(?(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+)?(?P<year>(?:19|20)\d{2})[a-z]?(?:\s*[/–-]\s*(?:19|20)?\d{2})?\)?\.?$"
)
_HEAD_ET_AL = re.compile(r",?\s*et\.?\s+al\.?$")


def cited_head(text: str, family_only: bool = False) -> tuple[list[str], bool, str | None] | None:
    """(authors, whether "et al." follows them, year) of a text that is only the head of a citation: "Lacavalla et
    al. (2024),", "Jia-Ming Wang, et al.,", "Ni & Qureshi (2023)", "Butlin, P., Long, R., & VanRullen, R. (2023).",
    "Jon Doyle."; None for any other text (a title, "Nature (2020)", one word with neither "et al." nor a year)."""
    head = " ".join(plain(text).replace("*", " ").split()).strip(" ,;:–—-")
    year = None
    if (m := _HEAD_YEAR.search(head)) and m.start() > 0:
        year, head = m.group("year"), head[: m.start()].strip(" ,;:")
    head = head if re.search(rf"(?:^|[\s,.])[{_UPPER}]\.$", head) else head.rstrip(". ")  # "…, & VanRullen, R."
    more = bool(_HEAD_ET_AL.search(head))
    head = _HEAD_ET_AL.sub("", head).strip(" ,")
    if not head or _NO_PERSON.search(head) or len(head) > 600:
        return None
    pairs = _pairs(head)
    if pairs and sum(map(len, pairs)) >= 0.7 * len(re.sub(r"[\s,&]|\band\b", "", head)):
        return [_given_first(a) for a in pairs], more, year  # "Butlin, P., Long, R., & VanRullen, R."
    names = [n for n in re.split(_JOIN, head) if n.strip()]
    if not names or not all(_NAME_PART.match(n.strip()) and not venue_name(n) for n in names):
        return None  # "Nature (2020)": a venue, no author
    if not (more or year or family_only) and not all(len(n.split()) >= 2 for n in names):
        return None  # "Widgets." alone names no one surely (``family_only``: family names alone do, before a title)
    return [" ".join(n.split()) for n in names], more, year


def _venue_like(text: str) -> bool:
    """Whether the text after a reference in bold reads as its venue: mostly capitalised words before the first
    full stop, not a sentence of notes ("Gadgets compress well")."""
    words = re.split(r"(?<=[a-z]{3})\.\s", text, maxsplit=1)[0].split()
    return bool(words) and 4 * sum(1 for w in words if _CAPITALISED.match(w)) >= 3 * len(words)


def names_then_title(text: str) -> CellPaper | None:
    """A reference whose title is emphasised or quoted after its authors: 'Jon Doyle. *A Truth Maintenance
    System.* Artificial Intelligence 12(3), 1979.', 'Jia-Ming Wang, *et al*., *Title*, Phys. Rev. B 111 (2025)',
    '**Quill, A., & Renn, B. (2023).** *Title.* arXiv:2308.08708', 'Lewis et al., "Title" (2020)'; None when the
    first emphasised or quoted title does not follow a head of names (:func:`cited_head`)."""
    text = _LEADING_LABEL.sub("", text, count=1)  # "**Citation:** J. F. Quill, *"Title,"* …"
    for m in _TITLE_SPAN.finditer(text):
        title = (m.group("em") or m.group("q") or "").strip(' .,;:"“”')
        head = text[: m.start()]
        if _ET_AL_ONLY.match(title) or not plain(head).strip(" *_,.;:"):
            inner = names_then_title(m.group("em")) if m.group("em") and not _ET_AL_ONLY.match(title) else None
            if inner is not None:  # '**Quill et al. 2026 — "Title."** Venue.': the whole reference in bold
                rest = _IDS_AFTER.split(" ".join(plain(text[m.end() :]).replace("**", "").split()), maxsplit=1)[0]
                rest = rest if _venue_like(rest) else ""  # '**…** Gadgets compress well.': a note, no venue
                return (
                    inner
                    if inner.venue
                    else _paper(inner.title, inner.authors, rest, str(inner.year or ""), inner.more_authors)
                )
            continue  # "*et al*." is no title; a span opening the text is the names in bold, or no reference
        found = cited_head(head) if not journal_title(title) else None
        if found is None or not (_good_title(title) or (found[1] or found[2]) and _ONE_WORD.fullmatch(title)):
            return None  # "**Quill et al. 1997.** *Journal of Widgets* — a note": the emphasis is the venue
        authors, more, year = found  # "Eldan & Li 2023, *TinyStories*": a one-word title after a dated citation
        rest = " ".join(plain(text[m.end() :]).replace("**", "").split())
        rest = _IDS_AFTER.split(rest, maxsplit=1)[0]  # "… (1998). arXiv:hep-ph/9712333. DOI: …": no venue
        return _paper(title, authors, rest, year, more)
    return None


def reference_parts(text: str) -> CellPaper | None:
    """The authors, title, year and venue of a reference written out (see the module's docstring); None for text
    that is no reference with its authors."""
    original = text = _LEADING_LABEL.sub("", text, count=1)  # "Citation: …": the label is no author
    text = " ".join(re.sub(r"(?<!\w)_(?=\S)|(?<=\S)_(?!\w)", "", plain(text)).split())  # "_Title_": italics
    if (m := _DASHED.match(text)) and _ET_AL_AT_END.search(m.group("title")) and not _ET_AL_AT_END.search(m.group(1)):
        m = None  # "Counting Sprockets Without Labels — Dee Sato et al.": the names are after the dash
    if m and (_good_title(m.group("title")) or re.search(r"\bet\s+al\b", m.group("authors"))):
        authors, more = _names(m.group("authors"))  # "Quill et al. - Cuttlefish": one word is a title after "et al."
        if len(authors) == 1 and not more and len(authors[0].split()) < 2:
            return None  # "Widgets - A Survey": one word before the dash names no one surely
        trailing = None if more or len(authors) > 1 else _title_then_authors(text)
        if trailing is not None and len(trailing.authors) > 1:
            return trailing  # "Deep Residual Learning — Kaiming He, Xiangyu Zhang": the list of people is after it
        paren = m.group("paren") or ""
        return _paper(m.group("title"), authors, paren if _YEAR.search(paren) else "", more=more)
    if _APA_YEAR.search(text[:400]) and (apa := written_reference(text)) and apa.authors and _good_title(apa.title):
        return apa  # "Quill, A., Renn, B., & Van Sato, C. (2019). Title. Venue, 1, 2-3.": APA, the year after names
    if m := _INITIALLED.match(text):
        title, rest = _title_and_rest(m.group("rest"))
        if _good_title(title):
            authors, more = _names(m.group("authors"))
            authors = [_given_first(a) for a in _pairs(m.group("authors"))] or authors
            return _paper(title, authors, rest, m.group("year"), more)
    if (m := _GIVEN_FIRST_LIST.match(text)) and _YEAR.search(m.group("rest")):
        title, rest = _title_and_rest(m.group("rest"))  # "Ada Quill, Bo Dale. Title. Venue, 2014.": not MLA's
        if _good_title(title) and _YEAR.search(rest):
            return _paper(title, re.split(r",\s+(?:and\s+)?", m.group("names")), rest)
    if m := _MLA.match(text):
        title, rest = _title_and_rest(m.group("rest"))
        in_quotes = bool(_QUOTED_TITLE.match(m.group("rest")))  # MLA ends with the year, or quotes the title
        if _good_title(title) and (_YEAR.search(rest) or in_quotes):  # "Paris, France. A City" is none
            first = f"{m.group('given').strip()} {m.group('family')}"
            return _paper(title, [first] + ([m.group("second").strip()] if m.group("second") else []), rest)
    if (m := _ONE_NAME_QUOTED.match(text)) and (quoted := _QUOTED_TITLE.match(m.group("rest"))):
        return _paper(quoted.group("title"), [m.group("family")], quoted.group("rest"))
    if (book := _book_title(text)) is not None and book.authors:
        return book
    if (emphasised := names_then_title(original)) is not None:  # "Jon Doyle. *Title.* Venue, 1979."
        return emphasised
    for style in (_IEEE, _TITLE_FIRST):  # '"Title," A. Quill, in Proc. …', "Title. Ada Quill, Bo Renn. WIDG 2021."
        m = style.match(text)
        if m is None or not _good_title(m.group("title")) or re.fullmatch(rf"{_FAMILY},\s*{_WORD}", m.group("title")):
            continue  # "Badiger, Dr. Gurunath K. …": a name, no title, before the full stop
        lone = style is _TITLE_FIRST and re.fullmatch(rf"{_INITIALS}\s*{_FAMILY}", m.group("names"))
        if not lone and (people := _people(m.group("names"))):  # "…, Internat. J. Math. 31": an abbreviation
            return _paper(
                m.group("title"), people, m.group("rest"), more=bool(re.search(r"\bet\s+al\b", m.group("names")))
            )
    if (trailing := _title_then_authors(text)) is not None:
        return trailing
    ref = written_reference(text)
    if ref is None or not _good_title(ref.title):
        return None
    named = len(ref.authors) > 1 or bool(ref.authors) and len(ref.authors[0].split()) > 1
    return (
        ref if named or ref.authors and re.search(r"\bet\s+al\b", text) else None
    )  # "Quill et al. (2019) Title", "Quill, A., & Renn, B. (2019). Title."


# the title, then its authors after a comma or a dash: "The Widget File System, Quill et. al.", "…, Ada Quill and Bo
# Renn", "Title — Ada Quill et al." (a wiki's reading list)
_TRAILING_NAMES = re.compile(
    rf"^(?P<title>\S(?:.{{2,9}}?(?=\s+[-–—])|.{{10,}}?))(?P<sep>,|\s+[-–—])\s+(?P<names>(?>{_PERSON})(?>(?:{_JOIN}){_PERSON})*)(?P<more>,?\s+et\.?\s+al\.?)?\s*$"
)


def _title_then_authors(text: str) -> CellPaper | None:
    """'Title, Quill et. al.' (any one name before "et al."), 'Title, Ada Quill' (people's full names only), 'Title
    — Ada Quill, Bo Renn': the title and its authors; None for any other text ("Widgets, Gadgets and Sprockets", "…, Part Two")."""
    m = _TRAILING_NAMES.match(text)
    if m is None or not _good_title(m.group("title")) or _NO_PERSON.search(m.group("names")):
        return None
    names = [n.strip() for n in re.split(_JOIN, m.group("names")) if n and n.strip()]
    full = all(re.fullmatch(rf"(?:[{_UPPER}][a-z]+|[{_UPPER}]\.)\s+{_FAMILY}", n) for n in names)
    # "Sequence Models, Revisited"; "Weekly sync — Ada Quill, Bo Dale" is a meeting's, "Pointer Networks — …" a paper's
    words = len(m.group("title").split())
    long_enough = words >= 4 if m.group("sep") == "," else words >= 3 or not _a_label(m.group("title"))
    if not m.group("more") and not (full and long_enough):
        return None
    return _paper(m.group("title"), names, more=bool(m.group("more")))


def people_after_a_label(text: str) -> bool:
    """'Weekly sync — Ada Quill, Bo Dale', 'Pizza night — Cy Renn': fewer than three words, a dash and people's
    full names (no "et al."): an event or a role and its people, no paper's title and authors."""
    m = _TRAILING_NAMES.match(" ".join(plain(text).split()))
    if m is None or m.group("sep") == "," or m.group("more") or len(m.group("title").split()) >= 3:
        return False
    if not _a_label(m.group("title")):
        return False  # "Pointer Networks — Oriol Vinyals, Meire Fortunato": a two-word title and its authors
    names = [n.strip() for n in re.split(_JOIN, m.group("names")) if n and n.strip()]
    return all(re.fullmatch(rf"(?:[{_UPPER}][a-z]+|[{_UPPER}]\.)\s+{_FAMILY}", n) for n in names)


# what a meeting or a role is called: "Weekly sync", "Pizza night", "Budget review", "Lab Meeting", "Organizers"
_EVENT_WORD = re.compile(
    r"\b(?:sync|meeting|meetup|stand-?ups?|night|lunch|dinner|breakfast|coffee|retro|retrospective|social|party"
    r"|review|call|chat|1:1|one-on-one|kick-?off|offsite|session|club|group|seminar|talks?|hosts?|chairs?|organi[sz]ers?"
    r"|speakers?|presenters?|leads?|team|committee|panel|q&a|ama|hangout|walk|hike|trip|notes|slides|recording|video"
    r"|minutes|agenda|attendees|present|absent|members|people|authors|contributors|thanks|credits|contacts?"
    r"|maintainers?|editors?|advisors?|supervisors?|mentors?|students?|staff|instructors?|ta|tas)\b",
    re.I,
)


def _a_label(title: str) -> bool:
    """'Weekly sync', 'Pizza Night', 'Budget review': a short label of an event or role — one of its words names
    one, or a word is not capitalised as a title's are ('Pointer Networks', 'Deep Sets' are no label)."""
    return bool(_EVENT_WORD.search(title)) or any(w[:1].islower() for w in title.split())


_TITLE_COMMA_VENUE = re.compile(
    r"^(?P<title>[^,]{12,}?),\s+(?P<venue>(?:arxiv\s+)?preprint|submitted|in preparation|in press|to appear"
    r"|[A-Z][^,]*?(?<!\d)(?:19|20)\d{2}(?!\d).*)\.?$",
    re.I,
)


_NO_VENUE = re.compile(r"(?:arxiv\s+)?preprint|submitted|in preparation|in press|to appear", re.I)


_BOOK_TITLE = re.compile(r"^[\W\d]*《(?P<title>[^《》]{2,})》\s*[,，、.。:：]?\s*(?P<rest>.*)$")
_CJK_NAME = re.compile(r"^[\u3400-\u9fff·]{2,4}(?:等)?$")


def _book_title(text: str) -> CellPaper | None:
    """'《Title》, 李明, 王芳, 小部件学报, 2019.': the title in its book-title marks, the names of two to four CJK
    characters after it its authors, the rest its venue."""
    m = _BOOK_TITLE.match(text)
    if m is None:
        return None
    parts = [p.strip() for p in re.split(r"[,，、;；]", m.group("rest"))]
    k = next((n for n, part in enumerate(parts) if not _CJK_NAME.match(part)), len(parts))
    return _paper(m.group("title"), [p.rstrip("等") for p in parts[:k]], ", ".join(parts[k:]))


# a label naming the venue, year and kind before the title: "SIGIR 2009 Research Paper: Title", "ICML 2021 Oral: …"
_LABELLED_VENUE = re.compile(
    r"^(?P<venue>[A-Z][A-Za-z&]*[A-Z][A-Za-z&]*(?:[\s-][A-Z][A-Za-z&]*)?)\s+'?(?P<year>(?:19|20)\d{2})\s+"
    r"(?:[A-Z]?[a-z]+\s+){0,2}(?i:paper|article|oral|poster|spotlight|talk|preprint)\s*[:：]\s*(?P<title>\S.+)$"
)
_VENUE_FIRST = re.compile(
    r"^\[(?P<venue>[A-Za-z][\w .&/-]{1,30}?)\s*'?(?P<year>(?:19|20)\d{2}|\d{2})\]\s*(?P<title>\S.{6,})$"
)


def title_venue_year(text: str) -> CellPaper | None:
    """A title with its venue and year in a closing parenthesis ("Ten Rules for Widgets (Widget Comp Biol, 2017)",
    "(NeurIPS, 2019)"), or after a comma when the venue names a year or says "preprint" ("Widget forms on gadget
    manifolds, Internat. J. Widg. 31 (2020), no. 13"); None for a citation in the parenthesis ("(Quill et al.,
    2017)", "(Quill, 2017)") and for other titles."""
    text = " ".join(plain(text).split())
    if (first := _VENUE_FIRST.match(text)) and _good_title(first.group("title")):  # "[WIDG 2019] Title"
        year = first.group("year") if len(first.group("year")) == 4 else f"20{first.group('year')}"
        return _paper(first.group("title"), [], f"{first.group('venue')} {year}")
    if (label := _LABELLED_VENUE.match(text)) and _good_title(label.group("title")):  # "WIDG 2009 Paper: Title"
        return _paper(label.group("title"), [], f"{label.group('venue')} {label.group('year')}")
    if (tail := _TITLE_COMMA_VENUE.match(text)) and len(tail.group("title").split()) >= 3:
        said = tail.group("venue")  # "Title, Internat. J. Math. 31 (2020)"; "…, preprint" names no venue
        return _paper(tail.group("title"), [], "" if _NO_VENUE.match(said) else said)
    if (listed := _title_comma_list(text)) is not None:  # "Title, Ada Quill, Gadget University, 2005."
        return listed
    m = _TITLE_VENUE_YEAR.match(text)
    venue = m.group("venue").strip() if m else ""
    if not m or re.search(r"\bet\s+al\b|\sand\s|&", venue) or not (" " in venue or len(re.findall("[A-Z]", venue)) > 1):
        return None  # "(Quill et al., 2017)", "(Quill, 2017)": a citation, no venue
    return _paper(m.group("title"), [], f"{venue} {m.group('year')}")


# where a person works, no person and no venue: "Gadget University", "Widget Press", "Grid Dynamics"
_ORGANISATION = re.compile(
    r"\b(?:universit\w*|institut\w*|college|school|labs?|laborator\w*|inc|ltd|company|corp\w*|dynamics|centre|center"
    r"|google|deepmind|openai|microsoft|facebook|nvidia|ibm|technologies)\b",
    re.I,
)
# a person's name in a part of its own: "Ada Quill", "Bo T. Dale" (a third capitalised word is a title's: "Managing
# Price Discounts"); accented ("Léon Bottou"), hyphenated given names ("Ming-Wei Chang"), "Yann LeCun" too
_SEGMENT_PERSON = re.compile(
    rf"[{_UPPER}][^\W\d_A-Z]+(?:-[{_UPPER}][^\W\d_A-Z]+)?(?:\s+[{_UPPER}]\.)?"
    rf"\s+[{_UPPER}][^\W\d_A-Z]+(?:[{_UPPER}][^\W\d_A-Z]+)?(?:-[{_UPPER}][^\W\d_A-Z]+)?"
)


def _title_comma_list(text: str) -> CellPaper | None:
    """'Title, Ada Quill, Gadget University, 2005.', 'Title, Quill, Ada, 2005.', 'Title, Journal of Widgets, 2015.':
    a title of three words or more without a comma, then capitalised parts (people, where they work, the venue) and
    the year alone closing the line: the people its authors, the other parts but an organisation its venue; None when
    a part is no such thing (a lower-case word: the title went on past a comma)."""
    parts = [p.strip() for p in text.rstrip(" .").split(",")]
    middle = parts[1:-1]
    if len(parts) < 3 or not re.fullmatch(r"(?:19|20)\d{2}", parts[-1]) or len(parts[0].split()) < 3:
        return None
    if not _good_title(parts[0]) or not all(m[:1].isupper() and len(m.split()) <= 8 for m in middle):
        return None
    authors: list[str] = []
    venue: list[str] = []
    k = 0
    while k < len(middle):
        names = re.split(r"\s+and\s+|\s*&\s*", middle[k])
        if (
            " " not in middle[k]
            and re.fullmatch(_FAMILY, middle[k])
            and k + 1 < len(middle)
            and re.fullmatch(rf"[{_UPPER}][a-z]+(?:\s+[{_UPPER}][a-z]+)?", middle[k + 1])
        ):
            authors.append(f"{middle[k + 1]} {middle[k]}")  # "Quill, Ada Mary": family, then given names
            k += 1
        elif (
            all(_SEGMENT_PERSON.fullmatch(n) for n in names)
            and not _NO_PERSON.search(middle[k])
            and not _ORGANISATION.search(middle[k])
        ):
            authors += names
        elif not _ORGANISATION.search(middle[k]):
            venue.append(middle[k])
        k += 1
    return _paper(parts[0], authors, ", ".join(venue), year=parts[-1])


def _pairs(text: str) -> list[str]:
    """The names of a list of "Family, I." (or "I. Family") names, each one name."""
    pattern = re.compile(rf"(?P<fi>{_FAMILY},\s+{_INITIALS})|(?P<if>{_INITIALS}\s*{_FAMILY})")
    return [m.group(0) for m in pattern.finditer(text)]


def _given_first(name: str) -> str:
    family, _, given = name.partition(",")
    return f"{given.strip()} {family.strip()}" if given else " ".join(name.split())


_TITLE_LINE = re.compile(r"^\W*(?:title|titre|titel|título|titolo|标题|题目|タイトル)\s*[:：]\s*(?P<value>\S.*)$", re.I)
_AUTHOR_LINE = re.compile(r"^\W*(?:authors?|auteurs?|autor(?:en|es)?|作者|著者)\s*[:：]\s*(?P<value>\S.*)$", re.I)


def field_note(lines: list[Line]) -> tuple[CellPaper, int] | None:
    """(the paper, its line) of notes opened by a "Title:" field ("Title: Software Widgets" / "Author: Ada Quill"
    over notes on it, perhaps as bullets under the page's heading: "- 标题：…" / "- 作者：…"), the page's only one;
    None for any other page."""
    opening = [i for i, line in enumerate(lines) if line.kind != "blank"][:6]  # under the page's heading too
    titles = [i for i, line in enumerate(lines) if line.kind != "heading" and _TITLE_LINE.match(plain(line.text))]
    first = titles[0] if len(titles) == 1 and titles[0] in opening else -1
    field = _TITLE_LINE.match(plain(lines[first].text)) if first >= 0 else None
    if field is None or not _good_title(title := field["value"]):
        return None
    names = [m["value"] for line in lines[first + 1 : first + 4] if (m := _AUTHOR_LINE.match(plain(line.text)))]
    authors = [n.strip() for n in re.split(r"\s*(?:,|;|\band\b|&)\s*", names[0]) if n.strip()] if names else []
    return _paper(title, authors), first


_NOTES_LABEL = re.compile(
    r"^\W*(?:(?:paper|reading|my|study)\s+)?(?:notes?|summary|review)\s*(?:on|of|for|[:：–—-])\s*|^\W*(?:论文|阅读)?笔记\s*[:：]\s*",
    re.I,
)


def without_notes_label(title: str) -> str:
    """A heading's title without its notes label ("Notes: Title", "Paper notes on Title", "论文笔记：Title")."""
    rest = _NOTES_LABEL.sub("", title, count=1)
    return rest if rest != title and _good_title(rest) else title


def numbered_reference(line: Line) -> CellPaper | None:
    """The reference of a paragraph opened by a bracketed number ("**[12]** Quill, A., …"), None for other lines."""
    m = _BRACKET_NUMBER.match(line.text) if line.kind == "text" and line.item is None else None
    return reference_parts(line.text[m.end() :]) if m else None


def emphasised_entry(lines: list[Line], i: int) -> CellPaper | None:
    """The paper of numbered item ``i`` written as authors, a wholly bold (or italic) title line and a venue line
    (see the module's docstring); None for any other item."""
    item = lines[i]
    below = [ln for ln in lines[i + 1 : i + 6] if ln.kind == "text" and ln.item == i]
    if item.kind != "item" or not below or not (title := _WHOLE_EMPHASIS.match(below[0].text)):
        return None
    own = plain(item.text).strip()
    if not (
        _CJK_NAMES.match(own.lstrip("\\* ")) or re.fullmatch(rf"(?:{_PERSON}(?:{_JOIN})?)+\s*(?:et al\.?)?,?", own)
    ):
        return None  # the item's own line is no list of names
    venue = plain(below[1].text) if len(below) > 1 else ""
    authors = [n.strip() for n in re.split(r"[,，、]", re.sub(r"等|et al\.?", "", own.lstrip("\\* "))) if n.strip()]
    return _paper(title.group(2), authors, venue)

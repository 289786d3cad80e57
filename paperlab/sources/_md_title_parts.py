"""The parts of a paper's title text in a markdown list that are no part of its title.

A list item or a table cell often writes more than the title: a citation marker after it ("Attention Is All You
Need (Vaswani et al., 2017)", "Title (Costan & Devadas, 2016)", "Title (GPT-2, Radford et al., 2019)", "Title
(2018)"), or the authors before an emphasised title ("Eilenberg & Mac Lane — *General Theory of Natural
Equivalences*"). :func:`title_parts` splits such text into the title, the authors and the year it gives; the readers
of markdown lists (:mod:`.dailyarxiv`'s rows, the generic paper finder) keep the authors and year they read
themselves first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from ..paper import Paper
from ..venues import KNOWN_VENUES
from ._md_venue_names import venue_name
from ._mention_lines import quotes_at_ends

_YEAR = r"(?:19|20)\d{2}[a-z]?"
_PARTICLE = r"(?:van|von|de|der|den|del|da|di|du|la|le)"
_NAME = rf"(?:{_PARTICLE}\s+)*[A-Z][\w'’\-]*(?:\s+(?:{_PARTICLE}|[A-Z][\w'’\-]*))*"
# "(Vaswani et al., 2017)", "(Costan & Devadas, 2016)", "(Shazeer, 2020)", "(GPT-2, Radford et al., 2019)",
# "(Loshchilov and Hutter 2017)": an acronym or short name first is the paper's, not an author
_MARKER = re.compile(
    rf"\s*[(（](?:(?P<nick>[^(),，]{{1,24}})[,，]\s*)?(?P<names>{_NAME}(?:\s*(?:,|&|\band\b)\s*{_NAME})*"
    rf"(?P<etal>\s+et\.?\s*al\.?|\s*等)?)(?:[,，]?\s*(?P<year>{_YEAR}))?[)）]\s*[.。]?$"
)
_YEAR_ONLY = re.compile(rf"\s*[(（](?P<year>{_YEAR})[)）]\s*[.。]?$")
_BOX = re.compile(r"^\[[ xX✓✔]?\]\s+(?=\S)")  # a task list's box left in the text: "[ ] Title"
# what a reading list writes before a title to order or rank it: an outline number ("1.1.", "2.3"), a tag in
# brackets of capitals or of a reading's rank ("[REQUIRED]", "[BẮT BUỘC]", "[Optional]"); never a venue's tag
# ("[CVPR 2023]": digits) nor a title's own bracketed words
_OUTLINE = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?\s+(?=\S)")
_RANK_TAG = re.compile(r"^[\[【]\s*(?P<tag>[^\[\]【】\d]{2,30}?)\s*[\]】]\s+(?=\S)")
_RANKS = frozenset(
    "required optional recommended must read must-read essential core key important background advanced new hot "
    "bonus extra classic seminal foundational".split()
)
# "Eilenberg & Mac Lane — *Title*", "Moggi - *Title* (Chap. 1 PDF)": names, a dash, the title in emphasis
_NAMES = rf"{_NAME}(?:\s*(?:,|&|\band\b)\s*{_NAME}){{0,5}}(?:\s+et\.?\s*al\.?)?"
_SET_OFF = r"(?:\*\*?|_|[\"“])(?P<title>[^*_\"“”]{4,}?)(?:\*\*?|_|[\"”])"  # *Title*, **Title**, "Title"
_BY_DASH = re.compile(
    rf"^(?P<names>{_NAMES})\s+[—–-]{{1,2}}\s+{_SET_OFF}\s*(?:\((?P<paren>[^()]*)\))?\s*(?:,\s*[^,()]{{2,40}})?\s*$"
)
# "*Title* — Renn & Sato", '"Title" - Moss, 2020': the title set off, a dash, the names and a year
_DASH_BY = re.compile(rf"^{_SET_OFF}\s+[—–-]{{1,2}}\s+(?P<names>{_NAMES})(?:[,，]?\s+(?P<year>{_YEAR}))?\s*$")


# a Vancouver-style reference written as one line ("Goolsbee A, Klenow PJ (2006) Valuing widgets by the time
# spent. American Widget Review 96(2):108–113."): "Family Initials" names, the year, the title's sentence, a venue
_VAN_NAME = r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)*\s+[A-Z]{1,3}"
_VANCOUVER = re.compile(
    rf"^(?P<names>{_VAN_NAME}(?:,\s*{_VAN_NAME})*(?:,?\s*et\.?\s*al\.?)?)\.?\s*\((?P<year>(?:19|20)\d{{2}})[a-z]?\)"
    r"[.:]?\s+(?P<title>.+?(?:(?<=[a-z0-9)\]])\.|[?!]))(?:\s+(?P<venue>\S.*))?$"
)


# a venue's tag before a title: "[CVPR 2023]", "(NeurIPS 2022)", "[ICLR'24]", "2020 -"
_VENUE_TAG = r"[(\[【]?(?P<venue>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)?[\s'’]*(?P<year>(?:19|20)\d{2}|(?<=['’])\d{2})[)\]】]?"
_LEAD = re.compile(rf"^{_VENUE_TAG}(?:\s*[-–—:|]\s*|(?<=[)\]】])\s*)(?=\S)")  # bracketed, or a dash after it


def _tag_leads(lead: re.Match[str]) -> bool:
    """Whether the venue tag ``lead`` found before a title is one: bracketed ("[CVPR 2023] Title"), a year alone
    ("2020 - Title") or a known venue's name set off by a dash ("NeurIPS 2022 - Title"); never a title's own words
    ("SemEval-2022: Overview of …", "ChEMU 2020: …", "ImageNet 2012 - Winning Entry", "[Widget-2020: A Benchmark]")."""
    tag, venue = lead.group(0).strip(), lead.group("venue")
    if venue and venue.endswith("-"):
        return False
    if tag[0] in "([【" and re.search(r"[)\]】]", tag):
        return True
    return not tag.endswith(":") and (venue is None or re.fullmatch(KNOWN_VENUES, venue) is not None)


def venue_tag(text: str) -> bool:
    """Whether ``text`` is only a venue's tag ("[ICLR'24]", "CVPR 2023", "(NeurIPS 2022)").

    >>> venue_tag("[ICLR'24]"), venue_tag("Widget Routing 2023")
    (True, False)
    """
    m = re.fullmatch(_VENUE_TAG, text.strip())
    return m is not None and _tag_leads(m)


@dataclass
class TitleParts:
    """A title with what the text around it gave: the authors (family names as written) and the year."""

    title: str
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    more_authors: bool = False
    venue: str | None = None


def _names(text: str) -> tuple[list[str], bool]:
    etal = bool(re.search(r"\bet\.?\s*al\.?\s*$|等$", text))
    text = re.sub(r"\s+et\.?\s*al\.?\s*$|\s*等$", "", text)
    names = [n.strip() for n in re.split(r"\s*(?:,|&|\band\b)\s*", text) if n.strip()]
    return names, etal


def title_parts(text: str) -> TitleParts | None:
    """``text`` split into its title, authors and year when it holds more than a title, else None.

    >>> title_parts("Attention Is All You Need (Vaswani et al., 2017)")
    TitleParts(title='Attention Is All You Need', authors=['Vaswani'], year=2017, more_authors=True, venue=None)
    >>> title_parts("Eilenberg & Mac Lane — *General Theory of Natural Equivalences*").authors
    ['Eilenberg', 'Mac Lane']
    >>> title_parts("Foreshadow: Extracting the Keys (2018)").year
    2018
    >>> title_parts("A Survey of Widgets (Part I)") is None
    True
    """
    stripped = _ordering_marks_out(_BOX.sub("", text.strip()))
    lead = _LEAD.match(stripped)
    if lead and _tag_leads(lead) and len(rest := stripped[lead.end() :].split()) >= 2 and not venue_tag(stripped):
        parts = title_parts(" ".join(rest)) or TitleParts(" ".join(rest))  # "[CVPR 2023] Title", "2020 - Title"
        tagged = int(lead.group("year")) if len(lead.group("year")) == 4 else 2000 + int(lead.group("year"))
        parts.year, parts.venue = parts.year or tagged, parts.venue or lead.group("venue")
        return parts
    if (m := _VANCOUVER.match(stripped)) and len(m.group("title").split()) >= 3:
        names, etal = _names(m.group("names"))
        venue = re.sub(r"[\s,;.]*(?:\d.*)?$", "", m.group("venue") or "") or None  # its volume and pages dropped
        names = [
            re.sub(r"^(.*\S)\s+([A-Z]{1,3})$", lambda n: f"{'. '.join(n.group(2))}. {n.group(1)}", n) for n in names
        ]
        return TitleParts(m.group("title").rstrip("."), names, int(m.group("year")), etal, venue)  # "P. J. Klenow"
    if m := _BY_DASH.match(stripped) or _DASH_BY.match(stripped):
        names, etal = _names(m.group("names"))
        dated = re.search(_YEAR, m.groupdict().get("year") or m.groupdict().get("paren") or "")
        return TitleParts(m.group("title").strip(), names, int(dated.group(0)[:4]) if dated else None, etal)
    if (m := _MARKER.search(stripped)) and re.search(r"[^\W\d_]{2}", stripped[: m.start()]):
        names, etal = _names(m.group("names"))
        if m.group("nick") and not re.search(r"[A-Za-z]", m.group("nick")) or any(n.isupper() for n in names):
            return None  # "(WIDG 2019)": a venue and its year (read as such by the readers), no author
        if not etal and len(names) == 1 and venue_name(names[0]) and m.group("year"):  # "(Nature, 2021)": a venue
            return TitleParts(stripped[: m.start()].strip(), [], int(m.group("year")[:4]), venue=names[0])
        if not m.group("year") and not etal:
            return None  # "(Part I)", "(Extended Abstract)": no year and no "et al.", no citation
        cited = int(m.group("year")[:4]) if m.group("year") else None
        nick = (m.group("nick") or "").strip()
        if not etal and names and re.fullmatch(r"[A-Z\u00c0-\u00de][a-z\u00df-\u024f'’-]+", nick):
            names = [
                nick,
                *names,
            ]  # "(Krizhevsky, Sutskever & Hinton, 2012)", "(Song, Ermon, 2021)": names, no nickname
        return TitleParts(stripped[: m.start()].strip().strip("《》"), names, cited, etal)
    if (m := _YEAR_ONLY.search(stripped)) and len(stripped[: m.start()].split()) >= 2:
        return TitleParts(stripped[: m.start()].strip(), [], int(m.group("year")[:4]))
    if stripped != text.strip():
        return TitleParts(stripped)
    return None


def _ordering_marks_out(text: str) -> str:
    """``text`` without the marks a reading list puts before a title: a leading emoji or symbol ("📖 "), an outline
    number ("1.1. ") and a rank's tag ("[REQUIRED] ", "[BẮT BUỘC] "); the text as it is when nothing of a title of
    two words or more would be left.

    >>> _ordering_marks_out("📖 1.1. [REQUIRED] GEAR: Widget Routing"), _ordering_marks_out("[CVPR 2023] Widgets")
    ('GEAR: Widget Routing', '[CVPR 2023] Widgets')
    """
    rest = text
    while rest and unicodedata.category(rest[0]) in ("So", "Sk", "Cf", "Mn"):
        rest = rest[1:].lstrip()
    rest = _OUTLINE.sub("", rest)
    tag = _RANK_TAG.match(rest)
    if tag and (tag.group("tag").isupper() or tag.group("tag").lower() in _RANKS):
        rest = rest[tag.end() :]
    return rest if rest != text and len(rest.split()) >= 2 else text


def cited_in(text: str) -> tuple[list[str], int] | None:
    """The authors (family names) and year of a citation written alone: "Renn & Sato, 2024", "(Moss, 2023)",
    "GW-2, Quill et al., 2019"; None for anything else ("WIDG 2019", "see p. 3").

    >>> cited_in("(Renn & Sato, 2024)")
    (['Renn', 'Sato'], 2024)
    """
    text = text.strip()
    parts = title_parts(f"Cited work {text if text.startswith(('(', '（')) else f'({text})'}")
    if parts is None or parts.title != "Cited work" or not parts.authors or parts.year is None:
        return None
    return parts.authors, parts.year


def venue_in(text: str) -> tuple[str, int] | None:
    """The venue and year of a bracket written alone after a title that names a venue, not authors: "(Nature,
    2021)", "(bioRxiv, 2022)"; None for anything else (a citation "(Moss, 2023)" among them).

    >>> venue_in("(Nature Methods, 2022)"), venue_in("(Moss, 2023)")
    (('Nature Methods', 2022), None)
    """
    m = _VENUE_YEAR.match(text)
    if m is None or not venue_name(m.group("venue")):
        return None
    return " ".join(m.group("venue").split()), int(m.group("year"))


_VENUE_YEAR = re.compile(
    r"^\s*[(（]?\s*(?P<venue>[^()（）\d,，]{2,60}?)\s*[,，]\s*(?P<year>(?:19|20)\d{2})\s*[)）]?\s*[.。]?\s*$"
)


def with_title_parts(paper: Paper) -> Paper:
    """``paper`` with its title split by :func:`title_parts`: the title alone, and the authors and year the text
    gave where the reader found none (an arXiv id's month stands over a bare year)."""
    parts = title_parts(paper.title)
    if parts is None or not (title := quotes_at_ends(parts.title)):
        return paper
    changes: dict[str, object] = {"title": title}
    if parts.authors and not paper.authors:
        changes["authors"] = parts.authors
        if parts.more_authors:
            changes["extra"] = {**paper.extra, "more_authors": True}
    if parts.venue and not paper.journal_ref:
        changes["journal_ref"] = parts.venue
    if parts.year and paper.published is None:
        changes["published"] = dt.date(parts.year, 1, 1)
        changes["extra"] = {**paper.extra, **changes.get("extra", {}), "date_precision": "year"}  # type: ignore[dict-item]
    return dataclasses.replace(paper, id="" if paper.id == paper.canonical_id() else paper.id, **changes)  # type: ignore[arg-type]


# "RETRO (\x00) matches GPT-3 …", "Self-RAG (\x00): critique tokens": a short name, the id's parenthesis (the id
# marked \x00 by the finder), then a note about the paper — a colon or a sentence going on ("Widgets (\x00) and
# Gadgets: A Survey" goes on with a title's small word: a title around its id)
_NAME_BEFORE_NOTE = re.compile(
    r"^(?P<name>\W*(?!(?:We|I|Our|This|These|They|It|See|Read|Also)\b)[A-Z0-9][^\s()]*(?:\s+[^\s()]+){0,11}?)"
    r"\s*(?P<id>\(\s*\x00(?:v\d+)?\s*\))\s*(?::\s*\S|(?!(?:and|or|of|for|in|on|with|to|via|the|a|an|from)\s)[a-z][\w'-]*\s)"
)


def name_before_note(words: str) -> str:
    """A list item that names its paper before the id's parenthesis and goes on about it ("RETRO (arXiv:2112.04426)
    matches GPT-3 with 25x fewer parameters", "Self-RAG (arXiv:2310.11511): critique tokens") as the name and the id
    alone, so that the name titles the paper, not the note; other text as it is. The id is marked ``\\x00``."""
    m = _NAME_BEFORE_NOTE.match(words)
    if m is None or m.group("name").rstrip().endswith((",", ";", ".")):
        return words
    return f"{m.group('name')} {m.group('id')}"


# a sentence pointing at a link rather than naming a paper: the words before the link end with a pointing verb or
# preposition ("See", "Also read", "For background, see", "more in") and the link's text is a common noun phrase
# opened by a determiner ("the survey", "this survey", "our notes")
_POINTING = re.compile(r"(?:^|\W)(?:see|read|cf\.?|check(?:\s+out)?|in|from|at|to|also)\s*:?\s*$", re.I)
_DEICTIC = re.compile(
    r"^\W*(?:the|this|that|these|those|our|my|their|his|her|its|a|an)\s+\w[\w-]*(?:\s+\w[\w-]*){0,2}\W*$", re.I
)


def points_at(before: str, label: str) -> bool:
    """Whether a link whose text is ``label``, after the words ``before`` it on its line, is pointed at by a sentence
    ("See [the survey](…) for more.", "Also read [our notes](…)") rather than a paper's title: no title is there.

    >>> points_at("See", "the survey"), points_at("", "The Widget Survey"), points_at("Also read", "Widget Routing")
    (True, False, False)
    """
    words = re.findall(r"[^\W\d_][\w'-]*", label)
    title_case = len(words) > 1 and all(w[0].isupper() for w in words)  # "Read [The Lottery Ticket Hypothesis](…)"
    return bool(_POINTING.search(before.strip())) and bool(_DEICTIC.match(label.strip())) and not title_case

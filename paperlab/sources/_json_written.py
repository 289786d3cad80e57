"""Home-made JSON lists whose records write a paper out as one text (:mod:`paperlab.sources.json_list`).

Sites keep their publications as ``[{"year": "2025", "items": [{"id", "content", "link"}]}]``: groups named by a year
(or a section) holding records whose only text is ``content`` ("[ICDE] EDTC: Exact Triangle Counting…", "Quill, A.,
Okafor, D. Lanterns in the fog. Journal of Lanterns, 2021", "Title（SCI、CCF B）"). The groups are flattened (each
record takes its group's year) and the text is read into the fields a record would have: a leading ``[Venue]`` tag,
the byline, the title, the venue and year after it; a closing note of index labels ("（CCF A）", "(SCI, Q1)") is no
part of the title. A text that is no reference (no byline, no venue tag, no index note: a chat message, a news item)
gives no fields, so its record is skipped as untitled.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from ..identifiers import find_doi
from ..names import FAMILY_PARTICLES
from ._json_roles import folded_key
from ._md_references import reference_parts

__all__ = ["TEXT_KEYS", "groups_of", "written_fields"]

#: keys (folded: lowercase, no "-", "_" or space) of a record's one text that writes the whole reference out
TEXT_KEYS = ("content", "text", "citation", "cite", "reference", "ref", "formatted", "fullcitation", "entry", "html")
_GROUP_NAMES = ("year", "name", "section", "category", "group", "heading", "label", "type")
_VENUE_TAG = re.compile(r"^\s*[\[【]\s*([^\]】]{1,40}?)\s*[\]】]\s*")
# a closing note of the indexes a paper is listed in, as Chinese CVs write them: "（CCF A）", "(SCI、CCF C)", "(EI)"
_INDEX_NOTE = re.compile(
    r"\s*[（(]\s*(?:(?:SCI|SSCI|SCIE|EI|CCF(?:\s*[A-C])?|CSCD|CSSCI|JCR|Q[1-4]|CAS|北大核心|中文核心|核心)[\s、,，/]*)+\s*[）)]\s*$",
    re.I,
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_CITED_YEAR = re.compile(r"\((?:19|20)\d\d[a-z]?(?:,[^()]{0,30})?\)")  # "(2024)", "(2019a)", "(2015, noviembre 29)"
_BYLINE_NAME = re.compile(r"(?:[^\W\d_][\w'’.-]*\s*){1,4}")


def groups_of(items: list[Any]) -> list[tuple[str, list[Any]]] | None:
    """The groups of a list of group objects (``{"year": "2025", "items": [...]}``: no record's fields, one list of
    objects, a name), as (name, records); None for a list of records."""
    groups: list[tuple[str, list[Any]]] = []
    for item in items:
        if not isinstance(item, dict):
            return None
        lists = [v for v in item.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
        scalars = {folded_key(k): v for k, v in item.items() if isinstance(v, (str, int)) and not isinstance(v, bool)}
        if len(lists) != 1 or len(scalars) > 3 or any(k in TEXT_KEYS or k == "title" for k in scalars):
            return None
        name = next((str(scalars[k]) for k in _GROUP_NAMES if k in scalars), "")
        groups.append((name, lists[0]))
    return groups or None


def written_fields(
    item: dict[str, Any], titled: Callable[[dict[str, Any]], bool], field_of: Callable[[Any], str | None]
) -> dict[str, Any]:
    """``item`` with the fields its one text writes out (see the module) added, when it has no title of its own
    (``titled``) and such a text; the text stays under its own key. A record with a title takes from its text
    (a Zotero library's formatted ``citation``, HTML escaped or not) only the fields it has under no key
    (``field_of``), and only when the text is a reference to the same title. A line of notes joined by middle dots
    gives what a record lacks (:func:`_dotted_fields`)."""
    item = _dotted_fields(item, field_of)
    text = next((v for k, v in item.items() if folded_key(k) in TEXT_KEYS and isinstance(v, str) and v.strip()), None)
    if text is None:
        return item
    if "&lt;" in text or "&amp;" in text:
        text = html.unescape(text)  # an HTML citation escaped once more as text: "&lt;div …&gt;Quill, A., &amp;amp; …"
    text = _INLINE_TAG.sub("", text)  # "<i>Journal</i>, <i>3</i>(2)": no space where the markup was
    text = html.unescape(" ".join(re.sub(r"<[^>]{1,200}>", " ", text).split()))
    if titled(item):
        return _more_fields(item, text, field_of)
    link = _CLOSING_LINK.search(text)
    if link is not None and link.start() > 0:  # "… Journal, 3(2), 1–10. https://doi.org/10.…": no part of the venue
        text = text[: link.start()]
    found_doi = link is not None and bool(find_doi(link.group(1) or link.group(2)))
    fields = _read(text, doi_after=found_doi)
    if fields and link is not None:
        found = link.group(1) or link.group(2)
        fields = {"doi": find_doi(found), "url": link.group(2), **{k: v for k, v in fields.items() if v}}
    return {**item, **{k: v for k, v in fields.items() if v and k not in item}}


# notes joined by middle dots, as a reading log writes a paper's byline, venue and year: "Quill et al. · IEEE TMI 2025",
# "Quill et al. · arXiv 2503.00962 · 2025"
_DOTS = re.compile(r"\s+[·•]\s+")
_ETAL = re.compile(r",?\s+et\s+al\.?$")
_REPOSITORY = re.compile(r"(?i)arxiv|pmc|biorxiv|medrxiv|ssrn")  # where a preprint is kept: its id's part, no venue


def _dotted_fields(item: dict[str, Any], field_of: Callable[[Any], str | None]) -> dict[str, Any]:
    """``item`` with the authors, venue and year a value under a key naming no field writes as notes joined by
    middle dots, its last one ending in a year (:data:`_DOTS`): a first note that is a byline ("Quill et al.",
    "A. Quill, B. Renn") the authors, a note of words then the year the venue ("IEEE TMI 2025"; not a preprint
    repository's id, "arXiv 2503.00962"); each only when the record has no such field of its own."""
    have = {field_of(k) for k, v in item.items() if v not in (None, "", [], {})}
    for key, value in item.items():
        parts = _DOTS.split(value.strip()) if isinstance(value, str) and field_of(key) is None else []
        if len(parts) < 2 or not (years := _YEAR.findall(parts[-1])) or not parts[-1].rstrip(".").endswith(years[-1]):
            continue
        byline = (
            parts[0] if _ETAL.search(parts[0]) and _name_words(_ETAL.sub("", parts[0])) or _byline(parts[0]) else None
        )
        notes = [_YEAR.sub("", p).strip(" ,.") for p in parts[1 if byline else 0 :]]
        venue = next((n for n in notes if n and not re.search(r"\d", n) and not _REPOSITORY.fullmatch(n)), None)
        found = {"authors": byline, "venue": venue, "year": years[-1]}
        return {**item, **{k: v for k, v in found.items() if v and k not in have and k not in item}}
    return item


_INLINE_TAG = re.compile(r"</?(?:i|b|em|strong|span|sup|sub|a|u|small)\b[^>]{0,200}>", re.I)


def _more_fields(item: dict[str, Any], text: str, field_of: Callable[[Any], str | None]) -> dict[str, Any]:
    """``item`` (a record with a title) with the fields it lacks that ``text``, a reference to the same title, gives."""
    link = _CLOSING_LINK.search(text)
    fields = _read(text[: link.start()] if link is not None and link.start() > 0 else text)
    title = next((v for k, v in item.items() if field_of(k) == "title" and isinstance(v, str)), "")
    if not fields.get("title") or _words(fields["title"]) != _words(title):
        return item
    if link is not None:
        fields |= {"doi": find_doi(link.group(1) or link.group(2)), "url": link.group(2)}
    have = {field_of(k) for k, v in item.items() if v not in (None, "", [], {})}
    return {**item, **{k: v for k, v in fields.items() if v and k not in item and field_of(k) not in have}}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


# the link closing a reference: an address ("https://doi.org/10.…", "https://arxiv.org/abs/…") or a DOI labelled so
# ("doi:10.…", "DOI: 10.…")
_CLOSING_LINK = re.compile(r"(?:(?<=\s)|^)(?:doi\s*:\s*(10\.\d{4,9}/\S+?)|(https?://\S+?))[.,;]?\s*$", re.I)


def _read(text: str, doi_after: bool = False) -> dict[str, Any]:
    """title, authors, venue and year of a reference written out (see the module); ``doi_after``: the text was
    followed by a DOI (cut off before)."""
    venue = None
    if m := _VENUE_TAG.match(text):
        venue, text = m.group(1), text[m.end() :]
    noted = _INDEX_NOTE.search(text) is not None
    text = _INDEX_NOTE.sub("", text).strip()
    if quoted := _quoted(text):
        return {**quoted, "venue": venue or quoted["venue"]}
    if apa := _apa(text):
        return {**apa, "venue": venue or apa["venue"]}
    if byline := _leading_byline(text):
        title, _, rest = re.split(r"(?<=[^\W\d_]{2}[.?!])\s+|$", text[len(byline) :].strip(), maxsplit=1)[0], "", ""
        rest = text[len(byline) :].strip()[len(title) :].strip()
        years = _YEAR.findall(rest)
        return {
            "title": title.rstrip("."),
            "authors": re.sub(r"(?<=[^\W\d_]{2})\.$", "", byline.strip()),  # an initial keeps its dot
            "venue": venue or (_YEAR.sub("", rest).strip(" ,.;()") or None),
            "year": years[-1] if years else None,
        }
    if parts := reference_parts(text):
        return {"title": parts.title, "authors": parts.authors, "venue": venue or parts.venue, "year": parts.year}
    # a bare title only where a publication list's marks vouch for it ("[ICDE] Title", "Title（CCF A）", a DOI after
    # a year in brackets, as a reference without authors writes them); any other text (a chat message, a news item:
    # "Meeting moved to Friday.", "Remember to buy milk (2024). https://example.org/milk") names no paper
    year, doi = _CITED_YEAR.search(text), find_doi(text)  # "Title. (2024). https://doi.org/10.…": a work it cites
    if doi or year and (doi_after or venue or noted):
        title = re.sub(r"\s*https?://\S+\s*$", "", text)
        title = re.sub(r"[\s.]*\((?:19|20)\d\d[^()]*\)\.?\s*$", "", title).strip()
        return {
            "title": title,
            "venue": venue,
            "doi": doi,
            "year": year.group(0)[1:5] if year else None,  # "(2019a)": 2019
        }
    return {"title": text, "venue": venue} if venue or noted else {}


# an APA reference: the authors, the date in brackets ("(2008, October)", "(2019, Jan 29)", "(2017a)"), the title,
# then the venue: "Bauer, C., & Figl, K. (2008, October). Title. In Proceedings … IEEE."
_APA = re.compile(r"(?P<by>[^()]{2,400}?)\s*\((?P<y>(?:19|20)\d\d)[a-z]?(?:,[^()]{0,30})?\)\s*[.,:]?\s+(?P<rest>\S.*)")
_SENTENCE_END = re.compile(r"(?<=[\w\])\"”?!][.?!])\s+(?=[\w\"“(])")
_MEDIUM = re.compile(r"\s*\[[^\]]{1,30}\]\s*$")  # "[Video]", "[Computer software]"


def _apa(text: str) -> dict[str, Any] | None:
    """title, authors, venue and year of an APA reference (:data:`_APA`); None for any other text."""
    m = _APA.fullmatch(text)
    if m is None or not re.search(r"[^\W\d_]{2}", m.group("by")):
        return None
    title, *after = _SENTENCE_END.split(m.group("rest"), maxsplit=1)
    title = _MEDIUM.sub("", title.strip().rstrip("."))
    venue = re.sub(r"^In\s+", "", after[0]).strip().rstrip(".") if after else ""
    authors = re.sub(r"(?<=[^\W\d_]{2})\.$", "", m.group("by").strip())  # "Figl, K." keeps its initial's dot
    return {"title": title, "authors": authors, "venue": venue or None, "year": m.group("y")}


# a reference whose title stands in quotes after its byline, perhaps with the year between them: Chicago's and MLA's
# 'Quill, Ada. "Title." Journal 3, no. 2 (2021): 1–10.', IEEE's 'A. Quill, D. Okafor, “Title,” Journal, vol. 3, 2021.'
# and a lab's 'A. Quill, D. Okafor, 2025, “Title,” Journal'
_QUOTED = re.compile(
    r"(?P<by>[^\"“”]{2,400}?)[\s,.;:]+[\"“](?P<title>[^\"“”]{3,400}?)[.,;:?!]?[\"”]\s*[.,;:]?(?:\s+(?P<rest>.*)|$)"
)
_BYLINE_YEAR = re.compile(r"[\s,.]*\(?((?:1[5-9]|20)\d\d)[a-z]?\)?\.?$")  # "…, 2025", "… (2019)."
_VENUE_END = re.compile(r",?\s+\d|,\s*(?:edited|translated|vol|no|pp|pages)\b|\s*\(", re.I)


def _quoted(text: str) -> dict[str, Any] | None:
    """title, authors, venue and year of a reference with its title in quotes (:data:`_QUOTED`); None for any other
    text, or when what stands before the title is no list of names (a sentence quoting a phrase)."""
    m = _QUOTED.fullmatch(text)
    if m is None:
        return None
    by, rest = m.group("by").strip(), m.group("rest") or ""
    if re.search(r"(?:^|[\s.])[^\W\d_]$", by) and text[m.end("by") :].startswith("."):
        by += "."  # "Okafor, D." keeps its initial's dot
    year = _BYLINE_YEAR.search(by)
    if year is not None:
        by = by[: year.start()].strip()
    if not _quoted_byline(by):
        return None
    years = [year.group(1)] if year is not None else _YEAR.findall(rest)[:1]  # "Title" (1933). In …, 1985: 1933
    venue = _VENUE_END.split(re.sub(r"^[Ii]n\s+", "", rest.strip()), maxsplit=1)[0].strip(" .,:;")
    return {
        "title": m.group("title").strip(),
        "authors": by,
        "venue": venue or None,
        "year": years[0] if years else None,
    }


def _quoted_byline(by: str) -> bool:
    """Whether the text before a quoted title is a byline: names (each part one to five capitalised words or
    particles, "et al." allowed; two words at least), no sentence ended inside it ("Ada Quill. The" of a quoted phrase) and no digits."""
    if re.search(r"\d|[^\W\d_]{2}\.\s", by):
        return False
    parts = [p.strip() for p in re.split(r",|;|\band\b|&", re.sub(r"\bet\s+al\b\.?", "", by)) if p.strip()]
    return (
        len(by.split()) >= 2  # "Posted 2024: “Slides” are up" names no one
        and len(parts) <= 60
        and all(re.fullmatch(r"(?:[^\W\d_][\w'’.-]*\s*){1,5}", p) and _name_words(p) for p in parts)
    )


def _leading_byline(text: str) -> str | None:
    """The longest opening of ``text`` up to a full stop that is a list of names (:func:`_byline`), with a sentence
    after it: "A. Quill, D. Okafor." of "A. Quill, D. Okafor. Lanterns in the fog. …"."""
    found = None
    for m in re.finditer(r"\.\s+(?=[^\W\d_\"“'])", text):
        if _byline(text[: m.start() + 1]):
            found = text[: m.start() + 1]
        elif found:
            break
    return found


def _name_words(part: str) -> bool:
    """Whether every word of a name is capitalised or a particle ("van", "de")."""
    return all(w[0].isupper() or w in FAMILY_PARTICLES for w in part.split())


def _byline(text: str) -> bool:
    """Whether a sentence is a list of names: parts split at commas, "and" and "&", each one to four words, most
    holding an initial or two capitalised words."""
    parts = [p.strip() for p in re.split(r",|\band\b|&|;", text.rstrip(".")) if p.strip()]
    if not parts or len(parts) > 40 or not all(_BYLINE_NAME.fullmatch(p) and _name_words(p) for p in parts):
        return False
    initialled = sum(bool(re.search(r"\b[A-Z]\.", p) or re.fullmatch(r"(?:\S+\s+)?[A-Z]{1,3}\.?", p)) for p in parts)
    return initialled * 2 >= len(parts)

"""BibTeX fields and entry types of records read from another format: the volume, issue, pages, publisher and
editors a RIS record (``extra["ris"]``) or a CSL item (``extra["csl"]``) kept, so that an export to BibTeX loses
none of them, and the entry type its reference type names (a CSL ``chapter`` is an ``@incollection``)."""

from __future__ import annotations

from typing import Any

from ...names import csl_name_text, is_more_authors
from ...paper import Paper
from ...paper_render import csl_edtf

__all__ = ["foreign_entry_type", "foreign_fields"]

# CSL item types as BibTeX entry types; the others are @article with a journal, else @misc
_CSL_TYPES = {
    "chapter": "incollection",
    "entry-encyclopedia": "incollection",
    "entry-dictionary": "incollection",
    "book": "book",
    "paper-conference": "inproceedings",
    "thesis": "phdthesis",
    "report": "techreport",
    "article-journal": "article",
    "manuscript": "unpublished",
}
# CSL variables written under a BibTeX field of another name (the others of _CSL_SAME keep theirs)
_CSL_FIELDS = {
    "page": "pages",
    "issue": "number",
    "publisher-place": "address",
    "collection-title": "series",
    "chapter-number": "chapter",
    "ISBN": "isbn",
    "ISSN": "issn",
}
_CSL_SAME = ("volume", "publisher", "edition")
_RIS_FIELDS = {"volume": "volume", "issue": "number", "publisher": "publisher", "issn": "issn"}
_RIS_FIELDS |= {"place": "address", "series": "series"}  # CY, T3


def _kept(paper: Paper, fmt: str) -> dict[str, Any]:
    kept = paper.extra.get(fmt)
    return kept if isinstance(kept, dict) else {}


def foreign_entry_type(paper: Paper) -> str | None:
    """The BibTeX entry type of a CSL item's type, or None."""
    kind = _kept(paper, "csl").get("type")
    return _CSL_TYPES.get(kind) if isinstance(kind, str) else None


def _text(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _ris_fields(kept: dict[str, Any]) -> dict[str, object]:
    fields: dict[str, object] = {}
    for name, field in _RIS_FIELDS.items():
        if text := _text(kept.get(name)):
            fields[field] = text
    first, last = _text(kept.get("start_page")), _text(kept.get("end_page"))
    if first:  # SP 358, EP 370: "358–370" (written "358--370"); an SP holding a range already as it is
        fields["pages"] = f"{first}\u2013{last}" if last and last != first and "-" not in first else first
    editors = kept.get("editors")
    if isinstance(editors, list) and (names := [e for e in editors if isinstance(e, str) and e.strip()]):
        fields["editor"] = names
    return fields


def _csl_fields(kept: dict[str, Any]) -> dict[str, object]:
    fields: dict[str, object] = {}
    for name in _CSL_SAME:
        if text := _text(kept.get(name)):
            fields[name] = text
    for name, field in _CSL_FIELDS.items():
        if text := _text(kept.get(name)):
            fields[field] = text
    if edtf := csl_edtf(kept.get("issued")):  # a range or circa: biblatex's date, as "2019-05/2019-06", "1890~"
        fields["date"] = edtf
    editors = kept.get("editor")
    if isinstance(editors, list):
        try:
            names = [csl_name_text(e) for e in editors]
        except ValueError:
            names = []
        names = [n for n in names if n and not is_more_authors(n)]
        if names:
            fields["editor"] = names
    return fields


def foreign_fields(paper: Paper) -> dict[str, object]:
    """The BibTeX fields of the values a RIS record or CSL item kept (``volume``, ``number``, ``pages``,
    ``publisher``, ``editor``, ...), for a paper not read from BibTeX."""
    return {**_ris_fields(_kept(paper, "ris")), **_csl_fields(_kept(paper, "csl"))}

"""BibTeX author lists written in ways the reader tripped over (session 20, PF20): a wrapped list whose line opens
with a comma, names separated by semicolons, a stray closing "and" before a comma. Made-up entries."""

from __future__ import annotations

import warnings

from paperlab.errors import PartialImportWarning
from paperlab.sources.bibtex import parse_bibtex


def _authors(text: str) -> dict[str, list[str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("error", PartialImportWarning)  # every entry must be read
        return {str(p.extra["bibtex_key"]): p.authors for p in parse_bibtex(text, source="quill.bib")}


def test_a_wrapped_author_list_whose_line_opens_with_a_comma_is_read() -> None:
    # was "could not parse BibTeX: list index out of range" for the whole file, naming no entry
    text = (
        "@techreport{quill2019tides,\n  title = {Tidal Notes},\n  author = {Ada Quill and\n    , Bo Stone},\n"
        "  institution = {Harbour Trust}\n}\n"
        "@techreport{stone2020reefs,\n  title = {Reef Notes},\n  author = {Stone, Bo},\n"
        "  institution = {Harbour Trust}\n}\n"
    )
    assert _authors(text) == {"quill2019tides": ["Ada Quill", "Bo Stone"], "stone2020reefs": ["Bo Stone"]}


def test_names_separated_by_semicolons_are_several_people() -> None:
    text = (
        "@article{quill2021a,\n  title = {Kelp Drift},\n  author = {Quill, A.; Stone, B.; Root, C.}\n}\n"
        "@article{quill2021b,\n  title = {Kelp Rafts},\n  author = {Quill, Ada; Okafor, Dele;}\n}\n"
        "@article{quill2021c,\n  title = {Kelp Beds},\n  author = {Ren&eacute; Quill and Bo Stone}\n}\n"
    )
    assert _authors(text) == {
        "quill2021a": ["A. Quill", "B. Stone", "C. Root"],
        "quill2021b": ["Ada Quill", "Dele Okafor"],
        "quill2021c": ["René Quill", "Bo Stone"],  # an HTML reference's semicolon separates no one
    }


def test_a_stray_and_opening_or_closing_the_list_names_no_one() -> None:
    text = (
        "@misc{q1,\n  title = {One},\n  author = {Ada Quill and Bo Stone and,}\n}\n"
        "@misc{q2,\n  title = {Two},\n  author = {Ada Quill and Bo Stone and}\n}\n"
        "@misc{q3,\n  title = {Three},\n  author = {and Ada Quill}\n}\n"
    )
    assert _authors(text) == {"q1": ["Ada Quill", "Bo Stone"], "q2": ["Ada Quill", "Bo Stone"], "q3": ["Ada Quill"]}

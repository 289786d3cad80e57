"""One LaTeX-to-text step for every importer (session 16, helper IM12): LaTeX accents in the names of a NASA ADS
JSON list and of home-made JSON bylines, braces that keep an organisation whole, LaTeX's text symbols (``{\\textbar}``)
that pylatexenc reads as nothing, and math an author typed with spaces inside Mendeley's escaped dollars.

Each test reads one of our own small files in tests/data/import_s16_im12/ and checks what a user sees.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab
from paperlab import Paper
from paperlab.latex import latex_name, readable

DATA = Path(__file__).parent / "data" / "import_s16_im12"


def _load(name: str) -> dict[str, Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return {p.shown_title: p for p in paperlab.load(DATA / name)}


def test_latex_accents_in_json_names_are_read_as_letters() -> None:
    papers = _load("ads_latex_names.json")
    binary = papers["Binary stars in the outer halo of a quiet galaxy"]
    assert binary.authors == ["Adam Brček", "Nicolás Rodríguez-Segovia", "Alejandro Vigna-Gómez", "Karin Åström"]
    lanterns = papers["Counting lanterns in a fog"]
    assert lanterns.authors == ["Kai Müller", "Ayşe Kuş"]


def test_braces_keeping_an_organisation_whole_are_not_shown() -> None:
    papers = _load("ads_latex_names.json")
    assert papers["Guidelines for the quiet rooms of hospitals"].authors == ["World Health Organization"]


def test_text_symbols_are_shown_not_dropped() -> None:
    papers = _load("latex_symbols_zotero_mendeley.bib")
    assert "Quiet Rooms Report 2031 | UNQR - Quiet Rooms Programme" in papers
    assert "Lantern Fundamentals | Example Online Books" in papers
    assert "Fewer than <3 moths and more than >5 lanterns: the _quiet_ count" in papers
    assert readable("Report {\\textbar} Programme") == "Report | Programme"


def test_typed_math_with_spaces_inside_its_dollars_is_math() -> None:
    titles = set(_load("latex_symbols_zotero_mendeley.bib"))
    assert "Learning Mixtures of Lantern Models from Top-l Orders" in titles
    assert "Mixtures of moth models for top-k rankings" in titles
    assert "Lanterns that cost $5 and $6 compared" in titles  # two prices, no math


def test_latex_name_leaves_plain_names_alone() -> None:
    assert latex_name("Quill, Ada") == "Quill, Ada"
    assert latex_name("{Quiet Rooms Programme}") == "Quiet Rooms Programme"


def test_latex_in_ris_and_csl_names_is_read_as_letters() -> None:
    ris = _load("latex_names.ris")["Moths counted by lantern light"]
    assert ris.authors == ["Kai Müller", "Adam Brček", "World Health Organization"]
    csl = _load("latex_names_csl.json")["Lanterns in LaTeX names"]
    assert csl.authors == ["Kai Müller", "World Health Organization", "Adam Brček"]

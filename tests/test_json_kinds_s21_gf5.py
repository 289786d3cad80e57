"""A home-made JSON paper list whose records say they are no papers (session 21, helper GF5): a dataset, an event,
a film beside the papers are not read as papers, and the warning names each with its type. A web article is a
reference a bibliography keeps (as tests/test_json_list_roles_s17_im13.py's website): read."""

from __future__ import annotations

from pathlib import Path

import pytest

import paperlab
from paperlab.errors import PartialImportWarning

DATA = Path(__file__).parent / "data" / "import_s21_gf5"


def test_records_whose_type_is_no_paper_are_left_out_and_named() -> None:
    with pytest.warns(PartialImportWarning) as caught:
        papers = paperlab.load(DATA / "kinds_gf5.json")
    assert [p.title for p in papers] == [
        "Tidal Gardens and the Learning of Slopes",
        "Slopes Without Type: a Note",
        "slopekit: Measuring Garden Slopes",  # "Software paper": a paper
        "Why Slopes Matter",  # a web article: a reference, kept
        "Mining Slope Records at Scale",  # a topic's category, not a type
    ]
    warning = caught[0].message
    assert isinstance(warning, PartialImportWarning)
    said = {p.where.rsplit(", ", 1)[-1]: p.message for p in warning.problems}
    assert said == {
        "item 2": "its type 'dataset' is not a paper",
        "item 3": "its type 'event' is not a paper",
        "item 5": "its type 'Documentary film' is not a paper",
    }
    numbered = ["item 1", "item 4", "item 6", "item 7", "item 8"]  # numbered as written
    assert [p.sources[0].record for p in papers] == numbered


def test_an_array_of_citation_strings_is_read_as_papers() -> None:
    """A JSON array of references written out (Chicago with quoted titles, APA) is a paper list; a string that is
    no reference is skipped and named, not made a paper."""
    with pytest.warns(PartialImportWarning, match="item 4: no title") as caught:
        papers = paperlab.load(DATA / "citation_strings_gf5.json")
    assert [(p.title, p.authors, p.journal_ref, p.published.year if p.published else None) for p in papers] == [
        ("Lanterns in the Fog: Reading Tides by Night", ["Ada Quill"], "Journal of Made-up Lanterns", 2019),
        ("Slopes and Their Gardens", ["Bram Marsh"], "Review of Invented Gardens", 2004),
        ("Counting invented herons", ["D. Okafor", "I. Penn"], "Journal of Pretend Birds", 2021),
    ]
    assert len(caught[0].message.problems) == 1  # type: ignore[union-attr]


def test_an_array_of_keywords_is_no_paper_list() -> None:
    path = DATA / "keywords_gf5.json"
    with pytest.raises(paperlab.errors.ParseError, match="unknown shape"):
        paperlab.load(path)


def test_theme_objects_holding_their_papers_one_level_down() -> None:
    """A list of theme objects (no paper each) whose papers sit in a list under a key of any name is read as those
    papers, each with its theme kept as its section."""
    papers = paperlab.load(DATA / "themes_gf5.json")
    assert [(p.title, p.arxiv_id, p.extra["json"]["section"]) for p in papers] == [
        ("Lanterns in the Fog", "2101.00001", "Reading tides by night"),
        ("Night Tides, Counted", None, "Reading tides by night"),
        ("Slopes and Their Gardens", "2102.00002", "Gardens on slopes"),
    ]

"""Names written wrong and entries that are no papers (session 16, helper IM12): a "Given, Family" list in a file
that writes the same persons "Family, Given", an affiliation number glued to a name, an initial in the family
position, an organisation's acronym split into initials; a tool's placeholder title; a proceedings volume that only
holds the papers cross-referencing it (DBLP with and without its ``crossref``).

Each test reads one of our own small files in tests/data/import_s16_im12/ and checks what a user sees.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab import Paper
from paperlab.errors import PartialImportWarning
from paperlab.names import names_organisation

DATA = Path(__file__).parent / "data" / "import_s16_im12"


def _load(name: str) -> dict[str, Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return {p.shown_title: p for p in paperlab.load(DATA / name)}


def test_a_given_family_list_is_turned_round_by_the_files_other_entries() -> None:
    papers = _load("names_written_wrong.bib")
    assert papers["Concentric mixtures of lantern models"].authors == ["Tomas Marsh", "Ada Quill"]
    assert papers["Moth mixtures for top-k rankings"].authors == ["Ada Quill", "Saga Lund"]  # written right: kept
    assert papers["Lantern counts in three harbours"].authors == ["T. Marsh", "A. Quill", "D. Okafor"]


def test_affiliation_numbers_glued_to_names_are_dropped() -> None:
    papers = _load("names_written_wrong.bib")
    assert papers["Natural lantern processing"].authors == ["JP Okoro"]
    assert papers["Quiet rooms and their lanterns"].authors == ["Tomasz Nowak", "Saga Lund", "Bo Lindqvist"]


def test_an_initial_in_the_family_position_is_the_given_name() -> None:
    assert _load("names_written_wrong.bib")["Lantern Control Protocol"].authors == ["T. Vale"]


def test_an_acronym_split_into_initials_is_the_organisation() -> None:
    rooms = _load("names_written_wrong.bib")["Quiet Rooms Report 2024"]
    assert rooms.authors == ["UN Environment"]
    assert names_organisation("UN Environment") and not names_organisation("Una Environment")


@pytest.mark.parametrize(
    ("name", "kept", "placeholder"),
    [
        ("placeholder_titles.bib", "Lanterns in the fog", "[No title]"),
        ("placeholder_titles.ris", "Moths at the window", "(no title)"),
        ("placeholder_titles.json", "Rivers that change their beds", "[Untitled]"),
    ],
)
def test_a_placeholder_title_names_no_paper(name: str, kept: str, placeholder: str) -> None:
    with pytest.warns(PartialImportWarning, match=r"placeholder for no title") as caught:
        papers = paperlab.load(DATA / name)
    assert [p.title for p in papers] == [kept]
    assert placeholder in str(caught[0].message)


def test_a_volume_that_only_holds_its_papers_is_no_paper() -> None:
    papers = _load("dblp_proceedings_parents.bib")
    assert sorted(papers) == [
        "A Chapter on Rivers",
        "Effects of Lantern Angles",
        "Lanterns at the Quiet Rooms Workshop",
        "Moths in proceedings with a DOI",
        "Proceedings of the Moth Conference 2019",  # a record of its own: its DOI
        "The Book of Rivers",  # a book is a work of its own
    ]
    assert papers["Lanterns at the Quiet Rooms Workshop"].journal_ref == "Proceedings of the Quiet Rooms Workshop 2021"


def test_affiliation_numbers_in_json_bylines_are_dropped() -> None:
    papers = _load("affiliation_marks.json")
    assert papers["Lanterns with affiliation numbers"].authors == ["Ada Quill", "Dele Okafor"]
    assert papers["Moths with numbered names"].authors == ["A. Quill", "D. Okafor"]
    assert papers["A team of robots"].authors == ["R2D2 Team"]  # an organisation's name keeps its digits


def test_han_names_are_not_turned_round_by_a_syllable_alone() -> None:
    """A name "Wei, Li" beside "Li, W.": Li is a family name there, but nothing says Wei is a given name anywhere."""
    papers = _load("han_names_not_turned.bib")
    assert papers["Lanterns of two harbours"].authors == ["Li Wei", "San Zhang"]
    assert papers["Moths of two rivers"].authors == ["W. Li", "Fang Wang"]


def test_a_handles_digits_are_kept() -> None:
    """A one-word lowercase handle ("dime10", as documentation credits its contributors) is no person's name."""
    papers = _load("names_written_wrong.bib")
    assert papers["Quantum lantern kit documentation"].authors == ["Bradben", "dime10", "burunduk3"]


def test_initials_that_spell_an_acronym_after_a_family_name_are_a_person() -> None:
    """Review RV16: 'Sharma, U. K.' became the organisation 'UK Sharma' (initials like U. K. are common names)."""
    from paperlab.sources.bibtex.persons import person_as_written

    assert person_as_written("Sharma, U. K.") == "Sharma, U. K."
    assert person_as_written("Kumar, E. U.") == "Kumar, E. U."
    assert person_as_written("Moon, U. N.") == "Moon, U. N."
    assert person_as_written("Environment, U. N.") == "{UN Environment}"

"""The early review's findings on names and venues (session 9, R1), each a general rule tested on our own small
inputs (all fail at the commit before the fix):

- a journal reference that starts with "arXiv"/"Preprint" but names a conference ("arXiv, CVPR 2024") has that
  venue: only a month (:func:`paperlab.dates.month_of_name`), an id or a preprint word keeps it preprint-only;
- names written given name first with the family name in capitals ("Kai XU", "Andrew NG") and organisations
  ("Tencent ARC") keep their order: Vancouver's ``Owen MJ`` reading is for records written so;
- in the comma form a lone given word holding a vowel is a name ("WANG, YU" is "Yu Wang");
- a name set in another case ("MCDONALD, RONALD" shown "Ronald Mcdonald") is written back by the BibTeX and RIS
  exports as the source wrote it, through every round trip, until the name is edited;
- the family name of a shown name with a generational suffix is the word before it in every export.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paperlab.names import family_name, name_parts
from paperlab.paper import Paper
from paperlab.sources.bibtex import library_to_bibtex, parse_bibtex
from paperlab.sources.csl import read_csl, write_csl
from paperlab.sources.ris import parse_ris, read_ris, write_ris
from paperlab.venues import parse_venue

# -- 1. venues after a preprint word ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("journal", "venue"),
    [("arXiv, CVPR 2024", "CVPR 2024"), ("arXiv; ICML 2023", "ICML 2023"), ("Preprint, AAAI 2025", "AAAI 2025")],
)
def test_a_conference_after_a_preprint_word_is_the_venue(journal: str, venue: str) -> None:
    assert parse_venue(None, journal) == venue


@pytest.mark.parametrize(
    "journal",
    ["arXiv", "arXiv Mar.", "arXiv, June 2024", "arXiv e-prints, Sept 2021", "CoRR abs/2005.14165", "arxiv.org"],
)
def test_a_preprint_with_a_month_names_no_venue(journal: str) -> None:
    assert parse_venue(None, journal) is None


def test_a_word_like_a_month_is_no_month() -> None:
    # "Mayor" is no May: the reference names a venue (since session 10 the venue alone, without the preprint word)
    assert parse_venue(None, "Preprint, Mayor Workshop 2025") == "Mayor Workshop 2025"


# -- 2. given-first names with the family name in capitals --------------------------------------------------------


def _ris(*authors: str) -> str:
    return "TY  - JOUR\nTI  - A title\n" + "".join(f"AU  - {a}\n" for a in authors) + "PY  - 2024\nER  - \n"


def test_given_first_names_with_the_family_in_capitals_keep_their_order() -> None:
    (paper,) = parse_ris(_ris("Kai XU", "Andrew NG", "Jun ZHU"))
    assert paper.authors == ["Kai XU", "Andrew NG", "Jun ZHU"]
    bib = library_to_bibtex([paper])
    assert "Kai XU and Andrew NG and Jun ZHU" in bib  # BibTeX reads the family name last: XU, not Kai
    assert [family_name(a) for a in parse_bibtex(bib)[0].authors] == ["XU", "NG", "ZHU"]


@pytest.mark.parametrize("org", ["Tencent ARC", "Baidu NLP", "Amazon AWS"])
def test_an_organisation_with_an_acronym_is_no_vancouver_name(org: str) -> None:
    (paper,) = parse_ris(_ris(org))
    assert paper.authors == [org]


def test_a_vancouver_record_is_still_read_family_initials() -> None:
    (paper,) = parse_ris(_ris("Quill AB", "Okafor Z", "Fairweather Long E", "Pebble JTR"))
    assert paper.authors == ["AB Quill", "Z Okafor", "E Fairweather Long", "JTR Pebble"]
    (alone,) = parse_ris(_ris("YANG F"))
    assert alone.authors == ["F Yang"]


# -- 3. a lone two-letter given name --------------------------------------------------------------------------------


def test_a_lone_two_letter_given_name_is_a_name() -> None:
    (ris,) = parse_ris(_ris("WANG, YU", "LI, BO", "ZHANG, XI", "QUILL, MJ"))
    assert ris.authors == ["Yu Wang", "Bo Li", "Xi Zhang", "MJ Quill"]
    (bib,) = parse_bibtex("@article{k, title = {A title}, author = {WANG, YU and LI, BO and KOWALSKA, ANNA MA}}")
    assert bib.authors == ["Yu Wang", "Bo Li", "Anna MA Kowalska"]


# -- 4. names written back as written -------------------------------------------------------------------------------

CAPITALS = ["Ronald Mcdonald", "Jan van der Berg", "Ada Quill"]


def test_names_in_capitals_are_written_back_as_written(tmp_path: Path) -> None:
    (ris,) = parse_ris(_ris("MCDONALD, RONALD", "VAN DER BERG, JAN", "Quill, Ada"))
    (bib,) = parse_bibtex(
        "@article{k, title = {A title}, author = {MCDONALD, RONALD and VAN DER BERG, JAN and Ada Quill}}"
    )
    assert ris.authors == bib.authors == CAPITALS
    for paper in (ris, bib):
        text = write_ris([paper], tmp_path / "out.ris").read_text(encoding="utf-8")
        assert "AU  - MCDONALD, RONALD\nAU  - VAN DER BERG, JAN\nAU  - Quill, Ada\n" in text
        assert "author = {MCDONALD, RONALD and VAN DER BERG, JAN and Ada Quill}" in library_to_bibtex([paper])
        # RIS -> BibTeX -> RIS: shown the same, written the same
        (again,) = parse_bibtex(library_to_bibtex(read_ris(tmp_path / "out.ris")))
        assert again.authors == CAPITALS
        assert "AU  - MCDONALD, RONALD\n" in write_ris([again], tmp_path / "again.ris").read_text(encoding="utf-8")


def test_an_edited_name_is_written_as_edited(tmp_path: Path) -> None:
    (paper,) = parse_ris(_ris("MCDONALD, RONALD", "Quill, Ada"))
    paper.authors = ["Ronald McDonald", "Ada Quill"]  # the case put right by hand
    assert "AU  - McDonald, Ronald\n" in write_ris([paper], tmp_path / "out.ris").read_text(encoding="utf-8")
    assert "author = {Ronald McDonald and Ada Quill}" in library_to_bibtex([paper])


def test_a_csl_name_in_capitals_is_written_back_as_written(tmp_path: Path) -> None:
    item = {"id": "a", "type": "article", "title": "A title", "author": [{"family": "MCDONALD", "given": "RONALD"}]}
    (tmp_path / "in.json").write_text(json.dumps([item]), encoding="utf-8")
    (paper,) = read_csl(tmp_path / "in.json")
    assert paper.authors == ["Ronald Mcdonald"]
    assert "AU  - MCDONALD, RONALD\n" in write_ris([paper], tmp_path / "out.ris").read_text(encoding="utf-8")
    assert "author = {MCDONALD, RONALD}" in library_to_bibtex([paper])


# -- 5. generational suffixes in every export ----------------------------------------------------------------------

SUFFIXED = ["Martin Luther Quill Jr.", "J Mossley III", "Ada Lovelace"]


def test_name_parts_know_a_suffix() -> None:
    assert name_parts("Martin Luther Quill Jr.") == ("Quill", "Martin Luther", "Jr.")
    assert name_parts("J Mossley III") == ("Mossley", "J", "III")
    assert [family_name(a) for a in SUFFIXED] == [name_parts(a)[0] for a in SUFFIXED]


def test_every_export_writes_the_family_name_before_the_suffix(tmp_path: Path) -> None:
    papers = [Paper(title="A title", authors=SUFFIXED)]
    ris = write_ris(papers, tmp_path / "out.ris").read_text(encoding="utf-8")
    assert "AU  - Quill, Martin Luther, Jr.\n" in ris and "AU  - Mossley, J, III\n" in ris
    bib = library_to_bibtex(papers)
    assert "Quill, Jr., Martin Luther and Mossley, III, J and Ada Lovelace" in bib
    items = json.loads(write_csl(papers, tmp_path / "out.json").read_text(encoding="utf-8"))
    assert items[0]["author"][0] == {"family": "Quill", "given": "Martin Luther", "suffix": "Jr."}
    back = [read_ris(tmp_path / "out.ris")[0], parse_bibtex(bib)[0], read_csl(tmp_path / "out.json")[0]]
    assert [p.authors for p in back] == [SUFFIXED] * 3


def test_a_number_that_is_no_year_makes_no_venue_of_a_note() -> None:
    # a RIS N1 note (our own words) citing standards: "ISO 1087" is no venue of 1087 (it was, once N1 became the note)
    note = "Terms after ISO 704:2022 and ISO 1087:2019; reviewed by hand."
    assert parse_venue(note) is None
    assert parse_venue("Published in Foo Conf 2023") == "Foo Conf 2023"  # a year still makes one

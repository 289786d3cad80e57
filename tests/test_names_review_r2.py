"""The late review's findings on names (session 9, R2), each a general rule tested on our own small inputs (all
fail at the commit before the fix):

- PubMed-style names ``Family INITIALS`` are turned round whatever the initials ("Smith JA", "Kim EA", "Choi YJ");
  a record keeps its order only on evidence of names written given name first with the family name in capitals
  ("Jun ZHU") or for organisations ("Tencent ARC"); capitals "JR" right after the family name are initials, after
  the initials a suffix;
- a CSL name object carrying keys beside its parts (Crossref's "sequence", "affiliation") is written back as
  written too;
- a generational suffix of a name in capitals is shown in the case of a name ("KING, JR., MARTIN": "Martin King
  Jr."), "II"-"IV" as written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paperlab.sources.bibtex import library_to_bibtex, parse_bibtex
from paperlab.sources.csl import read_csl
from paperlab.sources.ris import parse_ris, read_ris, write_ris


def _ris(*authors: str) -> str:
    return "TY  - JOUR\nTI  - A title\n" + "".join(f"AU  - {a}\n" for a in authors) + "PY  - 2024\nER  - \n"


# -- 1. Vancouver names with initials holding a vowel ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        (["Quill JA"], ["JA Quill"]),
        (["Pebble EA", "Okafor JE", "Wren SA", "Moss YJ"], ["EA Pebble", "JE Okafor", "SA Wren", "YJ Moss"]),
        (["Quill MJ", "Pebble JR", "Wren SR", "Moss Y"], ["MJ Quill", "JR Pebble", "SR Wren", "Y Moss"]),
        (["Quill JA JR", "Pebble MA Sr", "Wren E III"], ["JA Quill Jr", "MA Pebble Sr", "E Wren III"]),
    ],
)
def test_vancouver_names_are_turned_round_whatever_their_initials(written: list[str], shown: list[str]) -> None:
    (paper,) = parse_ris(_ris(*written))
    assert paper.authors == shown


def test_given_first_names_in_capitals_keep_their_order_on_the_records_evidence() -> None:
    for record in (["Kai XU", "Andrew NG", "Jun ZHU"], ["Wei ZHANG", "Andrew NG"], ["Jun ZHU"]):
        (paper,) = parse_ris(_ris(*record))
        assert paper.authors == record
    (orgs,) = parse_ris(_ris("Tencent ARC", "Quill JA"))
    assert orgs.authors == ["Tencent ARC", "JA Quill"]


def test_a_vancouver_suffix_in_capitals_is_written_back_as_written(tmp_path: Path) -> None:
    (paper,) = parse_ris(_ris("Quill JA JR", "Pebble EA"))
    assert paper.authors == ["JA Quill Jr", "EA Pebble"]
    (again,) = read_ris(write_ris([paper], tmp_path / "out.ris"))
    assert again.authors == paper.authors


# -- 2. CSL name objects with keys beside the name -------------------------------------------------------------------


def test_a_crossref_name_object_is_written_back_as_written(tmp_path: Path) -> None:
    author = {"family": "KOWALSKA", "given": "ANNA M.", "sequence": "first", "affiliation": []}
    item = {"id": "a", "type": "article-journal", "title": "A title", "author": [author]}
    (tmp_path / "in.json").write_text(json.dumps([item]), encoding="utf-8")
    (paper,) = read_csl(tmp_path / "in.json")
    assert paper.authors == ["Anna M. Kowalska"]
    assert "author = {KOWALSKA, ANNA M.}" in library_to_bibtex([paper])
    assert "AU  - KOWALSKA, ANNA M.\n" in write_ris([paper], tmp_path / "out.ris").read_text(encoding="utf-8")


# -- 3. a suffix in capitals --------------------------------------------------------------------------------------------


def test_a_suffix_in_capitals_is_shown_in_the_case_of_a_name(tmp_path: Path) -> None:
    (bib,) = parse_bibtex("@article{k, title = {A title}, author = {QUILL, JR., MARTIN and PEBBLE, III, ANNA}}")
    (ris,) = parse_ris(_ris("QUILL, MARTIN, JR.", "PEBBLE, ANNA, III"))
    assert bib.authors == ris.authors == ["Martin Quill Jr.", "Anna Pebble III"]
    assert "author = {QUILL, JR., MARTIN and PEBBLE, III, ANNA}" in library_to_bibtex([bib])
    assert "AU  - QUILL, MARTIN, JR.\n" in write_ris([ris], tmp_path / "out.ris").read_text(encoding="utf-8")
    author = {"family": "QUILL", "given": "MARTIN", "suffix": "SR."}
    item = {"id": "a", "type": "article-journal", "title": "A title", "author": [author]}
    (tmp_path / "in.json").write_text(json.dumps([item]), encoding="utf-8")
    (csl,) = read_csl(tmp_path / "in.json")
    assert csl.authors == ["Martin Quill Sr."]
    assert "author = {QUILL, SR., MARTIN}" in library_to_bibtex([csl])

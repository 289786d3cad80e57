"""Commas in BibTeX as copied references and talk handouts leave them (session 23, helper IM7; the shapes of SW14's
blind-round handout): a comma after a title's last word ('title = {Fundamentals of Lanterns,}') is no part of it; two
names a comma joins ('DALL-E, Evelyn J. Boettcher') are two authors. Made-up entries."""

from __future__ import annotations

from pathlib import Path

import paperlab


def test_a_comma_after_the_titles_last_word_is_no_part_of_it(tmp_path: Path) -> None:
    path = tmp_path / "handout.bib"
    path.write_text(
        "@book{quill1976, title = {Fundamentals of Lanterns,}, author = {Quill, Ada}, year = {1976}}\n"
        "@book{renn1980, title = {Lanterns, Tides, and Herons}, author = {Renn, Bo}, year = {1980}}\n",
        encoding="utf-8",
    )
    assert [p.title for p in paperlab.load(path)] == ["Fundamentals of Lanterns", "Lanterns, Tides, and Herons"]


def test_two_names_a_comma_joins_are_two_authors_and_a_family_name_before_its_comma_stays_one(tmp_path: Path) -> None:
    """'LANTERN-9, Ada B. Quill' (a one-word name, then a whole name with an initial between its words) is two
    authors; 'Bronner, Simon J.' and 'Renn, E. Bo' stay one person each, family name first."""
    path = tmp_path / "handout.bib"
    path.write_text(
        "@misc{gen2023, title = {Generated Lanterns}, author = {LANTERN-9, Ada B. Quill}, year = {2023}}\n"
        "@book{folk2011, title = {Folk Lanterns}, author = {Bronner, Simon J. and Renn, E. Bo}, year = {2011}}\n",
        encoding="utf-8",
    )
    assert [p.authors for p in paperlab.load(path)] == [
        ["LANTERN-9", "Ada B. Quill"],
        ["Simon J. Bronner", "E. Bo Renn"],
    ]

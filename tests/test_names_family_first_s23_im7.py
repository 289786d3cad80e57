"""Names written ``Family Given Initials`` without a comma ("Quill Ada B.", as an app's dump of a reference manager
writes them) are read family name first, the order decided from the record's other names: initials stand last only
when the family name comes first (session 23, helper IM7; the shape of SW14's blind-round Zotero dump, where 'Burn
Thomas N.' was read 'N. Burn Thomas'). Made-up names of ours."""

from __future__ import annotations

import json
from pathlib import Path

import paperlab


def _authors(tmp_path: Path, *lists: list[str]) -> list[list[str]]:
    records = [{"title": f"Counting Lanterns, Part {i}", "year": "2024", "authors": a} for i, a in enumerate(lists)]
    path = tmp_path / "library.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return [p.authors for p in paperlab.load(path)]


def test_family_given_initials_without_a_comma_keep_the_family_name(tmp_path: Path) -> None:
    """Initials last after two words, with full stops: the family name is the first word, for the names of the
    record without initials too ("Okafor Dele"), and one with its initial between words ("Penn C. Dara") is
    "C. Dara Penn"."""
    assert _authors(tmp_path, ["Quill Ada B.", "Okafor Dele", "Renn Bo Y. N.", "Marsh Lee H.-Y.", "Penn C. Dara"]) == [
        ["Ada B. Quill", "Dele Okafor", "Bo Y. N. Renn", "Lee H.-Y. Marsh", "C. Dara Penn"]
    ]


def test_one_name_without_its_comma_beside_names_with_one_is_not_turned_round(tmp_path: Path) -> None:
    """'Quill Ada B' in a list whose other names are written 'Family, Given': Quill is the family name."""
    assert _authors(tmp_path, ["Renn, Bo", "Okafor, Dele", "Quill Ada B"]) == [
        ["Bo Renn", "Dele Okafor", "Ada B Quill"]
    ]


def test_given_name_first_and_vancouver_lists_keep_their_reading(tmp_path: Path) -> None:
    """Guards: names given first ("Ada B. Quill") and Vancouver's 'Family INITIALS' with two-word family names
    ("Garcia Lopez J", PubMed's way) are read as before."""
    assert _authors(
        tmp_path,
        ["Ada B. Quill", "Dele Okafor", "Bo Y. Renn"],
        ["Garcia Lopez J", "Marsh Penn A", "Owen MJ"],
    ) == [["Ada B. Quill", "Dele Okafor", "Bo Y. Renn"], ["J Garcia Lopez", "A Marsh Penn", "MJ Owen"]]

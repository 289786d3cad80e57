"""The import sweep's name checker (benchmarks/bench_import_sweep.py) counts an agency read as one author as right.

Session 23's importers keep "National Oceanic and Atmospheric Administration" whole, as BibTeX means it; the checker
flagged every name holding " and " (and every name of six words) as several names run together, so reading the
agency right counted as a field problem. Two people joined by "and" are still flagged.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from bench_import_sweep import author_problem  # noqa: E402


@pytest.mark.parametrize(
    "name", ["National Oceanic and Atmospheric Administration", "Department of Health and Human Services", "Ada Quill"]
)
def test_one_body_or_one_person_is_no_problem(name: str) -> None:
    assert author_problem(name) is None


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("John Smith and Jane Doe", "several names in one"),
        ("Smith, J. and Doe, K.", "several names in one"),
        ("Ferro, Lin; Quill, Ada", "several names in one"),
        ("Ada Quill Lin Ferro Oskar Lind", "six or more words: several names run together?"),
    ],
)
def test_several_people_are_still_flagged(name: str, why: str) -> None:
    assert author_problem(name) == why

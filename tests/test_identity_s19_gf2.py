"""Session 19 (GF2), identity: two venues are one only when every word naming the shorter matches the other's
(an abbreviation, an acronym of its words), years, numbers and words such as "Proceedings" aside: "Neural
Computation" shares one word with "Neural Information Processing Systems" and is another venue, so one title by one
author in both is two works (the half-the-words rule merged them)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.identity._signals import same_venue

_TWO_VENUES = """@article{quill2019a, title = {Sparse Widget Routing}, author = {Quill, Ada}, year = {2019},
  journal = {Neural Computation}}
@inproceedings{quill2019b, title = {Sparse Widget Routing}, author = {Quill, Ada}, year = {2019},
  booktitle = {Advances in Neural Information Processing Systems}}
@inproceedings{quill2019c, title = {Sparse Widget Routing}, author = {Quill, Ada}, year = {2019},
  booktitle = {Proceedings of NeurIPS 2019}}
"""


def test_one_shared_word_is_no_same_venue_but_an_acronym_with_a_year_is(tmp_path: Path) -> None:
    path = tmp_path / "venues.bib"
    path.write_text(_TWO_VENUES, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = paperlab.load(path)
    # a journal article and a NeurIPS paper of one title are two works; the NeurIPS records are one
    assert sorted(str(p.journal_ref) for p in lib) == [
        "Advances in Neural Information Processing Systems",
        "Neural Computation",
    ]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Neural Computation", "Neural Information Processing Systems", False),
        ("Physical Review Letters", "Physical Review B", False),
        (
            "IEEE Transactions on Neural Networks",
            "IEEE Transactions on Pattern Analysis and Machine Intelligence",
            False,
        ),
        ("J. Widget Stud.", "Journal of Widget Studies", True),
        ("NAACL-HLT 2019", "North American Chapter of the Association for Computational Linguistics", True),
        ("Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics", "ACL 2020", True),
    ],
)
def test_every_word_naming_the_shorter_venue_must_match(a: str, b: str, same: bool) -> None:
    assert same_venue(paperlab.Paper(title="x", journal_ref=a), paperlab.Paper(title="x", journal_ref=b)) is same

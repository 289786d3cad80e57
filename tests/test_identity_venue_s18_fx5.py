"""Session 18 (FX5), identity (the review RV18's L3, L5):

* a venue written as an acronym ("NeurIPS", "ICLR") is the venue its words spell, but a word of a journal's name is
  no acronym: "Science" is not "Scientific Computing and Engineering", "Nature" not "Natural Language Engineering";
* a "[No title]" record (titled "Untitled (doi:…)" from its DOI) and a titled record with the same DOI are one
  paper with the real title, whichever is read first.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab import Paper
from paperlab.identity._signals import same_venue


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("NeurIPS", "Advances in Neural Information Processing Systems", True),
        ("ICLR 2021", "International Conference on Learning Representations", True),
        ("InterSpeech 2019", "Annual Conference of the International Speech Communication Association", True),
        ("Science", "Scientific Computing and Engineering", False),
        ("Nature", "Natural Language Engineering", False),
        ("Neurocomputing", "Neural Computation", False),
    ],
)
def test_an_acronym_names_its_words_a_dictionary_word_does_not(a: str, b: str, same: bool) -> None:
    assert same_venue(Paper(title="Sparse Widget Routing", journal_ref=a), Paper(title="x", journal_ref=b)) is same


_UNTITLED_DOI = (
    "@article{quill2021, title = {[No title]}, author = {Quill, Ada}, year = {2021}, doi = {10.5555/widg.7}}\n"
)
_TITLED_DOI = (
    "@article{quill2021widgets, title = {Sparse Widget Routing at Scale}, author = {Quill, Ada and Dale, Bo},"
    " year = {2021}, journal = {Journal of Widgets}, doi = {10.5555/widg.7}}\n"
)


@pytest.mark.parametrize("first_untitled", [True, False])
def test_a_no_title_record_and_its_titled_twin_by_doi_are_one_paper(tmp_path: Path, first_untitled: bool) -> None:
    untitled, titled = tmp_path / "untitled.bib", tmp_path / "titled.bib"
    untitled.write_text(_UNTITLED_DOI, encoding="utf-8")
    titled.write_text(_TITLED_DOI, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = paperlab.load(*((untitled, titled) if first_untitled else (titled, untitled)))
    # two papers before, the second without its DOI ('Untitled (doi:…)' was taken for another work's title)
    assert [(p.title, p.doi, [str(a) for a in p.authors]) for p in lib] == [
        ("Sparse Widget Routing at Scale", "10.5555/widg.7", ["Ada Quill", "Bo Dale"])
    ]

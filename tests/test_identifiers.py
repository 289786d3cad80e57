"""One home for identifier parsing (paperlab.identifiers): Paper, Library.get and the store read references alike."""

from __future__ import annotations

import pytest

from paperlab import Library, Paper
from paperlab.identifiers import Reference, normalize_arxiv_id, normalize_doi, parse_reference

ARXIV_ID = "2503.14895"
DOI = "10.1103/PhysRevD.76.013009"

ARXIV_REFS = [
    "2503.14895",
    "2503.14895v2",
    "arXiv:2503.14895",
    "arXiv:2503.14895v1",
    "https://arxiv.org/abs/2503.14895",
    "http://arxiv.org/abs/2503.14895v2",
    "https://arxiv.org/pdf/2503.14895v3",
    "https://arxiv.org/pdf/2503.14895v3.pdf",
    "https://huggingface.co/papers/2503.14895",
    " 2503.14895 ",
]
DOI_REFS = [
    DOI,
    DOI.lower(),
    f"doi:{DOI}",
    f"DOI:{DOI}",
    f"doi: {DOI}",
    f"https://doi.org/{DOI}",
    f"http://doi.org/{DOI}",
    f"http://dx.doi.org/{DOI}",
    f"https://dx.doi.org/{DOI}",
    f"HTTPS://DOI.ORG/{DOI}",
    f"  {DOI}  ",
]


@pytest.mark.parametrize("ref", ARXIV_REFS)
def test_arxiv_references_resolve_alike_in_paper_and_library(ref):
    assert Paper("A paper about arXiv references", arxiv_id=ref).arxiv_id == ARXIV_ID
    lib = Library([Paper("A paper about arXiv references", arxiv_id=ARXIV_ID, doi=DOI)])
    assert lib.get(ref) is lib[0]
    assert parse_reference(ref).arxiv_id == ARXIV_ID


@pytest.mark.parametrize("ref", DOI_REFS)
def test_doi_references_resolve_alike_in_paper_and_library(ref):
    assert Paper("A paper about DOI references", doi=ref).doi.lower() == DOI.lower()
    lib = Library([Paper("A paper about DOI references", doi=DOI)])
    assert lib.get(ref) is lib[0]  # http://dx.doi.org/... was not accepted by Library.get before
    assert parse_reference(ref).doi.lower() == DOI.lower()


def test_library_get_reads_arxiv_dois_and_trailing_periods_as_the_store_does():
    lib = Library([Paper("A paper about arXiv DOIs here", arxiv_id=ARXIV_ID)])
    assert lib.get("10.48550/arXiv.2503.14895") is lib[0]
    assert lib.get("https://doi.org/10.48550/arXiv.2503.14895v2") is lib[0]
    other = Library([Paper("A paper about DOI references", doi=DOI)])
    assert other.get(f"{DOI}.") is other[0]


def test_library_get_still_finds_dois_that_do_not_look_like_dois():
    lib = Library([Paper("A paper with an odd DOI field", doi="Some-Odd-DOI")])
    assert lib.get("doi:some-odd-doi") is lib[0]
    assert lib.get("doi:Some-Odd-DOI") is lib[0]
    assert lib.get("missing") is None
    assert lib.get("10.9999/missing", default=lib[0]) is lib[0]


def test_doi_with_space_after_prefix_loses_the_space():
    # before: Paper(doi="doi: 10...") kept " 10..." (prefix removed, leading space left)
    assert Paper("A paper about DOI references", doi=f"doi: {DOI}").doi == DOI
    assert Paper("A paper about DOI references", doi=f"doi: {DOI}").id == f"doi:{DOI.lower()}"


def test_normalize_doi_keeps_case_and_unknown_text():
    assert normalize_doi(f"https://doi.org/{DOI}") == DOI
    assert normalize_doi("Some-Odd-DOI") == "Some-Odd-DOI"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2503.14895v1", ("2503.14895", 1)),
        ("arXiv:astro-ph/0601001", ("astro-ph/0601001", None)),
        ("https://arxiv.org/abs/math.GT/0309136v2", ("math.GT/0309136", 2)),
        ("0704.0001", ("0704.0001", None)),
        ("no id here", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_arxiv_id(text, expected):
    assert normalize_arxiv_id(text) == expected


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("title:abc123", Reference("title:abc123")),
        ("doi:not-a-doi", Reference("doi:not-a-doi")),
        ("something else", Reference("something else")),
        (f"http://dx.doi.org/{DOI}.", Reference(f"http://dx.doi.org/{DOI}.", doi=DOI)),
        (
            "10.48550/arXiv.2503.14895",
            Reference("10.48550/arXiv.2503.14895", arxiv_id=ARXIV_ID, doi="10.48550/arXiv.2503.14895"),
        ),
        ("arxiv.org/abs/2503.14895v4", Reference("arxiv.org/abs/2503.14895v4", arxiv_id=ARXIV_ID)),
    ],
)
def test_parse_reference(ref, expected):
    assert parse_reference(ref) == expected


def test_paper_module_reexports_normalize_arxiv_id():
    import sys

    from paperlab import paper as paper_module  # the function; the submodule is paperlab.paper in sys.modules

    assert callable(paper_module)
    assert sys.modules["paperlab.paper"].normalize_arxiv_id is normalize_arxiv_id

"""Semantic Scholar graph pages beyond search: recommendations, author papers, Author objects, and vcrpy
cassettes of recorded answers (paginated citations and references).

Own data (tests/data/semantic_scholar, new files written for these tests in the shapes of the Graph API; ids
are made up):
- ``recommendations.json``: ``{"recommendedPapers": [...]}``; ``author.json``: an Author object with three
  embedded ``papers`` (the last without a title); ``author_papers_page.json``: ``/author/{id}/papers``
  (``offset``, ``next``, ``data``); ``author_search.json``: an author search whose authors carry ``papers``.
- ``cassette_citations.yaml``: vcrpy (``response.body.string``, ``status.code``), two pages of ``citingPaper``;
  ``cassette_httpx.yaml``: the httpx recorder (``response.content``, ``status_code``), a references page with a
  paper S2 could not match (``paperId`` null) and a 404; ``cassette_gzip.yaml``: a gzip ``!!binary`` body.

Real files (``realdata``; ``$PAPERLAB_REALDATA/fixtures/semantic_scholar``, see PROVENANCE*.md there).
"""

from __future__ import annotations

import base64
import gzip
import warnings

import pytest
from paths import DATA, FIXTURES

import paperlab
from paperlab.errors import ParseError, PartialImportWarning
from paperlab.sources import detect_format
from paperlab.sources.semantic_scholar import parse_s2_cassette, parse_semantic_scholar, read_semantic_scholar

OWN = DATA / "semantic_scholar"
REAL = FIXTURES / "semantic_scholar"
PREFIX = "danielnsilva_semanticscholar"


def test_recommendations() -> None:
    papers = read_semantic_scholar(OWN / "recommendations.json")
    assert [p.title for p in papers] == ["A Recommended Paper", "Another Recommendation"]
    assert (papers[0].arxiv_id, papers[0].authors) == ("2402.00001", ["Fern Example"])
    assert (papers[1].doi, papers[1].journal_ref) == ("10.5555/paperlab.rec.2", "Journal of Examples")
    with pytest.raises(ParseError, match="'recommendedPapers': expected a list"):
        parse_semantic_scholar(b'{"recommendedPapers": {}}', "rec.json")


def test_author_object_gives_its_papers() -> None:
    with pytest.warns(PartialImportWarning) as caught:
        papers = read_semantic_scholar(OWN / "author.json")
    assert [p.title for p in papers] == ["First Paper of an Author", "Second Paper of an Author"]
    assert [p.sources[0].record for p in papers] == ["paper 1", "paper 2"]
    (problem,) = caught[0].message.problems  # type: ignore[union-attr]
    assert problem.where == "paper 3" and "expected a paper with a 'title'" in problem.message


def test_author_pages() -> None:
    page = read_semantic_scholar(OWN / "author_papers_page.json")
    assert [p.extra["paperId"][-1] for p in page] == ["1", "2"]
    found = read_semantic_scholar(OWN / "author_search.json")
    assert [p.sources[0].record for p in found] == ["record 1, paper 1", "record 2, paper 1", "record 2, paper 2"]
    # an authors page (no embedded papers) still names what it got instead of papers
    with pytest.raises(ParseError, match="got an author"):
        read_semantic_scholar(OWN / "paper_authors.json")


def test_cassette_pages_in_order() -> None:
    papers = read_semantic_scholar(OWN / "cassette_citations.yaml")
    assert [p.title for p in papers] == ["Citing Paper One", "Citing Paper Two", "Citing Paper Three"]
    assert [p.sources[0].record for p in papers] == [
        "interaction 1, record 1",
        "interaction 1, record 2",
        "interaction 2, record 1",
    ]
    assert all(p.extra["relation"] == "citing" for p in papers)


def test_httpx_cassette_with_an_error_answer() -> None:
    with pytest.warns(PartialImportWarning) as caught:
        papers = read_semantic_scholar(OWN / "cassette_httpx.yaml")
    assert [p.title for p in papers] == ["A Referenced Paper", "A Reference S2 Could Not Match"]
    assert "paperId" not in papers[1].extra and papers[1].extra["relation"] == "cited"
    (problem,) = caught[0].message.problems  # type: ignore[union-attr]
    assert problem.where == "interaction 2"
    assert problem.message.startswith("HTTP 404 answer: Paper with id 0 not found")


def test_gzip_cassette() -> None:
    (paper,) = read_semantic_scholar(OWN / "cassette_gzip.yaml")
    assert (paper.title, paper.arxiv_id) == ("A Gzipped Search Result", "2403.00009")


def test_cassette_problems() -> None:
    with pytest.raises(ParseError, match="expected a vcrpy YAML cassette with an 'interactions' list"):
        parse_s2_cassette(b"version: 1\n", "c.yaml")
    with pytest.raises(ParseError, match="YAML is broken") as info:
        parse_s2_cassette(b"interactions:\n- request: [\n", "c.yaml")
    assert info.value.source == "c.yaml" and info.value.where
    bomb = gzip.compress(b"[" + b" " * (80 * 1024 * 1024) + b"]")
    text = "interactions:\n- response:\n    body:\n      string: !!binary " + repr(base64.b64encode(bomb).decode())
    with pytest.raises(ParseError, match="at most"):
        parse_s2_cassette(text.encode(), "bomb.yaml")
    # an empty search alone gives no papers and no error
    empty = (
        b'interactions:\n- response:\n    body:\n      string: \'{"total": 0, "offset": 0}\'\n    status: {code: 200}\n'
    )
    assert parse_s2_cassette(empty, "empty.yaml") == []


def test_detection() -> None:
    for name in ("recommendations.json", "author.json", "author_papers_page.json", "cassette_httpx.yaml"):
        assert detect_format(OWN / name) == "semantic_scholar", name
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(paperlab.load(OWN / "cassette_citations.yaml", OWN / "recommendations.json")) == 5


# -- real files -------------------------------------------------------------------------------------


@pytest.mark.realdata
def test_real_references_cassette() -> None:
    papers = read_semantic_scholar(REAL / f"{PREFIX}_test_get_paper_references.yaml")
    assert len(papers) == 67  # two pages: 50 + 17
    assert (
        papers[0].title
        == "Group lending or individual lending? Evidence from a randomised field experiment in Mongolia"
    )
    assert papers[0].extra["paperId"] == "e945ca4fdcf45b1a118f1462db7afa12629a131f"
    assert sum("paperId" not in p.extra for p in papers) == 23  # references S2 could not match
    assert all(p.extra["relation"] == "cited" for p in papers)


@pytest.mark.realdata
def test_real_citations_cassette() -> None:
    path = REAL / f"{PREFIX}_test_get_paper_citations.yaml"
    assert detect_format(path) == "semantic_scholar"
    papers = read_semantic_scholar(path)
    assert len(papers) == 1881  # 18 pages of 100 and a last of 81 without "next"
    assert papers[0].extra["paperId"] == "344e7fb2000d9063cbc9deb550e46946bafe3c90"
    assert papers[-1].sources[0].record.startswith("interaction 19, record 81")


@pytest.mark.realdata
def test_real_author_papers_cassette() -> None:
    papers = read_semantic_scholar(REAL / f"{PREFIX}_test_get_author_papers.yaml")
    assert len(papers) == 875  # 8 pages of 100 and a last of 75
    assert papers[0].title == "SARS-CoV-2 hijacks p38β/MAPK11 to promote virus replication"


@pytest.mark.realdata
def test_real_recommendations_cassette() -> None:
    papers = read_semantic_scholar(REAL / f"{PREFIX}_test_get_recommended_papers.yaml")
    assert len(papers) == 100
    assert papers[0].title == (
        "Report shows slight improvement on grantmaker diversity, but compensation lagging behind inflation"
    )


@pytest.mark.realdata
def test_real_author_object() -> None:
    path = REAL / f"{PREFIX}_Author.json"
    assert detect_format(path) == "semantic_scholar"
    papers = read_semantic_scholar(path)
    assert len(papers) == 60
    assert papers[0].title == "Dystopian or Utopian? Two Images of Alan Turing"
    assert papers[-1].title == "Computing Machinery and Intelligence 1. the Imitation Game"


@pytest.mark.realdata
def test_real_batch_without_titles_names_what_it_needs() -> None:
    """``POST /paper/batch?fields=authors``: no record has a title, so no paper can be made."""
    with pytest.raises(ParseError, match=r"expected a paper with a 'title' \(request fields=title\)") as info:
        paperlab.load(REAL / f"{PREFIX}_test_get_papers.yaml")
    assert info.value.where == "interaction 1, record 1"

"""OpenAlex works: one Work, list responses, JSON lines and recorded cassettes.

Own data (tests/data/openalex, written for these tests in the shapes of ``api.openalex.org/works``; ids, names
and 10.5555 DOIs are made up):
- ``work.json``: an arXiv preprint (DOI 10.48550/arXiv.…, a repository as primary source) with an inverted
  abstract whose words repeat, two authorships (one author known only by ``raw_author_name``, one with two
  institutions), keywords and topics, referenced and related works.
- ``works_page.json``: ``{"meta", "results", "group_by"}`` with a journal article (``biblio`` volume, issue,
  pages; no PDF in the primary location but one in ``best_oa_location``; a null inverted index) and a work
  with only ``display_name``, a year and no location; ``works_bad.json``: one good work, one without a title,
  a string, one with a broken inverted index; ``works.jsonl``: one Work per line; ``cassette.yaml``: a vcrpy
  cassette with a list answer and a 404.

Real files (``realdata``; ``$PAPERLAB_REALDATA/fixtures/openalex``, see PROVENANCE-2.md there).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from paths import DATA, FIXTURES

import paperlab
from paperlab.errors import ParseError, PartialImportWarning
from paperlab.sources import detect_format
from paperlab.sources.openalex import abstract_from_inverted_index, parse_openalex, read_openalex

OWN = DATA / "openalex"
REAL = FIXTURES / "openalex"
WORK_2025 = REAL / "b-vitamins_openalex-python_W2741809807.json"
WORK_2026 = REAL / "pyopenalex_work_W2741809807_2026-03.json"
LIST = REAL / "pyopenalex_works_list.json"


def test_inverted_index_is_put_back_in_order() -> None:
    assert abstract_from_inverted_index({"b": [1, 3], "a": [0], "c": [2]}) == "a b c b"
    assert abstract_from_inverted_index({}) is None
    assert abstract_from_inverted_index(None) is None
    assert abstract_from_inverted_index({"gap": [0], "here": [5]}) == "gap here"  # unclaimed positions skipped
    for bad in ([1], {"w": 0}, {"w": [-1]}, {"w": ["0"]}, {"w": [True]}):
        with pytest.raises(ParseError, match="abstract_inverted_index"):
            abstract_from_inverted_index(bad)


def test_single_work() -> None:
    (paper,) = read_openalex(OWN / "work.json")
    assert paper.title == "Small Models, Long Contexts"
    assert (paper.doi, paper.arxiv_id) == ("10.48550/arXiv.2401.00123", "2401.00123")
    assert paper.authors == ["Ada Example", "Brook Sample"]
    assert paper.extra["affiliations"] == {"Ada Example": ["Example University", "Sample Institute"]}
    assert paper.abstract == "Small models read long contexts; larger models do too."
    assert (paper.published, paper.updated) == (dt.date(2024, 1, 2), dt.date(2025, 5, 6))
    assert paper.journal_ref is None  # arXiv is where it is kept, not a venue
    assert (paper.url, paper.pdf_url) == ("https://arxiv.org/abs/2401.00123", "https://arxiv.org/pdf/2401.00123")
    assert paper.keywords == ["Long context", "Language Models"]
    openalex = paper.extra["openalex"]
    assert openalex["id"] == "W9000000001"
    assert (openalex["type"], openalex["cited_by_count"], openalex["language"]) == ("preprint", 17, "en")
    assert openalex["referenced_works"] == ["W9000000002", "W9000000003"]
    assert openalex["related_works"] == ["W9000000004"]
    assert paper.sources[0].name == "openalex" and paper.sources[0].record == "work"


def test_list_response() -> None:
    article, bare = read_openalex(OWN / "works_page.json")
    assert article.journal_ref == "Journal of Examples 12(3), 101-118"
    assert (article.doi, article.abstract) == ("10.5555/paperlab.journal.2019", None)
    assert (article.url, article.pdf_url) == (
        "https://doi.org/10.5555/paperlab.journal.2019",
        "https://example.org/repo/1.pdf",
    )
    assert article.sources[0].record == "results[0]"
    assert bare.title == "Only a Year, No DOI"
    assert (bare.published, bare.doi, bare.journal_ref, bare.abstract) == (dt.date(1998, 1, 1), None, None, None)
    assert bare.url == "https://openalex.org/W9000000011"


def test_bad_works_are_skipped_and_named() -> None:
    with pytest.warns(PartialImportWarning) as caught:
        papers = read_openalex(OWN / "works_bad.json")
    assert [p.title for p in papers] == ["The Good Work"]
    problems = caught[0].message.problems  # type: ignore[union-attr]
    assert [p.where for p in problems] == ["results[1]", "results[2]", "results[3]"]
    assert "expected an OpenAlex Work with a 'display_name' or 'title'" in problems[0].message
    assert "expected an OpenAlex Work object, got str" in problems[1].message
    assert "expected a list of positions" in problems[2].message


def test_json_lines_and_cassette() -> None:
    papers = read_openalex(OWN / "works.jsonl")
    assert [(p.title, p.sources[0].record) for p in papers] == [
        ("First Line Work", "line 1"),
        ("Second Line Work", "line 2"),
    ]
    assert papers[0].abstract == "One line." and papers[1].doi == "10.5555/paperlab.jsonl"
    with pytest.warns(PartialImportWarning) as caught:
        (recorded,) = read_openalex(OWN / "cassette.yaml")
    assert (recorded.title, recorded.authors) == ("A Recorded Work", ["Eli Sample"])
    assert recorded.sources[0].record == "interaction 1, results[0]"
    (problem,) = caught[0].message.problems  # type: ignore[union-attr]
    assert problem.where == "interaction 2" and problem.message.startswith("HTTP 404 answer")


def test_not_openalex() -> None:
    with pytest.raises(ParseError, match="OpenAlex error response: nope"):
        parse_openalex(json.dumps({"error": "Invalid query", "message": "nope"}), "err.json")
    with pytest.raises(ParseError, match="expected an OpenAlex Work or list response, got int"):
        parse_openalex(b"3", "three.json")
    with pytest.raises(ParseError, match=r"'results': expected a list"):
        parse_openalex(b'{"meta": {}, "results": 3}', "r.json")
    assert parse_openalex(b'{"meta": {"count": 0}, "results": []}') == []


def test_other_entities_are_not_works_and_old_snapshots_have_host_venue() -> None:
    authors = {"meta": {"count": 1}, "results": [{"id": "https://openalex.org/A9000000001", "display_name": "Ada"}]}
    with pytest.raises(ParseError, match=r"expected an OpenAlex Work \(id W…\), got an author \(A9000000001\)"):
        parse_openalex(json.dumps(authors), "authors.json")
    old = {
        "id": "https://openalex.org/W9000000050",
        "display_name": "A 2022 Snapshot Work",
        "host_venue": {"display_name": "Journal of Examples", "url": "https://example.org/w50"},
        "biblio": {"volume": "7", "first_page": "5", "last_page": "5"},
    }
    (paper,) = parse_openalex(json.dumps(old))
    assert (paper.journal_ref, paper.url) == ("Journal of Examples 7, 5", "https://example.org/w50")


def test_detection() -> None:
    for name in ("work.json", "works_page.json", "works_bad.json", "works.jsonl", "cassette.yaml"):
        assert detect_format(OWN / name) == "openalex", name
    assert len(paperlab.load(OWN / "work.json", OWN / "works_page.json")) == 3


# -- real files -------------------------------------------------------------------------------------


@pytest.mark.realdata
@pytest.mark.parametrize(("path", "refs", "cited"), [(WORK_2025, 45, 962), (WORK_2026, 54, 1163)])
def test_real_single_work(path: Path, refs: int, cited: int) -> None:
    assert detect_format(path) == "openalex"
    (paper,) = paperlab.load(path)
    assert paper.title == "The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles"
    assert paper.doi == "10.7717/peerj.4375"
    assert paper.published == dt.date(2018, 2, 13)
    assert paper.authors[:3] == ["Heather Piwowar", "Jason Priem", "Vincent Larivière"]
    assert len(paper.authors) == 9 and paper.authors[-1] == "Stefanie Haustein"
    assert paper.journal_ref == "PeerJ 6, e4375"
    assert paper.abstract and paper.abstract.startswith("Despite growing interest in Open Access (OA) to scholarly")
    assert paper.abstract.endswith("to inform OA policy and practice.")
    assert len(paper.abstract.split()) == 258
    openalex = paper.extra["openalex"]
    assert (openalex["id"], len(openalex["referenced_works"]), openalex["cited_by_count"]) == (
        "W2741809807",
        refs,
        cited,
    )
    assert len(openalex["related_works"]) == 10


@pytest.mark.realdata
def test_real_list_response() -> None:
    assert detect_format(LIST) == "openalex"
    papers = read_openalex(LIST)
    assert [p.extra["openalex"]["id"] for p in papers] == ["W4392145873", "W4393935425"]
    assert papers[0].title == (
        "Two new Later Stone Age sites from the Final Pleistocene in the Falémé Valley, eastern Senegal"
    )
    assert [p.doi for p in papers] == ["10.3929/ethz-b-000667478", "10.3322/caac.21834"]
    assert papers[1].title.startswith("Global cancer statistics 2022: GLOBOCAN estimates")

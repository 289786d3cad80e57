"""Semantic Scholar: JSON import and the live client (against tests/fakeserver.py).

Own data (tests/data/semantic_scholar, written for these tests in the shapes of the Graph API; titles, names and
ids such as DOIs and arXiv ids are facts or plainly made up, abstracts and summaries are ours):
- ``search_page.json``: a search page (total, offset, ``next`` 4) of 4 papers with only paperId and title;
  ``match_title.json``: a ``/paper/search/match`` answer (``data`` only, with ``matchScore``);
  ``empty.json``: an empty search (``total`` and ``offset``, no ``data``).
- ``batch.json``: a ``POST /paper/batch`` answer: ``null`` for an unknown id, a DOI-only journal paper with
  ``openAccessPdf`` and ``citationStyles``, an arXiv paper without ``openAccessPdf`` and venue ``arXiv.org``,
  and a paper with ``publicationDate`` null (only ``year``), no PDF, empty venue and a null abstract.
- ``paper_details.json``: one paper with ``tldr``, ``journal`` (name, volume, pages), an ``embedding`` and nested
  ``citations`` / ``references``.
- ``citation.json``: one ``citingPaper`` item; ``references_page.json``: a page of ``citedPaper`` items (one
  with an arXiv id and a journal without a name, one with a title only).
- ``venue_only.json`` (a search asked only for ``venue``: no titles), ``paper_authors.json`` (an authors page),
  ``errors/*.json``: S2 error bodies (``{"error": ...}`` / ``{"message": ...}``).

Recorded real responses (``@pytest.mark.realdata``): danielnsilva/semanticscholar (MIT) tests/data @ a0e9eb9 in
``$PAPERLAB_REALDATA/fixtures/semantic_scholar``, see PROVENANCE.md there. The vcrpy YAML cassettes are real
recorded API responses; their bodies are parsed here.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml
from fakeserver import Fault
from paths import DATA, FIXTURES

import paperlab
from paperlab.errors import FetchError, ParseError, PartialImportWarning
from paperlab.sources import detect_format
from paperlab.sources._http import HttpClient
from paperlab.sources.semantic_scholar import (
    SemanticScholarClient,
    parse_semantic_scholar,
    read_semantic_scholar,
    s2_paper_id,
)

S2 = FIXTURES / "semantic_scholar" / "danielnsilva_semanticscholar"
TURING = S2 / "Paper_full_details_turing1950_at_eea1c0b.json"

OWN = DATA / "semantic_scholar"
SEARCH = OWN / "search_page.json"
MATCH = OWN / "match_title.json"
EMPTY = OWN / "empty.json"
BATCH = OWN / "batch.json"
DETAILS = OWN / "paper_details.json"
CITATION = OWN / "citation.json"
REFERENCES = OWN / "references_page.json"
ERRORS = OWN / "errors"
# the ids a client asked the batch endpoint for, in the order of batch.json (the first is unknown to S2)
BATCH_IDS = ["CorpusId:4242", "10.1145/3065386", "arXiv:1406.2661", "10.5555/paperlab.test.0001"]


def cassette(name: str, index: int = 0) -> dict[str, Any]:
    """Status, body and request of one recorded interaction of a vcrpy cassette."""
    data = yaml.safe_load((S2 / name).read_text(encoding="utf-8"))
    interaction = data["interactions"][index]
    resp = interaction["response"]
    # vcrpy stores the body in response.body.string; test_bad_query_parameters.yaml in response.content
    body = resp["body"]["string"] if "body" in resp else resp["content"]
    status = resp["status"]["code"] if "status" in resp else resp["status_code"]
    return {
        "status": status,
        "body": body.encode("utf-8") if isinstance(body, str) else body,
        "uri": interaction["request"]["uri"],
        "method": interaction["request"]["method"],
        "request_body": interaction["request"]["body"],
    }


# -- parsing our own files -------------------------------------------------------------------
def test_own_search_page_papers() -> None:
    papers = read_semantic_scholar(SEARCH)
    assert [p.title for p in papers] == [
        "Deep Residual Learning for Image Recognition",
        "Quantum theory, the Church\u2013Turing principle and the universal quantum computer",
        "Neural Turing Machines",
        "Turing patterns in multiplex networks.",
    ]
    first = papers[0]
    assert first.extra == {"paperId": "0a1b2c3d4e5f60718293a4b5c6d7e8f901234501"}
    assert first.url == "https://www.semanticscholar.org/paper/0a1b2c3d4e5f60718293a4b5c6d7e8f901234501"
    assert first.id.startswith("title:")  # only paperId and title were requested
    assert first.authors == [] and first.published is None and first.pdf_url is None
    assert {s.name for p in papers for s in p.sources} == {"semantic_scholar"}
    assert papers[-1].sources[0].record == "record 4"
    assert papers[-1].sources[0].location == str(SEARCH)


def test_own_empty_result_without_data_key() -> None:
    body = EMPTY.read_bytes()
    assert json.loads(body) == {"total": 0, "offset": 0}
    assert parse_semantic_scholar(body) == []
    assert read_semantic_scholar(EMPTY) == []


def test_own_batch_with_null_for_unknown_id() -> None:
    assert json.loads(BATCH.read_text(encoding="utf-8"))[0] is None
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a null position is "not found", not a bad record
        papers = read_semantic_scholar(BATCH)
    assert len(papers) == 3
    alexnet, gan, trial = papers
    assert alexnet.title == "ImageNet classification with deep convolutional neural networks"
    assert alexnet.authors == ["A. Krizhevsky", "Ilya Sutskever", "Geoffrey E. Hinton"]  # doubled space collapsed
    assert alexnet.doi == "10.1145/3065386" and alexnet.id == "doi:10.1145/3065386"
    assert alexnet.arxiv_id is None
    assert alexnet.pdf_url == "https://example.org/pdfs/alexnet.pdf"  # openAccessPdf.url
    assert alexnet.journal_ref == "Communications of the ACM 60, 84 - 90"
    assert str(alexnet.published) == "2017-05-24"
    assert alexnet.abstract == (
        "A large convolutional network, trained on two GPUs with dropout and non-saturating units, wins an image "
        "classification contest by a wide margin."
    )
    assert alexnet.extra["citationCount"] == 2048 and alexnet.extra["corpusId"] == 195908774
    assert alexnet.extra["referenceCount"] == 12 and alexnet.extra["influentialCitationCount"] == 300
    assert alexnet.extra["fieldsOfStudy"] == ["Computer Science"]
    assert alexnet.extra["publicationTypes"] == ["JournalArticle"]
    assert alexnet.sources[0].record == "record 2"  # position in the batch, the null was record 1
    assert "citationStyles" not in alexnet.extra and "publicationVenue" not in alexnet.extra
    # an arXiv paper: its id, the arXiv PDF when openAccessPdf is null, no journal_ref from venue "arXiv.org"
    assert gan.title == "Generative Adversarial Nets" and len(gan.authors) == 4
    assert gan.arxiv_id == "1406.2661" and gan.id == "1406.2661" and gan.doi is None
    assert gan.pdf_url == "https://arxiv.org/pdf/1406.2661"
    assert gan.journal_ref is None
    assert gan.extra["corpusId"] == 1033682  # from externalIds.CorpusId
    # publicationDate null: 1 January of 'year'; openAccessPdf null and no arXiv id: no PDF
    assert str(trial.published) == "2023-01-01" and trial.pdf_url is None and trial.journal_ref is None
    assert trial.abstract is None and trial.authors == ["R. Reader"]
    assert "venue" not in trial.extra  # empty values are not kept


def test_own_match_title_keeps_match_score() -> None:
    [p] = read_semantic_scholar(MATCH)
    assert p.title == "Mining association rules between sets of items in large databases"
    assert p.extra["matchScore"] == pytest.approx(87.25)


def test_own_full_details() -> None:
    [p] = read_semantic_scholar(DETAILS)
    assert p.title == "A Mathematical Theory of Communication"
    assert p.authors == ["C. Shannon"]
    assert p.doi == "10.1002/J.1538-7305.1948.TB01338.X"
    assert p.id == "doi:10.1002/j.1538-7305.1948.tb01338.x"
    assert p.arxiv_id is None
    # tldr.text, its line wrap joined
    assert p.ai_summary == (
        "Information can be measured, and a noisy channel has a capacity below which reliable communication is "
        "possible."
    )
    assert p.journal_ref == "Bell System Technical Journal 27, 379-423"
    assert str(p.published) == "1948-07-01" and p.year == 1948
    assert p.abstract.startswith("We ask how much information a noisy channel can carry")
    assert p.url == "https://www.semanticscholar.org/paper/0a1b2c3d4e5f60718293a4b5c6d7e8f901234521"
    assert p.pdf_url is None  # isOpenAccess false, no openAccessPdf
    assert p.sources[0].record == "paper"
    assert {
        k: p.extra[k]
        for k in ("paperId", "corpusId", "citationCount", "referenceCount", "influentialCitationCount", "venue")
    } == {
        "paperId": "0a1b2c3d4e5f60718293a4b5c6d7e8f901234521",
        "corpusId": 55379485,
        "citationCount": 50000,
        "referenceCount": 5,
        "influentialCitationCount": 4000,
        "venue": "Bell System Technical Journal",
    }
    # neither the SPECTER embedding nor the nested citations / references ride along
    wire = p.to_json()
    assert "embedding" not in wire and "specter_v1" not in wire
    assert "citations" not in p.extra and "references" not in p.extra and "s2FieldsOfStudy" not in p.extra
    assert "Elements of Information Theory" not in wire  # first of the citing papers
    assert "Transmission of Information" not in wire  # the reference


def test_own_citation_and_reference_wrappers() -> None:
    [citing] = read_semantic_scholar(CITATION)
    assert citing.title == "Polar Codes for Journal Club Channels"
    assert citing.authors == ["A. Author", "B. Author"]
    assert citing.doi == "10.1109/TIT.2021.0000001"
    assert citing.journal_ref == "IEEE Transactions on Information Theory 67, 1-12"
    assert citing.extra["relation"] == "citing" and citing.extra["isInfluential"] is True
    assert citing.extra["intents"] == ["result", "background", "methodology"]
    assert "contexts" not in citing.extra
    cited, bare = read_semantic_scholar(REFERENCES)
    assert cited.arxiv_id == "1312.6114" and cited.id == "1312.6114"
    assert cited.pdf_url == "https://arxiv.org/pdf/1312.6114"  # openAccessPdf null, arXiv id known
    assert cited.journal_ref == "International Conference on Learning Representations"  # journal has no name
    assert cited.extra["relation"] == "cited" and cited.extra["isInfluential"] is False
    assert cited.extra["intents"] == ["background"]
    assert [s.record for s in (cited.sources[0], bare.sources[0])] == ["record 1", "record 2"]
    assert bare.title == "Transmission of Information" and "intents" not in bare.extra  # empty intents dropped
    # a /paper/{id}/citations page holding both kinds of item
    page = {
        "offset": 0,
        "data": [json.loads(CITATION.read_text(encoding="utf-8")), json.loads(REFERENCES.read_text())["data"][0]],
    }
    assert [p.title for p in parse_semantic_scholar(page)] == [citing.title, cited.title]


def test_own_records_without_title_are_reported() -> None:
    # the venue search asked only for fields=venue: no record is a usable paper
    with pytest.raises(ParseError, match=r"venue_only\.json, record 1: no usable Semantic Scholar papers.*title"):
        read_semantic_scholar(OWN / "venue_only.json")
    with pytest.raises(ParseError, match="got an author 1741101"):
        read_semantic_scholar(OWN / "paper_authors.json")
    # one bad record among good ones: kept the rest, warned naming it
    batch = json.loads(BATCH.read_text(encoding="utf-8"))
    batch[2] = "oops"
    with pytest.warns(PartialImportWarning, match=r"batch\.json, record 3: expected a JSON object") as rec:
        papers = parse_semantic_scholar(batch, source="batch.json")
    assert len(papers) == 2 and rec[0].message.kept == 2  # type: ignore[union-attr]


def test_own_error_bodies_raise_parse_error() -> None:
    with pytest.raises(ParseError, match="Semantic Scholar error response: Paper with id 0 not found"):
        read_semantic_scholar(ERRORS / "not_found.json")
    with pytest.raises(ParseError, match=r"Unrecognized or unsupported fields: \[unknown\]"):
        read_semantic_scholar(ERRORS / "bad_fields.json")
    with pytest.raises(ParseError, match="Semantic Scholar error response: Forbidden"):
        read_semantic_scholar(ERRORS / "forbidden.json")
    with pytest.raises(ParseError, match="line 1: not valid JSON"):
        parse_semantic_scholar(b'{"data": [', source="x.json")
    with pytest.raises(ParseError, match="got an object with keys"):
        parse_semantic_scholar({"unexpected": 1})
    with pytest.raises(ParseError, match="'data': expected a list"):
        parse_semantic_scholar({"data": {"title": "x"}})


def test_own_load_detects_semantic_scholar_json() -> None:
    for path in (SEARCH, MATCH, BATCH, EMPTY, DETAILS, CITATION, REFERENCES):
        assert detect_format(path) == "semantic_scholar", path
    lib = paperlab.load(BATCH, DETAILS, EMPTY)
    assert len(lib) == 4
    assert lib["doi:10.1002/j.1538-7305.1948.tb01338.x"].ai_summary.startswith("Information can be measured")
    assert len(paperlab.load(SEARCH)) == 4


# -- parsing the recorded real responses --------------------------------------------------------------------------------
@pytest.mark.realdata
def test_search_page_100_papers() -> None:
    papers = parse_semantic_scholar(cassette("test_search_paper.yaml")["body"], source="search.json")
    assert len(papers) == 100
    first = papers[0]
    assert first.title == (
        "Using DeepSpeed and Megatron to Train Megatron-Turing NLG 530B, A Large-Scale Generative Language Model"
    )
    assert first.extra == {"paperId": "7cbc2a7843411a1768ab762930707af0a3c33a19"}
    assert first.url == "https://www.semanticscholar.org/paper/7cbc2a7843411a1768ab762930707af0a3c33a19"
    assert first.id.startswith("title:")  # only paperId and title were requested
    assert papers[1].title == "Quantum theory, the Church\u2013Turing principle and the universal quantum computer"
    assert papers[4].title == "Neural Turing Machines"
    assert papers[-1].title == "Turing patterns in multiplex networks."
    assert {s.name for p in papers for s in p.sources} == {"semantic_scholar"}
    assert papers[-1].sources[0].record == "record 100"


@pytest.mark.realdata
def test_empty_result_without_data_key() -> None:
    body = cassette("test_empty_paginated_results.yaml")["body"]
    assert json.loads(body) == {"total": 0, "offset": 0}
    assert parse_semantic_scholar(body) == []


@pytest.mark.realdata
def test_batch_with_null_for_unknown_id() -> None:
    body = cassette("test_get_papers_not_found_warning.yaml")["body"]
    assert json.loads(body)[0] is None
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a null position is "not found", not a bad record
        papers = parse_semantic_scholar(body, source="batch.json")
    assert len(papers) == 3
    did, micro, audits = papers
    assert did.title == "How Much Should We Trust Differences-in-Differences Estimates?"
    assert did.authors == ["Marianne Bertrand", "E. Duflo", "S. Mullainathan"]
    assert did.doi == "10.2139/ssrn.288970" and did.id == "doi:10.2139/ssrn.288970"
    assert did.pdf_url == "http://papers.nber.org/papers/w8841.pdf"
    assert did.journal_ref == "Experimental & Empirical Studies eJournal"
    assert str(did.published) == "2001-10-01"
    assert did.extra["citationCount"] == 10670 and did.extra["corpusId"] == 470667
    assert did.sources[0].record == "record 2"  # position in the batch, the null was record 1
    assert "citationStyles" not in did.extra
    assert micro.title == "The Miracle of Microfinance? Evidence from a Randomized Evaluation"
    assert len(micro.authors) == 4
    # publicationDate null: 1 January of 'year'; openAccessPdf null and no arXiv id: no PDF
    assert str(audits.published) == "2023-01-01" and audits.pdf_url is None and audits.journal_ref is None


@pytest.mark.realdata
def test_match_title_keeps_match_score() -> None:
    [p] = parse_semantic_scholar(cassette("test_search_paper_match_title.yaml")["body"])
    assert p.title == "Mining association rules between sets of items in large databases"
    assert p.extra["matchScore"] == pytest.approx(109.55098)


@pytest.mark.realdata
def test_turing_full_details() -> None:
    [p] = read_semantic_scholar(TURING)
    assert p.title == "Computing Machinery and Intelligence"
    assert p.authors == ["A. Turing"]
    assert p.doi == "10.1093/MIND/LIX.236.433" and p.id == "doi:10.1093/mind/lix.236.433"
    assert p.arxiv_id is None
    assert p.ai_summary == (
        "The question, \u201cCan machines think?\u201d is considered, and the question is "
        "replaced by another, which is closely related to it and is expressed in "
        "relatively unambiguous words."
    )
    assert p.journal_ref == "Mind LIX, 433-460"
    assert str(p.published) == "1950-10-01" and p.year == 1950
    assert p.abstract.startswith("I propose to consider the question, \u201cCan machines think?\u201d")
    assert p.url == "https://www.semanticscholar.org/paper/2d5673caa9e6af3a7b82a43f19ee920992db07ad"
    assert p.pdf_url is None  # isOpenAccess false, no openAccessPdf
    assert {
        k: p.extra[k]
        for k in ("paperId", "corpusId", "citationCount", "referenceCount", "influentialCitationCount", "venue")
    } == {
        "paperId": "2d5673caa9e6af3a7b82a43f19ee920992db07ad",
        "corpusId": 14636783,
        "citationCount": 8419,
        "referenceCount": 16,
        "influentialCitationCount": 483,
        "venue": "The Philosophy of Artificial Intelligence",
    }
    # neither the SPECTER embedding nor the 1000 citations / 16 references ride along
    wire = p.to_json()
    assert len(wire) < 5000
    assert "embedding" not in wire and "citations" not in p.extra and "references" not in p.extra
    assert "Deep learning for power quality" not in wire  # first of the 1000 citing papers


@pytest.mark.realdata
def test_citation_and_reference_wrappers() -> None:
    [citing] = read_semantic_scholar(S2 / "Citation.json")
    assert citing.title == "Learning to Throw With a Handful of Samples Using Decision Transformers"
    assert citing.authors == ["M. Monastirsky", "Osher Azulay", "A. Sintov"]
    assert citing.doi == "10.1109/LRA.2022.3229266"
    assert citing.journal_ref == "IEEE Robotics and Automation Letters 8, 576-583"
    assert citing.extra["relation"] == "citing" and citing.extra["isInfluential"] is True
    assert citing.extra["intents"] == ["result", "background", "methodology"]
    [cited] = read_semantic_scholar(S2 / "Reference.json")
    assert cited.arxiv_id == "1402.0030" and cited.id == "1402.0030"
    assert cited.pdf_url == "https://arxiv.org/pdf/1402.0030"  # openAccessPdf null, arXiv id known
    assert cited.journal_ref == "International Conference on Machine Learning"  # journal has no name
    assert cited.extra["relation"] == "cited" and cited.extra["isInfluential"] is False
    # the /paper/{id}/citations page shape: {"offset", "data": [citation, ...]}
    page = {
        "offset": 0,
        "data": [json.loads((S2 / f).read_text(encoding="utf-8")) for f in ("Citation.json", "Reference.json")],
    }
    assert [p.title for p in parse_semantic_scholar(page)] == [citing.title, cited.title]


@pytest.mark.realdata
def test_records_without_title_are_reported() -> None:
    # the venue search asked only for fields=venue: no record is a usable paper
    with pytest.raises(ParseError, match=r"venue\.json, record 1: no usable Semantic Scholar papers.*title"):
        parse_semantic_scholar(cassette("test_search_paper_venue.yaml")["body"], source="venue.json")
    with pytest.raises(ParseError, match="got an author 2259683"):
        parse_semantic_scholar(cassette("test_get_paper_authors.yaml")["body"])
    # one bad record among good ones: kept the rest, warned naming it
    batch = json.loads(cassette("test_get_papers_not_found_warning.yaml")["body"])
    batch[2] = "oops"
    with pytest.warns(PartialImportWarning, match=r"batch\.json, record 3: expected a JSON object") as rec:
        papers = parse_semantic_scholar(batch, source="batch.json")
    assert len(papers) == 2 and rec[0].message.kept == 2  # type: ignore[union-attr]


@pytest.mark.realdata
def test_error_bodies_raise_parse_error() -> None:
    with pytest.raises(ParseError, match="Semantic Scholar error response: Paper with id 0 not found"):
        parse_semantic_scholar(cassette("test_not_found.yaml")["body"])
    bad = cassette("test_bad_query_parameters.yaml")  # body in response.content
    assert bad["status"] == 400
    with pytest.raises(ParseError, match=r"Unrecognized or unsupported fields: \[unknown\]"):
        parse_semantic_scholar(bad["body"])
    with pytest.raises(ParseError, match="line 1: not valid JSON"):
        parse_semantic_scholar(b'{"data": [', source="x.json")


@pytest.mark.realdata
def test_load_detects_semantic_scholar_json(tmp_path: Path) -> None:
    search = tmp_path / "search.json"
    search.write_bytes(cassette("test_search_paper.yaml")["body"])
    batch = tmp_path / "batch.json"
    batch.write_bytes(cassette("test_get_papers_not_found_warning.yaml")["body"])
    empty = tmp_path / "empty.json"
    empty.write_bytes(cassette("test_empty_paginated_results.yaml")["body"])
    for path in (search, batch, empty, TURING, S2 / "Citation.json"):
        assert detect_format(path) == "semantic_scholar", path
    lib = paperlab.load(batch, TURING, empty)
    assert len(lib) == 4
    assert lib["doi:10.1093/mind/lix.236.433"].ai_summary.startswith("The question")
    assert len(paperlab.load(search)) == len({p.id for p in parse_semantic_scholar(search.read_bytes())})


def test_s2_paper_id_forms() -> None:
    assert s2_paper_id("arXiv:2106.15928") == "ARXIV:2106.15928"
    assert s2_paper_id("2106.15928v2") == "ARXIV:2106.15928"
    assert s2_paper_id("https://arxiv.org/abs/2106.15928") == "ARXIV:2106.15928"
    assert s2_paper_id("10.1093/mind/lix.236.433") == "DOI:10.1093/mind/lix.236.433"
    assert s2_paper_id("https://doi.org/10.1093/mind/lix.236.433") == "DOI:10.1093/mind/lix.236.433"
    assert s2_paper_id("CorpusId:470667") == "CorpusId:470667"
    sha = "0f40b1f08821e22e859c6050916cec3667778613"
    assert s2_paper_id(sha) == sha


# -- live client (our own response bodies) --------------------------------------------------------
def _client(fake_server: Any, **kw: Any) -> tuple[SemanticScholarClient, list[float]]:
    waits: list[float] = []
    http = HttpClient(retries=3, backoff=0.01, max_backoff=5.0, timeout=2.0, sleep=waits.append)
    return SemanticScholarClient(base_url=f"{fake_server.url}/graph/v1", http=http, **kw), waits


def _headers(request: tuple[Any, ...]) -> dict[str, str]:
    return {k.lower(): v for k, v in request[3].items()}


def test_client_search_pages_with_offset_and_next(fake_server) -> None:
    page1 = SEARCH.read_bytes()  # total 2417, next 4
    page2 = MATCH.read_bytes()  # one paper, no next
    fake_server.route("/graph/v1/paper/search", page1, match=lambda q: q["offset"] == ["0"])
    fake_server.route("/graph/v1/paper/search", page2, match=lambda q: q["offset"] == ["4"])
    client, _ = _client(fake_server)
    papers = client.search("turing", limit=6, year="2020-2023")
    assert len(papers) == 5
    assert papers[0].title == "Deep Residual Learning for Image Recognition"
    assert papers[-1].title == "Mining association rules between sets of items in large databases"
    queries = [r[2] for r in fake_server.requests_to("/graph/v1/paper/search")]
    assert [(q["offset"], q["limit"]) for q in queries] == [(["0"], ["6"]), (["4"], ["2"])]
    assert queries[0]["query"] == ["turing"] and queries[0]["year"] == ["2020-2023"]
    assert queries[0]["fields"] == [SemanticScholarClient.SEARCH_FIELDS]
    assert len(client.search("turing", limit=5, fields=["venue"])) == 5  # 4 on the first page, 1 on the next
    again = [r[2] for r in fake_server.requests_to("/graph/v1/paper/search")[2:]]
    assert [(q["fields"], q["offset"], q["limit"]) for q in again] == [
        (["title,venue"], ["0"], ["5"]),
        (["title,venue"], ["4"], ["1"]),
    ]
    with pytest.raises(ValueError, match="empty search query"):
        client.search("  ")


def test_client_search_stops_at_limit(fake_server) -> None:
    fake_server.route("/graph/v1/paper/search", SEARCH.read_bytes())
    client, _ = _client(fake_server)
    papers = client.search("turing", limit=3)
    assert [p.title for p in papers] == [
        "Deep Residual Learning for Image Recognition",
        "Quantum theory, the Church\u2013Turing principle and the universal quantum computer",
        "Neural Turing Machines",
    ]
    assert len(fake_server.requests_to("/graph/v1/paper/search")) == 1


def test_client_search_empty_result(fake_server) -> None:
    fake_server.route("/graph/v1/paper/search", EMPTY.read_bytes())
    client, _ = _client(fake_server)
    assert client.search("n0 r3sult s3arch t3rm") == []
    assert len(fake_server.requests_to("/graph/v1/paper/search")) == 1


def test_client_paper_by_doi_and_arxiv_id(fake_server) -> None:
    fake_server.route("/graph/v1/paper/DOI:10.1002/j.1538-7305.1948.tb01338.x", DETAILS.read_bytes())
    reference = json.loads(REFERENCES.read_text(encoding="utf-8"))["data"][0]["citedPaper"]
    fake_server.route("/graph/v1/paper/ARXIV:1312.6114", json.dumps(reference))
    client, _ = _client(fake_server)
    shannon = client.paper("10.1002/j.1538-7305.1948.tb01338.x")
    assert shannon.title == "A Mathematical Theory of Communication" and shannon.ai_summary
    req = fake_server.requests_to("/graph/v1/paper/DOI:10.1002/j.1538-7305.1948.tb01338.x")[0]
    assert req[2]["fields"] == [SemanticScholarClient.PAPER_FIELDS] and "tldr" in req[2]["fields"][0]
    assert "x-api-key" not in _headers(req)  # no key, no header
    vae = client.paper("arXiv:1312.6114")
    assert vae.arxiv_id == "1312.6114"


def test_client_paper_with_empty_answer_raises(fake_server) -> None:
    fake_server.route("/graph/v1/paper/CorpusId:1", EMPTY.read_bytes())
    client, _ = _client(fake_server)
    with pytest.raises(FetchError, match="returned no paper for 'CorpusId:1'"):
        client.paper("CorpusId:1")


def test_client_sends_api_key(fake_server) -> None:
    fake_server.route("/graph/v1/paper/search", SEARCH.read_bytes())
    client, _ = _client(fake_server, api_key="F@k3K3y")
    client.search("turing", limit=3)
    assert _headers(fake_server.requests_to("/graph/v1/paper/search")[0])["x-api-key"] == "F@k3K3y"
    assert "F@k3K3y" not in repr(client)


def test_client_batch_posts_ids_and_names_missing(fake_server) -> None:
    fake_server.route("/graph/v1/paper/batch", BATCH.read_bytes())
    client, _ = _client(fake_server, api_key="k")
    with pytest.warns(PartialImportWarning, match="CorpusId:4242: not found") as w:
        papers = client.papers(BATCH_IDS)
    assert [p.id for p in papers] == ["doi:10.1145/3065386", "1406.2661", "doi:10.5555/paperlab.test.0001"]
    assert w[0].message.kept == 3  # type: ignore[union-attr]
    [(path, query, body)] = fake_server.posts
    assert path == "/graph/v1/paper/batch"
    assert body == {
        "ids": ["CorpusId:4242", "DOI:10.1145/3065386", "ARXIV:1406.2661", "DOI:10.5555/paperlab.test.0001"]
    }
    assert query["fields"] == [SemanticScholarClient.SEARCH_FIELDS]
    assert _headers(fake_server.requests_to("/graph/v1/paper/batch")[0])["x-api-key"] == "k"
    assert client.papers([]) == [] and len(fake_server.posts) == 1  # nothing asked, nothing sent


def test_client_batch_of_wrong_length_raises(fake_server) -> None:
    fake_server.route("/graph/v1/paper/batch", BATCH.read_bytes())  # 4 items for 2 ids
    client, _ = _client(fake_server)
    with pytest.raises(FetchError, match="expected a JSON list of 2 items"):
        client.papers(BATCH_IDS[:2])


def test_client_batch_all_missing_raises(fake_server) -> None:
    fake_server.route("/graph/v1/paper/batch", b"[null]")
    client, _ = _client(fake_server)
    with pytest.raises(FetchError, match="none of the 1 ids"):
        client.papers(["CorpusId:4242"])


def test_client_errors_carry_s2_message(fake_server) -> None:
    fake_server.route("/graph/v1/paper/0", (ERRORS / "not_found.json").read_bytes(), status=404)
    fake_server.route("/graph/v1/paper/batch", (ERRORS / "forbidden.json").read_bytes(), status=403)
    fake_server.route(
        "/graph/v1/paper/DOI:10.1002/j.1538-7305.1948.tb01338.x", (ERRORS / "bad_fields.json").read_bytes(), status=400
    )
    client, waits = _client(fake_server)
    with pytest.raises(FetchError, match="HTTP 404: Paper with id 0 not found") as info:
        client.paper("0")
    assert info.value.status == 404 and info.value.url.startswith(f"{fake_server.url}/graph/v1/paper/0?fields=")
    with pytest.raises(FetchError, match="HTTP 403: Forbidden"):
        client.papers(["CorpusId:470667"])
    with pytest.raises(FetchError, match=r"HTTP 400: Unrecognized or unsupported fields: \[unknown\]"):
        client.paper("10.1002/j.1538-7305.1948.tb01338.x", fields="unknown")
    assert waits == []  # 4xx other than 429 are not retried
    assert len(fake_server.requests) == 3


def test_client_retries_429_and_bad_json(fake_server) -> None:
    fake_server.route("/graph/v1/paper/search", SEARCH.read_bytes())
    fake_server.fail(
        "/graph/v1/paper/search",
        Fault("status", 429, headers={"Retry-After": "2"}),
        Fault("empty", body=b'{"total": 2417, "offset": 0, "data": [{"paperId'),
    )
    client, waits = _client(fake_server)
    papers = client.search("turing", limit=4)
    assert len(papers) == 4
    assert waits == [2.0, 0.02]  # Retry-After, then the doubled backoff
    assert len(fake_server.requests_to("/graph/v1/paper/search")) == 3


def test_client_post_429_retried(fake_server) -> None:
    fake_server.route("/graph/v1/paper/batch", BATCH.read_bytes())
    fake_server.fail("/graph/v1/paper/batch", Fault("status", 429))
    client, waits = _client(fake_server)
    with pytest.warns(PartialImportWarning):
        papers = client.papers(BATCH_IDS)
    assert len(papers) == 3 and waits == [0.01]
    assert len(fake_server.posts) == 2 and fake_server.posts[0][2] == fake_server.posts[1][2]


def test_post_cache_is_keyed_by_body(fake_server, tmp_path: Path) -> None:
    found = json.loads(BATCH.read_text(encoding="utf-8"))[1:]  # the three found papers
    fake_server.route("/graph/v1/paper/batch", json.dumps(found))
    http = HttpClient(retries=0, cache_dir=tmp_path)
    url = f"{fake_server.url}/graph/v1/paper/batch"
    first = http.post(url, {"fields": "title"}, json={"ids": ["a", "b", "c"]})
    again = http.post(url, {"fields": "title"}, json={"ids": ["a", "b", "c"]})
    other = http.post(url, {"fields": "title"}, json={"ids": ["d"]})
    assert not first.from_cache and again.from_cache and not other.from_cache
    assert again.content == first.content
    assert [body for _, _, body in fake_server.posts] == [{"ids": ["a", "b", "c"]}, {"ids": ["d"]}]
    assert len(http.get(url, {"fields": "title"}, ok_statuses=frozenset({200})).json()) == 3  # GET: own entry
    assert len(fake_server.posts) == 2 and len(fake_server.requests) == 3

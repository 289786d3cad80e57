"""A work's year is the earliest credible one among Semantic Scholar's fields: S2 gives Turing's 1936-37
*On computable numbers* as ``"year": 2021`` / ``"publicationDate": "2021-02-02"`` (a reprint), while its DBLP key
``journals/x/Turing37`` keeps the journal's year; the graph view coloured it as 2021.

Our own S2-shaped answers first (a references page of the Graph API), then the recorded real Turing 1950 details
(``$PAPERLAB_REALDATA/fixtures/semantic_scholar``) and the notebook's citation cache built from them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from paths import FIXTURES, ROOT

from paperlab import Library, Paper
from paperlab.citations.graph import citation_graph
from paperlab.sources._s2_dates import dblp_year, s2_date
from paperlab.sources.s2_graph import parse_link_page
from paperlab.store import Store
from paperlab.store.citations import CitationCache

TODAY = dt.date(2026, 11, 29)


def _cited(**fields: object) -> dict[str, object]:
    return {"citedPaper": {"paperId": "p" + str(len(fields)), "title": "A cited work", **fields}}


def test_dblp_key_years_and_their_century() -> None:
    assert dblp_year("journals/x/Turing37", TODAY) == 1937  # 2037 would be in the future
    assert dblp_year("conf/nips/VaswaniSPUJGKP17", TODAY) == 2017
    assert dblp_year("books/sp/22/Nida-Rumelin22", TODAY) == 2022
    assert dblp_year("journals/x/Smith27a", TODAY) == 2027  # next year's issue is possible
    assert dblp_year("journals/corr/abs-1706-03762", TODAY) is None  # arXiv's keys carry no publication year
    assert dblp_year("homepages/t/AlanTuring", TODAY) is None
    assert dblp_year("conf/iclr/2021", TODAY) is None  # a proceedings volume, not a paper


def test_reprint_year_gives_way_to_the_earlier_dblp_year() -> None:
    page = {
        "offset": 0,
        "data": [
            _cited(
                year=2021,
                publicationDate="2021-02-02",
                externalIds={"DBLP": "journals/x/Turing37", "DOI": "10.1112/plms/s2-42.1.230"},
            ),
            _cited(year=2017, publicationDate="2017-06-12", externalIds={"DBLP": "conf/nips/VaswaniSPUJGKP17"}),
            _cited(year=2021, publicationDate="2021-12-20", externalIds={"DBLP": "journals/jbd/KhalilP22"}),
            _cited(year=1950),
        ],
    }
    links, _ = parse_link_page(page, "references")
    turing, vaswani, online_first, year_only = (link.paper for link in links)
    assert turing.year == 1937 and turing.date_text == "1937" and turing.date_precision == "year"
    assert turing.extra["date_note"] == "year of DBLP key journals/x/Turing37; Semantic Scholar says 2021-02-02"
    assert turing.extra["year"] == 2021  # what S2 said stays under its own name
    # the same year or a later issue year (online first, printed next year) leaves S2's whole date alone
    assert vaswani.published == dt.date(2017, 6, 12) and vaswani.date_precision == "day"
    assert online_first.published == dt.date(2021, 12, 20) and "date_note" not in online_first.extra
    # a year alone is a year, not 1 January
    assert year_only.date_text == "1950" and year_only.date_precision == "year"


def test_year_only_and_missing_dates() -> None:
    assert s2_date({"year": 2021, "externalIds": {"DBLP": "journals/x/Turing37"}}, TODAY) == (
        dt.date(1937, 1, 1),
        {"date_precision": "year", "date_note": "year of DBLP key journals/x/Turing37; Semantic Scholar says 2021"},
    )
    assert s2_date({"externalIds": {"DBLP": "journals/x/Turing37"}}, TODAY)[0] == dt.date(1937, 1, 1)
    assert s2_date({"year": None, "externalIds": None}, TODAY) == (None, {})
    assert s2_date({"year": True}, TODAY) == (None, {})


@pytest.mark.realdata
def test_recorded_turing_reference_is_1937() -> None:
    details = json.loads(
        (
            FIXTURES
            / "semantic_scholar"
            / "danielnsilva_semanticscholar"
            / "Paper_full_details_turing1950_at_eea1c0b.json"
        ).read_text(encoding="utf-8")
    )
    links, _ = parse_link_page({"data": [{"citedPaper": r} for r in details["references"]]}, "references")
    years = {link.paper.doi: link.paper.year for link in links if link.paper.doi}
    assert years["10.1112/PLMS/S2-42.1.230"] == 1937
    # every other reference keeps S2's year: none is after 1951
    assert max(y for y in (link.paper.year for link in links) if y is not None) == 1951


def test_notebook_graph_colours_turing_1936_paper_by_its_own_year(tmp_path) -> None:
    data = json.loads((ROOT / "notebooks" / "data" / "citations-graph.json").read_text(encoding="utf-8"))
    store = Store(tmp_path / "c.sqlite3")
    CitationCache(store).load(data["cache"])
    seeds = Library([Paper.from_dict(p) for p in data["seeds"]])
    graph = citation_graph(seeds, store=store)
    node = graph.nodes["doi:10.1112/plms/s2-42.1.230"]
    assert node["title"].startswith("On computable numbers") and node["year"] == 1937


def test_merge_keeps_the_note_with_the_date_it_explains() -> None:
    links, _ = parse_link_page(
        {"data": [_cited(year=2021, externalIds={"DBLP": "journals/x/Turing37", "DOI": "10.1112/plms/s2-42.1.230"})]},
        "references",
    )
    s2 = links[0].paper
    exact = Paper("A cited work", doi="10.1112/plms/s2-42.1.230", published=dt.date(1936, 11, 12))
    merged = Library([s2, exact])[0]
    assert merged.date_text == "1936-11-12" and "date_note" not in merged.extra  # the earlier, whole date
    kept = Library([s2, Paper("A cited work", doi="10.1112/plms/s2-42.1.230", published=dt.date(2021, 2, 2))])[0]
    assert kept.date_text == "1937" and kept.extra["date_note"].startswith("year of DBLP key")


def test_references_dated_after_the_citing_paper_lose_that_date(fake_server, tmp_path) -> None:
    """A 1950 paper cannot cite a work first published in 2021: the reprint's date is dropped (and named) when the
    references are fetched; a year later (in press) and earlier dates stay."""
    from paperlab.sources._http import HttpClient
    from paperlab.sources.semantic_scholar import SemanticScholarClient

    citing = Paper(
        "Computing Machinery and Intelligence", doi="10.1093/mind/lix.236.433", published=dt.date(1950, 10, 1)
    )
    page = {
        "offset": 0,
        "data": [
            {
                "citedPaper": {
                    "paperId": "r1",
                    "title": "A digitised classic",
                    "year": 2021,
                    "publicationDate": "2021-02-02",
                }
            },
            {"citedPaper": {"paperId": "r2", "title": "In press", "year": 1951}},
            {"citedPaper": {"paperId": "r3", "title": "An old one", "year": 1936, "publicationDate": "1936-04-01"}},
        ],
    }
    fake_server.route("/graph/v1/paper/DOI:10.1093/mind/lix.236.433/references", json.dumps(page).encode())
    http = HttpClient(retries=0, timeout=2.0, sleep=lambda s: None)
    client = SemanticScholarClient(base_url=f"{fake_server.url}/graph/v1", http=http, api_key="")
    store = Store(tmp_path / "r.sqlite3")
    report = Library([citing]).fetch_citations(store=store, client=client, directions=("references",))
    assert report.failed == {}
    graph = citation_graph(Library([citing]), store=store)
    years = {graph.nodes[n]["title"]: graph.nodes[n]["year"] for n in graph.successors(citing.id)}
    assert years == {"A digitised classic": None, "In press": 1951, "An old one": 1936}
    digitised = CitationCache(store).papers(["s2:r1"])["s2:r1"]
    assert digitised.published is None
    assert digitised.extra["date_note"] == "dropped 2021-02-02: after the citing paper (1950)"

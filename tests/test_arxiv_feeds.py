"""arXiv's listing feeds (rss.arxiv.org, Atom and RSS 2.0) and its OAI-PMH answers (arXivRaw, arXiv, oai_dc).

Own data (tests/data/arxiv_feeds, written for these tests in the shapes arXiv serves; ids, names and DOIs are
made up or 10.5555 test DOIs):
- ``listing_atom.xml``: an Atom listing with one entry per announce type (new, cross, replace, replace-cross),
  a wrapped title, a two-paragraph summary, ``A, B and C`` / ``A, B, and C`` creators, ``arxiv:DOI`` and
  ``arxiv:journal_reference``, an old-style id; ``listing_rss.xml``: the RSS 2.0 form (``<item>``, ``<guid>``,
  RFC 822 ``pubDate``); ``listing_rdf_2023.xml``: the RSS 1.0 (RDF) listing arXiv served before 2024 (titles
  ending ``(arXiv:… [cs.CL] UPDATED)``, escaped HTML abstracts and author links); ``listing_empty.xml``: a day without announcements; ``listing_bad_entry.xml``: one
  good entry, then one without a title, one without an arXiv id, one with an unreadable date.
- ``oai_arxivraw_list.xml``: ListRecords in arXivRaw (3 versions with RFC 822 dates, two DOIs, parenthesised
  and nested affiliations in ``<authors>``, a deleted record, an old-style id, a ``resumptionToken``);
  ``oai_arxiv_getrecord.xml``: GetRecord in the ``arXiv`` format (structured authors, created/updated);
  ``oai_dc.xml``: oai_dc (``Last, First`` creators, ``Comment:`` description, two dates, ``doi:`` identifier);
  ``oai_error_bad_argument.xml`` / ``oai_no_records.xml``: OAI errors; ``oai_bad_record.xml``: one good record,
  one without a title, one without metadata, one with a bad version date.

Real files (``realdata``; ``$PAPERLAB_REALDATA/fixtures/arxiv_feeds``, see PROVENANCE-2.md there).
"""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from paths import DATA, FIXTURES

import paperlab
from paperlab.errors import ParseError, PartialImportWarning
from paperlab.sources import detect_format
from paperlab.sources.arxiv import OAIError, parse_arxiv_rss, parse_oai, read_arxiv_rss, read_oai

OWN = DATA / "arxiv_feeds"
REAL = FIXTURES / "arxiv_feeds"
RSS_REAL = REAL / "zotero-arxiv-daily_rss_atom_cs.AI_2025-08-20.xml"
OAI_LIST = REAL / "arXivOAIHarvester_oai_ListRecords_arXivRaw_2015.xml"
OAI_GET = REAL / "arXivOAIHarvester_oai_GetRecord_arXivRaw.xml"
OAI_NONE = REAL / "arXivOAIHarvester_oai_error_noRecordsMatch.xml"


# -- listings: own data -----------------------------------------------------------------------------


def test_atom_listing_reads_every_announce_type() -> None:
    papers = {p.arxiv_id: p for p in read_arxiv_rss(OWN / "listing_atom.xml")}
    assert list(papers) == ["2603.01001", "2603.00777", "2511.09999", "hep-th/0601001"]
    new = papers["2603.01001"]
    assert new.title == "Sparse Adapters for Tiny Language Models"
    assert new.version == 1
    assert new.authors == ["Ada Example", "Brook Sample", "Chen Placeholder"]
    assert new.abstract == (
        "We train sparse adapters for language models with fewer than ten million parameters.\n"
        "A second paragraph says the adapters are cheap."
    )
    assert (new.categories, new.primary_category) == (["cs.LG", "cs.CL"], "cs.LG")
    assert (new.published, new.updated) == (dt.date(2026, 3, 4), None)
    assert new.extra == {"announce_type": "new", "license": "http://creativecommons.org/licenses/by/4.0/"}
    assert (new.url, new.pdf_url) == ("https://arxiv.org/abs/2603.01001", "https://arxiv.org/pdf/2603.01001v1")
    assert papers["2603.00777"].extra["announce_type"] == "cross"
    assert papers["2603.00777"].primary_category == "q-bio.BM"


def test_atom_listing_replacements_are_updates_with_their_doi() -> None:
    papers = {p.arxiv_id: p for p in read_arxiv_rss(OWN / "listing_atom.xml")}
    replaced = papers["2511.09999"]
    assert (replaced.version, replaced.date_text, replaced.updated) == (3, "2025-11", dt.date(2026, 3, 4))
    assert replaced.date_inferred  # the first version's date is not in the listing: only the id's month
    assert replaced.authors == ["Eve Sample", "Fay Example", "Gil Tester"]
    assert replaced.doi == "10.5555/paperlab.warmup.2026"
    assert replaced.journal_ref == "Journal of Made-Up Results 4 (2026) 1-9"
    old = papers["hep-th/0601001"]
    assert (old.version, old.extra["announce_type"], old.updated) == (2, "replace-cross", dt.date(2026, 3, 4))


def test_rss2_listing() -> None:
    papers = read_arxiv_rss(OWN / "listing_rss.xml")
    assert [(p.arxiv_id, p.version) for p in papers] == [("2603.01234", 1), ("2602.05555", 2)]
    first, second = papers
    assert first.title == "Calibrated Uncertainty from Ensembles of Two"
    assert first.authors == ["Ivy Example", "Jon Sample"]
    assert first.categories == ["stat.ML", "cs.LG"]
    assert first.published == dt.date(2026, 3, 4)  # RFC 822 pubDate, the date as written
    assert first.abstract == "Two models suffice for calibrated uncertainty."
    assert (second.extra["announce_type"], second.updated, second.doi) == (
        "replace",
        dt.date(2026, 3, 4),
        "10.5555/paperlab.kernel.2026",
    )


def test_rss1_listing_before_2024() -> None:
    path = OWN / "listing_rdf_2023.xml"
    assert detect_format(path) == "arxiv_rss"
    papers = read_arxiv_rss(path)
    assert [(p.arxiv_id, p.version, p.extra["announce_type"]) for p in papers] == [
        ("2305.05001", 1, "new"),
        ("2304.01111", 3, "replace"),
        ("2305.04444", 1, "cross"),
    ]
    first = papers[0]
    assert first.title == "Parsing Old Feeds, Politely"
    assert first.authors == ["Ada Example", "Bo Sample"]
    assert first.abstract == "Old feeds wrap the abstract in a paragraph & escape it."
    assert [p.categories for p in papers] == [["cs.CL"], ["cs.CL"], ["cs.LG"]]


def test_empty_listing_gives_no_papers() -> None:
    assert read_arxiv_rss(OWN / "listing_empty.xml") == []
    assert len(paperlab.load(OWN / "listing_empty.xml")) == 0


def test_bad_listing_entries_are_skipped_and_named() -> None:
    with pytest.warns(PartialImportWarning) as caught:
        papers = read_arxiv_rss(OWN / "listing_bad_entry.xml")
    assert [p.title for p in papers] == ["A Good Entry"]
    problems = caught[0].message.problems  # type: ignore[union-attr]
    assert [p.where for p in problems] == ["entry 2 (line 15)", "entry 3 (line 22)", "entry 4 (line 26)"]
    assert "expected a non-empty <title>" in problems[0].message
    assert "expected an <id> or <guid> with an arXiv identifier" in problems[1].message
    assert "expected an ISO or RFC 822 date" in problems[2].message


def test_listing_that_is_not_a_feed() -> None:
    with pytest.raises(ParseError, match=r"expected an Atom <feed> or RSS <rss> root element, got <html>"):
        parse_arxiv_rss(b"<html><body/></html>", "page.html")
    with pytest.raises(ParseError, match="XML is broken") as info:
        parse_arxiv_rss(b"<feed><entry>", "cut.xml")
    assert info.value.source == "cut.xml" and info.value.where


def test_listing_parser_resolves_no_entities() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>oai:arXiv.org:2603.09999v1</id>'
        b"<title>T &x;</title></entry></feed>"
    )
    papers = parse_arxiv_rss(data, "x.xml")
    assert "root:" not in (papers[0].title if papers else "")


# -- OAI-PMH: own data ------------------------------------------------------------------------------


def test_oai_arxivraw_list() -> None:
    page = parse_oai((OWN / "oai_arxivraw_list.xml").read_bytes(), "list.xml")
    assert (page.resumption_token, page.complete_list_size) == ("7654321|1001", 2001)
    assert [p.arxiv_id for p in page.papers] == ["2101.00042", "math/0501001"]  # the deleted record is skipped
    paper = page.papers[0]
    assert paper.title == "Three Versions of a Wrapped Title"
    assert paper.authors == ["Mia Example", "Noor Sample", "Ola Tester"]
    assert (paper.version, paper.published, paper.updated) == (3, dt.date(2021, 1, 4), dt.date(2026, 3, 1))
    assert [v["date"] for v in paper.extra["versions"]] == ["2021-01-04", "2021-02-09", "2026-03-01"]
    assert paper.doi == "10.5555/paperlab.three.v1"
    assert paper.extra["dois"] == ["10.5555/paperlab.three.v1", "10.5555/paperlab.three.erratum"]
    assert (paper.categories, paper.primary_category) == (["cs.LG", "stat.ML"], "cs.LG")
    assert (paper.comment, paper.journal_ref) == ("12 pages; v3: typo fixed", "Proc. Made-Up Conf. 2021, 1-12")
    assert (
        paper.abstract
        == "We write an abstract that wraps at the column limit like arXiv's do.\nAnd a second paragraph."
    )
    assert paper.extra["submitter"] == "Mia Example"
    old = page.papers[1]
    assert (old.version, old.published, old.updated, old.extra["msc_class"]) == (1, dt.date(2005, 1, 1), None, "05A15")


def test_oai_arxiv_format_get_record() -> None:
    (paper,) = read_oai(OWN / "oai_arxiv_getrecord.xml")
    assert paper.arxiv_id == "1912.00321"
    assert paper.authors == ["Sam Rivera", "Uma J. Tester Jr"]
    assert (paper.published, paper.updated) == (dt.date(2019, 12, 1), dt.date(2020, 6, 29))
    assert (paper.doi, paper.comment, paper.categories) == (
        "10.5555/paperlab.arxivformat",
        "8 pages",
        ["hep-ph", "hep-ex"],
    )


def test_oai_dublin_core() -> None:
    page = parse_oai((OWN / "oai_dc.xml").read_bytes())
    (paper,) = page.papers
    assert (paper.arxiv_id, paper.title) == ("2002.00099", "Dublin Core Records Name Authors Last Name First")
    assert paper.authors == ["Wren Vance", "Yan Xu"]
    assert (paper.abstract, paper.comment) == ("An abstract in dc:description.", "5 pages")
    assert (paper.published, paper.updated, paper.doi) == (
        dt.date(2020, 2, 1),
        dt.date(2020, 5, 17),
        "10.5555/paperlab.dc",
    )
    assert (page.resumption_token, page.complete_list_size) == (None, 1)  # an empty token: the last page


def test_oai_errors() -> None:
    assert read_oai(OWN / "oai_no_records.xml") == []
    with pytest.raises(OAIError, match="OAI-PMH error badArgument: metadataPrefix is a required argument") as info:
        read_oai(OWN / "oai_error_bad_argument.xml")
    assert isinstance(info.value, ParseError) and info.value.code == "badArgument"
    assert info.value.source == str(OWN / "oai_error_bad_argument.xml")
    with pytest.raises(ParseError, match=r"expected an <OAI-PMH> root element, got <feed>"):
        parse_oai((OWN / "listing_empty.xml").read_bytes(), "feed.xml")


def test_oai_bad_records_are_skipped_and_named() -> None:
    with pytest.warns(PartialImportWarning) as caught:
        papers = read_oai(OWN / "oai_bad_record.xml")
    assert [p.arxiv_id for p in papers] == ["2201.00001"]
    problems = caught[0].message.problems  # type: ignore[union-attr]
    assert [p.where for p in problems] == ["record 2 (line 10)", "record 3 (line 14)", "record 4 (line 17)"]
    assert "expected a non-empty <title>" in problems[0].message
    assert "expected a <metadata> element" in problems[1].message
    assert "<version v1> <date>: expected an ISO or RFC 822 date" in problems[2].message


def test_detection_of_own_feeds() -> None:
    assert detect_format(OWN / "listing_atom.xml") == "arxiv_rss"
    assert detect_format(OWN / "listing_rss.xml") == "arxiv_rss"
    assert detect_format(OWN / "oai_dc.xml") == "arxiv_oai"
    assert detect_format(DATA / "arxiv" / "search_page.xml") == "arxiv_atom"  # the API feed stays where it was
    assert len(paperlab.load(OWN / "listing_atom.xml", OWN / "oai_arxivraw_list.xml")) == 6


# -- real files -------------------------------------------------------------------------------------


@pytest.mark.realdata
def test_real_rss_atom_listing() -> None:
    assert detect_format(RSS_REAL) == "arxiv_rss"
    papers = read_arxiv_rss(RSS_REAL)
    assert len(papers) == 7
    kinds = [p.extra["announce_type"] for p in papers]
    assert (kinds.count("new"), kinds.count("cross")) == (2, 5)
    first = papers[0]
    assert (first.arxiv_id, first.version) == ("2508.13426", 1)
    assert first.title == "ALIGN: Word Association Learning for Cross-Cultural Generalization in Large Language Models"
    assert first.authors == ["Chunhua Liu", "Kabir Manandhar Shrestha", "Sukai Huang"]
    assert first.categories == ["cs.CL", "cs.AI"]
    assert first.published == dt.date(2025, 8, 20)
    assert first.abstract and first.abstract.startswith("As large language models (LLMs) increasingly mediate")
    assert all(p.abstract and not p.abstract.startswith(("arXiv:", "Abstract:")) for p in papers)


@pytest.mark.realdata
def test_real_oai_get_record() -> None:
    assert detect_format(OAI_GET) == "arxiv_oai"
    (paper,) = read_oai(OAI_GET)
    assert (paper.arxiv_id, paper.version) == ("1302.2146", 2)
    assert paper.title == "The Same-Sign Dilepton Signature of RPV/MFV SUSY"
    assert paper.authors == ["Joshua Berger", "Maxim Perelstein", "Michael Saelim", "Philip Tanedo"]
    assert (paper.published, paper.updated) == (dt.date(2013, 2, 8), dt.date(2013, 4, 2))
    assert (paper.categories, paper.comment) == (["hep-ph", "hep-ex"], "18 pages, 6 figures; v2: References added")
    assert paper.abstract and paper.abstract.startswith("The lack of observation of superpartners")


@pytest.mark.realdata
def test_real_oai_list_records() -> None:
    page = parse_oai(OAI_LIST.read_bytes(), str(OAI_LIST))
    assert (page.resumption_token, page.complete_list_size) == ("726959|1001", 58011)
    ids = [p.arxiv_id for p in page.papers]
    assert ids == ["0704.0471", "0704.0716", "0704.0874", "0704.1109", "0704.1114", "0704.1586"]
    by_id = {p.arxiv_id: p for p in page.papers}
    shetty = by_id["0704.0471"]
    assert shetty.authors == ["D.V. Shetty", "S.J. Yennello", "G.A. Souliotis"]
    assert shetty.doi == "10.1103/PhysRevC.76.024606"
    assert shetty.extra["dois"] == ["10.1103/PhysRevC.76.024606", "10.1103/PhysRevC.76.039902"]
    assert '"' in (shetty.abstract or "")  # &quot; decoded
    richard = by_id["0704.0716"]
    assert (richard.version, richard.published, richard.updated) == (4, dt.date(2007, 4, 5), dt.date(2008, 11, 14))
    assert by_id["0704.1109"].authors == ["Valeria M. Rosa", "Patricio S. letelier"]
    assert len(paperlab.load(OAI_LIST)) == 6


@pytest.mark.realdata
def test_real_oai_no_records_match_is_empty() -> None:
    assert detect_format(OAI_NONE) == "arxiv_oai"
    assert read_oai(OAI_NONE) == []


def test_own_samples_load_without_warnings() -> None:
    """Loading our own well-formed samples warns about nothing."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in ("listing_atom.xml", "listing_rss.xml", "oai_arxivraw_list.xml", "oai_dc.xml"):
            paperlab.load(OWN / name)

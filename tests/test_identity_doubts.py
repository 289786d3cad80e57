"""Records that share an id but name different works, and duplicates whose venue is written two ways.

Our own files: ``tests/data/session/schedule-year-headings.md`` (a schedule whose 2019 row was given the link of a
2021 row, as a copy-paste slip) and ``tests/data/bibtex/duplicates-venue-names.bib`` (one paper under two keys, its
venue a conference's short name in one entry and its proceedings' title in the other, on the same pages).
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest
from paths import DATA

import paperlab
from paperlab import DoubtfulIdWarning, Library, Paper, SourceRecord
from paperlab.cli import main
from paperlab.identity import citation_keys, same_work, titles_disagree
from paperlab.store import Store

SCHEDULE = DATA / "session" / "schedule-year-headings.md"
VENUES = DATA / "bibtex" / "duplicates-venue-names.bib"
TITLE = "Crease Memory in Folded Paper Actuators: A Study of Four Sheets"


def test_a_link_copied_to_the_wrong_row_keeps_both_papers_and_says_so() -> None:
    with pytest.warns(DoubtfulIdWarning) as caught:
        lib = paperlab.load(SCHEDULE)
    titles = [p.title for p in lib]
    assert "Crease Patterns for Rigid Origami Robots" in titles
    assert "Tension Models of Corrugated Sheets" in titles  # not merged away
    assert len(lib) == 5 and lib.merges == []
    message = str(caught[0].message)
    assert (
        "'Tension Models of Corrugated Sheets'" in message and "'Crease Patterns for Rigid Origami Robots'" in message
    )
    assert "schedule-year-headings.md, line 16" in message and "schedule-year-headings.md, line 9" in message
    assert caught[0].filename == __file__  # the user's call, not paperlab's internals
    assert caught[0].message.id == "arXiv id 2101.04321"
    # the id stays with the row read first; the other keeps it only as a doubtful id
    assert lib["2101.04321"].title == "Crease Patterns for Rigid Origami Robots"
    tension = next(p for p in lib if p.title.startswith("Tension"))
    assert tension.arxiv_id is None and tension.extra["doubtful_ids"] == {"arxiv": "2101.04321"}
    assert tension.published is None  # the month of an id in doubt dates nothing


def test_a_doi_two_titles_give_is_doubtful_too() -> None:
    a = Paper("Measuring Crease Memory in Paper", doi="10.5555/ps.1", published=dt.date(2020, 1, 1))
    b = Paper("Colour Fastness of Dyed Cardboard Boxes", doi="10.5555/PS.1", published=dt.date(2020, 1, 1))
    with pytest.warns(DoubtfulIdWarning, match="DOI 10.5555/PS.1"):
        lib = Library([a, b])
    assert len(lib) == 2 and lib["10.5555/ps.1"].title == a.title


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Deep Residual Paper Folding", "Deep Residual Paper Folding for Crane Recognition"),  # a subtitle added
        ("Large Language Models Often Kn", "Large Language Models Often Know When They Are Wrong"),  # cut off
        ("arXiv:2101.04321", "Crease Patterns for Rigid Origami Robots"),  # a placeholder title
        ("DETR", "End-to-End Object Detection with Transformers"),  # an acronym
    ],
)
def test_titles_that_agree_or_say_nothing_still_merge(first: str, second: str) -> None:
    assert not titles_disagree(first, second)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        lib = Library([Paper(first, arxiv_id="2101.04321"), Paper(second, arxiv_id="2101.04321v2")])
    assert len(lib) == 1 and len(lib.merges) == 1


def test_duplicates_on_the_same_pages_merge_whatever_their_venue_is_called() -> None:
    lib = paperlab.load(VENUES)
    assert len(lib) == 2
    merged = next(p for p in lib if len(citation_keys(p)) == 2)
    assert citation_keys(merged) == ["dale2018crease", "creasememoryfolding"]
    assert lib["creasememoryfolding"] is lib["dale2018crease"]  # both \cite{} keys resolve
    workshop = lib["dale2018creaseworkshop"]  # the same title, authors and year on other pages: another paper
    assert workshop is not merged and workshop.journal_ref == "Workshop on Soft Robot Materials"
    # the merge is reported with the title, both keys and where each entry was read
    (report,) = [str(m) for m in lib.merges]
    assert TITLE in report and "dale2018crease, creasememoryfolding" in report
    assert "duplicates-venue-names.bib" in report and "line 13" in report


def test_pages_do_not_join_what_else_tells_apart() -> None:
    base = {"title": "Notes on Paper Widget Tension", "authors": ["Elin Marsh"], "published": dt.date(2019, 1, 1)}
    pages = {"bibtex_fields": {"pages": "1–12"}}
    a = Paper(**base, journal_ref="Annals of Widgetry", extra=pages)
    assert same_work(a, Paper(**base, journal_ref="Quarterly Review of Folding", extra=pages))
    assert not same_work(
        a, Paper(**base, journal_ref="Quarterly Review of Folding", extra={"bibtex_fields": {"pages": "13–20"}})
    )
    assert not same_work(a, Paper(**base, journal_ref="Quarterly Review of Folding"))  # no pages: the venues decide
    later = {**base, "published": dt.date(2021, 1, 1)}
    assert not same_work(a, Paper(**later, journal_ref="Annals of Widgetry", extra=pages))  # another year
    other = {**base, "authors": ["Tobias Brook"]}
    assert not same_work(a, Paper(**other, journal_ref="Quarterly Review of Folding", extra=pages))  # another author


def test_cli_import_reports_merges_and_doubtful_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(VENUES), str(SCHEDULE)]) == 0
    out, err = capsys.readouterr()
    assert "imported 2 papers (BibTeX)" in out and "imported 5 papers (reading-group schedule)" in out
    assert f"paperlab: merged '{TITLE}' (keys dale2018crease, creasememoryfolding)" in err
    assert "'Tension Models of Corrugated Sheets' gives arXiv id 2101.04321" in err


def test_the_store_keeps_a_doubtful_id_with_the_paper_it_holds(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    crease = Paper(
        "Crease Patterns for Rigid Origami Robots",
        arxiv_id="2101.04321",
        sources=[SourceRecord("schedule", "a.md", record="line 9")],
    )
    store.upsert_papers([crease])
    tension = Paper(
        "Tension Models of Corrugated Sheets",
        arxiv_id="2101.04321",
        sources=[SourceRecord("schedule", "b.md", record="line 3")],
    )
    with pytest.warns(DoubtfulIdWarning, match=r"b\.md, line 3: 'Tension Models of Corrugated Sheets' gives arXiv id"):
        store.upsert_papers([tension])
    assert len(store) == 2
    assert store.paper("2101.04321").title == crease.title
    assert {p.title for p in store.papers()} == {crease.title, tension.title}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        store.upsert_papers([crease])  # the paper holding the id again: no doubt
    assert len(store) == 2


def test_a_notebook_shows_that_duplicates_were_merged() -> None:
    lib = paperlab.load(VENUES)
    assert "<div>1 duplicate merged (<code>.merges</code> names them)</div>" in lib._repr_html_()
    assert "merged" not in Library(list(lib))._repr_html_()  # the papers again: nothing new merged


VIT = "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale"
CLIP = "Learning Transferable Visual Models From Natural Language Supervision"


def _listed(title: str, arxiv_id: str, line: int = 3, **fields: object) -> Paper:
    return Paper(
        title, arxiv_id=arxiv_id, sources=[SourceRecord("paper_list", "awesome.md", record=f"line {line}")], **fields
    )  # type: ignore[arg-type]


def _catalogued(title: str, arxiv_id: str, author: str, year: int, source: str = "arxiv") -> Paper:
    return Paper(
        title, arxiv_id=arxiv_id, authors=[author], published=dt.date(year, 6, 1), sources=[SourceRecord(source, "x")]
    )


@pytest.mark.parametrize(
    ("nickname", "title", "arxiv_id"),
    [("Vision Transformer (ViT)", VIT, "2010.11929"), ("CLIP: Connecting text and images", CLIP, "2103.00020")],
)
def test_a_nickname_beside_the_real_title_with_one_arxiv_id_is_one_paper(
    nickname: str, title: str, arxiv_id: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no DoubtfulIdWarning
        bare = Library([Paper(nickname, arxiv_id=arxiv_id), Paper(title, arxiv_id=arxiv_id)])
        listed = Library([_listed(nickname, arxiv_id), _catalogued(title, arxiv_id, "Ada Quill", 2021)])
    for lib in (bare, listed):
        (paper,) = list(lib)
        assert paper.arxiv_id == arxiv_id and paper.title == title  # the paper's own title, its id kept
    # the README row cites the paper too: the same first author and year (a year apart: preprint and venue)
    cited = _listed(nickname, arxiv_id, authors=["Quill"], published=dt.date(2022, 1, 1))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(Library([cited, _catalogued(title, arxiv_id, "Ada Quill", 2021)])) == 1


def test_an_id_stays_in_doubt_when_author_year_or_catalogue_titles_tell_two_works_apart() -> None:
    real = _catalogued(CLIP, "2103.00020", "Ada Quill", 2021)
    nickname = "CLIP: Connecting text and images"
    for other in (
        _listed(nickname, "2103.00020", authors=["Omar Dale"]),  # another first author
        _listed(nickname, "2103.00020", published=dt.date(2015, 1, 1)),  # years far apart
        _catalogued(nickname, "2103.00020", "Ada Quill", 2021, source="bibtex"),  # two catalogues' titles
    ):
        with pytest.warns(DoubtfulIdWarning, match="arXiv id 2103.00020"):
            lib = Library([real, other])
        assert len(lib) == 2 and lib["2103.00020"].title == CLIP
    # the walkthrough's schedule: two full titles, no author nor year (a schedule names presenters): in doubt
    first = Paper("Explaining and Harnessing Adversarial Examples", arxiv_id="1412.6572")
    second = Paper("Fractional Max-Pooling", arxiv_id="1412.6572")
    with pytest.warns(DoubtfulIdWarning, match="'Fractional Max-Pooling' gives arXiv id 1412.6572"):
        assert len(Library([first, second])) == 2

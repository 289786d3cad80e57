"""Paper lists written by hand or by a script as JSON (issue 12, session 11 helper IM3, kind 1).

``papers.json`` files of no tool's format were refused ("JSON of unknown shape"). Our own small files in
tests/data/json_lists/ (invented records) hold the shapes seen: a list of objects with authors as one string, a
year and a venue; ``{"Papers": [...]}`` with keys in capitals, authors separated by semicolons or as name objects,
dates written out, an arXiv id and a PDF link.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError, PartialImportWarning
from paperlab.sources import detect_format
from paperlab.sources.native import save_library

DATA = Path(__file__).parent / "data" / "json_lists"
READING_LIST = DATA / "reading_list.json"
GROUP = DATA / "group_papers.json"


def test_a_list_of_papers_written_by_hand_is_read_and_a_record_without_title_is_named() -> None:
    assert detect_format(READING_LIST) == "json_list"
    with pytest.warns(PartialImportWarning) as caught:
        papers = {p.title: p for p in paperlab.load(READING_LIST)}
    message = str(caught[0].message)
    assert "item 3" in message and "no title" in message and "kept 3" in message
    sparse = papers["Sparse Attention over Long Field Notebooks"]
    assert sparse.authors == ["A. Okafor", "B. Lindqvist", "C. Moreau"]  # one string, ", and" before the last
    assert (sparse.published, sparse.extra["date_precision"]) == (dt.date(2021, 1, 1), "year")
    assert sparse.venue == "Transactions of the Meadow Society"
    assert sparse.doi == "10.5555/meadow.2021.042"  # the resolver's address dropped
    assert sparse.url == "https://example.org/papers/sparse-notebooks"
    beetles = papers["Counting Beetles with Weak Labels"]
    assert beetles.authors == ["M. Kowalczyk", "T. Lindqvist"]  # "Smith, A. and Jones, B."
    assert (beetles.arxiv_id, beetles.version) == ("1907.01234", 2)  # from the arXiv link
    assert beetles.venue is None  # a journal that is only a URL is no venue: the URL is kept as the link
    assert beetles.url == "https://journals.example.org/meadow-entomology"
    sedges = papers["A Field Guide to Upland Sedges"]
    assert sedges.authors == ["Gabriel García Márquez", "Ana Silva"]  # "Family, Given" in a list, as written
    assert (sedges.published, sedges.extra["date_precision"]) == (dt.date(2018, 6, 1), "month")
    assert sedges.venue == "Proceedings of the Upland Botany Conference"


def test_papers_under_a_key_in_any_case_with_synonyms_for_each_field() -> None:
    assert detect_format(GROUP) == "json_list"
    with pytest.warns(PartialImportWarning, match="item 3: expected an object for a paper, got str"):
        ranking, priors = paperlab.load(GROUP)
    assert ranking.title == "Learning to Rank Field Observations"
    assert ranking.authors == ["J. Smith", "K. Osei", "L. Haddad"]  # separated by semicolons
    assert (ranking.published, ranking.extra["date_precision"]) == (dt.date(2022, 3, 1), "month")
    assert (ranking.venue, ranking.arxiv_id) == ("NeurIPS 2022", "2203.04567")
    assert ranking.extra["json"] == {"Notes": "read in week 3"}  # keys of no known meaning kept
    assert priors.authors == ["Lucia Bianchi", "Tomas Lindqvist"]  # name objects: family and given, or a name
    assert (priors.published, priors.extra["date_precision"]) == (dt.date(2020, 11, 1), "month")  # Year + Month
    assert priors.url == "https://example.org/seed-dispersal.pdf" and priors.keywords == ["graphs", "ecology"]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Ada Lovelace, Charles Babbage", ["Ada Lovelace", "Charles Babbage"]),
        ("Lovelace, Ada", ["Ada Lovelace"]),
        ("Lovelace, A., Babbage, C.", ["A. Lovelace", "C. Babbage"]),
        ("Lovelace, Ada and Babbage, Charles", ["Ada Lovelace", "Charles Babbage"]),
        ("Ada Lovelace & Charles Babbage et al.", ["Ada Lovelace", "Charles Babbage"]),
    ],
)
def test_an_author_string_in_the_usual_bylines(tmp_path: Path, byline: str, names: list[str]) -> None:
    path = tmp_path / "papers.json"
    path.write_text(json.dumps([{"title": "A Note on Engines", "authors": byline, "year": 1843}]), encoding="utf-8")
    (paper,) = paperlab.load(path)
    assert paper.authors == names
    assert paper.extra.get("more_authors", False) is byline.endswith("et al.")


def test_one_paper_object_alone_and_odd_values_never_crash(tmp_path: Path) -> None:
    path = tmp_path / "paper.json"
    path.write_text(json.dumps({"TITLE": "One Paper", "Author": 7, "year": "n.d.", "url": 3}), encoding="utf-8")
    (paper,) = paperlab.load(path)
    assert (paper.title, paper.authors, paper.published, paper.url) == ("One Paper", [], None, None)


def test_no_record_with_a_title_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "papers.json"
    path.write_text(json.dumps({"papers": [{"title": ""}, {"title": None, "year": 2020}]}), encoding="utf-8")
    with pytest.raises(ParseError, match="no usable paper objects with a title; first problem: no title"):
        paperlab.load(path)


def test_paperlab_own_lists_stay_paperlab(tmp_path: Path) -> None:
    """A list of paperlab's own papers (only Paper fields) is read by the strict reader, as before."""
    path = save_library([paperlab.Paper("Own Paper", authors=["Ada Lovelace"])], tmp_path / "own.json")
    assert detect_format(path) == "json"
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps([{"title": "Own Paper", "authors": ["Ada Lovelace"], "doi": "10.5555/own"}]))
    assert detect_format(bare) == "json"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert [p.title for p in paperlab.load(bare)] == ["Own Paper"]


def test_a_table_written_by_a_script_names_its_title_paper(tmp_path: Path) -> None:
    """A "Paper" column is the title (not a Hugging Face daily-papers item, whose "paper" is an object)."""
    path = tmp_path / "papers.json"
    rows = [{"Paper": "Counting Lanterns at Night", "Authors": "Quill et al.", "Year": 2017, "Journal": "NeurIPS"}]
    path.write_text(json.dumps(rows), encoding="utf-8")
    assert detect_format(path) == "json_list"
    (paper,) = paperlab.load(path)
    assert (paper.title, paper.authors, paper.extra["more_authors"]) == ("Counting Lanterns at Night", ["Quill"], True)
    assert (paper.year, paper.venue) == (2017, "NeurIPS")

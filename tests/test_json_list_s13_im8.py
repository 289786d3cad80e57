"""Home-made JSON paper lists in the shapes scripts write (session 13, helper IM8): records held under any one key
of a wrapper object or keyed by citation key, Vancouver initials written with spaces, Han names separated by commas.

Each test reads one of our own small files in tests/data/import_s13_im8/ and checks what a user sees.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab import Paper
from paperlab.errors import ParseError
from paperlab.identity import citation_keys

DATA = Path(__file__).parent / "data" / "import_s13_im8"


def _load(name: str) -> dict[str, Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no record of these files is bad: nothing may be reported lost
        return {p.title: p for p in paperlab.load(DATA / name)}


def test_records_keyed_by_citation_key_under_a_wrapper_are_read_with_their_keys() -> None:
    papers = _load("resolver_keyed.json")  # {"resolved": {"key": {...}}, "unresolved": [...], "mismatched": []}
    assert sorted(papers) == ["Counting moths by lamplight", "Rivers that change their beds"]
    moths = papers["Counting moths by lamplight"]
    assert citation_keys(moths) == ["quill2019"]
    assert moths.authors == ["AB Quill", "D Okafor", "B Lindqvist"]
    assert moths.doi == "10.5555/moths.2019"
    assert citation_keys(papers["Rivers that change their beds"]) == ["achebe2021"]


def test_an_object_keyed_by_citation_key_is_a_paper_list() -> None:
    papers = _load("keyed_top_level.json")
    assert citation_keys(papers["Beekeeping on city roofs"]) == ["moreau2016"]
    assert citation_keys(papers["Sorting seeds by colour"]) == ["Berg2018seeds"]  # the record's own key wins
    assert papers["Sorting seeds by colour"].authors == ["Hanna Berg", "Ada Quill"]


def test_records_under_a_key_of_no_known_name_are_read() -> None:
    papers = _load("bibliography_under_any_key.json")  # beside other values that hold no records
    assert len(papers) == 3


def test_vancouver_initials_written_with_spaces_are_turned_like_the_others() -> None:
    papers = _load("bibliography_under_any_key.json")
    assert papers["Lightness in the dark"].authors == ["E H Land", "J J McCann"]
    assert papers["Structure in noise"].authors == ["Z Wang", "A C Bovik", "H R Sheikh"]
    assert papers["Mixed initials"].authors == ["G Buchsbaum", "E N Dalal"]  # one rule for the whole byline


def test_han_names_separated_by_commas_are_one_person_each() -> None:
    papers = _load("han_names.json")
    assert papers["基于光照的图像增强"].authors == ["王奎", "黄福珍"]
    assert papers["低照度图像增强算法"].authors == ["贾洪博", "石蕴玉", "刘翔", "赵静文"]
    assert papers["颜色恒常性算法"].authors == ["李悦敏", "徐海松", "黄益铭"]  # 、 and the full-width comma
    assert papers["一个家族名和名字"].authors == ["王奎"]  # a one-character part: a family name, then the given name


def test_a_vancouver_family_name_with_combining_marks_is_turned() -> None:
    paper = _load("han_names.json")["Retinex with a family name in marks"]
    assert paper.authors == ["A Arnatkevic\u0306iu\u0304te\u0307", "BD Fulcher"]


def test_several_keys_holding_records_are_groups_of_one_list() -> None:
    papers = _load("two_record_lists.json")  # {"read": [...], "to_read": [...]}
    assert sorted(papers) == ["Counting moths by lamplight", "Rivers that change their beds"]
    assert papers["Rivers that change their beds"].extra["json"]["section"] == "to_read"


def test_groups_named_by_years_date_their_records() -> None:
    papers = _load("grouped_by_year.json")  # a site's publications grouped by year, beside a date it was updated
    assert len(papers) == 3
    years = {title: p.published.year if p.published else None for title, p in papers.items()}
    assert years["Counting moths by lamplight"] == 2023
    assert years["Rivers that change their beds"] == 2022  # its own year wins
    assert papers["Counting moths by lamplight"].authors == ["A. B. Quill", "D. Okafor"]
    assert papers["Beekeeping on city roofs"].doi == "10.5555/bees.2024.1"


def test_an_object_holding_no_records_is_refused_with_its_shape_named() -> None:
    with pytest.raises(ParseError, match="unknown shape"):
        paperlab.load(DATA / "no_records.json")


def test_records_one_level_down_in_a_wrapper_are_read() -> None:
    papers = _load("nested_wrapper.json")  # {"status": …, "data": {"count": 2, "references": [...]}}
    assert papers["Counting moths by lamplight"].authors == ["A B Quill", "D Okafor"]
    assert papers["Rivers that change their beds"].authors == ["N. Achebe"]


def test_json_lines_of_papers_written_by_a_script_are_read() -> None:
    papers = _load("papers_lines.jsonl")  # one object a line, a blank line between
    assert papers["Counting moths by lamplight"].authors == ["A B Quill", "D Okafor"]
    assert citation_keys(papers["Counting moths by lamplight"]) == ["quill2019"]
    assert papers["Rivers that change their beds"].extra.get("date_precision") == "month"


def test_an_edited_volume_names_its_editors_as_editors() -> None:
    papers = _load("edited_volumes.json")
    book = papers["Agent-Based Social Simulation"]
    assert book.authors == [] and book.extra["editors"] == ["D. F. Adamatti", "G. P. Dimuro"]
    assert "D. F. Adamatti, G. P. Dimuro (eds.)" in book.to_markdown()
    assert papers["Rivers in Verse"].extra["editors"] == ["Nkechi Achebe"]
    chapter = papers["A Chapter on Moths"]  # the authors are the byline; the book's editors kept as written
    assert chapter.authors == ["Ada Quill"] and "editors" not in chapter.extra
    assert chapter.extra["json"]["editors"] == ["Berg, Hanna"]


def test_home_made_records_with_a_type_are_not_taken_for_csl_items() -> None:
    papers = _load("typed_records.json")  # "type": "article" beside "year", "journal" and an author string
    moths = papers["Counting moths by lamplight"]
    assert moths.authors == ["A. Quill", "D. Okafor"] and moths.journal_ref == "Field Notes"
    assert moths.published is not None and moths.published.year == 2019
    assert papers["Rivers that change their beds"].journal_ref == "Proceedings of Delta Studies"

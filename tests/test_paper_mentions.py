"""The generic paper finder: papers named anywhere in a markdown file whose layout no reader knows (our own files
in tests/data/mentions/)."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import paperlab
from paperlab.errors import FoundByFinderWarning, ParseError, PartialImportWarning
from paperlab.sources._mentions import find_papers
from paperlab.sources._title_lines import title_score

DATA = Path(__file__).parent / "data" / "mentions"


def _load(name: str) -> tuple[list[paperlab.Paper], list[PartialImportWarning | FoundByFinderWarning]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lib = paperlab.load(DATA / name)
    # what the generic paper finder read: a FoundByFinderWarning, a PartialImportWarning when it skipped lines
    return list(lib), [w.message for w in caught if isinstance(w.message, (PartialImportWarning, FoundByFinderWarning))]


def test_ids_in_span_text_and_attributes_titled_by_the_heading_above() -> None:
    papers, warned = _load("span-ids-day.md")
    assert [(p.title, p.arxiv_id) for p in papers] == [
        ("Walking Policies from Video Games: Transfer to Quadrupeds", "2511.04021"),
        ("Grasping Unknown Objects with Tactile Memory", "2511.03377"),
    ]
    assert len(warned) == 1 and "generic paper finder" in str(warned[0])
    assert all(p.sources[0].name == "paper_list" and p.extra["found_by"] == "generic paper finder" for p in papers)


def test_nested_addresses_under_indented_titles_and_titles_without_ids() -> None:
    papers, _ = _load("indented-reading-list.md")
    assert [(p.title, p.arxiv_id, p.doi) for p in papers] == [
        ("Graph Attention for Regional Flu Forecasting Across Counties", "2010.01111", None),
        ("Mobility Signals and the Early Spread of Seasonal Influenza", None, "10.5555/msesi.2021.42"),
        ("Forecasting Hospital Demand with Recurrent Neural Networks: A Comparative Study", None, None),
        ("Who Should Be Tested First? A Triage Model from Symptom Surveys", None, None),
    ]  # the topics under "## Week 2: Basics" are no papers


def test_a_section_per_paper_gives_one_paper_with_its_fields() -> None:
    papers, _ = _load("headed-sections.md")
    assert [(p.title, p.arxiv_id, p.authors) for p in papers] == [
        ("Voting Across Several Speech Recognisers with a Learned Arbiter", "2406.07777", ["Lena Ortiz", "Omar Pell"]),
        ("Shallow Fusion of Acoustic and Text Decoders", "2407.08888", []),
    ]
    assert papers[0].published == dt.date(2024, 1, 1) and papers[0].date_precision == "year"


def test_a_table_of_bare_pdf_addresses_gives_title_year_and_first_author() -> None:
    papers, problems = find_papers((DATA / "pdf-url-table.md").read_text(), "t.md")
    assert problems == []
    assert [(p.title, p.arxiv_id, p.doi, p.authors, p.year) for p in papers] == [
        ("Predicting Where People Look in Cluttered Rooms", "2304.01234", None, ["Mara Lindqvist"], 2023),
        ("Eye Tracking on Cheap Webcams: A Calibration-Free Method", "2109.05678", None, ["Tomas Ferreira"], 2021),
        ("Reading Behaviour in Noisy Offices", None, "10.5555/rbno.2020.00123", ["Ines Okafor"], 2020),
    ]


def test_a_course_of_topics_is_refused_naming_the_layouts() -> None:
    with pytest.raises(ParseError) as info:
        paperlab.load(DATA / "course-topics.md")
    assert "nor does it name a paper anywhere" in str(info.value) or "paper lists" in str(info.value)
    assert find_papers((DATA / "course-topics.md").read_text(), "c.md") == ([], [])


def test_two_arxiv_ids_in_one_row_are_two_papers_and_labels_are_no_titles() -> None:
    text = (
        "| Date | Presenter | Topic | Resources |\n|---|---|---|---|\n"
        "| 2024-11-06 | Lena Ortiz | Data selection for pretraining | [Paper 1](https://arxiv.org/abs/2409.01111) "
        "[Paper 2](https://arxiv.org/abs/2404.02222) [Slides](/s.pdf) |\n"
    )
    papers, _ = find_papers(text, "s.md")
    assert [(p.title, p.arxiv_id, p.extra["meeting_date"], p.extra["presenters"]) for p in papers] == [
        ("Data selection for pretraining", "2409.01111", "2024-11-06", ["Lena Ortiz"]),
        ("Data selection for pretraining", "2404.02222", "2024-11-06", ["Lena Ortiz"]),
    ]  # the meeting's day is no publication date: that stays the month of each id
    assert [p.published for p in papers] == [dt.date(2024, 9, 1), dt.date(2024, 4, 1)]


def test_a_link_with_no_title_near_it_is_named_with_its_line() -> None:
    papers, problems = find_papers("# \n\n- [PDF](https://arxiv.org/pdf/2401.00001)\n", "x.md")
    assert papers == []
    assert [(p.where, "2401.00001" in p.message) for p in problems] == [("line 3", True)]


def test_markup_in_a_title_is_dropped_and_the_card_escapes_what_is_left() -> None:
    text = "#### [<img src=x onerror=alert(1)>Sly &lt;b&gt;Title&lt;/b&gt; of a Paper](x.md)\n\narXiv 2501.00002\n"
    (paper,), _ = find_papers(text, "x.md")
    assert "<img" not in paper.title and paper.arxiv_id == "2501.00002"
    assert "<b>" not in paper.to_html() and "onerror=alert" not in paper.to_html()


def test_the_title_classifier_tells_titles_from_topics() -> None:
    assert title_score("Deep Unfolded Networks for Sparse Signal Recovery") > 0.5
    for line in ("Week 3: attention", "Tokenization", "No class (holiday)", "Homework 2 due Friday"):
        assert title_score(line) < 0.5, line


_PIECES = st.sampled_from(
    [*"#-*|>[]()<>:/. \n\tab1Z2_`\"'", "arXiv ", "2501.01234", "](https://arxiv.org/abs/", "10.1000/x", ".pdf", "**"]
    + ["<span>", "\n- ", "\n| ", "Learning Things: A Study", "\n## Week 1\n"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=80).map("".join))
def test_any_text_gives_papers_or_nothing_and_never_an_error(text: str) -> None:
    papers, problems = find_papers(text, "f.md")
    assert all(p.title.strip() for p in papers)
    assert all(p.where.startswith("line ") for p in problems)


def test_notes_without_presenter_lines_give_the_paper_they_name() -> None:
    with pytest.warns(FoundByFinderWarning, match="notes without presenter lines"):  # nothing lost: no partial import
        session = paperlab.Session.from_file(DATA / "one-paper-note.md")
    (entry,) = session.entries
    assert (entry.presenter, entry.paper.title, entry.paper.arxiv_id) == (
        "",
        "Routing Tool Calls with Small Language Models",
        "2602.01234",
    )
    assert entry.paper.authors == ["Lena Ortiz", "Omar Pell"]
    papers, _ = _load("one-paper-note.md")
    assert [p.arxiv_id for p in papers] == ["2602.01234"]


def test_the_finder_takes_over_when_the_layout_reader_finds_fewer_papers() -> None:
    # the DailyArXiv reader reads one paper of this digest (its category table); the finder reads all three
    papers, warned = _load("digest-with-category-table.md")
    assert [(p.title, p.arxiv_id, p.authors) for p in papers] == [
        ("Walking on Ice with Learned Friction Models", "2603.00101", ["Lena Ortiz", "Omar Pell"]),
        ("Soft Grippers that Count Their Own Contacts", "2603.00202", ["Ines Okafor", "Tomas Ferreira"]),
        ("Seeing Through Fog with Two Cheap Cameras", "2603.00303", ["Mara Lindqvist"]),
    ]
    assert len(warned) == 1 and "its layout reader found 1" in str(warned[0])
    # nothing skipped: no PartialImportWarning (nor "skipped 0 bad one(s): "), the finder's papers counted
    assert isinstance(warned[0], FoundByFinderWarning) and str(warned[0]).endswith("3 papers found, none skipped")


def test_a_layout_readers_papers_stand_and_the_finder_adds_only_papers_outside_the_layout() -> None:
    # a DailyArXiv digest whose intro cites its survey by a bare id and an earlier note by its title, under badges
    papers, warned = _load("daily-with-intro-links.md")
    assert [(p.title, p.arxiv_id) for p in papers] == [
        ("Walking on Ice with Learned Friction Models", "2603.00101"),
        ("Soft Grippers that Count Their Own Contacts", "2603.00202"),
        ("Seeing Through Fog with Two Cheap Cameras", "2603.00303"),
        ("Counting Pebbles with Small Robots", "2402.05555"),
    ]
    walking, soft, fog, note = papers
    assert walking.abstract == "We learn how slippery the floor is from a few footsteps."
    assert (walking.version, walking.comment, walking.tags) == (2, "8 pages", ["Robotics"])
    assert (soft.comment, fog.tags) == ("Accepted at a workshop", ["Vision"])
    assert [p.sources[0].name for p in papers] == ["dailyarxiv"] * 3 + ["paper_list"]
    assert note.extra["found_by"] == "generic paper finder" and note.abstract is None
    assert warned == []  # nothing was skipped: no partial-import warning ...
    with pytest.warns(
        UserWarning,
        match=r"dailyarxiv reader read 3 papers; the generic paper finder added 1 .*"
        r"line 7: Counting Pebbles with Small Robots",
    ):  # ... but a note of the paper added
        paperlab.load(DATA / "daily-with-intro-links.md")


def test_a_badge_is_never_a_paper_beside_a_paper_list() -> None:
    papers, warned = _load("awesome-with-badge.md")
    assert [(p.title, p.arxiv_id, p.authors) for p in papers] == [
        ("Walking on Ice with Learned Friction Models", "2603.00101", ["Lena Ortiz", "Omar Pell"]),
        ("Soft Grippers that Count Their Own Contacts", "2603.00202", ["Ines Okafor"]),
        ("Seeing Through Fog with Two Cheap Cameras", "2603.00303", ["Mara Lindqvist"]),
    ]
    assert all(p.sources[0].name == "paper_list" and "found_by" not in p.extra for p in papers)
    assert warned == []


def test_a_badge_on_a_heading_leaves_no_mark_in_the_title() -> None:
    # a one-paper page in no layout: the badge's link is its paper's, the heading its title (no "!arXiv" left)
    badge = "[![arXiv](https://img.shields.io/badge/arXiv-2404.01234-b31b1b.svg)](https://arxiv.org/abs/2404.01234)"
    papers, _ = find_papers(f"# Tiny Robots that Sort Pebbles {badge}\n\nWe wrote this page.\n", "page.md")
    assert [(p.title, p.arxiv_id) for p in papers] == [("Tiny Robots that Sort Pebbles", "2404.01234")]

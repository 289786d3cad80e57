"""Schedules and paper lists in the layouts the reviewer R3 found misread (session 11): a presenter of one table
filled down into a later table without dates, a heading that only names the list ("List of seminars") taken for a
tag, and a list item whose link text wraps onto a second line. Our own files in tests/data/md_r3_s11/."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

DATA = Path(__file__).parent / "data" / "md_r3_s11"


def _load(path: Path) -> list[paperlab.Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(path))


def test_an_empty_presenter_cell_of_a_table_without_dates_names_nobody() -> None:
    """A second table (candidate papers, no date column) whose first row names a presenter and whose other rows
    leave the cell empty: only the first paper is that person's; the others were filled down before."""
    papers = _load(DATA / "two_tables.md")
    assert [(p.title, p.extra.get("presenters")) for p in papers] == [
        ("Wick Trimming for Glass Chimneys", ["Ora Penn"]),
        ("Soot Prediction with Flame Transformers", ["Ora Penn"]),
        ("Lantern Pooling for Everything", []),
        ("Wax Attention Is Enough", []),
    ]
    schedule = paperlab.Schedule.from_file(DATA / "two_tables.md")
    assert [(m.date_text, m.presenters, len(m.papers)) for m in schedule.meetings] == [
        ("03/02/2023", ["Ora Penn"], 1),
        ("", ["Ora Penn"], 1),
        ("", [], 1),
        ("", [], 1),
    ]


def test_a_heading_that_only_names_the_list_is_no_tag() -> None:
    """'# List of seminars' labels the table below it (no tag); '## Lantern safety' is a topic (a tag)."""
    papers = _load(DATA / "list_of_seminars.md")
    assert [(p.arxiv_id, p.tags) for p in papers] == [
        ("2101.00021", []),
        ("2101.00022", []),
        ("2101.00023", ["Lantern safety"]),
    ]


def test_a_link_text_wrapped_onto_a_second_line_is_the_whole_title() -> None:
    """The title runs over the line break (no stray '[', not cut); an item linking to a publisher's page without
    an id is kept with its address."""
    papers = _load(DATA / "wrapped_links.md")
    assert [(p.title, p.arxiv_id, p.url) for p in papers] == [
        ("Wick Trimming for Glass Chimneys", "2101.00031", "https://arxiv.org/abs/2101.00031"),
        (
            "Learning Flame Representations with a Very Long Title That Wraps Onto a Second Line",
            "2101.00032",
            "https://arxiv.org/pdf/2101.00032.pdf",
        ),
        ("Lantern Pooling on Radar Signals", None, "https://ieeexplore.ieee.org/document/1234567"),
    ]


def test_numbered_items_with_reviewer_fields_are_a_paper_list_and_keep_every_paper() -> None:
    """'[1] [Title](link)' items, each with a 'Reviewer: …' sub-item: a paper list (the fields are no items of the
    list); the reference number is no title, a wrapped link text the whole title, and the item linking to a
    publisher's page without an id is kept with its address (the finder dropped it and said "skipped none")."""
    papers = _load(DATA / "numbered_reviewers.md")
    assert [(p.title, p.arxiv_id, p.url) for p in papers] == [
        ("Wick Trimming for Glass Chimneys", "2101.00041", "https://arxiv.org/abs/2101.00041"),
        (
            "Learning Flame Representations with a Title That Wraps Onto a Second Line",
            "2101.00042",
            "https://arxiv.org/pdf/2101.00042.pdf",
        ),
        ("Lantern Pooling on Radar Signals", None, "https://ieeexplore.ieee.org/document/7654321"),
    ]

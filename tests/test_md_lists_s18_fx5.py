"""Session 18 (FX5): markdown paper lists the review RV18 found read worse than at the session's start, each on our
own small page:

* year headings date their papers on a list whose title names reading without being a log of it ("Must-read
  papers", "Papers to read") or merely holds the word ("Log-linear models"); a log of reading still dates none;
* one item years away from its heading among items near theirs (a conference-year list linking an older arXiv id)
  leaves the other items dated by their heading.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import paperlab


def _load(tmp_path: Path, text: str, name: str = "list.md") -> list[paperlab.Paper]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(path))


_BY_YEAR = (
    "# {title}\n\n## 2017\n\n"
    "- [Sparse Widget Routing at Scale](https://example.org/widgets). Ada Quill, Bo Dale.\n"
    "- [Counting Gadgets Without Labels](https://example.org/gadgets). Cy Renn.\n\n## 2018\n\n"
    "- [Lanterns in the Fog](https://example.org/lanterns). Di Mole, Ed Finch.\n"
)


@pytest.mark.parametrize(
    "title", ["Must-read papers on widget networks", "Papers to read", "Log-linear models and friends"]
)
def test_year_headings_date_the_papers_of_a_list_that_is_no_reading_log(tmp_path: Path, title: str) -> None:
    papers = _load(tmp_path, _BY_YEAR.format(title=title))
    assert [(p.title, p.published and p.published.year) for p in papers] == [
        ("Sparse Widget Routing at Scale", 2017),
        ("Counting Gadgets Without Labels", 2017),
        ("Lanterns in the Fog", 2018),
    ]


@pytest.mark.parametrize("title", ["What I read", "Papers I've read", "Reading log", "Paper diary"])
def test_year_headings_of_a_reading_log_still_date_no_paper(tmp_path: Path, title: str) -> None:
    papers = _load(tmp_path, _BY_YEAR.format(title=title))
    assert [p.published for p in papers] == [None, None, None]


def test_one_older_arxiv_id_under_a_conference_year_undates_no_other_item(tmp_path: Path) -> None:
    text = (
        "# ICLR widget papers\n\n## 2020\n\n"
        "- [Sparse Widget Routing at Scale](https://openreview.net/forum?id=abc123)\n"
        "- [Gadget Maps](https://arxiv.org/abs/1909.01234)\n"
        "- [Lanterns in the Fog](https://arxiv.org/abs/2001.04321)\n"
        "- [Counting Sprockets](https://arxiv.org/abs/2002.05678)\n"
        "- [Recursive Widgets](https://arxiv.org/abs/1805.01111)\n"
    )
    papers = _load(tmp_path, text)
    assert [(p.title, p.published and p.published.year) for p in papers] == [
        ("Sparse Widget Routing at Scale", 2020),
        ("Gadget Maps", 2019),
        ("Lanterns in the Fog", 2020),
        ("Counting Sprockets", 2020),
        ("Recursive Widgets", 2018),
    ]


def test_two_word_titles_before_their_authors_are_papers_beside_a_meeting(tmp_path: Path) -> None:
    text = (
        "# Papers\n\n"
        "- Deep Widgets — Ada Quill, Bo Dale, Cy Renn\n"
        "- Pointer Gadgets — Di Mole, Ed Finch\n"
        "- Neural Ordinary Sprocket Equations — Fay Lune, Gus Hale\n"
        "- Weekly sync — Hal Ives, Ida Jones\n"
        "- Pizza Night — Jo King\n"
    )
    papers = _load(tmp_path, text)
    assert [(p.title, [str(a) for a in p.authors]) for p in papers] == [
        ("Deep Widgets", ["Ada Quill", "Bo Dale", "Cy Renn"]),
        ("Pointer Gadgets", ["Di Mole", "Ed Finch"]),
        ("Neural Ordinary Sprocket Equations", ["Fay Lune", "Gus Hale"]),
    ]


_NOTES_SAME_LEVEL = """## Sparse Widget Routing with Learned Gadget Maps at Scale

## Summary

Widgets route through learned gadget maps.

## Key results

Twice as fast on every benchmark.

## Thoughts

Simple and strong.
"""

_CLUB_NOTES = """# Journal club notes

Attendees
Ada Quill, Bo Dale, Cy Renn

## Discussion

We talked about the paper and its results.

## Quill et al. 2016 — Concrete Problems in Widget Safety

Good discussion.
"""


def test_notes_titled_beside_summary_and_results_name_their_paper(tmp_path: Path) -> None:
    papers = _load(tmp_path, _NOTES_SAME_LEVEL, "notes.md")
    assert [p.title for p in papers] == ["Sparse Widget Routing with Learned Gadget Maps at Scale"]


def test_a_heading_citing_its_paper_in_club_notes_names_it(tmp_path: Path) -> None:
    papers = _load(tmp_path, _CLUB_NOTES, "club.md")
    assert [(p.title, [str(a) for a in p.authors], p.year) for p in papers] == [
        ("Concrete Problems in Widget Safety", ["Quill"], 2016)
    ]


def test_comma_bullets_read_accented_hyphenated_and_camel_case_names_and_drop_a_lab(tmp_path: Path) -> None:
    text = (
        "# Reading list\n\n"
        "- Gradient routing applied to widget recognition, Yann LeQuill, Léon Dalé, Proceedings of the GADG, 1998.\n"
        "- Sparse Widget Routing at Scale, Ada Quill, Ming-Wei Dale, Google Widgets, WIDG, 2019.\n"
    )
    papers = _load(tmp_path, text)
    assert [(p.title, [str(a) for a in p.authors], p.journal_ref, p.year) for p in papers] == [
        (
            "Gradient routing applied to widget recognition",
            ["Yann LeQuill", "Léon Dalé"],
            "Proceedings of the GADG",
            1998,
        ),
        ("Sparse Widget Routing at Scale", ["Ada Quill", "Ming-Wei Dale"], "WIDG", 2019),
    ]


def test_a_one_word_title_before_a_dash_and_people_keeps_them_as_authors(tmp_path: Path) -> None:
    text = (
        "# Reading list\n\n"
        "- Layer Widgets - Ada Quill, Bo Dale, Cy Renn\n"
        "- Batch Gadgets - Di Mole, Ed Finch\n"
        "- Sprocket - Fay Lune, Gus Hale\n"
    )
    papers = _load(tmp_path, text)
    assert [(p.title, [str(a) for a in p.authors]) for p in papers] == [
        ("Layer Widgets", ["Ada Quill", "Bo Dale", "Cy Renn"]),
        ("Batch Gadgets", ["Di Mole", "Ed Finch"]),
        ("Sprocket", ["Fay Lune", "Gus Hale"]),
    ]

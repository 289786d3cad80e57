"""Markdown readers, session 10 (issue 12): course readings that are no papers, two papers on one date, a row
whose cell runs over several lines, the generic finder's titles and badges. Our own files in tests/data/md_s10/."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

import paperlab
from paperlab.errors import MeetingsOnlyWarning
from paperlab.sources import _mentions

DATA = Path(__file__).parent / "data" / "md_s10"


def _load(name: str) -> list[paperlab.Paper]:
    return _load_from(DATA / name)


def _load_from(path: Path) -> list[paperlab.Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(path))


def test_course_readings_that_are_documentation_chapters_blogs_or_notebooks_are_no_papers() -> None:
    """Links to documentation, a book's chapter, a blog post or a notebook, and 'Section 12.3' of a book, are
    reading material; the arXiv paper and the paper's PDF beside them are the papers."""
    papers = _load("course_material_readings.md")
    assert [(p.title, p.arxiv_id, p.url) for p in papers] == [
        ("Sparse Lanterns for Dense Retrieval", "2601.04567", "https://arxiv.org/abs/2601.04567"),
        ("A Field Guide to Tree Search in Games", None, "https://people.example.edu/~ada/papers/tree-search.pdf"),
    ]
    schedule = paperlab.Schedule.from_file(DATA / "course_material_readings.md")
    assert [len(m.papers) for m in schedule.meetings] == [0, 1, 0, 1]


def test_a_course_of_reading_material_only_is_refused_and_the_finder_reads_no_section_title() -> None:
    """Every reading is a section of the notes or a book's pages ('Section 3.2', 'Ch 4 & 5', 'pgs 40 to 71'): the
    meetings are read (four), no paper; the generic finder does not take 'Mixing of Random Walks on Sparse Graphs'
    for a paper's title."""
    with pytest.warns(MeetingsOnlyWarning, match="names no paper"):
        assert len(paperlab.load(DATA / "course_without_papers.md")) == 0
    schedule = paperlab.Schedule.from_file(DATA / "course_without_papers.md")
    assert [m.date_text for m in schedule.meetings] == ["2026-01-12", "2026-01-14", "2026-01-19", "2026-01-21"]
    assert all(m.papers == [] for m in schedule.meetings)


def test_two_papers_on_one_date_are_one_meeting_and_a_topic_beside_papers_is_no_paper() -> None:
    schedule = paperlab.Schedule.from_file(DATA / "seminar_two_papers_a_day.md")
    first, second = schedule.meetings
    assert [p.title for p in first.papers] == [
        "Ledger Memory for Long Dialogues",
        "Forgetting on Purpose in Small Models",
    ]
    assert first.presenters == ["Ada Quill", "Omar Dale"] and second.presenters == ["Bo Renn"]
    assert [p.extra["presenters"] for p in first.papers] == [["Ada Quill"], ["Omar Dale"]]
    assert first.extra["topic"] == "Memory in agents"
    assert [p.arxiv_id for p in _load("seminar_two_papers_a_day.md")] == ["2502.01111", "2502.02222", "2503.03333"]


def test_a_daily_table_row_whose_abstract_runs_over_several_lines() -> None:
    """A cv-arxiv-daily table whose rows carry an abstract cell the header does not name, written with its line
    breaks: each row is one paper (it was 1 of 3, the lines after a break read as rows without a header), the
    abstract apart from the title, and a row of the same table on one line has its abstract taken out the same way."""
    papers = _load("daily_multiline_row.md")
    assert [(p.title, p.authors, p.arxiv_id, str(p.published)) for p in papers] == [
        ("Soft Fingers that Count Their Own Contacts", ["Ada Quill"], "2602.11111", "2026-02-27"),
        ("Grasping in the Dark with Sound", ["Omar Dale"], "2602.22222", "2026-02-26"),
        ("Learning to Let Go", ["Bo Renn"], "2602.33333", "2026-02-25"),
    ]
    assert [p.abstract for p in papers] == [
        "We build a gripper whose skin reports how many contacts it feels, and we show that this count is enough to "
        "plan a stable grasp.",
        "A one-line abstract that stays on its line.",
        "Releasing an object gently is a skill of its own.",
    ]
    assert all(p.tags == ["Robots", "Grasping"] for p in papers)


def test_a_badge_in_a_paper_list_is_a_link_labelled_by_its_alt_text_never_the_image() -> None:
    """'[![arXiv](shields.io image)](arXiv link)': the badge's target gives the id (the title's own link is a
    project page), the badge image is never the paper's address, no '[!' is left in a title."""
    papers = _load("list_with_badges.md")
    assert [(p.title, p.arxiv_id, p.doi, p.url) for p in papers] == [
        ("Sparse Lanterns", "2601.04567", None, "https://ada.github.io/lanterns"),
        ("Quiet Models Learn Faster", None, None, "https://openreview.net/forum?id=qm7Ab2"),
        ("Loud Models Learn Slower", None, "10.1000/lms.2025.7", "https://doi.org/10.1000/lms.2025.7"),
    ]
    assert [p.tags for p in papers] == [[], [], []]  # "Papers" only names the list


def test_an_id_inside_a_sentence_titles_no_paper_by_the_sentence() -> None:
    """Notes in no layout: 'see arXiv:2401.01234 on this' was titled 'see arXiv: on this' (the line without its
    id); a sentence about a paper is no title: the notes' own heading is none either, so the id names it. A title
    before the id keeps its words, without an empty bracket (since session 15 without the "by Ada Quill" after it)."""
    titles = [(p.title, p.arxiv_id) for p in _load("notes_ids_in_sentences.md")]
    assert titles == [
        ("arXiv:2401.01234", "2401.01234"),
        ("arXiv:2402.05678", "2402.05678"),
        ("Sparse Lanterns", "2601.04567"),
    ]


MENTION_DATA = Path(__file__).parent / "data" / "mentions"


def _read(papers: list[Any]) -> list[dict[str, Any]]:
    """What was read, without the time of reading (``retrieved``, to the second: two reads a second apart differ)."""
    out = []
    for p in papers:
        d = p.to_dict()
        d["sources"] = [{k: v for k, v in s.items() if k != "retrieved"} for s in d["sources"]]
        out.append(d)
    return out


@pytest.mark.parametrize("name", ["daily-with-intro-links.md", "awesome-with-badge.md"])
def test_the_finder_reads_a_file_once_for_both_its_looks_beside_a_layout(name: str, monkeypatch: Any) -> None:
    """Beside a layout reader that found papers the finder structures the file once (it did twice: its count, then
    the papers outside the layout), with the same answers as its two separate looks."""
    text = (MENTION_DATA / name).read_text(encoding="utf-8")
    named, problems, beside = _mentions.find_papers_both(text, name)
    alone, alone_problems = _mentions.find_papers(text, name, id_less=False)
    assert (_read(named), problems) == (_read(alone), alone_problems)
    assert _read(beside) == _read(_mentions.find_papers(text, name, beside_layout=True)[0])
    calls: list[int] = []
    structure = _mentions.structure
    monkeypatch.setattr(_mentions, "structure", lambda t: calls.append(1) or structure(t))
    papers = _load_from(MENTION_DATA / name)
    assert len(calls) == 1 and len(papers) >= 3


def test_rows_naming_a_paper_by_its_method_and_a_citation() -> None:
    """A plan's baselines: '| Lantern | Quill et al. 2024 | ICML 2024 |' is the paper 'Lantern' by Quill et al.,
    2024, at ICML 2024 (the citation was kept as the title, and a second table's rows were not read at all);
    a row whose paper cell cites nothing is no paper."""
    papers = _load("plan_cited_baselines.md")
    assert [(p.title, p.authors, p.published and p.published.year, p.journal_ref) for p in papers] == [
        ("Lantern", ["Quill"], 2024, "ICML 2024"),
        ("Pebble", ["Dale"], 2023, "NeurIPS 2023"),
        ("Echo Probes", ["Renn", "Okafor", "Lind"], 2019, "ICLR 2019"),
        ("Tide", ["Marsh"], 2022, "CVPR 2022"),
    ]
    assert [p.extra.get("more_authors", False) for p in papers] == [True, True, False, True]
    assert all(p.extra["date_precision"] == "year" for p in papers)


def test_a_topic_titles_the_paper_its_row_links_only_as_paper_or_pdf() -> None:
    """'| Ledger Memory for Long Dialogues | [Paper](arXiv link) |': the Topic column is no paper of its own, and the
    paper cell's lone 'Paper'/'PDF' link is titled by the topic, not by its id or address."""
    papers = _load("topic_and_paper_link.md")
    assert [(p.title, p.arxiv_id, p.url) for p in papers] == [
        ("Ledger Memory for Long Dialogues", "2502.01111", "https://arxiv.org/abs/2502.01111"),
        ("Calling Tools Without Demonstrations", None, "https://example.org/tools.pdf"),
    ]

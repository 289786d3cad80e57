"""Notes without presenter lines that name their papers by title (session 14, helper S15): a one-paper reading note
titled by its heading, its first line or a "Title:" / "Paper:" / "论文" field, "Paper 1:" blocks, a heading per paper
with author and arXiv bullets, title headings under a venue-and-year heading, "Notes: <title>". Each is read as
one presentation per paper, by nobody named; section headings ("Abstract", "Method", "摘要") are never papers; a paper
list or a file naming no paper is refused with a clear error, never read as dozens of presentations.

Every file is our own small text under tests/data/notes_s15/.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from paths import SEEDS

from paperlab.errors import FoundByFinderWarning, ParseError
from paperlab.services.sessions import Session

DATA = Path(__file__).parent / "data" / "notes_s15"


def _read(name: str) -> Session:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Session.from_file(DATA / name)


def _titles(session: Session) -> list[str]:
    return [e.paper.title for e in session.entries]


# -- kind 1: one paper named by a title heading, a first line or "Notes: <title>" --------------------------------------


@pytest.mark.parametrize(
    ("name", "title", "arxiv_id", "year"),
    [
        ("h2-title-chinese_s15.md", "Sparse Routing Improves Small Retrieval Models", None, None),
        ("plain-first-line_s15.txt", "Learning to Prune Attention Heads at Test Time", "2601.04321", 2026),
        ("notes-colon-title_s15.md", "Translating Short Messages by Learning to Align Them", "1409.01234", None),
        ("sections-only-one-paper_s15.md", "Improving Small Parsers by Generative Pre-Training", None, 2020),
    ],
)
def test_a_one_paper_note_is_one_presentation_by_nobody_named(
    name: str, title: str, arxiv_id: str | None, year: int | None
) -> None:
    session = _read(name)
    assert _titles(session) == [title]
    entry = session.entries[0]
    assert entry.presenter == ""
    assert entry.paper.arxiv_id == arxiv_id
    if year is not None:
        assert entry.paper.published is not None and entry.paper.published.year == year
    assert entry.paper.extra["notes"]  # the note's body about the paper is kept for compare() and search


def test_section_headings_are_never_papers_and_the_cited_heading_gives_author_and_year() -> None:
    """A GPT-1-like note: '# Paper notes — Quill et al. (2020), "Title"' then "1. Problem…", "Abstract", "Method",
    "Results", "摘要" sections: one paper, with its first author and year."""
    session = _read("sections-only-one-paper_s15.md")
    paper = session.entries[0].paper
    assert paper.authors == ["Quill"] and paper.published is not None and paper.published.year == 2020
    assert not {"Abstract", "Method", "Results", "摘要"} & set(_titles(session))
    # no Takeaways section: the first section's bullets under the title are what the reader took away
    assert session.entries[0].takeaways == [
        "Labelled parses are scarce, raw text is abundant.",
        "Pre-train a language model, then fine-tune it on each treebank.",
    ]


def test_a_one_paper_note_warns_how_it_was_read() -> None:
    with pytest.warns(FoundByFinderWarning, match="by a title heading or field"):
        Session.from_file(DATA / "h2-title-chinese_s15.md")


# -- kind 2: title fields ("Title:", "**论文**:" with the title in italics under the authors) -------------------------


def test_title_fields_give_title_authors_year_doi_takeaways_and_questions() -> None:
    session = _read("title-fields_s15.md")
    (entry,) = session.entries
    assert entry.paper.title == "Counting Ferries with Two Cheap Cameras"
    assert entry.paper.authors == ["Ines Okafor", "Mara Lindqvist"]
    assert entry.paper.published is not None and entry.paper.published.year == 2023
    assert entry.paper.doi == "10.5555/ferries.2023.7"
    assert "The error doubles in fog." in entry.takeaways
    assert entry.questions == ["Would thermal cameras fix the fog case?"]


def test_a_chinese_paper_field_with_authors_takes_the_italic_title_under_it() -> None:
    """Every line indented by one space, the field in a blockquote, a code block with '#' comments (no heading)."""
    (entry,) = _read("zh-field-quote_s15.md").entries
    assert entry.paper.title == "Small Networks for Reading Handwritten Postcodes"
    assert entry.paper.authors == ["Ada Quill", "Bo Renn", "Cai Lune"]
    assert entry.paper.published is not None and entry.paper.published.year == 2019
    assert entry.paper.journal_ref == "Journal of Toy Systems 2019"
    assert entry.takeaways[:2] == ["邮政编码识别依赖手工特征。", "作者用小型卷积网络端到端学习特征。"]


# -- kind 3: several papers: "Paper N:" blocks, a heading per paper with fields, a venue heading, citations ----------


def test_numbered_paper_blocks_with_fields_and_section_headings_that_look_like_names() -> None:
    """ "### Datasets Used" and "### Key Findings" are sections (once taken for presenters: the file was refused)."""
    session = _read("numbered-papers_s15.md")
    assert _titles(session) == ["Small Verifiers Catch Big Mistakes", "Answers That Vote on Themselves"]
    first, second = session.entries
    assert first.paper.authors == ["Lena Ortiz", "Omar Pell", "Tove Anand"] and first.paper.arxiv_id == "2403.01234"
    assert second.paper.authors == ["Kasper Lindqvist", "Noor Haddad"]
    assert second.paper.published is not None and second.paper.published.year == 2023
    assert all(e.presenter == "" for e in session.entries)


def test_a_heading_per_paper_with_author_and_arxiv_bullets_not_the_topic_headings() -> None:
    """ "# Research Papers" once read as a presenter's name; "## Core: …", "## Background", "## Architecture" are
    topics; "### MDX — Title": the title after the acronym."""
    session = _read("h3-per-paper_s15.md")
    assert _titles(session) == [
        "Masked Diffusion for Tiny Language Models",
        "Ratio Scores for Discrete Data",
        "Mamba Backbones for Diffusion LMs",
    ]
    assert [e.paper.arxiv_id for e in session.entries] == ["2406.01111", "2410.02222", "2511.03333"]
    ratio = session.entries[1].paper
    assert ratio.authors == ["Renn", "Lune", "Okafor"] and ratio.journal_ref == "ICLR 2025"
    assert all(e.presenter == "" for e in session.entries)


def test_title_headings_under_a_venue_and_year_heading() -> None:
    session = _read("venue-heading_s15.md")
    assert len(session.entries) == 2
    assert all(e.paper.journal_ref == "ICML 2021" for e in session.entries)
    assert session.entries[1].takeaways == ["图神经网络对结构扰动敏感", "作者提出一种鲁棒的聚合方法"]


def test_paper_headings_with_a_citation_subheading_and_general_sections_left_out() -> None:
    session = _read("citation-subheading_s15.md")
    assert _titles(session) == [
        "Curiosity-Driven Testing of Toy Phone Apps",
        "Droidling: An Input Generator for Toy Apps",
    ]
    assert session.entries[0].paper.authors == ["Ada Quill", "Bo Renn", "Cai Lune"]
    assert session.entries[1].paper.authors == ["Ines Okafor", "Mara Lindqvist"]
    assert [e.paper.published.year for e in session.entries if e.paper.published] == [2020, 2013]


# -- kind 4: bounds: no paper at all, a paper list, a schedule ---------------------------------------------------------


def test_notes_naming_no_paper_are_refused_naming_the_file_and_the_layouts_known() -> None:
    with pytest.raises(ParseError) as info:
        Session.from_file(DATA / "talk-no-paper_s15.md")
    message = str(info.value)
    assert "talk-no-paper_s15.md" in message and "expected presenter lines" in message
    assert "'Title:' or 'Paper:' field" in message and "title heading" in message


def test_a_readme_paper_list_is_no_session_of_forty_presentations() -> None:
    with pytest.raises(ParseError, match=r"paper-list-readme_s15\.md.*a list of 40 papers.*paperlab\.load"):
        Session.from_file(DATA / "paper-list-readme_s15.md")


def test_a_schedule_is_still_no_notes(tmp_path: Path) -> None:
    schedule = tmp_path / "schedule.md"
    schedule.write_text(
        "# Reading group\n\n| Date | Paper | Presenter |\n|---|---|---|\n"
        "| 2025-03-03 | Sparse Routing Improves Small Retrieval Models | Ada Quill |\n"
        "| 2025-03-10 | Counting Ferries with Two Cheap Cameras | Bo Renn |\n",
        encoding="utf-8",
    )
    try:
        session = Session.from_file(schedule)
    except ParseError as exc:
        assert "schedule" in str(exc)
    else:  # one meeting's table is read as that meeting's session, with its presenters
        assert {e.presenter for e in session.entries} <= {"Ada Quill", "Bo Renn"}


def test_presenter_sessions_are_read_as_before(tmp_path: Path) -> None:
    """A real session (names alone on a line, then the paper's header) is never read as notes by title."""
    path = tmp_path / "session.txt"
    path.write_text(
        "Pebble club\n\nAda Quill\n\nSparse Routing Improves Small Retrieval Models\nAda Quill, Bo Renn\n\n"
        "Takeaways\n- routing is cheap\n\nBo Renn\n\nCounting Ferries with Two Cheap Cameras\nInes Okafor\n\n"
        "Takeaways\n- fog is hard\n",
        encoding="utf-8",
    )
    session = Session.from_file(path)
    assert [e.presenter for e in session.entries] == ["Ada Quill", "Bo Renn"]
    assert _titles(session) == [
        "Sparse Routing Improves Small Retrieval Models",
        "Counting Ferries with Two Cheap Cameras",
    ]


@pytest.mark.realdata
def test_the_recorded_session_and_a_recorded_readme() -> None:
    """The recorded seed session keeps its five presenters; the recorded daily-arXiv README (78 papers, once 78
    "presentations") is refused as a paper list."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the seed's two known lost table rows
        session = Session.from_file(SEEDS / "reading-group-session.txt")
    assert len(session.entries) == 5 and all(e.presenter for e in session.entries)
    with pytest.raises(ParseError, match="a list of .* papers"):
        Session.from_file(SEEDS / "daily-arxiv-readme.md")


@pytest.mark.parametrize("heading", ["# Journal Club: Small Models", "# Reading Group", "# Research Papers"])
def test_a_group_s_own_heading_is_no_presenter(tmp_path: Path, heading: str) -> None:
    """ "Journal Club", "Reading Group", "Research Papers" are no person's name: the paper under it is presented by
    nobody named."""
    path = tmp_path / "club.md"
    path.write_text(
        f"{heading}\n\n## Sparse Routing Improves Small Retrieval Models\n\n- **Authors:** Ada Quill, Bo Renn\n"
        "- **arXiv:** 2403.04444\n\n- Routing is cheap on small models.\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        session = Session.from_file(path)
    assert [(e.presenter, e.paper.title, e.paper.arxiv_id) for e in session.entries] == [
        ("", "Sparse Routing Improves Small Retrieval Models", "2403.04444")
    ]
    assert session.entries[0].paper.authors == ["Ada Quill", "Bo Renn"]


def test_a_notes_on_heading_linking_the_paper_names_it_without_the_words_notes_on() -> None:
    """'# Notes on ["Title"](arXiv PDF)': the title and its id, not "Notes on …"; the slides and the article the note
    links are no presentations."""
    session = _read("notes-on-linked-title_s15.md")
    assert [(e.paper.title, e.paper.arxiv_id) for e in session.entries] == [
        ("Counting Pebbles with Tiny Transformers", "2402.05555")
    ]

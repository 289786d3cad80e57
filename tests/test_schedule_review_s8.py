"""Schedule findings of session 8's review, each tested on our own small made-up schedules:

- a Paper cell in capitals ("DEEP RESIDUAL LEARNING FOR IMAGE RECOGNITION.") or one long word of capitals is read
  at once (the conference-week check backtracked exponentially on such cells and a load never ended);
- titles in capitals and titles about presentation attacks are papers, while a cell naming conferences
  ("ICFP / SPLASH '25", "NeurIPS 2025") stays the meeting's note;
- a "Paper notes" column holds notes, never papers, and a "Speaker bio" column no presenters; a column named with
  "/" ("Reading/Activity") is no second paper column beside "Paper";
- an authors cell's "et al." (the one home: ``text.split_et_al``) cuts the list short and is no name.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import paperlab
from paperlab.sources._schedule_tables import header_roles
from paperlab.sources.schedule import read_meetings

HEADER = "# Reading group\n\n| Date | Presenter | Paper |\n|---|---|---|\n"


def _schedule(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "reading-group.md"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.timeout(60)  # the exponential check took 44 s on the first cell and never ended on the long word
def test_cells_in_capitals_are_read(tmp_path: Path) -> None:
    word = "REPRESENTATIONLEARNINGWITHCONTRASTIVECODE"  # 41 letters
    path = _schedule(
        tmp_path,
        HEADER + "| 2024-03-05 | Ada | DEEP RESIDUAL LEARNING FOR IMAGE RECOGNITION. |\n"
        f"| 2024-03-12 | Bo | ON {word} AND FRIENDS! |\n"
        f"| 2024-03-19 | Cy | {word}! |\n",
    )
    meetings, problems, _ = read_meetings(path)
    assert problems == []
    assert [[p.title for p in m.papers] for m in meetings] == [
        ["DEEP RESIDUAL LEARNING FOR IMAGE RECOGNITION."],
        [f"ON {word} AND FRIENDS!"],
        [],  # one word is no title: the meeting's note
    ]
    assert meetings[2].note == f"{word}!"
    assert len(paperlab.load(path)) == 2


def test_titles_in_capitals_and_about_presentations_are_papers_and_conference_weeks_are_not(tmp_path: Path) -> None:
    path = _schedule(
        tmp_path,
        HEADER + "| 2024-03-05 | Ada | ATTENTION IS ALL YOU NEED |\n"
        "| 2024-03-12 | Bo | Presentation Attack Detection with Deep Features |\n"
        "| 2024-03-19 | Cy | Sorting Marbles in Parallel |\n"
        "| 2024-03-26 | Dee | ICFP / SPLASH '25 |\n"
        "| 2024-04-02 | Eli | NeurIPS 2025 |\n"
        "| 2024-04-09 | Fay | WIP Presentation: Shaving Yaks in Distributed Builds |\n",
    )
    meetings, problems, _ = read_meetings(path)
    assert problems == []
    assert [[p.title for p in m.papers] for m in meetings] == [
        ["ATTENTION IS ALL YOU NEED"],
        ["Presentation Attack Detection with Deep Features"],
        ["Sorting Marbles in Parallel"],
        [],
        [],
        [],
    ]
    assert [m.note for m in meetings[3:]] == [
        "ICFP / SPLASH '25",
        "NeurIPS 2025",
        "WIP Presentation: Shaving Yaks in Distributed Builds",
    ]
    assert sorted(p.title for p in paperlab.load(path)) == [
        "ATTENTION IS ALL YOU NEED",
        "Presentation Attack Detection with Deep Features",
        "Sorting Marbles in Parallel",
    ]


def test_a_paper_notes_column_holds_notes_and_a_speaker_bio_no_presenters(tmp_path: Path) -> None:
    path = _schedule(
        tmp_path,
        "# Reading group\n\n| Date | Presenter | Paper | Paper notes | Speaker bio |\n|---|---|---|---|---|\n"
        "| 2024-03-05 | Ada Quill | Teapot Consensus Revisited at Scale | We compared it with recurrent models at length "
        "| Works on kettles |\n"
        "| 2024-03-12 | Bo Renn | Garden Paths for Lock-Free Queues | Skip the proofs | Likes queues |\n",
    )
    meetings, problems, _ = read_meetings(path)
    assert problems == []
    assert [[p.title for p in m.papers] for m in meetings] == [
        ["Teapot Consensus Revisited at Scale"],
        ["Garden Paths for Lock-Free Queues"],
    ]
    assert [m.presenters for m in meetings] == [["Ada Quill"], ["Bo Renn"]]
    notes = {p.title: p.extra.get("note") for p in paperlab.load(path)}
    assert notes == {
        "Teapot Consensus Revisited at Scale": "We compared it with recurrent models at length",
        "Garden Paths for Lock-Free Queues": "Skip the proofs",
    }


def test_column_roles_by_name() -> None:
    assert header_roles(["Date", "Presenter", "Paper", "Paper notes"]) == ["date", "presenter", "paper", "note"]
    assert header_roles(["Date", "Reading / session", "Leading"]) == ["date", "paper", "presenter"]
    # the word rule gives no second paper column, and none when a word says the column is about the paper
    assert header_roles(["Date", "Paper", "Reading/Activity", "Speaker / bio", "Speaker bio"]) == [
        "date",
        "paper",
        None,
        None,
        None,
    ]
    # a second notes column beside "Notes" keeps no role (its cells stay the meeting's)
    assert header_roles(["Date", "Paper", "Notes", "Paper summary"]) == ["date", "paper", "note", None]


def test_an_authors_cell_cut_short_by_et_al(tmp_path: Path) -> None:
    path = _schedule(
        tmp_path,
        "# Reading group\n\n| Date | Presenter | Paper | Authors |\n|---|---|---|---|\n"
        "| 2024-03-05 | Ada | Teapot Consensus Revisited at Scale | Odile Ferrant, Pavel Marek et al. |\n"
        "| 2024-03-12 | Bo | Garden Paths for Lock-Free Queues | Ines Varga, Tomas Lind, et.al. |\n"
        "| 2024-03-19 | Cy | Sorting Marbles in Parallel | Rhea Moss and others |\n"
        "| 2024-03-26 | Dee | Foghorn Work Stealing for Ships | Maren Holt, Jonas Berg |\n",
    )
    papers = {p.title: p for p in paperlab.load(path)}
    got = {t: (p.authors, p.extra.get("more_authors", False)) for t, p in papers.items()}
    assert got == {
        "Teapot Consensus Revisited at Scale": (["Odile Ferrant", "Pavel Marek"], True),
        "Garden Paths for Lock-Free Queues": (["Ines Varga", "Tomas Lind"], True),
        "Sorting Marbles in Parallel": (["Rhea Moss"], True),
        "Foghorn Work Stealing for Ships": (["Maren Holt", "Jonas Berg"], False),
    }
    assert {p.extra["meeting_date"] for p in papers.values()} == {
        d.isoformat() for d in (dt.date(2024, 3, d) for d in (5, 12, 19, 26))
    }


# -- the second review (R2) -------------------------------------------------------------------------------------


def test_a_paper_linked_to_its_recorded_talk_is_kept_and_a_cell_saying_talk_is_not(tmp_path: Path) -> None:
    path = _schedule(
        tmp_path,
        HEADER + "| 2025-01-10 | Ada | [Attention Is All You Need](https://www.youtube.com/watch?v=abcdefghijk) |\n"
        "| 2025-01-17 | Bo | [Keynote talk on Gardens](https://www.youtube.com/watch?v=bcdefghijkl) |\n"
        "| 2025-01-24 | Cy | Sorting Marbles in Parallel [link](https://vimeo.com/123456) |\n",
    )
    meetings, problems, _ = read_meetings(path)
    assert problems == []
    got = [[(p.title, p.url, p.extra.get("links")) for p in m.papers] for m in meetings]
    assert got == [
        [("Attention Is All You Need", None, ["https://www.youtube.com/watch?v=abcdefghijk"])],  # dropped before
        [],  # the cell says it is a talk: the meeting's note
        [("Sorting Marbles in Parallel", None, ["https://vimeo.com/123456"])],
    ]
    assert meetings[1].note == "Keynote talk on Gardens"


def _yaml_schedule(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "group-sessions.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_reading_fields_by_their_own_name_not_their_last_word(tmp_path: Path) -> None:
    path = _yaml_schedule(
        tmp_path,
        "- date: 2025-02-03\n  presenter: Ada\n  readings:\n"
        "    - title: Drip Lines That Learn\n      slides-link: https://example.org/slides/drip.pdf\n"
        "      paper-link: https://arxiv.org/abs/2602.11111\n"
        "- date: 2025-02-10\n  presenter: Bo\n  readings:\n"
        "    - first-author-name: Kasper Lindqvist\n      title: A Snail-Safe Path Planner\n"
        "      code-url: https://example.org/code/snail\n      paper_url: https://doi.org/10.1234/snail.2025.7\n"
        "- date: 2025-02-17\n  presenter: Cy\n  readings:\n"
        "    - title: Pruning Roses at Scale\n      video: https://www.youtube.com/watch?v=cdefghijklm\n"
        "    - paper-title: Mulch as a Service\n      paper-link: https://example.org/mulch.pdf\n",
    )
    meetings, problems, _ = read_meetings(path)
    assert problems == []
    assert [[(p.title, p.url, p.arxiv_id, p.doi) for p in m.papers] for m in meetings] == [
        [("Drip Lines That Learn", "https://arxiv.org/abs/2602.11111", "2602.11111", None)],  # not the slides
        [("A Snail-Safe Path Planner", "https://doi.org/10.1234/snail.2025.7", None, "10.1234/snail.2025.7")],
        [("Mulch as a Service", "https://example.org/mulch.pdf", None, None)],  # a reading labelled a video is none
    ]


def test_dois_with_brackets_in_schedule_links(tmp_path: Path) -> None:
    doi_a, doi_b = "10.1016/S0140-6736(20)30183-5", "10.1016/S0140-6736(21)00001-2"
    md = _schedule(
        tmp_path,
        HEADER + f"| 2025-01-24 | Cy | [Clinical Features of Snails in Wet Gardens](https://doi.org/{doi_a}) |\n",
    )
    meetings, problems, _ = read_meetings(md)
    assert problems == []
    assert [(p.title, p.doi) for p in meetings[0].papers] == [("Clinical Features of Snails in Wet Gardens", doi_a)]
    yml = _yaml_schedule(
        tmp_path,
        "- date: 2025-02-10\n  presenter: Bo\n  readings:\n"
        f"    - title: A Snail-Safe Path Planner\n      paper-link: https://doi.org/{doi_a}\n"
        f"    - title: Another Snail Study In Wet Soil\n      paper-link: https://doi.org/{doi_b}\n",
    )
    meetings, problems, _ = read_meetings(yml)
    assert problems == []
    assert [(p.title, p.doi) for p in meetings[0].papers] == [
        ("A Snail-Safe Path Planner", doi_a),  # both were cut to "10.1016/S0140-6736(2" before
        ("Another Snail Study In Wet Soil", doi_b),
    ]
    assert len(paperlab.load(yml)) == 2

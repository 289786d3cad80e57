"""Reading-group schedules in layouts found on real group sites nobody tuned the reader for
(benchmarks/bench_markdown_sweep.py): a YAML list per term with ``person`` and a ``readings`` list under a meeting's
``title``; a Jekyll page keeping its ``sessions:`` in the front matter; ``leader | description | url`` records where
the description names the linked paper.

The files are our own (tests/data/session/schedule-*.yml / .md), written in those layouts with made-up meetings.
"""

from __future__ import annotations

import datetime as dt

import pytest
from paths import DATA

import paperlab
from paperlab.sources import detect_format

SESSION = DATA / "session"
READINGS = SESSION / "schedule-readings.yml"
FRONT_MATTER = SESSION / "schedule-front-matter.md"
DESCRIPTIONS = SESSION / "schedule-descriptions.yml"


def test_readings_under_a_meeting_title() -> None:
    assert detect_format(READINGS) == "schedule"  # was taken for a recorded HTTP cassette
    s = paperlab.Schedule.from_file(READINGS)
    assert [m.date for m in s] == [dt.date(2025, 9, d) for d in (10, 17, 24)] + [dt.date(2025, 10, d) for d in (1, 8)]
    assert [m.presenters for m in s] == [[], ["Robin Quill"], ["Sam Ink"], ["Robin Quill"], []]  # "person:"
    second = s.meetings[1]
    # the readings are the papers; the meeting's title is its topic, not a paper
    assert [(p.title, p.arxiv_id) for p in second.papers] == [
        ("Reading Lists Considered Helpful", "2501.00042"),
        ("A chapter handed out in the room", None),
    ]
    assert second.extra == {"topic": "How we choose what to read"}
    assert [p.title for p in s.meetings[3].papers] == ["Margins: Wide or Narrow?", "Footnotes at Scale"]
    assert s.meetings[3].papers[0].url == "https://example.org/margins.pdf"
    # meetings without readings keep their title as the note; none of them is a paper
    assert [(m.note, m.papers) for m in (s.meetings[0], s.meetings[2], s.meetings[4])] == [
        ("Introduction and planning", []),
        ("Open floor?", []),
        ("Autumn break", []),
    ]
    assert s.meetings[4].skipped and not s.meetings[2].skipped
    assert len(paperlab.load(READINGS)) == 4


def test_sessions_in_the_front_matter() -> None:
    assert detect_format(FRONT_MATTER) == "schedule"  # was read as a README without a paper table
    s = paperlab.Schedule.from_file(FRONT_MATTER)
    assert [(m.date, m.presenters) for m in s] == [
        (dt.date(2026, 1, 13), ["Lee Quarto"]),
        (dt.date(2026, 1, 20), ["Mo Serif"]),
        (dt.date(2026, 1, 27), ["Lee Quarto"]),
    ]
    first = s.meetings[0].papers[0]
    assert (first.title, first.arxiv_id, first.authors, first.journal_ref) == (
        "Typesetting Equations Without Tears",
        "2511.00123",
        ["A. Folio", "B. Octavo"],
        "DocEng '25",
    )
    assert s.meetings[1].papers == [] and s.meetings[1].note == "Practice Talk"  # a talk, not a paper
    assert s.meetings[2].papers[0].doi == "10.1145/0000000.0000001"


def test_a_description_names_the_linked_paper() -> None:
    s = paperlab.Schedule.from_file(DESCRIPTIONS)
    assert [m.presenters for m in s] == [["Pat Margin"], ["Ray Gutter"], ["Pat Margin"]]  # "leader:"
    papers = [p for m in s for p in m.papers]
    assert [(p.title, p.arxiv_id, p.url) for p in papers] == [
        ("Stacked Footnotes for Long Documents", "2103.00011", "https://arxiv.org/pdf/2103.00011.pdf"),
        ("Widows and Orphans in Neural Layout", None, "https://openreview.net/forum?id=Widows0"),
    ]  # was titled by its URL ("arXiv:2103.00011")
    assert "note" not in papers[0].extra  # the description is the title, not repeated as a note
    assert s.meetings[1].papers == [] and s.meetings[1].extra == {"time": "10:00-11:00"}


CITATIONS = SESSION / "schedule-citations.md"


def test_references_written_out_and_rows_continuing_a_meeting() -> None:
    s = paperlab.Schedule.from_file(CITATIONS)
    # rows whose date and presenter are empty continue the meeting above: four meetings, not six
    assert [(m.date, m.presenters) for m in s] == [
        (dt.date(2018, 3, 1), ["Kim"]),
        (dt.date(2018, 3, 8), ["Lee"]),
        (dt.date(2018, 3, 15), ["Kim"]),
        (dt.date(2018, 3, 22), ["Lee"]),
    ]
    kerning, ligatures = s.meetings[0].papers[0], s.meetings[1].papers[0]
    # "Authors. **Title**. Venue": the bold part is the title (was the whole reference, bold marks included)
    assert (kerning.title, kerning.authors, kerning.journal_ref) == (
        "Kerning Considered Harmful",
        ["Ann Serif", "Bo Mono"],
        "DocEng 2017",
    )
    assert (ligatures.title, ligatures.authors, ligatures.journal_ref) == (
        "Ligatures at Scale",
        ["Cy Italic"],  # "et al." dropped
        "Preprint 2018",  # the link to nothing "[[Slides]]()" dropped
    )
    margins = s.meetings[2]
    assert [(p.title, p.authors, p.journal_ref) for p in margins.papers] == [
        ("Wide Margins Help Reading", ["Dee Folio", "Eve Quarto"], "CHI 2016"),
        ("Narrow Margins Save Paper", ["Fay Octavo"], "CHI 2017"),  # the "`by counting words`:" label dropped
    ]
    assert margins.note == "Two views on margins:"  # a heading inside the cell, no paper (code marks dropped)
    assert all(p.extra["meeting_date"] == "2018-03-15" and p.extra["presenters"] == ["Kim"] for p in margins.papers)
    assert s.meetings[3].papers[0].arxiv_id == "1803.00099"


def test_a_yaml_list_without_presenters_says_what_yaml_is_read() -> None:
    # was "expected a vcrpy YAML cassette with an 'interactions' list": a message about HTTP recordings
    with pytest.raises(paperlab.ParseError, match=r"expected a reading-group schedule .* or a recorded HTTP cassette"):
        paperlab.load(SESSION / "book-club.yml")


def test_an_arxiv_id_written_in_the_paper_cell_is_the_papers_id_not_part_of_its_title() -> None:
    s = paperlab.Schedule.from_file(SESSION / "schedule-named-ids.md")
    assert [(m.date.day, m.skipped) for m in s] == [(4, False), (11, True), (18, False), (25, False)]
    assert [(p.title, p.arxiv_id) for m in s for p in m.papers] == [
        ("Counting Sheep with Transformers", "2501.01234"),
        ("Gardens of Forking Gradients", "2502.04321"),
        ("A Very Plain Title With No Identifier", None),
    ]
    loaded = paperlab.load(SESSION / "schedule-named-ids.md")
    assert [p.arxiv_id for p in loaded] == ["2501.01234", "2502.04321", None]
    assert loaded[0].title == "Counting Sheep with Transformers"  # was "… (arXiv:2501.01234)", no id

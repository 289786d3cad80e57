"""Schedule columns recognised by their header words and by their cells (issue 12, session 7's fresh round): a
"Reading / session" or "Reading/Activity" column holds the papers, a "Leading" column or a "Format" column of
"Discussion led by X" / "Speaker: X" cells the presenters; dates written "March 3, 2025", "Feb. 24" or "02/05" under
a "## Spring 2024" heading; a bare YAML list of ``date``/``topic``/``materials`` whose material labelled "Paper"
links the topic's paper (in a file named as a reading group's); a YAML page whose ``sessions:`` follow another list.
Conference weeks ("SOSP / OSDI '24"), a linked workshop, work-in-progress talks and planning are no papers.

The files are our own (tests/data/session/schedule-led-by.md, schedule-activity.md, reading_group.yml,
group-sessions.yml), written in those layouts with made-up meetings and titles.
"""

from __future__ import annotations

import datetime as dt

import pytest
from paths import DATA

import paperlab
from paperlab.errors import ParseError
from paperlab.sources import detect_format
from paperlab.sources._schedule_columns import content_roles, lead_name
from paperlab.sources.schedule import read_meetings

SESSION = DATA / "session"


def test_a_format_column_of_led_by_cells_gives_the_presenters_and_reading_session_the_papers() -> None:
    path = SESSION / "schedule-led-by.md"
    assert detect_format(path) == "schedule"  # it was taken for a DailyArXiv README and refused
    meetings, problems, _ = read_meetings(path)
    assert problems == []
    assert [m.date for m in meetings] == [dt.date(2025, 3, 3), dt.date(2025, 2, 24), dt.date(2025, 2, 17)]
    assert [m.presenters for m in meetings] == [["Ines Varga"], ["Tomas Lind"], []]
    papers = [p for m in meetings for p in m.papers]
    assert [(p.title, p.arxiv_id) for p in papers] == [
        ("Pruning Lanterns by Moonlight", "2502.01234"),
        ("Counting Sheep with Sparse Experts", "2411.04321"),
        ("Kettles That Remember: Notes on Recurrence", None),
    ]
    assert papers[0].authors == ["Odile Ferrant", "Pavel Marek"]
    assert papers[0].extra.get("more_authors") is True  # "et al." cuts the list, it is no name
    assert papers[2].authors == ["Ada Quill", "Bo Renn"]
    assert [p.tags for p in papers] == [[], [], []]  # "### Meetings" only labels the table: no topic
    lib = paperlab.load(path)
    assert sorted(p.title for p in lib) == sorted(p.title for p in papers)


def test_reading_activity_and_leading_columns_and_what_is_no_paper() -> None:
    path = SESSION / "schedule-activity.md"
    assert detect_format(path) == "schedule"
    meetings, problems, _ = read_meetings(path)
    assert problems == []
    by_date = {m.date: m for m in meetings}
    fall = [m for m in meetings if m.section == "Fall 2023"]
    assert [m.date for m in fall] == [dt.date(2023, 12, d) for d in (4,)] + [
        dt.date(2023, 11, d) for d in (27, 20, 13, 6)
    ] + [dt.date(2023, 10, 30)]
    titles = {m.date: [p.title for p in m.papers] for m in meetings}
    assert titles[dt.date(2023, 11, 27)] == ["Garden Paths for Lock-Free Queues"]
    assert by_date[dt.date(2023, 11, 27)].papers[0].doi == "10.1234/gp.2023.17"
    assert by_date[dt.date(2023, 11, 27)].presenters == ["Maren"]
    assert titles[dt.date(2023, 11, 6)] == ["Teapot Consensus Revisited"]
    # a conference week, a work-in-progress talk and planning are meetings without papers
    for day in (dt.date(2023, 11, 20), dt.date(2023, 11, 13), dt.date(2023, 10, 30), dt.date(2023, 12, 4)):
        assert titles[day] == [], day
    assert by_date[dt.date(2023, 11, 13)].note == "WIP Presentation: Shaving Yaks in Distributed Builds"
    # the spring table: "Leading" is the presenter column, "02/05" dates take the heading's year
    spring = [m for m in meetings if m.section == "Spring 2024"]
    assert [m.date for m in spring] == [dt.date(2024, 2, d) for d in (5, 12, 19, 26)]
    assert [m.presenters for m in spring] == [["Maren"], [], ["Jonas"], ["Jonas"]]
    assert [[p.title for p in m.papers] for m in spring] == [
        ["Sorting Marbles in Parallel", "Marbles Revisited"],
        [],  # "SOSP / OSDI '24": conferences
        [],  # "[Lighthouse Scheduling](…) Workshop": an event
        ["Foghorn Work Stealing"],  # the lead-in before the link is no part of the title
    ]
    assert spring[1].note == "SOSP / OSDI '24"
    lib = paperlab.load(path)
    assert sorted(p.title for p in lib) == sorted(
        ["Garden Paths for Lock-Free Queues", "Teapot Consensus Revisited", "Sorting Marbles in Parallel"]
        + ["Marbles Revisited", "Foghorn Work Stealing"]
    )


def test_a_bare_yaml_list_of_topics_with_a_paper_material_link() -> None:
    path = SESSION / "reading_group.yml"
    assert detect_format(path) == "schedule"  # "the schedule names no paper" / an unknown YAML before
    meetings, problems, _ = read_meetings(path)
    assert problems == []
    assert [m.date for m in meetings] == [dt.date(2025, 5, d) for d in (2, 9, 16)]
    assert [[(p.title, p.arxiv_id, p.url) for p in m.papers] for m in meetings] == [
        [("Paper Boats: Floating Point Without Tears", "2504.00777", "https://arxiv.org/abs/2504.00777")],
        [("Sandcastles: A Study of Eventual Collapse", None, "https://example.org/papers/sandcastles.pdf")],
        [],
    ]
    assert meetings[2].note == "Lab retreat planning"


def test_the_same_yaml_list_without_a_name_saying_it_lists_meetings_is_refused_with_the_layouts(tmp_path) -> None:
    path = tmp_path / "items.yml"
    path.write_text((SESSION / "reading_group.yml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ParseError, match="expected a reading-group schedule"):
        paperlab.load(path)


def test_yaml_sessions_after_another_list_and_an_affiliation_after_the_name() -> None:
    meetings, problems, _ = read_meetings(SESSION / "group-sessions.yml")
    assert problems == []
    assert [(m.date, m.presenters) for m in meetings] == [(dt.date(2025, 10, 1), ["Rhea Moss"])]
    assert [p.title for p in meetings[0].papers] == ["Seeing Around Teacups with Coded Light"]


def test_lead_name_and_content_roles() -> None:
    assert lead_name("Discussion led by Ines Varga") == "Ines Varga"
    assert lead_name("Speaker: Tomas Lind") == "Tomas Lind"
    assert lead_name("Group discussion") == ""
    assert lead_name("Sparse models") is None
    rows = [["x", "Led by A"], ["y", "Speaker: B"], ["z", "Group discussion"]]
    assert content_roles(["paper", None], rows) == ["paper", "presenter"]
    dates = [["Mar. 3", "x"], ["March 10, 2025", "y"], ["TBA", "z"]]
    assert content_roles([None, "paper"], dates) == ["date", "paper"]
    assert content_roles([None, "paper"], [["Sparse models", "x"], ["Memory", "y"]]) == [None, "paper"]


def test_meetings_linking_only_to_event_pages_name_no_paper(tmp_path) -> None:
    path = tmp_path / "club-meetings.yml"
    path.write_text(
        "- date: 2024-03-05\n  title: 'Winter Social, Cake Edition'\n  url: https://example.org/events/winter-social\n"
        "- date: 2024-03-19\n  title: 'Sorting Networks by Hand'\n  url: https://example.org/papers/sorting.pdf\n",
        encoding="utf-8",
    )
    meetings, problems, _ = read_meetings(path)
    assert problems == []
    assert [[p.title for p in m.papers] for m in meetings] == [[], ["Sorting Networks by Hand"]]
    assert meetings[0].note == "Winter Social, Cake Edition"


def test_a_syllabus_yaml_of_weeks_days_and_readings() -> None:
    path = SESSION / "syllabus-weeks.yml"
    assert detect_format(path) == "schedule"  # "expected a reading-group schedule ... this YAML is neither" before
    meetings, problems, _ = read_meetings(path)
    assert problems == []
    assert [m.date for m in meetings] == [dt.date(2025, 9, 2), dt.date(2025, 9, 4), dt.date(2025, 9, 9)]
    assert [[(p.title, p.arxiv_id, p.doi) for p in m.papers] for m in meetings] == [
        [("The Gardener's Mindset", None, None)],  # the recorded talk on a video site is no paper
        [("Drip Lines That Learn", "2602.11111", None)],
        [("A Snail-Safe Path Planner", None, "10.1234/snail.2025.7")],
    ]
    assert [[p.authors for p in m.papers] for m in meetings] == [
        [["Ada Quill"]],
        [["Mirela Oduya", "Kasper Lindqvist"]],  # "A, and B"
        [[]],
    ]
    assert [m.extra.get("topic") for m in meetings] == ["Welcome", "Irrigation", "Snails"]
    assert meetings[0].extra.get("weektitle") == "Welcome / Gardens"

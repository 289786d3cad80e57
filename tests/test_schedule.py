"""Reading-group schedules (issue 12): CSV, YAML and markdown tables of date, presenter and paper per meeting, with
skipped weeks and notes that are no papers, read into a :class:`Schedule` and, through ``paperlab.load()``, into a
Library. Expectations on our own files (tests/data/session/schedule.*) and on the real ones come from reading them."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

import paperlab
from paperlab.errors import MeetingsOnlyWarning, ParseError, PartialImportWarning
from paperlab.services.sessions import Meeting, Schedule
from paperlab.sources import detect_format, load
from paperlab.sources._schedule_cells import cell_papers, date_order, link_ids, parse_day, presenters
from tests.paths import DATA, FIXTURES

SESSION = DATA / "session"
NOTES = FIXTURES / "reading_group_notes"
D = dt.date


def _schedule(path) -> tuple[Schedule, list[PartialImportWarning]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        s = Schedule.from_file(path)
    return s, [w.message for w in caught if isinstance(w.message, PartialImportWarning)]


def _row(s: Schedule) -> list[tuple[object, ...]]:
    return [(m.date, m.presenters, [p.id for p in m.papers], m.note, m.skipped) for m in s.meetings]


def test_public_names() -> None:
    assert paperlab.Schedule is Schedule
    assert Meeting.__module__ == "paperlab.sources.schedule"


def test_own_csv_month_first_skipped_week_notes_and_ids() -> None:
    s, warned = _schedule(SESSION / "schedule.csv")
    assert not warned and s.title == "schedule"
    assert _row(s) == [
        (D(2024, 1, 9), ["Ada Lovelace"], ["1706.03762"], None, False),
        (D(2024, 1, 16), ["Charles Babbage"], [s.meetings[1].papers[0].id], None, False),
        (D(2024, 1, 23), [], [], "No meeting: winter break", True),
        (D(2024, 1, 30), ["Grace Hopper", "Alan Turing"], [], "Lab retreat planning", False),
        (D(2024, 2, 6), ["Alan Turing"], ["1512.03385"], None, False),  # "arXiv:1512.03385" in the Link column
        (D(2024, 2, 13), ["Marie Curie"], ["2001.08361"], None, False),  # an arXiv DOI
        (D(2024, 2, 20), ["Niels Bohr"], ["doi:10.1007/s11222-007-9033-z"], None, False),
        (D(2024, 2, 27), ["Ada Lovelace"], [], None, False),  # paper TBA
        (None, ["Charles Babbage"], [], None, False),  # date TBA
    ]
    assert [m.where for m in s.meetings][:3] == ["line 2", "line 3", "line 5"]  # the BERT cell spans lines 3-4
    bert = s.meetings[1].papers[0]
    assert bert.title == "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
    assert bert.url == "https://aclanthology.org/N19-1423/" and bert.venue == "NAACL 2019"
    attention = s.meetings[0].papers[0]
    assert attention.title == "Attention Is All You Need" and attention.version == 7
    assert attention.journal_ref == "NeurIPS 2017" and attention.extra["note"] == "the transformer"
    assert attention.extra["presenters"] == ["Ada Lovelace"] and attention.extra["meeting_date"] == "2024-01-09"
    assert attention.sources[0].name == "schedule" and attention.sources[0].record == "line 2"
    assert s.presenters == [
        "Ada Lovelace",
        "Charles Babbage",
        "Grace Hopper",
        "Alan Turing",
        "Marie Curie",
        "Niels Bohr",
    ]
    assert len(s.library) == 5


def test_own_yaml_lists_mappings_and_a_bad_record() -> None:
    s, warned = _schedule(SESSION / "schedule.yaml")
    assert s.title == "Robustness reading group"
    assert _row(s) == [
        (D(2024, 3, 4), ["Ada Lovelace"], ["1412.6572"], None, False),
        (D(2024, 3, 11), ["Charles Babbage", "Grace Hopper"], ["1706.06083", "1902.02918"], None, False),
        (D(2024, 3, 18), [], [], "No meeting (spring holiday)", True),
        (D(2024, 3, 25), ["Alan Turing"], ["1312.6199"], None, False),  # "March 25, 2024"
    ]
    assert s.meetings[1].papers[0].title == "Towards Deep Learning Models Resistant to Adversarial Attacks"
    assert s.meetings[3].papers[0].title == "Intriguing properties of neural networks"  # a "title:" key
    assert s.meetings[3].papers[0].venue == "ICLR 2014"
    (w,) = warned
    assert [p.where for p in w.problems] == ["record 5"] and "expected a mapping" in w.problems[0].message


def test_own_markdown_terms_html_cells_and_several_papers_per_meeting() -> None:
    s, warned = _schedule(SESSION / "schedule.md")
    assert not warned
    assert _row(s) == [
        (D(2023, 10, 5), ["Ada Lovelace"], ["2005.14165"], None, False),
        (D(2023, 10, 12), ["Charles Babbage", "Grace Hopper"], ["2201.11903", "2203.11171"], None, False),
        (D(2023, 10, 19), ["Alan Turing", "Marie Curie"], ["2203.02155", "2204.05862"], None, False),
        (D(2023, 10, 26), ["Niels Bohr"], [], "Prompt engineering tutorial", False),
        (D(2023, 7, 13), ["Ada Lovelace"], ["2002.08909"], None, False),
        (None, [], ["2004.04906"], None, False),  # <span>TBA</span> date and presenter
    ]
    assert [m.section for m in s.meetings] == ["2023 Autumn | Language models"] * 4 + ["2023 Summer | Retrieval"] * 2
    assert [p.title for p in s.meetings[2].papers] == [
        "Scaling and alignment (Paper 1)",
        "Scaling and alignment (Paper 2)",
    ]
    assert s.meetings[5].papers[0].title == "Dense Passage Retrieval for Open-Domain Question Answering"
    assert s.meetings[0].extra["Time"] == "14:00 - 15:00\n(UTC +1)"
    assert [m.where for m in s.meetings] == ["line 15", "line 16", "line 17", "line 18", "line 27", "line 28"]
    assert s.meetings[0].papers[0].tags == ["2023 Autumn | Language models"]


def test_own_markdown_without_outer_pipes_year_less_dates_and_an_authors_column() -> None:
    s, warned = _schedule(SESSION / "schedule-leads.md")
    assert not warned
    assert _row(s) == [
        (D(2023, 9, 12), ["Ada Lovelace"], ["1512.03385"], None, False),  # "**Sep 12**": the year of the heading
        (D(2023, 9, 19), [], [], "no meeting", True),  # "*no meeting*" in the presenter column
        (D(2023, 9, 26), ["Alan Turing"], ["1412.6980"], None, False),
        (D(2023, 10, 3), ["Grace Hopper"], ["doi:10.5555/3045118.3045167"], None, False),  # title + DOI column
    ]
    assert s.meetings[0].papers[0].authors == ["Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"]
    assert s.meetings[2].papers[0].authors == ["Diederik P. Kingma", "Jimmy Ba"]
    assert s.meetings[3].papers[0].title == "Batch normalization"


def test_a_markdown_schedule_is_titled_by_its_first_heading(tmp_path) -> None:
    """Second walkthrough: group.md, headed "# Reading group — spring", showed its table under "group"."""
    assert _schedule(SESSION / "schedule-leads.md")[0].title == "ML reading group — Fall 2023"
    table = "| Date | Presenter | Paper |\n| --- | --- | --- |\n| 2026-03-02 | Ana | [A paper](https://arxiv.org/abs/2401.00001) |\n"
    titled = tmp_path / "group.md"
    titled.write_text(f"Some notes first.\n\n## Week 1\n\n# Reading group — spring | <b>2026</b>\n\n{table}")
    s = _schedule(titled)[0]
    assert s.title == "Reading group — spring | 2026" and s.library.name == s.title  # markup dropped
    assert s.to_markdown().splitlines()[0] == "# Reading group — spring \\| 2026"  # escaped for the table's renderer
    untitled = tmp_path / "group2.md"
    untitled.write_text(f"## Week 1\n\n{table}")  # no "#" heading: the file's name, as before
    assert _schedule(untitled)[0].title == "group2"


def test_own_html_table() -> None:
    s, warned = _schedule(SESSION / "schedule.html")
    assert not warned
    assert _row(s) == [
        (D(2022, 1, 7), ["Ada Lovelace"], ["1605.08803"], None, False),
        (D(2022, 1, 14), [], [], "Cancelled", True),  # "<em>Cancelled</em>" in the speaker column
        (D(2022, 1, 21), ["Alan Turing", "Grace Hopper"], ["1806.07366"], None, False),  # title, <br>, "pdf" link
    ]
    assert [m.where for m in s.meetings] == ["line 9", "line 10", "line 11"]
    assert {m.section for m in s.meetings} == {"Winter 2022"}
    assert s.meetings[2].papers[0].title == "Neural Ordinary Differential Equations"


def test_load_detects_schedules_by_their_columns(tmp_path) -> None:
    for name, n in (
        ("schedule.csv", 5),
        ("schedule.md", 7),
        ("schedule.yaml", 4),
        ("schedule-leads.md", 3),
        ("schedule.html", 2),
    ):
        assert detect_format(SESSION / name) == "schedule"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PartialImportWarning)
            assert len(load(SESSION / name)) == n, name
    # a table of papers and dates without presenters is no schedule (a DailyArXiv README, paperlab's CSV export)
    assert detect_format(DATA / "dailyarxiv" / "README.md") == "dailyarxiv"
    export = tmp_path / "export.csv"
    export.write_text("title,id,published,authors\nA paper,2401.00001,2024-01-01,Ada Lovelace\n")
    assert detect_format(export) == "csv"


def test_errors_name_the_file(tmp_path) -> None:
    with pytest.raises(ParseError, match="file not found"):
        Schedule.from_file(tmp_path / "missing.csv")
    plain = tmp_path / "plain.csv"
    plain.write_text("a,b\n1,2\n")
    with pytest.raises(ParseError, match=r"plain\.csv, line 1: expected a schedule"):
        Schedule.from_file(plain)
    notes_only = tmp_path / "notes.csv"
    notes_only.write_text("Date,Presenter,Paper\n2024-01-01,--,No meeting: holiday\n")
    with pytest.warns(MeetingsOnlyWarning, match=r"notes\.csv: the schedule names no paper"):
        assert len(load(notes_only)) == 0
    assert len(Schedule.from_file(notes_only).meetings) == 1


@pytest.mark.parametrize(
    ("cells", "order"),
    [
        (["29/03/21", "10/1/2022"], "dmy"),  # 29 cannot be a month
        (["3/14/2024", "3/7/2024"], "mdy"),
        (["1/2/2024", "1/9/2024", "1/16/2024"], "mdy"),  # ambiguous: month-first puts them all on a Tuesday
        (["2/1/2024", "9/1/2024"], "dmy"),  # tie or day-first weekly: day-first
    ],
)
def test_date_order(cells: list[str], order: str) -> None:
    assert date_order(cells) == order


def test_parse_day_and_cells() -> None:
    assert parse_day("11-12-20") == D(2020, 12, 11)
    assert parse_day("07-03-2018") == D(2018, 3, 7)
    assert parse_day("2024-03-05") == D(2024, 3, 5)
    assert parse_day("Tue 5 Mar", year=2024) == D(2024, 3, 5)
    assert parse_day("Mar 5", year=None) is None and parse_day("31/02/21") is None and parse_day("TBA") is None
    assert presenters("Rohit Ram, Andrew Law, and Marian-Andrei Rizoiu") == [
        "Rohit Ram",
        "Andrew Law",
        "Marian-Andrei Rizoiu",
    ]
    assert presenters("Tasnim, <br>Tasnim, <br> Shafiq") == ["Tasnim", "Shafiq"]
    assert presenters("--") == [] and presenters('<span style="color:red">TBA</span>') == []
    papers, note = cell_papers(
        "GPT [Paper](https://example.org/gpt.pdf),<br> XLM [Paper](https://arxiv.org/abs/1901.07291)"
    )
    assert [(p.title, p.arxiv_id) for p in papers] == [("GPT", None), ("XLM", "1901.07291")] and note is None
    assert cell_papers("Recurrent Neural Network") == ([], "Recurrent Neural Network")  # a topic, no paper
    assert link_ids("[ACL2021](https://aclanthology.org/2021.findings-acl.338/)")[0] == "ACL2021"  # a venue link
    assert link_ids("[Paper 2](https://arxiv.org/abs/1409.3215)")[0] == ""  # a generic label names nothing
    assert cell_papers("No group reading. Public holiday") == ([], "No group reading. Public holiday")


# -- the real schedules ----------------------------------------------------------------------------------


@pytest.mark.realdata
def test_real_uts_2021_csv() -> None:
    """behavioral-ds_UTS_reading_group_schedule_2021.csv: 36 rows, 22 with a paper link, 5 with presenter "--"."""
    s, warned = _schedule(NOTES / "behavioral-ds_UTS_reading_group_schedule_2021.csv")
    assert not warned and len(s.meetings) == 36
    assert sum(len(m.papers) for m in s.meetings) == 22 and len(s.library) == 22
    assert [m.date_text for m in s.meetings if m.skipped] == [
        "31/05/21",
        "14/06/21",
        "20/09/21",
        "04/10/21",
        "22/11/21",
    ]
    first = s.meetings[0]
    assert (first.date, first.presenters) == (D(2021, 3, 29), ["Dima Galat"])
    assert first.papers[0].title == "Making Monolingual Sentence Embeddings Multilingual using Knowledge Distillation"
    assert first.papers[0].venue == "EMNLP 2020"
    three = next(m for m in s.meetings if m.date == D(2021, 6, 28))
    assert three.presenters == ["Rohit Ram", "Andrew Law", "Marian-Andrei Rizoiu"] and three.note == "3MT Series"
    assert {"2101.06329", "1808.09115", "2104.07540", "2002.12501", "1703.03400", "2008.11308"} <= set(s.library.ids)
    assert "doi:10.1371/journal.pone.0250015" in s.library.ids
    gang = next(m for m in s.meetings if m.date == D(2021, 8, 2)).papers[0]  # a link wrapped over two CSV lines
    assert gang.title == "Is Gang Violent Crime More Contagious than Non\u2011Gang Violent Crime?"
    assert next(m for m in s.meetings if m.date == D(2021, 11, 29)).note == "CA1 Dry Run"
    assert detect_format(NOTES / "behavioral-ds_UTS_reading_group_schedule_2021.csv") == "schedule"


@pytest.mark.realdata
def test_real_uts_markdown_table() -> None:
    """behavioral-ds_UTS_reading_2021-05-31_markdown_table.md: 39 rows under "## Schedule 2021", 8 paper links."""
    s, warned = _schedule(NOTES / "behavioral-ds_UTS_reading_2021-05-31_markdown_table.md")
    assert not warned and len(s.meetings) == 39
    assert {m.section for m in s.meetings} == {"Schedule 2021"}
    assert sum(len(m.papers) for m in s.meetings) == 8
    assert [m.date_text for m in s.meetings if m.skipped] == ["31/05/21", "14/06/21", "11/10/21"]
    assert s.meetings[-1].date == D(2021, 12, 27) and s.meetings[-1].presenters == ["Dima Galat"]
    assert len(load(NOTES / "behavioral-ds_UTS_reading_2021-05-31_markdown_table.md")) == 8


@pytest.mark.realdata
def test_real_ntu_post_with_terms_and_html_cells() -> None:
    """ntunlpsg_NTU-NLP_reading-group_post.md: 6 term tables, 45 non-empty rows naming 57 papers (RAG twice); two
    rows of 11-07-2018 (a paper each, Phi and Shafiq, then Song) are one meeting with two papers (44 meetings)."""
    s, warned = _schedule(NOTES / "ntunlpsg_NTU-NLP_reading-group_post.md")
    assert not warned and len(s.meetings) == 44
    joined = next(m for m in s.meetings if m.date == D(2018, 7, 11))
    assert [p.title for p in joined.papers] == ["Transformer Network", "Limitations of Unsup. Word Translation"]
    assert joined.presenters == ["Phi", "Shafiq", "Song"]
    assert [p.extra["presenters"] for p in joined.papers] == [["Phi", "Shafiq"], ["Song"]]
    assert [
        len([m for m in s.meetings if m.section == sec]) for sec in dict.fromkeys(m.section for m in s.meetings)
    ] == [
        2,
        11,
        1,
        5,
        8,
        17,
    ]
    assert sum(len(m.papers) for m in s.meetings) == 57 and len(s.library) == 56
    assert [m.date for m in s.meetings].count(None) == 5  # the TBA rows
    assert s.meetings[0].date == D(2020, 12, 11) and s.meetings[0].papers[0].arxiv_id == "2009.07839"
    rnn = next(m for m in s.meetings if m.date == D(2018, 3, 7))
    assert rnn.papers == [] and rnn.note == "Recurrent Neural Network" and rnn.presenters == ["Tasnim", "Saiful"]
    seq = next(m for m in s.meetings if m.date == D(2018, 3, 14))
    assert [p.arxiv_id for p in seq.papers] == ["1406.1078", "1409.3215"]
    three = next(m for m in s.meetings if m.date == D(2019, 6, 21))
    assert [p.title for p in three.papers] == ["GPT", "XLM", "Sparse Transformer"]
    assert three.presenters == ["Tasnim", "Shafiq"]


@pytest.mark.realdata
def test_real_uts_2022_csv_held_out() -> None:
    """behavioral-ds_UTS_reading_group_schedule_2022.csv, kept aside while developing: 51 rows, 21 paper links,
    8 rows with presenter "--", dates written 10/1/2022 and 17/01/22 (day first), a last row without a date."""
    path = NOTES / "behavioral-ds_UTS_reading_group_schedule_2022.csv"
    s, warned = _schedule(path)
    assert not warned and len(s.meetings) == 51 and detect_format(path) == "schedule"
    assert sum(len(m.papers) for m in s.meetings) == 21 and len(load(path)) == 21
    assert sum(m.skipped for m in s.meetings) == 8
    assert [m.date for m in s.meetings[:3]] == [D(2022, 1, 10), D(2022, 1, 17), D(2022, 1, 24)]
    assert all(m.date is not None and m.date.weekday() == 0 for m in s.meetings[:-1])  # every meeting on a Monday
    assert (s.meetings[-1].date, s.meetings[-1].presenters) == (None, ["Elaine Gong"])
    assert next(m for m in s.meetings if m.date == D(2022, 4, 4)).note == "CA1 dry run"
    assert s.meetings[2].papers[0].journal_ref == "ACL2021"  # the venue cell is a link "[ACL2021](...)"
    assert {"1510.00936", "2106.05894", "2109.07445", "2012.13042", "1406.0516", "2112.00798", "2107.12576"} <= set(
        s.library.ids
    )

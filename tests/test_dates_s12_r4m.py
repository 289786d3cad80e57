"""Schedule dates written with a month word in any common layout ("25/Nov/2021", "25-Nov-2021", "Nov/25/2021",
"25 Nov. 2021", "25th November 2021") are read as days; a date cell that reads as no day is reported (file, line,
text) and its meeting kept; an import that skipped nothing raises no PartialImportWarning; ``paperlab feed
--offline`` names an unreachable source once. Our own small files (R4's findings 4 and 15, session 12)."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.cli import main
from paperlab.dates import looks_like_date, named_day
from paperlab.errors import FoundByFinderWarning, ImportProblem, PartialImportWarning
from paperlab.feed.profile import InterestProfile

NOV_25 = dt.date(2021, 11, 25)

_TABLE = """# Toy reading group

| Date | Paper | Presenter |
|------|-------|-----------|
| 25/Nov/2021 | [Toy-Former: Sorting Toys with Transformers](https://arxiv.org/abs/2101.00011) | Ada Quill |
| 9-Dec-2021 | [Tiny-Sort: Sorting with Very Few Labels](https://arxiv.org/abs/2101.00012) | Bo Dale |
| Jan/13/2022 | [Counting Toys in the Dark](https://arxiv.org/abs/2101.00013) | Cy Moss |
| 27 Jan. 2022 | [Toy Boxes as Graphs](https://arxiv.org/abs/2101.00014) | Di Rowe |
| 10th February 2022 | [Stacking Blocks Slowly](https://arxiv.org/abs/2101.00015) | Ed Fox |
"""


def _read(path: Path) -> tuple[paperlab.Schedule, list[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        schedule = paperlab.Schedule.from_file(path)
    return schedule, caught


@pytest.mark.parametrize(
    "text",
    ["25/Nov/2021", "25-Nov-2021", "Nov/25/2021", "25 Nov. 2021", "25th November 2021", "Nov 25, 2021",
     "25 of November, 2021", "Thu, 25 Nov 2021, 15:00", "2021-Nov-25", "2021 Nov 25"],
)  # fmt: skip
def test_a_day_written_with_a_month_word_in_any_common_layout(text: str) -> None:
    assert named_day(text) == NOV_25
    assert looks_like_date(text)


def test_what_is_no_day_stays_none() -> None:
    assert named_day("Mar 5") is None and named_day("Mar 5", 2019) == dt.date(2019, 3, 5)  # the page's year
    assert named_day("31/Feb/2021") is None and named_day("Nov 2021") is None and named_day("Week 3") is None
    assert named_day("Week 2 - Mar 5", 2019) == dt.date(2019, 3, 5)  # not the 2nd of March
    assert not any(looks_like_date(t) for t in ("Week 3", "Weeks 2-3", "1.5", "TBA", "12", "May", ""))


def test_schedule_table_dates_with_slashes_and_hyphens_are_days(tmp_path: Path) -> None:
    path = tmp_path / "schedule.md"
    path.write_text(_TABLE, encoding="utf-8")
    schedule, caught = _read(path)
    assert [m.date for m in schedule.meetings] == [
        NOV_25,
        dt.date(2021, 12, 9),
        dt.date(2022, 1, 13),
        dt.date(2022, 1, 27),
        dt.date(2022, 2, 10),
    ]
    assert [m.date_text for m in schedule.meetings][:2] == ["25/Nov/2021", "9-Dec-2021"]  # as written
    assert not [w for w in caught if isinstance(w.message, PartialImportWarning)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a plain success: nothing to warn about
        papers = list(paperlab.load(path))
    assert papers[0].extra["meeting_date"] == "2021-11-25" and papers[0].extra["meeting"] == "25/Nov/2021"


def test_a_date_cell_that_reads_as_no_day_is_reported_and_its_meeting_kept(tmp_path: Path) -> None:
    path = tmp_path / "schedule.md"
    path.write_text(_TABLE.replace("9-Dec-2021", "31-Feb-2022").replace("27 Jan. 2022", "TBA"), encoding="utf-8")
    schedule, caught = _read(path)
    assert [m.date for m in schedule.meetings][1:4] == [None, dt.date(2022, 1, 13), None]
    assert [len(m.papers) for m in schedule.meetings] == [1, 1, 1, 1, 1]  # every paper kept
    warned = [w.message for w in caught if isinstance(w.message, PartialImportWarning)]
    assert len(warned) == 1 and len(warned[0].problems) == 1  # "TBA" is no date: not reported
    problem = warned[0].problems[0]
    assert problem.where == "line 6" and "'31-Feb-2022'" in problem.message and not problem.skipped
    assert "kept in part" in str(warned[0]) and "skipped" not in str(warned[0])  # nothing was skipped
    assert str(path) in str(warned[0])
    with pytest.warns(PartialImportWarning, match=r"line 6: date '31-Feb-2022' reads as no day"):
        assert len(paperlab.load(path)) == 5


def test_a_heading_schedule_reads_dates_with_slashes_and_hyphens(tmp_path: Path) -> None:
    path = tmp_path / "meetings.md"
    path.write_text(
        "# Toy reading group\n\n## 25/Nov/2021: Sorting toys\n\n"
        "- [Toy-Former: Sorting Toys with Transformers](https://arxiv.org/abs/2101.00011)\n\n"
        "## 9-Dec-2021: Counting toys\n\n- [Tiny-Sort: Sorting with Very Few Labels](https://arxiv.org/abs/2101.00012)\n\n"
        "## Jan/13/2022: Toys in the dark\n\n- [Counting Toys in the Dark](https://arxiv.org/abs/2101.00013)\n",
        encoding="utf-8",
    )
    schedule, _ = _read(path)
    assert [(m.date, [p.arxiv_id for p in m.papers]) for m in schedule.meetings] == [
        (NOV_25, ["2101.00011"]),
        (dt.date(2021, 12, 9), ["2101.00012"]),
        (dt.date(2022, 1, 13), ["2101.00013"]),
    ]


def test_what_the_generic_finder_read_without_skipping_is_no_partial_import(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "# After the toy workshop\n\nAda brought up the toy sorting work, https://arxiv.org/abs/2101.00011, when we "
        "talked about boxes.\n\nBo said the block stacking preprint (arXiv:2101.00012) is worth a read.\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        papers = list(paperlab.load(path))
    assert [p.arxiv_id for p in papers] == ["2101.00011", "2101.00012"]
    assert not [w for w in caught if isinstance(w.message, PartialImportWarning)]
    found = [w.message for w in caught if isinstance(w.message, FoundByFinderWarning)]
    assert (
        len(found) == 1 and "generic paper finder" in str(found[0]) and "2 papers found, none skipped" in str(found[0])
    )


def test_a_partial_import_says_what_was_skipped_and_what_was_kept_in_part() -> None:
    skipped = ImportProblem("a.csv", "line 3", "meeting skipped: no cells")
    in_part = ImportProblem("a.csv", "line 4", "date '31/Feb/2021' reads as no day", skipped=False)
    both = str(PartialImportWarning("a.csv", [skipped, in_part], kept=2))
    assert both == (
        "a.csv: kept 2 records, skipped 1 bad one: a.csv, line 3: meeting skipped: no cells, "
        "1 kept in part: a.csv, line 4: date '31/Feb/2021' reads as no day"
    )
    assert "skipped" not in str(PartialImportWarning("a.csv", [in_part], kept=2)).split("kept in part")[0]


def test_cli_import_says_kept_in_part_not_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "schedule.md"
    path.write_text(_TABLE.replace("9-Dec-2021", "31-Feb-2022"), encoding="utf-8")
    assert main(["import", str(path)]) == 0
    err = capsys.readouterr().err
    assert "paperlab: kept in part: " in err and "line 6: date '31-Feb-2022'" in err and "skipped" not in err


def test_feed_offline_names_an_unreachable_source_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "profile.json"
    InterestProfile(categories=["cs.LG"], hf_daily=True).save(profile)
    args = ["feed", "--since", "2026-03-04", "--today", "2026-03-05", "--profile", str(profile), "--offline"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.count("arXiv listing: offline and not in the cache") == 1
    assert err.count("Hugging Face daily papers: offline and not in the cache") == 1
    assert "--from-library" in err and "nothing is cached yet" in err  # what to do instead, once each

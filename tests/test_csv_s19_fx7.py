"""Hand-made CSV lists and reading logs are read as papers (session 19, helper FX7), on our own small made-up files:
a list headed ``Title,Authors,Year`` as a spreadsheet writes it (only ``title`` in lower case was read), and a dated
reading log whose paper column is named 'Paper name', 'Publication' or 'Title' (read as meetings with no paper,
the titles lost in their notes). paperlab's own CSV export still reads back as it was written."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import MeetingsOnlyWarning


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_csv_headed_title_authors_year_in_capitals_is_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "reading.csv",
        "Title,Authors,Year,Journal,DOI,Link\n"
        "Widget Flows in Thin Sheets,Ada Quill; Bo Renn,2020,Journal of Widgets,10.5555/widget.2020.1,\n"
        'Gadget Rings and Their Folds,"Cy Tamm, Di Ulm",2021,,,https://example.org/gadgets\n',
    )
    widgets, gadgets = paperlab.load(path)
    assert (widgets.title, widgets.authors, widgets.published) == (
        "Widget Flows in Thin Sheets",
        ["Ada Quill", "Bo Renn"],
        dt.date(2020, 1, 1),
    )
    assert (widgets.venue, widgets.doi) == ("Journal of Widgets", "10.5555/widget.2020.1")
    assert (gadgets.title, gadgets.authors, gadgets.url) == (
        "Gadget Rings and Their Folds",
        ["Cy Tamm", "Di Ulm"],
        "https://example.org/gadgets",
    )


def test_lower_case_title_with_capitalised_other_columns_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "mixed.csv", "title,Author,Date\nSheet Folding at Scale,Ada Quill,2019-04-02\n")
    (paper,) = paperlab.load(path)
    assert (paper.title, paper.authors, paper.published) == (
        "Sheet Folding at Scale",
        ["Ada Quill"],
        dt.date(2019, 4, 2),
    )


def test_a_csv_naming_no_title_column_is_still_refused_clearly(tmp_path: Path) -> None:
    path = _write(tmp_path, "colours.csv", "Colour,Shade\nred,dark\nblue,light\n")
    with pytest.raises(paperlab.ParseError):
        paperlab.load(path)


def test_paperlabs_own_csv_export_reads_back(tmp_path: Path) -> None:
    lib = paperlab.Library(
        [paperlab.Paper("Widget Flows in Thin Sheets", authors=["Ada Quill", "Bo Renn"], doi="10.5555/w.1")]
    )
    path = tmp_path / "export.csv"
    lib.save(path)
    (paper,) = paperlab.load(path)
    assert (paper.title, paper.authors, paper.doi) == (
        "Widget Flows in Thin Sheets",
        ["Ada Quill", "Bo Renn"],
        "10.5555/w.1",
    )


@pytest.mark.parametrize("column", ["Paper name", "Publication", "Publication title", "Work"])
def test_a_dated_reading_log_names_its_papers_whatever_its_paper_column_is_called(tmp_path: Path, column: str) -> None:
    path = _write(
        tmp_path,
        "log.csv",
        f"{column},Date read,Notes\n"
        "Widget Flows in Thin Sheets,2024-03-01,clear and short\n"
        "Gadget Rings and Their Folds,2024-03-08,hard going\n",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", MeetingsOnlyWarning)  # was: no paper, two meetings noting the titles
        lib = paperlab.load(path)
    assert [p.title for p in lib] == ["Widget Flows in Thin Sheets", "Gadget Rings and Their Folds"]
    meetings = paperlab.Schedule.from_file(path).meetings
    assert [(m.date, [p.title for p in m.papers]) for m in meetings] == [
        (dt.date(2024, 3, 1), ["Widget Flows in Thin Sheets"]),
        (dt.date(2024, 3, 8), ["Gadget Rings and Their Folds"]),
    ]


def test_hourly_sensor_readings_are_no_schedule(tmp_path: Path) -> None:
    rows = "".join(f"2026-01-0{d} {h:02d}:00\t2{h % 10}.5\t{40 + h}\n" for d in (1, 2) for h in range(0, 24, 6))
    path = _write(tmp_path, "sensor.tsv", "timestamp\ttemperature\thumidity\n" + rows)
    with pytest.raises(paperlab.ParseError):  # was: 8 "meetings" with no note and a MeetingsOnlyWarning
        paperlab.load(path)
    with pytest.raises(paperlab.ParseError):
        paperlab.Schedule.from_file(path)


def test_the_cli_says_a_meetings_only_schedule_imported_no_paper_in_shell_terms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from paperlab.cli import main

    path = _write(tmp_path, "club.csv", "date,location,time\n03/05/2026,Widget Hall,7-9pm\n03/12/2026,Cog Room,6-8pm\n")
    assert main(["import", str(path)]) == 0
    err = capsys.readouterr().err
    assert "no paper imported" in err and "2 meetings" in err
    assert (
        f"in Python, paperlab.Schedule.from_file({str(path)!r}).meetings" in err
    )  # was: '(path)', said as if to Python

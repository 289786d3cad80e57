"""Import faults a new user met with unseen real files (issue 12, session 10 review, helper M1); own files in
tests/data/import_s10 and written inline."""

from __future__ import annotations

import warnings

import pytest
from paths import DATA

import paperlab
from paperlab import ParseError
from paperlab.cli import main

HERE = DATA / "import_s10"
PROPOSALS = HERE / "proposals.md"  # a table of links whose header names no title column: the generic finder reads it
TALK = HERE / "talk_no_papers.md"  # a talk transcript naming no paper


def test_cli_import_reads_a_file_as_load_does(capsys: pytest.CaptureFixture[str]) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lib = paperlab.load(PROPOSALS)
    assert [p.arxiv_id for p in lib] == ["2301.04417", "2302.11873", "2305.08812", "2307.01956"]
    assert lib[0].title == "Folding Paper Cranes at Scale"
    assert any("read by the generic paper finder" in str(w.message) for w in caught)
    assert main(["import", str(PROPOSALS)]) == 0  # it said "no paper table found" (its own format forced)
    out = capsys.readouterr().out
    assert "imported 4 papers" in out
    assert main(["list"]) == 0
    listed = capsys.readouterr().out
    assert "Folding Paper Cranes at Scale" in listed and "Thick Panels Without Collisions" in listed


def test_a_file_naming_no_paper_is_a_short_error_in_load_and_cli(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ParseError) as info:
        paperlab.load(TALK)
    message = str(info.value)
    first, second = message.split("\n")  # two lines: what it was read as, and the layouts known
    assert first.startswith(f"{TALK}: no papers found; read as a DailyArXiv-style README (no paper table found)")
    assert second.startswith("layouts known: DailyArXiv-style tables")
    assert "reading-group schedules" in second and "session notes" in second and "format=" in second
    assert len(message) < 800  # the full catalogue was 1.9k characters
    assert main(["import", str(TALK)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "talk_no_papers.md: no papers found; read as" in err
    assert "Traceback" not in err


def test_an_unknown_format_is_a_usage_error_listing_the_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--format", "markdown", str(PROPOSALS)]) == 2  # it was a ValueError traceback
    err = capsys.readouterr().err
    assert err.startswith("paperlab: error: unknown --format 'markdown'; the formats are: ")
    assert "bibtex" in err and "ris" in err and "csl" in err and "paper_list" in err and "Traceback" not in err
    with pytest.raises(ValueError, match="unknown format 'markdown'"):  # the Python API as before
        paperlab.load(PROPOSALS, format="markdown")


def test_import_help_names_every_format_it_reads(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    for name in ("BibTeX", "RIS", "CSL-JSON", "Web of Science", "Zotero JSON", "OpenAlex", "session notes"):
        assert name in text
    assert "ris, schedule, semantic_scholar" in text  # --format's choices

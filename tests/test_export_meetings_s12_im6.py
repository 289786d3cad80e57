"""A paper read from a reading-group schedule keeps who presented it and when through every export (R4's finding 5):
``paperlab export bibtex|ris|csljson --list X`` writes the presenters and the meeting (BibTeX fields, CSL-JSON
variables and RIS ``N1`` notes of ours), ``paperlab import`` of that file reads them back, and ``paperlab show ID``
prints them. Our own schedule, tests/data/export_s12_im6/reading-group.csv."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import paperlab
from paperlab import Library, Paper
from paperlab.cli import main
from paperlab.sources.bibtex import parse_bibtex
from paperlab.sources.csl import parse_csl
from paperlab.sources.ris import parse_ris

SCHEDULE = Path(__file__).parent / "data" / "export_s12_im6" / "reading-group.csv"
MEETING_KEYS = ("presenters", "meeting_date", "meeting")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _meetings(papers: list[Paper]) -> dict[str, dict[str, object]]:
    return {p.title: {k: p.extra[k] for k in ("presenters", "meeting_date") if k in p.extra} for p in papers}


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csljson"])
def test_export_then_import_keeps_presenters_and_meeting_date(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, "import", str(SCHEDULE), "--list", "jc")
    assert code == 0, err
    out = tmp_path / f"jc.{fmt}"
    code, _, err = run(capsys, "export", fmt, "--list", "jc", "-o", str(out))
    assert code == 0 and "wrote 2 papers" in err
    monkeypatch.setenv("PAPERLAB_HOME", str(tmp_path / "another-home"))  # a colleague's empty store
    code, _, err = run(capsys, "import", str(out))
    assert code == 0, err
    code, shown, err = run(capsys, "show", "10.5555/toys.2026.12")
    assert code == 0, err
    assert "presented: by Cy Moss, Di Rowe · 2026-02-12" in shown.splitlines()
    code, shown, err = run(capsys, "show", "2401.00077")
    assert "presented: by Bo Dale · 2026-02-05" in shown.splitlines()


def test_show_prints_who_presented_a_scheduled_paper(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "import", str(SCHEDULE))[0] == 0
    code, shown, err = run(capsys, "show", "2401.00077")
    assert code == 0, err
    assert "presented: by Bo Dale · 2026-02-05" in shown.splitlines()


def test_each_format_reads_back_what_it_wrote() -> None:
    papers = paperlab.load(SCHEDULE)
    want = _meetings(papers)
    assert want == {
        "Toy Sorting at Scale": {"presenters": ["Bo Dale"], "meeting_date": "2026-02-05"},
        "Block Towers Revisited": {"presenters": ["Cy Moss", "Di Rowe"], "meeting_date": "2026-02-12"},
    }
    lib = Library(papers)
    assert _meetings(parse_bibtex(lib.to_bibtex())) == want
    assert _meetings(parse_ris(lib.to_ris())) == want
    assert _meetings(parse_csl(json.loads(json.dumps(lib.to_csl())))) == want


def test_a_meeting_named_in_words_and_the_fields_as_written() -> None:
    paper = Paper(
        title="Counting Blocks by Hand",
        authors=["Ed Fox"],
        extra={"presenters": ["Fa Lin"], "meeting": "Week 3 (after the break)"},
    )
    bib = Library([paper]).to_bibtex()
    assert "paperlab-presenters = {Fa Lin}," in bib and "paperlab-meeting = {Week 3 (after the break)}," in bib
    ris = Library([paper]).to_ris()
    assert "N1  - paperlab-presenters: Fa Lin" in ris and "N1  - paperlab-meeting: Week 3 (after the break)" in ris
    item = paper.to_csl()
    assert item["paperlab-presenters"] == ["Fa Lin"] and item["paperlab-meeting"] == "Week 3 (after the break)"
    for back in (parse_bibtex(bib)[0], parse_ris(ris)[0], parse_csl([item])[0]):
        assert {k: back.extra.get(k) for k in MEETING_KEYS} == {
            "presenters": ["Fa Lin"],
            "meeting_date": None,
            "meeting": "Week 3 (after the break)",
        }
        assert back.comment is None  # our notes are no note of the paper's
        assert "paperlab" not in json.dumps(back.extra.get("bibtex_fields", {}))


def test_a_paper_of_no_meeting_writes_none_of_these_fields() -> None:
    paper = Paper(title="Counting Blocks by Hand", authors=["Ed Fox"])
    lib = Library([paper])
    assert "paperlab-" not in lib.to_bibtex() + lib.to_ris() + json.dumps(lib.to_csl())

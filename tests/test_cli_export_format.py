"""``paperlab export FORMAT``: the format as a positional argument too (the walkthrough's ``paperlab export bibtex -o
refs.bib`` failed with "the following arguments are required: --format"), the same choices as ``--format``, "csl"
short for csljson, and a clear error for an unknown, a missing or two different formats. Run through the CLI entry
point on a BibTeX file written here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from paperlab.cli import main

BIB = """@article{lind:24,
  author = {Lindqvist, Oskar and Solheim, Maren},
  title = {Steady Pixels: Training Image Classifiers That Ignore Printed Text},
  year = 2024,
}

@inproceedings{brandt:23,
  author = {Brandt, Ilse},
  title = {Folded Attention for Video Transformers},
  year = 2023,
}
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    bib = tmp_path / "mine.bib"
    bib.write_text(BIB, encoding="utf-8")
    assert run(capsys, "import", str(bib))[0] == 0
    return tmp_path


def test_format_as_a_positional_argument(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = imported / "refs.bib"
    code, _, err = run(capsys, "export", "bibtex", "-o", str(target))
    assert code == 0 and "wrote 2 papers" in err
    text = target.read_text(encoding="utf-8")
    assert text.count("@") == 2 and "title = {Folded Attention for Video Transformers}" in text
    assert run(capsys, "export", "--format", "bibtex", "-o", str(imported / "old.bib"))[0] == 0  # still works
    assert (imported / "old.bib").read_text(encoding="utf-8") == text


def test_csl_is_short_for_csljson(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = imported / "x.json"
    assert run(capsys, "export", "csl", "-o", str(target))[0] == 0
    items = json.loads(target.read_text(encoding="utf-8"))
    assert sorted(item["title"] for item in items) == [
        "Folded Attention for Video Transformers",
        "Steady Pixels: Training Image Classifiers That Ignore Printed Text",
    ]
    code, out, _ = run(capsys, "export", "jsonl")
    assert code == 0 and len(out.strip().splitlines()) == 2


def test_unknown_missing_and_conflicting_formats_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", "endnote")
    assert code == 2 and "invalid choice: 'endnote'" in err and "bibtex" in err and "csljson" in err
    code, _, err = run(capsys, "export")
    assert code == 2 and "export needs a format" in err and "dailyarxiv" in err
    code, _, err = run(capsys, "export", "bibtex", "--format", "json")
    assert code == 2 and "two formats" in err


def test_console_script_help_names_the_positional_format() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "paperlab.cli", "export", "--help"], capture_output=True, text=True, check=False
    )
    assert res.returncode == 0 and "FORMAT" in res.stdout and "paperlab export bibtex" in res.stdout

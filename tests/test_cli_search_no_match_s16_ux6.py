"""``paperlab search`` that finds nothing (session 15's leftover, UX5): it exited 0, like a search with hits, and its
last line did not say what had been searched. Now, as grep: exit status 1 when no paper matches (0 with a hit, 2 on
an error such as a file that cannot be read), said in ``--help``; the line on stderr names the query, where it was
searched (the library, a reading list, a file), how many papers that holds and how (mode, ``--all``).
Our own small file: tests/data/cli_s11/shelf.bib (made-up papers)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from paths import DATA

from paperlab.cli import main

SHELF = DATA / "cli_s11" / "shelf.bib"


def test_no_match_exits_1_and_says_what_was_searched(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(SHELF)]) == 0
    assert main(["import", str(SHELF), "--list", "routing"]) == 0
    capsys.readouterr()
    assert main(["search", "sourdough bread", "--mode", "lexical"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("0 results in your library")
    assert "no paper matches 'sourdough bread' closely enough in your library (3 papers, lexical search)" in err
    assert main(["search", "sourdough", "--list", "routing", "--mode", "lexical", "--all"]) == 1
    err = capsys.readouterr().err
    where = "in the reading list 'routing' (3 papers, lexical search, weaker matches too)"
    assert f"no paper matches 'sourdough' closely enough {where}" in err
    assert main(["search", "widget", "--mode", "lexical"]) == 0  # a hit: 0, as before
    assert "no paper matches" not in capsys.readouterr().err


def test_no_match_in_a_file_and_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "sourdough bread", "--mode", "lexical", "--corpus", str(SHELF)]) == 1
    err = capsys.readouterr().err
    assert f"no paper matches 'sourdough bread' closely enough in {SHELF}" in err
    assert main(["search", "sourdough bread", "--mode", "lexical", "--corpus", str(SHELF), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["results"] == []  # the JSON is still printed whole
    # an error is 2, never the "no match" 1
    assert main(["search", "widget", "--corpus", str(tmp_path / "gone.bib")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_help_documents_the_exit_status() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "paperlab.cli", "search", "--help"],
        capture_output=True,
        text=True,
        env={"COLUMNS": "80", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert res.returncode == 0
    text = " ".join(res.stdout.split())
    assert "Exit status (as grep's): 0 when a paper matches, 1 when none does" in text
    assert "2 on an error" in text

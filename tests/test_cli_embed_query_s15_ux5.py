"""``paperlab embed --query TEXT`` before any scale index was built (a researcher's morning, session 15): the
error said "no saved scale index here (meta.json missing; build it again)" — an index never built, and no word of
how to build it. Now it is a usage error (exit 2) naming the folder and the command that builds it
(``paperlab embed --index``); ``-k 0`` is refused at once like ``paperlab search -k 0``.

No model is loaded and no network is asked (the folder is empty).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlab.cli import main


def test_query_before_an_index_says_how_to_build_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "indexes"
    assert main(["embed", "--query", "tonal languages", "--index-dir", str(folder)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"paperlab: error: no scale index to search in {folder}: build it first with")
    assert "`paperlab embed --index`" in err and "build it again" not in err and "\n" not in err


def test_k_must_be_at_least_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["embed", "--query", "tonal languages", "-k", "0"]) == 2
    assert "argument -k: must be at least 1, got 0" in capsys.readouterr().err

"""``paperlab fetch`` when the service cannot be reached (a researcher's morning, session 15): the one-line error
names the service's URL without its query string (Semantic Scholar's field list, arXiv's paging ran the line to
400 characters in an 80-column terminal), still saying why, and comes at once (a refused port, no retry wait).

Servers: closed ports on 127.0.0.1 (tests/hostile.py); no other host is asked.
"""

from __future__ import annotations

import time

import pytest
from hostile import refused_port

from paperlab.cli import main


@pytest.mark.parametrize(
    ("env", "argv", "path"),
    [
        ("PAPERLAB_SEMANTIC_SCHOLAR_URL", ["fetch", "s2", "arXiv:2305.01234"], "/paper/ARXIV:2305.01234)"),
        ("PAPERLAB_ARXIV_URL", ["fetch", "arxiv", "all:speech", "--max", "5"], ")"),
    ],
    ids=["s2", "arxiv"],
)
def test_fetch_error_names_the_url_without_its_query(
    env: str, argv: list[str], path: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    base = f"http://127.0.0.1:{refused_port()}/api"
    monkeypatch.setenv(env, base)
    start = time.monotonic()
    assert main(argv) == 1
    assert time.monotonic() - start < 30
    err = capsys.readouterr().err
    line = err.strip()
    assert line.startswith("paperlab: error: ") and "\n" not in line
    assert f"({base}" in line and line.endswith(path), line
    assert "?" not in line.rpartition(" (")[2] and "fields=" not in line and "max_results" not in line

"""In a notebook, a paperlab error a user caused shows as its message, the user's line and what to do, not as a
traceback through paperlab's modules (session 20: ``paperlab.load("bad.json")`` on a broken file showed three
frames of paperlab/sources/... above the one line that mattered). The full traceback stays one ``%tb`` away, the
cell still fails (``Run all`` stops), and errors that are not paperlab's show their traceback as before.

Data: made-up files written here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from paperlab.errors import NotFound, ParseError
from paperlab.magics import load_ipython_extension

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def ip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    shell = InteractiveShell.instance()
    saved = shell.custom_exceptions, shell.CustomTB
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.json").write_text('{"papers": [{"title": "Tidal Forecasting"')
    (tmp_path / "refs.bib").write_text("@article{quill2023,\n  title = {Tidal Forecasting\n")
    load_ipython_extension(shell)
    shell.run_cell("import paperlab", store_history=False)
    yield shell
    shell.custom_exceptions, shell.CustomTB = saved


def _run(shell: InteractiveShell, code: str):  # type: ignore[no-untyped-def]
    with capture_output() as out:
        result = shell.run_cell(code, store_history=False)
    return result, ANSI.sub("", out.stdout + out.stderr)


def test_a_broken_file_shows_the_message_the_line_and_what_to_do(ip: InteractiveShell) -> None:
    result, shown = _run(ip, "x = 1\nlib = paperlab.load('refs.json')")
    assert isinstance(result.error_in_exec, ParseError)  # the cell failed
    assert "ParseError: refs.json, line 1: not valid JSON" in shown
    assert "line 2: lib = paperlab.load('refs.json')" in shown  # the user's line, not ours
    assert "What to do: correct refs.json at line 1" in shown
    assert "%tb shows the full traceback" in shown
    assert "paperlab/sources" not in shown and "Traceback" not in shown


def test_the_full_traceback_is_one_tb_away(ip: InteractiveShell) -> None:
    _run(ip, "lib = paperlab.load('refs.bib')")
    _, shown = _run(ip, "%tb")
    assert "Traceback" in shown and "sources" in shown and "ParseError" in shown


def test_other_paperlab_errors_are_brief_and_other_errors_are_not(ip: InteractiveShell) -> None:
    result, shown = _run(ip, "paperlab.reading_list('ux11-errors').set_status('no-such-paper', 'reading')")
    assert isinstance(result.error_in_exec, NotFound)
    assert "NotFound: " in shown and "no-such-paper" in shown and "Traceback" not in shown
    _, shown = _run(ip, "1 / 0")
    assert "Traceback" in shown and "ZeroDivisionError" in shown


def test_papers_source_that_is_nothing_says_what_it_takes(ip: InteractiveShell) -> None:
    """``%papers --source nowhere`` answered 'nowhere: file not found in … (the current folder)': nothing said that
    --source also takes arxiv, hf, store or list:NAME."""
    _, shown = _run(ip, "%papers --source nowhere")
    assert "%papers: --source 'nowhere': no such file in" in shown
    assert "arxiv, hf, store (your stored papers) or list:NAME" in shown

"""Every magic answers ``--help`` (session 20, a researcher's day in JupyterLab): ``%papers --help`` was the only
one; ``%paper --help`` tried to fetch a paper called '--help', ``%readinglist --help`` looked for a list named
'--help', ``%bibliography --help`` and ``%feed --help`` said "unrecognized arguments" (``%feed`` twice: "%feed:
%feed: …"). And ``%papers --help`` began with IPython's reST "::" and showed ``double backquotes``; it now ends
with the other magics, so a newcomer finds them.
"""

from __future__ import annotations

import pytest
from IPython.core.interactiveshell import InteractiveShell


@pytest.fixture
def shell() -> InteractiveShell:
    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "paperlab")
    return ip


@pytest.mark.parametrize(
    ("magic", "usage", "option"),
    [
        ("papers", "%papers [--source SOURCE]", "--reference-date"),
        ("paper", "%paper ref", "BibTeX"),
        ("readinglist", "%readinglist [NAME]", "set_status"),
        ("bibliography", "%bibliography [--list READING_LIST]", "--bibtex"),
        ("feed", "usage: %feed [--since SINCE]", "--offline"),
    ],
)
def test_each_magic_prints_its_help(
    shell: InteractiveShell, capsys: pytest.CaptureFixture[str], magic: str, usage: str, option: str
) -> None:
    for asked in ("--help", "-h"):
        assert shell.run_line_magic(magic, asked) is None
        out, err = capsys.readouterr()
        assert err == "" and out.startswith(usage) and option in out
        assert "::" not in out and "``" not in out and ":func:" not in out  # reST marks, printed as they are


def test_papers_help_names_the_other_magics(shell: InteractiveShell, capsys: pytest.CaptureFixture[str]) -> None:
    shell.run_line_magic("papers", "--help")
    out = capsys.readouterr().out
    tail = out[out.index("Other magics") :]
    assert all(f"  {m}" in tail for m in ("%paper ID", "%%papers", "%readinglist [NAME]", "%bibliography", "%feed"))


def test_a_wrong_feed_option_is_said_once(shell: InteractiveShell, capsys: pytest.CaptureFixture[str]) -> None:
    assert shell.run_line_magic("feed", "--bogus") is None
    assert capsys.readouterr().err.strip() == "%feed: unrecognized arguments: --bogus (see %feed --help)"

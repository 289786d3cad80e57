"""``paperlab feed``'s arguments checked as the help states them (a researcher's morning, session 15):
``--since lastweek`` was refused with "expected an ISO date" (the help offers yesterday, today and Nd too) as a
runtime error (exit 1); a wrong ``--today`` likewise; and ``--from-library nothere.bib`` was reported as
"--corpus nothere.bib", an option the user never typed. Now each is a usage error (exit 2) naming the option the
user gave and every accepted form. The forms the help names still work.

Papers: our own small BibTeX file written here; no network is asked (--from-library).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlab.cli import main

NEW = (
    "@article{c1, title = {Tone-Aware Tokenization for Vietnamese Speech Recognition}, author = {Tran, Minh},\n"
    "  year = {2026}, eprint = {2611.00003}, abstract = {Syllable tokens with tone marks lower word error rate.}}\n"
)


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--since", "lastweek"], "argument --since: expected yesterday, today, Nd (N days back, e.g. 7d) or a date"),
        (["--today", "2026-13-01"], "argument --today: expected a date YYYY-MM-DD, got '2026-13-01'"),
        (["--from-library", "nothere.bib"], "--from-library nothere.bib: no such file"),
    ],
    ids=["since", "today", "from-library"],
)
def test_a_wrong_argument_is_a_usage_error_naming_it(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["feed", "--no-remember", *argv]) == 2
    err = capsys.readouterr().err
    assert said in err and "--corpus" not in err and len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize("since", ["yesterday", "today", "7d", "2026-11-01"])
def test_the_forms_the_help_names_still_work(since: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = tmp_path / "new.bib"
    new.write_text(NEW, encoding="utf-8")
    args = ["feed", "--since", since, "--today", "2026-11-30", "--no-remember", "--from-library", str(new)]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("Morning feed 2026-11-30: 1 paper")

"""An option given before any command is named (session 19's CLI day: ``paperlab --bogus`` said "the following
arguments are required: COMMAND", as if the option had not been typed; ``paperlab --json search x`` blamed
``search`` for an option put before it). Exit status 2, one line on stderr, as every usage error."""

from __future__ import annotations

import pytest

from paperlab.cli import main


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ["--bogus"],
            "paperlab: error: unknown option --bogus; paperlab itself takes only -h, --help, --version: a command's "
            "options go after it (paperlab COMMAND --bogus)",
        ),
        (["--verison"], "paperlab: error: unknown option --verison; did you mean --version?"),
        (
            ["--json", "search", "attention"],
            "paperlab: error: unknown option --json; paperlab itself takes only -h, --help, --version: a command's "
            "options go after it (paperlab search attention --json)",
        ),
    ],
)
def test_an_option_before_the_command_is_named(
    argv: list[str], said: str, paperlab_home: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"{said} (see paperlab --help)\n"


def test_paperlabs_own_options_still_work(paperlab_home: object, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0 and capsys.readouterr().out.startswith("paperlab ")
    assert main(["--vers"]) == 0 and capsys.readouterr().out.startswith("paperlab ")  # argparse's abbreviation


def test_paperlab_alone_names_its_commands(paperlab_home: object, capsys: pytest.CaptureFixture[str]) -> None:
    """``paperlab`` alone said "the following arguments are required: COMMAND", naming none."""
    assert main([]) == 2
    assert capsys.readouterr().err == (
        "paperlab: error: a COMMAND is needed: import, list, search, show, fetch, export, digest, embed, store, "
        "feed, split (see paperlab --help)\n"
    )

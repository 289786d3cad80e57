"""A mistyped option is named by the command it was given to, with the option meant or the options it takes
(session 18's CLI day: ``paperlab search attention --top 3`` said "paperlab: error: unrecognized arguments: --top 3
(see paperlab --help)", pointing at the top-level help, which lists no option of ``search``). Exit status 2, one
line on stderr, as every usage error."""

from __future__ import annotations

import pytest

from paperlab.cli import main


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["list", "--limt", "3"], "paperlab list: error: unrecognized arguments: --limt 3; did you mean --limit?"),
        (
            ["export", "bibtex", "--lst", "x"],
            "paperlab export: error: unrecognized arguments: --lst x; did you mean --list?",
        ),
        (
            ["search", "attention", "--jsn"],
            "paperlab search: error: unrecognized arguments: --jsn; did you mean --json?",
        ),
        (
            ["search", "attention", "--top", "3"],
            "paperlab search: error: unrecognized arguments: --top 3; paperlab search takes --all, --corpus, --json, "
            "--list, --mode, -k",
        ),
    ],
)
def test_a_mistyped_option_is_named_by_its_command(
    argv: list[str], said: str, paperlab_home: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"{said} (see paperlab {argv[0]} --help)\n"


def test_a_stray_word_names_the_command_without_a_guess(
    paperlab_home: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "extra"]) == 2
    assert capsys.readouterr().err == "paperlab list: error: unrecognized arguments: extra (see paperlab list --help)\n"


def test_importing_a_folder_says_to_name_its_files(
    tmp_path: object, paperlab_home: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """``paperlab import .`` said "paperlab: error: .: cannot read file: Is a directory" (exit 1), after opening the
    store; now a usage error before anything is read, with the command that does it."""
    from pathlib import Path

    folder = Path(str(tmp_path)) / "refs"
    folder.mkdir()
    assert main(["import", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err == f"paperlab: error: {folder} is a folder: name the files in it, e.g. paperlab import {folder}/*.bib\n"

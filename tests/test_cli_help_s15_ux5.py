"""Every ``paperlab … --help`` fits an 80-column terminal (a researcher's morning, session 15): the descriptions of
``embed``, ``store``, ``split`` and ``fetch`` are wrapped like every other help text (they were printed as one
line each, 200 characters and more), their examples stay one command a line, and ``export``'s usage line names
``--format FORMAT`` instead of running the list of formats past the edge.
"""

from __future__ import annotations

import pytest

from paperlab.cli import main

COMMANDS = [
    [],
    ["import"],
    ["list"],
    ["search"],
    ["show"],
    ["fetch"],
    ["export"],
    ["digest"],
    ["embed"],
    ["store"],
    ["store", "info"],
    ["store", "copy"],
    ["feed"],
    ["split"],
]


def _help(command: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main([*command, "--help"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "paperlab")
def test_help_fits_80_columns(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    text = _help(command, capsys)
    too_long = [line for line in text.splitlines() if len(line) > 80]
    assert not too_long, too_long


def test_descriptions_wrap_and_examples_stay_whole(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    text = _help(["split"], capsys)
    words = " ".join(text.split())
    assert "becomes the records merged into it again" in words  # the description, now on several lines
    assert "\n  paperlab split 2005.00333 --keep 10.18653/v1/2020.emnlp-main.185\n" in text  # an example as written
    embed = _help(["embed"], capsys)
    assert '\n  paperlab embed --query "diffusion models for video" -k 5' in embed
    assert "[--format FORMAT]" in _help(["export"], capsys)

"""A file that is not there is reported with the folder looked in, as an absolute path (walkthrough #20:
"refs.bib: file not found" did not say where paperlab had looked), similar names in that folder, or the missing
folder itself: from paperlab.load, Session/Schedule files and ``paperlab import``."""

from __future__ import annotations

from pathlib import Path

import pytest

import paperlab
from paperlab.cli import main
from paperlab.errors import ParseError
from paperlab.services.sessions import Schedule, Session


def test_load_names_the_absolute_folder_and_similar_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "references.bib").write_text("", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ParseError) as caught:
        paperlab.load("refs.bib")
    assert str(caught.value) == f"refs.bib: file not found in {tmp_path} (the current folder); similar: references.bib"
    assert caught.value.source == "refs.bib"


def test_a_relative_path_in_a_subfolder_and_a_missing_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ParseError, match=r"^data/refs\.bib: file not found in (.+)$") as caught:
        paperlab.load("data/refs.bib")
    assert str(caught.value).endswith(f"file not found in {tmp_path / 'data'}")  # absolute, no similar names
    with pytest.raises(ParseError) as caught:
        paperlab.load(tmp_path / "nowhere" / "refs.bib")
    assert str(caught.value).endswith(f"file not found: there is no folder {tmp_path / 'nowhere'}")


@pytest.mark.parametrize("reader", [Session.from_file, Schedule.from_file])
def test_sessions_and_schedules_say_where_too(reader, tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=f"file not found in {tmp_path}$"):
        reader(tmp_path / "talk.txt")


def test_import_command_says_where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("PAPERLAB_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    assert main(["import", "refs.bib"]) == 2
    assert f"refs.bib: file not found in {tmp_path} (the current folder)" in capsys.readouterr().err

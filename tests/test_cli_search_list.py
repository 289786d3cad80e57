"""``paperlab search --list NAME`` searches one reading list of the library (review R3, session 11: `list` and
`export` took ``--list``, `search` refused it), and ``paperlab show`` keeps a space after its longest labels
("keywords: …", it printed "keywords:assisted"). Our own small file: tests/data/cli_s11/shelf.bib (made-up papers)."""

from __future__ import annotations

import re

import pytest
from paths import DATA

from paperlab.cli import main

SHELF = DATA / "cli_s11" / "shelf.bib"


def test_search_in_one_reading_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(SHELF)]) == 0  # the whole library: three papers
    assert main(["import", str(SHELF), "--list", "routing"]) == 0
    capsys.readouterr()
    assert main(["search", "widget", "--mode", "lexical"]) == 0
    everywhere = capsys.readouterr().out
    assert "Lantern Graphs for Widget Routing" in everywhere and "Sparrow: Small Widgets" in everywhere
    from paperlab import open_store

    rl = open_store().reading_list("routing", create=False)
    for paper in list(rl.to_library()):
        if "Lantern" not in paper.title:
            rl.remove(paper.id)
    assert main(["search", "widget", "--mode", "lexical", "--list", "routing"]) == 0
    out = capsys.readouterr().out
    assert "in the reading list 'routing'" in out
    assert "Lantern Graphs for Widget Routing" in out and "Sparrow" not in out
    assert main(["search", "widget", "--list", "nope"]) == 2
    assert re.search(r"no reading list named 'nope' \(lists: .*'routing'", capsys.readouterr().err)
    assert main(["search", "widget", "--list", "routing", "--corpus", "demo"]) == 2
    assert "drop --corpus demo" in capsys.readouterr().err


def test_show_keeps_a_space_after_a_long_label(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    bib = tmp_path / "kw.bib"
    bib.write_text(
        "@article{quill2021kw,\n  title = {Keyworded Widgets},\n  author = {Quill, Ada},\n  year = {2021},\n"
        "  keywords = {assisted living, widgets},\n}\n",
        encoding="utf-8",
    )
    assert main(["show", "quill2021kw", "--corpus", str(bib)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "keywords: assisted living, widgets" in lines
    assert "key:      quill2021kw" in lines  # short labels line up with the longest one shown
    labelled = [line for line in lines if line.split(" ", 1)[0].endswith(":")]  # id:, date:, authors:, key: ...
    assert len(labelled) >= 5
    assert len({len(line) - len(line.split(":", 1)[1].lstrip()) for line in labelled}) == 1  # one value column

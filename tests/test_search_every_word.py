"""A search whose hits all miss the relevance cut-off lists the papers holding every word of the query instead
(walkthrough: ``lib.search('Hubotter')``, ``%papers hubotter`` and ``paperlab search Hubotter`` found nothing,
because the ranking reads titles and abstracts, not authors). One behaviour of ``search_library``, below
``Library.search``, the cards, ``%papers`` and the CLI: the papers whose title, abstract or authors hold every
word (accents and case ignored), marked ``holding_every_word``, not ranked (no score shown as relevance).

Papers made up here; our own JSONL files in a temporary folder.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell

from paperlab import Library, Paper
from paperlab.cli import main
from paperlab.search import search_library
from paperlab.search.results import HOLDS_EVERY_WORD
from paperlab.widget import PaperCards, set_active_library

HOSTILE = 'Active fine-tuning <img src=x onerror="alert(1)"> & </div>'
PAPERS = [
    Paper(
        HOSTILE,
        abstract="Selecting the examples a language model is tuned on, by the information they carry.",
        authors=["Jonas Hübotter", "Andreas Krause"],
        arxiv_id="2501.00001",
    ),
    Paper(
        "Message passing on molecular graphs",
        abstract="Graph neural networks predict properties of molecules from their bonds.",
        authors=["Zoë Müller"],
        arxiv_id="2501.00002",
    ),
    Paper(
        "Glacier calving forecasts from satellite radar",
        abstract="Ice shelves break; synthetic aperture radar sees the cracks weeks before.",
        authors=["Ada Lovelace"],
        arxiv_id="2501.00003",
    ),
    Paper(
        "Sparse origami folding schedules",
        abstract="Folding paper sheets along sparse crease patterns with few moves.",
        authors=["Hubert Otter"],
        arxiv_id="2501.00004",
    ),
]


@pytest.fixture
def lib() -> Library:
    return Library(PAPERS)


def test_an_authors_name_without_its_accents_finds_the_authors_paper(lib: Library) -> None:
    found = lib.search("Hubotter", mode="lexical")
    assert found.holding_every_word
    assert found.ids == ["2501.00001"]
    assert math.isnan(found.scores["2501.00001"])  # not ranked: no score poses as relevance
    assert found.explain("2501.00001") == HOLDS_EVERY_WORD
    assert "hold every word of the query" in found.score_scale and "not ranked by relevance" in found.score_scale
    assert repr(found) == (
        "<SearchResults 'Hubotter' (lexical): 1 paper holds “Hubotter” (title, abstract, authors or keywords) — not ranked by "
        "relevance>"
    )
    # every word must occur, in any of title, abstract and authors, accents and case folded
    assert lib.search("zoe MULLER molecules", mode="lexical").ids == ["2501.00002"]
    assert not lib.search("zoe muller glacier", mode="lexical")


def test_hits_past_the_cut_off_are_ranked_as_before(lib: Library) -> None:
    found = lib.search("glacier calving radar", mode="lexical")
    assert not found.holding_every_word
    assert found.ids[0] == "2501.00003"
    assert 0.0 <= found.scores["2501.00003"] <= 1.0
    from paperlab.search import PaperIndex

    assert found.ids == PaperIndex(mode="lexical").fit(lib).search("glacier calving radar", k=10).ids
    # an off-topic query no paper holds still lists nothing
    nothing = lib.search("recipes for sourdough bread", mode="lexical")
    assert len(nothing) == 0 and not nothing.holding_every_word


def test_the_html_of_the_results_says_why_and_escapes_the_title(lib: Library) -> None:
    html = lib.search("hubotter", mode="lexical")._repr_html_()
    # found, not failed: the heading says what the papers hold, and that they are not ranked
    assert (
        "<div>1 paper holds “hubotter” (title, abstract, authors or keywords) — not ranked by relevance (lexical)</div>"
        in html
    )
    assert "cut-off" not in html and "No paper" not in html
    assert "not ranked · " + HOLDS_EVERY_WORD in html
    assert "% match" not in html
    assert '<img src=x onerror="alert(1)">' not in html and "&lt;img src=x" in html


def test_at_most_k_papers_are_listed(lib: Library) -> None:
    assert len(search_library(lib, "a", k=2, mode="lexical")) <= 2


def test_papers_magic_shows_the_papers_holding_every_word(lib: Library) -> None:
    set_active_library(lib)
    try:
        ip = InteractiveShell.instance()
        ip.run_line_magic("load_ext", "paperlab")
        result = ip.run_cell("%papers hubotter --mode lexical", store_history=False)
        result.raise_error()
        cards = result.result
    finally:
        set_active_library(None)
    assert isinstance(cards, PaperCards)
    assert [p["id"] for p in cards.papers] == ["2501.00001"]
    assert cards.holding and cards.query == "hubotter" and cards.scores == {}
    data, _meta = cards._repr_mimebundle_()
    head = " · 1 paper holds “hubotter” (title, abstract, authors or keywords) — not ranked by relevance"
    assert head in data["text/html"] and head in data["text/markdown"]
    assert "cut-off" not in data["text/html"]
    assert '<img src=x onerror="alert(1)">' not in data["text/html"] and "&lt;img src=x" in data["text/html"]


def test_the_cards_search_answers_holding(lib: Library) -> None:
    cards = PaperCards(lib, search_mode="lexical", activate=False)
    answer = cards._search({"query": "Hübotter", "mode": "lexical"})
    assert answer["n"] == 0 and answer["holding"] == 1
    assert cards.holding and cards.scores == {} and cards.query == "Hübotter"
    note = "1 paper holds “Hübotter” (title, abstract, authors or keywords) — not ranked by relevance"
    assert answer["note"] == note and cards.search_note == note  # the status line's words, from one home
    answer = cards._search({"query": "glacier calving radar", "mode": "lexical"})
    assert answer["n"] >= 1 and "holding" not in answer and not cards.holding and cards.scores
    assert cards.search_note == ""


def test_cli_lists_the_papers_holding_every_word(
    lib: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.jsonl"
    lib.save(str(path))
    assert main(["search", "Hubotter", "--mode", "lexical", "--corpus", str(path)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    # the file's path, cut to fit
    assert lines[0].startswith(
        "1 paper holds “Hubotter” (title, abstract, authors or keywords) — not ranked by relevance, in /"
    )
    assert "cut-off" not in out
    row = next(line for line in lines if "2501.00001" in line)
    assert "    –" in row and "Hübotter" in row and "<img src=x" in row  # a terminal shows the title as it is
    assert "closely enough" not in err
    assert main(["search", "zoe muller", "--mode", "lexical", "--corpus", str(path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["holding_every_word"] is True
    assert [(r["id"], r["score"]) for r in doc["results"]] == [("2501.00002", None)]
    assert doc["results"][0]["why"]["text"] == HOLDS_EVERY_WORD
    # nothing held: nothing listed, as before
    assert main(["search", "sourdough bread", "--mode", "lexical", "--corpus", str(path)]) == 1  # as grep (s16)
    out, err = capsys.readouterr()
    assert out.startswith("0 results in") and "closely enough" in err


def test_cli_store_search_finds_an_authors_paper(
    lib: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib.save(str(tmp_path / "mine.jsonl"))
    assert main(["import", str(tmp_path / "mine.jsonl")]) == 0
    capsys.readouterr()
    assert main(["search", "muller", "--mode", "lexical"]) == 0
    out, _err = capsys.readouterr()
    assert (
        "1 paper holds “muller” (title, abstract, authors or keywords) — not ranked by relevance, in your library"
        in out
    )
    assert "Message passing" in out

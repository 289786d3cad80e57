"""The reference written for a paper names it readably (walkthrough 9, #10): ``paperlab.paper("chess2004static")``,
not ``paperlab.paper("title:9f151c739bb42680")``, in the cards' code copy and code cell, the side panel's "Insert
code" (the server's paper answer) and the id column of ``paperlab list``: arXiv id, then DOI, then a citation key that
names the paper, then paperlab's id. Our own BibTeX, written here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import paperlab
from paperlab.cli import main
from paperlab.library import Library
from paperlab.paper import Paper
from paperlab.services.paperref import library_resolver, paper_code, paper_ref, store_resolver
from paperlab.store import open_store
from paperlab.widget import PaperCards

BIB = r"""
@inproceedings{chess2004static,
  title = {Static Analysis for Security},
  author = {Chess, Brian and McGraw, Gary},
  booktitle = {IEEE Security and Privacy},
  year = {2004}
}
@article{doe2019doi,
  title = {Measuring Things Carefully With a Digital Object Identifier},
  author = {Doe, Jane},
  journal = {Journal of Careful Measurement},
  year = {2019},
  doi = {10.1234/jcm.2019.5678}
}
@article{roe2020preprint,
  title = {A Preprint That Has an arXiv Identifier},
  author = {Roe, Richard},
  year = {2020},
  eprint = {2001.01234},
  archiveprefix = {arXiv}
}
@misc{shared2020,
  title = {The First Paper Imported Under a Shared Key},
  author = {First, Fiona},
  year = {2020}
}
"""

OTHER_BIB = r"""
@misc{shared2020,
  title = {Another Work That Another File Keyed the Same Way},
  author = {Second, Sam},
  year = {2021}
}
"""


@pytest.fixture
def stored(tmp_path: Path) -> Library:
    """Both files imported into the test's store, as `paperlab import` does."""
    for name, text in (("mine.bib", BIB), ("other.bib", OTHER_BIB)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert main(["import", str(tmp_path / name)]) == 0
    return open_store().papers()


def _by_title(lib: Library, start: str) -> Paper:
    return next(p for p in lib if p.title.startswith(start))


def test_the_reference_prefers_arxiv_id_doi_then_a_citation_key_that_names_the_paper(stored: Library) -> None:
    resolves = store_resolver(open_store())
    chess = _by_title(stored, "Static Analysis")
    assert chess.id.startswith("title:")  # the opaque id the walkthrough got
    assert paper_ref(chess, resolves) == "chess2004static"
    assert paper_ref(_by_title(stored, "Measuring"), resolves) == "10.1234/jcm.2019.5678"
    assert paper_ref(_by_title(stored, "A Preprint"), resolves) == "2001.01234"
    first, second = _by_title(stored, "The First"), _by_title(stored, "Another Work")
    assert paper_ref(first, resolves) == "shared2020"
    # the key names the first paper imported under it: the second one's reference is its own id
    assert paper_ref(second, resolves) == second.id and second.id.startswith("title:")
    assert paper_ref(second, library_resolver(stored)) == second.id
    # the code runs and loads each paper from the store, offline
    for paper in (chess, first, second):
        code = paper_code(paper, resolves)
        assert code.startswith("import paperlab\npaperlab.paper(")
        ns: dict[str, object] = {}
        exec(code.split("\n")[0], ns)
        assert eval(code.split("\n")[1], ns).id == paper.id


def test_a_hostile_citation_key_stays_one_string_literal() -> None:
    key = 'k"); import os; os.remove("x'
    paper = Paper("A Title Long Enough to Be a Title", extra={"bibtex_key": key})
    code = paper_code(paper, library_resolver(Library([paper])))
    tree = ast.parse(code)
    assert [type(node).__name__ for node in tree.body] == ["Import", "Expr"]
    call = tree.body[1].value  # type: ignore[attr-defined]
    assert [a.value for a in call.args] == [key]
    # the store does not look such a key up: its reference is the paper's id
    open_store().upsert_papers([paper])
    assert paper_ref(paper, store_resolver(open_store())) == paper.id


def test_cards_copy_and_insert_the_code_with_the_citation_key(stored: Library) -> None:
    cards = PaperCards(stored, search_mode="lexical", activate=False)
    chess = _by_title(stored, "Static Analysis")
    answer = cards.handle_message({"type": "render", "id": chess.id, "format": "code"})
    assert answer["ok"] and answer["text"] == 'import paperlab\npaperlab.paper("chess2004static")'
    assert "title:" not in answer["text"]
    assert paperlab.paper("chess2004static").id == chess.id


def test_cli_list_shows_the_readable_references(stored: Library, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    assert {"chess2004static", "10.1234/jcm.2019.5678", "2001.01234", "shared2020"} <= set(rows)
    assert "Static Analysis for Security" in rows["chess2004static"]
    assert [r for r in rows if r.startswith("title:")] == [_by_title(stored, "Another Work").id]  # the shared key
    # a reading list's rows too
    chess = _by_title(stored, "Static Analysis")
    open_store().reading_list("thesis").add(chess.id)
    assert main(["list", "--list", "thesis"]) == 0
    out = capsys.readouterr().out
    assert "chess2004static" in out and "title:" not in out
    # and `paperlab show` finds the paper by what the list printed
    assert main(["show", "chess2004static", "--corpus", "store"]) == 0
    assert "Static Analysis for Security" in capsys.readouterr().out


def test_feed_cards_on_another_store_insert_code_that_loads_the_paper_in_the_kernel(tmp_path: Path) -> None:
    """Review R #10: a feed's cards resolved the code cell's reference against the feed's own store, but the cell's
    ``paperlab.paper(ref)`` runs against the kernel's default store: a citation key named nothing there (NotFound) or
    another paper imported under the same key (the wrong paper loaded)."""
    from paperlab.feed import feed
    from paperlab.feed.profile import InterestProfile
    from paperlab.sources import load
    from paperlab.store import Store

    (tmp_path / "mine.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "other.bib").write_text(OTHER_BIB, encoding="utf-8")
    open_store().upsert_papers(load(tmp_path / "other.bib"))  # the default store: another 'shared2020'
    mine = load(tmp_path / "mine.bib")
    lab = Store(tmp_path / "group.sqlite3")
    lab.upsert_papers(mine)
    profile = InterestProfile(categories=[], hf_daily=False, lists=["default"])
    cards = feed(candidates=lab.papers(), store=lab, profile=profile, today="2026-03-05", remember=False).cards()
    for start in ("Static Analysis", "The First"):
        paper = _by_title(mine, start)
        answer = cards.handle_message({"type": "render", "id": paper.id, "format": "code"})
        assert answer["ok"], answer
        ns: dict[str, object] = {}
        exec(answer["text"], ns)  # what the inserted cell does: import paperlab; paperlab.paper(ref)
        loaded = eval(answer["text"].split("\n")[1], ns)
        assert loaded.title == paper.title, answer["text"]
    # the references: the key that names the paper in the default store; not the key another paper holds there
    code = {
        start: cards.handle_message({"type": "render", "id": _by_title(mine, start).id, "format": "code"})["text"]
        for start in ("Static Analysis", "The First")
    }
    assert code["Static Analysis"].endswith('paperlab.paper("chess2004static")')
    assert "shared2020" not in code["The First"]

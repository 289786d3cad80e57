"""``%feed`` offline (R5's finding 7): the unreachable sources are said once, by the feed's cards, not also as a red
``SourcesUnreachableWarning`` naming ``/tmp/ipykernel_…`` and ``get_ipython().run_line_magic(...)``; and when the user
has a library (shown as cards, else the store's papers) the magic ranks it instead, as the side panel's "For you"
does, rather than telling the user to call ``paperlab.feed(candidates=lib)``. "Offline" is a closed port on
127.0.0.1 (tests/hostile.py); papers: our own BibTeX file tests/data/bibtex/identity.bib."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hostile import refused_port
from IPython.core.interactiveshell import InteractiveShell
from paths import DATA

from paperlab.feed import Feed
from paperlab.feed.profile import InterestProfile
from paperlab.sources import load
from paperlab.store import open_store
from paperlab.widget import set_active_library

OWN = DATA / "bibtex" / "identity.bib"


@pytest.fixture
def shell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PAPERLAB_ARXIV_LISTING_URL", f"http://127.0.0.1:{refused_port()}/atom")
    monkeypatch.setenv("PAPERLAB_HF_URL", f"http://127.0.0.1:{refused_port()}")
    profile = tmp_path / "profile.json"
    InterestProfile(categories=["cs.LG"], hf_daily=True).save(profile)
    set_active_library(None)
    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "paperlab")
    yield ip, profile
    set_active_library(None)


def _feed(ip: InteractiveShell, profile: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Feed, str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = ip.run_cell(f"%feed --profile {profile}", store_history=False)
    result.raise_error()
    assert [str(w.message) for w in caught if "unreachable" in str(w.message)] == []
    assert isinstance(result.result, Feed)
    return result.result, capsys.readouterr().err


def test_offline_feed_with_nothing_to_rank_says_it_once_in_its_cards(shell, capsys) -> None:
    ip, profile = shell
    day, err = _feed(ip, profile, capsys)
    assert "unreachable" not in err and "run_line_magic" not in err
    assert day.items == [] and day.unreachable == ["arXiv", "Hugging Face"]
    assert day.cards().feed_info["problem"].startswith("arXiv and Hugging Face were unreachable (offline?)")


def test_offline_feed_ranks_the_library_shown_as_cards(shell, capsys) -> None:
    ip, profile = shell
    mine = load(OWN)
    set_active_library(mine)  # what lib.cards() / %papers --source do
    day, err = _feed(ip, profile, capsys)
    assert "unreachable" not in err
    assert sorted(i.paper.id for i in day.items) == sorted(mine.ids) and day.own
    info = day.cards().feed_info
    # nothing saved: not "ranked for you" (session 17); the note says why the order, once
    assert info["summary"] == f"{len(mine)} of your papers" and info["note"].startswith("Not personalised yet")
    assert info["problem"] == (
        f"arXiv and Hugging Face were unreachable (offline?): ranked {len(mine)} papers of your own library instead"
    )


def test_offline_feed_ranks_the_stores_papers_when_no_library_was_shown(shell, capsys) -> None:
    ip, profile = shell
    mine = load(OWN)
    open_store().upsert_papers(mine)
    day, _ = _feed(ip, profile, capsys)
    assert sorted(i.paper.id for i in day.items) == sorted(mine.ids) and day.own

"""The feed when arXiv and Hugging Face cannot be reached (walkthrough #5): the notebook's cards and the CLI say
which services were unreachable and how to rank one's own library instead (``paperlab.feed(candidates=lib)``,
``paperlab feed --from-library [FILE]``), instead of a bare "0 new papers … No papers to show".

Servers: closed ports on 127.0.0.1 (tests/hostile.py). Papers: our own BibTeX file (tests/data/bibtex).
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from hostile import refused_port
from paths import DATA

from paperlab.cli import main
from paperlab.errors import SourcesUnreachableWarning
from paperlab.feed import feed
from paperlab.feed.profile import InterestProfile
from paperlab.sources import load
from paperlab.store import Store

TODAY = ["--since", "2026-03-04", "--today", "2026-03-04"]
OWN = DATA / "bibtex" / "identity.bib"
BOTH_DOWN = "arXiv and Hugging Face were unreachable (offline?): no new papers to rank."


@pytest.fixture
def offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PAPERLAB_ARXIV_LISTING_URL", f"http://127.0.0.1:{refused_port()}/atom")
    monkeypatch.setenv("PAPERLAB_HF_URL", f"http://127.0.0.1:{refused_port()}")
    path = tmp_path / "profile.json"
    InterestProfile(categories=["cs.LG"], hf_daily=True).save(path)
    return path


def test_notebook_feed_says_the_services_were_unreachable(offline: Path, tmp_path: Path) -> None:
    with pytest.warns(SourcesUnreachableWarning):
        day = feed("2026-03-04", today="2026-03-04", profile=offline, store=Store(tmp_path / "s.sqlite3"))
    assert day.items == [] and day.unreachable == ["arXiv", "Hugging Face"]
    problem = day.problem()
    assert problem.startswith(BOTH_DOWN) and "paperlab.feed(candidates=lib)" in problem
    cards = day.cards()
    assert cards.feed_info["problem"] == problem  # the cards' bar shows it above "No papers to show"
    assert cards.feed_info["summary"] == "0 new papers ranked for you"  # beside the problem: not said twice
    assert html.escape(problem) in day._repr_html_()
    # ranking one's own library works without a network
    mine = load(OWN)
    ranked = feed(today="2026-03-04", profile=offline, store=Store(tmp_path / "s.sqlite3"), candidates=mine)
    assert len(ranked.items) == len(mine) and ranked.problem() == ""


def test_one_source_down_names_it_and_shows_the_others(offline: Path, tmp_path: Path) -> None:
    day = feed(today="2026-03-04", profile=offline, store=Store(tmp_path / "o.sqlite3"), candidates=load(OWN))
    day.failed, day.unreachable = ["arXiv listing: can't reach 127.0.0.1"], ["arXiv"]
    assert day.problem() == f"arXiv was unreachable (offline?); showing {len(day.items)} papers from the others"


def test_cli_feed_offline_points_to_from_library(offline: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["feed", *TODAY, "--profile", str(offline), "--no-remember"]) == 1
    err = capsys.readouterr().err
    assert f"paperlab: {BOTH_DOWN}" in err and "paperlab feed --from-library" in err
    # the same feed from a file of the user's papers: ranked, no network asked
    assert main(["feed", *TODAY, "--profile", str(offline), "--no-remember", "--from-library", str(OWN)]) == 0
    out, err = capsys.readouterr()
    assert "unreachable" not in err
    assert out.startswith(f"Morning feed 2026-03-04: {len(load(OWN))} papers")
    # from the store, which holds nothing yet: says so
    assert main(["feed", *TODAY, "--profile", str(offline), "--no-remember", "--from-library"]) == 0
    assert "nothing to rank: your library holds 0 papers" in capsys.readouterr().err


def test_an_offline_feed_says_so_in_python(offline: Path, tmp_path: Path) -> None:
    """``paperlab.feed()`` offline in a notebook (review R2, session 11): the call warns, and the repr, summary and
    markdown say which sources were unreachable and that the feed is empty because of it (before: ``<Feed …: 0 of 0
    new papers>``, an empty summary and a markdown list of nothing, only ``.unreachable`` told)."""
    with pytest.warns(SourcesUnreachableWarning, match=r"^arXiv and Hugging Face were unreachable \(offline\?\)"):
        day = feed("2026-03-04", today="2026-03-04", profile=offline, store=Store(tmp_path / "w.sqlite3"))
    assert repr(day) == "<Feed 2026-03-04: 0 of 0 new papers; arXiv and Hugging Face were unreachable (offline?)>"
    assert day.summary() == "no new papers: arXiv and Hugging Face were unreachable (offline?)"
    md = day.to_markdown()
    assert md.startswith("# Morning feed 2026-03-04\n\n*arXiv and Hugging Face were unreachable (offline?): no new ")
    assert "paperlab.feed" in md and "candidates=lib" in md  # what to do instead
    # one source down, the other's papers shown: the summary and the markdown name the missing one
    own = feed(today="2026-03-04", profile=offline, store=Store(tmp_path / "w.sqlite3"), candidates=load(OWN))
    own.failed, own.unreachable = ["arXiv listing: can't reach 127.0.0.1"], ["arXiv"]
    # nothing saved: not "ranked for you" (session 17; Feed.note says why the order)
    assert own.summary() == f"{len(own.items)} of your papers (arXiv was unreachable (offline?))"
    assert "*arXiv was unreachable (offline?); showing" in own.to_markdown()


def test_an_online_feed_does_not_warn(offline: Path, tmp_path: Path) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", SourcesUnreachableWarning)
        day = feed(today="2026-03-04", profile=offline, store=Store(tmp_path / "n.sqlite3"), candidates=load(OWN))
    assert "unreachable" not in repr(day) and day.summary() == f"{len(day.items)} of your papers"  # nothing saved
    md = day.to_markdown()  # no problem line (the italic line under the heading is the not-personalised note)
    assert "unreachable" not in md and "offline" not in md and "no new papers" not in md


def test_the_cli_feed_says_it_once_without_a_python_warning(offline: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", SourcesUnreachableWarning)  # the CLI says it its own way, not as a warning
        assert main(["feed", *TODAY, "--profile", str(offline), "--no-remember", "--format", "markdown"]) == 1
    out, err = capsys.readouterr()
    assert err.count("were unreachable") == 1 and "paperlab feed --from-library" in out

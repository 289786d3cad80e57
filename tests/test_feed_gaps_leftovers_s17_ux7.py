"""Three of session 16's leftovers (UX6's list), each seen using the product:

- ``paperlab feed --from-library`` with nothing saved wrote "newest first: save papers to personalise the feed" under
  every pick (20 times): now the feed says it once (``Feed.note``: CLI text, markdown, HTML, JSON, the cards' bar) and
  the picks carry no reason line.
- Feed reasons and ``author:`` boosts matched an author by surname alone or by substring ("author:Chen" boosted
  "Cheng", "author:L. Chen" matched nobody written "Chen, Li"): a given name or its initial must now agree when both
  names have one (``paperlab.names.same_person``).
- ``lib.gaps()`` filtered to nothing (``g[g.year > 2030]``) printed only the answer's note ("Gaps from the references
  of 2 of 4 papers…") or ``Empty GapFrame``: now it says the filter left none of the gaps found.

Papers: our own small BibTeX files and the made-up Semantic Scholar pages of tests/data/citations/.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from test_citations import A, B, C, _client, _fetched_graph, _serve_library

import paperlab
from paperlab import Library, Paper
from paperlab.cli import main
from paperlab.errors import PartialImportWarning
from paperlab.feed import feed
from paperlab.feed.profile import InterestProfile
from paperlab.names import same_person
from paperlab.store import Store

NEW = r"""
@article{n1, title = {Sparse Experts for Speech}, author = {Wu, Hao}, year = {2026}, eprint = {2611.00001},
  abstract = {We route audio frames to sparse experts.}}
@article{n2, title = {Routing Collapse in Mixture-of-Experts}, author = {L. Chen and Bob Stone}, year = {2026},
  eprint = {2611.00005}, abstract = {Routing collapse makes sparse experts idle.}}
@article{n3, title = {Quantised Attention Kernels}, author = {Wei Chen}, year = {2026}, eprint = {2611.00007},
  abstract = {Four-bit attention kernels on phones.}}
@article{n4, title = {A Cheng Paper on Graphs}, author = {Cheng, Yu}, year = {2026}, eprint = {2611.00009},
  abstract = {Graph sparsification.}}
"""


@pytest.fixture
def new_bib(tmp_path: Path) -> Path:
    path = tmp_path / "new.bib"
    path.write_text(NEW, encoding="utf-8")
    return path


def test_a_feed_without_saved_papers_says_why_once(new_bib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["feed", "--from-library", str(new_bib), "--no-remember", "--today", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert out.count("Not personalised yet") == 1 and "newest first: save papers" not in out
    assert "paperlab import FILE --list NAME" in out  # what to do, in the CLI's words
    assert len(out.splitlines()) < 4 + 4 * 2  # head, the note (wrapped), one title line per pick, no reason lines
    assert main(["feed", "--from-library", str(new_bib), "--no-remember", "--format", "markdown"]) == 0
    md = capsys.readouterr().out
    assert md.count("Not personalised yet") == 1 and " — " not in md
    assert main(["feed", "--from-library", str(new_bib), "--no-remember", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["note"].startswith("Not personalised yet") and {i["why_text"] for i in data["items"]} == {""}
    day = feed(candidates=paperlab.load(new_bib), today="2026-11-30", remember=False)
    assert day._repr_html_().count("Not personalised yet") == 1
    assert day.cards().feed_info["note"] == day.note


@pytest.fixture
def saved(tmp_path: Path) -> None:
    path = tmp_path / "saved.bib"
    path.write_text(
        "@article{s, title = {Mixture-of-Experts Routing for Speech}, author = {Chen, Li}, year = {2023},"
        " eprint = {2305.01234}, abstract = {Sparse experts route audio frames; routing collapse is avoided.}}",
        encoding="utf-8",
    )
    assert main(["import", str(path), "--list", "asr"]) == 0


@pytest.mark.usefixtures("saved")
def test_a_personalised_feed_has_no_note(new_bib: Path) -> None:
    day = feed(candidates=paperlab.load(new_bib), today="2026-11-30", remember=False)
    assert day.note == "" and "Not personalised" not in day.to_markdown()
    why = {i.paper.arxiv_id: i.why_text for i in day.items}
    assert "by L. Chen (author of 1 of your papers)" in why["2611.00005"]  # "L. Chen" wrote "Chen, Li"'s paper
    assert "author of" not in why["2611.00007"]  # "Wei Chen" did not
    assert "author of" not in why["2611.00009"]  # nor "Cheng, Yu"


def test_names_agree_by_given_name_or_initial_when_both_have_one() -> None:
    assert same_person("L. Chen", "Chen, Li") and same_person("Chen, L.", "Lei Chen")
    assert not same_person("L. Chen", "Wei Chen") and not same_person("Li Chen", "Lin Chen")
    assert same_person("Chen", "Wei Chen")  # a surname alone: any Chen
    assert not same_person("Chen", "Yu Cheng") and not same_person("Chen, Li", "Cheng, Li")
    assert same_person("J.-P. Müller", "Jean-Pierre Muller") and not same_person("J.-P. Müller", "Jean-Luc Muller")
    assert same_person("Martin Luther King Jr.", "King, Martin")


@pytest.mark.usefixtures("saved")
def test_author_boosts_match_the_person_not_a_substring(new_bib: Path) -> None:
    papers = paperlab.load(new_bib)

    def boosted(term: str) -> set[str]:
        profile = InterestProfile(boosts={term: 5.0})
        day = feed(candidates=papers, profile=profile, today="2026-11-30", remember=False)
        return {i.paper.arxiv_id for i in day.items if i.why and term in i.why.boosts}

    assert boosted("author:Chen") == {"2611.00005", "2611.00007"}  # every Chen, never "Cheng"
    assert boosted("author:L. Chen") == {"2611.00005"}  # not Wei Chen
    assert boosted("author:Chen, Li") == {"2611.00005"}
    assert boosted("author:Yu Cheng") == {"2611.00009"}


def test_a_gap_frame_a_filter_emptied_says_the_filter_left_none(fake_server, tmp_path: Path) -> None:
    lib, store = _fetched_graph(fake_server, tmp_path)
    full = lib.gaps(store=store)
    assert len(full) >= 1 and full.note == ""
    none = full[full["year"] > 2100]
    n = len(full)
    found = "left out the one gap found" if n == 1 else f"kept none of the {n} gaps found"
    assert repr(none).startswith(f"No row left: the filter {found} (papers outside the library cited by 2 or more")
    assert "Empty" not in repr(none) and "No row left" in none._repr_html_()
    assert "No row left" in repr(full.query("cited_by > 99"))
    assert "No row left" not in repr(full) and "No row left" not in repr(full[full["cited_by"] > 0])
    # an answer empty by itself keeps its own note ("nothing missing" is no filter's doing)
    empty = lib.gaps(min_cited_by=4, store=store)
    assert repr(empty).startswith("No gaps: no paper outside the library is cited by 4 or more")


def test_a_partial_answer_filtered_to_nothing_says_both(fake_server, tmp_path: Path) -> None:
    _serve_library(fake_server)
    store = Store(tmp_path / "p.sqlite3")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        Library([A, B]).fetch_citations(store=store, client=_client(fake_server))
    frame = Library([A, B, C, Paper("Added Later", arxiv_id="2402.00077")]).gaps(store=store)
    shown = repr(frame[frame["cited_by"] > 99])
    assert shown.startswith("No row left: the filter") and shown.endswith(frame.note)
    assert "Gaps from the references of 2 of 4 papers" in shown


def test_a_feed_with_nothing_saved_is_not_said_ranked_for_you(new_bib: Path) -> None:
    """The cards' bar read "4 of your papers ranked for you" right above "Not personalised yet": a summary of a feed
    with nothing saved no longer says "ranked for you"."""
    day = feed(candidates=paperlab.load(new_bib), today="2026-11-30", remember=False)
    assert day.summary() == "4 of your papers" and day.cards().feed_info["summary"] == "4 of your papers"

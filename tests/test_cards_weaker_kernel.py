"""The weaker matches below the relevance cut-off (session 9 walkthrough): a library of 51 papers searched for "free
energy principle critique" showed ONE card although other papers of the library were about active inference; the
cut-off kept the list precise, but nothing said what came next. Now a search says how many of its k best hits scored
under the cut-off (``results.below_cutoff``, the cards' ``search_weaker`` trait, ``paperlab search``'s note), and
asking for them (``min_score=0``, the cards' ``"weaker": true``, ``paperlab search --all``) lists them after the
others with their own calibrated, lower scores.

Our own small library of made-up title-only papers, searched with the packaged MiniLM (hybrid), where the cut is
certain: three papers are about the free energy principle, the others about unrelated topics.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from paths import DATA
from test_background_embedding import _wait_for
from test_js_common import ESBUILD, NODE, bundle, call

from paperlab.cli import main
from paperlab.library import Library
from paperlab.paper import Paper
from paperlab.search.results import weaker_text
from paperlab.widget import PaperCards

#: Made-up titles (ours): three about the free energy principle, two about active inference, the rest unrelated.
TITLES = (DATA / "search" / "weaker_titles.txt").read_text(encoding="utf-8").splitlines()
QUERY = "free energy principle critique"
UNRELATED = {"cu-weaker-7", "cu-weaker-8", "cu-weaker-10"}  # attention, residual learning, molecules


@pytest.fixture
def library() -> Library:
    return Library(
        Paper(
            title=t,
            id=f"cu-weaker-{i}",
            published=dt.date(2015 + i % 8, 1, 1),
            authors=["Zoe Quetzalcoatl"] if i == 3 else [],  # a name no title holds: an every-word answer
        )
        for i, t in enumerate(TITLES)
    )


@pytest.fixture
def cards(library: Library) -> PaperCards:
    cards = PaperCards(library, activate=False)
    _wait_for(lambda: cards.embedding_progress.get("state") == "done", "the library to be embedded")
    yield cards
    cards.wait_for_reasons()


def test_the_python_api_counts_the_hits_left_out_and_lists_them_on_request(library: Library) -> None:
    cut = library.search(QUERY, k=12)
    every = library.search(QUERY, k=12, min_score=0)
    assert every.cutoff == cut.cutoff and cut.cutoff is not None and 0 < cut.cutoff < 1
    above = [pid for pid, s in every.scores.items() if s >= every.cutoff]
    assert list(cut.ids) == above and "cu-weaker-0" in above  # the critique itself passes the cut-off
    # the weaker matches counted are those between the floor and the cut-off: the hits under the floor are noise
    assert every.floor == cut.floor and cut.floor is not None and 0 < cut.floor < cut.cutoff
    offered = [pid for pid in every.weaker_ids if every.scores[pid] >= cut.floor]
    assert cut.below_cutoff == len(offered) >= 1 and cut.weaker_ids == []
    assert not UNRELATED & set(offered) and len(offered) < 12 - len(above)  # the noise is not offered
    assert UNRELATED <= set(every.weaker_ids) and every.below_cutoff == 0  # min_score=0 lists the k best, as asked
    assert every.weaker_ids == list(every.ids)[len(above) :]  # after the others, best first
    shown = every.down_to_floor()  # what the cards and paperlab search --all list
    assert list(shown.ids) == above + offered and shown.weaker_ids == offered
    assert shown.scores == {pid: every.scores[pid] for pid in above + offered}
    assert [every.scores[i] for i in above] == [cut.scores[i] for i in above]  # the same ranking, not a second one
    assert all(every.scores[i] < every.cutoff for i in every.weaker_ids)
    head = cut._repr_html_()
    assert weaker_text(cut.below_cutoff, "min_score=0 lists them") in head
    assert "weaker" not in every._repr_html_()  # nothing was left out
    assert library.search(QUERY, k=1).below_cutoff == 0  # the one best passes: nothing cut within k


def test_the_cards_search_tells_how_many_were_cut_and_shows_them_with_the_flag(cards: PaperCards) -> None:
    every = cards.library.search(QUERY, k=12, min_score=0)
    reply = cards.handle_message({"type": "search", "query": QUERY, "k": 50})
    assert reply["ok"] and reply["partial"] is False, reply
    n, below = reply["n"], reply["below"]
    offered = every.down_to_floor().weaker_ids  # above the floor: the hits under it are noise, never offered
    assert n == len(every) - len(every.weaker_ids) and below == len(offered) and n >= 1 and below >= 1
    assert reply["weaker"] is False and cards.search_weaker == {"n": below, "ids": []}
    assert set(cards.scores) == set(list(every.ids)[:n]) and not UNRELATED & set(cards.scores)
    strong = dict(cards.scores)

    reply = cards.handle_message({"type": "search", "query": QUERY, "k": 50, "weaker": True})
    assert reply["ok"] and reply["n"] == n + below and reply["below"] == below and reply["weaker"] is True
    assert cards.search_weaker == {"n": below, "ids": offered}
    assert not UNRELATED & set(cards.scores) and len(cards.scores) == n + below
    assert {pid: cards.scores[pid] for pid in strong} == pytest.approx(strong)  # the strong hits keep their scores
    weakest_strong = min(strong.values())
    assert all(cards.scores[pid] < every.cutoff <= weakest_strong for pid in cards.search_weaker["ids"])
    assert cards.query == QUERY

    assert cards.handle_message({"type": "leave"})["ok"]  # typing again, ✕
    assert cards.search_weaker == {} and cards.scores == {} and cards.query == ""


def test_nothing_is_offered_when_nothing_was_cut_or_words_were_held(cards: PaperCards) -> None:
    reply = cards.handle_message({"type": "search", "query": QUERY, "k": 1})
    assert reply["ok"] and reply["n"] == 1 and reply["below"] == 0 and cards.search_weaker == {}
    reply = cards.handle_message({"type": "search", "query": "Quetzalcoatl", "k": 50})
    assert reply["ok"] and reply["holding"] == 1 and "below" not in reply  # the every-word answer, unchanged
    assert cards.holding and cards.search_weaker == {} and cards.scores == {}
    reply = cards.handle_message({"type": "search", "query": QUERY, "k": 50})
    assert reply["below"] and cards.search_weaker["n"] == reply["below"]
    assert cards.handle_message({"type": "search", "query": ""})["ok"] and cards.search_weaker == {}


def test_cards_of_a_search_carry_its_count(library: Library) -> None:
    """``%papers QUERY`` and ``results.cards()`` show a search made in Python: its status offers the weaker ones."""
    found = library.search(QUERY, k=12)
    shown = PaperCards(found)
    assert shown.search_weaker == {"n": found.below_cutoff, "ids": []} and found.below_cutoff
    listed = PaperCards(library.search(QUERY, k=12, min_score=0))  # asked in Python: every hit, as asked
    assert listed.search_weaker["ids"] == listed.library.weaker_ids and UNRELATED <= set(listed.search_weaker["ids"])
    assert PaperCards(library.search("Quetzalcoatl")).search_weaker == {}  # holding every word: no count
    for made in (shown, listed):
        made.wait_for_reasons()


def test_paperlab_search_says_how_many_were_left_out_and_all_lists_them(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.jsonl"
    library.save(str(path))
    assert main(["search", QUERY, "-k", "12", "--corpus", str(path)]) == 0
    out = capsys.readouterr().out
    n = int(out.split()[0])
    below = library.search(QUERY, k=12).below_cutoff  # above the floor only (noise is not counted)
    assert 1 <= below < 12 - n
    weaker = "weaker match" if below == 1 else "weaker matches"
    assert f"({below} {weaker} not shown: --all lists them)" in out and "--- weaker" not in out
    assert "Attention is all you need" not in out

    assert main(["search", QUERY, "-k", "12", "--corpus", str(path), "--all"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    rule = lines.index("--- weaker matches, below the relevance cut-off ---")
    offered = library.search(QUERY, k=12, min_score=0).down_to_floor().weaker_ids
    assert "not shown" not in out and all(library[i].title[:30] in "\n".join(lines[rule:]) for i in offered)
    assert "Attention is all you need" not in out  # under the floor: noise
    assert "free energy principle is unfalsifiable" in "\n".join(lines[:rule])

    assert main(["search", QUERY, "-k", "12", "--corpus", str(path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["below_cutoff"] == below and not any(r["weaker"] for r in doc["results"])
    assert main(["search", QUERY, "-k", "12", "--corpus", str(path), "--json", "--all"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["below_cutoff"] == 0 and len(doc["results"]) == n + below
    flags = [r["weaker"] for r in doc["results"]]
    assert flags == sorted(flags) and flags.count(True) == below  # the weaker ones after the others


@pytest.mark.skipif(NODE is None or not ESBUILD.exists(), reason="needs Node and the js/ dev dependencies")
def test_the_status_line_and_its_button_in_every_case(tmp_path: Path) -> None:
    """The front end's own functions (js/src/widget/status.ts, weaker.ts) run in Node."""
    status, weaker = bundle("src/widget/status.ts", tmp_path), bundle("src/widget/weaker.ts", tmp_path)
    q = f"“{QUERY}” (hybrid)"

    def search(n: int, below: int, shown: bool, **more: object) -> dict:
        return {"n": n, "query": QUERY, "mode": "hybrid", "below": below, "weakerShown": shown, **more}

    texts = call(
        status,
        "rankedStatus",
        [search(1, 7, False), "relevance"],
        [search(1, 7, True), "relevance"],
        [search(1, 7, True), "date"],
        [search(0, 7, True), "relevance"],
        [search(0, 7, False), "relevance"],
        [search(3, 0, False), "relevance"],
    )
    assert texts == [
        f"1 result for {q}, best first.",
        f"1 result for {q}, best first, then 7 weaker matches below the relevance cut-off.",
        f"1 result for {q} and 7 weaker matches below the relevance cut-off, newest first.",
        f"No paper passed the relevance cut-off for {q}: 7 weaker matches, best first.",
        f"No paper passed the relevance cut-off for {q}.",
        f"3 results for {q}, best first.",
    ]
    partial = {"done": 3, "total": 12, "rest": "keyword", "keywordOnly": False}
    labels = call(
        weaker,
        "weakerLabel",
        [search(1, 7, False)],
        [search(1, 1, False)],
        [search(1, 7, True)],
        [search(1, 0, False)],  # nothing was cut: no button
        [search(0, 7, False, holding=True)],  # an every-word answer: unchanged
        [search(1, 7, False, partial=partial)],  # a partial answer: the refined one tells
        [None],
    )
    assert labels == ["Show 7 weaker matches", "Show 1 weaker match", "Hide the weaker matches", None, None, None, None]
    readings = call(weaker, "readWeaker", [{"n": 7, "ids": []}], [{"ids": ["a", "b", 3]}], [None], [{"n": "x"}])
    assert readings == [{"n": 7, "ids": []}, {"n": 2, "ids": ["a", "b"]}, {"n": 0, "ids": []}, {"n": 0, "ids": []}]
    # where the divider goes: papers a-d (entries 0-3), c and d the weaker ones
    script = (
        f"import * as m from {json.dumps(weaker.as_uri())};\n"
        "const ids = ['a', 'b', 'c', 'd'], weak = new Set(['c', 'd']);\n"
        "const at = (shown, relevance, w = weak) => m.dividerAt(shown, i => ids[i], w, relevance);\n"
        "process.stdout.write(JSON.stringify([at([0, 1, 2, 3], true), at([0, 2, 3], true), "
        "at([0, 1, 2, 3], false), at([0, 1], true), at([0, 1, 2, 3], true, new Set())]));\n"
    )
    done = subprocess.run([str(NODE), "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    # relevance order: above the first weaker card; a facet leaving b out: still; sorted by date: none (the status
    # says it); no weaker card shown, or none asked for: none
    assert json.loads(done.stdout) == [2, 1, -1, -1, -1]

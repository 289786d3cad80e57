"""How search, similar() and recommend() results read in a notebook: the header names the paper by title, each
score line sits with its card, and every score says what scale it is on (rounded)."""

from __future__ import annotations

import re

from paperlab import Library, Paper
from paperlab.search import Recommendations


def _library() -> Library:
    return Library(
        [
            Paper("Object <img src=x onerror=alert(1)> hallucination in LVLMs", arxiv_id="2503.10602",
                  abstract="Vision-language models hallucinate objects. We mitigate object hallucination."),
            Paper("Mitigating object hallucination by decoding", abstract="Object hallucination drops with decoding."),
            Paper("Hallucination benchmarks for LVLMs", abstract="A benchmark of object hallucination in LVLMs."),
            Paper("Cooking with gas", abstract="Nothing about models here at all."),
        ]
    )  # fmt: skip


def test_similar_names_the_paper_by_title_and_labels_its_scores() -> None:
    lib = _library()
    found = lib.similar("2503.10602", k=3, mode="lexical")
    shown = found._repr_html_()
    head = shown.split("</div>", 1)[0]
    assert "similar to <i>Object &lt;img src=x onerror=alert(1)&gt; hallucination in LVLMs</i>" in head
    assert "2503.10602" not in head and "<img" not in shown
    assert "% match: the calibrated chance that a hit is relevant" in shown
    lines = re.findall(
        r'<div class="paperlab-hit" style="[^"]*"><div style="[^"]*">(.*?)</div><div class="paperlab-card', shown
    )
    assert len(lines) == len(found) > 0  # each score line opens the block of its own card
    for line, paper in zip(lines, found, strict=True):
        pct = round(found.scores[paper.id] * 100)
        assert line.startswith(f"{pct}% match" if 1 <= pct <= 99 else ("&gt;99% match" if pct > 99 else "&lt;1% match"))
    assert not re.search(r"\d\.\d{3}", "".join(lines).split(" · ")[0])  # no raw 0.980-style score
    assert found.to_dataframe().attrs["score_scale"].startswith("% match")


def test_recommendations_show_a_rounded_rank_score_and_say_it_is_no_probability() -> None:
    lib = _library()
    recs = Recommendations(list(lib)[1:3], [4.615263, 4.459489], query="like 1 saved paper", mode="recommend")
    shown = recs._repr_html_()
    assert "<b>2</b> recommendations, like 1 saved paper (recommend)" in shown
    assert "rank score 4.62" in shown and "rank score 4.46" in shown and "4.615263" not in shown
    assert "rank score: the personal ranking&#x27;s fused score; it orders the list and is not a probability" in shown
    assert recs.score_text(list(lib)[1].id) == "rank score 4.62"


def test_a_search_keeps_its_query_in_the_header() -> None:
    found = _library().search("object hallucination", mode="lexical")
    assert f"<b>{len(found)}</b> results for <i>object hallucination</i> (lexical)" in found._repr_html_()

"""Papers read from a reading-group schedule say who presented them and when (the lead's walkthrough, session 10):
they carry ``extra["presenters"]`` and ``extra["meeting_date"]``, but the cards, the notebook display and the markdown
card pasted into a notebook showed only the source, "Schedule". Now the meta line says "Presented by Maria Okafor ·
2026-02-05" (several presenters joined; a name written with markup stays text in every renderer).

Data: our own schedule (tests/data/session/s10-presented.md: a "| Date | Presenter | Paper |" table, one meeting with
two presenters, one presenter cell with markup, a skipped week).
"""

from __future__ import annotations

import html
import warnings
from pathlib import Path

import pytest
from test_js_common import ESBUILD, NODE, bundle, call

import paperlab
from paperlab.paper import Paper
from paperlab.paper_render import presented_text
from paperlab.widget import PaperCards

SCHEDULE = Path(__file__).parent / "data" / "session" / "s10-presented.md"
HOSTILE = "Sam Lee <img src=x onerror=alert>"


def _papers() -> dict[str, Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {p.title: p for p in paperlab.load(SCHEDULE)}


def test_the_markdown_card_and_the_notebook_display_say_who_presented_when() -> None:
    papers = _papers()
    assert len(papers) == 3
    attention = papers["Attention Is All You Need"]
    assert attention.extra["presenters"] == ["Maria Okafor"] and attention.extra["meeting_date"] == "2026-02-05"
    meta = attention.to_markdown().splitlines()[1]
    assert meta == "*2017-06 (month of its arXiv id) · Presented by Maria Okafor · 2026-02-05*"
    resnet = papers["Deep Residual Learning for Image Recognition"]
    two = "Presented by Ken Ito, Lena Vogt · 2026-02-12"
    assert two in resnet.to_markdown() and two in resnet.to_html()
    bundle_ = resnet._repr_mimebundle_()
    assert two in bundle_["text/html"] and two in bundle_["text/markdown"]
    assert Paper.from_markdown(resnet.to_markdown()).extra["presenters"] == ["Ken Ito", "Lena Vogt"]


def test_a_presenter_named_with_markup_stays_text() -> None:
    norm = _papers()["Layer Normalization"]
    assert norm.extra["presenters"] == [HOSTILE]
    card = norm.to_markdown()
    assert f"Presented by {html.escape(HOSTILE)} · 2026-02-19".replace("&#x27;", "'") in card
    assert "<img" not in card.split("<!--")[0]  # the JSON comment escapes its own "<"
    shown = norm.to_html()
    assert "<img" not in shown and f"Presented by {html.escape(HOSTILE)} · 2026-02-19" in shown


def test_the_cards_static_fallback_says_it_too() -> None:
    cards = PaperCards(paperlab.Library(_papers().values()), activate=False, search_mode="lexical")
    static = cards._repr_mimebundle_()[0]
    assert "Presented by Maria Okafor · 2026-02-05" in static["text/html"]
    assert "<img" not in static["text/html"]


def test_the_words_for_any_extra() -> None:
    assert presented_text({"presenters": ["Maria"], "meeting_date": "2026-02-05"}) == "Presented by Maria · 2026-02-05"
    assert presented_text({"presenters": "Maria", "meeting": "Week 3"}) == "Presented by Maria · Week 3"
    assert presented_text({"presenters": ["", 3, "Ken"]}) == "Presented by Ken"
    assert presented_text({"meeting_date": "2026-02-05"}) == "Presented 2026-02-05"
    assert presented_text({"presenter": "Nanne"}) == "" and presented_text(None) == ""  # a session's presenter: no


@pytest.mark.skipif(NODE is None or not ESBUILD.exists(), reason="needs Node and the js/ dev dependencies")
def test_the_cards_front_end_says_the_same(tmp_path: Path) -> None:
    """js/src/common/paper.ts presentedText, run in Node, on the same extras as presented_text."""
    module = bundle("src/common/paper.ts", tmp_path)
    extras = [
        {"presenters": ["Maria"], "meeting_date": "2026-02-05"},
        {"presenters": ["Ken Ito", " Lena Vogt "], "meeting_date": "2026-02-12", "meeting": "12-02-26"},
        {"presenters": "Maria", "meeting": "Week 3"},
        {"presenters": ["", 3, "Ken"]},
        {"meeting_date": "2026-02-05"},
        {"presenter": "Nanne"},
        {},
    ]
    got = call(module, "presentedText", *[[{"extra": e}] for e in extras])
    assert got == [presented_text(e) for e in extras]
    assert got[1] == "Presented by Ken Ito, Lena Vogt · 2026-02-12"

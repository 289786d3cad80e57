"""Matched terms marked in the paper cards, in a real JupyterLab (Chromium): whole words only, no stopwords.

A walkthrough found "Ran<mark>do</mark>m" and the query's "that", "are", "do", "not" marked after a question-like
search. Data: our own papers (titles chosen so that a query's stopwords and short words occur inside longer words
and on their own). The test reads the ``<mark>`` elements the page drew and the characters around each one.
Screenshot: test-artifacts/cards-marks.png.
"""

from __future__ import annotations

import pytest
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import show_cards

pytestmark = pytest.mark.browser

SETUP = """
from paperlab import Library, Paper
from paperlab.widget import PaperCards
papers = [
    Paper("Random Image Transformations Make Models Robust", arxiv_id="2303.00001", published="2023-01-02",
          abstract="Models that are random do not describe objects that are not there."),
    Paper("RL Agents Do Not Need Dense Rewards", arxiv_id="2303.00002", published="2023-01-03",
          abstract="Reinforcement learning (RL) agents that are trained with sparse rewards."),
    Paper("Modelling Dialogue Roles Without Labels", arxiv_id="2303.00003", published="2023-01-04",
          abstract="Domain models of dialogue; a model of roles."),
]
PaperCards(Library(papers), search_mode="lexical")
"""

# every mark with the characters right before and after it (in its element's text)
MARKS_JS = """r => [...r.querySelectorAll('mark.plc-mark')].map(m => {
  const before = m.previousSibling ? m.previousSibling.textContent : '';
  const after = m.nextSibling ? m.nextSibling.textContent : '';
  return [m.textContent, before.slice(-1), after.slice(0, 1)];
})"""
STOP = {"why", "do", "that", "are", "not", "the", "a", "with", "of"}


def marks(root) -> list[list[str]]:
    found = root.evaluate(MARKS_JS)
    for text, before, after in found:
        assert not (before.isalnum() or after.isalnum()), f"{text!r} marked inside a word: {before}|{text}|{after}"
        assert text.lower() not in STOP, f"stopword {text!r} marked"
    return found


def test_marks_are_whole_words_without_stopwords(page: Page, lab: Lab) -> None:
    root = show_cards(page, lab, "cards-marks.ipynb", SETUP)
    box = root.locator("input[type=search]")

    # a question-like kernel search: its words marked whole, its stopwords and short words never
    box.fill("why do random models not describe objects that are there RL")
    box.press("Enter")
    expect(root.locator(".plc-ranked")).to_be_visible(timeout=60_000)
    found = marks(root)
    texts = {m[0] for m in found}
    assert {"Random", "Models", "describe", "objects"} <= texts, texts
    shot(page, "cards-marks")

    # "RL" is an acronym in the query: marked although it has two letters; "Do" and "Not" in its title: never
    box.fill("do RL agents not need rewards")
    box.press("Enter")
    expect(root.locator(".plc-ranked")).to_contain_text("do RL agents", timeout=60_000)
    rl = root.locator(".plc-title", has_text="RL Agents Do Not Need Dense Rewards")
    expect(rl.locator("mark")).to_have_text(["RL", "Agents", "Need", "Rewards"])
    marks(root)

    # the typed filter: "model" marks "Models" and "model", never "Modelling" (a longer word)
    box.fill("")
    box.type("model", delay=20)
    expect(root.locator(".plc-ranked")).to_be_hidden()
    found = marks(root)
    assert {m[0] for m in found} >= {"Models"}, found
    modelling = root.locator(".plc-title", has_text="Modelling Dialogue")
    expect(modelling.locator("mark")).to_have_count(0)

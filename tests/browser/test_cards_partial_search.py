"""A search in the cards while the papers are still being embedded, in a real JupyterLab (walkthrough 11).

The walkthrough's first search ran beside "Embedding papers for semantic search: 0 / 98" and the status said
"2 results for “…” (hybrid), best first" although no paper had a vector yet: the hits were keyword hits. Now,
while no vector is ready, the status line and the "Ranked by" chip say keyword results until the papers are
embedded (N / M, following the progress), and when the embedding ends the kernel runs the search again by itself:
the line then names the hybrid ranking, without the user pressing Enter again.

The kernel embeds 48 papers of the bundled demo corpus with the packaged MiniLM under a name of its own (no shipped
vector applies), each batch held at a gate the notebook opens in its second cell.
Screenshots: test-artifacts/cards-partial-{keyword,refined}-{light,dark}.png.
"""

from __future__ import annotations

import re

import pytest
from contrast import set_theme
from labtools import Lab, run_cell, shot
from playwright.sync_api import Page, expect
from test_cards import open_notebook, write_notebook

from paperlab.data import demo_library

pytestmark = pytest.mark.browser

SETUP = """
import threading
from paperlab.data import demo_library
from paperlab.library import Library
from paperlab.search import get_encoder
from paperlab.search.index import paper_text
from paperlab.widget import PaperCards

library = Library(list(demo_library())[:48])

class HeldEncoder:
    '''The packaged MiniLM under its own name; batches of library texts wait until the gate opens.'''
    name, texts_embedded = "browser-held-minilm-partial", 0
    def __init__(self):
        self.inner, self.gate = get_encoder(None), threading.Event()
        self.docs = {paper_text(p) for p in library}
    def encode(self, texts):
        if len(texts) > 1 and set(texts) <= self.docs:
            self.gate.wait(300)
        return self.inner.encode(texts)

enc = HeldEncoder()
cards = PaperCards(library, encoder=enc)
cards
"""
OPEN_GATE = "enc.gate.set()"
TARGET = list(demo_library())[40].shown_title


def _shots(page: Page, name: str) -> None:
    shot(page, f"cards-partial-{name}-light")
    set_theme(page, "Dark")
    try:
        shot(page, f"cards-partial-{name}-dark")
    finally:
        set_theme(page, "Light")


def test_keyword_results_are_named_so_and_the_search_runs_again_once_embedded(page: Page, lab: Lab) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    write_notebook(lab, "cards-partial.ipynb", SETUP, OPEN_GATE)
    open_notebook(page, lab, "cards-partial.ipynb")
    run_cell(page, 0)
    root = page.locator(".plc-root").last
    progress = root.locator(".plc-progress")
    expect(progress).to_contain_text("Embedding papers for semantic search: 0 / 48", timeout=120_000)

    box = root.locator("input[type=search]")
    box.fill(TARGET)
    box.press("Enter")
    status = root.locator(".plc-status-text")
    expect(status).to_contain_text("once papers are embedded (0 / 48)", timeout=120_000)
    text = status.inner_text()
    assert "(hybrid)" not in text and re.search(r"keyword|approximate", text), text
    assert re.match(r"^\d+ (keyword )?results? for ", text), text
    ranked = root.locator(".plc-ranked")
    expect(ranked).to_contain_text("until papers are embedded")
    assert "(hybrid)" not in ranked.inner_text()
    target_card = root.locator(".plc-card", has_text=TARGET).first
    expect(target_card).to_be_visible()
    status.scroll_into_view_if_needed()
    _shots(page, "keyword")

    run_cell(page, 1)  # the embedding finishes; nobody presses Enter
    expect(progress).to_contain_text("semantic search is ready", timeout=180_000)
    expect(status).to_have_text(re.compile(rf"^\d+ results? for “{re.escape(TARGET)}” \(hybrid\), best first\.$"))
    expect(ranked).to_contain_text(f"“{TARGET}” (hybrid)")
    expect(ranked).not_to_contain_text("until papers are embedded")
    expect(root.locator(".plc-card").first).to_contain_text(TARGET)  # the full ranking puts it first
    status.scroll_into_view_if_needed()
    _shots(page, "refined")

"""The panel's Add box reads the whole input as the reference (R5, session 12: "1412.6980import os", a paste that ran
into the next line, added 1412.6980): junk around an id is refused with a message naming what was expected, and the
list is unchanged; a BibTeX abstract's math shows in the cards as paperlab.latex reads it ("𝐱⁽ⁱ⁾", not "𝐱^(i)").
Papers: our own (tests/browser/test_panel.py) and a small hand-written BibTeX entry.
Screenshots: test-artifacts/panel-add-junk-{light,dark}.png, cards-bibtex-math-{light,dark}.png.
"""

from __future__ import annotations

import pytest
from contrast import set_theme
from labtools import Lab, shot, show_panel
from playwright.sync_api import Page, expect
from test_cards import show_cards
from test_panel import FIRST, SECOND, open_lab, seed

pytestmark = pytest.mark.browser

VAE_BIB = r"""@inproceedings{kingma2014vae, title = {Auto-Encoding Variational Bayes},
  author = {Kingma, Diederik P. and Welling, Max}, year = {2014}, booktitle = {ICLR},
  abstract = {We show that a reparameterization of the variational lower bound
  $\mathcal{L}(\theta, \phi; \mathbf{x}^{(i)})$ yields an estimator, where $p_\theta(\mathbf{z}|\mathbf{x})$ is
  intractable, with an error of $10^{-3}$.}}
"""


def test_the_add_box_refuses_junk_around_an_id(page: Page, lab: Lab, console_errors) -> None:
    console_errors.expect(
        r"status of 400"
    )  # the browser logs the refused POST itself (bad input: 400 since session 14)
    seed(lab, FIRST)
    open_lab(page, lab, "add-junk")
    show_panel(page)
    box = page.locator(".paperlab-add-input")
    box.fill(f"{SECOND.id}import os")
    box.press("Enter")
    toast = page.locator(".jp-toast-message", has_text="other text around it")
    expect(toast).to_be_visible(timeout=10_000)
    expect(toast).to_contain_text(f"'{SECOND.id}import os' holds the arXiv id {SECOND.id} with other text around it")
    expect(page.locator(".paperlab-card")).to_have_count(1)
    assert [e["paper"]["id"] for e in lab.api("GET", "lists/default")["entries"]] == [FIRST.id]
    shot(page, "panel-add-junk-light")
    set_theme(page, "Dark")
    try:
        shot(page, "panel-add-junk-dark")
    finally:
        set_theme(page, "Light")


def test_the_refusal_shows_markup_typed_into_the_add_box_as_text(page: Page, lab: Lab, console_errors) -> None:
    """The refusal echoes what the user typed: markup in it is shown as characters, never run or drawn."""
    console_errors.expect(r"status of 400")
    seed(lab, FIRST)
    open_lab(page, lab, "add-junk-markup")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    show_panel(page)
    typed = f"<img src=x onerror=alert(7)>{SECOND.id}"
    box = page.locator(".paperlab-add-input")
    box.fill(typed)
    box.press("Enter")
    toast = page.locator(".jp-toast-message", has_text="other text around it")
    expect(toast).to_be_visible(timeout=10_000)
    expect(toast).to_contain_text(f"'{typed}' holds the arXiv id {SECOND.id}")
    expect(toast.locator("img")).to_have_count(0)
    page.wait_for_timeout(500)
    assert dialogs == []
    assert SECOND.id not in [e["paper"]["id"] for e in lab.api("GET", "lists/default")["entries"]]


def test_cards_show_a_bibtex_abstracts_math_as_read(page: Page, lab: Lab) -> None:
    (lab.root_dir / "vae.bib").write_text(VAE_BIB, encoding="utf-8")
    root = show_cards(page, lab, "vae-math.ipynb", "import paperlab\npaperlab.load('vae.bib').cards()")
    card = root.locator(".plc-card").first
    expect(card).to_contain_text("ℒ(θ, ϕ; 𝐱⁽ⁱ⁾)")
    expect(card).to_contain_text("10⁻³")
    assert "^" not in (card.inner_text() or "")
    shot(page, "cards-bibtex-math-light")
    set_theme(page, "Dark")
    try:
        shot(page, "cards-bibtex-math-dark")
    finally:
        set_theme(page, "Light")

"""A markdown card pasted into a notebook (the cards' "Insert cell" / "Copy markdown") shows a "$" in its title,
authors or abstract as a dollar sign: JupyterLab's MathJax typesets nothing in it, in the light and dark themes.
Screenshots: test-artifacts/markdown-math-{light,dark}.png."""

from __future__ import annotations

import json

import pytest
from contrast import set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import open_notebook

from paperlab.paper import Paper
from paperlab.paper_render import paper_to_markdown

pytestmark = pytest.mark.browser

PAPER = Paper(
    title="Pricing at $5 per $x$ and $10 per $y$",
    authors=["Ada $Lovelace$", "Bob"],
    abstract="Plans cost $3 a month and $30 a year.\nThe $n$ users pay $4 each.",
    arxiv_id="2401.00001",
    published="2024-01-02",
)


def test_a_pasted_markdown_card_typesets_no_math(page: Page, lab: Lab) -> None:
    cell = {"cell_type": "markdown", "id": "card", "metadata": {}, "source": paper_to_markdown(PAPER)}
    code = {"cell_type": "code", "execution_count": None, "id": "c0", "metadata": {}, "outputs": [], "source": ""}
    nb = {
        "cells": [cell, code],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (lab.root_dir / "markdown-math.ipynb").write_text(json.dumps(nb))
    open_notebook(page, lab, "markdown-math.ipynb")
    rendered = page.locator(".jp-MarkdownCell .jp-RenderedMarkdown").first
    # titles and abstracts are shown LaTeX-decoded ($x$ reads x); the dollar signs left must stay dollar signs
    title, abstract = PAPER.shown_title, (PAPER.shown_abstract or "").splitlines()
    assert title.count("$") == 2 and "$" in abstract[0] and "$" in abstract[1]
    expect(rendered.locator("h3")).to_contain_text(title, timeout=30_000)
    expect(rendered).to_contain_text("Ada $Lovelace$")
    for line in abstract:
        expect(rendered.locator("blockquote")).to_contain_text(line)
    page.wait_for_timeout(1_500)  # MathJax typesets after rendering
    for theme in ("Light", "Dark"):
        set_theme(page, theme)
        assert rendered.locator("mjx-container, .MathJax, math").count() == 0, theme
        shot(page, f"markdown-math-{theme.lower()}")
    set_theme(page, "Light")

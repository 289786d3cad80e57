"""The cards' facets are named for the field they filter (session 16's leftover, seen using the product): the "Tag"
row listed a BibTeX file's keywords while the papers' ``tags`` (and the frame's ``tags`` column) were empty. Now
"Tag" holds the papers' ``tags`` (a list's or a digest's section) and "Keyword" the ``keywords`` their source gave,
as ``lib.to_dataframe()`` names the two columns. Data: our own BibTeX entries and papers, written here.
A card's chips say on hover which field they are ("Tag: to present", "Keyword: long context").
Screenshots: test-artifacts/cards-keyword-facet-{light,dark}.png.
"""

from __future__ import annotations

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import open_notebook, run_cell, write_notebook

pytestmark = pytest.mark.browser

SETUP = r'''
import paperlab
from paperlab import Library, Paper
from paperlab.widget import PaperCards
from pathlib import Path
Path("cards-keyword-facet.bib").write_text("""
@article{muller2023, title = {Sparse Attention for Long Sequences}, author = {M{\"u}ller, J{\"o}rg}, year = {2023},
  keywords = {sparse attention, long context}}
@article{okafor2024, title = {Routing Collapse in Experts}, author = {Okafor, Ada}, year = {2024},
  keywords = {mixture of experts}}
""", encoding="utf-8")
bib = paperlab.load("cards-keyword-facet.bib")
tagged = Paper("Speculative Decoding at Scale", arxiv_id="2401.00077", published="2024-01-10",
               authors=["Bo Dale"], tags=["to present"])
lib = Library([*bib, tagged])
frame = lib.to_dataframe()
print("TAGS", sorted(t for ts in frame["tags"] for t in ts), "KEYWORDS", sorted(k for ks in frame["keywords"] for k in ks))
PaperCards(lib)
'''


def test_tag_and_keyword_facets_filter_the_fields_they_name(page: Page, lab: Lab) -> None:
    write_notebook(lab, "cards-keyword-facet.ipynb", SETUP)
    open_notebook(page, lab, "cards-keyword-facet.ipynb")
    run_cell(page, 0)
    root = page.locator(".plc-root").last
    expect(root).to_be_visible(timeout=60_000)
    expect(root.locator(".plc-toolbar .plc-count").last).to_have_text("3 papers")
    out = page.locator(".jp-OutputArea-output", has_text="TAGS").last
    expect(out).to_contain_text(
        "TAGS ['to present'] KEYWORDS ['long context', 'mixture of experts', 'sparse attention']"
    )
    tags = root.locator("button.plc-chip[data-facet='tag']")
    expect(tags).to_have_text(["to present (1)"])  # the frame's tags column, nothing else
    keywords = root.locator(".plc-facet-group[data-facet='keyword']")
    expect(keywords.locator(".plc-facet-label")).to_have_text("Keyword:")
    expect(root.locator(".plc-facet-group[data-facet='tag'] .plc-facet-label")).to_have_text("Tag:")
    expect(keywords.locator("button.plc-chip[data-value='sparse attention']")).to_have_text("sparse attention (1)")
    # a card's chips say on hover which field they are
    speculative = root.locator(".plc-card", has_text="Speculative Decoding at Scale")
    expect(speculative.locator(".plc-tag", has_text="to present")).to_have_attribute("title", "Tag: to present")
    sparse = root.locator(".plc-card", has_text="Sparse Attention for Long Sequences")
    expect(sparse.locator(".plc-tag", has_text="long context")).to_have_attribute("title", "Keyword: long context")
    keywords.locator("button.plc-chip[data-value='mixture of experts']").click()
    expect(root.locator(".plc-toolbar .plc-count").last).to_contain_text("1 of 3")
    expect(root.locator(".plc-card", has_text="Routing Collapse in Experts")).to_be_visible()
    expect(root.locator(".plc-card", has_text="Speculative Decoding at Scale")).to_have_count(0)
    shot(page, "cards-keyword-facet-light")
    checked, failures = contrast_failures(page, ".plc-root")
    assert checked > 5 and failures == [], failures
    set_theme(page, "Dark")
    try:
        checked, failures = contrast_failures(page, ".plc-root")
        assert checked > 5 and failures == [], failures
        shot(page, "cards-keyword-facet-dark")
    finally:
        set_theme(page, "Light")

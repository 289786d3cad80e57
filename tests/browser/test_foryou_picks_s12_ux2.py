"""'For you' picks in a real JupyterLab (R5's finding 5): a title with no link is plain text (it was link-blue and did
nothing) while a title with its arXiv page is a link in the link colour; and a pick's "+" adds it to the panel's
current reading list, then shows a check. arXiv and Hugging Face are closed ports on 127.0.0.1, so For you ranks
the user's own stored papers; papers are ours."""

from __future__ import annotations

import json

import pytest
from hostile import refused_port
from labtools import Lab
from playwright.sync_api import Page, expect
from test_panel import open_lab, open_panel, seed

from paperlab import Paper

pytestmark = pytest.mark.browser

MINE = [
    Paper(
        f"Sparse routing for mixture models, part {i}",
        arxiv_id=f"2512.{46000 + i:05d}",  # ids no other browser test uses (one store per session)
        authors=["Ada Quill"],
        published="2024-02-01",
        abstract="Sparse routing of tokens to experts in mixture models.",
    )
    for i in range(2)
]
LINKED = Paper(
    "Expert routing with sparse gates (linked)",
    arxiv_id="2512.46010",
    authors=["Bo Renn"],
    published="2024-03-01",
    abstract="Tokens are routed to a few experts by sparse gates in mixture models.",
)
UNLINKED = Paper(
    "Mixture models with routed experts (no link)",
    authors=["Cy Moss"],
    published="2019-01-01",
    abstract="A mixture of experts where a router sends each token to sparse experts.",
)

COLORS_JS = """() => {
  const pick = t => [...document.querySelectorAll('.paperlab-foryou-paper')].find(e => e.textContent.endsWith(t));
  const a = pick('(linked)'), span = pick('(no link)');
  const item = span.closest('.paperlab-foryou-item');
  return {a: a.tagName, span: span.tagName, aColor: getComputedStyle(a).color, spanColor: getComputedStyle(span).color,
          text: getComputedStyle(item).color,
          link: getComputedStyle(document.body).getPropertyValue('--jp-content-link-color').trim()};
}"""


def test_for_you_links_only_real_links_and_adds_a_pick_to_the_list(page: Page, lab: Lab) -> None:
    profile = {
        "lists": ["ux2-mine"],
        "categories": ["cs.LG"],
        "hf_daily": True,
        "arxiv_listing_url": f"http://127.0.0.1:{refused_port()}/atom",
        "hf_url": f"http://127.0.0.1:{refused_port()}",
    }
    (lab.paperlab_home / "feed-profile.json").write_text(json.dumps(profile))
    seed(lab, LINKED, UNLINKED, name="ux2-stored")  # in the store, not on the profile's lists: the candidates
    seed(lab, *MINE, name="ux2-mine")
    open_lab(page, lab, "foryou-picks-ux2")
    open_panel(page)
    page.locator(".paperlab-list-select").select_option("ux2-mine")
    expect(page.locator(".paperlab-card")).to_have_count(len(MINE))
    section = page.locator(".paperlab-foryou")
    section.locator("summary").first.click()
    linked = section.locator(f".paperlab-foryou-item[data-paper-id='{LINKED.id}']")
    unlinked = section.locator(f".paperlab-foryou-item[data-paper-id='{UNLINKED.id}']")
    expect(linked).to_be_visible(timeout=180_000)
    expect(unlinked).to_be_visible()
    c = page.evaluate(COLORS_JS)
    assert (c["a"], c["span"]) == ("A", "SPAN")
    assert c["spanColor"] == c["text"], f"a title without a link is coloured as a link: {c}"
    assert c["aColor"] != c["spanColor"], f"a real link is not coloured as a link: {c}"
    # "+" adds the pick to the current list (ux2-mine), then says it is there
    add = unlinked.get_by_role("button", name="Add to the reading list “ux2-mine”")
    expect(add).to_have_text("+")
    add.click()
    done = unlinked.get_by_role("button", name="In the reading list “ux2-mine”")
    expect(done).to_be_disabled(timeout=30_000)
    expect(done).to_have_text("✓")
    expect(page.locator(".paperlab-card")).to_have_count(len(MINE) + 1)
    titles = [e["paper"]["title"] for e in lab.api("GET", "lists/ux2-mine")["entries"]]
    assert UNLINKED.title in titles
    expect(linked.get_by_role("button", name="Add to the reading list “ux2-mine”")).to_be_enabled()

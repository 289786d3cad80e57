"""The cards after walkthrough 9, in a real JupyterLab (Chromium): facets, the every-word wording, the status line
naming what is shown, and inserting a paper as a code cell with its citation key.

The walkthrough found: the Year row always listed the library's 8 newest years (a 2000-2018 result showed
"2025 (0) … 2018 (1)"); the Tag row was cut off mid-row; an author's name found the right papers but said "No paper
passed the relevance cut-off"; a search's status named the new query while the cards and the "Ranked by" chip still
showed the previous one; the ⤓ button inserted only a markdown card, and code cells named papers by opaque
``title:`` ids. Data: our own papers, written here (one hostile tag). Screenshots:
test-artifacts/cards-walk9-{facets,holding}-{light,dark}.png, cards-walk9-code-cell-light.png.
"""

from __future__ import annotations

import re

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, run_cell, shot
from playwright.sync_api import Page, expect
from test_cards import open_notebook, write_notebook

from paperlab.library import Library
from paperlab.paper import Paper

pytestmark = pytest.mark.browser

PAPERS = """
from paperlab import Library, Paper
HOSTILE_TAG = "<img src=x onerror=alert(1)>"
papers = [
    Paper(f"Static analysis study {y} of secure code", url=f"https://example.org/static/{y}", published=f"{y}-03-01",
          authors=[f"Author{y} Family"], abstract="Finding defects in programs before they run.",
          tags=[f"topic {y % 12}", "Computer Science - Software Engineering"])
    for y in range(2000, 2019) if y != 2004
] + [
    Paper(f"Neural ranking study {y}", url=f"https://example.org/neural/{y}", published=f"{y}-03-01",
          authors=[f"Author{y} Other"], abstract="Learning to rank documents.", tags=[f"topic {y % 12}"])
    for y in range(2019, 2026)
] + [
    Paper(title, url=f"https://example.org/lip/{y}", published=f"{y}-06-01", authors=["Jun Zhu", "Heather Lipford"],
          abstract="Developers and the mistakes they make.", tags=["usable security", HOSTILE_TAG])
    for title, y in [("Why do programmers make security errors?", 2011),
                     ("Interactive support for secure programming education", 2013),
                     ("Embedding secure coding instruction into the IDE", 2015)]
] + [
    Paper("Static analysis for security", published="2004-11-01", authors=["Brian Chess", "Gary McGraw"],
          abstract="Static analysis tools find security defects in code.", extra={"bibtex_key": "chess2004static"},
          tags=["Computer Science - Cryptography and Security"]),
]
"""
SETUP = PAPERS + "from paperlab.widget import PaperCards\nPaperCards(Library(papers), search_mode='lexical')\n"
NS: dict = {}
exec(PAPERS, NS)
LIB = Library(NS["papers"])
CHESS = next(p for p in LIB if p.title == "Static analysis for security")


def chip(root, kind: str, value: str):
    return root.locator(f"button.plc-chip[data-facet='{kind}'][data-value='{value}']")


def assert_no_clipped_chip(root) -> None:
    """The facet rows wrap whole: no scroll box, every shown chip inside the facets' box."""
    clipped = root.evaluate("""r => {
        const box = r.querySelector('.plc-facets');
        const outer = box.getBoundingClientRect();
        const cut = [...box.querySelectorAll('button.plc-chip')].filter(c => !c.hidden).filter(c => {
            const b = c.getBoundingClientRect();
            return b.top < outer.top - 0.5 || b.bottom > outer.bottom + 0.5;
        }).map(c => c.textContent);
        return {cut, scroll: box.scrollHeight - box.clientHeight};
    }""")
    assert clipped["cut"] == [] and clipped["scroll"] <= 1, clipped


def themed_shots(page: Page, name: str) -> None:
    page.locator(".plc-root .plc-status").last.scroll_into_view_if_needed()  # the status line in the picture
    shot(page, f"{name}-light")
    checked, failures = contrast_failures(page, ".plc-root")
    assert checked > 10 and failures == [], failures
    set_theme(page, "Dark")
    try:
        checked, failures = contrast_failures(page, ".plc-root")
        assert checked > 10 and failures == [], failures
        shot(page, f"{name}-dark")
    finally:
        set_theme(page, "Light")


def test_facets_wording_status_and_code_cell(page: Page, lab: Lab) -> None:
    write_notebook(lab, "cards-walk9.ipynb", SETUP)
    open_notebook(page, lab, "cards-walk9.ipynb")
    run_cell(page, 0)
    root = page.locator(".plc-root").last
    expect(root).to_be_visible(timeout=60_000)
    count = root.locator(".plc-toolbar .plc-count").last
    expect(count).to_have_text(f"{len(LIB)} papers")
    # 26 years: the Year row shows their decades; the single years wait behind "+N more"
    expect(chip(root, "year", "2020s")).to_have_text(f"2020s ({sum(1 for p in LIB if p.year >= 2020)})")
    expect(chip(root, "year", "2000s")).to_be_visible()
    expect(chip(root, "year", "2025")).to_be_hidden()
    tags = root.locator(".plc-facet-group[data-facet='tag']")
    more = tags.locator("button.plc-chip-more")
    expect(more).to_be_visible()
    assert_no_clipped_chip(root)
    assert root.locator(".plc-facets img").count() == 0  # the hostile tag is a chip's text
    expect(chip(root, "tag", NS["HOSTILE_TAG"])).to_have_attribute("data-label", NS["HOSTILE_TAG"])

    # a search whose papers are from 2000-2018: the years (decades) it holds come first, not 2025 (0)
    box = root.locator("input[type=search]")
    box.fill("static analysis")
    box.press("Enter")
    ranked = LIB.search("static analysis", k=50, mode="lexical")
    years = sorted({p.year for p in ranked}, reverse=True)
    assert len(years) > 8 and max(years) <= 2018
    expect(root.locator(".plc-ranked")).to_have_text("Ranked by the kernel: “static analysis” (lexical)✕")
    status = root.locator(".plc-status-text")
    expect(status).to_have_text(f"{len(ranked)} results for “static analysis” (lexical), best first.")
    year_row = root.locator(".plc-facet-group[data-facet='year'] button.plc-chip:visible")
    n2010 = sum(1 for p in ranked if 2010 <= p.year <= 2019)
    expect(year_row).to_have_text([f"2010s ({n2010})", f"2000s ({len(ranked) - n2010})", f"+{len(years)} more"])
    year_row.last.click()  # "+N more": the single years it holds, newest first
    expect(chip(root, "year", str(years[0]))).to_be_visible()
    expect(chip(root, "year", str(years[0]))).to_have_text(f"{years[0]} (1)")
    expect(chip(root, "year", "2025")).to_be_hidden()
    more.click()  # the whole Tag row: wrapped, nothing cut off
    expect(more).to_have_text("fewer")
    assert_no_clipped_chip(root)
    themed_shots(page, "cards-walk9-facets")
    more.click()
    year_row.last.click()  # "fewer"

    # an author's name: the papers holding it, said as a finding; the cards, chip and status name the same query
    box.fill("Lipford")
    box.press("Enter")
    expect(status).to_have_text(
        "3 papers hold “Lipford” (title, abstract, authors or keywords) — not ranked by relevance.", timeout=60_000
    )
    expect(root.locator(".plc-ranked")).to_be_hidden()
    expect(count).to_have_text(f"3 of {len(LIB)} papers")
    expect(root.locator(".plc-card .plc-authors mark")).to_have_text(["Lipford"] * 3)
    visible_years = root.locator(".plc-facet-group[data-facet='year'] button.plc-chip:visible")
    expect(visible_years).to_have_text(["2015 (1)", "2013 (1)", "2011 (1)", "+23 more"])
    assert "cut-off" not in root.inner_text()
    themed_shots(page, "cards-walk9-holding")

    # the card's ⋯ menu inserts a code cell that loads the paper by its citation key
    box.fill("static analysis for security")
    card = root.locator(f".plc-card[data-id='{CHESS.id}']")
    expect(card).to_be_visible()
    set_theme(page, "Dark")
    try:
        card.get_by_role("button", name="More actions").click()
        expect(card.get_by_role("menuitem", name="Insert as a code cell below")).to_be_visible()
        shot(page, "cards-walk9-menu-dark")
        page.keyboard.press("Escape")  # closed before the theme changes (a click on ⋯ toggles an open menu shut)
        expect(card.get_by_role("menuitem")).to_have_count(0)
    finally:
        set_theme(page, "Light")
    card.get_by_role("button", name="More actions").click()
    expect(card.get_by_role("menuitem", name="Insert as a code cell below")).to_be_visible()
    # a list of one card: the four items fit in it (beside the button), none cut off by the list's edge
    inside = root.evaluate("""r => {
        const list = r.querySelector('.plc-viewport').getBoundingClientRect();
        const menu = r.querySelector('.plc-menu').getBoundingClientRect();
        return menu.top >= list.top - 0.5 && menu.bottom <= list.bottom + 0.5;
    }""")
    assert inside
    shot(page, "cards-walk9-menu-light")
    card.get_by_role("menuitem", name="Insert as a code cell below").click()
    expect(status).to_have_text(f"Inserted a code cell loading “{CHESS.title}” below.", timeout=15_000)
    inserted = page.locator(".jp-Notebook .jp-Cell").nth(1)
    expect(inserted).to_have_class(re.compile(r"jp-CodeCell"))
    expect(inserted.locator(".cm-line")).to_have_text(["import paperlab", 'paperlab.paper("chess2004static")'])
    run_cell(page, 1)
    expect(inserted.locator(".jp-OutputArea-output").first).to_contain_text(CHESS.title, timeout=60_000)
    shot(page, "cards-walk9-code-cell-light")


def test_the_panels_insert_code_names_a_keyed_paper_by_its_citation_key(page: Page, lab: Lab) -> None:
    """The side panel's "Insert code" (the server's paper answer) writes the key, not the opaque title: id."""
    from test_panel import card, open_lab, open_panel, seed, select, wait_kernel_idle

    keyed = Paper(
        "Static analysis for security, as the panel inserts it",
        published="2004-11-01",
        authors=["Brian Chess"],
        extra={"bibtex_key": "chess2004panel"},
    )
    assert keyed.id.startswith("title:")
    seed(lab, keyed, name="walk9")
    write_notebook(lab, "panel-walk9.ipynb", "")
    open_lab(page, lab, "panel-walk9", "panel-walk9.ipynb")
    open_panel(page)
    wait_kernel_idle(page)
    page.locator(".paperlab-list-select").select_option("walk9")
    select(page, keyed.id)
    page.locator(".jp-Cell .cm-content").first.click()
    card(page, keyed.id).locator(".paperlab-insert-code").click()
    code_cell = page.locator(".jp-CodeCell").nth(1)
    expect(code_cell.locator(".cm-line")).to_have_text(["import paperlab", 'paperlab.paper("chess2004panel")'])
    run_cell(page, 1)
    expect(code_cell.locator(".jp-OutputArea-output .paperlab-card")).to_contain_text(keyed.title, timeout=30_000)


def test_a_search_answered_from_the_kernel_side_moves_cards_chip_status_and_box_together(page: Page, lab: Lab) -> None:
    """A kernel answer the front end did not ask for (a refine, a search from Python) replaces all of what the
    cards say: before, the chip and cards followed the traits while the status line kept the previous query."""
    follow = "w = _\nw.handle_message({'type': 'search', 'query': 'neural ranking', 'mode': 'lexical'})['n']"
    author = "w.handle_message({'type': 'search', 'query': 'Lipford', 'mode': 'lexical'})['holding']"
    write_notebook(lab, "cards-walk9-follow.ipynb", SETUP, follow, author)
    open_notebook(page, lab, "cards-walk9-follow.ipynb")
    run_cell(page, 0)
    root = page.locator(".plc-root").last
    expect(root).to_be_visible(timeout=60_000)
    box = root.locator("input[type=search]")
    box.fill("static analysis")
    box.press("Enter")
    status = root.locator(".plc-status-text")
    expect(status).to_have_text(re.compile(r"^19 results for “static analysis”"), timeout=60_000)
    ranked = root.locator(".plc-ranked")

    run_cell(page, 1)
    neural = LIB.search("neural ranking", k=50, mode="lexical")
    expect(status).to_have_text(f"{len(neural)} results for “neural ranking” (lexical), best first.", timeout=60_000)
    expect(ranked).to_have_text("Ranked by the kernel: “neural ranking” (lexical)✕")
    expect(box).to_have_value("neural ranking")
    expect(root.locator(".plc-card[data-position='0'] .plc-title")).to_have_text(re.compile("^Neural ranking study"))

    run_cell(page, 2)
    expect(status).to_have_text(
        "3 papers hold “Lipford” (title, abstract, authors or keywords) — not ranked by relevance.", timeout=60_000
    )
    expect(ranked).to_be_hidden()
    expect(box).to_have_value("Lipford")
    expect(root.locator(".plc-card .plc-authors mark")).to_have_text(["Lipford"] * 3)

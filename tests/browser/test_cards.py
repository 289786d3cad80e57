"""The paper-cards widget in a real JupyterLab notebook, driven by Chromium (pytest-playwright).

Data: the bundled demo corpus (paperlab/data/demo.jsonl, 325 real papers) shown by
``%papers``; expectations are computed from it with paperlab itself (``Library.filter`` and a
hybrid ``Library.search`` give the same counts and order the widget must show).
Screenshots go to test-artifacts/cards-*.png.
"""

from __future__ import annotations

import re

import pytest
from labtools import Lab, match_badge, run_cell, shot, write_notebook
from playwright.sync_api import Page, expect

from paperlab.data import demo_library
from paperlab.store import Store
from paperlab.widget import users_list

pytestmark = pytest.mark.browser

DEMO = demo_library()
HOSTILE_TITLE = "<img src=x onerror=\"alert('img')\"><script>alert('script')</script> Hostile & <b>bold</b> title"
HOSTILE_ABSTRACT = "</div><script>alert('abstract')</script><iframe src=javascript:alert(4)></iframe> plain end"


def open_notebook(page: Page, lab: Lab, name: str) -> None:
    page.goto(lab.page_url(workspace=name.replace(".", "-")).replace("?reset", f"/tree/{name}?reset"))
    expect(page.locator("#jupyterlab-splash")).to_have_count(0, timeout=60_000)
    expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_have_count(1, timeout=60_000)
    expect(page.locator(".jp-StatusBar-TextItem", has_text="| Idle")).to_have_count(1, timeout=60_000)


def show_cards(page: Page, lab: Lab, name: str, *sources: str):
    """Open a notebook with ``sources``, run every cell; return the widget locator (last one)."""
    write_notebook(lab, name, *sources)
    open_notebook(page, lab, name)
    for i in range(len(sources)):
        run_cell(page, i)
    root = page.locator(".plc-root").last
    expect(root).to_be_visible(timeout=60_000)
    return root


def titles(root) -> list[str]:
    """Titles of the cards in the DOM, in display order (by their position in the virtual list)."""
    return root.evaluate("""r => [...r.querySelectorAll('.plc-card')]
        .sort((a, b) => Number(a.dataset.position) - Number(b.dataset.position))
        .map(c => c.querySelector('.plc-title').textContent)""")


def test_papers_magic_renders_filters_and_reranks_via_kernel(page: Page, lab: Lab, dialogs: list[str]) -> None:
    root = show_cards(page, lab, "cards-tour.ipynb", "%load_ext paperlab\n%papers")
    count = root.locator(".plc-toolbar .plc-count").last
    expect(count).to_have_text("325 papers")
    assert titles(root)[:3] == [p.title for p in list(DEMO)[:3]]
    n_cards = root.locator(".plc-card").count()
    assert 3 <= n_cards <= 20  # virtual list: only what is on screen (plus a few) exists
    shot(page, "cards-initial")

    # instant client-side filtering, same rule as Library.filter(text=...)
    box = root.locator("input[type=search]")
    box.click()
    page.keyboard.type("video generation", delay=20)
    expected = DEMO.filter(text="video generation")
    expect(count).to_have_text(f"{len(expected)} of 325 papers")
    assert titles(root)[:2] == [p.title for p in list(expected)[:2]]
    shot(page, "cards-filtered")

    # Enter asks the kernel for the default hybrid search (MiniLM + BM25; the demo corpus ships its
    # embeddings, so only the query is embedded), and the cards take the kernel's order and scores
    expect(root.locator("select[aria-label='Search mode']")).to_have_value("hybrid")
    box.press("Enter")
    ranked = DEMO.search("video generation", k=50)
    expect(root.locator(".plc-ranked")).to_be_visible(timeout=120_000)
    expect(root.locator(".plc-ranked")).to_contain_text("video generation")
    expect(count).to_have_text(f"{len(ranked)} results · 325 papers")
    first_score = match_badge(ranked.scores[ranked.ids[0]], ranked.scores.values())  # the score is a probability
    expect(root.locator(".plc-card[data-position='0'] .plc-score")).to_have_text(first_score)
    assert titles(root)[:3] == [p.title for p in list(ranked)[:3]]
    shot(page, "cards-ranked")

    # keyboard: from the search box down the list; Enter opens the abstract
    box.focus()
    page.keyboard.press("ArrowDown")
    expect(root.locator(".plc-card[data-position='0']")).to_be_focused()
    page.keyboard.press("ArrowDown")
    second = root.locator(".plc-card[data-position='1']")
    expect(second).to_be_focused()
    page.keyboard.press("Enter")
    expect(second.locator(".plc-abstract")).to_have_text(list(ranked)[1].abstract or "")
    # typing again leaves the ranking
    box.fill("")
    box.type("x")
    expect(root.locator(".plc-ranked")).to_be_hidden()
    assert dialogs == []


def test_empty_lists_say_why_and_what_to_do(page: Page, lab: Lab) -> None:
    root = show_cards(page, lab, "cards-empty.ipynb", "%load_ext paperlab\n%papers")
    box, status = root.locator("input[type=search]"), root.locator(".plc-status-text")
    empty = root.locator(".plc-empty")
    query = "knitting patterns for winter scarves"
    assert len(DEMO.search(query, k=50)) == 0  # nothing in the demo corpus is about knitting
    box.click()
    page.keyboard.type(query, delay=5)
    # no paper holds every word: the filter says Enter ranks by meaning (not "clear the filter")
    expect(root.locator(".plc-toolbar .plc-count").last).to_have_text("0 of 325 papers")
    expect(empty).to_have_text("No paper contains all these words. Press Enter to rank the papers by meaning.")
    box.press("Enter")
    expect(status).to_have_text(f"No paper passed the relevance cut-off for “{query}” (hybrid).", timeout=120_000)
    expect(empty).to_contain_text(f"No paper is close enough to “{query}” to be listed.")
    shot(page, "cards-nothing-close-enough")
    # typing something else: the status no longer speaks of that search
    page.keyboard.type(" x")
    expect(status).to_have_text("")
    expect(empty).to_contain_text("Press Enter to rank the papers by meaning.")


def test_facets_sort_and_dark_theme(page: Page, lab: Lab) -> None:
    root = show_cards(page, lab, "cards-facets.ipynb", "%load_ext paperlab\n%papers")
    count = root.locator(".plc-toolbar .plc-count").last
    hf = sum(1 for p in DEMO if "hf" in {s.name for s in p.sources})
    root.locator("button.plc-chip[data-facet='source'][data-value='hf']").click()
    expect(count).to_have_text(f"{hf} of 325 papers")
    root.locator("select[aria-label='Sort by']").select_option("upvotes")
    top = max((p for p in DEMO if "hf" in {s.name for s in p.sources}), key=lambda p: p.upvotes or -1)
    expect(root.locator(".plc-card[data-position='0'] .plc-title")).to_have_text(top.title)

    def colours() -> dict[str, list[int]]:
        return root.evaluate("""r => {
            const rgb = v => v.match(/\\d+/g).slice(0, 3).map(Number);
            const card = r.querySelector('.plc-card');
            return {card: rgb(getComputedStyle(card).backgroundColor),
                    text: rgb(getComputedStyle(card.querySelector('.plc-meta')).color)};
        }""")

    assert sum(colours()["card"]) > 600
    page.evaluate("document.activeElement.blur()")  # keys inside the cards do not reach JupyterLab
    page.keyboard.press("Control+Shift+C")
    page.locator(".lm-CommandPalette-input").fill("Use Theme: JupyterLab Dark")
    page.keyboard.press("Enter")
    expect(page.locator("body[data-jp-theme-light='false']")).to_have_count(1, timeout=15_000)
    page.wait_for_timeout(500)
    dark = colours()
    shot(page, "cards-dark")
    try:
        assert sum(dark["card"]) < 200 and sum(dark["text"]) > 350
    finally:
        page.evaluate("document.activeElement.blur()")
        page.keyboard.press("Control+Shift+C")
        page.locator(".lm-CommandPalette-input").fill("Use Theme: JupyterLab Light")
        page.keyboard.press("Enter")
        expect(page.locator("body[data-jp-theme-light='true']")).to_have_count(1, timeout=15_000)


def test_add_to_list_copy_and_insert_cell(page: Page, lab: Lab) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=lab.url)
    store = Store(lab.paperlab_home / "paperlab.sqlite3")
    name = users_list(store)  # the list the cards start on: the user's own (earlier tests' lists), else "default"
    held = set(store.reading_list(name).ids()) if name in store.lists() else set()
    root = show_cards(
        page, lab, "cards-actions.ipynb", "%load_ext paperlab\n%papers 'video generation' -k 5 --mode lexical"
    )
    ranked = DEMO.search("video generation", k=5, mode="lexical")
    first = list(ranked)[0]
    card = root.locator(".plc-card[data-position='0']")
    expect(card.locator(".plc-title")).to_have_text(first.title)

    # add to the reading list: the store changes
    assert first.id not in held, "an earlier test left this test's paper on the list the cards start on"
    card.locator("button.plc-list").click()
    expect(card.locator("button.plc-list")).to_have_text(f"In “{name}”")
    assert set(store.reading_list(name).ids()) == held | {first.id}
    card.locator("button.plc-list").click()
    expect(card.locator("button.plc-list")).to_have_text("Reading list")
    assert set(store.reading_list(name).ids()) == held
    card.locator("button.plc-list").click()
    expect(card.locator("button.plc-list")).to_have_text(f"In “{name}”")

    # copy as markdown / BibTeX / code
    status = root.locator(".plc-status")
    card.get_by_role("button", name="More actions").click()
    card.get_by_role("menuitem", name="Copy as markdown card").click()
    expect(status).to_have_text(f"Copied the markdown card of “{first.title}”.")
    assert page.evaluate("navigator.clipboard.readText()") == first.to_markdown()
    card.get_by_role("button", name="More actions").click()
    card.get_by_role("menuitem", name="Copy as BibTeX").click()
    expect(status).to_have_text(f"Copied the BibTeX of “{first.title}”.")
    assert page.evaluate("navigator.clipboard.readText()") == first.to_bibtex()
    card.get_by_role("button", name="More actions").click()
    card.get_by_role("menuitem", name="Copy Python code that loads this paper").click()
    expect(status).to_have_text(f"Copied the code cell of “{first.title}”.")
    assert page.evaluate("navigator.clipboard.readText()") == f'import paperlab\npaperlab.paper("{first.id}")'

    # select: the kernel sees the selection
    card.locator("input[type=checkbox]").check()
    expect(root.locator(".plc-toolbar")).to_contain_text("1 selected")

    # insert as a markdown cell below: it renders, with the link and the card data
    card.get_by_role("button", name="Insert as a markdown cell below").click()
    expect(status).to_have_text(f"Inserted a markdown card of “{first.title}” below.", timeout=15_000)
    inserted = page.locator(".jp-Notebook .jp-Cell").nth(1)
    expect(inserted).to_have_class(re.compile(r"jp-MarkdownCell"), timeout=15_000)
    link = inserted.locator(".jp-RenderedMarkdown h3 a:not(.jp-InternalAnchorLink)")
    expect(link).to_have_text(first.title)
    assert link.get_attribute("href") == first.abs_url
    expect(inserted.locator(".jp-RenderedMarkdown blockquote")).to_contain_text(first.abstract[:40])
    shot(page, "cards-inserted")

    # the kernel side: `selected` is a Library with the ticked paper
    page.locator(".jp-Notebook .jp-Cell").last.click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")  # a new code cell at the end
    page.keyboard.press("Enter")
    page.keyboard.type("w = _; print('SELECTED', w.selected.ids)")
    page.keyboard.press("Shift+Enter")
    expect(page.locator("[data-mime-type='application/vnd.jupyter.stdout']", has_text="SELECTED")).to_have_text(
        f"SELECTED {[first.id]!r}", timeout=30_000
    )


def test_hostile_paper_text_is_shown_as_text_and_runs_nothing(page: Page, lab: Lab, dialogs: list[str]) -> None:
    code = (
        "from paperlab import Paper\nfrom paperlab.widget import PaperCards\n"
        f"p = Paper(title={HOSTILE_TITLE!r}, abstract={HOSTILE_ABSTRACT!r}, url='javascript:alert(3)',\n"
        "          code_url='javascript:alert(5)', authors=['Eve <img src=x onerror=alert(6)>'], published='2025-03-18')\n"
        "PaperCards([p])"
    )
    root = show_cards(page, lab, "cards-hostile.ipynb", code)
    card = root.locator(".plc-card").first
    expect(card.locator(".plc-title")).to_have_text(HOSTILE_TITLE)
    card.get_by_role("button", name="Show or hide the abstract").click()
    expect(card.locator(".plc-abstract")).to_have_text(HOSTILE_ABSTRACT)
    expect(card.locator(".plc-authors")).to_contain_text("Eve <img src=x onerror=alert(6)>")
    assert root.locator("img, script, iframe, b").count() == 0
    assert root.locator("a").count() == 0  # javascript: URLs are not made into links
    page.wait_for_timeout(1000)
    shot(page, "cards-hostile")
    assert dialogs == []

"""The paper cards of issue 15 in a real browser: Hugging Face-like cards of variable height, matched
terms marked, JupyterLab icon buttons and the "⋯" menu, keyboard focus kept in the widget, the status
naming the order shown, WCAG AA contrast of every text in the light and dark themes, no page error
from a widget taller than the screen, and the same widget in Jupyter Notebook 7.

Data: the bundled demo corpus (325 real papers); expectations computed with paperlab itself.
Screenshots: test-artifacts/cards-look-{light,dark}.png, cards-one.png, cards-nb7.png.
"""

from __future__ import annotations

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, match_badge, shot
from playwright.sync_api import Page, expect
from test_cards import run_cell, show_cards, write_notebook

from paperlab.data import demo_library

pytestmark = pytest.mark.browser

DEMO = demo_library()

# Space between the last line of a card and its bottom edge, for each card in the DOM (dead space).
DEAD_SPACE = """r => [...r.querySelectorAll('.plc-card')].map(c => {
    const box = c.getBoundingClientRect();
    return box.bottom - c.lastElementChild.getBoundingClientRect().bottom;
})"""


def test_cards_read_like_paper_cards_and_keep_the_keyboard(page: Page, lab: Lab) -> None:
    page_errors: list[str] = []
    page.on("pageerror", lambda exc: page_errors.append(str(exc)))
    code = (
        "from paperlab.data import demo_library\nfrom paperlab.widget import PaperCards\n"
        "PaperCards(demo_library(), reading_list='look')"
    )
    root = show_cards(page, lab, "cards-look.ipynb", code)
    expect(root.locator("select[aria-label='Reading list the cards add to']")).to_have_value("look")
    first = list(DEMO)[0]
    card0 = root.locator(".plc-card[data-position='0']")
    expect(card0.locator(".plc-title")).to_have_text(first.title)
    if first.byline():
        expect(card0.locator(".plc-authors")).to_have_text(first.byline())
    # variable height: no card has dead space below its last line, and heights differ
    page.wait_for_timeout(300)
    assert max(root.evaluate(DEAD_SPACE)) < 10
    heights = root.evaluate("r => [...r.querySelectorAll('.plc-card')].map(c => c.offsetHeight)")
    assert len(set(heights)) > 1
    # only http(s) links, and icon buttons with accessible names
    hrefs = root.evaluate("r => [...r.querySelectorAll('a')].map(a => a.href)")
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs)
    expect(card0.get_by_role("button", name="More actions")).to_be_visible()
    expect(card0.locator("svg.plc-icon").first).to_be_visible()

    # the filter's words are marked in the cards, whole words (text nodes + <mark>)
    box = root.locator("input[type=search]")
    box.click()
    page.keyboard.type("video", delay=20)
    expected = DEMO.filter(text="video")
    expect(root.locator(".plc-count").last).to_have_text(f"{len(expected)} of 325 papers")
    marks = root.evaluate("r => [...r.querySelectorAll('mark.plc-mark')].map(m => m.textContent.toLowerCase())")
    assert "video" in marks and set(marks) <= {"video", "videos"}  # whole words (a plural too)

    # a kernel ranking (lexical: instant); sorting it by date says so in the status line
    root.locator("select[aria-label='Search mode']").select_option("lexical")
    box.press("Enter")
    ranked = DEMO.search("video", k=50, mode="lexical")
    expect(root.locator(".plc-ranked")).to_be_visible(timeout=60_000)
    status = root.locator(".plc-status-text")
    expect(status).to_contain_text("best first")
    badge = root.locator(".plc-card[data-position='0'] .plc-score")
    expect(badge).to_have_text(match_badge(ranked.scores[ranked.ids[0]], ranked.scores.values()))
    root.locator("select[aria-label='Sort by']").select_option("date")
    expect(status).to_have_text(f"{len(ranked)} results for “video” (lexical), newest first.")

    # keyboard: Space selects and the focus stays on the card; arrows go on moving in the list
    box.focus()
    page.keyboard.press("ArrowDown")
    expect(card0).to_be_focused()
    page.keyboard.press(" ")
    expect(root.locator(".plc-selection")).to_have_text("1 selected ·")
    expect(root.locator(".plc-card[data-position='0']")).to_be_focused()
    page.keyboard.press("ArrowDown")
    card1 = root.locator(".plc-card[data-position='1']")
    expect(card1).to_be_focused()
    # the ⋯ menu: opened from the keyboard, arrows inside, Escape back to its button
    more = card1.get_by_role("button", name="More actions")
    more.focus()
    page.keyboard.press("Enter")
    items = card1.get_by_role("menuitem")
    expect(items).to_have_count(4)  # insert as a code cell, then the three copies
    expect(items.first).to_have_text("Insert as a code cell below")
    expect(items.first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(items.nth(1)).to_be_focused()
    page.keyboard.press("Escape")
    expect(items).to_have_count(0)
    expect(more).to_be_focused()
    # add one card to the widget's list, so the listed button is part of the look checked below
    card1.locator("button.plc-list").click()
    expect(card1.locator("button.plc-list")).to_contain_text("In “look”")

    for theme in ("Light", "Dark"):
        set_theme(page, theme)
        shot(page, f"cards-look-{theme.lower()}")
        checked, failures = contrast_failures(page, ".plc-root")
        assert checked > 40
        assert failures == [], f"{theme}: {failures}"
    set_theme(page, "Light")
    # a widget taller than the screen raised a performance.measure error on the first render
    assert not [e for e in page_errors if "measure" in e or "mark" in e], page_errors


def test_one_paper_is_one_card_tall(page: Page, lab: Lab, dialogs: list[str]) -> None:
    first = list(DEMO)[0]
    code = (
        "from paperlab.data import demo_library\nfrom paperlab.widget import PaperCards\n"
        f"w = PaperCards(demo_library()[{first.id!r}], search_mode='lexical')\nw"
    )
    # the progress the background embedding reports in the embedding_progress trait
    running = "w.embedding_progress = {'done': 1200, 'total': 9750, 'state': 'running'}"
    root = show_cards(page, lab, "cards-one.ipynb", code, running)
    progress = root.locator(".plc-progress")
    expect(progress).to_have_text("Embedding papers for semantic search: 1,200 / 9,750")
    assert progress.locator("progress").evaluate("p => [p.value, p.max]") == [1200, 9750]
    card = root.locator(".plc-card")
    expect(card).to_have_count(1)
    page.wait_for_timeout(300)
    viewport, height = root.evaluate(
        "r => [r.querySelector('.plc-viewport').clientHeight, r.querySelector('.plc-card').offsetHeight]"
    )
    assert 0 <= viewport - height <= 10
    shot(page, "cards-one")
    page.locator(".jp-Notebook .jp-Cell").last.click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")
    page.keyboard.press("Enter")
    page.keyboard.type("w.embedding_progress = {'done': 9750, 'total': 9750, 'state': 'done'}")
    page.keyboard.press("Shift+Enter")
    expect(progress).to_have_text("Embedded 9,750 papers: semantic search is ready", timeout=30_000)
    expect(progress.locator("progress")).to_have_count(0)

    # a hostile "why" sentence and terms with regular-expression characters: text, marked (whole, 3+ characters),
    # inert
    page.locator(".jp-Notebook .jp-Cell").last.click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")
    page.keyboard.press("Enter")
    page.keyboard.type(
        f"w.why = {{{first.id!r}: {{'terms': ['<img', '.*+', 'x)]'], 'sentence': '<img src=x onerror=alert(1)> .*+ x)] end'}}}}"
        f"; w.scores = {{{first.id!r}: 0.42}}"
    )
    page.keyboard.press("Shift+Enter")
    why = root.locator(".plc-why")
    expect(why).to_have_text("Matched: <img src=x onerror=alert(1)> .*+ x)] end", timeout=30_000)
    assert why.locator("mark").all_text_contents() == ["<img", ".*+", "x)]"]
    expect(root.locator(".plc-score")).to_have_text("42% match")
    assert root.locator("img, script").count() == 0
    assert dialogs == []


def test_cards_work_in_notebook_7(page: Page, lab: Lab, console_errors) -> None:
    # Notebook 7.6's own plugins throw these on its notebook page before any paperlab code runs (the
    # shortcuts plugin reading settings of JupyterLab plugins it does not ship; a file-browser command
    # its notebook page does not register); nothing else is allowed.
    console_errors.expect(r"^pageerror: Cannot read properties of undefined \(reading 'schema'\)[\s\S]*notebook_core")
    console_errors.expect(r"^pageerror: Command 'filebrowser:open-path' not registered[\s\S]*notebook_core")
    name = "cards-nb7.ipynb"
    first5 = DEMO[:5]
    write_notebook(
        lab,
        name,
        "from paperlab.data import demo_library\nfrom paperlab.widget import PaperCards\nPaperCards(demo_library()[:5])",
    )
    page.goto(f"{lab.url}/notebooks/{name}?token={lab.token}")
    expect(page.locator(".jp-Notebook")).to_be_visible(timeout=60_000)
    expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_have_count(1, timeout=60_000)
    run_cell(page, 0)
    root = page.locator(".plc-root").last
    expect(root).to_be_visible(timeout=60_000)
    expect(root.locator(".plc-card[data-position='0'] .plc-title")).to_have_text(first5[0].title)
    expect(root.locator(".plc-count").last).to_have_text("5 papers")
    root.locator("input[type=search]").focus()
    page.keyboard.press("ArrowDown")
    expect(root.locator(".plc-card[data-position='0']")).to_be_focused()
    page.keyboard.press(" ")
    expect(root.locator(".plc-selection")).to_have_text("1 selected ·")
    expect(root.locator(".plc-card[data-position='0']")).to_be_focused()
    page.wait_for_timeout(1500)  # Notebook 7 activates the notebook when the state changes: the card keeps focus
    page.keyboard.press("ArrowDown")
    expect(root.locator(".plc-card[data-position='1']")).to_be_focused()
    checked, failures = contrast_failures(page, ".plc-root")
    assert checked > 10 and failures == []
    shot(page, "cards-nb7")


def test_saved_notebook_exports_the_cards_the_user_saw(page: Page, lab: Lab) -> None:
    from html import escape

    import nbformat
    from nbconvert import HTMLExporter, MarkdownExporter

    root = show_cards(page, lab, "cards-saved.ipynb", "%load_ext paperlab\n%papers")
    static = page.locator(".paperlab-cards-static")
    expect(static).to_have_count(1)
    expect(static).to_be_hidden()  # the kernel's static cards stay out of sight while the widget runs
    root.locator("input[type=search]").click()
    page.keyboard.type("video", delay=20)
    root.locator("select[aria-label='Sort by']").select_option("date")
    matches = list(DEMO.filter(text="video"))
    order = {p.id: k for k, p in enumerate(DEMO)}
    newest = sorted(
        matches, key=lambda p: (p.published is None, -(p.published.toordinal() if p.published else 0), order[p.id])
    )
    head = f"{len(matches)} of 325 papers · demo · filter “video” · newest first"
    expect(static).to_contain_text(head, timeout=15_000)  # updated by the kernel (hidden, still in the DOM)
    saved_head = head.replace("325 papers ·", "325</b> papers ·")  # as the HTML writes it

    root.locator("input[type=search]").focus()
    page.keyboard.press("Control+s")  # JupyterLab's save works from the cards' search box
    path = lab.root_dir / "cards-saved.ipynb"
    for _ in range(75):
        nb = nbformat.read(path, as_version=4)
        if saved_head in str([o.get("data") for c in nb.cells for o in c.get("outputs", [])]):
            break
        page.wait_for_timeout(200)
    html, _ = HTMLExporter().from_notebook_node(nb)
    assert saved_head in html
    positions = [html.find(escape(p.title_text or p.title)) for p in newest[:3]]
    assert -1 not in positions and positions == sorted(positions)  # the order the user saw
    assert escape(list(DEMO)[0].title) not in html  # not the unfiltered first cards
    md_only = MarkdownExporter(config={"NbConvertBase": {"display_data_priority": ["text/markdown", "text/plain"]}})
    md, _ = md_only.from_notebook_node(nb)
    assert f"**{len(matches)} of 325 papers**" in md and "<div" not in md

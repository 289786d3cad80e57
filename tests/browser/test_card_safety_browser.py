"""Issue 13 in JupyterLab itself: hostile markdown cards inserted into a notebook render no markup.

The notebook holds one markdown cell per hostile paper of ``tests/test_card_safety.py`` (what "Insert ↓"
and the panel insert) and a code cell that displays the same cards as output
(``display(Markdown(lib.to_markdown()))``, trusted output from the kernel). After JupyterLab rendered them:
no ``<script>``, no event-handler attribute, no image, frame or SVG inside a rendered cell, no link other
than http(s) or the page's own anchors, and (Playwright's request log) no request to any host but the
JupyterLab server.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_card_safety import hostile_papers
from test_cards import open_notebook, run_cell

pytestmark = pytest.mark.browser

# Everything inside the rendered cells that must not be there.
_FIND_PROBLEMS = """
() => {
  const problems = [];
  const areas = document.querySelectorAll(
    '.jp-Notebook .jp-RenderedMarkdown, .jp-Notebook .jp-RenderedHTMLCommon, .jp-Notebook .jp-RenderedHTML'
  );
  for (const area of areas) {
    for (const el of area.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'img', 'svg', 'iframe', 'object', 'embed', 'video', 'audio', 'form', 'style'].includes(tag)) {
        problems.push('element ' + tag);
      }
      for (const attr of el.attributes) {
        if (attr.name.toLowerCase().startsWith('on')) problems.push('handler ' + attr.name + ' on ' + tag);
        if (['src', 'srcset', 'action', 'formaction', 'xlink:href'].includes(attr.name.toLowerCase())) {
          problems.push(attr.name + ' on ' + tag + ' ' + el.parentElement.outerHTML.slice(0, 900));
        }
      }
      if (tag === 'a' && el.hasAttribute('href')) {
        const raw = el.getAttribute('href');
        if (!raw.startsWith("#") && !["http:", "https:"].includes(el.protocol)) problems.push("href " + raw + " in " + el.parentElement.outerHTML.slice(0, 900));
      }
    }
  }
  return {areas: areas.length, problems};
}
"""


def write_card_notebook(lab: Lab, name: str, tmp_path: Path) -> int:
    papers = hostile_papers(tmp_path)
    data = json.dumps([p.to_dict() for p in papers], ensure_ascii=False)
    show = (
        "import json, paperlab\n"
        "from IPython.display import Markdown, display\n"
        f"lib = paperlab.Library([paperlab.Paper.from_dict(d) for d in json.loads({data!r})])\n"
        "display(Markdown(lib.to_markdown()))"
    )
    cells = [
        {"cell_type": "code", "execution_count": None, "id": "show", "metadata": {}, "outputs": [], "source": show}
    ]
    cells += [
        {"cell_type": "markdown", "id": f"card{i}", "metadata": {}, "source": p.to_markdown()}
        for i, p in enumerate(papers)
    ]
    nb = {
        "cells": cells,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (lab.root_dir / name).write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    return len(papers)


def test_hostile_cards_render_inert_in_jupyterlab(page: Page, lab: Lab, tmp_path: Path) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    n = write_card_notebook(lab, "card_safety.ipynb", tmp_path)
    open_notebook(page, lab, "card_safety.ipynb")
    cards = page.locator(".jp-MarkdownCell .jp-RenderedMarkdown")
    expect(cards.first).to_be_visible(timeout=30_000)
    run_cell(page, 0)
    output = page.locator(".jp-OutputArea-output.jp-RenderedMarkdown, .jp-OutputArea-output .jp-RenderedMarkdown")
    expect(output.first).to_contain_text("T1", timeout=60_000)
    # every markdown cell rendered (scrolling through a windowed notebook renders the rest)
    for i in range(n):
        cards.nth(min(i, cards.count() - 1)).scroll_into_view_if_needed()
    page.wait_for_timeout(1_500)  # time for any image or frame to be requested
    shot(page, "card-safety")
    found = page.evaluate(_FIND_PROBLEMS)
    assert found["areas"] >= 2 and found["problems"] == []
    assert cards.first.locator("a[href^='https://arxiv.org/abs/']").count() == 1  # the title link is kept
    lab_host = urlsplit(lab.url).netloc
    foreign = [u for u in requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != lab_host]
    assert foreign == [] and not any("tracker.invalid" in u for u in requests)
    assert str(tmp_path) not in page.content()

"""The cards' kernel side for issue 15: the venue shown on a card (never an arXiv comment such as
"First three authors contributed equally"), the reading lists offered, and the static fallback that
keeps the view the user had (the filtered, ranked or sorted cards) in nbconvert's HTML and markdown.

Data: the bundled demo corpus (paperlab/data/demo.jsonl, 325 real papers); arXiv comments in the
shapes they take in the recorded DailyArXiv README (``realdata``: the seed file itself).
"""

from __future__ import annotations

import re

import nbformat
import pytest
from nbconvert import HTMLExporter, MarkdownExporter
from nbconvert.filters.markdown import markdown2html
from paths import SEEDS
from traitlets.config import Config

import paperlab
from paperlab import Paper
from paperlab.data import demo_library
from paperlab.store import reading_list
from paperlab.text import md_link_text
from paperlab.widget import PaperCards, set_active_library

DEMO = demo_library()
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

# Real arXiv comments (DailyArXiv README, the demo corpus) and the venue a card must show for them.
COMMENTS = [
    ("First three authors contributed equally. Project page: https://veggie-gen.github.io/", None),
    ("15 pages, 9 figures, the first two authors contributed equally", None),
    ("ICASSP 2026 manuscript under review", None),
    ("Preprint submitted to ICASSP 2026. 4 pages, 3 figures", None),
    ("Accepted at CVPR 2025", "CVPR 2025"),
    ("5 pages. Accepted at ICASSP 2025", "ICASSP 2025"),
    ("Published at ICLR 2025 Workshop on Reasoning and Planning for LLMs", "ICLR 2025 Workshop"),
]


@pytest.fixture(autouse=True)
def _no_active_library():
    set_active_library(None)
    yield
    set_active_library(None)


@pytest.mark.parametrize(("comment", "venue"), COMMENTS)
def test_card_venue_is_where_it_was_published_never_a_comment(comment: str, venue: str | None) -> None:
    paper = Paper("A paper with a comment", comment=comment, published="2025-03-19")
    w = PaperCards([paper])
    assert w.venues == ({paper.id: venue} if venue else {})


@pytest.mark.realdata
def test_real_dailyarxiv_comments_about_authors_give_no_venue() -> None:
    lib = paperlab.load(SEEDS / "daily-arxiv-readme.md")
    equal = [p for p in lib if p.comment and "contributed equally" in p.comment]
    assert equal, "the seed README has papers whose comment says the authors contributed equally"
    w = PaperCards(lib)
    assert all(p.id not in w.venues for p in equal)
    assert all(v and "equally" not in v for v in w.venues.values())


def test_cards_offer_the_existing_reading_lists_and_follow_the_chosen_one() -> None:
    first, second = list(DEMO)[:2]
    reading_list("default").add(first)
    reading_list("to-discuss").add(second)
    w = PaperCards(DEMO[:5])
    assert set(w.reading_lists) == {"default", "to-discuss"}
    assert w.reading_list_name == "to-discuss"  # none named: the list saved to last
    assert w.listed_ids == [second.id]
    w.reading_list_name = "default"  # chosen in the front end's list menu
    assert w.listed_ids == [first.id]
    reply = w.handle_message({"type": "list", "action": "add", "id": second.id})
    assert reply["ok"] and reply["list"] == "default"
    assert set(reading_list("default").ids()) == {first.id, second.id}
    assert reading_list("to-discuss").ids() == [second.id]


def test_cards_start_on_the_users_own_list_never_an_empty_default() -> None:
    first, second, third = list(DEMO)[:3]
    reading_list("thesis").add(first)
    w = PaperCards(DEMO[:5])
    assert w.reading_list_name == "thesis" and w.reading_lists == ["thesis"]  # no "default" offered
    assert w.listed_ids == [first.id]
    reading_list("reading group").add(second)  # saved to last: the next cards start there
    assert PaperCards(DEMO[:5]).reading_list_name == "reading group"
    named = PaperCards(DEMO[:5], reading_list="thesis")  # a named list wins
    assert named.reading_list_name == "thesis" and named.listed_ids == [first.id]
    assert "default" not in paperlab.store.open_store().lists()


def _filtered_view(w: PaperCards, text: str) -> list[Paper]:
    """Drive the widget state as the front end does after typing ``text`` and sorting by date."""
    matches = sorted(DEMO.filter(text=text), key=lambda p: p.published.isoformat() if p.published else "", reverse=True)
    w.view = {"ids": [p.id for p in matches[:20]], "shown": len(matches), "filter": text, "sort": "date"}
    return matches


def test_static_fallback_shows_the_filtered_sorted_view() -> None:
    w = PaperCards(DEMO)
    matches = _filtered_view(w, "video generation")
    assert 1 < len(matches) < 325
    data, _ = w._repr_mimebundle_()
    assert WIDGET_MIME in data
    html, md = data["text/html"], data["text/markdown"]
    assert f"<b>{len(matches)} of 325</b> papers" in html and "newest first" in html
    shown = re.findall(r"^\d+\. (.*)$", md, re.M)
    assert len(shown) == min(20, len(matches))
    assert all(md_title(p) in line for p, line in zip(matches, shown, strict=False))
    positions = [html.index(p.id) for p in matches[:3]]
    assert positions == sorted(positions)  # in the order the user saw
    unfiltered_first = next(p for p in DEMO if p not in matches)
    assert unfiltered_first.title not in html
    assert "<" not in md  # no HTML inside the markdown
    assert len(md) < 6000


def test_static_fallback_of_a_kernel_ranking_without_a_view() -> None:
    results = DEMO.search("video generation", k=5, mode="lexical")
    data, _ = PaperCards(results)._repr_mimebundle_()
    md = data["text/markdown"]
    assert md.startswith(f"**{len(results)} papers** · search “video generation”")
    assert re.findall(r"^\d+\. \[(.*?)\]", md, re.M)[0] == md_title(list(results)[0])


def md_title(p: Paper) -> str:
    """The title as the markdown list writes it (escaped by the one markdown helper)."""
    return md_link_text(p.title_text or p.title)


def test_static_fallback_markdown_escapes_hostile_text() -> None:
    evil = Paper(
        title="<img src=x onerror=alert(1)> [click](javascript:alert(2)) *x*",
        authors=["Eve <script>alert(3)</script>"],
        url="javascript:alert(4)",
        published="2025-03-18",
    )
    data, _ = PaperCards([evil])._repr_mimebundle_()
    md = data["text/markdown"]
    assert "<" not in md and "](javascript:" not in md
    assert "&lt;img src=x onerror=alert(1)&gt;" in md
    for rendered in (markdown2html(md), data["text/html"]):  # what a markdown viewer and nbconvert show
        assert "<img" not in rendered and "<script" not in rendered and 'href="javascript' not in rendered
        assert "onerror=alert(1)" in rendered  # shown as text


def _notebook(data: dict) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("cards")
    cell.outputs = [nbformat.v4.new_output("display_data", data={k: v for k, v in data.items() if k != WIDGET_MIME})]
    cell.outputs[0].data[WIDGET_MIME] = data[WIDGET_MIME]
    return nbformat.v4.new_notebook(cells=[cell])


def test_nbconvert_exports_show_the_view_html_and_small_markdown() -> None:
    w = PaperCards(DEMO)
    matches = _filtered_view(w, "hallucination")
    nb = _notebook(w._repr_mimebundle_()[0])
    html, _ = HTMLExporter().from_notebook_node(nb)
    assert matches[0].title.split(":")[0] in html
    assert f"<b>{len(matches)} of 325</b> papers" in html
    # nbconvert's markdown export prefers text/html: the compact cards (no abstracts) keep it small
    md, _ = MarkdownExporter().from_notebook_node(nb)
    assert matches[0].title in md and len(md.encode()) < 12_000
    # asked to prefer markdown, it holds our markdown list and no HTML at all
    md_only = MarkdownExporter(config=Config({"NbConvertBase": {"display_data_priority": ["text/markdown"]}}))
    md, _ = md_only.from_notebook_node(nb)
    assert md_title(matches[0]) in md and "<" not in md


def test_displayed_cards_keep_their_static_cards_up_to_date() -> None:
    """Shown in a kernel, the widget is followed by its static cards (display id), which the kernel updates
    when the front end reports another view: what a notebook saved from the browser keeps."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    InteractiveShell.instance()
    w = PaperCards(DEMO)
    with capture_output() as shown:
        w._ipython_display_()
        matches = _filtered_view(w, "video generation")
    widget, static, update = shown.outputs
    assert WIDGET_MIME in widget.data and "text/html" not in widget.data
    assert (
        "<b>325</b> papers" in static.data["text/html"]
        and 'class="paperlab-cards-static mathjax_ignore tex2jax_ignore"' in static.data["text/html"]
    )
    assert update.update and update.transient == static.transient and static.transient["display_id"]  # same id
    assert f"<b>{len(matches)} of 325</b> papers" in update.data["text/html"]
    assert md_title(matches[0]) in update.data["text/markdown"]

"""``%readinglist`` shows a reading list as the side panel does: status, title, first author, year, tags, note.

Through a real IPython ``InteractiveShell`` and a real store (an isolated ``PAPERLAB_HOME``). Papers come from
our own arXiv API page tests/data/app/testing.atom.xml; the hostile texts are our own payloads. Also: a
partial-import warning raised under a magic names the user's cell, not a line of paperlab or IPython.
"""

from __future__ import annotations

import html
import re
import warnings
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell
from paths import DATA

import paperlab
from paperlab.errors import PartialImportWarning
from paperlab.paper import Paper
from paperlab.services.listview import ReadingListView, first_author

TESTING_PAGE = DATA / "app" / "testing.atom.xml"
PAYLOAD = "<img src=x onerror=alert(1)><script>alert(2)</script> & <b>bold</b> [x](javascript:alert(3)) *em*"


@pytest.fixture
def shell() -> InteractiveShell:
    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "paperlab")
    return ip


def run(ip: InteractiveShell, code: str) -> object:
    result = ip.run_cell(code, store_history=False)
    result.raise_error()
    return result.result


def test_readinglist_shows_status_tags_notes_in_list_order(shell) -> None:
    lib = paperlab.load(TESTING_PAGE)
    first, second = lib["2202.12139"], lib["2405.13786"]
    rl = paperlab.reading_list("group")
    rl.add(second, tags=["survey", "to-discuss"])
    rl.add(first)
    rl.set_status(first.id, "read")
    rl.set_note(second.id, "Compare with our fuzzer.\nSecond line.")
    view = run(shell, "%readinglist group")
    assert isinstance(view, ReadingListView)
    assert view.ids == [second.id, first.id]
    assert repr(view) == "ReadingListView('group': 2 papers; 1 to read, 1 read)"
    out = view._repr_html_()
    assert "Reading list “group”" in out and "To read 1 · Reading 0 · Read 1" in out
    rows = out.split('<li class="paperlab-readinglist-entry"')[1:]
    assert [r.split('data-status="')[1].split('"')[0] for r in rows] == ["to-read", "read"]
    assert html.escape(second.title) in rows[0] and "survey" in rows[0] and "to-discuss" in rows[0]
    assert "Compare with our fuzzer.\nSecond line." in rows[0] and "white-space:pre-wrap" in rows[0]
    assert f"{first_author(first.authors)} · {first.year} · Read" in rows[1]
    assert f'href="{first.abs_url}"' in rows[1]
    md = view._repr_markdown_()
    assert md.splitlines()[0] == "**Reading list “group”** — 2 papers"
    assert "- [x] **Testing Deep Learning Models" in md and "· Read" in md
    assert "tags: survey, to-discuss" in md and "*Compare with our fuzzer. Second line.*" in md
    assert "<" not in md.replace("&lt;", "")  # no HTML in the markdown


def test_hostile_texts_are_escaped_in_html_and_markdown(shell) -> None:
    paper = Paper(title=PAYLOAD, authors=[f"Eve {PAYLOAD}"], url="javascript:alert(4)", published="2024-01-02")
    rl = paperlab.reading_list(f"list {PAYLOAD}")
    rl.add(paper, tags=[PAYLOAD], note=PAYLOAD)
    view = ReadingListView(rl.name, rl.entries())
    out = view._repr_html_()
    for raw in ("<img", "<script", "<b>", 'href="javascript', "<a "):
        assert raw not in out, raw
    assert out.count(html.escape(PAYLOAD)) >= 3  # title, tag and note, each shown as text
    md = view._repr_markdown_()
    for raw in ("<img", "<script", "<b>"):
        assert raw not in md, raw
    assert re.search(r"(?<!\\)\[x", md) is None  # every bracket escaped: no link
    assert "&lt;img src=x onerror=alert(1)&gt;" in md and "\\*em\\*" in md


def test_an_empty_list_names_itself_and_who_added_shows_when_recorded(shell) -> None:
    paperlab.reading_list("empty one")
    view = run(shell, "%readinglist empty one")
    assert isinstance(view, ReadingListView) and len(view) == 0
    assert "No papers yet: <code>paperlab.reading_list(&#x27;empty one&#x27;).add(&quot;2503.14895&quot;)</code>" in (
        view._repr_html_()
    )
    entry = paperlab.reading_list("empty one").add(Paper(title="A paper", published="2020-05-01"))
    entry.added_by, entry.updated_by = "ada", "bob"
    assert "Added by ada · changed by bob" in ReadingListView("empty one", [entry])._repr_html_()
    entry.added_by, entry.updated_by = "c2e9f9db051c4363ad3021454b8eca69", "ada"  # an anonymous Jupyter user
    shown = ReadingListView("empty one", [entry])._repr_html_()
    assert "Added by an anonymous Jupyter user · changed by ada" in shown and "c2e9f9db" not in shown


def test_a_list_of_one_paper_says_1_paper(shell) -> None:
    paperlab.reading_list("solo").add(Paper(title="A paper", published="2020-05-01"))
    view = run(shell, "%readinglist solo")
    assert isinstance(view, ReadingListView)
    assert repr(view) == "ReadingListView('solo': 1 paper; 1 to read)"
    assert view._repr_markdown_().splitlines()[0] == "**Reading list “solo”** — 1 paper"
    assert ">1 paper · To read 1" in view._repr_html_()


def test_first_author_is_the_family_name() -> None:
    assert first_author(["Ashish Vaswani", "Noam Shazeer"]) == "Vaswani"
    assert first_author(["Vaswani, Ashish"]) == "Vaswani"
    assert first_author([]) == ""


def test_a_partial_import_under_a_magic_warns_at_the_users_cell(shell, tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@article{good, title={A good record}, author={Ada Lovelace}, year={2020}}\n@article{bad, title={No end\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run(shell, f"%papers --source {bib}")
    partial = [w for w in caught if issubclass(w.category, PartialImportWarning)]
    assert len(partial) == 1, [str(w.message) for w in caught]
    where = Path(partial[0].filename)
    assert Path(paperlab.__file__).parent not in where.parents, where
    assert "IPython" not in where.parts, where
    assert str(where).startswith("<ipython-input") or "ipykernel" in str(where), where

"""``%readinglist`` renders a note as the markdown its author typed (bold, emphasis), never raw HTML, never as
typeset math; and says who added an entry only in a list more than one person changed."""

from __future__ import annotations

from IPython.core.interactiveshell import InteractiveShell

import paperlab
from paperlab.paper import Paper
from paperlab.services.listview import ReadingListView

NOTE = (
    "Good baseline for the **object hallucination** section; compare with $\\alpha$-weighting.\n"
    "<img src=x onerror=alert(1)> [bad](javascript:alert(2)) [ok](https://example.org/x) _soon_ ![i](http://e/x.png)"
)


def _view(name: str) -> ReadingListView:
    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "paperlab")
    view = ip.run_line_magic("readinglist", name)
    assert isinstance(view, ReadingListView)
    return view


def test_notes_are_rendered_markdown_escaped_and_never_math() -> None:
    rl = paperlab.reading_list("notes")
    paper = Paper(title="RITUAL: Random Image Transformations", arxiv_id="2405.17821")
    rl.add(paper)
    rl.set_note(paper.id, NOTE)
    shown = _view("notes")._repr_html_()
    note = shown.split('<div class="paperlab-note"', 1)[1].split("</div>", 1)[0]
    assert "<strong>object hallucination</strong>" in note and "**" not in note and "<em>soon</em>" in note
    assert "<img" not in shown and "&lt;img src=x onerror=alert(1)&gt;" in note  # raw HTML is text
    assert "[bad](javascript:alert(2))" in note and 'href="javascript' not in shown  # an unsafe link stays text
    assert '<a href="https://example.org/x">ok</a>' in note and 'src="http://e/x.png"' not in shown
    assert "$\\alpha$-weighting" in note and "mathjax_ignore" in shown.split(">", 1)[0]  # "$" stays text
    assert "white-space:pre-wrap" in shown.split('<div class="paperlab-note"', 1)[1][:60]  # line breaks kept
    md = _view("notes")._repr_markdown_()
    assert "<img" not in md and "&#36;" in md  # the markdown export stays escaped, "$" not GitHub math


def test_added_by_is_shown_only_when_more_than_one_person_changed_the_list() -> None:
    rl = paperlab.reading_list("solo")
    for i in range(3):
        rl.add(Paper(title=f"Paper {i}", arxiv_id=f"2501.0000{i}"))
    view = _view("solo")
    assert len({e.added_by for e in view.entries}) == 1 and view.entries[0].added_by
    assert "Added by" not in view._repr_html_()  # one user: every row would say the same
    view.entries[1].added_by = "ada"
    shown = view._repr_html_()
    assert shown.count("Added by") == 3 and "Added by ada" in shown

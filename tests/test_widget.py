"""PaperCards (paperlab/widget.py): traitlets in the wire format, the kernel side of the
front end's requests (search, reading list, renderings), selection, and markdown cards
that survive a static nbconvert export.

Data: the bundled demo corpus (paperlab/data/demo.jsonl, 325 real papers, 221 with an arXiv
id) and our own arXiv API page tests/data/app/testing.atom.xml (10 papers for the query "testing",
first 2202.12139 "Testing Deep Learning Models: A First Comparative Study of Multiple Testing
Techniques"). The hybrid-search ranking is also checked (``realdata``) on the recorded page
``$PAPERLAB_REALDATA/fixtures/arxiv_atom/extracted_bodies/q_testing_s0_m10_bc5a6c384fe9.xml``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from paths import DATA, FIXTURES

import paperlab
from paperlab import Library, Paper
from paperlab.data import demo_library
from paperlab.widget import PaperCards, active_library, set_active_library

TESTING_PAGE = DATA / "app" / "testing.atom.xml"
REAL_TESTING_PAGE = FIXTURES / "arxiv_atom" / "extracted_bodies" / "q_testing_s0_m10_bc5a6c384fe9.xml"
HOSTILE = Paper(
    title="<script>alert('t')</script> <img src=x onerror=alert(1)> Robust & *bold* [x](javascript:alert(2))",
    abstract="</textarea><script>alert('abs')</script> -- end --> <!-- trick",
    url="javascript:alert(3)",
    authors=["Ada <b>Lovelace</b>"],
    published="2025-03-18",
)


@pytest.fixture(autouse=True)
def _no_active_library():
    set_active_library(None)
    yield
    set_active_library(None)


@pytest.fixture(scope="module")
def testing_lib() -> Library:
    return paperlab.load(TESTING_PAGE)


def test_papers_trait_is_the_wire_format(testing_lib: Library) -> None:
    w = PaperCards(testing_lib)
    assert len(w.papers) == 10
    assert w.papers[0]["id"] == "2202.12139"
    assert w.papers[0]["title"].startswith("Testing Deep Learning Models: A First Comparative Study")
    assert w.papers == [p.to_dict() for p in testing_lib]
    assert [Paper.from_dict(d) for d in w.papers] == list(testing_lib)
    assert repr(w) == "<PaperCards: 10 papers>"
    assert w._esm.strip().startswith(Path(paperlab.__file__).with_name("static").joinpath("cards.js").read_text()[:40])


def test_cards_accepts_papers_and_rejects_other_things(testing_lib: Library) -> None:
    assert len(PaperCards(testing_lib[0]).papers) == 1
    assert len(PaperCards(list(testing_lib)[:3]).papers) == 3
    with pytest.raises(TypeError, match="Paper objects"):
        PaperCards(["2202.12139"])  # type: ignore[list-item]


def test_active_library_is_demo_until_a_library_is_shown(testing_lib: Library) -> None:
    assert len(active_library()) == 325 and active_library().name == "demo"
    w = testing_lib.cards(height=300)
    assert isinstance(w, PaperCards) and w.height == 300
    assert active_library() is testing_lib
    results = testing_lib.search("testing", k=3, mode="lexical")
    shown = PaperCards(results)
    assert active_library() is testing_lib  # search results do not replace it
    assert shown.query == "testing"
    assert list(shown.scores) == results.ids and len(shown.scores) == 3
    PaperCards(testing_lib[:2], activate=False)
    assert active_library() is testing_lib


def test_search_request_ranks_with_kernel_scores(testing_lib: Library) -> None:
    w = PaperCards(testing_lib, search_mode="lexical")
    reply = w.handle_message({"type": "search", "query": "deep learning testing", "k": 5, "request": 7})
    assert reply["ok"] and reply["request"] == 7 and reply["mode"] == "lexical"
    assert 1 <= reply["n"] <= 5 and len(w.scores) == reply["n"]
    assert w.query == "deep learning testing"
    assert set(w.scores) <= set(testing_lib.ids)
    assert "2202.12139" in w.scores  # its title holds all three words
    scores = list(w.scores.values())
    assert scores == sorted(scores, reverse=True)
    # an empty query leaves the ranking
    assert w.handle_message({"type": "search", "query": "  "})["ok"]
    assert w.scores == {} and w.query == ""


def test_bad_requests_reply_with_an_error_instead_of_raising(testing_lib: Library) -> None:
    w = PaperCards(testing_lib)
    reply = w.handle_message({"type": "render", "id": "nope", "format": "markdown", "request": 1})
    assert reply == {
        "type": "reply",
        "request": 1,
        "ok": False,
        "error": "PaperlabError: no paper with id 'nope' in these cards",
    }
    assert "unknown request type 'explode'" in w.handle_message({"type": "explode"})["error"]
    assert "unknown format 'pdf'" in w.handle_message({"type": "render", "id": "2202.12139", "format": "pdf"})["error"]
    reply = w.handle_message({"type": "search", "query": "x", "mode": "telepathic"})
    assert not reply["ok"] and "unknown search mode 'telepathic'" in reply["error"]


def test_reading_list_requests_write_the_store(testing_lib: Library) -> None:
    w = PaperCards(testing_lib, reading_list="to review")
    assert w.listed_ids == []
    for pid in ("2405.13786", "2202.12139"):
        reply = w.handle_message({"type": "list", "action": "add", "id": pid})
        assert reply["ok"] and reply["listed"] and reply["list"] == "to review"
    assert paperlab.reading_list("to review").ids() == ["2405.13786", "2202.12139"]
    assert paperlab.reading_list("to review").entry("2202.12139").paper.title == testing_lib["2202.12139"].title
    assert w.listed_ids == ["2202.12139", "2405.13786"]  # in card order
    # another widget on the same list sees the state of the store
    assert PaperCards(testing_lib, reading_list="to review").listed_ids == ["2202.12139", "2405.13786"]
    reply = w.handle_message({"type": "list", "action": "remove", "id": "2405.13786"})
    assert reply["ok"] and not reply["listed"]
    assert paperlab.reading_list("to review").ids() == ["2202.12139"]
    assert w.listed_ids == ["2202.12139"]
    assert "unknown list action" in w.handle_message({"type": "list", "action": "burn", "id": "2202.12139"})["error"]


def test_render_requests_give_markdown_bibtex_and_code(testing_lib: Library) -> None:
    w = PaperCards(testing_lib)
    paper = testing_lib["2202.12139"]
    md = w.handle_message({"type": "render", "id": paper.id, "format": "markdown"})["text"]
    assert md == paper.to_markdown()
    assert Paper.from_markdown(md) == paper
    bib = w.handle_message({"type": "render", "id": paper.id, "format": "bibtex"})["text"]
    assert bib == paper.to_bibtex() and bib.lstrip().startswith("@") and "2202.12139" in bib
    code = w.handle_message({"type": "render", "id": paper.id, "format": "code"})["text"]
    assert code == 'import paperlab\npaperlab.paper("2202.12139")'
    # the copied code runs and gives the paper back, from the store, without network
    assert eval(code.split("\n")[1], {"paperlab": paperlab}).title == paper.title


def test_copy_as_code_works_for_papers_without_an_arxiv_id() -> None:
    hf_only = next(p for p in demo_library() if p.id.startswith("title:"))
    w = PaperCards([hf_only])
    code = w.handle_message({"type": "render", "id": hf_only.id, "format": "code"})["text"]
    assert eval(code.split("\n")[1], {"paperlab": paperlab}).title == hf_only.title


def test_selected_is_a_library_in_card_order(testing_lib: Library) -> None:
    w = PaperCards(testing_lib)
    assert len(w.selected) == 0
    w.selected_ids = ["1812.11470", "2202.12139"]
    sel = w.selected
    assert isinstance(sel, Library)
    assert sel.ids == ["2202.12139", "1812.11470"]
    assert sel["1812.11470"] is testing_lib["1812.11470"]


def _recording_widget(library: Library) -> tuple[PaperCards, list[dict]]:
    """A widget whose comm records the messages it sends to the front end."""
    from comm import DummyComm

    sent: list[dict] = []

    class RecordingComm(DummyComm):
        def publish_msg(
            self,
            msg_type: str,
            data: dict | None = None,
            metadata: dict | None = None,
            buffers: list | None = None,
            **keys: object,
        ) -> None:
            if msg_type == "comm_msg" and data is not None:
                sent.append(data)

    w = PaperCards(library)
    w.comm = RecordingComm(target_name="jupyter.widget")
    sent.clear()
    return w, sent


def _invoke(w: PaperCards, name: str, msg: object, call_id: str = "c1") -> None:
    """What the front end's ``experimental.invoke(name, msg)`` sends: an anywidget command message."""
    content = {"kind": "anywidget-command", "id": call_id, "name": name, "msg": msg}
    w._handle_msg({"content": {"data": {"method": "custom", "content": content}}, "buffers": []})


def test_commands_are_answered_on_the_comm(testing_lib: Library) -> None:
    """The path the browser uses: an anywidget command in, its response (same call id) out."""
    w, sent = _recording_widget(testing_lib)
    _invoke(w, "_cmd_render", {"id": "2202.12139", "format": "code"}, call_id="abc")
    assert sent[-1]["method"] == "custom"
    assert sent[-1]["content"] == {
        "id": "abc",
        "kind": "anywidget-command-response",
        "response": {
            "ok": True,
            "id": "2202.12139",
            "format": "code",
            "text": 'import paperlab\npaperlab.paper("2202.12139")',
        },
    }
    commands = set(type(w)._anywidget_commands)  # type: ignore[attr-defined]
    assert commands == {"_cmd_search", "_cmd_leave", "_cmd_list", "_cmd_lists", "_cmd_render"}
    w.query, w.scores = "transformers", {"2202.12139": 0.5}
    _invoke(w, "_cmd_leave", {}, call_id="leave")  # typing again / ✕: the kernel clears its ranking
    assert sent[-1]["content"]["response"] == {"ok": True, "n": 0}
    assert w.query == "" and w.scores == {}


def test_commands_answer_errors_instead_of_leaving_the_front_end_waiting(testing_lib: Library) -> None:
    w, sent = _recording_widget(testing_lib)
    _invoke(w, "_cmd_render", {"id": "nope", "format": "markdown"}, call_id="1")
    _invoke(w, "_cmd_list", {"action": "burn", "id": "2202.12139"}, call_id="2")
    _invoke(w, "_cmd_search", ["not", "an", "object"], call_id="3")
    _invoke(w, "_cmd_search", {"query": "x", "mode": "telepathic"}, call_id="4")
    replies = {m["content"]["id"]: m["content"]["response"] for m in sent if m["method"] == "custom"}
    assert replies["1"] == {"ok": False, "error": "PaperlabError: no paper with id 'nope' in these cards"}
    assert not replies["2"]["ok"] and "unknown list action 'burn'" in replies["2"]["error"]
    assert replies["3"] == {"ok": False, "error": "PaperlabError: expected a JSON object, got list"}
    assert not replies["4"]["ok"] and "unknown search mode 'telepathic'" in replies["4"]["error"]


def test_search_command_sets_the_ranking_traits(testing_lib: Library) -> None:
    w, sent = _recording_widget(testing_lib)
    _invoke(w, "_cmd_search", {"query": "deep learning testing", "mode": "lexical", "k": 5})
    reply = [m["content"] for m in sent if m["method"] == "custom"][-1]
    assert reply["response"]["ok"] and reply["response"]["n"] == len(w.scores) >= 1
    assert w.query == "deep learning testing" and "2202.12139" in w.scores


def test_old_request_messages_are_not_answered(testing_lib: Library) -> None:
    """Hand-rolled ``{"type", "request"}`` custom messages are gone: only anywidget commands are answered."""
    w, sent = _recording_widget(testing_lib)
    content = {"type": "render", "id": "2202.12139", "format": "code", "request": 3}
    w._handle_msg({"content": {"data": {"method": "custom", "content": content}}, "buffers": []})
    assert sent == []


def _assert_inert(page: str) -> None:
    """No script, image, event handler or javascript: link made from the hostile paper's text."""
    import lxml.html

    doc = lxml.html.document_fromstring(page)
    assert not [el for el in doc.iter("script") if "alert" in (el.text or "")]
    assert not doc.xpath("//img")
    assert not [el for el in doc.iter() if isinstance(el.tag, str) and any(a.startswith("on") for a in el.attrib)]
    assert not [
        el
        for el in doc.xpath("//*[@href or @src]")
        if (el.get("href") or el.get("src") or "").strip().lower().startswith("javascript:")
    ]
    text = doc.text_content()
    assert "<script>alert('t')</script> <img src=x onerror=alert(1)> Robust &" in text
    assert "Ada <b>Lovelace</b>" in text


def test_static_fallback_html_escapes_paper_text() -> None:
    w = PaperCards([HOSTILE])
    data, _ = w._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    _assert_inert(data["text/html"])


def _export_html(cells: list) -> str:
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.v4.new_notebook(cells=cells)
    html, _ = HTMLExporter().from_notebook_node(nb)
    return html


def test_inserted_markdown_card_survives_nbconvert_html_export(testing_lib: Library) -> None:
    """A card inserted by the widget renders in a static export and paperlab can read it back."""
    import nbformat

    paper = testing_lib["2202.12139"]
    html = _export_html([nbformat.v4.new_markdown_cell(paper.to_markdown())])
    assert re.search(r'<h3[^>]*><a href="https://arxiv.org/abs/2202.12139v1?"[^>]*>Testing Deep Learning Models', html)
    assert "<blockquote>" in html  # the abstract
    assert "application/vnd.paperlab.paper+json" in html
    assert Paper.from_markdown(html) == paper


def test_hostile_card_exports_as_text_and_reads_back() -> None:
    import nbformat

    html = _export_html([nbformat.v4.new_markdown_cell(HOSTILE.to_markdown())])
    _assert_inert(html)
    assert "&lt;script&gt;alert(" in html
    assert Paper.from_markdown(html) == HOSTILE


@pytest.mark.slow
@pytest.mark.parametrize("page", [TESTING_PAGE, pytest.param(REAL_TESTING_PAGE, marks=pytest.mark.realdata)])
def test_default_search_request_is_hybrid_with_the_packaged_model(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What Enter does by default: hybrid search (packaged MiniLM + BM25) over the cards' papers."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    w = PaperCards(paperlab.load(page))
    assert w.search_mode == "hybrid"
    reply = w.handle_message(
        {"type": "search", "query": "comparing techniques for testing deep learning models", "request": 1}
    )
    assert reply["ok"], reply.get("error")
    assert reply["mode"] == "hybrid" and reply["n"] == 10  # k is capped at the library size
    assert next(iter(w.scores)) == "2202.12139"  # the comparative study of DL testing techniques ranks first

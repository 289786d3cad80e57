"""Issue 13: no text of a paper can produce markup in a card, and no local path leaves the machine.

A corpus of hostile texts (script tags, event handlers, ``javascript:``/``data:`` links, markdown images,
line breaks and backticks in tags, ``</details>``, nested link syntax, zero-width and bidirectional
characters, very long text) is put into every field of a paper, and every card path (markdown and HTML
cards, ``Library.to_markdown``, the widget's "Copy MD"/insert rendering, exports, DailyArXiv and digest
READMEs, session agendas, comparison tables) is rendered with what users meet:

1. nbconvert's HTML export of a notebook holding the inserted cards (markdown cells) and their display
   as outputs (``text/markdown``, ``text/html``);
2. markdown-it-py with raw HTML enabled (what matters about JupyterLab's output renderer: raw HTML passes);
3. JupyterLab itself in Chromium: ``tests/browser/test_card_safety_browser.py``.

The rendered HTML may hold only the elements cards are made of, no event handler, no image, and links to
http(s) URLs (or the page's own ``#anchors``) only. Every shared output is checked for the absolute path of
the imported file and the user's home.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from markdown_it import MarkdownIt

from paperlab import Library, Paper
from paperlab.paper import SourceRecord, shared_location

PIXEL = "http://tracker.invalid/p.png"
HOSTILE = [
    "<script>alert('s')</script>",
    "<img src=x onerror=alert('img')>",
    "<svg onload=alert('svg')></svg>",
    "<iframe src=javascript:alert(1)></iframe>",
    "[click](javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    f"![x]({PIXEL})",
    f"[![x]({PIXEL})](javascript:alert(2))",
    f"[a](<javascript:alert(3)>) <javascript:alert(4)> <{PIXEL}>",
    "line one\n\n<img src=x onerror=alert('nl')>\n```\n<script>alert('fence')</script>",
    "tick ` and `` runs ``` <b onmouseover=alert(5)>bold</b>",
    "&lt;script&gt;alert('entity')&lt;/script&gt; &#60;img src=x onerror=alert(6)&#62;",
    "</details></p></div></td></tr></table><script>alert('close')</script>",
    "*emph* _u_ ~~del~~ | pipe | # hash \\ back <!-- comment --> -->",
    "zero\u200bwidth\u200d \u202eright-to-left override\u202c \u2066isolate \u0000nul \u001besc",
    "a" * 20_000 + "<img src=x onerror=alert('long')>",
    "=== \n--- \n- list\n1. ordered\n> quote\n    indented code\n<div onclick=alert(7)>",
]
# The elements our cards are made of: anything else in the rendered HTML came from a paper's text.
ALLOWED_TAGS = {
    "a", "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
    "div", "span", "details", "summary", "br", "hr", "table", "caption", "thead", "tbody", "tr", "th", "td", "del",
    "s",
}  # fmt: skip
URL_ATTRS = {"href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "background", "data"}
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


class _Checker(HTMLParser):
    """Collects what must never be in a rendered card: foreign elements, handlers, images, unsafe links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"element <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"handler {name} on <{tag}>")
            if name in URL_ATTRS and name != "href":
                self.problems.append(f"{name}={value!r} on <{tag}>")
            if name == "href" and not (value or "").lower().startswith(("http://", "https://", "#")):
                self.problems.append(f"href={value!r}")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if any(c in data for c in BIDI):
            self.problems.append(f"bidirectional control in {data[:40]!r}")


def problems_in(html_text: str) -> list[str]:
    checker = _Checker()
    checker.feed(html_text)
    checker.close()
    return checker.problems


def markdown_it() -> MarkdownIt:
    """CommonMark with raw HTML allowed, tables and strikethrough (as in GitHub-flavoured renderers)."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


MARKED = Path(__file__).resolve().parents[1] / "js" / "node_modules" / "marked" / "lib" / "marked.esm.js"
NODE = shutil.which("node")
_MARKED_SCRIPT = """
import { marked } from %s;
let input = '';
process.stdin.on('data', chunk => (input += chunk));
process.stdin.on('end', () => {
  const out = JSON.parse(input).map(src => marked.parse(src, { gfm: true }));
  process.stdout.write(JSON.stringify(out));
});
"""


def render_marked(sources: list[str], tmp_path: Path) -> list[str]:
    """Each markdown text rendered by marked, JupyterLab's markdown renderer (from js/node_modules)."""
    if NODE is None or not MARKED.exists():
        pytest.skip("needs Node and the JavaScript dev dependencies (js/node_modules/marked)")
    script = tmp_path / "marked.mjs"
    script.write_text(_MARKED_SCRIPT % json.dumps(MARKED.as_uri()), encoding="utf-8")
    done = subprocess.run(
        [NODE, str(script)], input=json.dumps(sources), capture_output=True, text=True, check=True, timeout=120
    )
    return list(json.loads(done.stdout))


# -- the hostile papers -------------------------------------------------------------------------------


def hostile_papers(where: Path) -> list[Paper]:
    """One paper per payload with the payload in every text field, imported from a file under ``where``."""
    location = str(where / "private" / "refs.bib")
    papers = []
    for i, text in enumerate(HOSTILE):
        papers.append(
            Paper.from_dict(
                {
                    "title": f"T{i} {text}",
                    "arxiv_id": f"2501.{i:05d}",
                    "authors": [text, f"Ada {text}"],
                    "organization": text,
                    "abstract": f"{text}\n{text}",
                    "published": "2025-01-02",
                    "categories": [f"cs.{i} {text}", text],
                    "tags": [text, "`", "a\nb"],
                    "keywords": [text],
                    "comment": text,
                    "journal_ref": text,
                    "url": "javascript:alert(8)" if i % 2 else f"https://arxiv.org/abs/2501.{i:05d}",
                    "pdf_url": "data:text/html,<script>alert(9)</script>",
                    "code_url": f"{PIXEL}?{text[:20]}",
                    "project_url": "JaVaScRiPt:alert(10)",
                    "ai_summary": text,
                }
            )
        )
    for p in papers:
        p.sources = [SourceRecord("bibtex", location, dt.datetime(2025, 1, 2, tzinfo=dt.timezone.utc), "k, line 1")]
    return papers


@pytest.fixture
def papers(tmp_path: Path) -> list[Paper]:
    return hostile_papers(tmp_path)


def assert_no_local_path(text: str, tmp_path: Path) -> None:
    home = os.path.expanduser("~")
    for secret in (str(tmp_path), str(tmp_path / "private"), home if home not in ("/", "") else None):
        if secret:
            assert secret not in text, f"{secret} leaked"


# -- markdown cards --------------------------------------------------------------------------------------


def test_markdown_cards_render_no_markup_with_raw_html_allowed(papers: list[Paper]) -> None:
    md = markdown_it()
    for paper in papers:
        card = paper.to_markdown()
        assert problems_in(md.render(card)) == [], card[:300]
        assert Paper.from_markdown(card) == paper  # the JSON still rides along intact


def test_every_markdown_writer_renders_no_markup_in_jupyterlabs_marked(papers: list[Paper], tmp_path: Path) -> None:
    """marked parses backslash-escaped brackets inside a link's text again (``[a \\[x\\](javascript:y)](u)``
    holds a live link, ``[!\\[x\\](http://h/p.png)](u)`` an image): link texts carry ``&#91;``/``&#93;``."""
    from paperlab import compare
    from paperlab.sources.dailyarxiv import to_dailyarxiv_markdown

    lib = Library(papers)
    sources = [p.to_markdown() for p in papers]
    sources += [to_dailyarxiv_markdown(lib, last_update="2025-01-02"), compare(lib).paperlab.to_markdown()]
    sources += [session_markdown(papers[:9], tmp_path), digest_markdown(papers)]
    for source, rendered in zip(sources, render_marked(sources, tmp_path), strict=True):
        assert problems_in(rendered) == [], source[:300]


def session_markdown(papers: list[Paper], tmp_path: Path) -> str:
    """The agenda of a session presenting ``papers`` (the kernel's view of a reading group)."""
    from paperlab.services.sessions.entry import SessionEntry
    from paperlab.services.sessions.model import Session

    entries = [SessionEntry(p.title, p, takeaways=[p.title], questions=[p.title]) for p in papers]
    session = Session(papers[0].title, entries=entries, subtitle=papers[1].title, source="t.md")
    return session.to_markdown()


def digest_markdown(papers: list[Paper]) -> str:
    from paperlab.digests.config import DigestConfig
    from paperlab.digests.render import render

    lib = Library(papers)
    config = DigestConfig(keywords=["x"], title=papers[0].title)
    ids = [p.id for p in lib]
    return render(config, dt.date(2025, 1, 2), lib, {"x": ids}, {}, ids, {"date": "2025-01-01"}, True, [])


def test_tags_with_line_breaks_and_backticks_stay_one_code_span() -> None:
    paper = Paper(
        "Tags", categories=["cs.AI\n\n<img src=x onerror=alert(1)>"], tags=["a`b", "``c", "x\n<svg onload=y>", " "]
    )
    line = paper.to_markdown().splitlines()[1]
    assert line == "`cs.AI <img src=x onerror=alert(1)>` · ``a`b`` · ``` ``c ``` · `x <svg onload=y>`"
    html_text = markdown_it().render(line)
    assert html_text.count("<code>") == 4 and problems_in(html_text) == []
    assert "<code>a`b</code>" in html_text and "<code>``c</code>" in html_text


def test_images_in_titles_never_become_images() -> None:
    paper = Paper(f"See ![x]({PIXEL}) and [y](javascript:alert(1))", url="https://arxiv.org/abs/1706.03762")
    rendered = markdown_it().render(paper.to_markdown())
    assert "<img" not in rendered and "javascript:" not in rendered.replace("(javascript:alert(1))", "")
    assert '<a href="https://arxiv.org/abs/1706.03762">' in rendered


def test_bidirectional_overrides_and_controls_are_dropped_from_cards() -> None:
    paper = Paper("abc \u202eevil\u202c \u2066x\u2069 \x1b[31m", authors=["\u202eA"], tags=["\u202et"])
    for text in (paper.to_markdown().split("<!--")[0], paper.to_html()):
        assert not any(c in text for c in BIDI + "\x1b"), text


def test_html_cards_escape_every_text(papers: list[Paper]) -> None:
    for paper in papers:
        assert problems_in(paper.to_html()) == []


def test_library_markdown_and_display_bundle(papers: list[Paper], tmp_path: Path) -> None:
    lib = Library(papers)
    assert problems_in(markdown_it().render(lib.to_markdown())) == []
    assert problems_in(lib._repr_html_().replace(f"<div><b>{len(lib)}</b> papers</div>", "")) == []
    for paper in papers[:3]:
        bundle = paper._repr_mimebundle_()
        assert problems_in(markdown_it().render(bundle["text/markdown"])) == []
        assert_no_local_path(json.dumps(bundle, ensure_ascii=False), tmp_path)


# -- nbconvert: a notebook holding inserted cards -----------------------------------------------------------


def _cell_fragments(page: str) -> str:
    """The HTML inside nbconvert's cells (its template around them carries its own scripts)."""

    class Cells(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=False)
            self.depth = 0
            self.out: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            classes = (dict(attrs).get("class") or "").split()
            if self.depth:
                self.depth += tag not in ("br", "hr", "img", "input", "meta", "link")
                self.out.append(self.get_starttag_text() or "")
            elif "jp-RenderedMarkdown" in classes or "jp-RenderedHTMLCommon" in classes:
                self.depth = 1

        def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if self.depth:
                self.out.append(self.get_starttag_text() or "")

        def handle_endtag(self, tag: str) -> None:
            if self.depth:
                self.depth -= 1
                if self.depth:
                    self.out.append(f"</{tag}>")

        def handle_data(self, data: str) -> None:
            if self.depth:
                self.out.append(data)

        def handle_entityref(self, name: str) -> None:
            if self.depth:
                self.out.append(f"&{name};")

        def handle_charref(self, name: str) -> None:
            if self.depth:
                self.out.append(f"&#{name};")

    cells = Cells()
    cells.feed(page)
    return "".join(cells.out)


def test_nbconvert_html_of_a_notebook_with_inserted_cards(papers: list[Paper], tmp_path: Path) -> None:
    from nbconvert import HTMLExporter

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(p.to_markdown()) for p in papers]
    shown = nbformat.v4.new_code_cell("display(Markdown(lib.to_markdown())); display(HTML(lib._repr_html_()))")
    shown.outputs = [
        nbformat.v4.new_output("display_data", {"text/markdown": Library(papers).to_markdown()}),
        nbformat.v4.new_output("display_data", {"text/html": "".join(p.to_html() for p in papers)}),
    ]
    nb.cells.append(shown)
    page, _ = HTMLExporter().from_notebook_node(nb)
    cells = _cell_fragments(page)
    assert cells.count("T1 ") >= 2 and "tracker.invalid/p.png" in cells  # the cards are there, as text
    assert problems_in(cells) == []
    assert "tracker.invalid" not in "".join(v for _, v in _attrs(cells, "src"))
    assert_no_local_path(page, tmp_path)


def _attrs(html_text: str, name: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []

    class Attrs(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend((tag, v or "") for k, v in attrs if k == name)

    Attrs().feed(html_text)
    return found


# -- no local path in anything shared ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "shared"),
    [
        ("/srv/ada/papers/refs.bib", "refs.bib"),
        ("/srv/ada/papers/", "papers"),
        ("C:\\Users\\ada\\refs.bib", "refs.bib"),
        ("~/refs.bib", "refs.bib"),
        ("file:///srv/ada/refs.bib", "refs.bib"),
        ("refs.bib", "refs.bib"),
        ("<string>", "<string>"),
        ("", ""),
        ("https://ada:pw@example.org/api/x?date=2025-01-02", "https://example.org/api/x?date=2025-01-02"),
        ("https://huggingface.co/api/daily_papers?date=2025-10-15", "https://huggingface.co/api/daily_papers?date=2025-10-15"),
    ],
)  # fmt: skip
def test_shared_location_keeps_a_file_name_or_a_url(location: str, shared: str) -> None:
    assert shared_location(location) == shared
    record = SourceRecord("bibtex", location)
    assert record.to_dict()["location"] == shared
    assert record.location == location  # the session keeps what it read


def test_every_shared_output_holds_no_local_path(papers: list[Paper], tmp_path: Path) -> None:
    from paperlab.sources.dailyarxiv import to_dailyarxiv_markdown
    from paperlab.widget import PaperCards

    lib = Library(papers)
    w = PaperCards(lib)
    outputs = {
        "markdown cards": lib.to_markdown(),
        "html cards": lib._repr_html_(),
        "wire": json.dumps(lib.to_dicts(), ensure_ascii=False),
        "traitlets": json.dumps(w.papers, ensure_ascii=False),
        "widget markdown": w._render({"id": papers[0].id, "format": "markdown"})["text"],
        "widget bibtex": w._render({"id": papers[0].id, "format": "bibtex"})["text"],
        "bibtex": lib.to_bibtex(),
        "csl": json.dumps([p.to_csl() for p in lib], ensure_ascii=False),
        "dailyarxiv": to_dailyarxiv_markdown(lib, last_update="2025-01-02"),
    }
    for name, text in outputs.items():
        assert str(tmp_path) not in text, name
    assert "refs.bib" in outputs["traitlets"] and "refs.bib" in outputs["markdown cards"]


def test_the_store_and_so_the_rest_api_keep_only_the_file_name(papers: list[Paper], tmp_path: Path) -> None:
    """The server answers ``Paper.to_dict()`` and ``to_markdown()`` of the stored papers."""
    import sqlite3

    from paperlab.store import open_store

    store = open_store()
    store.upsert_papers(papers[:2])
    con = sqlite3.connect(store.path)
    rows = [data for (data,) in con.execute("SELECT data FROM papers")]
    con.close()
    assert rows and not any(str(tmp_path) in r for r in rows)
    stored = store.get_paper(papers[0].id)
    assert stored is not None and stored.sources[0].location == "refs.bib"
    assert stored == papers[0]  # the same paper as shared: nothing but the directory was dropped


# -- the other markdown writers -----------------------------------------------------------------------------


def test_dailyarxiv_headings_and_cells_hold_no_markup(papers: list[Paper]) -> None:
    from paperlab.sources.dailyarxiv import parse_dailyarxiv, to_dailyarxiv_markdown

    text = to_dailyarxiv_markdown(papers, last_update="2025-01-02", title="<script>alert(1)</script> [t](javascript:x)")
    assert problems_in(markdown_it().render(text)) == []
    # what the headings and cells hold is read back as written
    back = parse_dailyarxiv(text)
    assert set(back.sections) >= {" ".join(HOSTILE[0].split()), " ".join(HOSTILE[6].split())}
    assert {p.title for p in back.papers} >= {" ".join(p.title.split()) for p in papers[:9] if "\x00" not in p.title}


def test_dailyarxiv_backticks_cannot_swallow_the_rows_own_tags() -> None:
    from paperlab.sources.dailyarxiv import parse_dailyarxiv, to_dailyarxiv_markdown

    paper = Paper("Tick", arxiv_id="2501.00001", comment="a `b long enough ` comment to fold", abstract="x` \\")
    text = to_dailyarxiv_markdown([paper], last_update="2025-01-02")
    rendered = markdown_it().render(text)
    assert "<code>" not in rendered and rendered.count("<details>") == rendered.count("</details>") == 2
    (back,) = parse_dailyarxiv(text).papers
    assert (back.comment, back.abstract) == (paper.comment, paper.abstract)


def test_digest_readme_title_is_escaped(tmp_path: Path) -> None:
    from paperlab.digests.config import DigestConfig
    from paperlab.digests.render import render

    config = DigestConfig(keywords=["x"], title="<img src=x onerror=alert(1)> ![p](http://tracker.invalid/p.png)")
    text = render(config, dt.date(2025, 1, 2), Library([]), {}, {}, [], None, False, [])
    assert problems_in(markdown_it().render(text)) == []


def test_comparison_tables_hold_no_markup(papers: list[Paper]) -> None:
    from paperlab import compare

    df = compare(Library(papers[:6]))
    assert problems_in(markdown_it().render(df.paperlab.to_markdown())) == []
    styled = re.sub(r"<style[^>]*>.*?</style>", "", df.paperlab.style().to_html(), flags=re.S)  # pandas' own CSS
    assert problems_in(styled) == []

"""The TypeScript helpers shared by the side panel and the cards widget (js/src/common/paper.ts):
which URLs may become links (`safeUrl`: absolute http(s) URLs only), landing pages and bylines.

The module is bundled with the project's esbuild (js/node_modules) and run in Node; the test
skips when Node or the JavaScript dev dependencies are not installed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from paths import ROOT

JS = ROOT / "js"
ESBUILD = JS / "node_modules" / ".bin" / "esbuild"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(
    NODE is None or not ESBUILD.exists(), reason="needs Node and the js/ dev dependencies (jlpm install)"
)


def bundle(source: str, folder: Path) -> Path:
    """``js/<source>`` bundled by esbuild as an ES module for Node, in ``folder``; its path."""
    out = folder / (Path(source).stem + ".mjs")
    subprocess.run(
        [str(ESBUILD), source, "--bundle", "--format=esm", "--platform=node", f"--outfile={out}"],
        cwd=JS,
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture(scope="module")
def paper_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bundle("src/common/paper.ts", tmp_path_factory.mktemp("js"))


def call(module: Path, function: str, *args: object) -> object:
    """Call an exported function of the bundled module in Node with JSON arguments; its JSON result."""
    script = (
        f"import * as m from {json.dumps(module.as_uri())};\n"
        f"const args = JSON.parse(process.argv[1]);\n"
        f"process.stdout.write(JSON.stringify(args.map(a => m.{function}(...a))));\n"
    )
    done = subprocess.run(
        [str(NODE), "--input-type=module", "-e", script, json.dumps(list(args))],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)


SAFE = [
    ("https://arxiv.org/abs/2202.12139", "https://arxiv.org/abs/2202.12139"),
    ("http://example.org/paper.pdf?x=1#p2", "http://example.org/paper.pdf?x=1#p2"),
    ("HTTPS://Example.org/A", "HTTPS://Example.org/A"),
    ("  https://example.org/padded  ", "https://example.org/padded"),
]
UNSAFE = [
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/x",
    "//evil.example/x",
    "/relative/path",
    "example.org",
    "https://",
    "https:///no-host",
    "https:\\\\evil.example",
    "https://exa mple.org/",
    "https://example.org/\njavascript:alert(1)",
    "https://example.org/\u0000x",
    "",
    None,
    42,
    {"href": "https://example.org"},
]


def test_safe_url_keeps_only_absolute_http_urls(paper_module: Path) -> None:
    got = call(paper_module, "safeUrl", *[[url] for url, _ in SAFE])
    assert got == [expected for _, expected in SAFE]
    assert call(paper_module, "safeUrl", *[[url] for url in UNSAFE]) == [None] * len(UNSAFE)


def test_abs_url_never_falls_back_past_an_unsafe_url_and_encodes_ids(paper_module: Path) -> None:
    papers = [
        {"url": "https://example.org/p", "arxiv_id": "2202.12139"},
        {"url": "javascript:alert(3)", "arxiv_id": "2202.12139"},
        {"url": None, "arxiv_id": "astro-ph/0601001"},
        {"url": None, "arxiv_id": '2202.12139"><script>', "doi": None},
        {"url": None, "arxiv_id": None, "doi": "10.1000/a b<c>"},
        {"url": None, "arxiv_id": None, "doi": None},
    ]
    assert call(paper_module, "absUrl", *[[p] for p in papers]) == [
        "https://example.org/p",
        None,
        "https://arxiv.org/abs/astro-ph/0601001",
        "https://arxiv.org/abs/2202.12139%22%3E%3Cscript%3E",
        "https://doi.org/10.1000/a%20b%3Cc%3E",
        None,
    ]


def test_pdf_url_uses_a_safe_pdf_url_else_arxiv(paper_module: Path) -> None:
    papers = [
        {"pdf_url": "https://example.org/p.pdf", "arxiv_id": "2202.12139"},
        {"pdf_url": "javascript:alert(5)", "arxiv_id": "2202.12139"},
        {"pdf_url": "javascript:alert(5)", "arxiv_id": None},
        {"pdf_url": None, "arxiv_id": "astro-ph/0601001"},
    ]
    assert call(paper_module, "pdfUrl", *[[p] for p in papers]) == [
        "https://example.org/p.pdf",
        "https://arxiv.org/pdf/2202.12139",
        None,
        "https://arxiv.org/pdf/astro-ph/0601001",
    ]


def test_byline_matches_paper_byline(paper_module: Path) -> None:
    from paperlab import Paper

    papers = [
        Paper(title="t", authors=["A", "B", "C", "D", "E"]),
        Paper(title="t", authors=["Ada <b>Lovelace</b>"]),
        Paper(title="t", n_authors=1),
        Paper(title="t", n_authors=12, organization="Org"),
        Paper(title="t", organization="Org"),
        Paper(title="t"),
        Paper(title="t", authors=["Yun Chen"], extra={"more_authors": True}),  # "Yun Chen et al." in the source
        Paper(title="t", authors=["A", "B", "C", "D"], extra={"more_authors": True}),
        Paper(title="t", extra={"editors": ["Ada Example"]}),  # an edited volume
        Paper(title="t", extra={"editors": ["A", "B", "C", "D"]}),
        Paper(title="t", authors=["Cy Writer"], extra={"editors": ["Ada Example"]}),
        # a mixed editors list (a hand-edited JSON file): its names are shown, in both
        Paper(title="t", extra={"editors": ["Ada Example", 7, None, "  ", "Bo Reed"]}),
        Paper(title="t", extra={"editors": [{"family": "Reed"}, "Ada Example"]}),
        Paper(title="t", n_authors=2, extra={"editors": [7, ""]}),  # no name at all: the count
        Paper(title="t", organization="Org", extra={"editors": "Ada Example"}),  # not a list
    ]
    shown = [p.byline() for p in papers]
    assert shown[-4:] == ["Ada Example, Bo Reed (eds.)", "Ada Example (ed.)", "2 authors", "Org"]
    assert call(paper_module, "byline", *[[p.to_dict()] for p in papers]) == shown


def test_shown_date_keeps_the_precision_the_source_gave(paper_module: Path) -> None:
    """The one `shownDate` used by the cards and the panel: "2017", "2017-03", or a day; inferred dates say so."""
    from paperlab import Paper

    papers = [
        {"published": "2017-01-01", "extra": {"date_precision": "year"}},
        {"published": "2018-03-01", "extra": {"date_precision": "month"}},
        {"published": "2025-03-10", "extra": {"date_inferred": True}},
        {"published": "2024-05-06", "extra": {}},
        {"published": None, "extra": None},
        Paper("Known By Its Id", arxiv_id="2411.05841").to_dict(),  # the month of its arXiv id
    ]
    assert call(paper_module, "shownDate", *[[p] for p in papers]) == [
        "2017",
        "2018-03",
        "2025-03-10 (year inferred)",
        "2024-05-06",
        "",
        "2024-11 (month of its arXiv id)",
    ]


def test_citation_keys_match_python(paper_module: Path) -> None:
    """The key a card and the panel show is the first of `paperlab.identity.citation_keys` (own key, then merged)."""
    from paperlab import Paper
    from paperlab.identity import citation_keys, merge_papers

    a = Paper("Sentinel Mixtures", extra={"bibtex_key": "sentinel2017mixture"})
    b = Paper("Sentinel Mixtures", extra={"bibtex_key": "<img src=x onerror=alert(1)>"})
    papers = [merge_papers(a, b), b, Paper("No Key"), {"extra": {"bibtex_keys": "not a list", "bibtex_key": 3}}]
    expected = [citation_keys(p) if isinstance(p, Paper) else [] for p in papers]
    assert expected[0] == ["sentinel2017mixture", "<img src=x onerror=alert(1)>"]
    got = call(paper_module, "citationKeys", *[[p.to_dict() if isinstance(p, Paper) else p] for p in papers])
    assert got == expected


def test_the_citation_key_is_labelled_where_cards_and_the_panel_show_it(paper_module: Path) -> None:
    """Second walkthrough: the cards' date line read "2026 · arxiv260119897", the key like an id next to the year.
    Cards (js/src/widget/card.ts) and the panel's details (js/src/entrycard.ts) both show this text, as text
    content (a hostile key stays text: tests/browser/test_cards_walk_fixes.py)."""
    papers = [
        {"extra": {"bibtex_key": "arxiv260119897"}},
        {"extra": {"bibtex_key": "<img src=x onerror=alert(1)>"}},
        {"extra": {}},
    ]
    got = call(paper_module, "citationKeyText", *[[p] for p in papers])
    assert got == ["key arxiv260119897", "key <img src=x onerror=alert(1)>", ""]


def test_source_label_reads_the_wire_schema_labels(paper_module: Path) -> None:
    from paperlab.schema import source_label

    names = ["ris", "csl", "openalex", "semantic_scholar", "arxiv", "hf", "bibtex", "<b>x</b>"]
    assert call(paper_module, "sourceLabel", *[[n] for n in names]) == [source_label(n) for n in names]


def test_plural_and_the_embedding_line(tmp_path: Path) -> None:
    """'Embedded 1 papers' (walkthrough #19): one plural helper (common/text.ts) for counts the widgets show."""
    text = bundle("src/common/text.ts", tmp_path)
    assert call(text, "plural", [1, "paper"], [0, "paper"], [1204, "paper"], [2, "index", "indexes"]) == [
        "1 paper",
        "0 papers",
        "1,204 papers",
        "2 indexes",
    ]
    status = bundle("src/widget/status.ts", tmp_path)
    assert call(status, "progressText", ["done", 1, 1], ["done", 9750, 9750], ["running", 3, 1204]) == [
        "Embedded 1 paper: semantic search is ready",
        "Embedded 9,750 papers: semantic search is ready",
        "Embedding papers for semantic search: 3 / 1,204",
    ]

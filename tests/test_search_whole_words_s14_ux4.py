"""Every word of a text filter must start a word of the paper, not sit inside one (session 13: a search for "Ho",
the author Jonathan Ho, fell back to the papers holding "ho" and 2 of its 5 hits held it only in "show" and
"methods"). One rule in the kernel (``Library.filter(text=...)``, the every-word fallback of search) and in the
browser (the cards' filter box, ``js/src/widget/filter.ts``, and the side panel's, both through
``js/src/common/fold.ts`` ``startsAWord``): this test runs both on the same papers and wants the same answers.

Papers written for this test.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from paths import ROOT

from paperlab import Library, Paper
from paperlab.search import search_library

PAPERS = [
    Paper(
        "Denoising Diffusion Probabilistic Models",
        arxiv_id="2006.11239",
        authors=["Jonathan Ho", "Ajay Jain", "Pieter Abbeel"],
        abstract="We present high quality image synthesis results using diffusion probabilistic models.",
    ),
    Paper(
        "Scaling Laws for Neural Language Models",
        arxiv_id="2001.08361",
        authors=["Jared Kaplan", "Sam McCandlish"],
        abstract="We show that the loss scales as a power-law with model size; other methods matter less.",
    ),
    Paper(
        "Hopfield Networks is All You Need",
        arxiv_id="2008.02217",
        authors=["Hubert Ramsauer", "Sepp Hochreiter"],
        abstract="A modern Hopfield network with continuous states.",
    ),
    Paper(
        "Active Fine-Tuning of Generalist Policies",
        arxiv_id="2410.05026",
        authors=["Jonas Hübotter", "Andreas Krause"],
        abstract="Transformers tuned on the examples that carry the most information (GPT-4 baselines).",
    ),
]

CASES = [
    ("Ho", ["2006.11239", "2008.02217"]),  # the author Ho, "Hopfield", "Hochreiter"; never "show" nor "methods"
    ("show", ["2001.08361"]),
    ("hubotter", ["2410.05026"]),  # accents and case folded
    ("Hübotter krause", ["2410.05026"]),
    ("transf", ["2410.05026"]),  # a word's start: the filter narrows as one types
    ("ethods", []),  # inside "methods" only
    ("odels", []),
    ("gpt-4", ["2410.05026"]),
    ("(gpt-4", ["2410.05026"]),  # a word starting with punctuation is looked for as typed
    ("diffusion ho", ["2006.11239"]),
]


@pytest.mark.parametrize(("text", "ids"), CASES)
def test_library_filter_matches_word_starts_only(text: str, ids: list[str]) -> None:
    assert [p.arxiv_id for p in Library(PAPERS).filter(text=text)] == ids


def test_the_every_word_fallback_of_search_lists_no_paper_holding_the_word_inside_another() -> None:
    found = search_library(Library(PAPERS), "Ho", mode="lexical", k=10)
    if found.holding_every_word:
        assert {p.arxiv_id for p in found} <= {"2006.11239", "2008.02217"}
    assert "2001.08361" not in {p.arxiv_id for p in found}


JS = ROOT / "js"
ESBUILD = JS / "node_modules" / ".bin" / "esbuild"
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(
    NODE is None or not ESBUILD.exists(), reason="needs Node and the js/ dev dependencies (jlpm install)"
)


def _js_filter(tmp: Path, queries: list[str]) -> dict[str, dict[str, list[str]]]:
    """For each query, the ids the cards' filter and the side panel's word test keep (bundled and run in Node)."""
    entry = tmp / "entry.ts"
    entry.write_text(
        "export { buildEntries, filterEntries, emptyFacets, queryWords } from "
        f"{json.dumps(str(JS / 'src/widget/filter.ts'))};\n"
        f"export {{ fold, startsAWord }} from {json.dumps(str(JS / 'src/common/fold.ts'))};\n"
    )
    out = tmp / "entry.mjs"
    subprocess.run(
        [str(ESBUILD), str(entry), "--bundle", "--format=esm", "--platform=node", f"--outfile={out}"],
        cwd=JS,
        check=True,
        capture_output=True,
    )
    papers = [{"id": p.arxiv_id, "title": p.title, "abstract": p.abstract, "authors": p.authors} for p in PAPERS]
    script = f"""import * as m from {json.dumps(out.as_uri())};
const papers = {json.dumps(papers)};
const entries = m.buildEntries(papers);
const result = {{}};
for (const q of {json.dumps(queries)}) {{
  const words = m.queryWords(q);
  const cards = m.filterEntries(entries, words, m.emptyFacets()).map(i => papers[i].id);
  const panel = papers.filter(p => {{
    const hay = m.fold([p.title, p.abstract, p.authors.join(' ')].join('\\n'));
    return words.every(w => m.startsAWord(hay, w));
  }}).map(p => p.id);
  result[q] = {{ cards, panel }};
}}
process.stdout.write(JSON.stringify(result));
"""
    done = subprocess.run([str(NODE), "--input-type=module", "-e", script], check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


@needs_node
def test_the_cards_and_the_side_panel_filter_as_the_kernel_does(tmp_path: Path) -> None:
    got = _js_filter(tmp_path, [q for q, _ in CASES])
    for query, ids in CASES:
        assert got[query] == {"cards": ids, "panel": ids}, query


def test_the_fallback_lists_whole_word_holders_first() -> None:
    however = Paper(
        "Sparse Attention for Long Documents",
        arxiv_id="2301.00007",
        authors=["Ada Lovelace"],
        abstract="However long the document, attention stays linear.",
    )
    lib = Library([however, *PAPERS])
    found = search_library(lib, "Ho", mode="lexical", k=10)
    assert found.holding_every_word
    ids = [p.arxiv_id for p in found]
    assert ids[0] == "2006.11239" and set(ids) == {"2006.11239", "2008.02217", "2301.00007"}
    assert ids.index("2301.00007") > ids.index("2006.11239")

"""A daily digest whose paper headings end in a bare address in parentheses (issue 12):
``### 1. **Title** (https://arxiv.org/abs/…)`` or ``(https://huggingface.co/papers/…)``. Our own file in
tests/data/md_s11/."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

DATA = Path(__file__).parent / "data" / "md_s11"


def test_heading_text_is_the_title_and_the_bare_url_gives_the_id() -> None:
    """Four papers, each titled by its heading (no '**', no '[…]', no '( )' left), the arXiv id from the arXiv or
    Hugging Face address, authors and abstract from the labelled lines under it; read without a warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        papers = list(paperlab.load(DATA / "hf_digest_bare_urls.md"))
    assert [(p.title, p.arxiv_id) for p in papers] == [
        ("Sparse Lantern Routing for Long-Context Retrieval", "2603.01234"),
        ("Tidal Adapters: Parameter-Efficient Tuning at Scale", "2603.02345"),
        ("Quiet Gradients for Federated Vision Models", "2603.03456"),
        ("Mosaic Tokens: Compositional Image Tokenizers", "2603.04567"),
    ]
    assert papers[0].authors == ["Ada Quill", "Bo Renn"]
    assert papers[1].authors == ["Cai Lune"]
    assert papers[2].abstract == "联邦视觉模型中的梯度压缩。"


def test_a_paper_tables_quoted_titles_and_same_as_above_authors(tmp_path: Path) -> None:
    """Quotes around a whole title ('"Title"', '“Title”') are no part of it; an author cell's 'same as above' or
    'ditto' names nobody; a title quoting two things keeps its quotes."""
    page = tmp_path / "papers.md"
    page.write_text(
        "# Papers we track\n\n| Date | Title | Authors | Link |\n|---|---|---|---|\n"
        '| March 9, 2021 | "Quiet Gradients for Federated Vision Models" | Ada Quill, same as above | '
        "[paper](https://openreview.net/forum?id=abc) |\n"
        "| 12 May 2021 | “Harbor Attention” | ditto | [paper](https://proceedings.mlr.press/v139/x.html) |\n"
        '| 2021-06-01 | "Fast" or "Slow" Thinking in Agents | Bo Renn | [paper](https://aclanthology.org/2021.x/) |\n',
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        papers = list(paperlab.load(page))
    assert [(p.title, p.authors) for p in papers] == [
        ("Quiet Gradients for Federated Vision Models", ["Ada Quill"]),
        ("Harbor Attention", []),
        ('"Fast" or "Slow" Thinking in Agents', ["Bo Renn"]),
    ]


def test_a_dossier_of_paper_headings_with_access_bullets_titles_each_paper_by_its_heading() -> None:
    """'### Title' then '- Authors: …' and '- Access: [arXiv](…)', a proceedings link or a bare address: every
    paper titled by its heading (not 'Access' or 'NeurIPS proceedings', the link texts), its authors, the theme
    heading above as its tag; read by the layout reader, no warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        papers = list(paperlab.load(DATA / "reading_dossier.md"))
    assert [(p.title, p.arxiv_id, p.authors[:1], p.tags) for p in papers] == [
        ("Longformer: The Long-Document Transformer", "2004.05150", ["Iz Beltagy"], ["Sparse attention"]),
        ("Big Bird: Transformers for Longer Sequences", None, ["Manzil Zaheer"], ["Sparse attention"]),
        (
            "Transformers are RNNs: Fast Autoregressive Transformers with Linear Attention",
            "2006.16236",
            [],
            ["Linear attention"],
        ),
    ]
    assert papers[1].url == (
        "https://proceedings.neurips.cc/paper/2020/hash/c8512d142a2d849725f31a9a7a361ab9-Abstract.html"
    )


def test_hugging_face_paper_links_in_headings_and_numbered_items_and_plain_field_lines(tmp_path: Path) -> None:
    """'## [Title](https://huggingface.co/papers/ID)' with 'Authors: A, B' / 'Summary: …' on plain lines; a numbered
    list of '**Title** (https://huggingface.co/papers/ID) — 42 upvotes' items (the generic finder): every paper's
    arXiv id from its Hugging Face page, no '( )' or upvotes left in a title."""
    cards = tmp_path / "daily.md"
    cards.write_text(
        "# Daily Papers 2026-03-05\n\n"
        "## [Sparse Lantern Routing for Long-Context Retrieval](https://huggingface.co/papers/2603.01234)\n\n"
        "Authors: Ada Quill, Bo Renn\n\nSummary: sparse routing.\n\n"
        "## [Tidal Adapters](https://huggingface.co/papers/2603.02345)\n\nAuthors: Cai Lune\n",
        encoding="utf-8",
    )
    papers = list(paperlab.load(cards))
    assert [(p.title, p.arxiv_id, p.authors) for p in papers] == [
        ("Sparse Lantern Routing for Long-Context Retrieval", "2603.01234", ["Ada Quill", "Bo Renn"]),
        ("Tidal Adapters", "2603.02345", ["Cai Lune"]),
    ]
    assert papers[0].abstract == "sparse routing."
    items = tmp_path / "picks.md"
    items.write_text(
        "# Today's picks\n\n"
        "1. **Sparse Lantern Routing for Long-Context Retrieval** (https://huggingface.co/papers/2603.01234) — 42 "
        "upvotes\n2. **Tidal Adapters: Parameter-Efficient Tuning at Scale** (https://arxiv.org/abs/2603.02345)\n"
        "3. **Quiet Gradients for Federated Vision Models** (https://huggingface.co/papers/2603.03456)\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = [(p.title, p.arxiv_id) for p in paperlab.load(items)]
    assert found == [
        ("Sparse Lantern Routing for Long-Context Retrieval", "2603.01234"),
        ("Tidal Adapters: Parameter-Efficient Tuning at Scale", "2603.02345"),
        ("Quiet Gradients for Federated Vision Models", "2603.03456"),
    ]

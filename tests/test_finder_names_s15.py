"""Notes naming a paper before its id's parenthesis and going on about it: the name titles the paper, not the note
(seen in a researcher's session: "RETRO (arXiv:2112.04426) matches GPT-3 with 25x fewer parameters." was the
paper's title when the notes were read alone). Notes written here."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

NOTES = """# Retrieval reading notes

- RETRO (arXiv:2112.04426) matches GPT-3 with 25x fewer parameters.
- Self-RAG (arXiv:2310.11511): critique tokens, +12.3% factuality.
- Progressive distillation (arXiv:2202.00512): 4 steps, FID 3.0 on CIFAR-10.
- Attention Is All You Need (arXiv:1706.03762)
- We reuse the sampler of Song (arXiv:2011.13456) to draw images.
- Lanterns for Dense Retrieval, Quill and Renn (arXiv:2601.04567)
"""


def _titles(tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {p.arxiv_id: p.title for p in paperlab.load(path)}


def test_the_name_before_the_ids_parenthesis_titles_the_paper(tmp_path: Path) -> None:
    titles = _titles(tmp_path)
    assert titles["2112.04426"] == "RETRO"  # a sentence going on after the parenthesis
    assert titles["2310.11511"] == "Self-RAG"  # a colon and a note
    assert titles["2202.00512"] == "Progressive distillation"


def test_other_items_keep_their_titles(tmp_path: Path) -> None:
    titles = _titles(tmp_path)
    assert titles["1706.03762"] == "Attention Is All You Need"  # nothing after the id
    assert titles["2011.13456"] != "We reuse the sampler of Song"  # a sentence of ours is no name
    assert titles["2601.04567"].startswith("Lanterns for Dense Retrieval")  # names before the id: not a note

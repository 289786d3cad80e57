"""A reading list written as short paragraphs under topic headings, one paper's title each (no bullets, links or
ids), a note in parentheses after some and one reference written out: refused before ("no papers found"), now each
paragraph is a paper; pages of prose or instructions still name none (issue 12; our own files, made-up papers).
A kind seen on MD11's validation files after their end score: that round is burned by it."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

TOPICS = """# Widget conversion
S. H. Quill and A. Renn, “An overview of widget conversion systems,” Widget Communication, vol. 8, pp. 65–82, 2017.

# Domain adaptation
Unsupervised Widget Domain Adaptation Based on Disentangled Gadget Learning (can also be used as a WC method)

# Children widget recognition
FUNDAMENTAL FREQUENCY FEATURE NORMALIZATION FOR CHILD WIDGET RECOGNITION (apply on Mel scale)

## Compacted CTC
CTC Variations Through New Widget Topologies
## Conformer for widgets
Conformer: Convolution-augmented Transformer for Widget Recognition
"""

# the same in German headings, a blank line between the heading and its title
GERMAN = """# Lesen

## Grundlagen

Sparse Widget Routing at Scale

## Weiteres

Gadget Maps for Everyone: A Survey

Learning Sprocket Embeddings with Contrastive Objectives
"""

# a tool's page: headings over sentences and commands
TOOL = """# Widgetron

## Install
Run the installer, then restart.

## Usage
Widgetron renders widgets fast.

## License
MIT License
"""


def _load(tmp_path: Path, text: str) -> list[paperlab.Paper]:
    path = tmp_path / "reading_list.md"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return paperlab.load(path)
        except paperlab.ParseError:
            return []


def test_title_paragraphs_under_topic_headings_are_papers(tmp_path: Path) -> None:
    papers = _load(tmp_path, TOPICS)
    assert [p.title for p in papers] == [
        "An overview of widget conversion systems",
        "Unsupervised Widget Domain Adaptation Based on Disentangled Gadget Learning",
        "FUNDAMENTAL FREQUENCY FEATURE NORMALIZATION FOR CHILD WIDGET RECOGNITION",
        "CTC Variations Through New Widget Topologies",
        "Conformer: Convolution-augmented Transformer for Widget Recognition",
    ]
    assert list(papers[0].authors) == ["S. H. Quill", "A. Renn"] and papers[0].published.year == 2017


def test_title_paragraphs_with_blank_lines_and_other_headings(tmp_path: Path) -> None:
    assert len(_load(tmp_path, GERMAN)) == 3


def test_a_pages_sentences_and_labels_are_no_papers(tmp_path: Path) -> None:
    assert _load(tmp_path, TOOL) == []

"""Session 19 (RF19): fenced BibTeX blocks are found on markdown-it-py's tokens, as markdown itself reads the page
(our own small page): a fence inside a quote or a list item, a fence closed by an indented closing line, and a fence
right under an HTML ``<summary>`` line (no blank line between) each give their entry; an unclosed fence gives none."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab


def _entry(key: str, title: str) -> str:
    return f"@article{{{key},\n  title = {{{title}}},\n  author = {{Quill, Ada}},\n  year = {{2022}}\n}}\n"


def _indented(text: str, prefix: str) -> str:
    return "".join(prefix + line + "\n" for line in text.splitlines())


_PAGE = (
    "# Reading notes\n\n"
    "> A quoted citation:\n>\n"
    + _indented("```bibtex\n" + _entry("q1", "Quoted Lanterns in the Fog") + "```", "> ")
    + "\n"
    "1. The second paper:\n\n"
    + _indented("```bib\n" + _entry("q2", "Counting Pebbles in a Numbered Item") + "```", "    ")
    + "\n"
    "Closed by an indented line:\n\n```bibtex\n" + _entry("q3", "Sparse Widgets Closed Late") + "  ```\n\n"
    "<details>\n<summary>Citation</summary>\n```bibtex\n" + _entry("q4", "Folded Sheets Under a Summary") + "```\n"
    "</details>\n\n"
    "Never closed:\n\n```bibtex\n" + _entry("q5", "An Entry Nobody Closed")
)


def test_fences_in_quotes_list_items_and_under_html_are_read_as_markdown_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(_PAGE, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = list(paperlab.load(path))
    assert [(p.title, [str(a) for a in p.authors], p.year) for p in papers] == [
        ("Quoted Lanterns in the Fog", ["Ada Quill"], 2022),
        ("Counting Pebbles in a Numbered Item", ["Ada Quill"], 2022),
        ("Sparse Widgets Closed Late", ["Ada Quill"], 2022),
        ("Folded Sheets Under a Summary", ["Ada Quill"], 2022),
    ]

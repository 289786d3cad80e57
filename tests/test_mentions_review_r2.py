"""The late review's findings (R2) on the generic paper finder's bylines and on notes without presenter lines
(our own inline text)."""

from __future__ import annotations

import pytest

from paperlab.sources._mentions import find_papers

_ITEM = "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n  {}\n"


@pytest.mark.parametrize(
    "line",
    [
        "_ICLR Oral_",
        "_Microsoft Research Asia_",
        "*Code Release, Project Page*",
        "_Neural Information Processing Systems_",
        "*Best Paper, Spotlight*",
        "_Google Brain_",
    ],
)
def test_a_label_or_an_institution_under_a_title_is_no_byline(line: str) -> None:
    (paper,), _ = find_papers(_ITEM.format(line), "list.md")
    assert (paper.title, paper.arxiv_id, paper.authors) == ("Attention Is All You Need", "1706.03762", [])


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("_Ada Quill, Omar Dale_", ["Ada Quill", "Omar Dale"]),
        ("*A. Quill and B. Dale*", ["A. Quill", "B. Dale"]),
        ("_Yann LeCun_", ["Yann LeCun"]),
        ("_Shane O'Neil, Ines Okafor_", ["Shane O'Neil", "Ines Okafor"]),
    ],
)
def test_peoples_names_under_a_title_are_its_authors(line: str, authors: list[str]) -> None:
    (paper,), _ = find_papers(_ITEM.format(line), "list.md")
    assert paper.authors == authors

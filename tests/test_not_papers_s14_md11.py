"""A paper table or list that mixes papers with what its writers read beside them: a tool's home page, a GitHub
repository, a blog or news post, a recorded talk. Before, every row was a paper (13 for 7 on a real group wiki);
now an entry with no arXiv id, DOI or PDF whose address is such material (a home page only when no person is named)
is none, and the papers stay (issue 12; our own files, made-up addresses)."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

TABLE = """---
title: Papers
---

# Papers

| Title | Authors | Year | Status | Notes |
|---|---|---|---|---|
| [Online Widget Coloring in the Random-Order Model](https://widgets.example/articles/v008/coloring.pdf) | Quill, Renn | 2012 | To Read | conjecture 3.12 |
| [widgetron](https://widgetron.example/) | widgetron | N/A | To Read | Formal reasoning agent |
| [Short Proofs in Gadget Theory II](https://arxiv.org/pdf/2604.01234) | Sato, et al. | 2026 | Reading | |
| [Gadget-Ramsey](https://github.com/ada/Gadget-Ramsey) | ada | 2026 | To Read | repo with agents |
| [WidgetEvolve](https://widgets.example/blog/widgetevolve-a-coding-agent/) | Widget Corp | 2026 | Reading | |
| [A model has disproved a gadget conjecture](https://gadgets.example/index/model-disproves-conjecture/) | Gadget Inc | 2026 | Reading | |
| [Proofs: Checking vs Finding](https://www.youtube.com/watch?v=abcdefghijk) | Ada Quill | 2026 | Read | Talk |
| [Widget Maps](https://maps.example/) | Bo Renn, Cy Sato | 2025 | Read | project page of a paper |
"""

# the same kinds as list items, titles first, a paper's link to the group's notes on GitHub kept
LIST = """# Reading list

1. [Sparse Widget Routing at Scale](https://arxiv.org/abs/2501.01234) (Ada Quill, Bo Renn)
2. [Widgetron](https://github.com/widgets/widgetron)
3. [Keynote: the future of gadgets](https://youtu.be/abcdefghijk)
4. [Gadget Maps for Everyone](https://github.com/group/notes/blob/main/maps.md) - Cy Sato, Dee Moss
5. [Deep Residual Widgets](https://widgets.example/papers/residual.pdf)
"""


def _load(tmp_path: Path, text: str) -> list[paperlab.Paper]:
    path = tmp_path / "papers.md"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.load(path)


def test_tool_repository_post_and_talk_rows_of_a_paper_table_are_no_papers(tmp_path: Path) -> None:
    assert [p.title for p in _load(tmp_path, TABLE)] == [
        "Online Widget Coloring in the Random-Order Model",
        "Short Proofs in Gadget Theory II",
        "Widget Maps",
    ]


def test_repository_and_talk_items_of_a_paper_list_are_no_papers(tmp_path: Path) -> None:
    assert [p.title for p in _load(tmp_path, LIST)] == [
        "Sparse Widget Routing at Scale",
        "Gadget Maps for Everyone",
        "Deep Residual Widgets",
    ]


# an HTML table, other column order and names
HTML = """<table>
<tr><th>Year</th><th>Paper</th><th>Authors</th></tr>
<tr><td>2026</td><td><a href="https://github.com/ada/gadget-ramsey">Gadget-Ramsey</a></td><td>ada</td></tr>
<tr><td>2024</td><td><a href="https://arxiv.org/abs/2401.01234">Sparse Widget Routing at Scale</a></td><td>Ada Quill</td></tr>
<tr><td>2025</td><td><a href="https://vimeo.com/123456">Widgets, the talk</a></td><td>Bo Renn</td></tr>
</table>
"""


def test_an_html_tables_repository_and_talk_rows_are_no_papers(tmp_path: Path) -> None:
    assert [p.title for p in _load(tmp_path, HTML)] == ["Sparse Widget Routing at Scale"]


# a lab's assignment: three papers to choose from ('[Title, Authors](pdf)'), then the deliverables
ASSIGNMENT = """# Task 2: Paper Reading

## The Assignment
Choose **ONE** of the following papers to read:
- [The Widget File System, Quill et. al.](https://widgets.example/archive/wfs-sosp2003.pdf)
- [Time, Gadgets and the Ordering of Widgets in a Distributed System, Bo Renn](https://renn.example/pubs/time-gadgets.pdf)
- [Sprocket Replication, a new way to implement Widget Replication, Sato et al.](https://www.vldb.example/conf/2000/P134.pdf)

## Deliverables
**`analysis.md`** - a file with your critique, containing:
- A short summary of the paper (~200 words)
- A description of the problem the paper attempts to solve (~100 words)
- A discussion of the strengths and weaknesses of this paper
- Personal Reflection on What You Learned (300 words)
"""


def test_an_assignments_deliverables_are_no_papers_and_its_links_name_title_and_authors(tmp_path: Path) -> None:
    papers = _load(tmp_path, ASSIGNMENT)
    assert [(p.title, list(p.authors), bool(p.extra.get("more_authors"))) for p in papers] == [
        ("The Widget File System", ["Quill"], True),
        ("Time, Gadgets and the Ordering of Widgets in a Distributed System", ["Bo Renn"], False),
        ("Sprocket Replication, a new way to implement Widget Replication", ["Sato"], True),
    ]


# bold lines as the list's headings; a section of data sources; venue tags after the links
SOURCES = """**Widget Detection**
-  [Learning from widget traces in social media](https://www.aclweb.org/anthology/N12-1234) (NAACL'12)
-  [Widget Detection with Comment Embeddings](http://widgets.example/papers/comment-embeddings.pdf) (IEEE Access'20)
-  [A Survey on Widget Detection](https://www.aclweb.org/anthology/W17-1234/) (ACL Workshop’17) ***

**Data Sources**
-  [Twitter Widget Annotated Data](https://github.com/ada/widgets)
-  [Kaggle Widget Dataset](https://www.kaggle.com/ada/widget-analysis/data)
-  [Widgetbase](https://widgetbase.example/)
-  [The Gadget Corpus: A collection of 27k posts annotated for widgets](https://files.example/gadget-corpus.pdf)
"""

# a topic's note row of one word, no link, among linked papers
NOTE_ROW = """| Title | Poster | OpenReview | GitHub |
| -: | -: | :-: | -: |
| Sparse Widget Routing <br> [Conference link](https://widgets.example/virtual/2023/poster/71377)| | [Paper](https://openreview.net/forum?id=X6dEqXIsEW) | |
| RLWF <br> _Notes: optimizing against a widget model can improve on reward while degrading elsewhere_ | | |
| Gadget Feedback Gives Better Rewards <br> [Conference link](https://widgets.example/virtual/2023/poster/72428)| | [Paper](https://openreview.net/forum?id=CSbGXyCswu) | |
"""


def test_a_venue_tag_after_the_link_names_no_author_and_data_sources_are_no_papers(tmp_path: Path) -> None:
    papers = _load(tmp_path, SOURCES)
    assert [(p.title, list(p.authors)) for p in papers] == [
        ("Learning from widget traces in social media", []),
        ("Widget Detection with Comment Embeddings", []),
        ("A Survey on Widget Detection", []),
        ("The Gadget Corpus: A collection of 27k posts annotated for widgets", []),  # a PDF: a paper
    ]


def test_a_one_word_note_row_of_a_paper_table_is_no_paper(tmp_path: Path) -> None:
    assert [p.title for p in _load(tmp_path, NOTE_ROW)] == [
        "Sparse Widget Routing",
        "Gadget Feedback Gives Better Rewards",
    ]

"""A note on one paper that names another in passing ("very similar to https://arxiv.org/abs/…" under its Notes)
gives that paper too, titled by its id (R4's finding 8, second half: no second paper, no warning); a digest of
several papers still adds only papers titled on their own line (its intro's survey cited by its id is not added).
Our own pages."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

NOTE = """# [Sorting Widgets with Few Labels](https://arxiv.org/abs/2101.00011)

_June 2021_

tl;dr: A toy method for sorting widgets.

#### Overall impression
The results are good: 12% error rate on Widget-10 with only 250 labels.

#### Notes
- Some say this paper is very similar to https://arxiv.org/abs/2101.00022
- There are no experiments on a large dataset.
"""


def test_a_paper_named_in_passing_in_a_note_is_read_titled_by_its_id(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(NOTE, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        papers = list(paperlab.load(path))
    assert [(p.title, p.arxiv_id) for p in papers] == [
        ("Sorting Widgets with Few Labels", "2101.00011"),
        ("arXiv:2101.00022", "2101.00022"),  # no title near it: its id, never the note's heading
    ]
    assert papers[0].extra["related"] == ["arXiv:2101.00022"]  # the note's paper lists it, as Session does
    said = " ".join(str(w.message) for w in caught)
    assert "line 11: arXiv:2101.00022" in said  # the paper added is named with its line

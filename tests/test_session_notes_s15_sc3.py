"""Session notes that name their papers in ways seen on fresh files (session 15, helper SC3), on our own small
notes: an index of a few papers (a list whose items are titles with their citation), notes on two documents under
"## Notes on *Title*" headings, and "Key idea:" bullets as the takeaways of the paper they are under."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from paperlab.errors import ParseError
from paperlab.services.sessions import Session


def _read(tmp_path: Path, text: str) -> Session:
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Session.from_file(path)


INDEX = """# Paper notes

Short analyses I wrote for the course papers, each as a PDF.

- `lanterns`: Sparse lanterns for night vision (Lanterns, Quill et al., 2019).
- `widgets`: Widget Routing at Scale: Folded Kernels for Transport (Renn & Moss, 2021).
- `soot`: Soot prediction in glass chimneys (Sato et al. 2018)

The PDFs themselves are not included.
"""

NUMBERED_INDEX = """Reading list notes

1. [Sparse lanterns for night vision](https://example.org/lanterns.pdf) (Quill et al., 2019)
2. Widget routing at scale (Renn and Moss, 2021)
"""

CLAIMS = """# Notes

- Lanterns help at night (Quill et al., 2019).
- We should try folded kernels next week.
"""

TWO_DOCUMENTS = """# Talks

## Resources

- [Rules for Making Slides](https://example.org/rules.html)

## Notes on *Rules for Making Slides*

- Put very little text on a slide.

## Notes on "How to Present a Paper"

- The point is to advertise the paper.
"""

KEY_IDEAS = """# Research papers

### LTN — Sparse Lanterns for Night Vision
- **Authors:** Quill et al. (2019)
- **arXiv:** [1901.01234](https://arxiv.org/abs/1901.01234)
- **Key idea:** Sparse lanterns light a scene at a tenth of the power.
- **Why it matters:** Our baseline.

### WRS — Widget Routing at Scale
- **Authors:** Renn et al. (2021)
- **arXiv:** [2104.05678](https://arxiv.org/abs/2104.05678)
- **Key idea:** Widgets route by folded kernels, not by tables.
"""


@pytest.mark.parametrize(
    ("text", "titles", "years"),
    [
        (
            INDEX,
            [
                "Sparse lanterns for night vision",
                "Widget Routing at Scale: Folded Kernels for Transport",
                "Soot prediction in glass chimneys",
            ],
            [2019, 2021, 2018],
        ),
        (NUMBERED_INDEX, ["Sparse lanterns for night vision", "Widget routing at scale"], [2019, 2021]),
    ],
)
def test_an_index_of_papers_names_each(tmp_path: Path, text: str, titles: list[str], years: list[int]) -> None:
    session = _read(tmp_path, text)
    assert [e.paper.title for e in session.entries] == titles
    assert [e.paper.published.year if e.paper.published else None for e in session.entries] == years
    assert session.entries[0].paper.authors == ["Quill"]


def test_claims_with_a_citation_are_no_index(tmp_path: Path) -> None:
    with pytest.raises(ParseError):
        _read(tmp_path, CLAIMS)


def test_notes_on_two_documents(tmp_path: Path) -> None:
    session = _read(tmp_path, TWO_DOCUMENTS)
    assert [e.paper.title for e in session.entries] == ["Rules for Making Slides", "How to Present a Paper"]
    assert session.entries[1].takeaways == ["The point is to advertise the paper."]


def test_key_idea_bullets_are_takeaways(tmp_path: Path) -> None:
    session = _read(tmp_path, KEY_IDEAS)
    assert [e.takeaways for e in session.entries] == [
        ["Sparse lanterns light a scene at a tenth of the power."],
        ["Widgets route by folded kernels, not by tables."],
    ]

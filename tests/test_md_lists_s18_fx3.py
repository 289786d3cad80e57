"""Session 18 (FX3): markdown lists and notes that were read wrongly (own small hand-written files).

* "- Weekly sync — Ada Quill, Bo Dale": two words before people's names are a meeting's, no paper's title; a
  title of three words or more before the names stays a paper ("Deep Residual Learning — Kaiming He, Xiangyu
  Zhang"), with the names after the dash as its authors (not the title as an author).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import MeetingsOnlyWarning, ParseError


def _load(tmp_path: Path, name: str, text: str, **kw: object) -> list[paperlab.Paper]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(path, **kw))


def test_short_events_with_people_are_no_papers(tmp_path: Path) -> None:
    text = "# Reading group\n\n- Weekly sync — Ada Quill, Bo Dale\n- Pizza night — Cy Renn\n- Budget review — Di Mole and Ed Finch\n"
    with pytest.raises(ParseError):
        _load(tmp_path, "group.md", text)


def test_title_before_a_dash_and_people_keeps_its_authors(tmp_path: Path) -> None:
    text = (
        "# Papers\n\n- Sparse Widget Routing at Scale — Ada Quill, Bo Dale\n"
        "- Counting Gadgets Without Labels — Cy Renn, Di Mole\n"
    )
    papers = _load(tmp_path, "papers.md", text)
    assert [(p.title, p.authors) for p in papers] == [
        ("Sparse Widget Routing at Scale", ["Ada Quill", "Bo Dale"]),
        ("Counting Gadgets Without Labels", ["Cy Renn", "Di Mole"]),
    ]


_README = """# widgetlib

## Fast sparse widget routing library for Python users

Install with pip.

## Installation

pip install widgetlib

## Results

It is fast.

## Contributing

PRs welcome.
"""

_MEETING = """## Weekly discussion of the new evaluation protocol for widget models

## Summary

We agreed to change the metric.

## Action items

- Ada: rerun baselines
"""

_PAPER_NOTES = """## Sparse Widget Routing with Learned Gadget Maps at Scale

## Abstract

They route widgets through learned gadget maps.

## Results

Faster on every benchmark.
"""


@pytest.mark.parametrize("text", [_README, _MEETING], ids=["project-readme", "meeting-notes"])
def test_a_readme_or_meeting_notes_name_no_paper(tmp_path: Path, text: str) -> None:
    with pytest.raises(ParseError):
        _load(tmp_path, "page.md", text)


def test_notes_with_a_paper_part_name_their_paper(tmp_path: Path) -> None:
    papers = _load(tmp_path, "notes.md", _PAPER_NOTES)
    assert [p.title for p in papers] == ["Sparse Widget Routing with Learned Gadget Maps at Scale"]


def test_year_headings_of_a_reading_log_date_no_paper(tmp_path: Path) -> None:
    text = (
        "# What I read\n\n## 2024\n\n- [Sparse Widget Routing at Scale](https://example.org/widgets.pdf) — loved it\n"
        "- [A Mathematical Theory of Gadgets](https://example.org/gadgets.pdf)\n\n## 2023\n\n"
        "- [Counting Sprockets Without Labels](https://example.org/sprockets.pdf)\n"
    )
    papers = _load(tmp_path, "log.md", text)
    assert [p.title for p in papers] == [
        "Sparse Widget Routing at Scale",
        "A Mathematical Theory of Gadgets",
        "Counting Sprockets Without Labels",
    ]
    assert [p.published for p in papers] == [None, None, None]


def test_year_headings_far_from_their_items_own_years_date_no_paper(tmp_path: Path) -> None:
    text = (
        "# Widget papers\n\n## 2024\n\n- [Sparse Widget Routing at Scale](https://example.org/widgets.pdf)\n"
        "- [A Mathematical Theory of Gadgets](https://example.org/gadgets.pdf) (Quill, 1948)\n"
        "- [Gadget Maps](https://arxiv.org/abs/1706.01234)\n"
    )
    papers = _load(tmp_path, "widgets.md", text)
    assert [(p.title, p.published and p.published.year) for p in papers] == [
        ("Sparse Widget Routing at Scale", None),
        ("A Mathematical Theory of Gadgets", 1948),
        ("Gadget Maps", 2017),
    ]


def test_year_headings_of_a_list_by_publication_year_still_date_its_papers(tmp_path: Path) -> None:
    text = (
        "# Widget papers\n\n## 2024\n\n- [Sparse Widget Routing at Scale](https://example.org/widgets.pdf)\n"
        "- [Gadget Maps](https://arxiv.org/abs/2403.01234)\n\n## 2023\n\n"
        "- [Counting Sprockets Without Labels](https://example.org/sprockets.pdf)\n"
    )
    papers = _load(tmp_path, "widgets.md", text)
    assert [(p.title, p.published and p.published.year) for p in papers] == [
        ("Sparse Widget Routing at Scale", 2024),
        ("Gadget Maps", 2024),
        ("Counting Sprockets Without Labels", 2023),
    ]


_PERSON_FIRST = """# {heading}

- [Ada Quill](https://en.wikipedia.org/wiki/Ada_Quill), Widget Labs: *A Mathematical Theory of Widgets*
- [Bo Dale](https://en.wikipedia.org/wiki/Bo_Dale), University of Gadgets: *Computing Gadgets and Intelligence*
- Cy Renn (Sprocket Institute) — *Recursive Functions of Symbolic Sprockets*
"""


def test_person_first_bullets_under_a_papers_heading_are_papers_by_them(tmp_path: Path) -> None:
    papers = _load(tmp_path, "classics.md", _PERSON_FIRST.format(heading="Classic papers everyone should read"))
    assert [(p.title, p.authors) for p in papers] == [
        ("A Mathematical Theory of Widgets", ["Ada Quill"]),
        ("Computing Gadgets and Intelligence", ["Bo Dale"]),
        ("Recursive Functions of Symbolic Sprockets", ["Cy Renn"]),
    ]


def test_person_first_bullets_under_a_talks_heading_stay_talks(tmp_path: Path) -> None:
    text = "\n".join(ln for ln in _PERSON_FIRST.format(heading="Invited talks").splitlines() if "wikipedia" not in ln)
    text += "\n- Di Mole (Widget University) — *Lanterns in the fog of gadget networks*\n"
    path = tmp_path / "talks.md"
    path.write_text(text, encoding="utf-8")
    with pytest.warns(MeetingsOnlyWarning, match="only 2 meetings"):
        assert len(paperlab.load(path)) == 0


_BIB_FENCE = """# Related work

## BibTeX (verified)

```bibtex
@inproceedings{quill2021,
  author = {Quill, Ada and Dale, Bo},
  title = {{WidgetNet}: Sparse Widget Routing at Scale},
  booktitle = {Proc. Widget Conference}, year = {2021}}

@article{renn2019,
  author = {Renn, Cy},
  title = {Counting Gadgets Without Labels},
  journal = {arXiv preprint arXiv:1906.01234}, year = {2019}}
```

We build on both.
"""


def test_bibtex_in_a_fenced_block_is_read_entry_by_entry(tmp_path: Path) -> None:
    papers = _load(tmp_path, "RELATED.md", _BIB_FENCE)
    assert [(p.title, p.authors, p.arxiv_id) for p in papers] == [
        ("WidgetNet: Sparse Widget Routing at Scale", ["Ada Quill", "Bo Dale"], None),
        ("Counting Gadgets Without Labels", ["Cy Renn"], "1906.01234"),
    ]
    assert all("BibTeX" not in p.title for p in papers)


def test_a_code_fence_of_another_language_is_no_bibtex(tmp_path: Path) -> None:
    text = _BIB_FENCE.replace("```bibtex", "```python")
    try:
        papers = _load(tmp_path, "RELATED.md", text)
    except ParseError:
        papers = []
    assert all(p.authors != ["Ada Quill", "Bo Dale"] for p in papers)


def test_person_first_talks_linking_profiles_name_no_paper_besides_the_talks(tmp_path: Path) -> None:
    path = tmp_path / "talks.md"
    path.write_text(_PERSON_FIRST.format(heading="Invited talks"), encoding="utf-8")
    with pytest.warns(MeetingsOnlyWarning, match="only 3 meetings"):  # was one paper titled '*…*' by 'Widget Labs'
        assert len(paperlab.load(path)) == 0

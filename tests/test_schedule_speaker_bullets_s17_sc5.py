"""A list of talks written speaker first ("[Speaker](profile), affiliation: [**_Talk title_**](slides)", "Speaker
(Institute) — *Title*") is a schedule of undated meetings given by their speakers, the titles the talks', no paper;
``load()`` refuses it saying how many meetings it lists. A reference's authors before an emphasised title, a tool
list, and a list whose titles link papers stay what they are. Our own small files (session 17, helper SC5)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import MeetingsOnlyWarning

MEETUP = """Talks

- [Ada Quill](https://x.com/adaq), Ph.D.@Widget University, Intern@[Gadget Labs](https://x.com/gadgetlabs): [**_Widget rings: a review_**](./widget_rings.pdf)

- [Bo Renn](https://x.com/bo), [GadgetCo](https://x.com/gco) & Sprocket University: [**_Routing gadgets on sparse graphs_**](https://docs.example.org/presentation/d/1)

- [cym](https://x.com/cym), Operator of [Widget Commons](https://x.com/wc): [***Gadget* *Pools: The Least Understood Widget***](./pools.pptx)
"""
PLAIN = """# Autumn talks

1. Ada Quill (Gadget Institute) — *Routing gadgets on widget graphs*
2. Bo Renn, Widget University: **Sparse widget rings in practice**
3. Cy Moss, Independent researcher – _Gadget pools and their widgets_
"""


@pytest.mark.parametrize(
    ("text", "talks"),
    [
        (
            MEETUP,
            [
                (["Ada Quill"], "Widget rings: a review"),
                (["Bo Renn"], "Routing gadgets on sparse graphs"),
                (["cym"], "Gadget Pools: The Least Understood Widget"),
            ],
        ),
        (
            PLAIN,
            [
                (["Ada Quill"], "Routing gadgets on widget graphs"),
                (["Bo Renn"], "Sparse widget rings in practice"),
                (["Cy Moss"], "Gadget pools and their widgets"),
            ],
        ),
    ],
)
def test_speaker_first_talk_bullets_are_meetings_without_papers(
    tmp_path: Path, text: str, talks: list[tuple[list[str], str]]
) -> None:
    path = tmp_path / "talks.md"
    path.write_text(text, encoding="utf-8")
    meetings = paperlab.Schedule.from_file(path).meetings
    assert [(m.presenters, m.note) for m in meetings] == talks
    assert all(m.date is None and not m.papers for m in meetings)
    with pytest.warns(MeetingsOnlyWarning, match=r"only 3 meetings \(3 with a speaker"):
        assert len(paperlab.load(path)) == 0


def test_titles_linking_papers_are_readings_not_talks(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(
        "# Reading list\n\n"
        "- [Ada Quill](https://ada.example): [*Sparse widget rings*](https://arxiv.org/abs/2401.01234)\n"
        "- [Bo Renn](https://bo.example): [*Routing gadgets*](https://arxiv.org/abs/2402.04321)\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = paperlab.load(path)
    assert sorted(p.arxiv_id for p in lib) == ["2401.01234", "2402.04321"]


@pytest.mark.parametrize(
    "text",
    [
        # a reference's authors before its emphasised title: no speaker, no affiliation
        "# Papers\n\n- Ada Quill, Bo Renn: *Sparse widget rings for gadgets*\n- Cy Moss, Di Vale: *Routing gadgets on graphs*\n",
        # a tool list: the links are repositories, not people's pages
        "# Tools\n\n- [Widgeteer](https://github.com/ada/widgeteer) - *Widgets for gadget graphs*\n"
        "- [Gadgetry](https://github.com/bo/gadgetry) - *Gadget routing made simple*\n",
    ],
)
def test_author_lists_and_tool_lists_are_no_talks(tmp_path: Path, text: str) -> None:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    assert paperlab.sources.detect_format(path) != "schedule"

"""A seminar's schedule whose talks sometimes present a paper (``title:`` the talk's, ``paper:`` a link,
``speaker:``/``affiliation:``/``link:`` the speaker's): the linked papers are papers, the other titles talks, the
speaker's page no paper. A reading group's title-and-link columns without speakers stay papers. Our own small files
(session 17, helper SC5)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import paperlab

SEMINAR_YAML = """# keys: date, type (internal | invited), member or speaker/affiliation/link, title, paper
- date: 2026-05-29
  type: internal
  member: ada-quill
  title: "Widget Rings: A Theoretical Analysis of Gadget Dynamics"
  paper: https://arxiv.org/abs/2506.01234

- date: 2026-06-12
  type: invited
  speaker: "Bo Renn"
  affiliation: "Gadget University"
  link: https://bo.example.org/
  title: "An Algebraic Approach to Widget Routing"
  abstract: |
    A talk about widgets.

- date: 2026-06-26
  type: internal
  member: cy-moss
  title: "Continual gadget learning"
"""
SEMINAR_CSV = """date,speaker,affiliation,title,paper
2026-05-29,Ada Quill,Widget Institute,Widget Rings: A Theoretical Analysis of Gadget Dynamics,https://arxiv.org/abs/2506.01234
2026-06-12,Bo Renn,Gadget University,An Algebraic Approach to Widget Routing,
2026-06-26,Cy Moss,Sprocket Lab,Continual gadget learning,
"""


@pytest.mark.parametrize(("name", "text"), [("seminar.yaml", SEMINAR_YAML), ("seminar.csv", SEMINAR_CSV)])
def test_only_the_linked_papers_of_a_seminar_are_papers(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = paperlab.load(path)
    assert [(p.title, p.arxiv_id) for p in lib] == [
        ("Widget Rings: A Theoretical Analysis of Gadget Dynamics", "2506.01234")
    ]
    meetings = paperlab.Schedule.from_file(path).meetings
    assert [m.note for m in meetings[1:]] == ["An Algebraic Approach to Widget Routing", "Continual gadget learning"]
    assert not any(m.skipped for m in meetings)  # talks given, their speakers named or not


def test_a_reading_groups_titles_beside_links_stay_papers(tmp_path: Path) -> None:
    path = tmp_path / "readings.csv"
    path.write_text(
        "date,presenter,title,paper\n"
        "2026-05-29,Ada Quill,Widget Rings: A Theoretical Analysis,https://arxiv.org/abs/2506.01234\n"
        "2026-06-12,Bo Renn,Gadget routing on sparse widget graphs,\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = paperlab.load(path)
    assert [p.title for p in lib] == ["Widget Rings: A Theoretical Analysis", "Gadget routing on sparse widget graphs"]

"""Presenters written with their degrees or a role (session 15, helper SC3), on our own small files in several
formats: "Name, Ph.D." / "Name, MD, MPH" is one person, "Name, Jr." keeps its suffix, and a role label before a
colon ("Visiting professor: Dr. Name", "Moderator: Name") is no part of the name."""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlab.services.sessions import Schedule


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


MARKDOWN = """# Imaging journal club

| Date | Presenter | Paper |
|---|---|---|
| 2024-10-04 | Ada Quill, Ph.D. | [Lantern microscopy in deep tissue](https://doi.org/10.1000/lantern.1) |
| 2024-10-11 | **Visiting professor:** Dr. Bo Renn | Widget optics for fast light-sheet imaging |
| 2024-10-18 | Cara Diaz, MD, MPH & Dan Moss | Folded kernels for tissue clearing |
| 2024-10-25 | Martin Lune, Jr. | Sparse Lanterns for Night Vision in Urban Scenes |
"""

CSV = """date,speaker,paper
2024-03-05,"Ada Quill, PhD",Lantern microscopy in deep tissue
2024-03-12,"Bo Renn, M.D., and Cara Diaz, MSc",Widget optics for fast light-sheet imaging
2024-03-19,Moderator: Dan Moss,Folded kernels for tissue clearing
"""

YAML = """meetings:
  - date: 2023-09-14
    presenter: Ada Quill, Ph.D
    paper: Lantern microscopy in deep tissue
  - date: 2023-09-21
    presenter: "Guest speaker: Bo Renn"
    paper: Widget optics for fast light-sheet imaging
"""


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "club.md",
            MARKDOWN,
            [["Ada Quill"], ["Dr. Bo Renn"], ["Cara Diaz", "Dan Moss"], ["Martin Lune Jr"]],
        ),
        ("club.csv", CSV, [["Ada Quill"], ["Bo Renn", "Cara Diaz"], ["Dan Moss"]]),
        ("club.yaml", YAML, [["Ada Quill"], ["Bo Renn"]]),
    ],
)
def test_degrees_and_roles_are_no_presenters(tmp_path: Path, name: str, text: str, expected: list[list[str]]) -> None:
    schedule = Schedule.from_file(_write(tmp_path, name, text))
    assert [m.presenters for m in schedule.meetings] == expected
    assert all(m.papers for m in schedule.meetings)  # the rows are still meetings with their papers


def test_plain_names_and_a_person_called_md_are_kept(tmp_path: Path) -> None:
    text = "| Date | Presenter | Paper |\n|---|---|---|\n| 2024-10-04 | Md Rahman, Ada Quill | Lantern microscopy |\n"
    schedule = Schedule.from_file(_write(tmp_path, "club.md", text))
    assert schedule.meetings[0].presenters == ["Md Rahman", "Ada Quill"]


OTHER_LANGUAGES = """date,speaker,paper
2024-08-14,Ana Lima e Rui Santos,Lanternas esparsas para visão noturna em cenas urbanas
2024-08-21,Karl Weber und Greta Hahn,Widget Routing at Scale with Folded Kernels
2024-08-28,Cancelado — alerta climático,
2024-09-04,Feriado,
2024-09-11,Ortega y Gasset,Folded Kernels for Tissue Clearing in Deep Microscopy
"""


def test_two_presenters_joined_in_another_language_and_called_off_weeks(tmp_path: Path) -> None:
    # seen on SC3's validation round after its end score (burned): "X e Y" presenters, "Cancelado"/"Feriado" weeks
    schedule = Schedule.from_file(_write(tmp_path, "club.csv", OTHER_LANGUAGES))
    assert [m.presenters for m in schedule.meetings] == [
        ["Ana Lima", "Rui Santos"],
        ["Karl Weber", "Greta Hahn"],
        [],
        [],
        ["Ortega y Gasset"],  # a surname with "y" stays one person
    ]
    assert [m.skipped for m in schedule.meetings] == [False, False, True, True, False]

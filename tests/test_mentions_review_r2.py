"""The late review's findings (R2) on the generic paper finder's bylines and on notes without presenter lines
(our own inline text)."""

from __future__ import annotations

from pathlib import Path

import pytest

import paperlab
from paperlab.errors import FoundByFinderWarning
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


_NOTES = """# Notes on efficient attention

Main paper: [Routing Tool Calls with Small Language Models](https://arxiv.org/abs/2602.01234)

Also related: Linformer (arXiv:2006.04768), and a sequel we have not read, see arXiv:2009.14794.

## Takeaways

- attention can be cheap

## Questions

- does it scale?
"""


def _notes_session(tmp_path: Path) -> paperlab.Session:
    with pytest.warns(FoundByFinderWarning, match="notes without presenter lines"):  # nothing lost: no partial import
        return paperlab.Session.from_file(_notes_file(tmp_path))


def _notes_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.md"
    path.write_text(_NOTES, encoding="utf-8")
    return path


def test_notes_naming_several_papers_never_title_one_by_the_notes_heading(tmp_path: Path) -> None:
    session = _notes_session(tmp_path)
    assert [(e.paper.title, e.paper.arxiv_id) for e in session.entries] == [
        ("Routing Tool Calls with Small Language Models", "2602.01234"),
        ("Linformer", "2006.04768"),  # the name before the id's parenthesis
        ("arXiv:2009.14794", "2009.14794"),  # no name near it: named by its id
    ]
    assert session.theme == "Notes on efficient attention"


def test_a_part_of_notes_is_no_title_and_one_papers_notes_keep_their_heading() -> None:
    (paper,), _ = find_papers("# Notes\n\n## Takeaways\n\nWe should read arXiv:2006.04768 next.\n", "n.md")
    assert paper.title == "arXiv:2006.04768"  # not "Takeaways"
    (paper,), _ = find_papers("# Routing Tool Calls with Small Models\n\nRead it at arXiv:2602.01234.\n", "n.md")
    assert paper.title == "Routing Tool Calls with Small Models"  # one paper: the heading is its title


def test_the_agenda_of_notes_leaves_out_the_missing_presenter(tmp_path: Path) -> None:
    agenda = _notes_session(tmp_path).to_markdown()
    assert "****" not in agenda
    assert "1. [Routing Tool Calls with Small Language Models](https://arxiv.org/abs/2602.01234)\n" in agenda
    assert "2. [Linformer](https://arxiv.org/abs/2006.04768)\n   - attention can be cheap\n" in agenda


def test_each_entry_of_notes_has_its_own_takeaways_and_questions(tmp_path: Path) -> None:
    first, second, third = _notes_session(tmp_path).entries
    first.takeaways.append("only the first paper's")
    first.questions.clear()
    assert second.takeaways == third.takeaways == ["attention can be cheap"]
    assert second.questions == third.questions == ["does it scale?"]


def test_loading_notes_as_a_session_says_the_finder_read_them(tmp_path: Path) -> None:
    with pytest.warns(FoundByFinderWarning, match=r"notes without presenter lines.*3 papers found, none skipped"):
        lib = paperlab.load(_notes_file(tmp_path), format="session")
    assert sorted(p.arxiv_id for p in lib) == ["2006.04768", "2009.14794", "2602.01234"]

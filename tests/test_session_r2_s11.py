"""Reviewer R2's findings of session 11 on sessions and one-paper notes (our own small files): takeaways from
"Key ideas"/"Notes" sections, a related-work address in the notes is no presentation, a linked heading as theme,
"## Presenter: X" headings with "A, B — arXiv:…" and "— Venue 2024" bylines."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from paperlab import Session

_NOTE = """# [Sprocket Transport for Small Gears](https://arxiv.org/abs/2204.01234)

_April 2022_

tl;dr: Sprockets carry gears further.

#### Overall impression
The sprocket model reaches 9% error on GearSet with 200 labels.

#### {section}
- Sprockets are chained in two rings.
- A smoothing pass flattens the guessed gear labels.

#### Notes
- A colleague thinks it is close to https://arxiv.org/abs/2204.05678
- Nothing on a large gear set.
"""


def _session(tmp_path: Path, text: str, name: str = "note.md") -> Session:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Session.from_file(path)


@pytest.mark.parametrize("section", ["Takeaways", "Key ideas", "Main points", "Highlights", "Key insights"])
def test_a_notes_key_ideas_are_its_takeaways_and_a_related_address_is_no_presentation(
    tmp_path: Path, section: str
) -> None:
    s = _session(tmp_path, _NOTE.format(section=section))
    assert [(e.paper.title, e.paper.arxiv_id) for e in s.entries] == [
        ("Sprocket Transport for Small Gears", "2204.01234")
    ]
    assert s.entries[0].takeaways == [
        "Sprockets are chained in two rings.",
        "A smoothing pass flattens the guessed gear labels.",
        # the "Notes" list after it is what the reader took away too (session 12, R4's finding 8: it was lost)
        "A colleague thinks it is close to https://arxiv.org/abs/2204.05678",
        "Nothing on a large gear set.",
    ]


def test_a_notes_section_gives_takeaways_when_no_other_section_does(tmp_path: Path) -> None:
    text = "# Sprocket Transport for Small Gears\n\nhttps://arxiv.org/abs/2204.01234\n\n## Notes\n- Two rings.\n- Smooth.\n"
    s = _session(tmp_path, text)
    assert [e.paper.arxiv_id for e in s.entries] == ["2204.01234"]
    assert s.entries[0].takeaways == ["Two rings.", "Smooth."]


def test_a_linked_heading_is_the_theme_as_text_and_the_agenda_escapes_nothing_of_it(tmp_path: Path) -> None:
    s = _session(tmp_path, _NOTE.format(section="Key ideas"))
    assert s.theme == "Sprocket Transport for Small Gears"
    assert s.to_markdown().splitlines()[0] == "# Sprocket Transport for Small Gears"


_TALKS = """# Gear reading circle — meeting 7 (2025-05-06)

{label}Ivo Brandt

### Sprocket Nets: Constant-Time Gear Reading
Lena Moss, Mira Holt — arXiv:2403.00042

Results

| Model | GearBench acc. | CogQA F1 |
|---|---|---|
| Sprocket-L | 82.4 | 66.1 |
| Chain-L | 80.2 | 63.0 |

Takeaways
- Constant time in chain length

{label}Tove Anand

### Ratchet Mixtures for Gear Models
Noor Haddad — ICML 2024

Results

| Method | Top-1 (%) |
|---|---|
| RatchetMix | 78.3 |
| Baseline | 75.9 |

Questions
- Does it hold past 2B gears?
"""


@pytest.mark.parametrize("label", ["## Presenter: ", "Presenter: "])
def test_presenter_headings_bylines_with_an_id_or_a_venue(tmp_path: Path, label: str) -> None:
    s = _session(tmp_path, _TALKS.format(label=label), "talks.md")
    got = [(e.presenter, e.paper.title, e.paper.authors, e.paper.arxiv_id, e.paper.journal_ref) for e in s.entries]
    assert got == [
        ("Ivo Brandt", "Sprocket Nets: Constant-Time Gear Reading", ["Lena Moss", "Mira Holt"], "2403.00042", None),
        ("Tove Anand", "Ratchet Mixtures for Gear Models", ["Noor Haddad"], None, "ICML 2024"),
    ]
    assert len(s.results) == 6
    assert s.entries[1].questions == ["Does it hold past 2B gears?"]


def test_load_reads_markdown_talk_notes_with_presenter_headings(tmp_path: Path) -> None:
    """paperlab.load gives every presented paper (not only the one with an arXiv id) and compare() its tables."""
    import paperlab

    path = tmp_path / "talks.md"
    path.write_text(_TALKS.format(label="## Presenter: "), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = paperlab.load(path)
    assert [(p.title, p.arxiv_id, p.authors) for p in lib] == [
        ("Sprocket Nets: Constant-Time Gear Reading", "2403.00042", ["Lena Moss", "Mira Holt"]),
        ("Ratchet Mixtures for Gear Models", None, ["Noor Haddad"]),
    ]
    assert [len(r) for r in lib.compare()["results"]] == [1, 1]  # one table of results each

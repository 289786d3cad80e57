"""BibTeX as exports write it for titles with math and authors that are bodies (session 23, helper IM7; the shapes of
SW14's blind round): a math symbol's macro typed and escaped by Google Scholar ('C $\\^{}$\\backslash$sharp$') and
a sharp set apart from its letter read as 'C♯'; an organisation whose name holds "and" is one author; braced bodies
({OpenAI}, {Google DeepMind}) stay one name and 'Bronner, Simon J.' keeps Bronner as the family name. Made-up
entries of ours."""

from __future__ import annotations

from pathlib import Path

import paperlab
from paperlab.latex import readable
from paperlab.names import name_parts

_BIB = r"""
@inproceedings{quill2010widgets,
  title = {Adding Widget Types to C $\^{}$\backslash$sharp$},
  author = {Quill, Ada and Renn, Bo},
  booktitle = {Pretend Conference on Lanterns},
  year = {2010}
}
@article{okafor2012keys,
  title = {Lantern Songs in $F \sharp$ Minor and $B \flat$ Major},
  author = {Okafor, Dele},
  journal = {Journal of Made-up Tunes},
  year = {2012}
}
@techreport{agency1976lanterns,
  title = {Standard Lanterns of the Upper Fog},
  author = {National Oceanic and Atmospheric Administration},
  year = {1976}
}
@misc{health2020lanterns,
  title = {Lantern Safety at Home},
  author = {Department of Health and Human Services},
  year = {2020}
}
@misc{braced2023,
  title = {A Report on Pretend Lanterns},
  author = {{OpenAI} and {Google DeepMind} and Bronner, Simon J.},
  year = {2023}
}
@misc{two2024,
  title = {Lanterns Counted by Two},
  author = {Google DeepMind and Ada Quill},
  year = {2024}
}
@misc{labs2025,
  title = {Lanterns Counted by Two Labs},
  author = {Lantern Research and Heronsoft},
  year = {2025}
}
"""


def _papers(tmp_path: Path) -> list[paperlab.Paper]:
    path = tmp_path / "refs.bib"
    path.write_text(_BIB, encoding="utf-8")
    return list(paperlab.load(path))


def test_a_typed_math_symbol_and_a_sharp_apart_from_its_letter_read_as_the_note(tmp_path: Path) -> None:
    titles = sorted(p.title for p in _papers(tmp_path))
    assert "Adding Widget Types to C♯" in titles
    assert "Lantern Songs in F♯ Minor and B♭ Major" in titles
    assert readable(r"Adding Widget Types to C$^\sharp$") == "Adding Widget Types to C♯"


def test_an_organisation_whose_name_holds_and_is_one_author(tmp_path: Path) -> None:
    by_title = {p.title: p.authors for p in _papers(tmp_path)}
    assert by_title["Standard Lanterns of the Upper Fog"] == ["National Oceanic and Atmospheric Administration"]
    assert by_title["Lantern Safety at Home"] == ["Department of Health and Human Services"]
    assert by_title["Lanterns Counted by Two"] == ["Google DeepMind", "Ada Quill"]  # guard: two authors stay two
    assert by_title["Lanterns Counted by Two Labs"] == ["Lantern Research", "Heronsoft"]  # a complete body, then one


def test_braced_bodies_stay_whole_and_a_family_name_before_its_comma_stays_the_family_name(tmp_path: Path) -> None:
    """Guards (read right before this session too): {OpenAI} and {Google DeepMind} are one name each; 'Bronner,
    Simon J.' is Simon J. Bronner, family name Bronner."""
    authors = {p.title: p.authors for p in _papers(tmp_path)}["A Report on Pretend Lanterns"]
    assert authors == ["OpenAI", "Google DeepMind", "Simon J. Bronner"]
    assert name_parts(authors[2])[0] == "Bronner"

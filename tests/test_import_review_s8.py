"""Importer findings of session 8's review, each a rule tested on our own small made-up records:

- generic JSON whose authors are ``{"name": …}`` objects is no CSL-JSON (refused with a ParseError, as before);
  a CSL item's ``{"name": …}`` is read as a literal, and a name object the reader cannot read is named in a warning,
  never dropped silently;
- BibTeX ``Alcaraz, J. et al.`` is J. Alcaraz with the byline cut short (not "J. et al. Alcaraz");
- CSL ``literal`` organisations written with a comma ("Google, DeepMind", "NASA, Goddard") are kept as written,
  while people written "Family, Given" are still turned round;
- an RIS author with an equal-contribution mark and no comma ("Zhihang Yuan*") loses the mark;
- ``text.split_et_al`` / ``text.drop_et_al``: the one home of the importers' "et al." check (paper lists and
  DailyArXiv tables use them).
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.names import drop_et_al, split_et_al
from paperlab.sources import detect_format


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_generic_json_with_name_objects_is_not_read_as_csl(tmp_path: Path) -> None:
    """Not CSL (its names are no CSL name objects); since session 11 (IM3) read as a home-made paper list, which it
    is, where it was refused."""
    generic = [{"title": "A study of things", "author": [{"name": "Ada Quill"}], "year": 2020}]
    path = _write(tmp_path, "things.json", json.dumps(generic))
    assert detect_format(path) == "json_list"
    (paper,) = paperlab.load(path)
    assert (paper.authors, paper.published, paper.sources[0].name) == (["Ada Quill"], dt.date(2020, 1, 1), "json_list")


def test_csl_name_objects_it_cannot_read_are_named_in_a_warning(tmp_path: Path) -> None:
    item = {
        "id": "quill2020",
        "type": "article-journal",
        "title": "A study of things",
        "author": [
            {"name": "Ada Quill"},
            {"firstName": "Bo", "lastName": "Lindgren"},
            {"family": "Ng", "given": "Kim"},
        ],
        "issued": {"date-parts": [[2020]]},
    }
    path = _write(tmp_path, "items.json", json.dumps([item]))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        (paper,) = paperlab.load(path)
    assert paper.authors == ["Ada Quill", "Kim Ng"]  # a bare "name" is a literal: the author is kept
    messages = [str(w.message) for w in caught]
    assert any("items.json" in m and "'quill2020'" in m and "Lindgren" in m for m in messages), messages
    # a file whose names all read raises no warning
    item["author"] = [{"family": "Ng", "given": "Kim"}, {"literal": "Ada Quill"}]
    clean = _write(tmp_path, "clean.json", json.dumps([item]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert paperlab.load(clean)[0].authors == ["Kim Ng", "Ada Quill"]


def test_bibtex_et_al_after_a_name_written_family_first(tmp_path: Path) -> None:
    bib = "@article{alcaraz2019,\n  title = {Small rivers},\n  author = {Alcaraz, J. et al.},\n  year = {2019}\n}\n"
    (paper,) = paperlab.load(_write(tmp_path, "refs.bib", bib))
    assert paper.authors == ["J. Alcaraz"]
    assert paper.extra["more_authors"] is True and paper.byline() == "J. Alcaraz et al."
    assert "author = {J. Alcaraz and others}" in paper.to_bibtex()


ORGANISATIONS = [
    "Google, DeepMind",
    "Microsoft, Research Asia",
    "NASA, Goddard",
    "Google AI, Zurich",  # AI, the acronym
    "Deutsche Bank, Frankfurt",  # an organisation word in a family side of more than one word
    "University of Tokyo, Japan",
]
PEOPLE = {
    "Derese, Solomon": "Solomon Derese",
    "van der Berg, Anna": "Anna van der Berg",
    "Okafor, N.": "N. Okafor",
    "Hasegawa, Ai": "Ai Hasegawa",  # Ai, a given name, is not the acronym AI
    "Bank, Anna": "Anna Bank",  # a surname that is also an organisation word
    "Press, J.": "J. Press",
}


def test_csl_literal_organisations_kept_people_turned_round(tmp_path: Path) -> None:
    names = [*ORGANISATIONS, *PEOPLE]
    items = [
        {"id": f"n{i}", "type": "report", "title": f"Report number {i}", "author": [{"literal": name}]}
        for i, name in enumerate(names)
    ]
    papers = paperlab.load(_write(tmp_path, "literals.json", json.dumps(items)))
    assert [p.authors for p in papers] == [[n] for n in ORGANISATIONS] + [[v] for v in PEOPLE.values()]
    deepmind = papers[0].to_bibtex()
    assert "DeepMind Google" not in deepmind and "Google, DeepMind" in deepmind


def test_ris_equal_contribution_mark_without_comma(tmp_path: Path) -> None:
    ris = "TY  - JOUR\nTI  - Marked names\nAU  - Zhihang Yuan*\nAU  - Lee^, Yong Jae\nPY  - 2023\nER  - \n"
    (paper,) = paperlab.load(_write(tmp_path, "marks.ris", ris))
    assert paper.authors == ["Zhihang Yuan", "Yong Jae Lee"]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("van der Pol et al.", ("van der Pol", True)),
        ("Yun Chen, et.al.", ("Yun Chen", True)),
        ("Ada Lovelace and others", ("Ada Lovelace", True)),
        ("Alcaraz, J. et alii", ("Alcaraz, J.", True)),
        ("Etalon Smith", ("Etalon Smith", False)),
        ("Ada Lovelace", ("Ada Lovelace", False)),
    ],
)
def test_one_home_for_a_byline_cut_short(byline: str, expected: tuple[str, bool]) -> None:
    assert split_et_al(byline) == expected


def test_et_al_inside_a_line_is_found_and_dropped() -> None:
    assert drop_et_al("(Hoppe et al., 2020)") == ("(Hoppe, 2020)", True)
    assert drop_et_al("Vaswani et.al. 2017") == ("Vaswani 2017", True)
    assert drop_et_al("metal alloys, etalon filters") == ("metal alloys, etalon filters", False)

"""Session 19 (FX6): the general JSON readings of session 19 read no settings, glossary or people file as papers.

Our own made-up files, written by the tests: JSON objects keyed by phrases whose values are no dates (settings, a
glossary of abbreviations, word counts, translations) and objects of objects keyed by phrases whose records have no
paper field (CI jobs, people) — each was refused before session 19 and must stay refused ("JSON of unknown shape")
rather than land in the user's library as papers; the shapes the readings were made for still load.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

import paperlab
from paperlab.errors import ParseError


def _write(tmp_path: Path, name: str, data: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _load(path: Path) -> tuple[list[paperlab.Paper], list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        papers = list(paperlab.load(path))
    return papers, [str(w.message) for w in caught]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "editor_settings.json",
            {"Wrap long lines always": True, "Show the minimap panel": False, "Tab width in spaces": 4},
        ),
        ("glossary.json", {"Widget folding energy": "WFE", "Mean crease depth": "MCD", "Area under the fold": "AUF"}),
        ("word_counts.json", {"on the other hand": 4211, "in the case of": 3980, "with respect to the": 2875}),
        ("phrases_de.json", {"Close the widget drawer": "Schließen", "Fold this sheet again": "Falten"}),
    ],
)
def test_an_object_of_phrases_with_values_that_are_no_dates_is_refused_not_read_as_papers(
    tmp_path: Path, name: str, data: dict[str, Any]
) -> None:
    with pytest.raises(ParseError) as caught:
        paperlab.load(_write(tmp_path, name, data))
    message = str(caught.value)
    assert name in message and "unknown shape" in message and "expected" in message


def test_an_object_of_titles_with_years_and_dates_still_reads_each_key_as_a_paper(tmp_path: Path) -> None:
    data = {
        "Folding Widgets under Load": 2021,
        "Crease Memory in Thin Sheets": "2022-05",
        "Sheets That Fold Back": None,
    }
    papers, _ = _load(_write(tmp_path, "seen.json", data))
    assert [(p.title, p.published.year if p.published else None) for p in papers] == [
        ("Folding Widgets under Load", 2021),
        ("Crease Memory in Thin Sheets", 2022),
        ("Sheets That Fold Back", None),
    ]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "workflow_jobs.json",
            {
                "Fold the widgets on linux": {"runs-on": "ubuntu-latest", "name": "Fold"},
                "Publish the crease docs": {"runs-on": "ubuntu-latest", "name": "Docs"},
            },
        ),
        (
            "people.json",
            {"Ada Quill Renn": {"born": 1871, "country": "NZ"}, "Dele Okafor Marsh": {"born": 1902, "country": "GH"}},
        ),
    ],
)
def test_an_object_of_records_keyed_by_phrases_without_paper_fields_is_refused_not_read_as_papers(
    tmp_path: Path, name: str, data: dict[str, Any]
) -> None:
    with pytest.raises(ParseError) as caught:
        paperlab.load(_write(tmp_path, name, data))
    message = str(caught.value)
    assert name in message and "unknown shape" in message and "expected" in message


def test_records_keyed_by_their_titles_with_a_paper_fields_still_take_the_key_as_title(tmp_path: Path) -> None:
    data = {
        "Folding Widgets under Load": {"authors": ["Ada Quill"], "year": 2021},
        "Crease Memory in Thin Sheets": {"venue": "Journal of Widget Studies", "doi": "10.5555/jws.2022.3"},
    }
    papers, _ = _load(_write(tmp_path, "keyed.json", data))
    assert [(p.title, p.doi) for p in papers] == [
        ("Folding Widgets under Load", None),
        ("Crease Memory in Thin Sheets", "10.5555/jws.2022.3"),
    ]
    assert [str(a) for a in papers[0].authors] == ["Ada Quill"]


def test_an_author_with_a_one_letter_family_name_is_kept_and_the_dotted_placeholders_still_dropped(
    tmp_path: Path,
) -> None:
    bib = tmp_path / "widgets.bib"
    bib.write_text(
        "@article{o2024,\n  title = {Folding Widgets in Seoul},\n  author = {O, A. and Quill, Ada},\n  year = {2024}\n}\n"
        "@article{nn2023,\n  title = {Crease Memory Revisited},\n  author = {N.N.},\n  year = {2023}\n}\n",
        encoding="utf-8",
    )
    kept, unnamed = _load(bib)[0]
    assert [str(a) for a in kept.authors] == ["A. O", "Ada Quill"]  # Korean family name O: a person, no "o.A."
    assert not unnamed.authors
    csl = _write(
        tmp_path,
        "names.csl.json",
        [
            {
                "type": "article",
                "title": "Sheets That Fold Back",
                "author": [{"family": "O", "given": "A."}, {"family": "o. V."}],
            }
        ],
    )
    (paper,) = _load(csl)[0]
    assert [str(a) for a in paper.authors] == ["A. O"]


def test_author_ids_mixed_with_other_values_are_left_out_with_the_warning(tmp_path: Path) -> None:
    data = [
        {"Title": "Folding Widgets under Load", "authors": [3, True]},
        {"Title": "Crease Memory in Thin Sheets", "authors": ["Ada Quill", 7]},
        {"Title": "Sheets That Fold Back", "authors": ["Dele Okafor"]},
    ]
    papers, messages = _load(_write(tmp_path, "mixed_ids.json", data))
    assert [[str(a) for a in p.authors] for p in papers] == [[], ["Ada Quill"], ["Dele Okafor"]]
    said = [m for m in messages if "as numbers" in m]
    assert len(said) == 1 and "item 1, item 2:" in said[0] and "mixed_ids.json" in said[0]


def test_a_link_in_a_records_bibtex_string_is_taken_only_when_it_is_a_web_address(tmp_path: Path) -> None:
    data = [
        {"Title": "Folding Widgets under Load", "bib": "@misc{w1, title={x}, url={javascript:alert(1)}, year={2030}}"},
        {"Title": "Crease Memory in Thin Sheets", "bib": "@misc{w2, title={y}, url={https://widgets.example.org/w2}}"},
    ]
    papers, _ = _load(_write(tmp_path, "bib_links.json", data))
    assert [p.url for p in papers] == [None, "https://widgets.example.org/w2"]
    assert papers[0].published is not None and papers[0].published.year == 2030  # the rest of the entry still read

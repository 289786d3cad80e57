"""Home-made JSON paper lists read by what their fields mean, not by one layout (session 17, helper IM13): keys in a
language's form ("title_he", "author_en"), identifier lists ({"type": "doi", "id": …}), a portfolio's records whose
keys name no field ("heading", "subheading", "subtitle") read by their values, and a publication list inside a
larger object. Each file is our own; lists of other things stay refused."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError


def _load(tmp_path: Path, data: object, name: str = "list.json") -> list[paperlab.Paper]:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return list(paperlab.load(path))


HEBREW = {
    "schema": "site/bibliography/v1",
    "purpose_he": "מקור אחד לספרות",
    "works": [
        {"id": "w1", "kind": "book", "title_he": "ספר הגנים", "author_he": "עדה קוויל", "year": 2006},
        {"id": "w2", "kind": "website", "title_he": "אתר הגנים", "url": "https://example.org/gardens"},
        {"id": "w3", "kind": "book", "title_he": "The Quest for Tidal Gardens", "author_he": "Bo Dale", "year": 2011},
    ],
}


def test_language_suffixed_keys_are_their_fields(tmp_path: Path) -> None:
    papers = _load(tmp_path, HEBREW)
    assert [p.title for p in papers] == ["ספר הגנים", "אתר הגנים", "The Quest for Tidal Gardens"]
    assert papers[0].authors == ["עדה קוויל"] and papers[0].published == dt.date(2006, 1, 1)
    assert papers[1].url == "https://example.org/gardens" and papers[2].authors == ["Bo Dale"]


def test_plain_then_english_key_preferred_and_ids_are_no_language(tmp_path: Path) -> None:
    data = [
        {"title_fr": "Les jardins des marées", "title_en": "Tidal gardens", "paper_id": "x1", "year": 2020},
        {"title_de": "Seetang unter Glas", "title": "Kelp under glass", "paper_no": "7", "year": 2021},
    ]
    papers = _load(tmp_path, data)
    assert [p.title for p in papers] == ["Tidal gardens", "Kelp under glass"]


PORTFOLIO = [
    {
        "heading": "Tidal Gardens: Linear-Time Kelp Counting for Quiet Bays",
        "subheading": "Journal of Quiet Places (JQP), Special Issue on Bays",
        "description1": "2024",
        "subtitle": "Ada Quill, Bo Dale, Cora Vint",
        "content": ["Published in JQP 2024.", '<a href="https://example.org/jqp/1" target="_blank">View</a>'],
    },
    {
        "heading": "Lazy Moths and Lazy Lantern Algorithms",
        "subheading": "To appear in QRW 2025",
        "description1": "2025",
        "subtitle": "Bo Dale, Eli Moss",
        "content": ['<a href="https://arxiv.org/abs/2402.17206">View preprint</a>'],
    },
]


def test_portfolio_records_read_by_their_values(tmp_path: Path) -> None:
    papers = _load(tmp_path, PORTFOLIO)
    assert [p.title for p in papers] == [
        "Tidal Gardens: Linear-Time Kelp Counting for Quiet Bays",
        "Lazy Moths and Lazy Lantern Algorithms",  # title case, no byline
    ]
    assert papers[0].authors == ["Ada Quill", "Bo Dale", "Cora Vint"]
    assert papers[0].journal_ref == "Journal of Quiet Places (JQP), Special Issue on Bays"
    assert papers[0].url == "https://example.org/jqp/1" and papers[0].published == dt.date(2024, 1, 1)
    assert papers[1].authors == ["Bo Dale", "Eli Moss"] and papers[1].arxiv_id == "2402.17206"


def test_publications_inside_a_larger_object(tmp_path: Path) -> None:
    data = {
        "name": "Ada Quill",
        "bio": "I study tidal gardens.",
        "cv": {
            "education": [{"degree": "PhD", "school": "Quiet University", "year": 2019}],
            "publications": [
                {"title": "Tidal gardens", "authors": "Ada Quill, Bo Dale", "venue": "JQP", "year": 2021},
                {"title": "Kelp under glass", "authors": ["Ada Quill"], "venue": "QRW", "year": 2022},
            ],
        },
    }
    papers = _load(tmp_path, data)
    assert [(p.title, p.authors, p.journal_ref) for p in papers] == [
        ("Tidal gardens", ["Ada Quill", "Bo Dale"], "JQP"),
        ("Kelp under glass", ["Ada Quill"], "QRW"),
    ]


def test_identifier_lists_give_dois_and_arxiv_ids(tmp_path: Path) -> None:
    data = [
        {"title": "Tidal gardens", "year": 2020, "identifier": [{"type": "doi", "id": "10.1234/tg.2020.1"}]},
        {"title": "Kelp under glass", "year": 2021, "ids": {"arxiv": "2101.00001", "mag": "123"}},
        {"title": "Reed beds", "year": 2022, "identifiers": ["doi:10.1234/rb.5", "arXiv:2203.01234v2"]},
        {"title": "Moss", "year": 2023, "external_ids": [{"scheme": "arXiv", "value": "hep-th/9901001"}]},
    ]
    papers = _load(tmp_path, data)
    assert [(p.doi, p.arxiv_id) for p in papers] == [
        ("10.1234/tg.2020.1", None),
        (None, "2101.00001"),
        ("10.1234/rb.5", "2203.01234"),
        (None, "hep-th/9901001"),
    ]


@pytest.mark.parametrize(
    "data",
    [
        [{"user": "Ada Quill", "message": "See you all at the meeting tomorrow", "time": "2024"}] * 3,
        [{"sku": "A-1", "label": "Blue garden hose, ten metres long", "price": 12}] * 2,
        {"team": [{"role": "Lead engineer of the group", "person": "Ada Quill"}]},
    ],
)
def test_lists_of_other_things_stay_refused(tmp_path: Path, data: object) -> None:
    with pytest.raises(ParseError):
        _load(tmp_path, data)


def test_repository_records_author_objects_and_loose_source_key(tmp_path: Path) -> None:
    data = {
        "generated_at": "2026-02-04",
        "stats": {"total": 2},
        "publications": [
            {
                "id": "repo-1",
                "source": "repo",
                "title": "Tidal gardens",
                "year": 2026,
                "authors": [{"raw": "Quill, Ada", "normalized": "Quill, Ada", "person_id": None}],
                "journal": "Journal of Quiet Places",
            },
            {"id": "repo-2", "title": "Kelp under glass", "year": 2025, "source": "Quiet Bays Review"},
        ],
    }
    papers = _load(tmp_path, data)
    assert [(p.authors, p.journal_ref) for p in papers] == [
        (["Ada Quill"], "Journal of Quiet Places"),  # the journal, not the repository the record came from
        ([], "Quiet Bays Review"),  # a source alone is still the venue
    ]

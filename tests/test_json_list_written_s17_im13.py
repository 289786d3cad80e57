"""JSON records whose one text is no reference (a chat export's messages, a news feed's items) make no papers; texts
that write a reference out (a byline and a title, a "[Venue]" tag, an index note "（CCF A）") still do (session 17,
helper IM13). Our own small files."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError, PartialImportWarning

CHAT = [
    {"id": 1, "content": "Great talk today by the speaker, see slides.", "link": "https://example.org/1"},
    {"id": 2, "content": "Meeting moved to Friday. Bring snacks, 2024.", "link": "https://example.org/2"},
]
NEWS = [
    {
        "year": 2023,
        "items": [
            {"id": 1, "content": "Released version 2.0 of the toolkit. Faster builds, 2023."},
            {"id": 2, "content": "Our lab won the best poster award at NeurIPS, 2023."},
        ],
    }
]
MIXED = [
    {"id": 1, "text": "A. Quill, B. Dale. Lanterns in the fog. Journal of Lanterns, 2021.", "url": "https://e.org/1"},
    {"id": 2, "text": "Lab picnic on Saturday, everyone welcome.", "url": "https://e.org/2"},
    {"id": 3, "text": "[QRW] Moth counting on quiet rooms", "url": "https://e.org/3"},
]


def _write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "data"), [("chat.json", CHAT), ("news.json", NEWS)])
def test_messages_and_news_items_are_no_papers(tmp_path: Path, name: str, data: object) -> None:
    with pytest.raises(ParseError):
        paperlab.load(_write(tmp_path, name, data))


def test_references_kept_beside_a_message_which_is_reported(tmp_path: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        papers = paperlab.load(_write(tmp_path, "mixed.json", MIXED))
    assert [p.title for p in papers] == ["Lanterns in the fog", "Moth counting on quiet rooms"]
    assert papers[0].authors == ["A. Quill", "B. Dale"] and papers[1].journal_ref == "QRW"
    warned = [w.message for w in caught if isinstance(w.message, PartialImportWarning)]
    assert len(warned) == 1 and "mixed.json" in str(warned[0])


APA = [
    {
        "text": "Quill, A. B., & Dale, B. (2018, March). Tidal gardens at night. In Proceedings of the Quiet Bays Workshop (pp. 1-9). Moth Press.",
        "url": "https://e.org/a",
    },
    {
        "text": "Vint, C., Moss, E., & Dale Jr, B. (2017a). Kelp under glass: A study. Journal of Quiet Places, 3(2), 11-19.",
        "url": "https://e.org/b",
    },
    {
        "reference": "Lantern Society. (2019, Jan 29), Moths at the window [Video]. Moth Channel.",
        "link": "https://e.org/c",
    },
]


def test_apa_references_read_into_their_parts(tmp_path: Path) -> None:
    papers = paperlab.load(_write(tmp_path, "apa.json", APA))
    assert [(p.title, p.authors, p.published.year if p.published else None) for p in papers] == [
        ("Tidal gardens at night", ["A. B. Quill", "B. Dale"], 2018),
        ("Kelp under glass: A study", ["C. Vint", "E. Moss", "B. Dale Jr"], 2017),
        ("Moths at the window", ["Lantern Society"], 2019),
    ]
    assert papers[0].journal_ref == "Proceedings of the Quiet Bays Workshop (pp. 1-9). Moth Press"
    assert papers[1].journal_ref == "Journal of Quiet Places"  # its numbers kept apart (GF2, session 19)
    assert papers[1].extra["csl"] == {"volume": "3", "issue": "2", "page": "11-19"}


def test_a_reference_without_authors_is_kept_by_its_year_or_doi(tmp_path: Path) -> None:
    data = [
        {
            "ref": "Tidal Gardens Index 2030: Results (Quiet Bays Papers No. 4; Vol. 4). (2031). https://doi.org/10.1234/tg.4"
        },
        {"ref": "Lab picnic on Saturday, everyone welcome."},
        {"ref": "Quill, A. (2019). Kelp under glass. Moth Press."},
    ]
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        papers = paperlab.load(_write(tmp_path, "refs.json", data))
    assert len(papers) == 2 and papers[0].doi == "10.1234/tg.4" and papers[1].title == "Kelp under glass"

"""Home-made JSON lists whose records write the paper out as one text (session 16, helper IM12): a site's
publications grouped by year (``[{"year", "items": [{"id", "content", "link"}]}]``) with ``[Venue]`` tags and closing
index notes ("（CCF A）"), and sections of ``{"citation": "Authors. Title. Venue, Year."}`` records, are read
instead of refused as "JSON of unknown shape".

Each test reads one of our own small files in tests/data/import_s16_im12/ and checks what a user sees.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import paperlab
from paperlab import Paper

DATA = Path(__file__).parent / "data" / "import_s16_im12"


def _load(name: str) -> dict[str, Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return {p.title: p for p in paperlab.load(DATA / name)}


def test_groups_by_year_of_content_strings_are_papers() -> None:
    papers = _load("year_groups_content.json")
    assert list(papers) == [
        "Lantern: A Fine-Grained Adaptive Load Balancer for Quiet Rooms",
        "Exact Moth Counting for Dynamic Lanterns on GPU",
        "Moth counting system for dynamic lanterns based on updated edges",  # "（CCF A）" is no part of it
        "Riverklu: a two-dimensional sparse solver for rivers",
        "面向灯笼计数标准的上下文模型优化",
    ]
    lantern = papers["Lantern: A Fine-Grained Adaptive Load Balancer for Quiet Rooms"]
    assert (lantern.journal_ref, lantern.published) == ("QRW", dt.date(2031, 1, 1))
    assert lantern.url == "https://example.org/rec/conf/qrw/Quill31.html"
    assert all(p.published == dt.date(2030, 1, 1) for t, p in papers.items() if not t.startswith("Lantern:"))


def test_written_out_citations_give_authors_title_venue_and_year() -> None:
    papers = _load("citations_text.json")
    fog = papers["Lanterns in the fog"]
    assert (fog.authors, fog.journal_ref, fog.published) == (
        ["A. Quill", "D. Okafor"],
        "Journal of Lanterns",
        dt.date(2021, 1, 1),
    )
    assert papers["Moths at the window"].authors == ["Ada Quill", "Dele Okafor"]
    rivers = papers["Rivers that change their beds"]
    assert rivers.authors == ["S. Lund", "B. Lindqvist"] and rivers.published == dt.date(2019, 1, 1)

"""Reading lists of references written out (issue 12, session 7's fresh round): 'Family, Given, and Given Family.
"Title." _Venue_ (2015). [link](…)' gives the title, the authors in reading order (the first turned round), the year
and the venue, not the whole reference as the title; "et al." marks the list as cut; an arXiv preprint is no venue.
A venue and year after a linked title ("Title (HOTGARDEN 23)") are no part of it.

The file is our own (tests/data/session/paper-list-references.md), written in that layout with made-up papers.
"""

from __future__ import annotations

import datetime as dt

from paths import DATA

import paperlab
from paperlab.sources import detect_format

LIST = DATA / "session" / "paper-list-references.md"


def test_written_out_references_give_title_authors_year_and_venue() -> None:
    assert detect_format(LIST) == "paper_list"
    papers = list(paperlab.load(LIST))
    got = [(p.title, p.authors, p.published, p.journal_ref, p.arxiv_id) for p in papers[:4]]
    assert got == [
        ("Drip lines that learn", ["Mirela Ann Oduya", "Kasper Lindqvist"], dt.date(2026, 1, 1), None, "2602.11111"),
        (
            "A snail-safe path planner for balcony gardens",
            ["Tove R. Anand", "Ilse Varga", "Noor Haddad"],
            dt.date(2025, 1, 1),
            "Journal of Imaginary Robots 4.2 (2025): 11-19",
            None,
        ),
        (
            "Shears at dusk: low-light branch detection",
            ["Pim Koster"],
            dt.date(2024, 1, 1),
            "Made-Up Vision Conference (MVC) (2024)",
            None,
        ),
        ("Counting petals with sparse codes", ["Ilse Varga"], dt.date(2023, 1, 1), None, None),
    ]
    assert [p.extra.get("more_authors", False) for p in papers[:4]] == [False, False, True, False]
    assert all(p.extra.get("date_precision") == "year" for p in papers[:4])


def test_a_venue_and_year_after_a_linked_title_are_no_part_of_it() -> None:
    papers = list(paperlab.load(LIST))
    got = [(p.title, p.journal_ref, p.published, p.arxiv_id) for p in papers[4:]]
    assert got == [
        ("Compost Heaps at Scale", "HOTGARDEN", dt.date(2023, 1, 1), None),
        ("Moss Simulation on Many Cores", None, dt.date(2024, 1, 1), "2401.04444"),
    ]

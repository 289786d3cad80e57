"""Reading lists of references written out (issue 12, session 7's fresh round): 'Family, Given, and Given Family.
"Title." _Venue_ (2015). [link](…)' gives the title, the authors in reading order (the first turned round), the year
and the venue, not the whole reference as the title; "et al." marks the list as cut; an arXiv preprint is no venue.
A venue and year after a linked title ("Title (HOTGARDEN 23)") are no part of it.

The file is our own (tests/data/session/paper-list-references.md), written in that layout with made-up papers.
"""

from __future__ import annotations

import datetime as dt
import re

from paths import DATA

import paperlab
from paperlab.sources import detect_format
from paperlab.sources.paperlist import parse_paper_list

LIST = DATA / "session" / "paper-list-references.md"


def test_written_out_references_give_title_authors_year_and_venue() -> None:
    assert detect_format(LIST) == "paper_list"
    papers = list(paperlab.load(LIST))
    got = [(p.title, p.authors, p.published, p.journal_ref, p.arxiv_id) for p in papers[:4]]
    assert got == [
        ("Drip lines that learn", ["Mirela Ann Oduya", "Kasper Lindqvist"], dt.date(2026, 2, 1), None, "2602.11111"),
        (
            "A snail-safe path planner for balcony gardens",
            ["Tove R. Anand", "Ilse Varga", "Noor Haddad"],
            dt.date(2025, 1, 1),
            "Journal of Imaginary Robots",  # the journal's name; its volume, issue and pages kept apart (below)
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
    assert papers[1].extra["csl"] == {"volume": "4", "issue": "2", "page": "11-19"}  # nothing of the venue lost
    exported = papers[1].to_bibtex()
    assert "volume = {4}" in exported and "number = {2}" in exported and re.search(r"pages = \{11--?19\}", exported)
    # the year 2026 agrees with the arXiv id 2602.11111: the id's month is kept, not replaced by the bare year
    assert [p.extra.get("date_precision") for p in papers[:4]] == ["month", "year", "year", "year"]


def test_a_venue_and_year_after_a_linked_title_are_no_part_of_it() -> None:
    papers = list(paperlab.load(LIST))
    got = [(p.title, p.journal_ref, p.published, p.arxiv_id) for p in papers[4:]]
    assert got == [
        ("Compost Heaps at Scale", "HOTGARDEN", dt.date(2023, 1, 1), None),
        ("Moss Simulation on Many Cores", None, dt.date(2024, 1, 1), "2401.04444"),
    ]
    assert [p.extra.get("date_precision") for p in papers[4:]] == ["year", "month"]  # 2401.04444's month


# Our own lines, shaped as lists write linked titles: a model's name before the title, a chapter or part number,
# a library's name and version in brackets -- none of them a reference or a venue.
LINKED_TITLES = """# Reading list

- [HEDGEHOG (2023): Rolling Up Sequences of Garden Paths](https://arxiv.org/abs/2310.01234)
- [Burrow, "Tunnel-Time Sequence Digging with Selective Soil States"](https://arxiv.org/abs/2312.05678)
- [Compost and Soil Processing (Chapter 10)](https://example.org/compost-ch10.pdf)
- [The Complete Shed Manual (Part 11)](https://example.org/shed-part11.pdf)
- [Potting Deep Nets by Hand (PyTorch 20)](https://example.org/potting.pdf)
- [Mulch Is All You Need (NeurIPS 2023)](https://arxiv.org/abs/2306.09999)
- [Hedge Trimming at Scale (ICML 2024)](https://arxiv.org/abs/2310.02222)
- [Seed Banks Without Labels](https://example.org/seeds.pdf) - Quill et al., 2019
- Okafor et al. (2020) Raised Beds Without Supervision [link](https://example.org/beds.pdf)
- Quill, Ada. "Weeding by Gradient." _Made-Up Garden Workshop_ (2022). [link](https://arxiv.org/abs/2201.03333)
"""


def test_a_model_name_before_a_linked_title_is_no_author_and_the_ids_month_stays() -> None:
    papers = parse_paper_list(LINKED_TITLES)
    got = [(p.title, p.authors, p.date_text) for p in papers[:2]]
    assert got == [
        ("HEDGEHOG (2023): Rolling Up Sequences of Garden Paths", [], "2023-10"),
        ('Burrow, "Tunnel-Time Sequence Digging with Selective Soil States"', [], "2023-12"),
    ]
    # a reference with a person's given name is still read; its year agrees with the id, whose month it keeps
    weeding = papers[-1]
    assert (weeding.title, weeding.authors) == ("Weeding by Gradient", ["Ada Quill"])
    assert weeding.date_text == "2022-01" and weeding.extra["date_note"] == "month of arXiv id 2201.03333"


def test_a_chapter_part_or_library_version_is_no_venue_and_an_acronym_is() -> None:
    papers = parse_paper_list(LINKED_TITLES)
    got = [(p.title, p.journal_ref, p.published) for p in papers[2:5]]
    assert got == [
        ("Compost and Soil Processing (Chapter 10)", None, None),
        ("The Complete Shed Manual (Part 11)", None, None),
        ("Potting Deep Nets by Hand (PyTorch 20)", None, None),
    ]
    # a venue's year never replaces the month of the arXiv id: agreeing (2306 in 2023) or not (2310 before 2024)
    got = [(p.title, p.journal_ref, p.date_text) for p in papers[5:7]]
    assert got == [("Mulch Is All You Need", "NeurIPS", "2023-06"), ("Hedge Trimming at Scale", "ICML", "2023-10")]
    # with no arXiv id the citation's year is the date, at year precision
    seeds = papers[7]
    assert (seeds.authors, seeds.date_text, seeds.extra["date_precision"]) == (["Quill"], "2019", "year")
    # a citation before the title, the link labelled: the citation is no title, the title no author
    beds = papers[8]
    assert (beds.title, beds.authors, beds.date_text) == ("Raised Beds Without Supervision", ["Okafor"], "2020")
    assert beds.extra["more_authors"] is True

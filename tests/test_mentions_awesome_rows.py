"""The generic paper finder on awesome-list rows (review finding 9, issue 12): a row's cell naming papers by
labelled links titles each by its own link's text, without the '(2019, TACL) · Card data: …' tail or the next
paper of the cell; ACL Anthology links (new and old addresses) are papers; a warning never says a paper was skipped
when another mention of it was kept. Own file tests/data/mentions_s10/atlas_rows.md."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab
from paperlab.errors import FoundByFinderWarning, PartialImportWarning
from paperlab.sources import find_papers

ATLAS = Path(__file__).parent / "data" / "mentions_s10" / "atlas_rows.md"


def test_each_paper_of_a_row_cell_is_titled_by_its_own_link() -> None:
    papers, problems = find_papers(ATLAS.read_text(encoding="utf-8"), str(ATLAS))
    assert [(p.title, p.arxiv_id, p.url, p.sources[0].record) for p in papers] == [
        ("A Field Guide to Documenting Training Sets", "2601.04321", "https://arxiv.org/abs/2601.04321", "line 3"),
        ("Provenance notes for corpus builders", None, "https://aclanthology.org/Q19-1007/", "line 11"),
        ("Sheets that travel with every dataset", "1911.02345", "https://arxiv.org/abs/1911.02345", "line 11"),
        ("Fresh: a benchmark refreshed every month", "2405.11223", "https://arxiv.org/abs/2405.11223", "line 12"),
        (
            "Overlap Between Pretraining Data and Test Sets Should Be Reported",
            "2409.07788",
            "https://arxiv.org/abs/2409.07788",
            "line 12",
        ),
        ("Release checklists for shared tasks", None, "https://aclanthology.org/2021.acl-long.12/", "line 13"),
        (
            "Lessons from ten years of annotation guidelines",
            None,
            "https://www.aclweb.org/anthology/W17-1604",
            "line 14",
        ),
    ]
    assert problems == []


def test_load_reads_the_same_papers_and_reports_nothing_skipped() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        papers = list(paperlab.load(ATLAS))
    assert len(papers) == 7
    assert not any("·" in p.title or "Card" in p.title or "(20" in p.title for p in papers)
    assert not any(isinstance(w.message, PartialImportWarning) for w in caught)  # nothing skipped: no partial import
    messages = [str(w.message) for w in caught if isinstance(w.message, FoundByFinderWarning)]
    assert messages and all("none skipped" in m and "no title near it" not in m for m in messages)


def test_a_badge_without_a_title_is_reported_only_when_its_paper_is_not_kept(tmp_path: Path) -> None:
    badge = "[![Paper](https://img.shields.io/badge/arXiv-2602.01111-b31b1b)](https://arxiv.org/abs/2602.01111)"
    kept = tmp_path / "kept.md"
    kept.write_text(f"{badge}\n\nSee [A Map of Reasoning Corpora](https://arxiv.org/abs/2602.01111).\n", "utf-8")
    papers, problems = find_papers(kept.read_text(encoding="utf-8"), str(kept))
    assert [(p.title, p.arxiv_id) for p in papers] == [("A Map of Reasoning Corpora", "2602.01111")]
    assert problems == []
    alone = f"{badge}\n\nSee [A Map of Reasoning Corpora](https://arxiv.org/abs/2602.02222).\n"
    papers, problems = find_papers(alone, "alone.md")
    assert [p.arxiv_id for p in papers] == ["2602.02222"]
    assert [(p.where, p.message) for p in problems] == [("line 1", "arXiv 2602.01111: no title near it")]


def test_a_readings_heading_never_titles_the_links_below_it() -> None:
    path = ATLAS.parent / "readings_headings.md"
    papers, problems = find_papers(path.read_text(encoding="utf-8"), str(path))
    assert [(p.title, p.arxiv_id) for p in papers] == [
        ("arXiv:1810.04805", "1810.04805"),  # was "Readings"
        ("arXiv:2302.13971", "2302.13971"),  # was "Required reading"
    ]  # the homework bullet is no paper
    assert problems == []


def test_year_and_venue_written_after_a_link_date_a_paper_without_an_arxiv_id() -> None:
    papers, _ = find_papers(ATLAS.read_text(encoding="utf-8"), str(ATLAS))
    got = {p.title: (p.published.isoformat() if p.published else None, p.journal_ref) for p in papers}
    assert got["Provenance notes for corpus builders"] == ("2019-01-01", "TACL")
    assert got["Release checklists for shared tasks"] == ("2021-01-01", "ACL")
    assert got["Lessons from ten years of annotation guidelines"] == ("2017-01-01", "LAW")
    # an arXiv id dates its paper to the month; "(2019, arXiv)" neither narrows it nor names a venue
    assert got["Sheets that travel with every dataset"] == ("2019-11-01", None)
    assert all(p.extra["date_precision"] == "year" for p in papers if p.arxiv_id is None)

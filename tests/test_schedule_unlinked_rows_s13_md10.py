"""Reading-group tables whose rows name their paper by title, authors and journal, with no link or only a label
("doi", "link") in the link cell (issue 12; our own files, made-up papers): before, only the rows with a working
link gave a paper, the others' titles were kept as notes; the row's own authors and journal say it is a paper."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

CSV = """Date,Title,Date Published,Author(s),Journal,Link
16 Nov 2023,Widget perception,2009 - reviewed 2021,Quill,Widget Encyclopedia,link-https://example.org/widget
23 Nov 2023,Selective routing of attended widgets in crowded gadgets,2012,Ada Quill & Bo Renn,Gadget Letters,doi
30 Nov 2023,What can we learn from widget lesions?,2022,"Cai Lune, Dan Moss",Trends in Widgets,doi-https://doi.org/10.1234/tw.2021.10.005
07 Dec 2023,Information flow across the widget hierarchy,2022,"Eve Stone, Finn Ray",Widget Proceedings,DOI link
,,,,,
"""

TABLE = """# Widget journal club (2024)

| Datum | Titel | Autoren | Zeitschrift |
|---|---|---|---|
| 12.03.2024 | Sparse widget routing in the cortex | Ada Quill, Bo Renn | Widget Neuron |
| 19.03.2024 | Gadget maps across species | Cai Lune | Gadget Biology |
"""

TOPICS = """| Date | Topic | Notes |
|---|---|---|
| 2024-03-12 | Introduction to widgets | bring a laptop |
| 2024-03-19 | Gadget maps | room 301 |
"""


def _schedule(tmp_path: Path, name: str, text: str) -> paperlab.Schedule:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.Schedule.from_file(path)


def test_csv_rows_with_authors_and_journal_name_their_papers_without_links(tmp_path: Path) -> None:
    schedule = _schedule(tmp_path, "journal_club.csv", CSV)
    assert len(schedule) == 4
    papers = [m.papers[0] for m in schedule]
    assert [p.title for p in papers] == [
        "Widget perception",
        "Selective routing of attended widgets in crowded gadgets",
        "What can we learn from widget lesions?",
        "Information flow across the widget hierarchy",
    ]
    assert papers[1].authors == ["Ada Quill", "Bo Renn"] and papers[1].journal_ref == "Gadget Letters"
    assert papers[2].doi == "10.1234/tw.2021.10.005"
    assert all(m.note is None for m in schedule)


def test_a_markdown_table_of_titles_authors_and_journals_in_german(tmp_path: Path) -> None:
    schedule = _schedule(tmp_path, "journal-club.md", TABLE)
    assert [(m.date.isoformat(), [p.title for p in m.papers]) for m in schedule if m.date] == [
        ("2024-03-12", ["Sparse widget routing in the cortex"]),
        ("2024-03-19", ["Gadget maps across species"]),
    ]
    assert schedule.meetings[0].papers[0].authors == ["Ada Quill", "Bo Renn"]


def test_a_table_of_topics_still_names_no_paper(tmp_path: Path) -> None:
    schedule = _schedule(tmp_path, "schedule.md", TOPICS)
    assert not schedule.papers
    assert [m.note for m in schedule] == ["Introduction to widgets", "Gadget maps"]

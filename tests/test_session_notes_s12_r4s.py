"""Reading notes and journal-club pages read by Session.from_file (session 12, R4's findings 8, 13 and 15), on our
own notes (tests/data/session_s12_r4s/): a one-paper note kept only its first list as takeaways (a later "#### Notes"
list was lost, "-Loss function: …" kept its "-", tab-indented sub-bullets vanished as table rows) and dropped the
paper it names in passing without a word; a club page "- Lena will present ([Brandt et al., 2025](doi))" gave a
paper titled by the citation with no author, year or presenter, and another meeting's "TBD will present …" as its
takeaway; a skipped presentation was counted as "kept 0 table value(s)"; notes read without loss warned "skipped
none" as a partial import.
"""

from __future__ import annotations

import datetime as dt
import warnings

from paths import DATA

import paperlab
from paperlab.errors import FoundByFinderWarning, PartialImportWarning

HERE = DATA / "session_s12_r4s"


def _session(name: str) -> tuple[paperlab.Session, list[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        session = paperlab.Session.from_file(HERE / name)
    return session, list(caught)


def test_a_notes_takeaways_come_from_every_section_it_took_them_in() -> None:
    session, _ = _session("note-two-sections.md")
    (entry,) = session.entries
    assert entry.paper.arxiv_id == "2402.05555" and entry.paper.title == "Pebble Counting Without Labels"
    assert entry.takeaways == [
        "Shadows give the count.",  # "Key ideas"
        "Two stages: segment, then count — Segment: a small U-Net. — Count: connected parts.",  # tab sub-bullets
        "Loss function: a shadow loss for the unlabelled part.",  # "-Loss function:" is a bullet
        "Hyper parameters: the same for every dataset.",
        "Close in spirit to https://arxiv.org/abs/2311.04444",  # "Notes"
        "No test on sand.",
    ]


def test_a_paper_named_in_passing_is_kept_as_related_and_said() -> None:
    session, caught = _session("note-two-sections.md")
    (entry,) = session.entries  # it is not presented
    assert entry.paper.extra["related"] == ["arXiv:2311.04444"]
    (said,) = [p for p in session.problems if "2311.04444" in p.message]
    assert said.where == "line 19" and "related" in said.message
    # nothing was lost: the finder's reading is said, as no partial import
    assert [type(w.message) for w in caught] == [FoundByFinderWarning]


def test_a_club_page_gives_the_presenter_and_the_cited_authors_and_year() -> None:
    session, caught = _session("club-announcements.md")
    (entry,) = session.entries
    assert entry.presenter == "Lena" and entry.paper.extra["presenters"] == ["Lena"]  # the schedule reader's key
    assert entry.paper.doi == "10.5555/pebble.2025.7"
    assert entry.paper.authors == ["Brandt"] and entry.paper.published == dt.date(2025, 1, 1)
    assert entry.paper.extra["date_precision"] == "year"
    assert entry.paper.extra["meeting"] == "Thu Mar 26 4pm, Room B"
    assert entry.takeaways == []  # "TBD will present …" is the other meeting's line
    assert "TBD" not in session.to_markdown()
    assert not any(issubclass(w.category, PartialImportWarning) for w in caught)


def test_a_skipped_presentation_is_counted_as_a_presentation() -> None:
    session, caught = _session("skipped-presentation.txt")
    assert [e.presenter for e in session.entries] == ["Lena Marsh"]
    (warning,) = [w for w in caught if issubclass(w.category, PartialImportWarning)]
    text = str(warning.message)
    assert "kept 1 presentation, skipped 1 bad one" in text and "line 19" in text and "Tom Reyes" in text
    assert "table value" not in text


def test_a_page_is_named_by_its_own_heading_not_a_section_heading(tmp_path) -> None:
    page = tmp_path / "club.md"
    page.write_text(
        "# Introduction\nWe read one paper a month.\n\n# Rock lab reading club\nThu Mar 26 4pm\n"
        "- Lena will present ([Brandt et al., 2025](https://doi.org/10.5555/pebble.2025.7))\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        session = paperlab.Session.from_file(page)
    assert session.theme == "Rock lab reading club"


def test_a_paper_described_with_presents_names_no_presenter(tmp_path) -> None:
    page = tmp_path / "note.md"
    page.write_text(
        "# Reading notes\n- Attention presents a trade-off ([Quill et al., 2024](https://doi.org/10.5555/toy.2024))\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (entry,) = paperlab.Session.from_file(page).entries
    assert entry.presenter == "" and entry.paper.authors == ["Quill"]

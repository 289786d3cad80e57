"""Reading-group paper lists (``1. [Title](link)`` items, authors in brackets) and loading several files at once.

Our own file ``tests/data/session/paper-list.md`` holds the shapes real lists have: links to the group's notes
(relative, with spaces, in angle brackets or not; a GitHub page of notes), authors inside the link text, after it in
brackets, after a dash or "by", arXiv / DOI / OpenReview links, a link naming no paper ("Slides"), a bracket that is
no author list ("(Part I)", "(Extended Abstract)"), headings that name or date the list and one naming a topic.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import DATA

import paperlab
from paperlab import ParseError, PartialImportWarning, Schedule
from paperlab.cli import main
from paperlab.sources import detect_format
from paperlab.sources.paperlist import looks_like_paper_list

LIST = DATA / "session" / "paper-list.md"
NO_PAPERS = DATA / "dailyarxiv" / "no-papers-layout.md"
HOSTILE = "Folding <img src=x onerror=alert(1)> Robots (Part I)"


def test_a_paper_list_is_detected_and_read() -> None:
    assert detect_format(LIST) == "paper_list"
    lib = paperlab.load(LIST)
    assert [p.title for p in lib] == [
        "CREASE: Learning Crease Patterns from Folded Sheets",
        "Origami Nets: Unfolding Polyhedra with Graph Search",
        "Tension Models of Corrugated Sheets",
        "Self-Folding Sheets with Shape Memory Polymers",
        "Paper Cranes at Scale",
        HOSTILE,  # "(Part I)" is part of the title, no author
        "Rigid Origami Hinges in Thick Panels",
        "Folding Grippers for Soft Robot Hands",
        "Thick Panel Origami for Deployable Robots",  # "Slides" (item 6) names no paper
        "Paper Folding Is All You Need",
        "CRANE",  # one word, but an arXiv link: a paper ("Contributing" is none)
        "Thick Origami Hinges",
    ]
    by_title = {p.title: p for p in lib}
    crease = by_title["CREASE: Learning Crease Patterns from Folded Sheets"]
    assert crease.url is None and crease.extra["notes_link"] == "./CREASE/CREASE Learning crease patterns.md"
    assert crease.sources[0].name == "paper_list" and crease.sources[0].record == "line 6"
    tension = lib["2101.04321"]
    assert (
        tension.authors == ["Ada Quill", "Omar Dale", "Elin Marsh"]
        and tension.title == "Tension Models of Corrugated Sheets"
    )
    assert lib["10.5555/fold.2019.7"].authors == ["Jonas Pike", "Iris Fenwick"]
    cranes = by_title["Paper Cranes at Scale"]
    assert cranes.authors == ["Tobias Brook", "Inés Núñez"] and cranes.url is None  # a page of notes, not the paper
    assert cranes.extra["notes_link"].startswith("https://github.com/folding-group/notes/blob/main/Cranes/Cranes.md")
    assert lib["2012.01234"].authors == ["Omar Dale"]  # "by Omar Dale"
    assert by_title[HOSTILE].authors == [] and lib["2012.05555"].authors == []  # "(Extended Abstract)"
    # a heading that names ("Papers:") or dates ("2021") the list is no tag; a topic heading is
    assert [p.tags for p in lib] == [[]] * 7 + [["Robotics"]] * 2 + [["Foundations"]] * 3
    # cited as "Quill et al., 2017": the first author, a list said to be cut; the year agrees with the arXiv id,
    # whose month it keeps (a bare year never replaces the id's month)
    cited = lib["1706.03762"]
    assert cited.authors == ["Quill"] and cited.extra["more_authors"] is True
    assert cited.date_text == "2017-06" and lib["1810.04805"].authors == ["Dale"]
    assert lib["2012.07777"].authors == ["Marsh"] and lib["2012.07777"].date_text == "2020-12"  # "… | Marsh et al,2020"


def test_the_hostile_title_stays_escaped() -> None:
    paper = next(p for p in paperlab.load(LIST) if p.title == HOSTILE)
    html = paper.to_html()
    assert "<img" not in html and "&lt;img" in html


def test_schedule_from_file_reads_a_paper_list_as_undated_meetings() -> None:
    schedule = Schedule.from_file(LIST)
    assert len(schedule) == 12
    assert [m.where for m in schedule][:3] == ["line 6", "line 7", "line 8"]
    assert all(m.date is None and len(m.papers) == 1 for m in schedule)
    assert schedule.meetings[2].papers[0].arxiv_id == "2101.04321"
    assert schedule.title == "Folding Reading Group"  # the list's heading
    assert [m.section for m in schedule][-5:] == ["Robotics", "Robotics", "Foundations", "Foundations", "Foundations"]
    with pytest.raises(ParseError, match="expected a schedule"):
        Schedule.from_file(NO_PAPERS)  # neither a schedule nor a paper list


def test_cli_imports_a_paper_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(LIST)]) == 0
    out, _ = capsys.readouterr()
    assert "imported 12 papers (markdown paper list)" in out


@pytest.mark.parametrize(
    "text",
    [
        "# Tool\n\n- [Install](#install)\n- [Usage](#usage)\n- [Contributing](#contributing)\n",  # a table of contents
        "# Tool\n\n- [A Paper on Folding](https://arxiv.org/abs/2101.04321)\n\n" + "- plain item\n" * 4,  # one link
    ],
)
def test_a_readme_with_a_few_links_is_no_paper_list(text: str) -> None:
    assert not looks_like_paper_list(text)


def test_one_unreadable_file_of_several_is_reported_and_the_rest_kept(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{quill1966,\n  title = {The Theory of Paper Widgets},\n  year = {1966},\n}\n")
    with pytest.warns(PartialImportWarning) as caught:
        lib = paperlab.load(bib, NO_PAPERS, LIST, tmp_path / "missing.bib")
    assert len(lib) == 13  # 1 + 12: the good files' papers
    (warning,) = [w.message for w in caught if isinstance(w.message, PartialImportWarning)]
    assert {Path(p.source).name for p in warning.problems} == {"no-papers-layout.md", "missing.bib"}
    assert "no paper table found" in str(warning) and "file not found" in str(warning)
    assert caught[0].filename == __file__
    with pytest.raises(ParseError, match="none of the 2 files could be read") as info:
        paperlab.load(NO_PAPERS, tmp_path / "missing.bib")
    assert len(info.value.problems) == 2
    with pytest.raises(ParseError, match="no paper table found"):  # one file: its own error, as before
        paperlab.load(NO_PAPERS)


def test_a_layout_nobody_reads_names_every_layout_and_the_format_choices() -> None:
    with pytest.raises(ParseError) as info:
        paperlab.load(NO_PAPERS)
    message = str(info.value)
    assert "DailyArXiv" in message and "|Publish Date|Title|Authors|PDF|Code|" in message
    for kind in ("reading-group schedules", "session notes", "paper lists", "Schedule.from_file"):
        assert kind in message
    assert "format=" in message and "paper_list" in message and "schedule" in message and "bibtex" in message


def test_cli_import_of_several_files_skips_the_unreadable_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(NO_PAPERS), str(LIST)]) == 1  # something was not imported: a failing status
    out, err = capsys.readouterr()
    assert "imported 12 papers (markdown paper list)" in out and "12 papers in total" in out
    assert "no-papers-layout.md: no papers found; read as a DailyArXiv-style README (no paper table found)" in err
    assert "(not imported)" in err
    assert "1 file could not be read" in err
    assert main(["list"]) == 0
    assert "Thick Origami Hinges" in capsys.readouterr().out

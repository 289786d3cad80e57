"""Course syllabi that cite their readings (verification walkthrough W2, session 7): "Vaswani et al. 2017, Title
(arXiv:1706.03762)", "Devlin et al., Title, https://arxiv.org/abs/…", "[Title](url) (Vaswani et al., 2017)" and
"(Ouyang et al., 2022) [Title](url)" give the title, the first author, the year and the arXiv id (written "arXiv:…",
as a bare URL, or a URL in parentheses, brackets or angle brackets) -- the citation never stays in the title, so the
CSV and the markdown page of one course import as one paper per work. The page's title heading is no tag on every
paper, and a note written in markdown ("*No class — fall break*") is shown without its marks.

The files are our own (tests/data/session/syllabus-citations.csv, syllabus-citations.md), a made-up course citing
public papers.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

from paths import DATA

import paperlab
from paperlab.sources.schedule import read_meetings

SESSION = DATA / "session"
CSV = SESSION / "syllabus-citations.csv"
MD = SESSION / "syllabus-citations.md"

WORKS = {
    "1706.03762": ("Attention Is All You Need", "Vaswani", 2017),
    "1907.11692": ("RoBERTa", "Liu", 2019),
    "1810.04805": ("BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding", "Devlin", None),
    "1512.03385": ("Deep Residual Learning for Image Recognition", "He", 2016),
    "2001.08361": ("Scaling Laws for Neural Language Models", "Kaplan", 2020),
    "2203.15556": ("Training Compute-Optimal Large Language Models", "Hoffmann", 2022),
    "2203.02155": ("InstructGPT", "Ouyang", 2022),
}


def test_citations_in_a_csv_syllabus_give_title_author_year_and_arxiv_id() -> None:
    papers = list(paperlab.load(CSV))
    got = {p.arxiv_id: (p.title, p.authors, p.published.year if p.published else None) for p in papers}
    assert got == {
        "1706.03762": ("Attention Is All You Need", ["Vaswani"], 2017),  # "Vaswani et al. 2017, Title (arXiv:…)"
        "1907.11692": ("RoBERTa", ["Liu"], 2019),  # "Liu et al. 2019, RoBERTa (https://arxiv.org/abs/…)"
        # "Devlin et al., Title, https://…": no year given, the arXiv id's month
        "1810.04805": (WORKS["1810.04805"][0], ["Devlin"], 2018),
        "1512.03385": ("Deep Residual Learning for Image Recognition", ["He"], 2016),  # "…, arXiv:1512.03385"
        "2001.08361": ("Scaling Laws for Neural Language Models", ["Kaplan"], 2020),  # "Kaplan et al. (2020) Title url"
        "2203.15556": ("Training Compute-Optimal Large Language Models", ["Hoffmann"], 2022),  # "Title [https://…]"
        "2203.02155": ("InstructGPT", ["Ouyang"], 2022),  # "(Ouyang et al. 2022) InstructGPT <https://…>"
    }
    assert all("et al" not in p.title and "arXiv" not in p.title and "http" not in p.title for p in papers)
    cited = next(p for p in papers if p.arxiv_id == "1706.03762")
    assert (cited.published, cited.extra["date_precision"]) == (dt.date(2017, 1, 1), "year")


def test_citations_beside_links_in_a_markdown_syllabus() -> None:
    papers = list(paperlab.load(MD))
    assert [(p.title, p.arxiv_id) for p in papers] == [(WORKS[a][0], a) for a in WORKS if a != "1810.04805"]
    by_id = {p.arxiv_id: p for p in papers}
    # "[Title](url) (Vaswani et al., 2017)" and "(Ouyang et al., 2022) [InstructGPT](url)"
    assert (by_id["1706.03762"].authors, by_id["1706.03762"].published) == (["Vaswani"], dt.date(2017, 1, 1))
    assert (by_id["2203.02155"].authors, by_id["2203.02155"].published) == (["Ouyang"], dt.date(2022, 1, 1))
    # "[RoBERTa](url) (Liu et al., 2019); *optional:* [Title](url)": two links, each label a title
    assert by_id["1512.03385"].title == "Deep Residual Learning for Image Recognition"


def test_the_csv_and_the_markdown_page_of_one_course_import_as_one_paper_per_work() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lib = paperlab.load(CSV, MD)
    assert sorted(p.arxiv_id for p in lib) == sorted(WORKS)
    assert not [str(w.message) for w in caught if "different works" in str(w.message)]


def test_the_page_title_heading_is_no_tag_but_a_section_heading_is(tmp_path: Path) -> None:
    assert all(p.tags == [] for p in paperlab.load(MD))  # "# CS 777: Reading Neural Language Models — Fall 2027"
    sectioned = tmp_path / "course.md"
    text = MD.read_text(encoding="utf-8")
    sectioned.write_text(text.replace("\n| Week |", "\n## Language models\n\n| Week |", 1), encoding="utf-8")
    assert {tuple(p.tags) for p in paperlab.load(sectioned)} == {("Language models",)}


def test_a_note_written_in_markdown_is_shown_without_its_marks() -> None:
    meetings, _, _ = read_meetings(MD)
    holiday = next(m for m in meetings if m.date == dt.date(2027, 9, 28))
    assert (holiday.note, holiday.skipped, holiday.papers) == ("No class — fall break", True, [])
    shown = paperlab.Schedule.from_file(MD).to_markdown()
    assert "| *No class — fall break* |" in shown and "\\*" not in shown
    # a CSV cell is no markdown: its asterisks are the text's own
    csv = next(m for m in read_meetings(CSV)[0] if m.date == dt.date(2027, 9, 28))
    assert csv.note == "No class (fall break)"


def test_markup_in_a_markdown_note_stays_text(tmp_path: Path) -> None:
    page = tmp_path / "course.md"
    payload = "*No class — <img src=x onerror=alert(1)> [break](javascript:alert(2))*"
    page.write_text(MD.read_text(encoding="utf-8").replace("*No class — fall break*", payload), encoding="utf-8")
    meetings, _, _ = read_meetings(page)
    holiday = next(m for m in meetings if m.date == dt.date(2027, 9, 28))
    # the HTML tag is dropped; markdown-it takes no javascript: link, so it stays text
    assert holiday.note == "No class — [break](javascript:alert(2))"
    shown = paperlab.Schedule.from_file(page).to_markdown()
    assert "| *No class — \\[break\\](javascript:alert(2))* |" in shown  # escaped: no link in the view
    assert "<img" not in shown and "onerror" not in shown


def test_a_one_word_title_after_a_citation_is_a_paper_but_a_chapter_is_none(tmp_path: Path) -> None:
    course = tmp_path / "course.csv"
    course.write_text(
        "Week,Date,Topic,Required readings\n"
        '1,2027-09-07,Alignment,"(Ouyang et al., 2022) InstructGPT"\n'
        '2,2027-09-14,Background,"Smith et al. 2020, Ch. 3"\n',
        encoding="utf-8",
    )
    papers = list(paperlab.load(course))
    assert [(p.title, p.authors, p.published) for p in papers] == [("InstructGPT", ["Ouyang"], dt.date(2022, 1, 1))]
    assert read_meetings(course)[0][1].note == "Smith et al. 2020, Ch. 3"

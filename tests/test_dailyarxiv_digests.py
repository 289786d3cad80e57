"""Daily digests and topic pages that write one block per paper (issue 12, session 7's fresh round): a nested-bullet
digest (``- **Title**`` with ``- Authors:`` / ``- Published:`` / ``- Links: [arXiv](…)`` under it, one ``###`` topic
per group), a topic page with an index table of short names and one ``##`` section per paper (the bold line under
the heading is the full title; ``- 作者：`` / ``- 年份：`` bullets), and an LLM-written report whose ``####`` papers give
their arXiv id without a link (``**论文ID:** 2602.11111v1``), a score after the title, analysis sub-headings at the
papers' level and ``###`` topics above them.

The files are our own (tests/data/dailyarxiv/nested-bullets-layout.md, section-per-paper-layout.md,
llm-report-layout.md), written in those layouts with made-up papers.
"""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from paths import DATA

import paperlab
from paperlab.sources import detect_format
from paperlab.sources.dailyarxiv import read_dailyarxiv

LAYOUTS = DATA / "dailyarxiv"


def _read(name: str) -> list[paperlab.Paper]:
    path = LAYOUTS / name
    assert detect_format(path) == "dailyarxiv"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # every paper read, nothing skipped
        return read_dailyarxiv(path)


def test_a_nested_bullet_digest_gives_one_paper_per_bold_bullet() -> None:
    papers = _read("nested-bullets-layout.md")
    assert [(p.title, p.arxiv_id, p.published, p.tags) for p in papers] == [
        (
            "Drip Lines That Learn: Adaptive Irrigation for Balcony Plots",
            "2602.11111",
            dt.date(2026, 2, 27),
            ["Watering"],
        ),
        ("A Snail-Safe Path Planner", "2602.22222", dt.date(2026, 2, 1), ["Watering"]),  # v2: updated, below
        ("Shears at Dusk: Low-Light Branch Detection", "2603.00333", dt.date(2026, 3, 1), ["Pruning"]),
    ]
    assert papers[0].authors == ["Mirela Oduya", "Kasper Lindqvist"]
    assert papers[2].authors == ["Ilse Varga", "Noor Haddad", "Pim Koster"]
    assert papers[1].updated == dt.date(2026, 2, 28)  # the date listed for a v2 is its update
    # the listed day, not the month of the id
    assert [(p.extra or {}).get("date_precision") for p in papers] == [None, "month", None]


def test_a_topic_page_with_one_section_per_paper_after_an_index_table() -> None:
    papers = _read("section-per-paper-layout.md")
    assert [(p.title, p.arxiv_id, p.published, p.extra.get("date_precision")) for p in papers] == [
        ("A Survey of Drip Irrigation for Small Gardens", "2405.01234", dt.date(2024, 1, 1), "year"),
        ("Planning Paths Around Snails with Sparse Maps", "2501.04321", dt.date(2025, 1, 1), "year"),
    ]
    assert papers[0].authors == ["Mirela Oduya", "Kasper Lindqvist", "Tove Anand"]
    assert papers[1].authors == ["Ilse Varga"]
    assert {t for p in papers for t in p.tags} == {"灌溉与园艺机器人"}


def test_an_llm_report_with_unlinked_ids_and_scores_after_the_titles() -> None:
    papers = _read("llm-report-layout.md")
    assert [(p.title, p.arxiv_id, p.tags) for p in papers] == [
        ("Drip Lines That Learn: Adaptive Irrigation", "2602.11111", ["主题一：灌溉"]),
        ("A Snail-Safe Path Planner", "2602.22222", ["主题二：路径规划"]),
        ("Shears at Dusk: Low-Light Branch Detection", "2603.00333", ["主题二：路径规划"]),
    ]
    # the report's time stamp is no publication date: only the id's month is known
    assert [(p.published, p.extra.get("date_precision")) for p in papers] == [
        (dt.date(2026, 2, 1), "month"),
        (dt.date(2026, 2, 1), "month"),
        (dt.date(2026, 3, 1), "month"),
    ]
    assert paperlab.load(LAYOUTS / "llm-report-layout.md").get("2603.00333") is not None


def test_html_tables_whose_ids_are_only_in_data_attributes() -> None:
    papers = _read("data-attribute-ids-layout.md")
    assert [(p.title, p.arxiv_id, p.version, p.tags) for p in papers] == [
        ("Drip Lines That Learn", "2602.11111", 1, ["Watering"]),
        ("A Snail-Safe Path Planner", "2602.22222", 2, ["Watering"]),
    ]


def test_a_page_in_no_known_layout_names_the_layouts_read(tmp_path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Garden notes\n\nWe planted beans.\n\n## Next\n\n- water them\n", encoding="utf-8")
    with pytest.raises(paperlab.ParseError) as err:
        paperlab.load(page)
    message = err.value.message
    assert message.startswith("no papers found; read as a DailyArXiv-style README")
    for layout in (  # every family of layouts read, in a message short enough to read (it was ~2,000 characters)
        "DailyArXiv-style tables",
        "HTML tables",
        "paper cards",
        "nested-bullet digests",
        "a heading per paper",
        "reading-group schedules",
        "session notes",
        "paper lists",
        "format=",
    ):
        assert layout in message
    assert len(message) < 800

"""DailyArXiv-style READMEs in the other layouts (paperlab.sources.dailyarxiv): cv-arxiv-daily tables, two heading
levels, centred and pipe-less tables, other column names, GitHub-Pages copies with front matter, paper cards.

The files and what each holds (counted by reading them) are listed in the docstring of ``tests/test_dailyarxiv.py``;
the round trip of every layout is tested there too.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest
from paths import DATA, FIXTURES

import paperlab
from paperlab.errors import ParseError, PartialImportWarning
from paperlab.sources.dailyarxiv import DailyArxivDigest, has_paper_table, parse_dailyarxiv, read_dailyarxiv

README = FIXTURES / "dailyarxiv_readme"
CV_DAILY = README / "Vincentqyw_cv-arxiv-daily_README_2022-07-02_1661480.md"
VERIFICATION = README / "digital_verification_news_README_2026-02-13_7766f0c.md"
YOLO = README / "WangQvQ_YOLO-Arxiv-Daily_README_2026-08-19_e844676.md"
# kept aside while the reader was written (held out), then checked: every row read
TWO_LEVEL = README / "beiyuouo_arxiv-daily_README_2025-06-13_d4992c6.md"
PAGES_REAL = README / "Ea510chan_3D-Vision-arxiv-daily_docs_index_2025-10-21_d627beb.md"
OWN = DATA / "dailyarxiv" / "README.md"
CV_LAYOUT = DATA / "dailyarxiv" / "cv-arxiv-daily-layout.md"
SUBSECTIONS = DATA / "dailyarxiv" / "keyword-subsections-layout.md"
PAGES = DATA / "dailyarxiv" / "pages-layout.md"
BLOCKQUOTE = DATA / "dailyarxiv" / "blockquote-layout.md"
OTHER_HEADERS = DATA / "dailyarxiv" / "other-headers-layout.md"
NO_PAPERS = DATA / "dailyarxiv" / "no-papers-layout.md"
REAL = pytest.mark.realdata
TABLE_HEAD = (
    "Last update: 2025-03-21\n\n## Hallucination\n| **Title** | **Date** | **Abstract** | **Comment** |\n"
    "| --- | --- | --- | --- |\n"
)


def digest_of(path: Path) -> DailyArxivDigest:
    return parse_dailyarxiv(path.read_text(encoding="utf-8"), source=str(path))


def test_cv_arxiv_daily_layout() -> None:
    # |Publish Date|Title|Authors|PDF|Code|: the header is found by its column names, the id from the PDF link
    digest = digest_of(CV_LAYOUT)
    assert digest.last_update == dt.date(2022, 7, 2)  # "## Updated on 2022.07.02", not a keyword
    assert digest.sections == {
        "SLAM": ["2206.15255", "2206.12961", "2206.00266"],
        "Image Matching": ["2205.13135", "2206.12961"],
    }
    assert sum(len(p.sources) for p in digest.papers) == 5
    first = digest.papers[0]
    assert first.title == "Neural Rendering for Stereo 3D Reconstruction of Deformable Tissues in Robotic Surgery"
    assert (first.arxiv_id, first.version, first.url) == ("2206.15255", 1, "http://arxiv.org/abs/2206.15255v1")
    assert first.authors == ["Yuehao Wang"]  # "Yuehao Wang et.al.": the first author only
    assert first.code_url == "https://github.com/med-air/endonerf"
    assert first.updated == first.published == dt.date(2022, 6, 30)
    assert (first.abstract, first.comment) == (None, None)
    both = next(p for p in digest.papers if p.arxiv_id == "2206.12961")
    assert both.tags == ["SLAM", "Image Matching"] and both.code_url is None  # "null"
    assert [s.record for s in both.sources] == ["line 8", "line 18"]
    lamp = next(p for p in digest.papers if p.arxiv_id == "2205.13135")
    assert (lamp.version, lamp.updated, lamp.date_text, lamp.date_inferred) == (
        2,
        dt.date(2022, 5, 31),
        "2022-05",
        True,
    )
    assert sum(1 for p in digest.papers if p.code_url) == 2


def test_keyword_subsections_layout() -> None:
    # ## area / ### topic: both levels tag the papers; centred alignment; a non-paper table is skipped
    digest = digest_of(SUBSECTIONS)
    assert digest.last_update == dt.date(2026, 2, 13)
    assert {k: len(v) for k, v in digest.sections.items()} == {
        "Computer Vision": 3,
        "Object Detection": 2,
        "Segmentation": 2,
        "Hardware Verification": 3,
        "Conference proceedings": 3,
        "Robotics": 1,
    }
    assert len(digest.papers) == 6 and sum(len(p.sources) for p in digest.papers) == 9
    papers = {p.title: p for p in digest.papers}
    focal = papers["Focal Loss for Dense Object Detection"]
    assert focal.tags == ["Computer Vision", "Object Detection", "Segmentation"]
    assert (focal.arxiv_id, focal.version, focal.comment) == ("1708.02002", 2, "ICCV 2017")
    sam = papers["Segment Anything"]
    assert sam.tags == ["Computer Vision", "Segmentation", "Robotics"]
    # the same title twice with relative links: one paper, no URL (the link is kept as written), the longer abstract
    unified = papers["A Unified UVM Testbench for Random and Directed Tests"]
    assert unified.tags == ["Hardware Verification", "Conference proceedings"] and unified.arxiv_id is None
    assert unified.url is None and unified.extra["link"] == "downloads/proceedings/unified-uvm-testbench.pdf"
    assert unified.abstract == "One configurable testbench runs random, directed and pseudo-random tests."
    assert unified.comment == "Proceedings entry" and [s.record for s in unified.sources] == ["line 31", "line 32"]
    closing = papers["Closing the Digital Verification Divide"]
    assert closing.updated is None and closing.abstract is None
    # an IEEE ".../document/9396034" link is not an old-style arXiv id
    ieee = papers["UVM Register Models in Practice"]
    assert ieee.arxiv_id is None and ieee.url == "https://ieeexplore.ieee.org/document/9396034"
    assert "Overview" not in digest.sections and "arXiv" not in digest.sections


def test_update_lines_of_other_generators() -> None:
    table = "|Publish Date|Title|Authors|PDF|Code|\n| :---: | :---: | :---: | :---: | :---: |\n"
    row = (
        "|**2025-06-12**|**Rethinking Losses**|Someone et.al.|[2506.10982v1](http://arxiv.org/abs/2506.10982v1)|null|\n"
    )
    text = "# arxiv-daily\n Automated deployment @ 2025-06-13 21:19:36 Asia/Shanghai\n\nUpdated on request.\n\n"
    text += "## Federated Learning\n\n### Privacy\n" + table + row + "## Computer Vision\n### Privacy\n" + table + row
    digest = parse_dailyarxiv(text)
    assert digest.last_update == dt.date(2025, 6, 13)
    assert digest.sections == {k: ["2506.10982"] for k in ("Federated Learning", "Privacy", "Computer Vision")}
    assert digest.papers[0].tags == ["Federated Learning", "Privacy", "Computer Vision"]
    with pytest.warns(PartialImportWarning, match=r"line 1: 'Last update' expected a date YYYY-MM-DD, got 'soon'"):
        parse_dailyarxiv("Last update: soon\n" + table + row)


def test_pages_layout_with_front_matter_reports_bad_rows() -> None:
    with pytest.warns(PartialImportWarning) as record:
        digest = digest_of(PAGES)
    assert [(p.where, p.message) for p in record[0].message.problems] == [
        ("line 23", "date cell expected YYYY-MM-DD, got 'yesterday'"),
        (
            "line 25",
            "table row not understood: expected 5 cells like its header "
            "| Publish Date | Title | Authors | PDF | Code |, got 6",
        ),
    ]
    assert digest.last_update == dt.date(2025, 10, 21)
    assert {k: len(v) for k, v in digest.sections.items()} == {"NeRF": 4, "SLAM": 2}
    assert len(digest.papers) == 5 and sum(len(p.sources) for p in digest.papers) == 6
    papers = {p.arxiv_id: p for p in digest.papers}
    diff = papers["2507.06651"]
    assert diff.title == "Diff $^2$ I2P: Differentiable Image-to-Point-Cloud Registration"  # LaTeX kept
    assert (diff.version, diff.updated, diff.date_text, diff.date_inferred) == (
        None,
        dt.date(2025, 10, 20),
        "2025-07",
        True,
    )
    survey = papers["2401.03890"]
    assert survey.title == r"Gaussian Splatting \| a survey"  # kept as written, like DailyArXiv's cells
    assert survey.authors == ["Guikun Chen", "Wenguan Wang"]
    assert papers["2003.08934"].tags == ["NeRF", "SLAM"]
    # line 24: a raw "|" in the title splits the row; joined back, as the date, PDF and code cells then fit
    assert papers["2501.00002"].title == "A title | broken by a raw pipe"
    assert papers["2501.00002"].authors == ["Someone"] and papers["2501.00002"].code_url is None


def test_other_header_names_pipeless_tables_month_dates_and_short_rows() -> None:
    digest = digest_of(OTHER_HEADERS)
    assert digest.sections == {
        "目标检测": ["2004.10934"],
        "Segmentation": ["2304.02643", "1708.02002", "1703.06870"],
    }  # "| Name | Link |" is not a paper table
    yolo, sam, focal, mask = digest.papers
    assert yolo.title == "YOLOv4: Optimal Speed and Accuracy of Object Detection" and yolo.updated == dt.date(
        2020, 4, 23
    )
    assert yolo.authors == ["Alexey Bochkovskiy", "Chien-Yao Wang", "Hong-Yuan Mark Liao"]
    assert (yolo.url, yolo.code_url) == ("https://arxiv.org/abs/2004.10934", "https://github.com/AlexeyAB/darknet")
    # "Title | Paper | Date" without outer pipes: the Paper column next to Title is the link
    assert (sam.arxiv_id, sam.version, sam.updated) == ("2304.02643", 1, dt.date(2023, 4, 5))
    assert sam.pdf_url == "https://arxiv.org/pdf/2304.02643v1.pdf" and sam.url is None
    assert (focal.arxiv_id, focal.version, focal.updated) == ("1708.02002", 2, dt.date(2018, 2, 7))  # "arXiv:…" text
    # a row with its last cell left out: the missing cell is empty
    assert (mask.arxiv_id, mask.updated, mask.pdf_url) == ("1703.06870", None, "https://arxiv.org/pdf/1703.06870")


def test_paper_cards_without_a_table() -> None:
    with pytest.warns(PartialImportWarning) as record:
        digest = digest_of(BLOCKQUOTE)
    assert [(p.where, p.message) for p in record[0].message.problems] == [
        ("line 25", "date cell expected YYYY-MM-DD, got 'last week'")
    ]
    assert digest.sections == {"Paper list": ["2004.10934", "2304.02643"]}
    yolo, sam = digest.papers
    assert yolo.title == "YOLOv4: Optimal Speed and Accuracy of Object Detection"  # the "1. " numbering dropped
    assert (yolo.arxiv_id, yolo.version, yolo.updated, yolo.published) == ("2004.10934", 1, *[dt.date(2020, 4, 23)] * 2)
    assert yolo.authors == ["Alexey Bochkovskiy"] and yolo.sources[0].record == "line 11"
    assert (
        yolo.abstract == "We combine many small training and architecture tricks into one fast single-stage detector."
    )
    assert sam.title == "Segment Anything (SAM)" and sam.updated is None  # markdown escapes removed
    assert sam.abstract == "A promptable segmentation model trained on a very large set of masks."
    assert sam.url == "https://arxiv.org/abs/2304.02643v1" and sam.tags == ["Paper list"]


def test_no_layout_is_a_parse_error_naming_the_layouts() -> None:
    with pytest.raises(ParseError, match=r"no-papers-layout\.md: no paper table found") as info:
        read_dailyarxiv(NO_PAPERS)
    message = str(info.value)
    assert "| **Title** | **Date** | **Abstract** | **Comment** |" in message
    assert "|Publish Date|Title|Authors|PDF|Code|" in message and "title/paper column" in message
    assert "paper cards" in message


@pytest.mark.parametrize("path, expected", [(OWN, True), (CV_LAYOUT, True), (PAGES, True), (BLOCKQUOTE, False)])
def test_has_paper_table(path: Path, expected: bool) -> None:
    assert has_paper_table(path.read_text(encoding="utf-8")) is expected


def test_rows_next_to_other_layouts() -> None:
    # the cv-arxiv-daily layout after a DailyArXiv one: both read; a row with no header above it is reported
    mixed = OWN.read_text(encoding="utf-8") + "\n" + CV_LAYOUT.read_text(encoding="utf-8")
    digest = parse_dailyarxiv(mixed, source="mixed.md")
    assert len(digest.papers) == 7 + 4
    assert digest.last_update == dt.date(2022, 7, 2)  # the last one written
    assert list(digest.sections) == ["Hallucination", "MLLM", "Reasoning", "SLAM", "Image Matching"]
    stray = TABLE_HEAD + "| **[x](http://arxiv.org/abs/2401.00001)** | 2024-01-01 | y | z |\n\nText.\n"
    stray += "| **[w](http://arxiv.org/abs/2401.00002)** | 2024-01-01 | y | z |\n"
    with pytest.warns(PartialImportWarning, match=r"line 9: table row without a header row above it"):
        assert [p.arxiv_id for p in parse_dailyarxiv(stray).papers] == ["2401.00001"]


@REAL
def test_real_cv_arxiv_daily() -> None:
    digest = digest_of(CV_DAILY)
    assert digest.last_update == dt.date(2022, 7, 2)
    assert {k: len(v) for k, v in digest.sections.items()} == {
        "SLAM": 172,
        "SFM": 45,
        "Visual Localization": 105,
        "Keypoint Detection": 62,
        "Image Matching": 56,
    }
    assert sum(len(p.sources) for p in digest.papers) == 440
    assert len(digest.papers) == 408 and all(p.arxiv_id for p in digest.papers)
    assert sum(1 for p in digest.papers if p.code_url) == 101  # 116 rows with a code link, 101 distinct ids
    assert all(p.code_url.startswith("https://github.com/") for p in digest.papers if p.code_url)
    # line 25 and line 249: the same v2 paper under SLAM and Image Matching
    lamp = next(p for p in digest.papers if p.arxiv_id == "2205.13135")
    assert lamp.title.startswith("LAMP 2.0: A Robust Multi-Robot SLAM System") and lamp.authors == ["Yun Chang"]
    assert (lamp.version, lamp.updated, lamp.date_text, lamp.date_inferred) == (
        2,
        dt.date(2022, 5, 31),
        "2022-05",
        True,
    )
    assert [s.record for s in lamp.sources] == ["line 25", "line 249"]
    assert lamp.url == "http://arxiv.org/abs/2205.13135v2"


@REAL
def test_real_keyword_sections_with_source_subsections() -> None:
    digest = digest_of(VERIFICATION)
    assert digest.last_update == dt.date(2026, 2, 13)
    assert {k: len(v) for k, v in digest.sections.items()} == {
        "verification": 265,
        "DVCon (proceedings archive)": 142,
        "IEEE (Xplore)": 198,
        "Semantic Scholar": 95,
        "UVM": 182,
        "arXiv": 7,
    }
    assert sum(len(p.sources) for p in digest.papers) == 502
    assert len(digest.papers) == 440
    assert sum(1 for p in digest.papers if p.arxiv_id) == 7
    assert sum(len(p.sources) for p in digest.papers if p.updated is None) >= 1
    assert sum(1 for p in digest.papers if "link" in p.extra) >= 1
    assert all(p.extra["link"].startswith("downloads/") for p in digest.papers if "link" in p.extra)
    assert all(p.url is None or p.url.startswith("https://") for p in digest.papers)
    uvm = next(p for p in digest.papers if p.arxiv_id == "2504.19959")
    assert uvm.title == "From Concept to Practice: an Automated LLM-aided UVM Machine for RTL Verification"
    assert uvm.tags == ["UVM", "arXiv"] and (uvm.version, uvm.updated) == (3, dt.date(2025, 8, 20))


@REAL
def test_real_held_out_two_level_readme() -> None:
    digest = digest_of(TWO_LEVEL)
    assert digest.last_update == dt.date(2025, 6, 13)
    assert len(digest.sections) == 59
    assert sum(len(p.sources) for p in digest.papers) == 1740
    assert len(digest.papers) == 415 and all(p.arxiv_id for p in digest.papers)
    assert sum(1 for p in digest.papers if p.code_url) == 6
    lines = TWO_LEVEL.read_text(encoding="utf-8").splitlines()
    areas = [line[3:].strip() for line in lines if line.startswith("## ")]
    assert len(areas) == 15 and all(area in digest.sections for area in areas)
    rows_per_area = {area: 0 for area in areas}
    for paper in digest.papers:
        for record in paper.sources:
            number = int(record.record.split()[1])
            area = next(line[3:].strip() for line in reversed(lines[:number]) if line.startswith("## "))
            rows_per_area[area] += 1
    assert rows_per_area["Federated Learning"] == 330 and rows_per_area["3D Vision"] == 210
    assert sorted(rows_per_area.values()) == [30] * 5 + [60, 60, 90, 90, 120, 150, 210, 240, 240, 330]


@REAL
def test_real_held_out_pages_readme() -> None:
    digest = digest_of(PAGES_REAL)
    assert digest.last_update == dt.date(2025, 10, 21)
    assert list(digest.sections) == [
        "Point Cloud Registration",
        "Image Matching",
        "SLAM",
        "SFM",
        "Visual Localization",
        "Keypoint Detection",
        "NeRF",
        "Gaussian Splatting",
        "3D Registration",
    ]
    assert sum(len(p.sources) for p in digest.papers) == 1262
    assert len(digest.papers) == 1122 and all(p.arxiv_id for p in digest.papers)
    assert sum(1 for p in digest.papers if p.code_url) == 186
    first = digest.papers[0]
    assert (first.arxiv_id, first.version, first.updated) == ("2507.11938", None, dt.date(2025, 7, 16))
    assert first.title.startswith("A Multi-Level Similarity Approach for Single-View Object Grasping")
    assert first.authors == ["Hao Chen"] and first.sources[0].record == "line 14"
    assert digest.papers[1].title.startswith("Diff $^2$ I2P: ")


@REAL
def test_real_paper_cards() -> None:
    digest = digest_of(YOLO)
    assert digest.sections == {"📑 论文列表": ["2608.17917", "2608.17362", "2608.16785", "2608.16191", "2608.15830"]}
    assert [p.sources[0].record for p in digest.papers] == ["line 17", "line 31", "line 45", "line 59", "line 73"]
    assert [p.updated for p in digest.papers] == [dt.date(2026, 8, d) for d in (18, 18, 17, 17, 16)]
    assert [p.authors for p in digest.papers] == [
        ["Alma M. Liezenga"],
        ["Minjong Kim"],
        ["Gaofeng Su"],
        ["Tamara R. Lenhard"],
        ["Mingshuo Xu"],
    ]
    first = digest.papers[0]
    assert first.title == (
        "Comparative Study of Out-of-the-Box Technology for Automatic Target Detection and Recognition"
    )
    assert first.abstract.startswith("Automatic Target Detection and Recognition (ATD/R) is critical for military")
    assert (first.version, first.url) == (1, "http://arxiv.org/abs/2608.17917v1")
    assert digest.papers[4].title == "MITE-Net: SWaP-Optimized 4K Video Tiny Target Perception for Embodied Edge SAR"


@pytest.mark.parametrize(
    "name",
    [
        "cv-arxiv-daily-layout.md",
        "keyword-subsections-layout.md",
        "pages-layout.md",
        "other-headers-layout.md",
        "blockquote-layout.md",
    ],
)
def test_load_detects_every_readme_layout(name: str) -> None:
    """paperlab.load() dispatches each layout to the DailyArXiv reader, which reads the same papers."""
    path = DATA / "dailyarxiv" / name
    with warnings.catch_warnings():  # some samples carry bad rows on purpose; both paths report them
        warnings.simplefilter("ignore", PartialImportWarning)
        loaded, read = paperlab.load(path), read_dailyarxiv(path)
    assert loaded.ids == paperlab.Library(read).ids and len(loaded) > 0


def test_load_of_a_readme_without_papers_names_the_layouts_it_knows() -> None:
    with pytest.raises(ParseError, match="no paper table found") as info:
        paperlab.load(DATA / "dailyarxiv" / "no-papers-layout.md")
    assert "DailyArXiv" in str(info.value) and "no-papers-layout.md" in str(info.value)

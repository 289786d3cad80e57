"""DailyArXiv-style READMEs (paperlab.sources.dailyarxiv): reading, writing, round trip.

Own data (tests/data/dailyarxiv, written for these tests and tests/test_dailyarxiv_layouts.py; ids, titles and dates
are facts, the abstracts are ours):
- ``README.md``: ``Last update: 2025-03-21``, 3 sections (Hallucination 5 rows, MLLM 3, Reasoning 2) = 10 rows,
  7 distinct papers: 2503.14895 under Hallucination (line 11) and MLLM (line 21), 2503.13107 under all three
  (lines 15, 22, 28); 3 empty Comment cells; a folded ``<details>`` comment (line 14); a v2 paper (line 20);
  ``|`` inside LaTeX and a literal ``\\|`` in an abstract plus ``ICML 2025 | oral`` as comment (line 12, the
  row has eight ``|`` instead of five); raw ``<``, ``&`` and ``\\&`` in abstracts and ``&`` in a title.
- ``cv-arxiv-daily-layout.md``: the other generator's layout (``|Publish Date|Title|Authors|PDF|Code|``, no leading
  spaces, ``## Updated on 2022.07.02``, bold dates and titles, ``Name et.al.`` authors, ``null`` code cells,
  ``back to top`` HTML lines): sections SLAM (3 rows, lines 7-9) and Image Matching (2 rows, lines 17-18) = 5 rows,
  4 papers (2206.12961 under both); 2205.13135 is a v2; 2 code links.
- ``keyword-subsections-layout.md``: two heading levels (``## area`` / ``### topic``), centred ``| :---: |``
  alignment, a non-paper table (``| Source | Enabled |``, lines 7-10), ``Last update: 2026-02-13`` after the intro,
  relative PDF links, an empty date, an IEEE link, a ``### arXiv`` heading without a table: sections Computer Vision
  (3 papers, 4 rows), Object Detection (2), Segmentation (2), Hardware Verification (3 papers, 4 rows), Conference
  proceedings (3 papers, 4 rows), Robotics (1) = 9 rows, 6 papers.
- ``pages-layout.md``: the GitHub-Pages copy of cv-arxiv-daily: Jekyll front matter (whose title holds a ``|``),
  spaced header ``| Publish Date | Title | … |``, ``|:---------|:---…|`` alignment, LaTeX and ``\\|`` in titles,
  ids without version, ``## Updated on 2025.10.21``: NeRF 4 rows, SLAM 4 rows: line 22 read, line 23 has a date
  nobody can read (reported), line 24 has a raw ``|`` in its title (joined back), line 25 has one cell too many
  (reported): 6 rows, 5 papers.
- ``other-headers-layout.md``: Chinese column names (日期 标题 作者 链接 代码), a table without outer pipes whose
  ``Paper`` column (next to ``Title``) holds the link, month-name dates (``Apr 5, 2023``, ``7 February 2018``), an
  ``arXiv:1708.02002v2`` text cell, a row without its last cell, and a ``| Name | Link |`` table that is not papers.
- ``blockquote-layout.md``: paper cards, no table: ``## Paper list``, then ``> ### 1. YOLOv4: …`` (line 11, in a
  blockquote, attribute rows ``| Published | 2020-04-23 |`` and ``| Authors | … |``, ``**Abstract:**``, a v1 link),
  ``> ### 2. Focal Loss …`` (line 25, date ``last week``: reported), ``### Segment Anything \\(SAM\\)`` (line 35,
  no blockquote, ``**Summary**``, markdown escapes) and, under ``## About``, a heading that is not a paper.
- ``no-papers-layout.md``: prose, a ``| Name | Link |`` table and headings, no paper: a ParseError that names the
  layouts the reader knows.

Recorded real READMEs (``@pytest.mark.realdata``; counts verified by reading the files, see
``$PAPERLAB_REALDATA/fixtures/PROVENANCE.md``):
- ``$PAPERLAB_REALDATA/seeds/daily-arxiv-readme.md``: 4 sections x 20 rows = 80 rows, 78 distinct papers
  (2503.14895 and 2503.08342 are under both "Hallucination" and "MLLM"), 48 empty Comment cells.
- zezhishao/DailyArXiv README @ 187aa20: 3 sections (79 + 76 + 89 = 244 rows), 242 distinct papers,
  124 empty Comment cells.
- hengxt/DailyArXiv fork README @ c125e64: 7 sections, 101 rows, 87 distinct papers, 45 empty Comment cells.
None of the three real files contains a row broken by a raw ``|`` or a literal ``\\|`` (every row has exactly
five ``|``), so those rows are built here from real rows with LaTeX pipes added.
- Vincentqyw/cv-arxiv-daily README @ 1661480 (``$PAPERLAB_REALDATA/fixtures/PROVENANCE-2.md``): ``## Updated on
  2022.07.02``, 5 ``|Publish Date|Title|Authors|PDF|Code|`` tables: SLAM 172 rows, SFM 45, Visual Localization 105,
  Keypoint Detection 62, Image Matching 56 = 440 rows, 408 distinct arXiv ids, 324 ``null`` code cells and 116 code
  links (101 distinct ids); 2202.01938 is listed as v1 (line 115, "DYP-SLAM", 2022-02-04) and v2 (line 316,
  renamed "CFP-SLAM", 2022-02-25).
- universal-verification-methodology/digital_verification_news README @ 7766f0c: ``Last update: 2026-02-13``,
  ``## verification`` / ``## UVM`` each with ``###`` source subsections; 502 rows (verification: DVCon 100, IEEE
  100, Semantic Scholar 95, arXiv none; UVM: DVCon 100, IEEE 100, arXiv 7); only the 7 arXiv rows link to arXiv;
  444 distinct titles ignoring case, 440 ignoring case, spaces and punctuation (4 pairs such as "… Flow: from Spec"
  / "… Flow : from Spec"), so 440 papers; distinct per section: verification 265, UVM 182, DVCon 142, IEEE 198,
  Semantic Scholar 95, arXiv 7; 61 rows with an empty date; 200 rows with a relative ``downloads/…`` link.
- beiyuouo/arxiv-daily README @ d4992c6 (held out while writing the reader): `` Automated deployment @ 2025-06-13
  21:19:36 Asia/Shanghai``, 15 ``## area`` headings over 59 ``### topic`` tables (``| :---: |`` alignment; topic
  names repeat across areas, 13 of them also name an area, so 59 distinct keywords), 1740 rows, 415 distinct arXiv
  ids, 6 of them with a code link; rows per area: Federated Learning 330, Computer Vision 240, Edge Computing 240,
  3D Vision 210, Multi-modal 150, Robotics 120, Few-shot Learning 90, Medical Application 90, Transformer 60,
  Unsupervised Learning 60, five areas 30.
- Ea510chan/3D-Vision-arxiv-daily docs/index.md @ d627beb (held out): Jekyll front matter, ``## Updated on
  2025.10.21``, 9 sections, 1262 rows, 1122 distinct arXiv ids (no versions), 186 of them with a code link; line 14
  is 2507.11938 (2025-07-16, "A Multi-Level Similarity Approach for Single-View Object Grasping: …", Hao Chen
  et.al.); line 15 has the title ``Diff $^2$ I2P: …``.
- WangQvQ/YOLO-Arxiv-Daily README @ e844676: no paper table; 5 paper cards (``> ### N. title`` at lines 17, 31, 45,
  59, 73, in ``## 📑 论文列表``), each with ``| 📅 发布日期 | … |`` and ``| 👤 作者 | … |`` rows, an abstract under
  ``**📄 英文摘要：**`` and a ``[阅读论文](http://arxiv.org/abs/…v1)`` link; titles and abstracts carry markdown escapes
  (``Out\\-of\\-the\\-Box``, ``\\(ATD/R\\)``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from paths import DATA, FIXTURES, SEEDS

import paperlab
from paperlab import Paper
from paperlab.date_precision import dated_by_arxiv_id
from paperlab.errors import ParseError, PartialImportWarning
from paperlab.identifiers import normalize_arxiv_id
from paperlab.sources.dailyarxiv import (
    DailyArxivDigest,
    parse_dailyarxiv,
    read_dailyarxiv,
    to_dailyarxiv_markdown,
)

SEED = SEEDS / "daily-arxiv-readme.md"
ZEZHISHAO = FIXTURES / "dailyarxiv_readme" / "zezhishao_DailyArXiv_README_2024-07-19_187aa20.md"
HENGXT = FIXTURES / "dailyarxiv_readme" / "hengxt_DailyArXiv_fork_README_2026-08-21_c125e64.md"
CV_DAILY = FIXTURES / "dailyarxiv_readme" / "Vincentqyw_cv-arxiv-daily_README_2022-07-02_1661480.md"
VERIFICATION = FIXTURES / "dailyarxiv_readme" / "digital_verification_news_README_2026-02-13_7766f0c.md"
# kept aside while the reader was written (held out), then checked: every row read
TWO_LEVEL = FIXTURES / "dailyarxiv_readme" / "beiyuouo_arxiv-daily_README_2025-06-13_d4992c6.md"
PAGES_REAL = FIXTURES / "dailyarxiv_readme" / "Ea510chan_3D-Vision-arxiv-daily_docs_index_2025-10-21_d627beb.md"
OWN = DATA / "dailyarxiv" / "README.md"
CV_LAYOUT = DATA / "dailyarxiv" / "cv-arxiv-daily-layout.md"
SUBSECTIONS = DATA / "dailyarxiv" / "keyword-subsections-layout.md"
OTHER_HEADERS = DATA / "dailyarxiv" / "other-headers-layout.md"
REAL = pytest.mark.realdata


def real(*values: object) -> object:
    """A parameter set that reads the recorded real corpus."""
    return pytest.param(*values, marks=REAL)


ROUND_TRIP_FIELDS = ("title", "arxiv_id", "version", "updated", "published", "abstract", "comment", "tags")


def digest_of(path: Path) -> DailyArxivDigest:
    return parse_dailyarxiv(path.read_text(encoding="utf-8"), source=str(path))


def rows(digest: DailyArxivDigest) -> int:
    return sum(len(ids) for ids in digest.sections.values())


def empty_comment_rows(digest: DailyArxivDigest) -> int:
    # each source record is one table row
    return sum(len(p.sources) for p in digest.papers if p.comment is None)


@pytest.mark.parametrize(
    "path, sections, n_rows, n_papers, n_empty, last_update",
    [
        (OWN, {"Hallucination": 5, "MLLM": 3, "Reasoning": 2}, 10, 7, 3, dt.date(2025, 3, 21)),
        real(
            SEED,
            {"Hallucination": 20, "MLLM": 20, "Reasoning": 20, "Reward Model": 20},
            80,
            78,
            48,
            dt.date(2025, 3, 21),
        ),
        real(
            ZEZHISHAO,
            {"Time Series": 79, "Trajectory": 76, "Graph Neural Networks": 89},
            244,
            242,
            124,
            dt.date(2024, 7, 19),
        ),
        real(
            HENGXT,
            {
                "MUSIC Array": 19,
                "SBL Array": 2,
                "Subspace Array": 19,
                "Speech": 19,
                "Acoustic": 16,
                "Broadband": 10,
                "DOA": 16,
            },
            101,
            87,
            45,
            dt.date(2026, 8, 21),
        ),
    ],
)
def test_counts_sections_last_update(
    path: Path, sections: dict[str, int], n_rows: int, n_papers: int, n_empty: int, last_update: dt.date
) -> None:
    digest = digest_of(path)
    assert {k: len(v) for k, v in digest.sections.items()} == sections
    assert list(digest.sections) == list(sections)  # file order
    assert rows(digest) == n_rows
    assert len(digest.papers) == n_papers
    assert len({p.id for p in digest.papers}) == n_papers
    assert empty_comment_rows(digest) == n_empty
    assert digest.last_update == last_update
    assert all(p.sources[0].name == "dailyarxiv" and p.sources[0].location == str(path) for p in digest.papers)
    assert sum(len(p.sources) for p in digest.papers) == n_rows
    # the reader returns the same papers as the digest
    assert [p.id for p in read_dailyarxiv(path)] == [p.id for p in digest.papers]
    assert "papers=" in repr(digest) and str(last_update) in repr(digest)


@REAL
def test_seed_first_paper_fields_and_two_keywords() -> None:
    digest = digest_of(SEED)
    first = digest.papers[0]
    assert first.title == "Mitigating Object Hallucinations in MLLMs via Multi-Frequency Perturbations"
    assert (first.arxiv_id, first.version) == ("2503.14895", 1)
    assert first.url == "http://arxiv.org/abs/2503.14895v1"
    assert first.updated == dt.date(2025, 3, 19) and first.published == dt.date(2025, 3, 19)
    assert first.abstract.startswith("Recently, multimodal large language models (MLLMs) have demonstrated")
    assert first.abstract.endswith("to achieve state-of-the-art performance on the CHAIR benchmark.")
    assert first.comment is None
    # listed under Hallucination (line 15) and MLLM (line 40): one paper with both tags and both rows
    assert first.tags == ["Hallucination", "MLLM"]
    assert [s.record for s in first.sources] == ["line 15", "line 40"]
    assert "2503.14895" in digest.sections["Hallucination"] and "2503.14895" in digest.sections["MLLM"]
    assert digest.sections["MLLM"][1] == "2503.14895"
    assert sorted(p.id for p in digest.papers if len(p.tags) > 1) == ["2503.08342", "2503.14895"]
    # folded comment: <details><summary>Under...</summary><p>…</p></details> (line 19)
    hicd = next(p for p in digest.papers if p.arxiv_id == "2503.12908")
    assert hicd.comment == "Under review at ARR - February 2025"
    assert hicd.sources[0].record == "line 19"
    quoted = next(p for p in digest.papers if p.arxiv_id == "2503.14392")
    assert quoted.title.startswith('From "Hallucination" to "Suture": Insights from Language Philosophy')


@REAL
def test_hengxt_fork_fields() -> None:
    digest = digest_of(HENGXT)
    paper = next(p for p in digest.papers if p.arxiv_id == "2605.26875")
    assert paper.title == "G-iMUSIC: Greedy Iterative MUSIC Algorithms for Multi-Target DoA Estimation"
    assert paper.version == 2
    assert paper.updated == dt.date(2026, 5, 27)  # v2: date is the update; published only the id's month
    assert (paper.date_text, paper.date_inferred) == ("2026-05", True)
    assert paper.tags == ["MUSIC Array", "Subspace Array"]
    assert paper.comment == "12 pages; This work has been submitted to the IEEE for possible publication"
    assert "Cramér-Rao bound" in paper.abstract
    assert sum(1 for p in digest.papers if len(p.tags) > 1) == 13
    three = next(p for p in digest.papers if p.arxiv_id == "2511.10168")
    assert three.tags == ["Subspace Array", "Speech", "Acoustic"]


def test_own_first_paper_fields_and_keywords() -> None:
    digest = digest_of(OWN)
    first = digest.papers[0]
    assert first.title == "Mitigating Object Hallucinations in MLLMs via Multi-Frequency Perturbations"
    assert (first.arxiv_id, first.version) == ("2503.14895", 1)
    assert first.url == "http://arxiv.org/abs/2503.14895v1"
    assert first.updated == dt.date(2025, 3, 19) and first.published == dt.date(2025, 3, 19)
    assert first.abstract.startswith("Multimodal models often describe objects that are not in the image.")
    assert first.abstract.endswith("lowers the hallucination rate on the CHAIR benchmark.")
    assert first.comment is None
    # listed under Hallucination (line 11) and MLLM (line 21): one paper with both tags and both rows
    assert first.tags == ["Hallucination", "MLLM"]
    assert [s.record for s in first.sources] == ["line 11", "line 21"]
    assert digest.sections["MLLM"][1] == "2503.14895"
    # listed under all three keywords
    clear = next(p for p in digest.papers if p.arxiv_id == "2503.13107")
    assert clear.tags == ["Hallucination", "MLLM", "Reasoning"]
    assert [s.record for s in clear.sources] == ["line 15", "line 22", "line 28"]
    assert clear.comment == "Accepted by CVPR 2025"
    assert sorted(p.id for p in digest.papers if len(p.tags) > 1) == ["2503.13107", "2503.14895"]
    # folded comment: <details><summary>Under...</summary><p>…</p></details> (line 14)
    hicd = next(p for p in digest.papers if p.arxiv_id == "2503.12908")
    assert hicd.comment == "Under review at ARR - February 2025"
    assert hicd.sources[0].record == "line 14"
    quoted = next(p for p in digest.papers if p.arxiv_id == "2503.14392")
    assert quoted.title.startswith('From "Hallucination" to "Suture": Insights from Language Philosophy')
    # a v2 entry: the date is the last update, not the first publication
    llava = next(p for p in digest.papers if p.arxiv_id == "2304.08485")
    assert (llava.version, llava.updated, llava.date_text, llava.date_inferred) == (
        2,
        dt.date(2023, 12, 11),
        "2023-04",
        True,
    )
    assert llava.url == "https://arxiv.org/abs/2304.08485v2"
    assert llava.comment == "NeurIPS 2023 Oral; project page: https://llava-vl.github.io/"
    assert [p.id for p in digest.papers] == [
        "2503.14895",
        "2503.14477",
        "2503.14392",
        "2503.12908",
        "2503.13107",
        "2304.08485",
        "2407.12113",
    ]


def test_own_raw_special_characters_are_kept() -> None:
    papers = {p.arxiv_id: p for p in digest_of(OWN).papers}
    clear = papers["2503.13107"].abstract
    assert "where $0 < p < 4$ heads carry most of it" in clear  # raw "<"
    assert "keep errors of <0.5 points on fluency." in clear
    fleet = papers["2407.12113"]
    assert "(vertiports & aircraft)" in fleet.abstract  # raw "&"
    assert r"like the $\text{S}\&\text{P} 500$ index" in fleet.abstract
    assert fleet.title == (
        "A Graph-based Adversarial Imitation Learning Framework for Reliable "
        "& Realtime Fleet Scheduling in Urban Air Mobility"
    )
    assert fleet.comment == "12 pages"


def test_own_load_detects_dailyarxiv() -> None:
    lib = paperlab.load(OWN)
    direct = read_dailyarxiv(OWN)
    assert len(lib) == 7
    assert [p.id for p in lib] == [p.id for p in direct]
    assert lib["2503.14895"].tags == ["Hallucination", "MLLM"]


@pytest.mark.parametrize("path", [OWN, real(SEED), real(ZEZHISHAO), real(HENGXT)])
def test_html_removed_from_abstracts_and_comments(path: Path) -> None:
    for paper in digest_of(path).papers:
        for text in (paper.abstract, paper.comment, paper.title):
            if text:
                assert not re.search(r"</?(details|summary|p)>", text), (paper.id, text[:80])
        assert paper.abstract and paper.abstract == paper.abstract.strip()


@REAL
def test_raw_special_characters_are_kept() -> None:
    hengxt = {p.arxiv_id: p for p in digest_of(HENGXT).papers}
    assert "where $0 < p < 4$, leading to" in hengxt["2309.17110"].abstract  # line 21, raw "<"
    assert "(azimuth & elevation)" in hengxt["2508.00307"].abstract  # line 86, raw "&"
    zez = {p.arxiv_id: p for p in digest_of(ZEZHISHAO).papers}
    assert "errors of <0.5 mm" in zez["2405.07017"].abstract  # line 163
    assert r"\text{S}\&\text{P} 500" in next(p.abstract for p in zez.values() if "NASDAQ" in (p.abstract or ""))
    assert zez["2407.12113"].title == (
        "A Graph-based Adversarial Imitation Learning Framework for Reliable "
        "& Realtime Fleet Scheduling in Urban Air Mobility"
    )


# A real row (seed line 16) with pipes added as real READMEs have them: LaTeX absolute values |x|,
# a norm written \\|y\\|, and a pipe in the comment. Our own README has such a row as written (line 12).
PIPES = r" We bound $|x - y| \le \|y\|_2$ for all | cases."
TABLE_HEAD = (
    "Last update: 2025-03-21\n\n## Hallucination\n| **Title** | **Date** | **Abstract** | **Comment** |\n"
    "| --- | --- | --- | --- |\n"
)


def real_row() -> str:
    """Seed line 16, read when a test asks for it (never at import)."""
    return SEED.read_text(encoding="utf-8").split("\n")[15]


def broken_readme() -> tuple[str, str]:
    real_row_ = real_row()
    assert real_row_.startswith("| **[Calibrating Verbal Uncertainty as a Linear Feature")
    addition = PIPES
    row = real_row_.replace("reduction of 32%.</p>", "reduction of 32%." + addition + "</p>")
    row = row[: row.rstrip().rstrip("|").rstrip().rfind("|")] + "| ICML 2025 | oral |"
    text = TABLE_HEAD + row + "\n"
    return text, addition


def own_broken_readme() -> tuple[str, str]:
    row = OWN.read_text(encoding="utf-8").split("\n")[11]  # line 12
    assert row.startswith("| **[Calibrating Verbal Uncertainty as a Linear Feature")
    assert len(re.findall(r"\|", row)) == 11 and PIPES + "</p>" in row
    return TABLE_HEAD + row + "\n", PIPES


# (make the README text, start of the abstract, end of the abstract before the added pipes)
BROKEN = [
    pytest.param(
        own_broken_readme,
        "Language models often state false claims in a confident voice.",
        "makes the wording match the model's real uncertainty.",
        id="own",
    ),
    pytest.param(
        broken_readme,
        "LLMs often adopt an assertive language style",
        "achieving an average relative reduction of 32%.",
        id="real",
        marks=REAL,
    ),
]


@pytest.mark.parametrize("make, start, end", BROKEN)
def test_rows_broken_by_pipes_parse_correctly(make, start: str, end: str) -> None:
    text, addition = make()
    (paper,) = parse_dailyarxiv(text).papers
    assert paper.title == "Calibrating Verbal Uncertainty as a Linear Feature to Reduce Hallucinations"
    assert (paper.arxiv_id, paper.version, paper.updated) == ("2503.14477", 1, dt.date(2025, 3, 18))
    assert paper.abstract.startswith(start)
    assert paper.abstract.endswith(end + addition)
    assert r"\|y\|_2" in paper.abstract  # literal "\|" kept as written
    assert paper.comment == "ICML 2025 | oral"
    # a pipe inside the title too
    piped = text.replace("**[Calibrating Verbal", "**[A | B: Calibrating Verbal")
    assert parse_dailyarxiv(piped).papers[0].title.startswith("A | B: Calibrating Verbal")


@pytest.mark.parametrize("make, start, end", BROKEN)
def test_bad_rows_are_reported_and_skipped(make, start: str, end: str) -> None:
    text, _ = make()
    text += "| this row | has no title link | nor details |\n"  # line 7
    with pytest.warns(PartialImportWarning, match=r"line 7: table row not understood") as record:
        digest = parse_dailyarxiv(text, source="README.md")
    assert [p.arxiv_id for p in digest.papers] == ["2503.14477"]
    assert [p.where for p in record[0].message.problems] == ["line 7"]


def test_garbage_is_a_parse_error(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=r"no paper table found: expected a DailyArXiv-style README, one of"):
        parse_dailyarxiv("# My notes\n\nNothing to see here.\n")
    only_bad = (
        "## Keyword\n| **Title** | **Date** | **Abstract** | **Comment** |\n| --- | --- | --- | --- |\n"
        "| **[x]** | yesterday | no details | |\n"
    )
    with pytest.raises(ParseError, match=r"README\.md, line 4: no usable table rows") as info:
        parse_dailyarxiv(only_bad, source="README.md")
    assert len(info.value.problems) == 1
    empty_table = "## Keyword\n| **Title** | **Date** | **Abstract** | **Comment** |\n| --- | --- | --- | --- |\n"
    with pytest.raises(ParseError, match="have no rows"):
        parse_dailyarxiv(empty_table)
    garbage = tmp_path / "README.md"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xff")
    with pytest.raises(ParseError, match="UTF-8"):
        read_dailyarxiv(garbage)


# -- writer and round trip -----------------------------------------------------------------


def assert_same(before: list[Paper], after: list[Paper], tag_order: bool = True) -> None:
    assert len(after) == len(before)
    after_by_id = {p.id: p for p in after}
    for p in before:
        q = after_by_id[p.id]
        for name in ROUND_TRIP_FIELDS:
            if name == "tags" and not tag_order:
                assert sorted(q.tags) == sorted(p.tags), p.id
            else:
                assert getattr(q, name) == getattr(p, name), (p.id, name)


def written_abs_link(paper: Paper) -> str | None:
    if not paper.arxiv_id:
        return None
    return f"https://arxiv.org/abs/{paper.arxiv_id}" + (f"v{paper.version}" if paper.version else "")


@pytest.mark.parametrize(
    "path",
    [
        OWN,
        CV_LAYOUT,
        SUBSECTIONS,
        OTHER_HEADERS,
        real(SEED),
        real(ZEZHISHAO),
        real(HENGXT),
        real(CV_DAILY),
        real(VERIFICATION),
        real(TWO_LEVEL),
        real(PAGES_REAL),
    ],
)
def test_round_trip_readmes(path: Path, tmp_path: Path) -> None:
    digest = digest_of(path)
    md = to_dailyarxiv_markdown(digest.papers, last_update=digest.last_update, sections=digest.sections)
    out = tmp_path / "README.md"
    out.write_text(md, encoding="utf-8")
    again = parse_dailyarxiv(out.read_text(encoding="utf-8"), source=str(out))
    assert again.last_update == digest.last_update
    assert again.sections == digest.sections
    # two heading levels are written as flat sections in file order: a paper under "## UVM" / "### DVCon" comes back
    # tagged DVCon first, as the first DVCon table comes before the UVM one, and papers come back in the order of
    # the flat sections
    in_order = path not in (VERIFICATION, TWO_LEVEL)
    order = (lambda ids: ids) if in_order else sorted
    assert order([p.id for p in again.papers]) == order([p.id for p in digest.papers])
    # one date column: a paper listed with two dates is written once, with its last date and version, so its first
    # publication is lost (cv-arxiv-daily lines 115 and 316: 2202.01938v1 of 2022-02-04 and v2 of 2022-02-25; in
    # digital_verification_news a title listed by two sources with two years)
    back = {p.id: p for p in again.papers}
    # a paper with an arXiv id and no page link (only a PDF link) is written with its arXiv abs link
    urls = {p.id: p.url or written_abs_link(p) for p in digest.papers}
    for p in digest.papers:
        q = back[p.id]
        if p.published and p.published != p.updated and not dated_by_arxiv_id(p.extra):
            assert q.updated == p.updated and (q.published == p.updated or dated_by_arxiv_id(q.extra))
            p.published = q.published
            assert q.url == p.url or q.arxiv_id and p.version != normalize_arxiv_id(p.url)[1]
            urls[p.id] = q.url
    assert_same(digest.papers, again.papers, tag_order=in_order)
    assert {p.id: p.url for p in again.papers} == urls
    # layout: header table per section, one line per row
    assert md.count("| **Title** | **Date** | **Abstract** | **Comment** |") == len(digest.sections)
    assert len([line for line in md.splitlines() if line.startswith("| **[")]) == rows(digest)
    assert f"Last update: {digest.last_update.isoformat()}" in md
    # default sections come from the tags (in order of first appearance, so a paper's tags may come back
    # in another order)
    by_tags = parse_dailyarxiv(to_dailyarxiv_markdown(digest.papers, last_update=digest.last_update))
    # (a keyword whose table is empty has no paper to carry it: beiyuouo's "### Vision-Language")
    assert {k: sorted(v) for k, v in by_tags.sections.items()} == {
        k: sorted(v) for k, v in digest.sections.items() if v
    }
    assert_same(digest.papers, by_tags.papers, tag_order=False)
    # a Library works as input; read_dailyarxiv reads the written file
    assert_same(digest.papers, read_dailyarxiv(out), tag_order=in_order)
    lib_md = to_dailyarxiv_markdown(
        paperlab.Library(digest.papers), last_update=digest.last_update, sections=list(digest.sections)
    )
    assert_same(digest.papers, parse_dailyarxiv(lib_md).papers, tag_order=in_order)


@pytest.mark.parametrize("make, start, end", BROKEN)
def test_round_trip_rows_with_pipes_and_markup(make, start: str, end: str) -> None:
    text, _ = make()
    broken = parse_dailyarxiv(text).papers
    tricky = Paper(
        title="Sets [A] | B & <C>: a <b>bold</b> ](http://x)** | title",
        arxiv_id="2401.00001v3",
        abstract="Line one with |x| and \\|y\\| norms;\nline two has <i>tags</i>, &amp; and &lt;, 5 < 6 > 4.",
        comment="8 pages | accepted at <ICML> & friends, see [1]",
        updated=dt.date(2024, 2, 3),
        tags=["Keyword | with pipe", "Second"],
    )
    untagged = Paper(
        title="No arXiv id, no tags",
        abstract="Short.",
        comment="12 pages",
        url="https://example.org/paper",
        published=dt.date(2023, 1, 1),
        updated=dt.date(2023, 1, 1),
    )
    papers = [*broken, tricky, untagged]
    md = to_dailyarxiv_markdown(papers, last_update="2025-01-02")
    for line in md.splitlines():
        if line.startswith("| **["):
            # every row stays one row of four cells: exactly five unescaped pipes
            assert len(re.findall(r"(?<!\\)\|", line)) == 5, line
    again = parse_dailyarxiv(md)
    assert again.last_update == dt.date(2025, 1, 2)
    assert_same(papers, again.papers)
    got = {p.id: p for p in again.papers}
    assert got["2401.00001"].abstract == tricky.abstract
    assert got["2401.00001"].tags == ["Keyword | with pipe", "Second"]
    assert got[untagged.id].tags == [] and got[untagged.id].url == "https://example.org/paper"
    assert got["2503.14477"].comment == "ICML 2025 | oral"


def test_writer_escapes_html_in_cells() -> None:
    p = Paper(
        title="<script>alert(1)</script>",
        arxiv_id="2401.00002v1",
        abstract="<img src=x onerror=alert(1)>",
        updated=dt.date(2024, 1, 1),
        tags=["t"],
    )
    md = to_dailyarxiv_markdown([p], last_update=dt.date(2024, 1, 2))
    assert "<script>" not in md and "<img" not in md
    assert "&lt;script&gt;" in md
    assert parse_dailyarxiv(md).papers[0].abstract == "<img src=x onerror=alert(1)>"


@REAL
def test_load_detects_dailyarxiv() -> None:
    lib = paperlab.load(SEED)
    direct = read_dailyarxiv(SEED)
    assert len(lib) == 78
    assert [p.id for p in lib] == [p.id for p in direct]
    assert lib["2503.14895"].tags == ["Hallucination", "MLLM"]


def test_written_links_are_http_urls_only() -> None:
    """Links go through paperlab.urls.md_url: a javascript: URL is never written; ( ) | stay percent-encoded."""
    evil = Paper(title="Evil link", url="javascript:alert(1)", updated=dt.date(2024, 1, 1))
    odd = Paper(title="Odd link", url="https://example.org/a_(b)|c d", updated=dt.date(2024, 1, 1))
    md = to_dailyarxiv_markdown([evil, odd], last_update=dt.datetime(2025, 1, 2, 10, 30))
    assert "javascript" not in md and "Last update: 2025-01-02" in md
    assert "(https://example.org/a_%28b%29%7Cc%20d)" in md
    again = {p.title: p for p in parse_dailyarxiv(md).papers}
    assert again["Evil link"].url is None
    assert again["Odd link"].url == "https://example.org/a_%28b%29%7Cc%20d"

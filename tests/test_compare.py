"""paperlab.compare: results extraction from real abstracts, tables, compare/diff/leaderboard views.

The tests that read real abstracts run on the bundled demo corpus (``paperlab.data.demo_library()``, which holds
these papers) and, when ``$PAPERLAB_REALDATA`` is set, again on the recorded files themselves
(``@pytest.mark.realdata`` parameters): ``$PAPERLAB_REALDATA/seeds/hf-papers-contrastive.txt``,
``$PAPERLAB_REALDATA/fixtures/hf_daily_papers/sotawhat_daily_papers_2026-06_30items.json`` (lucas-m-lopes/sotawhat),
``$PAPERLAB_REALDATA/seeds/reading-group-session.txt``. Short quotations of single sentences (results, venues from
DailyArXiv comments) are written inline.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from paths import FIXTURES, SEEDS

import paperlab
from paperlab import Paper
from paperlab.compare import (
    compare,
    diff,
    extract_facets,
    extract_results,
    find_tables,
    leaderboard,
    parse_table,
    venue_of,
)
from paperlab.errors import ParseError

SOTAWHAT = FIXTURES / "hf_daily_papers" / "sotawhat_daily_papers_2026-06_30items.json"
CONTRASTIVE = SEEDS / "hf-papers-contrastive.txt"
CORPORA = ["demo", pytest.param("real", marks=pytest.mark.realdata)]
ADAINF = "AdaInf obtains 94.70%"


def _demo_items() -> dict[str, dict[str, object]]:
    """The demo corpus' Hugging Face papers in the shape of the API's ``paper`` objects used below."""
    from paperlab.data import demo_library

    return {
        p.id: {
            "title": p.title,
            "id": p.arxiv_id,
            "summary": p.abstract,
            "upvotes": p.upvotes,
            "githubRepo": p.code_url,
            "githubStars": p.github_stars,
            "ai_keywords": p.keywords,
            "publishedAt": p.published.isoformat(),
            "authors": [{"name": a} for a in p.authors],
        }
        for p in demo_library()
        if any(s.name == "hf" for s in p.sources)
    }


def _hf_papers(*ids: str, corpus: str = "real") -> list[Paper]:
    if corpus == "demo":
        items = _demo_items()
    else:
        items = {it["paper"]["id"]: it["paper"] for it in json.loads(SOTAWHAT.read_text(encoding="utf-8"))}
    out = []
    for i in ids:
        p = items[i]
        out.append(
            Paper(
                title=p["title"],
                arxiv_id=p["id"],
                abstract=p["summary"],
                upvotes=p.get("upvotes"),
                code_url=p.get("githubRepo"),
                github_stars=p.get("githubStars"),
                keywords=p.get("ai_keywords") or [],
                published=p["publishedAt"][:10],
                authors=[a["name"] for a in p["authors"]],
            )
        )
    return out


def _rows(df: pd.DataFrame, cols: list[str]) -> list[list[object]]:
    return [[None if pd.isna(v) else v for v in row] for row in df[cols].values.tolist()]


def _abstract_with(corpus: str, needle: str) -> str:
    if corpus == "demo":
        from paperlab.data import demo_library

        paras = [p.abstract or "" for p in demo_library()]
    else:
        paras = CONTRASTIVE.read_text(encoding="utf-8").split("\n")
    for para in paras:
        if needle in para:
            return para
    raise AssertionError(needle)


# -- sentences -------------------------------------------------------------------------------


@pytest.mark.parametrize("corpus", CORPORA)
def test_adainf_result_with_provenance(corpus: str) -> None:
    abstract = _abstract_with(corpus, ADAINF)
    paper = Paper("Do Generated Data Always Help Contrastive Learning?", abstract=abstract)
    df = extract_results(paper)
    assert len(df) == 1
    r = df.iloc[0]
    assert (r.value, r.unit, r.metric, r.dataset, r.setting, r.method, r.kind) == (
        94.70,
        "%",
        "linear accuracy",
        "CIFAR-10",
        "SimCLR",
        "AdaInf",
        "absolute",
    )
    assert r["paper"] == paper.id and r["source"] == paper.id
    assert r["evidence"].startswith("Notably, without using external data, AdaInf obtains 94.70%")
    n = int(r["where"].split()[1])
    assert r["where"] == f"sentence {n}" and n > 5


def test_respectively_list_and_deltas() -> None:
    text = (
        "For instance, our approach outperforms the Mistral-7B Supervised Fine-Tuning (SFT) baseline on GSM8K, "
        "MATH, and ARC-C, with substantial increases in accuracy to 81.8% (+5.9%), 34.7% (+5.8%), and 76.4% "
        "(+15.8%), respectively."
    )  # seeds/hf-papers-contrastive.txt
    df = extract_results(text)
    got = list(df[["value", "kind", "metric", "dataset"]].itertuples(index=False, name=None))
    assert got == [
        (81.8, "absolute", "accuracy", "GSM8K"),
        (5.9, "delta", "accuracy", "GSM8K"),
        (34.7, "absolute", "accuracy", "MATH"),
        (5.8, "delta", "accuracy", "MATH"),
        (76.4, "absolute", "accuracy", "ARC-C"),
        (15.8, "delta", "accuracy", "ARC-C"),
    ]


def test_numbers_that_are_not_results() -> None:
    # seeds/reading-group-session.txt line 199 and seeds/hf-papers-contrastive.txt
    assert extract_results(
        "For a 5 minute video at 224×224 pixels consists of the typical 16×16 spatial patches, "
        "when sampling 1 frame per second, the transformer sequence length is 58,800 tokens."
    ).empty
    assert extract_results(
        "The results demonstrate that COMET consistently outperforms all baselines, particularly "
        "in setup with 10% and 1% labeled data fractions across all datasets."
    ).empty
    df = extract_results(
        "Due to these contributions, AbeT lowers the False Positive Rate at 95% True Positive Rate "
        "(FPR@95) by 35.39% in classification"
    )
    assert df[["value", "kind", "metric"]].values.tolist() == [[35.39, "delta", "FPR95"]]


@pytest.mark.parametrize("corpus", CORPORA)
def test_benchmark_names_outside_the_lexicon(corpus: str) -> None:
    (paper,) = _hf_papers("2606.10423", corpus=corpus)
    df = extract_results(paper)
    assert df[["value", "dataset"]].values.tolist() == [
        [56.3, "WebArena"],
        [48.7, "VisualWebArena"],
        [51.0, "Online-Mind2Web"],
        [70.9, "WorkArena"],
    ]


def test_empty_inputs() -> None:
    df = extract_results("")
    assert df.empty and list(df.columns)[:6] == ["paper", "method", "dataset", "metric", "value", "unit"]
    assert extract_results(Paper("No abstract")).empty
    assert extract_facets("") == {"task": [], "datasets": [], "metrics": []}
    with pytest.raises(TypeError, match="Paper or a str"):
        extract_results(42)  # type: ignore[arg-type]
    empty = compare([])
    assert empty.empty and "title" in empty.columns
    with pytest.raises(ValueError, match="at least one non-empty"):
        leaderboard([])
    with pytest.raises(ParseError, match="empty text"):
        parse_table("")


@pytest.mark.parametrize("corpus", CORPORA)
def test_facets_of_a_real_abstract(corpus: str) -> None:
    abstract = _abstract_with(corpus, ADAINF)
    f = extract_facets(Paper("Do Generated Data Always Help Contrastive Learning?", abstract=abstract))
    assert f["task"][:2] == ["contrastive learning", "representation learning"]
    assert f["datasets"] == ["CIFAR-10"]
    assert f["metrics"] == ["linear accuracy"]


# -- venue -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("comment", "venue"),
    [
        ("Accepted as Finding of NAACL 2025", "NAACL 2025"),
        ("Accepted at CVPR 2025", "CVPR 2025"),
        ("CVPR2025;Code will be released at \\url{https://github.com/aim-uofa/SegAgent}", "CVPR 2025"),
        ("ICLR 2025, Code and dataset are available at \\url{https://github.com/jdg900/MMR}", "ICLR 2025"),
        ("In AISTATS 2025", "AISTATS 2025"),
        ("Published at ICLR 2025 Workshop on Reasoning and Planning for LLMs", "ICLR 2025 Workshop"),
        ("Under review at ARR - February 2025", None),
        ("Code available at https://github.com/princeton-pli/what-makes-good-rm", None),
        ("Published as a conference paper at ICLR 2025", "ICLR 2025"),
    ],
)
def test_venue_from_dailyarxiv_comments(comment: str, venue: str | None) -> None:
    # comments from seeds/daily-arxiv-readme.md and the session transcript
    assert venue_of(Paper("x" * 20, comment=comment)) == venue


def test_venue_keeps_a_journal_reference() -> None:
    # fixtures/arxiv_kaggle_metadata (0704.0001)
    assert venue_of(Paper("Diphoton production", journal_ref="Phys.Rev.D76:013009,2007")) == "Phys.Rev.D76:013009,2007"


# -- tables ----------------------------------------------------------------------------------


def test_markdown_table_with_ragged_rows() -> None:
    md = (
        "| Method | CIFAR-10 | CIFAR-100 |\n|---|---|---|\n| SimCLR | 90.6 | 65.2 |\n"
        "| AdaInf | 94.70 |\n| MoCo | 91.1 | 66.0 | 12 |\n"
    )
    t = parse_table(md, source="notes.md", first_line=10)
    assert _rows(t.data, ["method", "dataset", "value", "line"]) == [
        ["SimCLR", "CIFAR-10", 90.6, 12],
        ["SimCLR", "CIFAR-100", 65.2, 12],
        ["AdaInf", "CIFAR-10", 94.70, 13],
        ["MoCo", "CIFAR-10", 91.1, 14],
        ["MoCo", "CIFAR-100", 66.0, 14],
    ]
    (problem,) = t.problems
    assert problem.where == "line 14" and "['12'] could not be placed" in problem.message
    assert "<ResultsTable" in repr(t)


def test_html_table_with_merged_header_cells() -> None:
    html_table = """<table>
      <tr><th rowspan="2">Model</th><th colspan="2">ImageNet</th><th>FPS</th></tr>
      <tr><th>top-1 accuracy</th><th>top-5 accuracy</th><th></th></tr>
      <tr><td>ViT-B</td><td>81.8</td><td>95.6</td><td>310</td></tr>
      <tr><td>ResNet-50 &lt;b&gt;</td><td>76.1</td><td>92.9</td><td>1200</td></tr>
    </table>"""
    t = parse_table(html_table, source="page.html")
    assert _rows(t.data, ["method", "dataset", "metric", "value"]) == [
        ["ViT-B", "ImageNet", "top-1 accuracy", 81.8],
        ["ViT-B", "ImageNet", "top-5 accuracy", 95.6],
        ["ViT-B", None, "FPS", 310.0],
        ["ResNet-50 <b>", "ImageNet", "top-1 accuracy", 76.1],
        ["ResNet-50 <b>", "ImageNet", "top-5 accuracy", 92.9],
        ["ResNet-50 <b>", None, "FPS", 1200.0],
    ]
    assert "&lt;b&gt;" in t._repr_html_()


# A figure's labels copied as tab-separated text (written for this test in the shape of the transcript's).
FIGURE_LABELS = [
    "Gender bias in captions",
    "",
    "",
    "Human stereotype\tActivities\tModel A\tbaking.\tsewing shopping\t0-000000-0000\tfishing\tskating climbing",
    "Male- biased\tclimbing driving lifting\tModel B\t-0.5 -0.5\tsewing\t0 \tclimbing\tfishing 0.5",
    "Female- biased\tcooking washing sewing\tModel C\t-0.5\tskating towards female\t0\ttowa",
    "",
    "Preference-based Contrastive Optimization",
]


def test_own_tables_without_numbers_are_reported_not_parsed() -> None:
    block = "\n".join(FIGURE_LABELS[3:6])
    with pytest.raises(ParseError, match=r"t\.txt, line 4: expected a results table with numeric values"):
        parse_table(block, source="t.txt", first_line=4)
    tables, problems = find_tables("\n".join(FIGURE_LABELS), source="t.txt")
    assert tables == [] and problems[0].where == "lines 4-6"
    with pytest.raises(ParseError, match="expected a table"):
        parse_table("just a sentence")


@pytest.mark.realdata
def test_tables_without_numbers_are_reported_not_parsed() -> None:
    # lines 54-56 of the transcript: a figure's labels copied as tab-separated text
    lines = (SEEDS / "reading-group-session.txt").read_text(encoding="utf-8").split("\n")
    block = "\n".join(lines[53:56])
    with pytest.raises(ParseError, match=r"t\.txt, line 54: expected a results table with numeric values"):
        parse_table(block, source="t.txt", first_line=54)
    tables, problems = find_tables("\n".join(lines[:60]), source="t.txt")
    assert tables == [] and problems[0].where == "lines 54-56"
    with pytest.raises(ParseError, match="expected a table"):
        parse_table("just a sentence")


# -- views -----------------------------------------------------------------------------------


@pytest.mark.parametrize("corpus", CORPORA)
def test_compare_on_real_papers_is_readable(corpus: str) -> None:
    papers = _hf_papers("2606.10423", "2606.13681", "2606.13174", corpus=corpus)
    df = compare(papers)
    assert list(df.index) == ["2606.10423", "2606.13681", "2606.13174"]
    assert df.loc["2606.13681", "upvotes"] == 118 and df.loc["2606.13681", "stars"] == 9
    assert df.loc["2606.13681", "code"] == "https://github.com/Aiden0526/EvoArena"
    assert df.loc["2606.13681", "date"] == pd.Timestamp("2026-06-11")
    assert "39.6% accuracy on EvoArena" in df.loc["2606.13681", "results"]
    # "TRACE reduces held-out preference violation from 100.0% to 37.6%": both ends name what is reduced;
    # "Mem0 still leaves 57.5% of applicable preference checks violated": no phrase is clearly what 57.5% measures
    # (the share of checks *violated*; "applicable preference checks" read as the share that apply), so since
    # session 17 the metric ranker names none, as the labelling conventions do for "N% of <items>"
    assert df.loc["2606.13174", "results"][:3] == [
        "57.5%",
        "100% held-out preference violation on ClawArena",
        "37.6% held-out preference violation on ClawArena",
    ]
    narrow = compare(papers, fields=["title", "venue", "results"])
    assert list(narrow.columns) == ["title", "venue", "results", "url", "result_values"]
    with pytest.raises(ValueError, match="unknown compare field"):
        compare(papers, fields=["colour"])


@pytest.mark.parametrize("corpus", CORPORA)
def test_style_escapes_text_and_links_titles(corpus: str) -> None:
    evil = Paper(
        '<img src=x onerror="alert(1)"> Attack',
        arxiv_id="2501.00001",
        code_url="javascript:alert(1)",
        upvotes=3,
        abstract="We reach 50% accuracy on CIFAR-10 <script>.",
    )
    good = _hf_papers("2606.13681", corpus=corpus)[0]
    df = compare([evil, good])
    html = df.paperlab.style().to_html()
    assert "<img" not in html and "&lt;img src=x" in html and "<script>" not in html
    assert '<a href="https://arxiv.org/abs/2501.00001" target="_blank" rel="noopener noreferrer">' in html
    assert "javascript:" not in html.split("</style>")[1].replace("javascript:alert(1)</td>", "")
    md = df.paperlab.to_markdown()
    assert md.splitlines()[0].startswith("| paper | title | date | venue |")
    assert "[EvoArena: Tracking Memory Evolution" in md and "(https://arxiv.org/abs/2606.13681)" in md
    assert "&lt;img" in md
    tex = df.paperlab.to_latex()
    assert "\\begin{tabular}" in tex and "\\toprule" in tex and "50\\%" in tex


def test_accessor_refuses_other_frames() -> None:
    compare([])  # registers the accessor
    with pytest.raises(AttributeError, match="paperlab.compare"):
        pd.DataFrame({"a": [1]}).paperlab  # noqa: B018


@pytest.mark.parametrize("corpus", CORPORA)
def test_diff_two_papers(corpus: str) -> None:
    a, b = _hf_papers("2606.13681", "2606.10423", corpus=corpus)
    d = diff(a, b)
    assert list(d.columns) == ["shared", "only 2606.13681", "only 2606.10423"]
    assert "EvoArena" in d.loc["categories", "only 2606.13681"]
    assert d.loc["authors", "shared"] == []
    assert "diff" == d.attrs["paperlab"] and "| task |" in d.paperlab.to_markdown()


def test_leaderboard_across_papers_marks_lower_is_better() -> None:
    a = parse_table("Method\tCIFAR-10\tFID\nOurs\t94.7\t3.1\nBase\t90.0\t4.5\n", paper="a")
    b = extract_results("Other obtains 92.5% accuracy on CIFAR-10.")
    b = b.assign(method="Other")
    board = leaderboard([a, b])
    assert board.index.tolist() == ["Ours", "Base", "Other"]
    assert board.loc["Other", ("CIFAR-10", "accuracy")] == 92.5
    assert board.loc["Ours", ("—", "FID")] == 3.1
    html = board.paperlab.style().to_html()
    styled = re.findall(r"(#T_\w+(?:, #T_\w+)*) \{\n\s*font-weight: bold", html)
    flat = ",".join(styled)
    assert "_row0_col" in flat  # Ours: best on both (lowest FID)
    assert "| Ours |" in board.paperlab.to_markdown()
    assert "\\begin{tabular}" in board.paperlab.to_latex()


def test_top_level_exports() -> None:
    assert paperlab.compare is compare and paperlab.leaderboard is leaderboard
    from paperlab.services.sessions import Session

    assert paperlab.Session is Session

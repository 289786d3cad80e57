"""The `paperlab` command line, run in-process (main()) and once as the installed console script.

Every command runs on our own files (``tests/data/arxiv/``, ``tests/data/digest/``, and a BibTeX file written
inline); the ``realdata`` tests repeat some of them on the recorded corpus (``$PAPERLAB_REALDATA``):
``seeds/daily-arxiv-readme.md`` (78 papers), a Better BibTeX issue file with round braces, the Kaggle
snapshot slice, arXiv API recordings and a Hugging Face daily list.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from paths import DATA, FIXTURES, SEEDS

from paperlab.cli import main

DAILY = SEEDS / "daily-arxiv-readme.md"
BIB_ROUND = (
    FIXTURES
    / "bibtex"
    / "zotero-better-bibtex"
    / "Issues with round instead of curly braces do not import correctly #871.bib"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_says_how_many_papers_were_new_when_files_share_papers(capsys, tmp_path):
    bib = tmp_path / "mine.bib"
    bib.write_text(
        "@article{one, title={Counting Sheep with Transformers}, author={Wren, Ada}, year={2025},"
        " eprint={2501.01234}, archivePrefix={arXiv}}\n"
        "@article{two, title={Gardens of Forking Gradients}, author={Oak, Ben}, year={2024}}\n",
        encoding="utf-8",
    )
    notes = tmp_path / "group.md"
    notes.write_text(
        "| Date | Presenter | Paper |\n|---|---|---|\n"
        "| 2025-03-04 | Wren | [Counting Sheep with Transformers](https://arxiv.org/abs/2501.01234) |\n"
        "| 2025-03-11 | Oak | [Leaves of Attention](https://arxiv.org/abs/2502.00002) |\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "import", str(bib), str(notes))
    assert code == 0
    assert "4 papers read: 3 new in " in out and ", 1 already there or merged with another record" in out
    code, out, _ = run(capsys, "list")
    assert len(out.strip().splitlines()) == 3
    code, out, _ = run(capsys, "import", str(bib))  # nothing new the second time
    assert "2 papers read: 0 new in " in out


@pytest.mark.realdata
def test_import_then_list_shows_every_paper(capsys):
    code, out, _ = run(capsys, "import", str(DAILY))
    assert code == 0
    assert "imported 78 papers (markdown paper table)" in out
    code, out, err = run(capsys, "list")
    assert code == 0
    assert len(out.strip().splitlines()) == 78
    assert "2503.14895" in out and "Mitigating Object Hallucinations in MLLMs" in out
    assert "78 papers" in err


@pytest.mark.realdata
def test_import_into_a_reading_list_and_export_bibtex(capsys, tmp_path):
    code, out, _ = run(capsys, "import", str(BIB_ROUND), "--list", "to-read")
    assert code == 0
    code, out, err = run(capsys, "list", "--list", "to-read")
    assert code == 0 and "to-read" in out
    n = len(out.strip().splitlines())
    assert n >= 1
    target = tmp_path / "reading.bib"
    code, _, err = run(capsys, "export", "--format", "bibtex", "--list", "to-read", "-o", str(target))
    assert code == 0
    text = target.read_text(encoding="utf-8")
    assert text.count("@") == n
    code, out, _ = run(capsys, "list", "--lists")
    assert "to-read\t" in out


@pytest.mark.realdata
@pytest.mark.parametrize("fmt", ["csljson", "json", "jsonl", "markdown", "dailyarxiv"])
def test_export_formats_read_back(capsys, fmt):
    run(capsys, "import", str(DAILY))
    code, out, _ = run(capsys, "export", "--format", fmt)
    assert code == 0
    if fmt == "csljson":
        items = json.loads(out)
        assert len(items) == 78 and all(item["title"] for item in items)
    elif fmt == "json":
        assert len(json.loads(out)["papers"]) == 78
    elif fmt == "jsonl":
        assert len(out.strip().splitlines()) == 78
    elif fmt == "markdown":
        assert out.count("application/vnd.paperlab.paper+json") == 78
    else:
        from paperlab.sources.dailyarxiv import parse_dailyarxiv

        assert len(parse_dailyarxiv(out).papers) == 78


@pytest.mark.realdata
def test_lexical_search_over_a_file_finds_the_obvious_paper(capsys):
    code, out, _ = run(
        capsys,
        "search",
        "multi-frequency perturbations object hallucinations",
        "--corpus",
        str(DAILY),
        "--mode",
        "lexical",
        "-k",
        "3",
    )
    assert code == 0
    first = [line for line in out.splitlines() if line.lstrip().startswith("1  ")][0]  # rank 1's row
    assert "Multi-Frequency Perturbations" in first


def test_search_on_an_empty_library_uses_the_demo_corpus(capsys):
    code, out, err = run(capsys, "search", "hallucination", "--mode", "lexical", "-k", "5")
    assert code == 0
    assert "demo corpus" in err
    ranks = [line.split()[0] for line in out.splitlines()[3:] if line[:3].strip().isdigit()]
    assert ranks == ["1", "2", "3", "4", "5"]  # header, query, column names, then one row (+ its reason) per hit
    assert "hallucinat" in out.lower()


def test_errors_are_one_line_and_nonzero(capsys, tmp_path):
    code, out, err = run(capsys, "import", str(tmp_path / "missing.bib"))
    assert code == 2 and err.startswith("paperlab: error:") and "missing.bib" in err  # a usage error
    assert len(err.strip().splitlines()) == 1
    bad = tmp_path / "notes.jsonl"
    bad.write_text('{"title": 3}\n', encoding="utf-8")
    code, out, err = run(capsys, "import", str(bad))
    assert code == 1 and "notes.jsonl" in err and "title" in err
    code, out, err = run(capsys, "list", "--list", "no-such-list")
    # reading an unknown list is a usage error, and does not create it
    assert code == 2 and "no reading list named 'no-such-list'" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, "list", "--lists")
    assert "no-such-list" not in out


@pytest.mark.realdata
def test_partial_import_reports_skipped_records_and_keeps_the_rest(capsys, tmp_path):
    lines = (
        (FIXTURES / "arxiv_kaggle_metadata" / "arxivSpider_mnbvc_kaggle-snapshot_first200.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    )
    lines[4] = "{not json"
    path = tmp_path / "kaggle.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(path))
    assert code == 0
    assert "imported 199 papers (Kaggle arXiv metadata)" in out
    assert "skipped" in err and "line 5" in err


def test_console_script_help_and_exit_codes(tmp_path):
    exe = [sys.executable, "-m", "paperlab.cli"]
    res = subprocess.run([*exe, "--help"], capture_output=True, text=True, check=False)
    assert res.returncode == 0
    for command in ("import", "list", "search", "fetch", "export"):
        assert command in res.stdout
    res = subprocess.run([*exe, "fetch", "--help"], capture_output=True, text=True, check=False)
    assert res.returncode == 0 and "arxiv" in res.stdout and "examples" in res.stdout
    res = subprocess.run([*exe, "export", "--format", "nope"], capture_output=True, text=True, check=False)
    assert res.returncode == 2 and "invalid choice" in res.stderr


ATOM = FIXTURES / "arxiv_atom" / "extracted_bodies"


@pytest.mark.realdata
def test_fetch_arxiv_stores_papers_from_the_service(capsys, fake_server, monkeypatch):
    # the real recorded answer to search_query=testing, max_results=10 (arxiv.py recordings)
    fake_server.route(
        "/api/query", (ATOM / "q_testing_s0_m10_bc5a6c384fe9.xml").read_bytes(), content_type="application/atom+xml"
    )
    monkeypatch.setenv("PAPERLAB_ARXIV_URL", fake_server.url + "/api/query")
    code, out, err = run(capsys, "fetch", "arxiv", "testing", "--max", "10")
    assert code == 0, err
    assert len(out.strip().splitlines()) == 10 and "fetched 10 papers" in err
    (query,) = [q for _, _, q, _ in fake_server.requests_to("/api/query")]
    assert query["search_query"] == ["testing"] and query["max_results"] == ["10"]
    code, out, _ = run(capsys, "list")
    assert len(out.strip().splitlines()) == 10


@pytest.mark.realdata
def test_fetch_hf_day_and_s2_paper(capsys, fake_server, monkeypatch):
    hf = FIXTURES / "hf_daily_papers" / "hf-daily-paper-newsletter-chinese_daily_papers_2025-10-15.json"
    fake_server.route("/api/daily_papers", hf.read_bytes())
    monkeypatch.setenv("PAPERLAB_HF_URL", fake_server.url)
    code, out, err = run(capsys, "fetch", "hf", "--date", "2025-10-15")
    assert code == 0, err
    assert "fetched 26 papers" in err
    assert [q.get("date") for _, _, q, _ in fake_server.requests_to("/api/daily_papers")][0] == ["2025-10-15"]


@pytest.mark.realdata
def test_fetch_failure_is_one_line(capsys, fake_server, monkeypatch):
    # arXiv's real HTTP 400 error feed (recorded for id_list=abc)
    fake_server.route(
        "/api/query",
        (ATOM / "id_abc_s0_m100_b79c8dcf6bc3.xml").read_bytes(),
        status=400,
        content_type="application/atom+xml",
    )
    monkeypatch.setenv("PAPERLAB_ARXIV_URL", fake_server.url + "/api/query")
    code, out, err = run(capsys, "fetch", "arxiv", "id:abc", "--max", "5")
    assert code == 1 and out == ""
    assert err.startswith("paperlab: error:") and "incorrect id format for abc" in err
    assert len(err.strip().splitlines()) == 1


# == the same commands on our own files ===========================================================

PAGE = DATA / "arxiv" / "search_page.xml"  # 6 arXiv papers, one of every Atom quirk
PAGE_IDS = ["2202.12139", "2306.03845", "2405.11454", "astro-ph/0601001", "quant-ph/0201082", "cs/0503050"]
KAGGLE = DATA / "arxiv" / "kaggle_snapshot.jsonl"  # 7 records
HF_DAY = DATA / "digest" / "hf_day_2025-10-15.json"  # 6 Hugging Face daily papers
# @String, round braces around an entry, "#" concatenation, a bare month macro; then an ordinary entry
ROUND_BIB = """@String{KNUTH = "Knuth, Donald E."}
@book(knuth:84,
  author = KNUTH # { and Ann Other},
  year =\t{1984},
  month = jan,
  title =\t{The {\\TeX}book}
)

@article{doe:20,
  author = {Doe, Jane},
  title = {A Second Entry With Curly Braces},
  year = 2020,
}
"""


def test_own_import_then_list_shows_every_paper(capsys):
    code, out, _ = run(capsys, "import", str(PAGE))
    assert code == 0
    assert "imported 6 papers (arXiv Atom feed)" in out
    code, out, err = run(capsys, "list")
    assert code == 0
    rows = out.strip().splitlines()
    assert len(rows) == 6 and [row.split()[0] for row in rows] == PAGE_IDS
    # the title as read: "$ω$Test" has its math markup decoded
    assert "2306.03845" in out and " ωTest: WebView-Oriented Testing for Android Applications" in out
    assert "6 papers" in err
    code, out, _ = run(capsys, "list", "--limit", "2")
    assert len(out.strip().splitlines()) == 2
    code, out, _ = run(capsys, "list", "--json")
    assert [p["arxiv_id"] for p in json.loads(out)] == PAGE_IDS


def test_own_import_into_a_reading_list_and_export_bibtex(capsys, tmp_path):
    bib = tmp_path / "round.bib"
    bib.write_text(ROUND_BIB, encoding="utf-8")
    code, out, _ = run(capsys, "import", str(bib), "--list", "to-read")
    assert code == 0 and "imported 2 papers (BibTeX)" in out
    code, out, err = run(capsys, "list", "--list", "to-read")
    assert code == 0
    rows = out.strip().splitlines()
    assert len(rows) == 2 and all(row.startswith("to-read") for row in rows)
    assert rows[0].endswith("The TeXbook") and rows[1].endswith("A Second Entry With Curly Braces")
    target = tmp_path / "reading.bib"
    code, _, err = run(capsys, "export", "--format", "bibtex", "--list", "to-read", "-o", str(target))
    assert code == 0
    text = target.read_text(encoding="utf-8")
    assert text.count("@") == 2
    assert "author = {Donald E. Knuth and Ann Other}" in text and "title = {The {\\TeX}book}" in text  # as written
    code, out, _ = run(capsys, "list", "--lists")
    assert "to-read\t2" in out


@pytest.mark.parametrize("fmt", ["csljson", "json", "jsonl", "markdown", "dailyarxiv"])
def test_own_export_formats_read_back(capsys, fmt):
    run(capsys, "import", str(PAGE))
    code, out, _ = run(capsys, "export", "--format", fmt)
    assert code == 0
    if fmt == "csljson":
        items = json.loads(out)
        assert len(items) == 6 and all(item["title"] for item in items)
    elif fmt == "json":
        assert [p["arxiv_id"] for p in json.loads(out)["papers"]] == PAGE_IDS
    elif fmt == "jsonl":
        assert [json.loads(line)["arxiv_id"] for line in out.strip().splitlines()] == PAGE_IDS
    elif fmt == "markdown":
        assert out.count("application/vnd.paperlab.paper+json") == 6
    else:
        from paperlab.sources.dailyarxiv import parse_dailyarxiv

        back = {p.id: p for p in parse_dailyarxiv(out).papers}
        assert sorted(back) == sorted(PAGE_IDS)
        assert back["2405.11454"].title == "Lipschitz Bounds for $|f|$ Under i.i.d. Noise"  # | survives the table


def test_own_lexical_search_over_a_file_finds_the_obvious_paper(capsys):
    code, out, _ = run(
        capsys, "search", "WebView Android applications", "--corpus", str(PAGE), "--mode", "lexical", "-k", "3"
    )
    assert code == 0
    first = [line for line in out.splitlines() if line.lstrip().startswith("1  ")][0]  # rank 1's row
    assert "2306.03845" in first and "WebView-Oriented Testing" in first


def test_own_partial_import_reports_skipped_records_and_keeps_the_rest(capsys, tmp_path):
    lines = KAGGLE.read_text(encoding="utf-8").splitlines()
    lines[4] = "{not json"
    path = tmp_path / "kaggle.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(path))
    assert code == 0
    assert "imported 6 papers (Kaggle arXiv metadata)" in out
    assert "skipped" in err and "line 5" in err
    code, out, _ = run(capsys, "list")
    assert "0704.0100" not in out and len(out.strip().splitlines()) == 6


def test_own_fetch_arxiv_stores_papers_from_the_service(capsys, fake_server, monkeypatch):
    fake_server.route("/api/query", PAGE.read_bytes(), content_type="application/atom+xml")
    monkeypatch.setenv("PAPERLAB_ARXIV_URL", fake_server.url + "/api/query")
    code, out, err = run(capsys, "fetch", "arxiv", "testing", "--max", "6")
    assert code == 0, err
    assert len(out.strip().splitlines()) == 6 and "fetched 6 papers" in err
    (query,) = [q for _, _, q, _ in fake_server.requests_to("/api/query")]
    assert query["search_query"] == ["testing"] and query["max_results"] == ["6"]
    code, out, _ = run(capsys, "list")
    assert [row.split()[0] for row in out.strip().splitlines()] == PAGE_IDS


def test_own_fetch_hf_day(capsys, fake_server, monkeypatch):
    fake_server.route("/api/daily_papers", HF_DAY.read_bytes())
    monkeypatch.setenv("PAPERLAB_HF_URL", fake_server.url)
    code, out, err = run(capsys, "fetch", "hf", "--date", "2025-10-15")
    assert code == 0, err
    assert "fetched 6 papers" in err and "2510.12586" in out
    assert [q.get("date") for _, _, q, _ in fake_server.requests_to("/api/daily_papers")][0] == ["2025-10-15"]


def test_own_fetch_failure_is_one_line(capsys, fake_server, monkeypatch):
    # arXiv's HTTP 400 error feed for id_list=abc
    fake_server.route(
        "/api/query",
        (DATA / "arxiv" / "error_abc.xml").read_bytes(),
        status=400,
        content_type="application/atom+xml",
    )
    monkeypatch.setenv("PAPERLAB_ARXIV_URL", fake_server.url + "/api/query")
    code, out, err = run(capsys, "fetch", "arxiv", "id:abc", "--max", "5")
    assert code == 1 and out == ""
    assert err.startswith("paperlab: error:") and "incorrect id format for abc" in err
    assert len(err.strip().splitlines()) == 1

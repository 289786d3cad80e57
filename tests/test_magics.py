"""The paperlab magics (paperlab/magics.py) through a real IPython InteractiveShell.

Data: the bundled demo corpus (325 papers); our own arXiv API page tests/data/app/testing.atom.xml
(10 papers for "testing", first 2202.12139, then 2405.13786) as a FILE source and, served by the
local fake server, as the arXiv API; our own Hugging Face daily papers answer
tests/data/app/hf_daily_2025-10-15.json (4 papers, first 2510.12586 "Advancing End-to-End Pixel
Space Generative Modeling via Self-supervised Pre-training"). The ``--source arxiv``/``hf`` test
also runs (``realdata``) on the recorded answers in ``$PAPERLAB_REALDATA/fixtures/``: the arXiv page
``arxiv_atom/extracted_bodies/q_testing_s0_m10_bc5a6c384fe9.xml`` and the Hugging Face answer
``hf_daily_papers/hf-daily-paper-newsletter-chinese_daily_papers_2025-10-15.json`` (26 papers, same first).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from IPython.core.interactiveshell import InteractiveShell
from paths import DATA, FIXTURES

import paperlab
from paperlab.services.listview import ReadingListView
from paperlab.store import open_store
from paperlab.widget import PaperCards, active_library, set_active_library

TESTING_PAGE = DATA / "app" / "testing.atom.xml"
HF_DAY = DATA / "app" / "hf_daily_2025-10-15.json"
REAL_TESTING_PAGE = FIXTURES / "arxiv_atom" / "extracted_bodies" / "q_testing_s0_m10_bc5a6c384fe9.xml"
REAL_HF_DAY = FIXTURES / "hf_daily_papers" / "hf-daily-paper-newsletter-chinese_daily_papers_2025-10-15.json"


@pytest.fixture
def shell():
    set_active_library(None)
    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "paperlab")
    yield ip
    set_active_library(None)


def run(ip: InteractiveShell, code: str) -> object:
    result = ip.run_cell(code, store_history=False)
    result.raise_error()
    return result.result


def test_load_ext_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "ip = InteractiveShell.instance()\n"
        "ip.run_line_magic('load_ext', 'paperlab')\n"
        "heavy = [m for m in ('anywidget', 'ipywidgets', 'torch', 'sentence_transformers', 'pandas', 'sklearn')"
        " if m in sys.modules]\n"
        "import json; print(json.dumps({'heavy': heavy, 'magics': sorted(ip.magics_manager.magics['line'])}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    info = json.loads(out.stdout.strip().splitlines()[-1])
    assert info["heavy"] == []  # its time is measured in benchmarks/bench_cold_start.py, not asserted here
    assert {"papers", "paper", "readinglist"} <= set(info["magics"])


def test_papers_shows_the_demo_corpus_when_nothing_was_shown(shell) -> None:
    w = run(shell, "%papers")
    assert isinstance(w, PaperCards)
    assert len(w.papers) == 325 and w.label == "demo"
    assert w.scores == {}


def test_papers_source_file_becomes_active_and_is_searched_next(shell) -> None:
    w = run(shell, f"%papers --source {TESTING_PAGE}")
    assert [p["id"] for p in w.papers][:2] == ["2202.12139", "2405.13786"] and len(w.papers) == 10
    assert active_library().ids == [p["id"] for p in w.papers]
    hits = run(shell, "%papers deep learning testing -k 3 --mode lexical")
    assert 1 <= len(hits.papers) <= 3
    assert set(hits.scores) == {p["id"] for p in hits.papers} <= set(active_library().ids)
    assert hits.query == "deep learning testing"
    assert "2202.12139" in hits.scores
    # the search did not replace the active library
    assert len(active_library()) == 10
    assert len(run(shell, "%papers -k 4").papers) == 4


def test_papers_with_a_query_searches_the_demo_corpus(shell) -> None:
    w = run(shell, "%papers 'video generation' -k 5 --mode lexical")
    assert len(w.papers) == 5 and w.query == "video generation"
    for p in w.papers:
        text = (p["title"] + " " + (p["abstract"] or "")).lower()
        assert "video" in text or "generation" in text
    # each card says why it matched, as a search typed in the cards does (no card waits for ever on "Matched: …")
    w.wait_for_reasons()
    assert set(w.why) == set(w.scores) == {p["id"] for p in w.papers}
    for pid, reason in w.why.items():
        assert any(t in reason["sentence"].lower() for t in ("video", "generation")), (pid, reason)


def test_papers_source_list_and_readinglist(shell, capsys) -> None:
    lib = paperlab.load(TESTING_PAGE)
    rl = paperlab.reading_list("group")
    rl.add(lib["2405.13786"])
    rl.add(lib["2202.12139"])
    w = run(shell, "%papers --source list:group")
    assert [p["id"] for p in w.papers] == ["2405.13786", "2202.12139"]
    assert active_library().name == "demo"  # a reading list does not become active
    view = run(shell, "%readinglist group")  # the list as the side panel shows it (tests/test_listview.py)
    assert isinstance(view, ReadingListView) and view.name == "group"
    assert view.ids == ["2405.13786", "2202.12139"]
    assert view.to_library().ids == ["2405.13786", "2202.12139"]
    html = view._repr_html_()
    assert html.index(lib["2405.13786"].title) < html.index(lib["2202.12139"].title)
    assert run(shell, "%readinglist nope") is None
    assert "%readinglist: no reading list named 'nope'; lists in the store: group" in capsys.readouterr().err
    assert run(shell, "%papers --source list:nope") is None
    assert "no reading list named 'nope'" in capsys.readouterr().err


def test_paper_shows_one_stored_paper(shell, capsys) -> None:
    open_store().upsert_papers(paperlab.load(TESTING_PAGE))
    w = run(shell, "%paper arXiv:2202.12139v1")
    assert [p["id"] for p in w.papers] == ["2202.12139"]
    assert run(shell, "%paper title:0000") is None
    assert capsys.readouterr().err.startswith("%paper: ")


def test_cell_magic_keeps_found_papers_and_names_bad_lines(shell, capsys) -> None:
    open_store().upsert_papers(paperlab.load(TESTING_PAGE))
    w = run(shell, "%%papers\nhttps://arxiv.org/abs/2405.13786v1\n# a comment\n\n2202.12139  # first\nnot a paper\n")
    assert [p["id"] for p in w.papers] == ["2405.13786", "2202.12139"]
    err = capsys.readouterr().err
    assert "%%papers: line 5 ('not a paper')" in err


def test_bad_arguments_print_usage_not_a_traceback(shell, capsys) -> None:
    assert run(shell, "%papers --bogus") is None
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err
    assert run(shell, "%papers --source /nonexistent/file.bib") is None
    assert capsys.readouterr().err.startswith("%papers: ")


@pytest.mark.parametrize(
    ("arxiv_page", "hf_day", "n_hf"),
    [(TESTING_PAGE, HF_DAY, 4), pytest.param(REAL_TESTING_PAGE, REAL_HF_DAY, 26, marks=pytest.mark.realdata)],
)
def test_papers_source_arxiv_and_hf_against_the_fake_server(
    shell, fake_server, monkeypatch, arxiv_page, hf_day, n_hf
) -> None:
    fake_server.route("/api/query", arxiv_page.read_bytes(), content_type="application/atom+xml")
    fake_server.route("/api/daily_papers", hf_day.read_bytes())
    monkeypatch.setenv("PAPERLAB_ARXIV_URL", fake_server.url + "/api/query")
    monkeypatch.setenv("PAPERLAB_HF_URL", fake_server.url)
    w = run(shell, "%papers testing --source arxiv -k 10")
    assert len(w.papers) == 10 and w.papers[0]["id"] == "2202.12139"
    assert fake_server.requests_to("/api/query")[0][2]["search_query"] == ["testing"]
    w = run(shell, "%papers --source hf -k 50")
    assert len(w.papers) == n_hf and w.papers[0]["id"] == "2510.12586"
    # the title, wrapped over two lines in the answer, is one line
    assert (
        w.papers[0]["title"] == "Advancing End-to-End Pixel Space Generative Modeling via Self-supervised Pre-training"
    )
    assert fake_server.requests_to("/api/daily_papers")[0][2]["sort"] == ["trending"]
    assert active_library().name == "Hugging Face trending"

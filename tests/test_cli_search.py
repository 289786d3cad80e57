"""``paperlab search`` output (header, query, rank/score/id/year/first author/title and the reason per hit),
its ``--json`` twin, and one-line usage errors (exit status 2) for every wrong command line.

Runs on the bundled demo corpus (``--corpus demo``: 325 real papers that ship with their embeddings) and on our
own small BibTeX file written inline; one run goes through the installed console script in a subprocess.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from paperlab.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _rows(out: str) -> list[str]:
    """The result rows of the table (lines starting with a rank)."""
    return [line for line in out.splitlines() if line[:3].strip().isdigit()]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["search", ""], "needs a query"),
        (["search", "   "], "needs a query"),
        (["search", "diffusion", "-k", "0"], "-k: must be at least 1, got 0"),
        (["search", "diffusion", "-k", "-3"], "-k: must be at least 1, got -3"),
        (["search", "diffusion", "-k", "ten"], "-k: expected a whole number"),
        (["search", "diffusion", "--corpus", "no-such-file.bib"], "no-such-file.bib: no such file"),
        (["search", "diffusion", "--mode", "fuzzy"], "invalid choice"),
        (["list", "--list", "nosuch"], "no reading list named 'nosuch'; existing: none yet"),
        (["list", "--limit", "0"], "--limit: must be at least 1"),
        (["export", "--format", "bibtex", "--list", "nosuch"], "no reading list named 'nosuch'"),
    ],
)
def test_user_errors_are_one_line_with_exit_status_2(capsys, argv, says) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2, (argv, err)
    assert says in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert out == ""


def test_reading_commands_never_create_lists(capsys) -> None:
    from paperlab.store import open_store

    open_store().reading_list("mine")  # one existing list, named in the error
    code, _, err = run(capsys, "list", "--list", "nosuch")
    assert code == 2 and "existing: 'mine'" in err
    run(capsys, "export", "--format", "json", "--list", "nosuch")
    assert open_store().lists() == ["mine"]


@pytest.mark.slow
def test_search_prints_header_query_and_explained_rows(capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "140")
    query = "contrastive learning without negative pairs"
    code, out, err = run(capsys, "search", query, "--corpus", "demo", "-k", "5")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("5 results in the bundled demo corpus (325 papers, hybrid search)")
    assert lines[1] == f"query: {query}"
    assert lines[2].split() == ["#", "score", "id", "year", "first", "author", "title"]
    rows = _rows(out)
    assert [r.split()[0] for r in rows] == ["1", "2", "3", "4", "5"]
    assert all(len(line) <= 140 for line in lines)  # truncated to the terminal width
    assert "contrastive" in rows[0].lower()
    scores = [float(r.split()[1]) for r in rows]
    assert scores == sorted(scores, reverse=True) and 0 < scores[-1] <= scores[0] < 1  # no forced 1.000
    # each row is followed by its reason: matched words and/or the closest sentence of the abstract
    reasons = [lines[lines.index(r) + 1] for r in rows]
    assert all(r.startswith(" " * 12) and ("matched: " in r or "“" in r) for r in reasons)


@pytest.mark.slow
def test_search_json_carries_the_same_fields(capsys) -> None:
    code, out, _ = run(capsys, "search", "contrastive learning without negative pairs", "--corpus", "demo", "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["query"] == "contrastive learning without negative pairs" and doc["papers"] == 325
    assert doc["mode"] == "hybrid" and 1 <= len(doc["results"]) <= 10
    first = doc["results"][0]
    assert set(first) >= {"rank", "score", "id", "shown_id", "year", "date", "first_author", "title", "why"}
    assert set(first["why"]) == {"terms", "sentence", "text"}
    assert "contrast" in " ".join(first["why"]["terms"]) and "ontrastive" in first["title"]
    for r in doc["results"]:
        if not r["id"].startswith("title:"):  # a paper with an id and a date shows them, never a dash
            assert r["shown_id"] == r["id"]
        assert r["date"] != "-" and r["shown_id"] != "-"


def test_rows_show_id_and_date_when_they_exist(capsys, tmp_path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@article{a, title={Sparse retrieval with learned term weights}, author={Ada Lovelace and Alan Turing},"
        " year={2021}, doi={10.1234/xyz.5}, abstract={We learn term weights for sparse retrieval.}}\n"
        "@article{b, title={Dense retrieval without any term weights}, author={Grace Hopper}, year={2019},"
        " eprint={1901.00001}, archivePrefix={arXiv}, abstract={Dense vectors for retrieval.}}\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "search", "term weights retrieval", "--corpus", str(bib), "--mode", "lexical")
    assert code == 0
    rows = _rows(out)
    assert rows and "10.1234/xyz.5" in rows[0] and "2021" in rows[0] and "Ada Lovelace et al." in rows[0]
    assert all(" - " not in r for r in rows)
    code, out, _ = run(capsys, "list")  # the library is empty: nothing imported
    assert code == 0


def test_untrusted_text_stays_on_its_row(capsys, tmp_path) -> None:
    bib = tmp_path / "evil.bib"
    bib.write_text(
        "@article{e, title={Retrieval\\\\ \x1b[31mred\x1b[0m terms}, author={Eve},"
        " year={2020}, abstract={Term retrieval.\nFAKE ROW 99 0.999 injected}}\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "search", "retrieval terms", "--corpus", str(bib), "--mode", "lexical")
    assert code == 0
    assert "\x1b" not in out
    assert not any(line.startswith("FAKE") for line in out.splitlines())


def test_console_script_search_errors_and_help() -> None:
    exe = [sys.executable, "-m", "paperlab.cli"]
    res = subprocess.run([*exe, "search", "", "--corpus", "demo"], capture_output=True, text=True, check=False)
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr.strip().count("\n") == 0 and "needs a query" in res.stderr
    res = subprocess.run([*exe, "search", "x", "-k", "0"], capture_output=True, text=True, check=False)
    assert res.returncode == 2 and res.stderr.strip().count("\n") == 0 and "-k" in res.stderr
    res = subprocess.run([*exe, "search", "--help"], capture_output=True, text=True, check=False)
    assert res.returncode == 0 and "--json" in res.stdout

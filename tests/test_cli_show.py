"""The CLI rows name every paper so it can be shown (``paperlab show ID``), the first-author column says what the
source gave (a name, an organization, an author count) or is left out with a note, and ``paperlab feed --offline``
with nothing cached says what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlab.cli import main
from paperlab.feed.profile import InterestProfile


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _rows(out: str) -> list[str]:
    return [line for line in out.splitlines() if line[:3].strip().isdigit()]


def test_a_paper_without_arxiv_id_or_doi_shows_its_paperlab_id_and_can_be_shown(capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    code, out, err = run(capsys, "search", "sycophancy", "--corpus", "demo", "--mode", "lexical", "-k", "1")
    assert code == 0, err
    row = _rows(out)[0]
    ident = row.split()[2]
    assert ident.startswith("title:") and " - " not in row  # no dash: the id names the paper
    assert "Sycophancy" in row
    lines = out.splitlines()
    assert lines[2].split() == ["#", "score", "id", "year", "first", "author", "title"]
    assert row.split()[3] == "—" and "(— no author: the sources of these papers name none)" in out
    assert "a paper's details: paperlab show ID --corpus demo" in out
    code, shown, err = run(capsys, "show", ident, "--corpus", "demo")
    assert code == 0, err
    assert shown.splitlines()[0] == "Towards Analyzing and Mitigating Sycophancy in Large Vision-Language Models"
    assert f"id:      {ident}" in shown and "sources: HF page" in shown and "sycophancy" in shown
    code, _, err = run(capsys, "show", "2503.10602", "--corpus", "demo")  # an arXiv id works too
    assert code == 0, err


def test_the_first_author_column_shows_the_author_count_a_saved_page_gives(capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    code, out, err = run(capsys, "search", "YOLO detectors hallucination", "--corpus", "demo", "--mode", "lexical")
    assert code == 0, err
    assert out.splitlines()[2].split()[4:6] == ["first", "author"]
    yolo = next(r for r in _rows(out) if "YOLO-based Object Detection" in r)
    assert " 5 authors " in yolo  # the saved Hugging Face page lists "5 authors", not their names


def test_show_an_unknown_id_is_a_usage_error(capsys) -> None:
    code, _, err = run(capsys, "show", "nope", "--corpus", "demo")
    assert code == 2 and "no paper 'nope' in the bundled demo corpus" in err and "paperlab search" in err


def test_offline_feed_with_nothing_cached_says_what_to_do(capsys, tmp_path: Path, paperlab_home: Path) -> None:
    profile = tmp_path / "profile.json"
    InterestProfile(categories=["cs.LG"], hf_daily=False).save(profile)
    argv = ["feed", "--offline", "--today", "2026-03-04", "--profile", str(profile), "--no-remember"]
    code, out, err = run(capsys, *argv)
    assert code == 1 and "0 papers" in out
    assert "arXiv listing: offline and not in the cache" in err
    assert "nothing is cached yet" in err and "run `paperlab feed` online once" in err
    cache = paperlab_home / "feed-cache"
    (cache / "some-other-day").mkdir(parents=True)
    (cache / "some-other-day" / "answer").write_text("cached", encoding="utf-8")
    code, _, err = run(capsys, *argv)
    assert code == 1 and "holds no answers for this day" in err and "--today YYYY-MM-DD" in err


def test_list_rows_name_every_paper_in_one_aligned_column_and_show_finds_it(capsys, tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@article{a, title={Sparse retrieval with learned term weights}, author={Ada Lovelace}, year={2021},"
        " doi={10.1234/xyz.5}}\n@article{b, title={A paper with neither id}, author={Grace Hopper}, year={2019}}\n",
        encoding="utf-8",
    )
    assert run(capsys, "import", str(bib))[0] == 0
    code, out, _ = run(capsys, "list")
    assert code == 0
    rows = out.splitlines()
    titled = next(r for r in rows if r.endswith("A paper with neither id"))
    ident = titled.split()[0]
    assert ident == "b"  # its citation key names it (no arXiv id or DOI), not the opaque title: id
    assert len({r.index("20") for r in rows}) == 1  # the year column starts at the same place in every row
    code, shown, err = run(capsys, "show", ident)
    assert code == 0, err
    assert shown.startswith("A paper with neither id\n") and "authors: Grace Hopper" in shown

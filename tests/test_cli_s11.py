"""A new researcher's findings on the command line (session 11, review R2), each run through the real CLI entry
point (``paperlab.cli.main``) on our own small files (``tests/data/cli_s11``: made-up papers) in the isolated
``$PAPERLAB_HOME`` of every test:

- ``paperlab export bibtex|ris|csl|markdown --list NAME`` writes what ``ReadingList.to_bibtex()`` (…) writes: each
  entry's status, note and tags (D1);
- RIS exports: ``Library.to_ris()``, ``ReadingList.to_ris()``, ``paperlab export ris``, read back by
  ``paperlab.load`` (F2);
- ``paperlab show`` shows "et al." and tags, and finds a paper by the RIS ``ID`` or CSL-JSON ``id`` it was
  imported under (F3);
- ``paperlab list`` keeps its columns in line next to a long DOI (cut with "…", which ``show`` still takes);
- ``paperlab import`` names the generic paper finder as the reader and prints its warning (F1).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from paths import DATA

import paperlab
from paperlab.cli import main
from paperlab.cli.table import shown_width

HERE = DATA / "cli_s11"
SHELF = HERE / "shelf.bib"  # 3 papers: an arXiv one with a cut-short byline and tags, a long DOI, a misc
LONG_DOI = "10.9999/jwe.2019.0000000000014.supplementary-material-part-003"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def thesis(capsys: pytest.CaptureFixture[str]) -> paperlab.store.ReadingList:
    """The reading list 'thesis' of SHELF's papers; the arXiv paper being read, with a note and a list tag."""
    assert run(capsys, "import", SHELF, "--list", "thesis")[0] == 0
    rl = paperlab.open_store().reading_list("thesis", create=False)
    rl.set_status("2101.00042", "reading")
    rl.set_note("2101.00042", "check the proof in section 3")
    rl.tag("2101.00042", "gnn")
    return rl


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csl", "markdown"])
def test_exporting_a_list_writes_what_python_writes(capsys, thesis, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"thesis.{fmt}"
    code, _, err = run(capsys, "export", fmt, "--list", "thesis", "-o", target)
    assert code == 0 and err == f"wrote 3 papers to {target}\n"
    text = target.read_text(encoding="utf-8")
    python = {
        "bibtex": thesis.to_bibtex,
        "ris": thesis.to_ris,
        "csl": lambda: json.dumps(thesis.to_csl(), ensure_ascii=False, indent=1) + "\n",
        "markdown": thesis.to_markdown,
    }[fmt]()
    assert text == python
    # the entry's status, note and list tag are in the file (they were dropped before)
    assert "check the proof in section 3" in text and "gnn" in text and "reading" in text


def test_the_bibtex_of_a_list_carries_status_note_and_tags(capsys, thesis) -> None:
    code, out, _ = run(capsys, "export", "bibtex", "--list", "thesis")
    assert code == 0
    entry = out.split("@")[1]
    assert "paperlab-status = {reading}" in entry and "annote = {check the proof in section 3}" in entry
    assert "keywords = {routing, graphs, gnn}" in entry
    csl = json.loads(run(capsys, "export", "csl", "--list", "thesis")[1])
    assert csl[0]["paperlab-status"] == "reading" and csl[0]["keyword"] == "routing, graphs, gnn"
    assert [c["paperlab-status"] for c in csl[1:]] == ["to-read", "to-read"]


def test_ris_export_reads_back_as_the_same_papers(capsys, tmp_path: Path) -> None:
    code, _, _ = run(capsys, "import", SHELF, HERE / "keyed.ris", HERE / "keyed_csl.json")
    assert code == 0
    target = tmp_path / "library.ris"
    code, _, err = run(capsys, "export", "ris", "-o", target)
    assert code == 0 and err == f"wrote 5 papers to {target}\n"
    stored = paperlab.open_store().papers()
    back = paperlab.load(target)

    def seen(lib: paperlab.Library) -> list[tuple[str, str, list[str], int | None]]:
        return sorted((p.id, p.title, p.authors, p.year) for p in lib)

    assert seen(back) == seen(stored) and len(back) == 5
    assert {p.doi for p in back} >= {LONG_DOI} and {p.arxiv_id for p in back} >= {"2101.00042"}
    assert stored.to_ris() == target.read_text(encoding="utf-8")  # the Python export is the same text


def test_a_lists_ris_carries_its_notes_status_and_tags(capsys, thesis, tmp_path: Path) -> None:
    target = tmp_path / "thesis.ris"
    assert run(capsys, "export", "ris", "--list", "thesis", "-o", target)[0] == 0
    first = target.read_text(encoding="utf-8").split("ER  - ")[0]
    assert "KW  - gnn" in first and "N1  - check the proof in section 3" in first
    assert "N1  - paperlab-status: reading" in first
    (paper, *_) = paperlab.load(target)
    assert paper.arxiv_id == "2101.00042" and "gnn" in paper.keywords
    assert "check the proof in section 3" in (paper.comment or "")


def test_show_gives_et_al_tags_and_the_lists_entry(capsys, thesis) -> None:
    code, out, _ = run(capsys, "show", "quill2021lantern")
    assert code == 0
    assert "authors: Ada Quill, Dora Okafor, et al.\n" in out  # the BibTeX byline ends "and others"
    assert "tags:    routing, graphs\n" in out
    assert "list:    thesis (reading; tags gnn; note: check the proof in section 3)\n" in out
    code, out, _ = run(capsys, "show", "quill2021lantern", "--corpus", SHELF)  # a file: no store lists
    assert code == 0 and "list:" not in out and "et al." in out


@pytest.mark.parametrize(
    ("file", "key", "title"),
    [
        ("keyed.ris", "quill2009lantern", "A lantern monitoring system based on gadget sensors"),
        ("keyed_csl.json", "widgetChapter2019", "Widgets in the cross-section"),
    ],
)
def test_show_finds_a_paper_by_the_citation_key_of_its_import(capsys, file: str, key: str, title: str) -> None:
    assert run(capsys, "import", HERE / file)[0] == 0
    code, out, _ = run(capsys, "show", key)
    assert code == 0 and out.startswith(title + "\n") and f"key:     {key}\n" in out
    code, out, _ = run(capsys, "show", key.upper())  # typed in other case: the one paper with that key
    assert code == 0 and out.startswith(title + "\n")


def test_show_of_no_paper_says_what_it_tried(capsys) -> None:
    run(capsys, "import", SHELF)
    code, out, err = run(capsys, "show", "smith2020nothing")
    assert code == 2 and out == ""
    assert err.startswith("paperlab: error: no paper 'smith2020nothing' in your library (3 papers): ")
    assert "arXiv id or DOI" in err and "a BibTeX key, a RIS ID, a CSL-JSON id" in err


def test_list_columns_stay_in_line_next_to_a_long_doi(capsys, monkeypatch, thesis) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _ = run(capsys, "list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    titles = ["Lantern Graphs for Widget Routing", "Gadget Mixing in Very Long Supply Chains", "Sparrow: Small"]
    starts = {shown_width(line[: line.index(t)]) for line, t in zip(lines, titles, strict=True)}
    assert len(starts) == 1  # every title starts in the same column
    cut = lines[1].split()[0]
    assert cut.endswith("…") and LONG_DOI.startswith(cut[:-1]) and len(cut) <= 36
    assert all(shown_width(line) <= 100 for line in lines)
    # the cut reference, pasted as printed, still names the paper
    code, shown, _ = run(capsys, "show", cut)
    assert code == 0 and shown.startswith("Gadget Mixing in Very Long Supply Chains\n")
    # the list view too: status, reference, title (with the list's tags), in line
    code, out, _ = run(capsys, "list", "--list", "thesis")
    lines = out.splitlines()
    starts = {shown_width(line[: line.index(t)]) for line, t in zip(lines, titles, strict=True)}
    assert len(starts) == 1 and lines[0].startswith("reading  2101.00042 ") and lines[0].endswith("[gnn]")


def test_import_names_the_generic_finder_and_prints_its_warning(capsys) -> None:
    notes = HERE / "loose_notes.md"  # two arXiv ids in prose, in no layout paperlab knows
    code, out, err = run(capsys, "import", notes)
    assert code == 0
    assert f"{notes}: imported 2 papers (papers found in markdown)\n" in out and "dailyarxiv" not in out
    (warning,) = err.splitlines()
    assert warning.startswith(f"paperlab: warning: {notes} (read by the generic paper finder")
    code, out, _ = run(capsys, "show", "2102.00043")
    assert "sources: markdown (papers found by the generic paper finder)" in out


def test_search_cuts_a_long_doi_as_list_does(capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _ = run(capsys, "search", "gadget mixing supply chains", "--corpus", SHELF, "--mode", "lexical")
    assert code == 0
    (row,) = [line for line in out.splitlines() if line.lstrip().startswith("1  ")]
    cut = row.split()[2]
    assert cut.endswith("…") and len(cut) == 36 and LONG_DOI.startswith(cut[:-1])
    assert row.index("  2019  ") + 2 == out.splitlines()[2].index("year")  # the columns stay under their heads
    code, shown, _ = run(capsys, "show", cut, "--corpus", SHELF)
    assert code == 0 and shown.startswith("Gadget Mixing in Very Long Supply Chains\n")

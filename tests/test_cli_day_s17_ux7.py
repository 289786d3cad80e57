"""A researcher's day with the CLI (session 17, UX7), from a fresh store: what read clumsy and is fixed.

- ``paperlab export -o refs.bib`` refused with "export needs a format" although the file's name says BibTeX: the
  output's name now gives the format (.bib, .ris, .md, .jsonl); ".json" is two formats and the error says which
  two; a format the name contradicts ("export ris -o refs.bib") is written as asked, with a warning.
- ``paperlab import`` of a file with a broken entry said "imported 4 papers (BibTeX)" on stdout while the skipped
  entry was named only on stderr: the file's line now says how many records were skipped.

Files: our own small BibTeX and RIS, written here (LaTeX accents, a broken entry, a record without a title).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlab.cli import main

BIB = r"""
@article{muller2023, title = {Sp{\"a}rliche Aufmerksamkeit f{\"u}r lange Sequenzen},
  author = {M{\"u}ller, J{\"o}rg and Garc{\'i}a, Ana}, year = {2023}, keywords = {sparse attention}}
@article{broken2021, title = {Broken entry with no closing brace,
  author = {Nobody, A.}, year = {2021}

@misc{quant2024, title = {Four-bit Quantization Without Tears}, author = {Wei Chen}, year = {2024}}
"""
RIS = """TY  - JOUR
TI  - Speculative Decoding at Scale
AU  - Dale, Bo
PY  - 2024
ER  -
TY  - JOUR
AU  - Noname, Only
PY  - 2024
ER  -
"""


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "mine.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "mine.ris").write_text(RIS, encoding="utf-8")
    return tmp_path


def test_import_says_on_each_file_line_how_many_records_it_skipped(files: Path, capsys) -> None:
    assert main(["import", str(files / "mine.bib"), str(files / "mine.ris")]) == 0  # partial imports keep the rest
    out, err = capsys.readouterr()
    assert f"{files / 'mine.bib'}: imported 2 papers (BibTeX); 1 record skipped (named above)" in out
    assert f"{files / 'mine.ris'}: imported 1 paper (RIS); 1 record skipped (named above)" in out
    assert "entry 'broken2021'" in err and "record 2, line 6: expected a title" in err
    assert main(["import", str(files / "mine.bib")]) == 0
    assert "skipped (named above)" in capsys.readouterr().out
    good = files / "good.bib"
    good.write_text("@misc{a, title = {Fine Paper}, author = {Ada Quill}, year = {2020}}\n", encoding="utf-8")
    assert main(["import", str(good)]) == 0
    assert "skipped" not in capsys.readouterr().out


def test_export_takes_the_format_the_output_file_names(files: Path, capsys) -> None:
    assert main(["import", str(files / "mine.bib")]) == 0
    capsys.readouterr()
    for name, start in (("refs.bib", "@"), ("refs.ris", "TY  - "), ("refs.md", ""), ("refs.jsonl", "{")):
        assert main(["export", "-o", str(files / name)]) == 0, name
        text = (files / name).read_text(encoding="utf-8")
        assert text.startswith(start) and "Four-bit Quantization Without Tears" in text, name
        assert f"wrote 2 papers to {files / name}" in capsys.readouterr().err
    assert "@article{muller2023," in (files / "refs.bib").read_text(encoding="utf-8")
    assert main(["export", "--output", str(files / "REFS.BIB")]) == 0  # the suffix in any case


def test_export_says_when_the_name_gives_no_format_or_another(files: Path, capsys) -> None:
    assert main(["import", str(files / "mine.bib")]) == 0
    capsys.readouterr()
    assert main(["export", "-o", str(files / "refs.json")]) == 2
    err = capsys.readouterr().err
    assert "refs.json may be csljson, for reference managers, or json, paperlab's own" in err
    assert not (files / "refs.json").exists()
    assert main(["export", "-o", str(files / "refs.txt")]) == 2
    assert "refs.txt names none" in capsys.readouterr().err
    assert main(["export"]) == 2
    assert "export needs a format: paperlab export FORMAT" in capsys.readouterr().err
    assert main(["export", "ris", "-o", str(files / "odd.bib")]) == 0
    err = capsys.readouterr().err
    assert f"warning: {files / 'odd.bib'} holds ris, though its name says bibtex" in err
    assert (files / "odd.bib").read_text(encoding="utf-8").startswith("TY  - ")
    assert main(["export", "--help"]) == 0
    assert "-o refs.bib alone says it too" in " ".join(capsys.readouterr().out.split())


def test_import_reference_date_dates_a_schedules_year_less_days(tmp_path: Path, capsys) -> None:
    """--reference-date's help named only saved Hugging Face pages; a schedule's "Friday, June 30" is dated by it
    too (load(reference_date=), session 17): the help says so and the import uses it."""
    sched = tmp_path / "group.md"
    sched.write_text(
        "# Reading group\n\n| Date | Paper | Presenter |\n|------|-------|-----------|\n"
        "| Friday, June 30 | [Attention Is All You Need](https://arxiv.org/abs/1706.03762) | Ada |\n",
        encoding="utf-8",
    )
    assert main(["import", "--help"]) == 0
    assert "schedule's 'Friday, June 30'" in " ".join(capsys.readouterr().out.split())
    assert main(["import", str(sched), "--reference-date", "2031-01-01"]) == 0
    import paperlab

    (paper,) = list(paperlab.open_store().papers())
    assert paper.extra.get("meeting_date") == "2028-06-30"  # the last June 30 that was a Friday by 2031


def test_search_and_feed_of_a_file_name_its_bad_records_as_import_does(files: Path, capfd) -> None:
    """``paperlab search --corpus FILE`` and ``paperlab feed --from-library FILE`` printed Python's raw warning
    ("…/bin/paperlab:6: PartialImportWarning: … sys.exit(main())") for a file with a broken entry: now one line
    each, as ``paperlab import`` says it."""
    bib = str(files / "mine.bib")
    assert main(["search", "quantization", "--corpus", bib]) == 0
    err = capfd.readouterr().err
    assert f"paperlab: skipped {bib}, entry 'broken2021'" in err
    assert "PartialImportWarning" not in err and "sys.exit" not in err
    assert main(["feed", "--from-library", bib, "--no-remember"]) == 0
    err = capfd.readouterr().err
    assert f"paperlab: skipped {bib}, entry 'broken2021'" in err and "PartialImportWarning" not in err


def test_split_of_an_unknown_paper_says_what_to_give(files: Path, capsys) -> None:
    assert main(["import", str(files / "mine.bib")]) == 0
    capsys.readouterr()
    assert main(["split", "nope"]) == 1  # the exit status as before
    err = capsys.readouterr().err.strip()
    assert err.startswith("paperlab: error: no paper 'nope'") and len(err.splitlines()) == 1
    assert "give the merged paper's id, arXiv id or DOI (the first column of `paperlab list`" in err

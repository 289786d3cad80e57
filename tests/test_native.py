"""paperlab's own formats (paperlab.sources.native): save_library / read_native round trips and bad records."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import warnings
from pathlib import Path

import pytest
from paths import DATA, FIXTURES

from paperlab import Library, Paper, ParseError, PartialImportWarning, SourceRecord, load
from paperlab.sources.bibtex import read_bibtex
from paperlab.sources.native import read_native, save_library

RETRIEVED = dt.datetime(2025, 3, 20, 8, 30, tzinfo=dt.timezone.utc)


def _rich() -> Paper:
    """A paper with every field set, including hostile text."""
    return Paper(
        title='Nasty <script>alert(1)</script> -- title; with "quotes", commas & `ticks`',
        arxiv_id="2503.14895",
        version=2,
        authors=["Žofie Čapková", "John Smith"],
        n_authors=5,
        organization="Org <b>",
        abstract="First line.\nSecond line with 50% and -->.\n\n<img src=x onerror=alert(1)>",
        published=dt.date(2025, 3, 19),
        updated=dt.date(2025, 3, 21),
        categories=["cs.CL", "cs.LG"],
        primary_category="cs.CL",
        comment="Accepted at ICLR 2025",
        journal_ref="ICLR 2025",
        doi="10.48550/arXiv.2503.14895",
        url="https://arxiv.org/abs/2503.14895v2",
        pdf_url="https://arxiv.org/pdf/2503.14895v2",
        code_url="https://github.com/x/y",
        project_url="https://x.github.io/",
        upvotes=42,
        github_stars=1234,
        ai_summary="A summary.",
        keywords=["retrieval", "long context"],
        tags=["to-read", "llm"],
        sources=[
            SourceRecord("arxiv", "https://export.arxiv.org/api/query", RETRIEVED, "entry 1"),
            SourceRecord("hf", "daily.json", RETRIEVED, None),
        ],
        extra={"s2": {"paperId": "abc", "citations": [1, 2]}, "flag": True, "n": 1.5},
    )


def _own_bib_papers() -> list[Paper]:
    """The 22 papers of our own tests/data/bibtex files (accents, LaTeX, arXiv ids, dates, comments, extras)."""
    papers: list[Paper] = []
    for name in ("biblatex-style.bib", "strings-and-macros.bib", "producers.bib", "broken-middle.bib"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PartialImportWarning)  # the @set and broken entries are reported
            papers += read_bibtex(DATA / "bibtex" / name)
    return papers


@pytest.fixture(scope="module")
def papers() -> list[Paper]:
    """Our own bib papers plus a rich one and a bare one."""
    own = _own_bib_papers()
    assert len(own) == 22
    return [_rich(), *own, Paper("Bare minimum title")]


def _assert_lossless(papers: list[Paper], path: Path) -> None:
    assert save_library(papers, path) == path
    back = read_native(path)
    assert len(back) == len(papers)
    for original, again in zip(papers, back, strict=True):
        assert again.to_dict() == original.to_dict()
    assert back == papers
    # load() detects the format from the file
    assert list(load(path)) == list(Library(papers))


@pytest.mark.parametrize("ext", ["json", "jsonl", "md", "csv"])
def test_lossless_round_trip(papers: list[Paper], tmp_path: Path, ext: str) -> None:
    assert len(papers) == 24
    _assert_lossless(papers, tmp_path / f"lib.{ext}")


@pytest.mark.realdata
@pytest.mark.parametrize("ext", ["json", "jsonl", "md", "csv"])
def test_lossless_round_trip_real_corpus(tmp_path: Path, ext: str) -> None:
    """Real papers from $PAPERLAB_REALDATA/fixtures/bibtex/biblatex-examples.bib (90 with titles) plus a rich one."""
    with pytest.warns(PartialImportWarning):
        real = read_bibtex(FIXTURES / "bibtex" / "biblatex-examples.bib")
    assert len(real) == 90
    papers = [_rich(), *real, Paper("Bare minimum title")]
    assert len(papers) == 92
    _assert_lossless(papers, tmp_path / f"lib.{ext}")


def test_json_layout(tmp_path: Path) -> None:
    path = tmp_path / "lib.json"
    save_library([_rich()], path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["paperlab"] == 1
    assert data["papers"] == [_rich().to_dict()]
    assert "Žofie" in path.read_text(encoding="utf-8")  # UTF-8, not \u escapes


def test_jsonl_layout(tmp_path: Path) -> None:
    path = tmp_path / "lib.jsonl"
    save_library([_rich(), Paper("Second paper")], path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert json.loads(lines[1])["title"] == "Second paper"


def test_csv_layout_and_every_field(tmp_path: Path) -> None:
    path = tmp_path / "lib.csv"
    rich = _rich()
    save_library([rich], path)
    with open(path, newline="", encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["authors"] == "Žofie Čapková; John Smith"
    assert row["tags"] == "to-read; llm"
    assert row["published"] == "2025-03-19"
    assert row["upvotes"] == "42"
    assert row["arxiv_id"] == "2503.14895"
    assert json.loads(row["sources"]) == [s.to_dict() for s in rich.sources]
    assert json.loads(row["extra"]) == rich.extra
    (back,) = read_native(path)
    for name, value in rich.to_dict().items():  # every scalar and list field
        assert back.to_dict()[name] == value, name


def test_markdown_cards_are_safe_and_readable(tmp_path: Path) -> None:
    path = tmp_path / "cards.md"
    Library([_rich(), Paper("Plain paper", authors=["A B"])]).save(str(path))
    text = path.read_text(encoding="utf-8")
    assert "<script" not in text and "<img" not in text
    assert text.count("<!-- application/vnd.paperlab.paper+json") == 2
    assert [p.title for p in read_native(path)] == [_rich().title, "Plain paper"]


def test_bib_export_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    Library([_rich()]).save(str(path))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("@article{capkova2025nasty,")
    (back,) = load(path)
    rich = _rich()
    for name in ("title", "authors", "published", "arxiv_id", "version", "doi", "url", "abstract", "keywords"):
        assert getattr(back, name) == getattr(rich, name), name


def test_format_argument_and_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "papers.txt"
    save_library([Paper("One paper")], path, format="jsonl")
    assert read_native(path, format="jsonl")[0].title == "One paper"
    assert read_native(path)[0].title == "One paper"  # sniffed from content
    with pytest.raises(ValueError, match="json, jsonl, csv, bib, md"):
        save_library([Paper("One paper")], tmp_path / "papers.xlsx")


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lib.json"
    save_library([Paper("Old content")], path)
    before = path.read_bytes()

    def failing_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        save_library([Paper("New content")], path)
    monkeypatch.undo()
    assert path.read_bytes() == before  # the old file is intact
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lib.json"]  # no temp file left behind
    with pytest.raises(TypeError, match="Paper objects"):
        save_library([Paper("x"), {"title": "not a paper"}], path)  # type: ignore[list-item]
    assert path.read_bytes() == before
    save_library([Paper("New content")], tmp_path / "sub" / "dir" / "lib.json")  # folders are created
    assert read_native(tmp_path / "sub" / "dir" / "lib.json")[0].title == "New content"


# -- bad records -----------------------------------------------------------------------------------


def _problems(path: Path) -> tuple[list[Paper], list[tuple[str, str]]]:
    with pytest.warns(PartialImportWarning) as record:
        papers = read_native(path)
    assert len(record) == 1
    return papers, [(p.where, p.message) for p in record[0].message.problems]


def test_jsonl_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps(Paper("Good one").to_dict()),
                "{not json",
                json.dumps({"title": "Wrong authors", "authors": 5}),
                "",
                json.dumps({"title": "Unknown key", "colour": "red"}),
                json.dumps({"title": "Good two", "published": "2024-02-03"}),
                json.dumps({"title": "Bad date", "published": "yesterday"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    papers, problems = _problems(path)
    assert [p.title for p in papers] == ["Good one", "Good two"]
    assert [w for w, _ in problems] == ["line 2", "line 3", "line 5", "line 7"]
    assert "not valid JSON" in problems[0][1]
    assert "field 'authors': expected a list of strings" in problems[1][1]
    assert "unknown paper field(s) ['colour']" in problems[2][1]
    assert "field 'published': expected an ISO date" in problems[3][1]


def test_json_bad_items(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    items = [Paper("Good").to_dict(), {"title": 7}, "a string", {"title": "Bad version", "version": "two"}]
    path.write_text(json.dumps({"paperlab": 1, "papers": items}), encoding="utf-8")
    papers, problems = _problems(path)
    assert [p.title for p in papers] == ["Good"]
    assert problems == [
        ("item 2", "field 'title': expected a string, got 7"),
        ("item 3", "expected a JSON object for a paper, got str"),
        ("item 4", "field 'version': expected an integer, got 'two'"),
    ]


def test_csv_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    save_library([Paper("Good", upvotes=3), Paper("Bad upvotes"), Paper("Bad sources")], path)
    text = path.read_text(encoding="utf-8").splitlines()
    header = text[0].split(",")
    cells = next(csv.reader([text[2]]))
    cells[header.index("upvotes")] = "many"
    text[2] = ",".join(cells)
    cells = next(csv.reader([text[3]]))
    cells[header.index("sources")] = "[{broken"
    text[3] = ",".join(cells)
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    papers, problems = _problems(path)
    assert [p.title for p in papers] == ["Good"]
    assert problems[0] == ("row 2 (line 3)", "field 'upvotes': expected an integer, got 'many'")
    assert problems[1][0] == "row 3 (line 4)"
    assert problems[1][1].startswith("field 'sources': expected JSON")


def test_csv_with_unknown_columns_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("title,Colour\nA,red\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"unknown column\(s\) \['Colour'\]") as info:
        read_native(path)
    assert info.value.where == "line 1"
    path.write_text("title,authors,published\nHand made,A One; B Two,2020-05-06\n", encoding="utf-8")
    (paper,) = read_native(path)  # a subset of columns is fine
    assert (paper.authors, paper.published) == (["A One", "B Two"], dt.date(2020, 5, 6))


def test_markdown_bad_card(tmp_path: Path) -> None:
    path = tmp_path / "cards.md"
    good = Paper("Good card").to_markdown()
    bad = '### Bad\n\n<!-- application/vnd.paperlab.paper+json {"title": "x", "upvotes": "lots"} -->\n'
    path.write_text(good + "\n" + bad, encoding="utf-8")
    papers, problems = _problems(path)
    assert [p.title for p in papers] == ["Good card"]
    assert problems == [("card 2 (line 7)", "field 'upvotes': expected an integer, got 'lots'")]


def test_nothing_usable_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "all_bad.jsonl"
    path.write_text('{"title": 1}\n{"title": 2}\n', encoding="utf-8")
    with pytest.raises(ParseError, match="no usable papers") as info:
        read_native(path)
    assert info.value.where == "line 1" and len(info.value.problems) == 2
    empty = tmp_path / "empty.json"
    empty.write_text('{"paperlab": 1, "papers": []}', encoding="utf-8")
    with pytest.raises(ParseError, match="no papers found"):
        read_native(empty)
    newer = tmp_path / "newer.json"
    newer.write_text('{"paperlab": 99, "papers": []}', encoding="utf-8")
    with pytest.raises(ParseError, match="version 99 is not supported"):
        read_native(newer)
    broken = tmp_path / "broken.json"
    broken.write_text('{"paperlab": 1,\n "papers": [', encoding="utf-8")
    with pytest.raises(ParseError, match="not valid JSON") as info:
        read_native(broken)
    assert info.value.where == "line 2"
    no_cards = tmp_path / "notes.md"
    no_cards.write_text("# Just notes\n", encoding="utf-8")
    with pytest.raises(ParseError, match="markdown cards"):
        read_native(no_cards)

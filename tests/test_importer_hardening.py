"""Issue 13, importers: each hostile input found by mutating real files gives a ParseError or a
PartialImportWarning naming the file and the record, never another exception; warnings point at the
caller's line; BibTeX decodes LaTeX only where there is some, and fast.

The fuzz tests over every format are in tests/test_fuzz_importers.py.
"""

from __future__ import annotations

import importlib.util
import json
import re
import warnings
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import paperlab
from paperlab.errors import FetchError, ParseError, PartialImportWarning
from paperlab.paper import Paper
from paperlab.services.sessions import read_session
from paperlab.sources import load
from paperlab.sources._http import HttpClient
from paperlab.sources.arxiv import iter_kaggle, read_kaggle
from paperlab.sources.bibtex import parse_bibtex, read, read_bibtex
from paperlab.sources.bibtex import text as bibtex_text
from paperlab.sources.hf import HfDailyPapersClient, parse_daily_papers
from paperlab.sources.native import read_native, save_library
from paperlab.sources.semantic_scholar import SemanticScholarClient, parse_semantic_scholar

DATA = Path(__file__).parent / "data"
DEEP = "[" * 10_000 + "]" * 10_000


def _hf_item(**paper: object) -> dict[str, object]:
    return {"paper": {"id": "2510.00001", "title": "A paper", "authors": [{"name": "A. Author"}], **paper}}


def _two_hf_items(**bad: object) -> list[dict[str, object]]:
    good = _hf_item()
    worse = _hf_item(**bad)
    worse["paper"]["id"] = "2510.00002"  # type: ignore[index]
    return [good, worse]


# -- bytes that are not UTF-8 ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["daily.json", "s2.json", "mine.json", "unknown.json"])
def test_non_utf8_json_is_a_parse_error_naming_the_offset(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b'[{"paper": {"id": "2510.00001", "title": "caf\xe9"}}]')
    with pytest.raises(ParseError, match=r"expected UTF-8 text, got undecodable byte 0xe9 at offset") as info:
        load(path)
    assert info.value.source == str(path)


def test_utf16_json_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "daily.json"
    path.write_bytes(json.dumps([_hf_item()]).encode("utf-16"))
    assert [p.arxiv_id for p in load(path)] == ["2510.00001"]


# -- values of the wrong type or size ---------------------------------------------------------


@pytest.mark.parametrize("authors", ["A. Author", 3, {"name": "A. Author"}])
def test_hf_authors_that_are_not_a_list_skip_that_record(authors: object) -> None:
    with pytest.warns(PartialImportWarning) as caught:
        papers = parse_daily_papers(json.dumps(_two_hf_items(authors=authors)), source="daily.json")
    assert [p.arxiv_id for p in papers] == ["2510.00001"]
    (problem,) = caught[0].message.problems  # type: ignore[union-attr]
    assert (problem.where, problem.source) == ("record 2", "daily.json")
    assert "'authors': expected a list" in problem.message


@pytest.mark.parametrize("authors", ["A. Author", 3])
def test_s2_authors_that_are_not_a_list_skip_that_record(authors: object) -> None:
    data = {"data": [{"title": "Good", "authors": [{"name": "A"}]}, {"title": "Bad", "authors": authors}]}
    with pytest.warns(PartialImportWarning, match=r"record 2: 'authors': expected a list"):
        papers = parse_semantic_scholar(json.dumps(data), source="s2.json")
    assert [p.title for p in papers] == ["Good"]


@pytest.mark.parametrize("upvotes", ["Infinity", "-Infinity", "NaN", "1e400", "9" * 40])
def test_hf_counts_that_are_infinite_or_huge_skip_that_record(upvotes: str) -> None:
    text = json.dumps(_two_hf_items(upvotes=0)).replace('"upvotes": 0', f'"upvotes": {upvotes}')
    with pytest.warns(PartialImportWarning, match=r"record 2: paper 2510.00002: field 'upvotes'"):
        papers = parse_daily_papers(text, source="daily.json")
    assert [p.arxiv_id for p in papers] == ["2510.00001"]


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ('{"x": NaN}', "expected a finite number"),
        ('{"x": Infinity}', "expected a finite number"),
        ('{"x": 1e400}', "expected a finite number"),
        ('{"x": ' + "9" * 30 + "}", "expected an integer of at most 64 bits"),
        ('{"x": ' + "[" * 40 + "]" * 40 + "}", "expected data nested at most 32 levels"),
    ],
)
def test_native_extra_that_cannot_be_stored_or_sent_skips_that_record(tmp_path: Path, extra: str, said: str) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text('{"title": "Good"}\n{"title": "Bad", "extra": ' + extra + "}\n", encoding="utf-8")
    with pytest.warns(PartialImportWarning, match=f"line 2: field 'extra': {said}"):
        papers = read_native(path)
    assert [p.title for p in papers] == ["Good"]


def test_native_integer_fields_beyond_64_bits_skip_that_record(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text('{"title": "Good"}\n{"title": "Bad", "upvotes": ' + "9" * 25 + "}\n", encoding="utf-8")
    with pytest.warns(PartialImportWarning, match="line 2: field 'upvotes': expected an integer of at most 64 bits"):
        assert [p.title for p in read_native(path)] == ["Good"]


@pytest.mark.parametrize("value", ["Infinity", "NaN", "1e400"])
def test_native_infinite_integer_field_skips_that_record(tmp_path: Path, value: str) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text('{"title": "Good"}\n{"title": "Bad", "version": ' + value + "}\n", encoding="utf-8")
    with pytest.warns(PartialImportWarning, match=r"line 2: (expected a paperlab paper object|field 'version')"):
        assert [p.title for p in read_native(path)] == ["Good"]


def test_native_source_record_that_is_not_a_string_skips_that_record(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    bad = {"title": "Bad", "sources": [{"name": "x", "record": {"deep": [1]}}]}
    path.write_text('{"title": "Good"}\n' + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.warns(PartialImportWarning, match="line 2: field 'sources': expected 'record' to be a string"):
        assert [p.title for p in read_native(path)] == ["Good"]


def test_kaggle_year_beyond_the_calendar_keeps_the_record_without_a_date(tmp_path: Path) -> None:
    path = tmp_path / "k.jsonl"
    record = {"id": "0704.0001", "title": "T", "versions": [{"created": "Mon, 2 Apr 99999999999999999999 1:2:3 GMT"}]}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (paper,) = read_kaggle(path)
    assert (paper.date_text, paper.date_inferred) == ("2007-04", True)  # not the bad year: only its id's month


@pytest.mark.parametrize("name", ["daily.json", "s2.json", "mine.jsonl"])
def test_an_integer_literal_of_5000_digits_is_a_parse_error(tmp_path: Path, name: str) -> None:
    """Found by tests/test_fuzz_importers.py: Python's json refuses such a literal with a plain ValueError."""
    path = tmp_path / name
    path.write_text('[{"paper": {"id": "2510.00001", "title": "T", "upvotes": ' + "1" * 5000 + "}}]", encoding="utf-8")
    with pytest.raises(ParseError, match="Exceeds the limit") as info:
        load(path)
    assert info.value.source == str(path)


# -- nesting deeper than the JSON parser goes ------------------------------------------------


@pytest.mark.parametrize("name", ["daily.json", "other.json", "export.jsonl", "no-extension"])
def test_json_nested_10000_levels_is_a_parse_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(DEEP if name != "export.jsonl" else DEEP + "\n", encoding="utf-8")
    with pytest.raises(ParseError) as info:
        load(path)
    assert info.value.source == str(path)


def test_deep_jsonl_line_skips_that_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text('{"title": "Good"}\n' + DEEP + "\n", encoding="utf-8")
    with pytest.warns(PartialImportWarning, match="line 2: JSON nested too deeply"):
        assert [p.title for p in read_native(path)] == ["Good"]


def test_deep_kaggle_line_skips_that_line(tmp_path: Path) -> None:
    path = tmp_path / "k.jsonl"
    path.write_text('{"id": "0704.0001", "title": "T"}\n' + DEEP + "\n", encoding="utf-8")
    with pytest.warns(PartialImportWarning, match="line 2: expected a JSON object per line: JSON nested too deeply"):
        assert len(read_kaggle(path)) == 1


@pytest.mark.parametrize("parse", [parse_daily_papers, parse_semantic_scholar])
def test_deep_json_text_given_to_a_parser_is_a_parse_error(parse: object) -> None:
    with pytest.raises(ParseError, match="JSON nested too deeply"):
        parse(DEEP, source="x.json")  # type: ignore[operator]


def test_deep_markdown_card_skips_that_card(tmp_path: Path) -> None:
    good = Paper(title="Good").to_markdown()
    bad = Paper(title="Bad").to_markdown().replace('"extra": {}', '"extra": {"x": ' + DEEP + "}")
    assert bad != Paper(title="Bad").to_markdown()
    path = tmp_path / "cards.md"
    path.write_text(good + "\n" + bad, encoding="utf-8")
    with pytest.warns(PartialImportWarning, match=r"card 2 \(line \d+\)"):
        assert [p.title for p in read_native(path)] == ["Good"]


# -- hostile servers (127.0.0.1) ---------------------------------------------------------------


def _fast_http() -> HttpClient:
    return HttpClient(retries=1, backoff=0.0, max_backoff=0.0, timeout=5.0, min_interval=0.0)


def test_a_deeply_nested_body_is_a_fetch_error(fake_server) -> None:  # type: ignore[no-untyped-def]
    fake_server.route("/api/daily_papers", DEEP.encode())
    with HfDailyPapersClient(base_url=fake_server.url, http=_fast_http()) as hf, pytest.raises(FetchError):
        hf.daily("2025-10-14")


def test_a_deeply_nested_s2_error_body_is_a_fetch_error(fake_server) -> None:  # type: ignore[no-untyped-def]
    fake_server.route("/graph/v1/paper/search", DEEP.encode(), status=400)
    with SemanticScholarClient(base_url=fake_server.url + "/graph/v1", http=_fast_http()) as s2:
        with pytest.raises(FetchError, match="HTTP 400"):
            s2.search("attention")


def test_a_redirect_loop_is_a_fetch_error(fake_server) -> None:  # type: ignore[no-untyped-def]
    fake_server.route("/api/daily_papers", b"", status=302, headers={"Location": "/api/daily_papers"})
    with HfDailyPapersClient(base_url=fake_server.url, http=_fast_http()) as hf:
        with pytest.raises(FetchError, match="redirect"):
            hf.daily("2025-10-14")


# -- PartialImportWarning points at the caller's line ----------------------------------------


def _bad_bib(tmp_path: Path) -> Path:
    path = tmp_path / "refs.bib"
    path.write_text("@article{a, title = {Good}}\n@article{b, author = {No Title}}\n", encoding="utf-8")
    return path


def _bad_kaggle(tmp_path: Path) -> Path:
    path = tmp_path / "k.jsonl"
    path.write_text('{"id": "0704.0001", "title": "T"}\nnot json\n', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "call",
    [
        lambda tmp: load(_bad_bib(tmp)),
        lambda tmp: paperlab.load(_bad_bib(tmp)),
        lambda tmp: read_bibtex(_bad_bib(tmp)),
        lambda tmp: parse_bibtex(_bad_bib(tmp).read_text()),
        lambda tmp: read_kaggle(_bad_kaggle(tmp)),
        lambda tmp: list(iter_kaggle(_bad_kaggle(tmp))),
        lambda tmp: load(_bad_kaggle(tmp)),
        lambda tmp: parse_daily_papers(json.dumps(_two_hf_items(authors=3))),
    ],
    ids=["load", "paperlab.load", "read_bibtex", "parse_bibtex", "read_kaggle", "iter_kaggle", "load-kaggle", "hf"],
)
def test_partial_import_warning_points_at_the_callers_line(tmp_path: Path, call: object) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call(tmp_path)  # type: ignore[operator]
    partial = [w for w in caught if issubclass(w.category, PartialImportWarning)]
    assert len(partial) == 1
    assert Path(partial[0].filename) == Path(__file__)


# -- BibTeX: LaTeX decoded only where it occurs ------------------------------------------------

_LATEX_PIECES = [
    "plain",
    "words",
    "Gödel",
    "50%",
    "50\\%",
    "R\\&D",
    "a\\_b",
    "{IEEE}",
    "{Deep Learning}",
    '\\"o',
    "{\\'e}",
    "\\'e",
    "\\c c",
    "\\emph{tight bound}",
    "\\emph {x}",
    "\\textbf{b}",
    "{\\bf bold words}",
    "\\LaTeX",
    "\\LaTeX{}",
    "$O(n^{-1/2})$",
    "$x + y$",
    "--",
    "---",
    "a--b",
    "``quoted''",
    "it's",
    "~",
    "a~b",
    "&",
    "!`",
    "-",
    "x^2",
    "\\mkbibquote{q}",
    "\\url{http://x.org/a_b}",
    "\\\\",
    "\\{",
    "\\}",
    "\\$5",
]
_SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", "\t"]


@st.composite
def _latex_values(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_LATEX_PIECES), min_size=1, max_size=60))
    seps = draw(st.lists(st.sampled_from(_SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps, strict=True))


@settings(max_examples=300, deadline=None, database=None)
@given(_latex_values())
def test_bibtex_decoding_only_the_latex_equals_decoding_everything(value: str) -> None:
    whole = bibtex_text._decode(value)
    assert bibtex_text.clean(value) == " ".join(whole.split())
    assert bibtex_text.clean_block(value) == "\n".join(" ".join(line.split()) for line in whole.splitlines()).strip()


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(st.sampled_from(list("ab Z09\n\t\xa0-'`!?%\"#^_.,;:()[]<>@*/|+=é")), max_size=60))
def test_bibtex_text_without_latex_is_kept_as_pylatexenc_would(value: str) -> None:
    assume(not bibtex_text.needs_latex(value))
    assert bibtex_text.latex_to_text(value) == value
    assert bibtex_text.clean(value) == " ".join(bibtex_text._decode(value).split())


def _bench() -> object:
    spec = importlib.util.spec_from_file_location(
        "bench_bibtex", Path(__file__).parent.parent / "benchmarks" / "bench_bibtex.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pylatexenc_inputs(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[int, list[str]]:
    """(papers read from ``text``, every value pylatexenc was asked to decode on the way)."""
    seen: list[str] = []
    decode = bibtex_text._DECODER.latex_to_text

    def counted(value: str, **kwargs: object) -> str:
        seen.append(value)
        return decode(value, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(bibtex_text._DECODER, "latex_to_text", counted)
    return len(parse_bibtex(text, source="bench.bib")), seen


def test_bibtex_import_sends_only_the_latex_pieces_to_pylatexenc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 13's speed-up: pylatexenc (about 200 entries/s when it read every field) sees only the words that hold
    LaTeX. Its speed in entries/s is measured by benchmarks/bench_bibtex.py against bibtexparser alone, not here."""
    text = _bench().generate(1000)  # type: ignore[attr-defined]  # every tenth entry carries LaTeX
    count, seen = _pylatexenc_inputs(monkeypatch, text)
    assert count == 1000
    assert seen, "the entries with accents and math must still be decoded"
    assert len(seen) <= 10 * 100, f"{len(seen)} pylatexenc calls for 100 entries with LaTeX"
    whole = [v for v in seen if len(v) >= 120 and not bibtex_text._WHOLE_VALUE.search(v)]
    assert not whole, "a long abstract went to pylatexenc whole, not only its LaTeX words"


def test_bibtex_without_latex_never_reaches_pylatexenc(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = re.split(r"(?=@article\{key)", _bench().generate(200))  # type: ignore[attr-defined]
    # entries whose only LaTeX is braces and escaped specials ("R\\&D", "50\\%"), which are read without it
    plain = [e for e in entries if e.strip() and not bibtex_text.needs_latex(re.sub(r"\\[%&]|[{}]", "", e))]
    assert len(plain) > 100
    count, seen = _pylatexenc_inputs(monkeypatch, "".join(plain))
    assert count == len(plain)
    assert seen == []


def test_bibtex_sample_files_read_the_same_with_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def fields(path: Path) -> list[dict[str, object]]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PartialImportWarning)
            return [{k: v for k, v in p.to_dict().items() if k != "sources"} for p in read_bibtex(path)]

    files = sorted((DATA / "bibtex").glob("*.bib"))
    fast = [fields(f) for f in files]
    monkeypatch.setattr(bibtex_text, "latex_to_text", bibtex_text._decode)  # what clean() and clean_block() call
    monkeypatch.setattr(read, "_latex_to_text", bibtex_text._decode)
    assert fast == [fields(f) for f in files]


def test_save_and_read_back_survives_the_checks(tmp_path: Path) -> None:
    paper = Paper(title="T", upvotes=2**62, extra={"nested": [[{"a": 1.5}]]})
    path = save_library([paper], tmp_path / "x.jsonl")
    assert read_native(path)[0].extra == {"nested": [[{"a": 1.5}]]}


# -- reading-group sessions ------------------------------------------------------------------


def test_a_session_path_that_is_a_folder_is_a_parse_error(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="cannot read file") as info:
        read_session(tmp_path)
    assert info.value.source == str(tmp_path)


def test_a_non_utf8_session_is_a_parse_error_naming_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes(b"Reading group\n\nAda Lovelace\n\xff\n")
    with pytest.raises(ParseError, match="undecodable byte 0xff at offset 28"):
        read_session(path)


def test_read_session_warns_at_the_callers_line(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text(SESSION_WITH_A_LOST_ROW, encoding="utf-8")
    with pytest.warns(PartialImportWarning) as record:
        read_session(path)
    assert Path(record[0].filename) == Path(__file__)


SESSION_WITH_A_LOST_ROW = """Reading group

Ada Lovelace

Published as a conference paper at ICLR 2025
Analytical Engines Are All You Need
Ada Lovelace, Charles Babbage
University of London

Results

Method\tCIFAR-10\tCIFAR-100\tImageNet
Baseline\t90.1\t70.2\t75.3
Ours\t91.2\t71.4\t76.5\t80.0
Ours+\t92.0\t72.2\t77.1
Wide\t92.5\t72.9\t77.9
Deep\t93.1\t73.3\t78.2

Takeaways
- Engines help.
"""

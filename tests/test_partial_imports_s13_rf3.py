"""One record loop for every reader (session 13, RF3): in each source a file with one bad record among good ones
keeps the good ones and warns once, naming the file, the record and the field, at the user's line (not paperlab's).
Our own small hand-written files."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paperlab.errors import ParseError, PartialImportWarning
from paperlab.paper import Paper
from paperlab.sources.arxiv.atom import read_atom
from paperlab.sources.arxiv.kaggle import iter_kaggle, read_kaggle
from paperlab.sources.arxiv.oai import read_oai
from paperlab.sources.hf import read_daily_papers
from paperlab.sources.hf_page import parse_hf_page, read_hf_page
from paperlab.sources.native import read_native, save_library
from paperlab.sources.openalex import read_openalex
from paperlab.sources.s2_graph import parse_link_page
from paperlab.sources.semantic_scholar import read_semantic_scholar


def _partial(read: Callable[[Path], list[Paper]], path: Path) -> tuple[list[Paper], str]:
    """The papers read and the one PartialImportWarning's text; the warning must point at this file's line."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        papers = read(path)
    partial = [w for w in caught if issubclass(w.category, PartialImportWarning)]
    assert len(partial) == 1, [str(w.message) for w in caught]
    assert partial[0].filename == __file__  # stacklevel: the user's call, not a paperlab frame
    return papers, str(partial[0].message)


def _work(n: int, **fields: object) -> dict[str, object]:
    return {"id": f"https://openalex.org/W{n}", "display_name": f"Work number {n}", **fields}


def test_openalex_list_response_keeps_good_works(tmp_path: Path) -> None:
    path = tmp_path / "works.json"
    works = [_work(1), _work(2, cited_by_count=float("inf")), _work(3)]
    path.write_text(json.dumps({"meta": {"count": 3}, "results": works}))
    papers, said = _partial(read_openalex, path)
    assert [p.title for p in papers] == ["Work number 1", "Work number 3"]
    assert str(path) in said and "kept 2" in said and "results[1]: field 'cited_by_count'" in said


def test_openalex_json_lines_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "works.jsonl"
    lines = [json.dumps(_work(1)), json.dumps(_work(2, authorships="Ada Quill")), json.dumps(_work(3))]
    path.write_text("\n".join(lines) + "\n{not json}\n")
    papers, said = _partial(read_openalex, path)
    assert [p.title for p in papers] == ["Work number 1", "Work number 3"]
    assert "line 2: 'authorships': expected a list" in said and "line 4: not valid JSON" in said


def test_openalex_all_bad_is_one_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "works.json"
    path.write_text(json.dumps([{"id": "https://openalex.org/W9"}, 7]))
    with pytest.raises(ParseError) as err:
        read_openalex(path)
    assert err.value.source == str(path) and err.value.where == "record 1" and "display_name" in err.value.message
    assert [p.where for p in err.value.problems] == ["record 1", "record 2"]


def _s2(n: int, **fields: object) -> dict[str, object]:
    return {"paperId": f"{n:040d}", "title": f"Paper number {n}", **fields}


def test_s2_search_page_keeps_good_papers(tmp_path: Path) -> None:
    path = tmp_path / "search.json"
    page = {"total": 3, "offset": 0, "data": [_s2(1), _s2(2, authors="Ada Quill"), None, _s2(3)]}
    path.write_text(json.dumps(page))
    papers, said = _partial(read_semantic_scholar, path)
    assert [p.title for p in papers] == ["Paper number 1", "Paper number 3"]
    assert str(path) in said and "kept 2" in said and "skipped 1" in said and "'authors': expected a list" in said


_INTERACTION = """- request:
    method: GET
    uri: https://api.semanticscholar.org/graph/v1/paper/search?query=q&offset={offset}
  response:
    body:
      string: '{body}'
    status:
      code: {status}
"""


def test_s2_cassette_names_interaction_and_record(tmp_path: Path) -> None:
    path = tmp_path / "search.yaml"
    pages = [
        (0, 200, {"data": [_s2(1), _s2(2, authors=7)]}),
        (2, 429, {"message": "Too Many Requests"}),
        (2, 200, {"data": [_s2(3)]}),
    ]
    path.write_text(
        "interactions:\n"
        + "".join(_INTERACTION.format(offset=o, status=c, body=json.dumps(b)) for o, c, b in pages)
        + "version: 1\n"
    )
    papers, said = _partial(read_semantic_scholar, path)
    assert [p.title for p in papers] == ["Paper number 1", "Paper number 3"]
    assert "interaction 1, record 2: 'authors'" in said
    assert "interaction 2: HTTP 429 answer: Too Many Requests" in said
    assert said.index("interaction 1, record 2") < said.index("interaction 2:")  # in the file's order


def _daily(arxiv_id: str, **paper: object) -> dict[str, object]:
    return {"paper": {"id": arxiv_id, "title": f"Daily paper {arxiv_id}", **paper}, "numComments": 1}


def test_hf_daily_papers_keep_good_items(tmp_path: Path) -> None:
    path = tmp_path / "daily_papers.json"
    items = [_daily("2601.00001"), _daily("2601.00002", upvotes=2**70), "not an item", _daily("2601.00003")]
    path.write_text(json.dumps(items))
    papers, said = _partial(read_daily_papers, path)
    assert [p.arxiv_id for p in papers] == ["2601.00001", "2601.00003"]
    assert str(path) in said and "kept 2" in said and "skipped 2" in said
    assert "record 2: paper 2601.00002: field 'upvotes'" in said and "record 3: expected a JSON object" in said


def _atom_entry(n: int, published: str = "2026-01-0{n}T09:00:00Z") -> str:
    return f"""  <entry>
    <id>http://arxiv.org/abs/2601.0000{n}v1</id>
    <title>Atom entry {n}</title>
    <published>{published.format(n=n)}</published>
    <author><name>Ada Quill</name></author>
  </entry>
"""


def test_arxiv_atom_feed_keeps_good_entries(tmp_path: Path) -> None:
    path = tmp_path / "query.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        + _atom_entry(1)
        + _atom_entry(2, published="the second of January")
        + _atom_entry(3)
        + "</feed>\n"
    )
    papers, said = _partial(read_atom, path)
    assert [p.title for p in papers] == ["Atom entry 1", "Atom entry 3"]
    assert str(path) in said and "kept 2" in said and "entry 2 (line 9): <published>" in said


def _oai_record(n: int, title: str = "OAI record {n}", status: str = "") -> str:
    raw = '<arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/">'
    return (
        f"<record>\n<header{status}><identifier>oai:arXiv.org:2601.0000{n}</identifier></header>\n"
        f"<metadata>{raw}<id>2601.0000{n}</id><title>{title.format(n=n)}</title><authors>Bo Renn</authors>"
        "</arXivRaw></metadata>\n</record>\n"
    )


def test_arxiv_oai_answer_keeps_good_records(tmp_path: Path) -> None:
    path = tmp_path / "list_records.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">\n'
        "<ListRecords>\n"
        + _oai_record(1)
        + _oai_record(2, title=" ")
        + _oai_record(3, status=' status="deleted"')  # a deletion notice: no paper, no problem
        + _oai_record(4)
        + "</ListRecords>\n</OAI-PMH>\n"
    )
    papers, said = _partial(read_oai, path)
    assert [p.title for p in papers] == ["OAI record 1", "OAI record 4"]
    assert str(path) in said and "kept 2" in said and "skipped 1" in said
    assert "record 2 (line 8): record 2601.00002: expected a non-empty <title>" in said


def _kaggle_file(tmp_path: Path) -> Path:
    path = tmp_path / "snapshot.jsonl"
    records = [
        {"id": "2601.00001", "title": "Kaggle record 1", "authors": "Ada Quill", "categories": "cs.LG"},
        {"id": "2601.00002", "title": "", "authors": "Bo Renn"},
        {"id": "2601.00003", "title": "Kaggle record 3", "authors": "Cai Lune"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + '\n{"id": "2601.00004", "title": \n')
    return path


def test_arxiv_kaggle_snapshot_keeps_good_lines(tmp_path: Path) -> None:
    path = _kaggle_file(tmp_path)
    papers, said = _partial(read_kaggle, path)
    assert [p.title for p in papers] == ["Kaggle record 1", "Kaggle record 3"]
    assert str(path) in said and "kept 2" in said and "skipped 2" in said
    assert "line 2: paper 2601.00002: expected a non-empty 'title'" in said
    assert "line 4: expected a JSON object per line: not valid JSON" in said


def test_arxiv_kaggle_stream_warns_once_at_the_loop(tmp_path: Path) -> None:
    papers, said = _partial(lambda path: list(iter_kaggle(path)), _kaggle_file(tmp_path))
    assert [p.title for p in papers] == ["Kaggle record 1", "Kaggle record 3"]
    assert "line 2: paper 2601.00002: expected a non-empty 'title'" in said


def _three(tmp_path: Path, name: str) -> Path:
    papers = [Paper(title=f"Saved paper {n}", authors=["Ada Quill"], extra={"n": n}) for n in (1, 2, 3)]
    return save_library(papers, tmp_path / name)


def test_native_csv_keeps_good_rows(tmp_path: Path) -> None:
    path = _three(tmp_path, "library.csv")
    lines = path.read_text().splitlines(keepends=True)
    lines[2] = lines[2].replace('{""n"": 2}', '{""n"": 2')  # row 2's extra cell is cut JSON
    path.write_text("".join(lines))
    papers, said = _partial(read_native, path)
    assert [p.title for p in papers] == ["Saved paper 1", "Saved paper 3"]
    assert str(path) in said and "kept 2" in said and "row 2 (line 3): field 'extra': expected JSON" in said


@pytest.mark.parametrize("name", ["library.jsonl", "library.md"])
def test_native_lines_and_cards_keep_good_papers(tmp_path: Path, name: str) -> None:
    path = _three(tmp_path, name)
    text = path.read_text()
    path.write_text(text.replace('"n": 2', '"n": ' + "[" * 40 + "]" * 40))  # deeper than MAX_DEPTH
    papers, said = _partial(read_native, path)
    assert [p.title for p in papers] == ["Saved paper 1", "Saved paper 3"]
    where = "line 2" if name.endswith(".jsonl") else "card 2"
    assert f"{where}" in said and "field 'extra': expected data nested at most 32 levels deep" in said


_ABSTRACT = "We study {what} at length here, in an abstract long enough to read as one on a saved papers page."


@pytest.mark.parametrize("count", ["9" * 5000, "99999999999999999999"])
def test_hf_page_keeps_good_blocks(tmp_path: Path, count: str) -> None:
    path = tmp_path / "papers.txt"
    path.write_text(
        "\n".join(
            [
                "Daily Papers",
                "A First Paper About Sparse Attention",
                _ABSTRACT.format(what="sparse attention"),
                "• 3 authors",
                "Mar 10, 2026 12",
                "A Second Paper With Too Many Authors",
                _ABSTRACT.format(what="very long bylines"),
                f"• {count} authors",
                "A Third Paper About Retrieval",
                _ABSTRACT.format(what="retrieval"),
                "• 2 authors",
            ]
        )
        + "\n"
    )
    papers, said = _partial(read_hf_page, path)
    assert [(p.title, p.n_authors) for p in papers] == [
        ("A First Paper About Sparse Attention", 3),
        ("A Third Paper About Retrieval", 2),
    ]
    assert papers[0].upvotes == 12
    assert (
        str(path) in said
        and "kept 2" in said
        and "line 6: field 'n_authors': expected an integer of at most 64" in said
    )


def test_s2_citation_page_keeps_good_links() -> None:
    page = {
        "offset": 0,
        "next": 3,
        "data": [
            {"citingPaper": _s2(1), "isInfluential": True},
            {"citingPaper": _s2(2, authors={"name": "Ada Quill"})},
            {"citingPaper": _s2(3)},
        ],
    }
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        links, nxt = parse_link_page(json.dumps(page), "citations", source="citations.json")
    assert [link.paper.title for link in links] == ["Paper number 1", "Paper number 3"] and nxt == 3
    assert links[0].influential is True
    (warning,) = caught
    assert warning.category is PartialImportWarning and warning.filename == __file__
    assert "citations.json" in str(warning.message) and "item 2: 'authors': expected a list" in str(warning.message)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
_ITEM = st.fixed_dictionaries(
    {"citingPaper": st.fixed_dictionaries({"title": _JSON | st.just("A title")}, optional={"authors": _JSON})},
    optional={"contexts": _JSON, "intents": _JSON, "isInfluential": _JSON, "externalIds": _JSON},
)


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(items=st.lists(_ITEM | _JSON, max_size=5), nxt=_JSON)
def test_s2_citation_page_never_crashes(items: list[object], nxt: object) -> None:
    """Any page JSON gives links, a ParseError or a PartialImportWarning, never another exception."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            links, _ = parse_link_page({"data": items, "next": nxt}, "citations", source="page.json")
        except ParseError:
            return
    assert all(issubclass(w.category, PartialImportWarning) for w in caught)
    assert all(isinstance(link.paper, Paper) for link in links)


_DIGITS = st.text("0123456789", min_size=1, max_size=30) | st.integers(4000, 6000).map(lambda n: "7" * n)
_PAGE_LINE = st.one_of(
    st.just("A Paper Title About Things"),
    st.just(_ABSTRACT.format(what="things")),
    _DIGITS.map(lambda d: f"• {d} authors"),
    _DIGITS.map(lambda d: f"Mar 10, 2026 {d}"),
    _DIGITS.map(lambda d: f"Oct {d[:2]}"),
    st.just("·"),
    st.just("Acme Labs Acme Labs"),
    st.text(max_size=20),
)


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(lines=st.lists(_PAGE_LINE, max_size=12))
def test_hf_page_never_crashes(lines: list[str]) -> None:
    """Any page of titles, abstracts, bylines and dates with numbers of any length: papers the store can hold, a
    ParseError or a PartialImportWarning, never another exception."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            papers = parse_hf_page("\n".join(lines), source="page.txt", reference_date="2026-11-30")
        except ParseError:
            return
    assert all(issubclass(w.category, PartialImportWarning) for w in caught)
    for paper in papers:
        assert all(n is None or n < 2**63 for n in (paper.n_authors, paper.upvotes))

"""One record loop for every reader (session 13, RF3): in each source a file with one bad record among good ones
keeps the good ones and warns once, naming the file, the record and the field, at the user's line (not paperlab's).
Our own small hand-written files."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from paperlab.errors import ParseError, PartialImportWarning
from paperlab.paper import Paper
from paperlab.sources.openalex import read_openalex


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

"""Issue 13: no file can crash an importer. Our own sample files (tests/data/) are mutated by hypothesis
(byte flips, truncation, other encodings, repeated slices, deep nesting; in JSON: values replaced by
strings, numbers, objects, ``NaN``/``Infinity``, huge integers and 10,000-level nesting) and read with
:func:`paperlab.load` (detection and reader) or the format's reader. Only :class:`ParseError` may
escape, and :class:`PartialImportWarning` be warned; every paper read must serialise as strict JSON
with 64-bit integers (what the store and the browser need).

Each format runs ``max_examples=200`` examples without a deadline, so the run time stays bounded.
"""

from __future__ import annotations

import json
import math
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paperlab.errors import ParseError, PartialImportWarning
from paperlab.paper import Paper
from paperlab.services.sessions import read_session
from paperlab.sources import load
from paperlab.sources.native import save_library

DATA = Path(__file__).parent / "data"
# derandomize: the same 200 examples per format on every run, so CI is deterministic (explore more locally with
# a hypothesis profile or a larger max_examples)
FUZZ = settings(
    max_examples=200, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
DEEP = 10_000


def _native_samples() -> dict[str, bytes]:
    """paperlab's own exports of the sample papers (json, jsonl, csv, markdown cards)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        papers = list(load(DATA / "hf" / "daily_papers_nested.json", DATA / "bibtex" / "producers.bib"))
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for ext in (".json", ".jsonl", ".csv", ".md"):
            out[f"export{ext}"] = save_library(papers, Path(tmp) / f"export{ext}").read_bytes()
    return out


def _samples(folder: str, pattern: str = "*") -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((DATA / folder).glob(pattern)) if p.is_file() and p.suffix != ".md"}


FORMATS: dict[str, dict[str, bytes]] = {
    "bibtex": _samples("bibtex"),
    "ris": _samples("ris"),
    "csl": _samples("csl"),
    "arxiv_atom": _samples("arxiv", "*.xml"),
    "arxiv_rss": _samples("arxiv_feeds", "listing_*.xml"),
    "arxiv_oai": _samples("arxiv_feeds", "oai_*.xml"),
    "openalex": _samples("openalex"),
    "kaggle": _samples("arxiv", "*.jsonl"),
    "hf_json": _samples("hf"),
    "semantic_scholar": {**_samples("semantic_scholar"), **_samples("semantic_scholar/errors")},
    "dailyarxiv": {p.name: p.read_bytes() for p in (DATA / "dailyarxiv").glob("*layout.md")},
    "hf_page": _samples("hf_page"),
    "session": _samples("session", "*.txt"),
    "schedule": {
        p.name: p.read_bytes()
        for pattern in ("schedule*", "syllabus*", "course*")
        for p in (DATA / "session").glob(pattern)
    },
    "native": _native_samples(),
    "paper_list": {"paper-list.md": (DATA / "session" / "paper-list.md").read_bytes()},
}

# -- mutations -------------------------------------------------------------------------------

_JSON_VALUES = st.sampled_from(
    [
        "a string",
        "",
        3,
        -1,
        1.5,
        True,
        None,
        {"name": "x"},
        {"name": ["x"]},
        [1, 2],
        [None],
        [{"name": 3}],
        float("inf"),
        float("-inf"),
        float("nan"),
        10**400,
        -(10**30),
        "deep",
    ]
)


def _nodes(obj: Any) -> list[list[Any]]:
    """Paths to every value of a JSON document, iteratively."""
    out: list[list[Any]] = []
    stack: list[tuple[Any, list[Any]]] = [(obj, [])]
    while stack and len(out) < 5000:
        item, path = stack.pop()
        out.append(path)
        if isinstance(item, dict):
            stack.extend((v, [*path, k]) for k, v in item.items())
        elif isinstance(item, list):
            stack.extend((v, [*path, i]) for i, v in enumerate(item))
    return out


def _replace(doc: Any, path: list[Any], value: Any) -> Any:
    if value == "deep":
        value = json.loads("[" * 900 + "]" * 900)  # parses, but deeper than any paper keeps
    if not path:
        return value
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


def _dumps(doc: Any) -> str:
    try:
        return json.dumps(doc)
    except RecursionError:
        return "[" * DEEP + "]" * DEEP


@st.composite
def json_mutation(draw: st.DrawFn, data: bytes, jsonl: bool) -> bytes:
    """Replace one value of a JSON document (or of one line of a JSON-lines file)."""
    text = data.decode("utf-8")
    lines = text.splitlines() if jsonl else [text]
    index = draw(st.integers(0, len(lines) - 1))
    try:
        doc = json.loads(lines[index])
    except ValueError:
        return data
    if draw(st.booleans()) and isinstance(doc, (dict, list)):
        # the classic shapes first: authors (or any key) as a string, a number, an object
        path = draw(st.sampled_from(_nodes(doc)))
    else:
        path = draw(st.sampled_from(_nodes(doc)[:50]))
    value = draw(_JSON_VALUES)
    lines[index] = _dumps(_replace(doc, path, value))
    if draw(st.integers(0, 9)) == 0:
        lines[index] = "[" * DEEP + lines[index] + "]" * DEEP
    return "\n".join(lines).encode("utf-8")


@st.composite
def byte_mutation(draw: st.DrawFn, data: bytes) -> bytes:
    kind = draw(st.sampled_from(["flip", "truncate", "encode", "repeat", "nest", "insert"]))
    if kind == "flip" and data:
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 16))):
            out[draw(st.integers(0, len(out) - 1))] = draw(st.integers(0, 255))
        return bytes(out)
    if kind == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    if kind == "encode":
        encoding = draw(st.sampled_from(["utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252", "utf-8-sig"]))
        return data.decode("utf-8", errors="replace").encode(encoding, errors="replace")
    if kind == "repeat" and data:
        start = draw(st.integers(0, len(data) - 1))
        piece = data[start : start + draw(st.integers(1, 300))]
        return data[:start] + piece * draw(st.integers(2, 50)) + data[start:]
    if kind == "nest":
        opener = draw(st.sampled_from([b"[", b"{", b"<a>", b"\\textbf{", b"$", b"|"]))
        at = draw(st.integers(0, len(data)))
        return data[:at] + opener * draw(st.sampled_from([10, 1000, DEEP])) + data[at:]
    junk = draw(st.binary(min_size=1, max_size=64))
    at = draw(st.integers(0, len(data)))
    return data[:at] + junk + data[at:]


@st.composite
def mutated(draw: st.DrawFn, fmt: str) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(FORMATS[fmt])))
    data = FORMATS[fmt][name]
    is_json = name.endswith((".json", ".jsonl"))
    if is_json and draw(st.booleans()):
        data = draw(json_mutation(data, jsonl=name.endswith(".jsonl")))
    for _ in range(draw(st.integers(1 if not is_json else 0, 2))):
        data = draw(byte_mutation(data))
    return name, data


# -- the property ------------------------------------------------------------------------------

_INT_LIMIT = 2**63


def _storable(value: Any) -> None:
    """Strict JSON (no NaN/Infinity), integers in 64 bits, nesting the encoder can follow."""
    json.dumps(value, allow_nan=False)
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, bool):
            continue
        if isinstance(item, int):
            assert -_INT_LIMIT < item < _INT_LIMIT
        elif isinstance(item, float):
            assert math.isfinite(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _read(fmt: str, path: Path) -> list[Paper]:
    if fmt == "session":
        return list(read_session(path).library)
    if fmt in ("schedule", "paper_list"):  # the reader itself, whatever detection makes of the mutated file
        return list(load(path, format=fmt))
    return list(load(path))


def _check(fmt: str, name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                papers = _read(fmt, path)
            except ParseError as exc:
                assert str(path) in str(exc) or exc.source == str(path), f"the error must name the file: {exc}"
                return
        for w in caught:
            assert issubclass(w.category, (PartialImportWarning, UserWarning)), w
            if issubclass(w.category, PartialImportWarning):
                assert all(p.where for p in w.message.problems), "each problem names its line or record"  # type: ignore[union-attr]
        for paper in papers:
            _storable(paper.to_dict())


def _fuzz(fmt: str) -> Callable[[], None]:
    @FUZZ
    @given(mutated(fmt))
    def run(case: tuple[str, bytes]) -> None:
        _check(fmt, *case)

    return run


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_mutated_sample_files_raise_only_parse_errors(fmt: str) -> None:
    assert FORMATS[fmt], f"no sample files for {fmt}"
    _fuzz(fmt)()

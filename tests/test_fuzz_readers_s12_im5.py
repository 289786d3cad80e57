"""No file can crash the readers tests/test_fuzz_importers.py does not mutate: home-made JSON paper lists (and their
YAML form) and Zotero's own JSON (session 12, helper IM5).

Our own sample files (tests/data/json_lists, tests/data/zotero, tests/data/import_r2/papers.yaml,
tests/data/import_s12_im5/name_objects.json) are mutated by hypothesis with the same mutations (a JSON value
replaced by a string, a number, an object, ``NaN``, a huge integer or deep nesting; bytes flipped, cut, re-encoded,
repeated, nested) and read with the format's own reader (``paperlab.load(path, format=...)``), whatever detection
would make of the mutated file. Only :class:`ParseError` may escape (naming the file), a
:class:`PartialImportWarning` must name each bad record, and every paper read must serialise as strict JSON.
"""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fuzz_importers import _storable, byte_mutation, json_mutation

from paperlab.errors import ParseError, PartialImportWarning
from paperlab.sources import load

DATA = Path(__file__).parent / "data"
FUZZ = settings(
    max_examples=150, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
SAMPLES: dict[str, dict[str, bytes]] = {
    "json_list": {
        p.name: p.read_bytes()
        for p in [*sorted((DATA / "json_lists").glob("*.json")), DATA / "import_s12_im5" / "name_objects.json"]
    },
    "zotero_json": {p.name: p.read_bytes() for p in sorted((DATA / "zotero").glob("*.json"))},
    "yaml_list": {"papers.yaml": (DATA / "import_r2" / "papers.yaml").read_bytes()},
}
_FORMAT = {"json_list": "json_list", "zotero_json": "zotero_json", "yaml_list": "json_list"}


@st.composite
def mutated(draw: st.DrawFn, kind: str) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SAMPLES[kind])))
    data = SAMPLES[kind][name]
    is_json = name.endswith(".json")
    if is_json and draw(st.booleans()):
        data = draw(json_mutation(data, jsonl=False))
    for _ in range(draw(st.integers(0 if is_json else 1, 2))):
        data = draw(byte_mutation(data))
    return name, data


def _check(kind: str, name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                papers = list(load(path, format=_FORMAT[kind]))
            except ParseError as exc:
                assert str(path) in str(exc) or exc.source == str(path), f"the error must name the file: {exc}"
                return
        for w in caught:
            assert issubclass(w.category, UserWarning), w
            if issubclass(w.category, PartialImportWarning):
                assert all(p.where for p in w.message.problems), "each problem names its record"  # type: ignore[union-attr]
        for paper in papers:
            _storable(paper.to_dict())


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_mutated_files_of_the_lenient_readers_raise_only_parse_errors(kind: str) -> None:
    assert SAMPLES[kind], f"no sample files for {kind}"

    @FUZZ
    @given(mutated(kind))
    def run(case: tuple[str, bytes]) -> None:
        _check(kind, *case)

    run()


def test_the_samples_read_before_any_mutation() -> None:
    """The property is about these readers: each unmutated sample is read by it, papers and all."""
    for kind, files in SAMPLES.items():
        for name, data in files.items():
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / name
                path.write_bytes(data)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    assert list(load(path, format=_FORMAT[kind])), (kind, name)


def test_a_yaml_file_nested_thousands_deep_is_a_parse_error_naming_it(tmp_path: Path) -> None:
    """Found by the property above: the YAML paper-list check let the YAML parser's RecursionError escape."""
    path = tmp_path / "papers.yaml"
    path.write_text("{" * 10 + "[" * 3000 + "- title: x\n", encoding="utf-8")
    for fmt in (None, "json_list"):
        with pytest.raises(ParseError, match="nested too deeply") as caught:
            load(path, format=fmt) if fmt else load(path)
        assert str(path) in str(caught.value)

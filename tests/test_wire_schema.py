"""One wire schema: the Paper dataclass, openapi.yaml and js/src/common/wire.ts must agree.

`paperlab.schema` derives the JSON Schema and the TypeScript interfaces of a paper from the dataclass fields;
these tests fail when a checked-in copy is stale, when ``Paper.to_dict()`` of real-style papers does not
validate, or when a field's presence or nullability differs between Python, OpenAPI and TypeScript.
Fix a failure with ``python -m paperlab.schema --ts js/src/common/wire.ts --openapi paperlab/server/openapi.yaml``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import typing
import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from paths import DATA, FIXTURES, ROOT

import paperlab
from paperlab.errors import ParseError
from paperlab.library import Library
from paperlab.paper import Paper, SourceRecord
from paperlab.schema import (
    OPENAPI_BEGIN,
    OPENAPI_END,
    field_schema,
    json_schema,
    json_schemas,
    main,
    render_openapi_section,
    render_typescript,
    update_openapi,
)

OPENAPI = ROOT / "paperlab" / "server" / "openapi.yaml"
WIRE_TS = ROOT / "js" / "src" / "common" / "wire.ts"
WIRE_CLASSES = {"Paper": Paper, "SourceRecord": SourceRecord}

# Our own files of every format we import (tests/data); merged, papers carry several source records.
OWN_FILES = [
    "app/testing.atom.xml",
    "app/arxiv_astro-ph_0601001.atom.xml",
    "app/hf_daily_2025-10-15.json",
    "app/s2_turing1950.json",
    "app/kaggle_arxiv.jsonl",
    "arxiv/legacy.xml",
    "arxiv/search_page.xml",
    "bibtex/biblatex-style.bib",
    "bibtex/strings-and-macros.bib",
    "dailyarxiv/README.md",
    "digest/hf_day_2025-10-15.json",
    "hf/daily_papers_nested.json",
    "hf_page/bylines.txt",
    "semantic_scholar/batch.json",
    "semantic_scholar/paper_details.json",
    "semantic_scholar/search_page.json",
    "session/reading-group-session.txt",
]
# Folders of the recorded real corpus read by the realdata variant (first files of each).
REAL_FOLDERS = ["arxiv_atom", "hf_daily_papers", "semantic_scholar", "bibtex", "dailyarxiv_readme", "csljson"]


# -- helpers ----------------------------------------------------------------------------------------------
def _openapi() -> dict[str, Any]:
    return yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))


def _validator(name: str) -> Draft202012Validator:
    spec = _openapi()
    return Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": spec["components"]})


def _load_all(paths: list[Path]) -> list[Paper]:
    papers: list[Paper] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # partial imports are the importers' business, not ours
        for path in paths:
            try:
                papers.extend(paperlab.load(path))
            except (ParseError, OSError):
                continue
    return papers


def _python_fields(cls: type) -> dict[str, bool]:
    """``{field: nullable}`` read straight from the dataclass annotations."""
    hints = typing.get_type_hints(cls)
    return {f.name: type(None) in typing.get_args(hints[f.name]) for f in dataclasses.fields(cls)}


def _openapi_fields(name: str) -> dict[str, bool]:
    schema = _openapi()["components"]["schemas"][name]
    out = {}
    for prop, sub in schema["properties"].items():
        kinds = sub.get("type", [])
        alternatives = [s.get("type") for s in sub.get("oneOf", [])]
        out[prop] = "null" in (kinds if isinstance(kinds, list) else [kinds]) or "null" in alternatives
    return out


def _ts_interfaces(text: str) -> dict[str, dict[str, tuple[str, bool]]]:
    """``{interface: {field: (TS type, optional)}}`` parsed from a TypeScript file."""
    found: dict[str, dict[str, tuple[str, bool]]] = {}
    for m in re.finditer(r"export interface (\w+) \{\n(.*?)\n\}", text, re.S):
        members = re.findall(r"^  (\w+)(\??): (.+);$", m.group(2), re.M)
        found[m.group(1)] = {name: (tstype, bool(opt)) for name, opt, tstype in members}
    return found


def _rich_papers() -> list[Paper]:
    """Papers with every kind of value: all fields set, nothing set, and sources of several kinds."""
    when = dt.datetime(2025, 3, 18, 9, 30, tzinfo=dt.timezone.utc)
    full = Paper(
        title="Detecting Bugs in Deep-Learning Compilers: A Survey",
        arxiv_id="arXiv:2503.14895v2",
        authors=["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger W. Dijkstra"],
        organization="Example Lab",
        abstract="We survey <b>bug</b> & fault studies -- with `code`, | pipes | and $\\LaTeX$.\nSecond line.",
        published="2025-03-18",
        updated=dt.date(2025, 4, 2),
        categories=["cs.SE", "cs.LG"],
        primary_category="cs.SE",
        comment="Accepted at ICSE 2026; 12 pages",
        journal_ref="Proc. ICSE 2026",
        doi="https://doi.org/10.1145/1234567.8901234",
        url="https://arxiv.org/abs/2503.14895v2",
        pdf_url="https://arxiv.org/pdf/2503.14895v2",
        code_url="https://github.com/example/dl-compiler-bugs",
        project_url="https://example.org/project",
        upvotes=42,
        github_stars=1200,
        ai_summary="A survey of compiler bugs.",
        keywords=["compilers", "testing"],
        tags=["to-discuss"],
        sources=[
            SourceRecord("arxiv", "https://export.arxiv.org/api/query?id_list=2503.14895", when, None),
            SourceRecord("bibtex", "refs.bib", when, "entry lovelace2025"),
        ],
        extra={"paperId": "abc123", "citationCount": 7, "fieldsOfStudy": ["Computer Science"], "x": None},
    )
    bare = Paper(title="Computing Machinery and Intelligence")
    counted = Paper(title="A Model Release With Only a Count of Authors", n_authors=6, organization="Hub Org")
    return [full, bare, counted, full.merge(bare)]


# -- the checked-in copies are what the generator writes ------------------------------------------------------
def test_typescript_file_is_generated_from_the_dataclasses():
    assert WIRE_TS.read_text(encoding="utf-8") == render_typescript(), (
        "js/src/common/wire.ts is stale: run python -m paperlab.schema --ts js/src/common/wire.ts"
    )


def test_openapi_section_is_generated_from_the_dataclasses():
    text = OPENAPI.read_text(encoding="utf-8")
    assert OPENAPI_BEGIN + "\n" in text and OPENAPI_END + "\n" in text
    assert render_openapi_section() in text
    assert update_openapi(text) == text, (
        "openapi.yaml is stale: run python -m paperlab.schema --openapi paperlab/server/openapi.yaml"
    )


@pytest.mark.parametrize("name", sorted(WIRE_CLASSES))
def test_openapi_schema_parses_to_the_generated_schema(name):
    assert _openapi()["components"]["schemas"][name] == json_schemas()[name]


def test_cli_check_passes_on_the_repository_and_fails_on_a_stale_copy(tmp_path, capsys):
    assert main(["--check", "--ts", str(WIRE_TS), "--openapi", str(OPENAPI)]) == 0
    stale = tmp_path / "wire.ts"
    stale.write_text(render_typescript().replace("github_stars: number | null;", ""), encoding="utf-8")
    assert main(["--check", "--ts", str(stale)]) == 1
    assert "out of date" in capsys.readouterr().err
    assert main(["--ts", str(stale)]) == 0 and stale.read_text(encoding="utf-8") == render_typescript()
    fresh = tmp_path / "new" / "wire.ts"
    assert main(["--ts", str(fresh)]) == 0 and fresh.read_text(encoding="utf-8") == WIRE_TS.read_text()


def test_update_openapi_needs_the_markers():
    with pytest.raises(ValueError, match="generated"):
        update_openapi("openapi: 3.1.0\n")


# -- Python, OpenAPI and TypeScript name the same fields with the same nullability -------------------------------
@pytest.mark.parametrize("name", sorted(WIRE_CLASSES))
def test_every_field_in_openapi_and_typescript_with_the_same_nullability(name):
    python = _python_fields(WIRE_CLASSES[name])
    assert _openapi_fields(name) == python
    ts = _ts_interfaces(WIRE_TS.read_text(encoding="utf-8"))[f"I{name}"]
    assert list(ts) == list(python)  # same fields, same order
    assert {k: "| null" in t for k, (t, _) in ts.items()} == python
    assert not any(optional for _, optional in ts.values())  # to_dict() always writes every key
    schema = _openapi()["components"]["schemas"][name]
    assert schema["required"] == list(python) and schema["additionalProperties"] is False


def test_typescript_types_follow_the_json_types():
    ts = _ts_interfaces(WIRE_TS.read_text(encoding="utf-8"))["IPaper"]
    assert ts["title"] == ("string", False) and ts["version"] == ("number | null", False)
    assert ts["published"] == ("string | null", False) and ts["authors"] == ("string[]", False)
    assert ts["sources"] == ("ISourceRecord[]", False) and ts["extra"] == ("{ [key: string]: unknown }", False)


def test_to_dict_keys_are_the_schema_properties():
    for paper in _rich_papers():
        assert list(paper.to_dict()) == list(json_schemas()["Paper"]["properties"])
        for source in paper.sources:
            assert list(source.to_dict()) == list(json_schemas()["SourceRecord"]["properties"])


def test_no_other_typescript_file_declares_the_wire_types():
    declared = []
    for path in sorted((ROOT / "js" / "src").rglob("*.ts")):
        if path != WIRE_TS and re.search(r"\binterface I(Paper|SourceRecord)\b", path.read_text(encoding="utf-8")):
            declared.append(str(path.relative_to(ROOT)))
    assert declared == [], "IPaper/ISourceRecord come from js/src/common/wire.ts only"


# -- Paper.to_dict() validates against the schema ---------------------------------------------------------------
def test_rich_papers_validate():
    validator = _validator("Paper")
    for paper in _rich_papers():
        data = paper.to_dict()
        assert not list(validator.iter_errors(data)), data
        assert Paper.from_dict(data) == paper


def test_papers_read_from_our_files_validate():
    papers = _load_all([DATA / name for name in OWN_FILES])
    assert len(papers) > 80
    merged = list(Library(papers))
    assert any(len(p.sources) > 1 for p in merged)  # the same paper from several files
    validator = _validator("Paper")
    for paper in papers + merged:
        errors = [e.message for e in validator.iter_errors(paper.to_dict())]
        assert errors == [], (paper, errors)


@pytest.mark.realdata
def test_papers_read_from_the_real_corpus_validate():
    paths = [p for folder in REAL_FOLDERS for p in sorted((FIXTURES / folder).rglob("*"))[:40] if p.is_file()]
    papers = _load_all(paths)
    assert len(papers) > 100
    validator = _validator("Paper")
    for paper in papers + list(Library(papers)):
        errors = [e.message for e in validator.iter_errors(paper.to_dict())]
        assert errors == [], (paper, errors)


def test_the_schema_rejects_what_to_dict_never_writes():
    validator = _validator("Paper")
    good = _rich_papers()[0].to_dict()
    for bad in (
        {**good, "version": "2"},
        {**good, "authors": "Ada Lovelace"},
        {**good, "published": 2025},
        {**good, "unknown": 1},
        {k: v for k, v in good.items() if k != "doi"},
        {**good, "title": None},
        {**good, "sources": [{"name": "arxiv"}]},
    ):
        assert list(validator.iter_errors(bad)), bad


# -- the generator itself ---------------------------------------------------------------------------------------
@dataclasses.dataclass
class _Inner:
    name: str


@dataclasses.dataclass
class _Sample:
    text: str
    maybe: int | None
    when: dt.datetime
    day: dt.date | None
    ratio: float
    flag: bool
    inner: _Inner | None
    items: list[_Inner]
    meta: dict[str, Any]


def test_field_types_map_to_json_schema():
    schema = json_schema(_Sample)
    props = schema["properties"]
    assert props["text"] == {"type": "string"}
    assert props["maybe"] == {"type": ["integer", "null"]}
    assert props["when"] == {"type": "string", "format": "date-time"}
    assert props["day"] == {"type": ["string", "null"], "format": "date"}
    assert props["ratio"] == {"type": "number"} and props["flag"] == {"type": "boolean"}
    assert props["inner"] == {"oneOf": [{"$ref": "#/components/schemas/_Inner"}, {"type": "null"}]}
    assert props["items"] == {"type": "array", "items": {"$ref": "#/components/schemas/_Inner"}}
    assert props["meta"] == {"type": "object"}
    assert schema["required"] == [f.name for f in dataclasses.fields(_Sample)]


def test_unsupported_types_are_refused():
    with pytest.raises(TypeError, match="unsupported"):
        field_schema(int | str)
    with pytest.raises(TypeError, match="unsupported"):
        field_schema(set[str])

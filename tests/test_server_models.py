"""Typed REST bodies (paperlab/server/models.py): each model has the keys of its openapi.yaml schema, request
bodies parse into them, and what the running server answers validates against the response schemas."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from paths import DATA

from paperlab.paper import Paper
from paperlab.server import models
from paperlab.server.handlers import STORE_SETTING
from paperlab.server.http_errors import RequestError
from paperlab.server.models import UNSET, AddEntry, CreateList, RenameList, UpdateEntry, parse_body
from paperlab.sources.arxiv import read_atom
from paperlab.store import Store

pytest_plugins = ["pytest_jupyter.jupyter_server"]
pytestmark = pytest.mark.filterwarnings("error::jupyter_server.utils.JupyterServerAuthWarning")

REQUESTS = [CreateList, RenameList, AddEntry, UpdateEntry]
RESPONSES = {
    "Error": models.ErrorBody,
    "Revision": models.Revision,
    "ListSummary": models.ListSummary,
    "Lists": models.Lists,
    "Entry": models.Entry,
    "ListDetail": models.ListDetail,
    "Papers": models.Papers,
    "PaperDetail": models.PaperDetail,
}


def _schemas() -> dict[str, Any]:
    return models.openapi_spec()["components"]["schemas"]


def _errors(body: Any, name: str) -> list[str]:
    spec = yaml.safe_load(models.OPENAPI_PATH.read_text(encoding="utf-8"))
    validator = Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": spec["components"]})
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(body)]


# -- models and schemas have the same keys ----------------------------------------------------------------------
@pytest.mark.parametrize("model", REQUESTS, ids=lambda m: m.__name__)
def test_request_models_have_the_keys_of_their_schema(model):
    schema = _schemas()[model.SCHEMA]
    assert model.SCHEMA == model.__name__
    assert [f.name for f in dataclasses.fields(model)] == list(schema["properties"])
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_response_models_have_the_keys_of_their_schema(name):
    schema, model = _schemas()[name], RESPONSES[name]
    assert set(model.__annotations__) == set(schema["properties"])
    assert model.__required_keys__ == set(schema["required"])


# -- parsing request bodies -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "expected a JSON object as the request body, got nothing"),
        (b"  \n", "expected a JSON object as the request body, got nothing"),
        (b"[1]", "expected a JSON object as the request body, got list"),
        (b"{'name': 1}", "the request body is not valid JSON"),
        (b'{"name": ""}', "body['name']: '' should be non-empty"),
        (b'{"name": "x", "colour": 1}', "Additional properties are not allowed ('colour' was unexpected)"),
    ],
)
def test_bad_bodies_are_400_invalid(raw, message):
    with pytest.raises(RequestError) as info:
        parse_body(raw, CreateList)
    assert (info.value.status, info.value.code) == (400, "invalid") and message in info.value.message


def test_add_entry_by_reference_or_paper():
    by_ref = parse_body(b'{"ref": "  arXiv:2202.12139 ", "tags": ["a", "b"], "note": null}', AddEntry)
    assert by_ref == AddEntry(ref="  arXiv:2202.12139 ", tags=("a", "b"))
    assert by_ref.target() == "arXiv:2202.12139"
    as_json = parse_body(json.dumps({"paper": {"title": "A Title", "arxiv_id": "2202.12139v2"}}).encode(), AddEntry)
    paper = as_json.target()
    assert isinstance(paper, Paper) and (paper.id, paper.version) == ("2202.12139", 2)
    with pytest.raises(RequestError, match="give either 'ref'"):
        parse_body(b'{"ref": "x", "paper": {"title": "t"}}', AddEntry)


def test_update_entry_tells_a_missing_note_from_a_cleared_one():
    assert parse_body(b'{"status": "read"}', UpdateEntry) == UpdateEntry(status="read")
    assert parse_body(b'{"status": "read"}', UpdateEntry).note is UNSET
    assert parse_body(b'{"note": null}', UpdateEntry).note is None
    assert parse_body(b'{"note": "  \\n "}', UpdateEntry).note is None  # blank clears too
    assert parse_body(b'{"note": " keep the spaces "}', UpdateEntry).note == " keep the spaces "
    change = parse_body(b'{"tags": [" a ", "b"], "add_tags": ["c"], "position": -1}', UpdateEntry)
    assert (change.tags, change.add_tags, change.remove_tags, change.position) == (("a", "b"), ("c",), (), -1)
    assert parse_body(b'{"tags": []}', UpdateEntry).tags == ()  # remove every tag, not "unchanged"


# -- what the server answers validates against the response schemas ---------------------------------------------
@pytest.fixture
def store(jp_serverapp: Any) -> Store:
    s = jp_serverapp.web_app.settings[STORE_SETTING]
    s.upsert_papers(
        read_atom(DATA / "app" / "testing.atom.xml") + read_atom(DATA / "app" / "arxiv_astro-ph_0601001.atom.xml")
    )
    return s


async def test_answers_validate_against_their_schemas(http_server_client, jp_base_url, jp_auth_header, store):
    async def call(method: str, path: str, body: Any = None) -> tuple[int, Any]:
        resp = await http_server_client.fetch(
            f"{jp_base_url}paperlab/api/{path}",
            method=method,
            headers=jp_auth_header,
            body=None if body is None else json.dumps(body),
            raise_error=False,
        )
        return resp.code, json.loads(resp.body) if resp.body else None

    rl = store.reading_list("default")
    rl.add("2202.12139", tags=["fuzzing"], note="seminar")
    rl.add("astro-ph/0601001", status="read")
    answers = [
        ("Revision", await call("GET", "revision")),
        ("Lists", await call("GET", "lists")),
        ("ListSummary", await call("POST", "lists", {"name": "thesis"})),
        ("ListDetail", await call("GET", "lists/default")),
        ("Entry", await call("GET", "lists/default/entries/astro-ph/0601001")),
        ("Entry", await call("PATCH", "lists/default/entries/2202.12139", {"status": "reading", "note": None})),
        ("Entry", await call("POST", "lists/thesis/entries", {"paper": {"title": "Only a title"}})),
        ("Papers", await call("GET", "papers?q=testing")),
        ("PaperDetail", await call("GET", "papers/astro-ph/0601001")),
        ("Error", await call("GET", "papers/9999.99999")),
        ("Error", await call("POST", "lists", {"name": ""})),
    ]
    for name, (status, body) in answers:
        assert status < 300 or name == "Error", (name, status, body)
        assert _errors(body, name) == [], (name, body)
    detail = answers[3][1][1]
    assert [e["paper"]["id"] for e in detail["entries"]] == ["2202.12139", "astro-ph/0601001"]
    assert answers[5][1][1]["note"] is None and answers[5][1][1]["tags"] == ["fuzzing"]

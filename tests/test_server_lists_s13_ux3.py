"""``GET /paperlab/api/lists?entries=NAME``: the reading lists and the entries of the list the panel shows, in one
answer, so a list deleted or renamed by another client between two requests is no 404 the panel provokes.

Papers come from our own arXiv API answers in tests/data/app/ (the fixtures of tests/test_server.py).
"""

from __future__ import annotations

import json

import pytest
import yaml
from jsonschema import Draft202012Validator
from test_server import OPENAPI, api, jp_server_config, pages, store  # noqa: F401  (fixtures)

pytest_plugins = ["pytest_jupyter.jupyter_server"]
pytestmark = pytest.mark.filterwarnings("error::jupyter_server.utils.JupyterServerAuthWarning")


def _schema_errors(body: object) -> list[str]:
    spec = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
    validator = Draft202012Validator({"$ref": "#/components/schemas/Lists", "components": spec["components"]})
    return [e.message for e in validator.iter_errors(body)]


async def test_lists_answer_the_asked_lists_entries_too(api, store):  # noqa: F811
    store.reading_list("default").add("2202.12139")
    thesis = store.reading_list("thesis")
    thesis.add("2405.13786", status="reading")
    thesis.add("astro-ph/0601001")
    code, data = await api("GET", "lists", params={"entries": "thesis"})
    assert code == 200 and [entry["name"] for entry in data["lists"]] == ["default", "thesis"]
    shown = data["shown"]
    assert shown["name"] == "thesis" and shown["revision"] == data["revision"]
    assert [e["paper"]["id"] for e in shown["entries"]] == ["2405.13786", "astro-ph/0601001"]
    assert shown["entries"][0]["status"] == "reading"
    code, detail = await api("GET", "lists", "thesis")  # the same entries as the list's own answer
    assert shown["entries"] == detail["entries"]
    assert _schema_errors(data) == []
    code, plain = await api("GET", "lists")  # without `entries`: no list's entries
    assert code == 200 and plain["shown"] is None and _schema_errors(plain) == []


async def test_a_list_gone_elsewhere_answers_the_first_list_not_404(api, store):  # noqa: F811
    store.reading_list("default").add("2202.12139")
    store.reading_list("thesis").add("2405.13786")
    store.delete_list("thesis")  # another client deleted the list the panel shows
    code, data = await api("GET", "lists", params={"entries": "thesis"})
    assert code == 200
    assert data["shown"]["name"] == "default" and [e["paper"]["id"] for e in data["shown"]["entries"]] == ["2202.12139"]
    store.delete_list("default")  # no list at all: nothing to show, still no error
    code, data = await api("GET", "lists", params={"entries": "default"})
    assert code == 200 and data == {"lists": [], "revision": data["revision"], "shown": None}
    assert _schema_errors(data) == []


async def test_lists_with_entries_needs_authentication(http_server_client, jp_base_url, store):  # noqa: F811
    store.reading_list("default").add("2202.12139")
    for headers in ({}, {"Authorization": "token wrong-token"}):
        resp = await http_server_client.fetch(
            f"{jp_base_url}paperlab/api/lists?entries=default",
            headers=headers,
            raise_error=False,
            follow_redirects=False,
        )
        assert resp.code == 403 and json.loads(resp.body)["code"] == "forbidden"
        assert b"2202.12139" not in resp.body

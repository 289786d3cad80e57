"""The side panel's "Import file…": ``POST /paperlab/api/lists/{name}/import?filename=FILE`` with the file's bytes
(paperlab/server/uploads.py), through a real jupyter_server (pytest-jupyter), on SQLite.

A researcher's own bibliography goes into a reading list; a bad file says which line, a file read in part keeps
its good records and names the skipped ones, and nobody without the token (or without the XSRF token when
authenticated by cookie) can import anything. The files are our own, made-up records.
"""

from __future__ import annotations

import json
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import quote, urlencode

import pytest
import yaml
from jsonschema import Draft202012Validator

from paperlab.server import models
from paperlab.server.handlers import STORE_SETTING
from paperlab.store import Store

pytest_plugins = ["pytest_jupyter.jupyter_server"]
pytestmark = pytest.mark.filterwarnings("error::jupyter_server.utils.JupyterServerAuthWarning")

GOOD = """@article{quill2021lanterns,
  title = {Lanterns in the Fog: Calibrating Small Language Models},
  author = {Quill, Ada and Moreno, Tess},
  journal = {Journal of Imaginary Results},
  year = {2021}
}
"""
# The middle entry has no title: skipped and named; the two others are kept.
PARTIAL = (
    GOOD
    + """
@article{untitled2022,
  author = {Nobody, Some},
  year = {2022}
}

@inproceedings{ferro2023tides,
  title = {Tides of Tokens: Retrieval for Long Documents},
  author = {Ferro, Lin},
  booktitle = {Proceedings of a Made-Up Conference},
  year = {2023}
}
"""
)
# An entry never closed: nothing can be read.
BROKEN = "@article{x,\n title = {A {broken title},\n year = 2020\n"
RIS = "TY  - JOUR\nTI  - Moss on Old Servers: A Field Study\nAU  - Lind, Oskar\nPY  - 2019\nER  - \n"
CSL = json.dumps(
    [{"id": "a", "type": "article-journal", "title": "Ferns and Gradients", "issued": {"date-parts": [[2020]]}}]
)


@pytest.fixture
def store(jp_serverapp: Any) -> Store:
    """The store the running server extension uses (empty)."""
    return jp_serverapp.web_app.settings[STORE_SETTING]


@pytest.fixture
def upload(http_server_client: Any, jp_base_url: str, jp_auth_header: dict[str, str]):
    """``await upload(list_name, filename, text)`` -> (status, parsed JSON), authenticated by the token."""

    async def call(name: str, filename: str, data: str | bytes, headers: dict | None = None) -> tuple[int, Any]:
        url = f"{jp_base_url}paperlab/api/lists/{quote(name, safe='')}/import?{urlencode({'filename': filename})}"
        resp = await http_server_client.fetch(
            url,
            method="POST",
            body=data.encode() if isinstance(data, str) else data,
            headers={**jp_auth_header, "Content-Type": "application/octet-stream", **(headers or {})},
            raise_error=False,
        )
        return resp.code, json.loads(resp.body)

    return call


def _schema_errors(body: Any, name: str) -> list[str]:
    spec = yaml.safe_load(models.OPENAPI_PATH.read_text(encoding="utf-8"))
    validator = Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": spec["components"]})
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(body)]


async def test_a_bibtex_file_goes_into_a_new_list_and_its_papers_into_the_store(upload, store):
    code, body = await upload("thesis", "mine.bib", PARTIAL.replace(PARTIAL[len(GOOD) : PARTIAL.index("@inpro")], "\n"))
    assert code == 201, body
    assert _schema_errors(body, "ImportResult") == []
    assert (body["list"], body["read_as"], body["read"], body["added"], body["already"]) == (
        "thesis",
        "BibTeX",
        2,
        2,
        0,
    )
    assert body["skipped"] == [] and body["message"] == "mine.bib: 2 papers read, 2 added to “thesis”"
    titles = [e.paper.title for e in store.reading_list("thesis").entries()]
    assert titles == [
        "Lanterns in the Fog: Calibrating Small Language Models",
        "Tides of Tokens: Retrieval for Long Documents",
    ]
    # the same file again adds nothing new and says so
    code, again = await upload("thesis", "mine.bib", GOOD)
    assert code == 201 and (again["added"], again["already"]) == (0, 1)
    assert again["message"] == "mine.bib: 1 paper read, 0 added to “thesis”, 1 already there"
    assert len(store.reading_list("thesis").ids()) == 2


async def test_a_partial_file_keeps_the_good_records_and_names_the_skipped_one(upload, store):
    code, body = await upload("reading group", "group.bib", PARTIAL)
    assert code == 201, body
    assert (body["read"], body["added"]) == (2, 2)
    assert body["skipped"] == [
        {"where": "entry 'untitled2022', line 8", "message": "expected a 'title' field", "skipped": True}
    ]
    assert body["message"].endswith("; 1 record skipped")
    assert "/tmp" not in json.dumps(body) and "paperlab-upload" not in json.dumps(body)  # the user's name, no temp path
    assert len(store.reading_list("reading group").ids()) == 2


@pytest.mark.parametrize(("filename", "text", "read_as"), [("refs.ris", RIS, "RIS"), ("refs.json", CSL, "CSL-JSON")])
async def test_ris_and_csl_json_files_are_read(upload, store, filename, text, read_as):
    code, body = await upload("default", filename, text)
    assert code == 201 and body["read_as"] == read_as and body["added"] == 1, body


async def test_a_file_nothing_can_be_read_from_names_the_line_and_changes_nothing(upload, store):
    code, body = await upload("thesis", "broken.bib", BROKEN)
    assert code == 400 and body["code"] == "invalid"
    assert body["message"].startswith("broken.bib, entry 'x', line 1: no usable BibTeX entries"), body
    assert "paperlab-upload" not in body["message"]
    assert store.lists() == [] and store.count() == 0


@pytest.mark.parametrize(
    ("filename", "data", "status", "words"),
    [
        ("paper.pdf", b"%PDF-1.7 ...", 400, "expected the name of a .bib, .ris or CSL-JSON .json file"),
        ("../../etc/mine.bib", GOOD.encode(), 400, "expected the name of a .bib"),
        ("", GOOD.encode(), 400, "query 'filename'"),
        ("empty.bib", b"  \n", 400, "empty.bib is empty"),
        ("latin.bib", GOOD.replace("Moreno", "Mor\u00e9no").encode("latin-1"), 415, "latin.bib, line 3: not UTF-8"),
        ("zip.bib", b"PK\x03\x04\x00\x00", 415, "zip.bib is a binary file"),
        ("notes.ris", b"hello there\nnot a bibliography\n", 400, "notes.ris: no RIS records found"),
        ("feed.json", json.dumps({"papers": 3}).encode(), 400, "feed.json"),
    ],
)
async def test_files_that_are_no_bibliography_are_refused_with_what_was_expected(
    upload, store, filename, data, status, words
):
    code, body = await upload("thesis", filename, data)
    assert code == status, body
    assert words in body["message"], body
    assert store.lists() == []


async def test_a_file_over_the_limit_is_413(upload, store, monkeypatch):
    from paperlab.server import uploads

    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 100)
    code, body = await upload("thesis", "mine.bib", GOOD)
    assert code == 413 and body["code"] == "too_large", body
    assert body["message"].startswith(f"mine.bib has {len(GOOD.encode())} bytes: expected at most 100 bytes"), body
    assert store.lists() == []


async def test_import_refuses_the_unauthenticated_and_cookie_writes_without_xsrf(
    http_server_client, jp_base_url, jp_auth_header, store
):
    url = f"{jp_base_url}paperlab/api/lists/thesis/import?filename=mine.bib"
    for headers in ({}, {"Authorization": "token wrong-token"}):
        resp = await http_server_client.fetch(url, method="POST", body=GOOD, headers=headers, raise_error=False)
        assert resp.code == 403 and json.loads(resp.body)["code"] == "forbidden"
    # a browser's login cookie alone may not write: the XSRF token is needed, as for every other write
    resp = await http_server_client.fetch(f"{jp_base_url}paperlab/api/lists", headers=jp_auth_header)
    cookies = SimpleCookie()
    for header in resp.headers.get_list("Set-Cookie"):
        cookies.load(header)
    login = "; ".join(f"{k}={v.value}" for k, v in cookies.items())
    resp = await http_server_client.fetch(url, method="POST", body=GOOD, headers={"Cookie": login}, raise_error=False)
    assert resp.code == 403 and "_xsrf" in json.loads(resp.body)["message"]
    assert store.lists() == [] and store.count() == 0
    xsrf = "2f1b4c5d6e7f80912a3b4c5d6e7f8091"
    resp = await http_server_client.fetch(
        url, method="POST", body=GOOD, headers={"Cookie": f"{login}; _xsrf={xsrf}", "X-XSRFToken": xsrf}
    )
    assert resp.code == 201 and store.reading_list("thesis").ids() != []

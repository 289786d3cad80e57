"""The paperlab server extension's REST API, driven through a real jupyter_server (pytest-jupyter).

Unauthenticated access is disallowed (``ServerApp.allow_unauthenticated_access = False``) and any
``JupyterServerAuthWarning`` (a handler verb without ``@web.authenticated``) fails the test.

Papers come from our own arXiv API answers in tests/data/app/ (``testing.atom.xml``: 10 papers for the
query "testing"; ``arxiv_astro-ph_0601001.atom.xml``: an old-style id). The ``realdata`` variants run the
search and fetch checks on the recorded answers in ``$PAPERLAB_REALDATA/fixtures/arxiv_atom/extracted_bodies/``
(lukasschwab/arxiv.py test recordings, see PROVENANCE.md there).
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
import textwrap
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest
import yaml
from paths import DATA, FIXTURES
from tornado.httpclient import HTTPClientError

from paperlab.paper import Paper
from paperlab.server.handlers import ROUTES, STORE_SETTING, UnknownRouteHandler
from paperlab.sources.arxiv import read_atom
from paperlab.store import Store

pytest_plugins = ["pytest_jupyter.jupyter_server"]
pytestmark = pytest.mark.filterwarnings("error::jupyter_server.utils.JupyterServerAuthWarning")

APP = DATA / "app"
REAL_ATOM = FIXTURES / "arxiv_atom" / "extracted_bodies"
# Which answer files stand for which arXiv answer: ours, and the recorded ones (realdata).
PAGES = {
    "own": {
        # 10 entries of the query "testing" (first: 2202.12139 "Testing Deep Learning Models: ...", title wrapped).
        "testing": APP / "testing.atom.xml",
        # The old-style id astro-ph/0601001 (a '/' inside the id), 4 authors, published 2006-01-02.
        "old_style": APP / "arxiv_astro-ph_0601001.atom.xml",
        "1605.08386": APP / "arxiv_1605.08386.atom.xml",
    },
    "real": {
        "testing": REAL_ATOM / "q_testing_s0_m10_bc5a6c384fe9.xml",
        "old_style": REAL_ATOM / "id_astro-ph_0601001_s0_m100_3150dca9dc76.xml",
        "1605.08386": REAL_ATOM / "id_1605.08386_s0_m100_199195aa31ad.xml",
    },
}
OWN_AND_REAL = ["own", pytest.param("real", marks=pytest.mark.realdata)]
OPENAPI = Path(__file__).resolve().parents[1] / "paperlab" / "server" / "openapi.yaml"


@pytest.fixture
def jp_server_config(jp_server_config: dict[str, Any], store_backend: str) -> dict[str, Any]:
    """The shared config (tests/conftest.py); every test runs with the store on SQLite and on PostgreSQL
    (``store_backend`` sets PAPERLAB_STORE)."""
    return jp_server_config


@pytest.fixture
def pages(request: pytest.FixtureRequest) -> dict[str, Path]:
    """Our own answer files; a test parametrized with ``pages`` over OWN_AND_REAL also runs on the recorded ones."""
    return PAGES[getattr(request, "param", "own")]


@pytest.fixture
def store(jp_serverapp: Any, pages: dict[str, Path]) -> Store:
    """The store the running server extension uses, holding the 10 'testing' papers and astro-ph/0601001."""
    s = jp_serverapp.web_app.settings[STORE_SETTING]
    s.upsert_papers(read_atom(pages["testing"]) + read_atom(pages["old_style"]))
    return s


@pytest.fixture
def api(http_server_client: Any, jp_base_url: str, jp_auth_header: dict[str, str]):
    """``await api(method, *path_parts, body=...)`` -> (status, parsed JSON or text); never raises on
    HTTP errors. Path parts are percent-encoded, except '/', ':' and an existing '%XX'."""

    async def call(
        method: str, *parts: str, body: Any = None, params: dict | None = None, raw: bool = False
    ) -> tuple[int, Any]:
        kwargs: dict[str, Any] = {"method": method, "raise_error": False, "headers": dict(jp_auth_header)}
        if body is not None:
            kwargs["body"] = body if isinstance(body, (str, bytes)) else json.dumps(body)
        elif method in ("POST", "PATCH", "PUT"):
            kwargs["body"] = ""
        path = "/".join(quote(p, safe="/:%") for p in parts)
        url = f"{jp_base_url}paperlab/api/{path}" + (f"?{urlencode(params)}" if params else "")
        resp = await http_server_client.fetch(url, **kwargs)
        text = resp.body.decode() if resp.body else ""
        if raw or not text:
            return resp.code, (resp if raw else text)
        return resp.code, json.loads(text)

    return call


# -- lists ------------------------------------------------------------------------------------------
async def test_lists_create_rename_delete(api, store):
    code, data = await api("GET", "lists")
    assert code == 200 and data["lists"] == [] and isinstance(data["revision"], int)

    code, created = await api("POST", "lists", body={"name": "  group reading  "})
    assert code == 201
    assert created == {"name": "group reading", "size": 0, "counts": {"to-read": 0, "reading": 0, "read": 0}}
    assert store.lists() == ["group reading"]

    code, err = await api("POST", "lists", body={"name": "group reading"})
    assert code == 409 and err["code"] == "conflict" and "already exists" in err["message"]

    code, renamed = await api("PATCH", "lists", "group reading", body={"name": "thesis"})
    assert code == 200 and renamed["name"] == "thesis"
    assert store.lists() == ["thesis"]

    code, _ = await api("DELETE", "lists", "thesis")
    assert code == 204 and store.lists() == []
    code, err = await api("DELETE", "lists", "thesis")
    assert code == 404 and err == {"code": "not_found", "message": "no reading list named 'thesis'"}


async def test_list_with_counts_and_revision_moves(api, store):
    rl = store.reading_list("default")
    rl.add("2202.12139")
    rl.add("2405.13786", status="reading")
    rl.add("astro-ph/0601001", status="read")
    code, data = await api("GET", "lists")
    assert data["lists"] == [{"name": "default", "size": 3, "counts": {"to-read": 1, "reading": 1, "read": 1}}]
    before = data["revision"]

    code, detail = await api("GET", "lists", "default")
    assert code == 200 and detail["name"] == "default"
    assert [e["paper"]["id"] for e in detail["entries"]] == ["2202.12139", "2405.13786", "astro-ph/0601001"]
    first = detail["entries"][0]
    assert first["paper"]["title"].startswith("Testing Deep Learning Models: A First Comparative Study")
    assert first["status"] == "to-read" and first["tags"] == [] and first["note"] is None and first["position"] == 0
    # The paper's JSON is exactly Paper.to_dict(): it round-trips.
    assert Paper.from_dict(first["paper"]) == store.get_paper("2202.12139")

    code, rev = await api("GET", "revision")
    assert code == 200 and rev == {"revision": before}
    rl.set_status("2202.12139", "read")
    code, rev = await api("GET", "revision")
    assert rev["revision"] > before


async def test_revision_long_poll_wakes_on_change(api, store):
    code, rev = await api("GET", "revision")
    since = rev["revision"]

    async def write_later() -> None:
        await asyncio.sleep(0.4)
        await asyncio.to_thread(store.reading_list, "later")

    loop = asyncio.get_running_loop()
    started = loop.time()
    (code, answer), _ = await asyncio.gather(
        api("GET", "revision", params={"since": since, "timeout": 10}), write_later()
    )
    assert code == 200 and answer["revision"] > since
    assert 0.3 < loop.time() - started < 5
    # No change: answers after the timeout with the same revision.
    code, answer = await api("GET", "revision", params={"since": answer["revision"], "timeout": 0.3})
    assert code == 200 and answer["revision"] == since + 1
    code, err = await api("GET", "revision", params={"since": "soon"})
    assert code == 400 and err == {"code": "invalid", "message": "query 'since': expected an integer, got 'soon'"}
    code, err = await api("GET", "revision", params={"since": 0, "timeout": 99})
    assert code == 400 and "expected 0 to 30 seconds" in err["message"]


# -- entries --------------------------------------------------------------------------------------------
async def test_add_entries_by_id_url_doi_and_json(api, store):
    await api("POST", "lists", body={"name": "default"})
    code, e = await api(
        "POST",
        "lists",
        "default",
        "entries",
        body={"ref": "https://arxiv.org/abs/2405.13786v1", "tags": ["ranking"], "status": "reading"},
    )
    assert code == 201
    assert e["paper"]["id"] == "2405.13786" and e["status"] == "reading" and e["tags"] == ["ranking"]
    assert e["position"] == 0

    paper = Paper(title="A Paper Only The Panel Knows", authors=["Ada Lovelace"], doi="10.1234/xyz.5")
    code, e = await api("POST", "lists", "default", "entries", body={"paper": paper.to_dict(), "note": "from JSON"})
    assert code == 201 and e["paper"]["id"] == "doi:10.1234/xyz.5" and e["note"] == "from JSON"
    assert store.get_paper("doi:10.1234/xyz.5").authors == ["Ada Lovelace"]
    # The same paper again, by its DOI URL and at the front: not duplicated, moved.
    code, e = await api(
        "POST", "lists", "default", "entries", body={"ref": "https://doi.org/10.1234/xyz.5", "position": 0}
    )
    assert code == 201 and e["position"] == 0
    assert store.reading_list("default").ids() == ["doi:10.1234/xyz.5", "2405.13786"]

    # An old-style id holds a '/': it is the rest of the URL path.
    code, e = await api("POST", "lists", "default", "entries", body={"ref": "astro-ph/0601001"})
    assert code == 201
    code, e = await api("GET", "lists", "default", "entries", "astro-ph/0601001")
    assert code == 200 and e["paper"]["authors"][0] == "Andrew Gould" and e["position"] == 2


async def test_update_entry_status_tags_note_position(api, store):
    rl = store.reading_list("default")
    for pid in ("2202.12139", "2405.13786", "2005.14124"):
        rl.add(pid)
    code, e = await api(
        "PATCH",
        "lists",
        "default",
        "entries",
        "2005.14124",
        body={"status": "read", "tags": ["fuzzing", "cps"], "note": "Read for the seminar.", "position": 0},
    )
    assert code == 200
    assert (e["status"], e["tags"], e["note"], e["position"]) == (
        "read",
        ["fuzzing", "cps"],
        "Read for the seminar.",
        0,
    )
    assert rl.ids() == ["2005.14124", "2202.12139", "2405.13786"]

    code, e = await api(
        "PATCH", "lists", "default", "entries", "2005.14124", body={"add_tags": ["security"], "remove_tags": ["cps"]}
    )
    assert e["tags"] == ["fuzzing", "security"]
    code, e = await api("PATCH", "lists", "default", "entries", "2005.14124", body={"tags": ["security"]})
    assert e["tags"] == ["security"]
    code, e = await api("PATCH", "lists", "default", "entries", "2005.14124", body={"note": "   "})
    assert e["note"] is None
    code, e = await api("PATCH", "lists", "default", "entries", "2005.14124", body={"position": -1})
    assert e["position"] == 2 and rl.ids()[-1] == "2005.14124"

    entry = rl.entry("2005.14124")
    assert (entry.status, entry.tags, entry.note) == ("read", ["security"], None)


async def test_remove_and_restore_entry(api, store):
    rl = store.reading_list("default")
    for pid in ("2202.12139", "2405.13786", "2005.14124"):
        rl.add(pid)
    rl.add("2405.13786", status="reading", tags=["ltr"], note="keep")
    code, body = await api("DELETE", "lists", "default", "entries", "2405.13786")
    assert code == 204 and body == ""
    assert rl.ids() == ["2202.12139", "2005.14124"]
    assert store.get_paper("2405.13786") is not None  # the paper stays in the store
    code, err = await api("DELETE", "lists", "default", "entries", "2405.13786")
    assert code == 404 and err["code"] == "not_found" and "not in reading list 'default'" in err["message"]
    # Undo, as the panel does it: add back with the old status, tags, note and position.
    code, e = await api(
        "POST",
        "lists",
        "default",
        "entries",
        body={"ref": "2405.13786", "status": "reading", "tags": ["ltr"], "note": "keep", "position": 1},
    )
    assert code == 201 and rl.ids() == ["2202.12139", "2405.13786", "2005.14124"]
    assert (e["status"], e["tags"], e["note"]) == ("reading", ["ltr"], "keep")


# -- papers and exports ------------------------------------------------------------------------------------
@pytest.mark.parametrize("pages", OWN_AND_REAL, indirect=True)
async def test_papers_search_and_get(api, store):
    code, data = await api("GET", "papers", params={"q": "test case"})
    assert code == 200
    # Every word in title, abstract or authors; newest first (6 of the 10 papers, in both answer files).
    assert [p["id"] for p in data["papers"]] == [
        "2503.05378",
        "2502.07719",
        "2405.13786",
        "2302.03287",
        "2204.08348",
        "1202.4527",
    ]
    code, data = await api("GET", "papers", params={"q": "Prioritisation LEARNING-to-rank"})
    assert [p["title"] for p in data["papers"]] == [
        "Towards Explainable Test Case Prioritisation with Learning-to-Rank Models"
    ]
    code, data = await api("GET", "papers", params={"q": "test case", "limit": 1})
    assert len(data["papers"]) == 1
    code, err = await api("GET", "papers", params={"q": "  "})
    assert code == 400 and err["code"] == "invalid"

    code, data = await api("GET", "papers", "astro-ph/0601001")
    assert code == 200 and data["paper"]["published"] == "2006-01-02"
    assert data["markdown"] == store.get_paper("astro-ph/0601001").to_markdown()
    assert Paper.from_markdown(data["markdown"]).id == "astro-ph/0601001"
    assert data["code"] == 'import paperlab\npaperlab.paper("astro-ph/0601001")'  # the panel's "Insert code"
    code, err = await api("GET", "papers", "9999.99999")
    assert code == 404 and err == {"code": "not_found", "message": "no paper '9999.99999' in the store"}


async def test_exports(api, store):
    rl = store.reading_list("my list/2025")
    rl.add("2202.12139", tags=["dl"], note="compare tools")
    rl.add("astro-ph/0601001", status="read")
    name = "my%20list%2F2025"  # a list name is one URL segment: '/' percent-encoded

    code, resp = await api("GET", "lists", name, "export", params={"format": "markdown"}, raw=True)
    assert code == 200 and resp.headers["Content-Type"].startswith("text/markdown")
    assert 'filename="my_list_2025.md"' in resp.headers["Content-Disposition"]
    assert resp.body.decode() == rl.to_markdown()
    assert resp.body.decode().startswith("# Reading list: my list/2025")

    code, resp = await api("GET", "lists", name, "export", params={"format": "csl"}, raw=True)
    items = json.loads(resp.body)
    assert [i["id"] for i in items] == ["2202.12139", "astro-ph/0601001"]
    assert items[0]["annote"] == "compare tools" and "dl" in items[0]["keyword"]

    code, resp = await api("GET", "lists", name, "export", params={"format": "bibtex"}, raw=True)
    assert code == 200 and resp.headers["Content-Type"].startswith("application/x-bibtex")
    text = resp.body.decode()
    assert text == rl.to_bibtex() and text.count("\n@") + text.startswith("@") == 2

    code, err = await api("GET", "lists", name, "export", params={"format": "docx"})
    assert code == 400 and err["message"] == "query 'format': expected one of bibtex, csl, markdown, got 'docx'"


# -- validation and error shapes ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "expected a JSON object as the request body, got nothing"),
        ("{not json", "the request body is not valid JSON"),
        ("[1, 2]", "expected a JSON object as the request body, got list"),
        ({}, "body: give either 'ref' (an id, URL or DOI) or 'paper' (a paper object), not both"),
        ({"ref": "2202.12139", "paper": {"title": "x"}}, "give either 'ref'"),
        (
            {"ref": "2202.12139", "status": "done"},
            "body['status']: 'done' is not one of ['to-read', 'reading', 'read']",
        ),
        ({"ref": "2202.12139", "tags": ["ok", " "]}, "body['tags'][1]: ' ' must not be blank"),
        ({"ref": "2202.12139", "colour": "red"}, "Additional properties are not allowed ('colour' was unexpected)"),
        ({"ref": 2202.12139}, "body['ref']: 2202.12139 is not of type 'string'"),
        ({"paper": {"title": "T", "year": 2020}}, "unknown paper field(s) ['year']"),
        ({"paper": {"title": "T", "published": "May 2020"}}, "field 'published': expected an ISO date"),
    ],
)
async def test_add_entry_validation(api, store, body, message):
    store.reading_list("default")
    code, err = await api("POST", "lists", "default", "entries", body=body)
    assert code == 400, err
    assert set(err) == {"code", "message"} and err["code"] == "invalid"
    assert message in err["message"]
    assert len(store.reading_list("default")) == 0


async def test_update_and_lookup_errors(api, store):
    store.reading_list("default").add("2202.12139")
    code, err = await api("PATCH", "lists", "default", "entries", "2202.12139", body={})
    assert code == 400 and "body: {} should be non-empty" in err["message"]
    code, err = await api("PATCH", "lists", "default", "entries", "2405.13786", body={"status": "read"})
    assert code == 404 and err["message"] == "paper '2405.13786' is not in reading list 'default'"
    code, err = await api("PATCH", "lists", "nope", "entries", "2202.12139", body={"status": "read"})
    assert code == 404 and err["message"] == "no reading list named 'nope'"
    code, err = await api("POST", "lists", "default", "entries", body={"ref": "not a paper at all"})
    assert code == 404 and err["code"] == "not_found" and "not an arXiv id/URL or a DOI" in err["message"]
    code, err = await api("PATCH", "lists", "default", body={"name": ""})
    assert code == 400 and err["code"] == "invalid"
    code, err = await api("GET", "lists", "default", "nothing-here")
    assert code == 404 and err == {
        "code": "not_found",
        "message": "no paperlab API endpoint GET /a%40b/paperlab/api/lists/default/nothing-here",
    }


@pytest.mark.parametrize("pages", OWN_AND_REAL, indirect=True)
async def test_add_unknown_id_fetches_it_and_fetch_failure_is_502(api, store, pages, fake_server, monkeypatch):
    # The fake arXiv API answers with the answer for id 1605.08386; any other path is a 404.
    fake_server.route("/api/query", pages["1605.08386"].read_bytes(), content_type="application/atom+xml")
    monkeypatch.setenv("PAPERLAB_ARXIV_URL", fake_server.url + "/api/query")
    store.reading_list("default")
    code, e = await api("POST", "lists", "default", "entries", body={"ref": "arXiv:1605.08386"})
    assert code == 201 and e["paper"]["title"] == "Heat-bath random walks with Markov bases"
    assert e["paper"]["authors"] == ["Caprice Stanley", "Tobias Windisch"]
    assert len(fake_server.requests_to("/api/query")) == 1

    monkeypatch.setenv("PAPERLAB_ARXIV_URL", fake_server.url + "/missing")
    code, err = await api("POST", "lists", "default", "entries", body={"ref": "2101.00001"})
    assert code == 502 and err["code"] == "fetch_failed" and "HTTP 404" in err["message"]
    assert store.reading_list("default").ids() == ["1605.08386"]


# -- authentication and XSRF ------------------------------------------------------------------------------------
ALL_CALLS = [
    ("GET", "revision"),
    ("GET", "lists"),
    ("POST", "lists"),
    ("GET", "lists/default"),
    ("PATCH", "lists/default"),
    ("DELETE", "lists/default"),
    ("POST", "lists/default/entries"),
    ("GET", "lists/default/export?format=markdown"),
    ("GET", "lists/default/entries/2202.12139"),
    ("PATCH", "lists/default/entries/2202.12139"),
    ("DELETE", "lists/default/entries/2202.12139"),
    ("GET", "papers?q=test"),
    ("GET", "papers/2202.12139"),
]


async def test_every_route_refuses_unauthenticated(http_server_client, jp_base_url, store):
    store.reading_list("default").add("2202.12139")
    for method, path in ALL_CALLS:
        resp = await http_server_client.fetch(
            f"{jp_base_url}paperlab/api/{path}",
            method=method,
            body=None if method in ("GET", "DELETE") else "{}",
            raise_error=False,
            follow_redirects=False,
        )
        assert resp.code == 403, (method, path, resp.code)
        assert json.loads(resp.body)["code"] == "forbidden"
        resp = await http_server_client.fetch(
            f"{jp_base_url}paperlab/api/{path}",
            method=method,
            headers={"Authorization": "token wrong-token"},
            body=None if method in ("GET", "DELETE") else "{}",
            raise_error=False,
            follow_redirects=False,
        )
        assert resp.code == 403, (method, path, resp.code)
    assert store.lists() == ["default"] and store.reading_list("default").ids() == ["2202.12139"]


async def test_cookie_writes_need_xsrf(http_server_client, jp_base_url, jp_auth_header, store):
    url = f"{jp_base_url}paperlab/api/lists"
    # A token-authenticated request hands out the login cookie, as in a browser.
    resp = await http_server_client.fetch(url, headers=jp_auth_header)
    cookies = SimpleCookie()
    for header in resp.headers.get_list("Set-Cookie"):
        cookies.load(header)
    login = "; ".join(f"{k}={v.value}" for k, v in cookies.items())
    assert login, "expected a login cookie"

    resp = await http_server_client.fetch(url, headers={"Cookie": login})
    assert resp.code == 200  # reads with the cookie alone are fine

    with pytest.raises(HTTPClientError) as info:
        await http_server_client.fetch(url, method="POST", body=json.dumps({"name": "x"}), headers={"Cookie": login})
    assert info.value.code == 403
    assert "_xsrf" in json.loads(info.value.response.body)["message"]
    assert store.lists() == []

    xsrf = "2f1b4c5d6e7f80912a3b4c5d6e7f8091"
    resp = await http_server_client.fetch(
        url,
        method="POST",
        body=json.dumps({"name": "x"}),
        headers={"Cookie": f"{login}; _xsrf={xsrf}", "X-XSRFToken": xsrf},
    )
    assert resp.code == 201 and store.lists() == ["x"]


def test_every_verb_is_authenticated(jp_serverapp):
    # What jupyter_server itself checks (and warns about) when an extension adds handlers.
    for pattern, handler in ROUTES:
        assert jp_serverapp.web_app._check_handler_auth(pattern, handler) == [], pattern
    assert "paperlab" in jp_serverapp.extension_manager.extensions
    assert jp_serverapp.extension_manager.extensions["paperlab"].enabled


# -- concurrency: the server and a kernel process write at once --------------------------------------------------
KERNEL_SIDE = textwrap.dedent("""
    import sys
    import paperlab
    rl = paperlab.reading_list("shared")
    for i in range(int(sys.argv[1])):
        rl.tag("2202.12139", f"kernel-{i}")
        rl.add(sys.argv[2 + i % (len(sys.argv) - 2)], tags=[f"k{i}"])
    print("done")
""")


async def test_concurrent_writes_from_server_and_kernel_process(api, store, paperlab_home):
    rl = store.reading_list("shared")
    rl.add("2202.12139")
    n = 25
    kernel_ids = ["2005.14124", "2204.08348", "2302.03287"]
    server_ids = ["1202.4527", "2503.05378", "1205.1866"]
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        KERNEL_SIDE,
        str(n),
        *kernel_ids,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    for i in range(n):
        code, _ = await api("PATCH", "lists", "shared", "entries", "2202.12139", body={"add_tags": [f"server-{i}"]})
        assert code == 200
        code, _ = await api("POST", "lists", "shared", "entries", body={"ref": server_ids[i % 3], "tags": [f"s{i}"]})
        assert code == 201
    out, err = await asyncio.wait_for(proc.communicate(), timeout=120)
    assert proc.returncode == 0, err.decode()
    assert out.decode().strip() == "done"

    tags = rl.entry("2202.12139").tags
    assert sorted(tags) == sorted([f"kernel-{i}" for i in range(n)] + [f"server-{i}" for i in range(n)])
    assert sorted(rl.ids()) == sorted(["2202.12139", *kernel_ids, *server_ids])
    assert [e.position for e in rl.entries()] == list(range(7))
    tags_by_paper = {e.paper.id: set(e.tags) for e in rl.entries()}
    assert tags_by_paper["2005.14124"] == {f"k{i}" for i in range(0, n, 3)}
    assert tags_by_paper["1202.4527"] == {f"s{i}" for i in range(0, n, 3)}
    code, detail = await api("GET", "lists", "shared")
    assert len(detail["entries"]) == 7


# -- the OpenAPI file matches the route table ------------------------------------------------------------------------
def _route_to_openapi(pattern: str) -> str:
    return "/" + re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", pattern)


def test_openapi_matches_route_table():
    spec = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
    verbs = {"get", "post", "put", "patch", "delete"}
    documented = {(path, m) for path, item in spec["paths"].items() for m in item if m in verbs}
    served = set()
    for pattern, handler in ROUTES:
        if handler is UnknownRouteHandler:  # the JSON 404 for any other path is not an endpoint
            continue
        for m in verbs:
            if m in vars(handler):
                served.add((_route_to_openapi(pattern), m))
    assert documented == served
    # Every path parameter is declared, and every referenced schema exists.
    for path, item in spec["paths"].items():
        declared = {p["name"] for p in item.get("parameters", []) if p["in"] == "path"}
        assert declared == set(re.findall(r"{(\w+)}", path)), path
    refs = set(re.findall(r"#/components/schemas/(\w+)", OPENAPI.read_text(encoding="utf-8")))
    assert refs <= set(spec["components"]["schemas"])


# -- installation: both halves of the extension are registered and enabled ------------------------------------
def test_extensions_are_installed_and_enabled():
    import subprocess

    def run(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "jupyter", *args], capture_output=True, text=True, timeout=120)
        return re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)

    server = run("server", "extension", "list")
    assert re.search(r"paperlab enabled", server) and re.search(r"paperlab \S+ OK", server), server
    lab = run("labextension", "list")
    # the labextension carries the npm package name; the server extension is the Python module
    assert re.search(r"jupyterlab-paperlab v\S+ enabled OK", lab), lab


async def test_changes_by_the_anonymous_token_user_are_recorded_under_a_readable_name(
    api, store, monkeypatch: pytest.MonkeyPatch
):
    """A single-user server's token identity is a random hex id ("Anonymous Io"): the entry records the server's
    own user ($PAPERLAB_USER here), as the same person's kernel would, never the hex id."""
    monkeypatch.setenv("PAPERLAB_USER", "ada")
    await api("POST", "lists", body={"name": "default"})
    code, e = await api("POST", "lists", "default", "entries", body={"ref": "2202.12139"})
    assert code == 201 and (e["added_by"], e["updated_by"]) == ("ada", "ada")
    code, e = await api("PATCH", "lists", "default", "entries", "2202.12139", body={"status": "reading"})
    assert code == 200 and e["updated_by"] == "ada"
    code, detail = await api("GET", "lists", "default")
    assert [(x["added_by"], x["updated_by"]) for x in detail["entries"]] == [("ada", "ada")]


async def test_the_server_words_who_changed_an_entry_and_never_shows_an_old_anonymous_hex_id(
    api, store, monkeypatch: pytest.MonkeyPatch
):
    """Older servers recorded an anonymous Jupyter user as its random hex id; the entry's ``provenance`` (what the
    panel shows) says "an anonymous Jupyter user" — worded once, by the server, as ``%readinglist`` words it."""
    monkeypatch.setenv("PAPERLAB_USER", "c2e9f9db051c4363ad3021454b8eca69")  # as an older server stored it
    store.reading_list("default").add(store.paper("2202.12139"))
    code, e = await api("GET", "lists", "default", "entries", "2202.12139")
    assert code == 200 and e["provenance"] == "Added by an anonymous Jupyter user"
    monkeypatch.setenv("PAPERLAB_USER", "ada")
    code, e = await api("PATCH", "lists", "default", "entries", "2202.12139", body={"status": "reading"})
    assert code == 200 and e["provenance"] == "Added by an anonymous Jupyter user · changed by ada"
    code, detail = await api("GET", "lists", "default")  # two people edited the list: its answer says who
    assert code == 200 and detail["entries"][0]["provenance"] == "Added by an anonymous Jupyter user · changed by ada"
    assert e["added_by"] == "c2e9f9db051c4363ad3021454b8eca69"  # the stored value itself is unchanged


async def test_a_one_person_list_answers_no_added_by_as_readinglist_shows_it(
    api, store, monkeypatch: pytest.MonkeyPatch
):
    """``%readinglist`` says "Added by" only when several people edit the list; the panel shows the server's
    ``provenance``, so a list's answer leaves it empty in a one-person list (the stored names stay)."""
    monkeypatch.setenv("PAPERLAB_USER", "root")
    rl = store.reading_list("mine")
    rl.add(store.paper("2202.12139"))
    code, detail = await api("GET", "lists", "mine")
    assert code == 200 and [(x["added_by"], x["provenance"]) for x in detail["entries"]] == [("root", "")]
    code, e = await api("GET", "lists", "mine", "entries", "2202.12139")
    assert code == 200 and e["provenance"] == "Added by root"  # the entry's own answer still says it
    monkeypatch.setenv("PAPERLAB_USER", "bo")
    rl.set_status("2202.12139", "reading")
    code, detail = await api("GET", "lists", "mine")
    assert code == 200 and detail["entries"][0]["provenance"] == "Added by root · changed by bo"

"""The REST API answers each paperlab error with the HTTP status of its type, never by its message text.

NotFound 404, Conflict 409, InvalidValue 400, Busy 503 (with Retry-After), any other StoreError 500,
ParseError 400, FetchError and ArxivAPIError 502; anything else is a 500 that does not leak its text.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from paperlab.errors import (
    ArxivAPIError,
    Busy,
    Conflict,
    FetchError,
    InvalidValue,
    NotFound,
    PaperlabError,
    ParseError,
    StoreError,
    UsageError,
)
from paperlab.server.handlers import STORE_SETTING
from paperlab.server.http_errors import ERROR_STATUS, RETRY_AFTER_S, RequestError, error_status, to_request_error
from paperlab.store import Store

pytest_plugins = ["pytest_jupyter.jupyter_server"]
pytestmark = pytest.mark.filterwarnings("error::jupyter_server.utils.JupyterServerAuthWarning")

# Each message would have matched a *different* kind under the old message matching, so a
# status that follows the message instead of the type fails here.
CASES = [
    (NotFound("the store stayed locked by another writer"), 404, "not_found"),
    (Conflict("no reading list named 'x'"), 409, "conflict"),
    (InvalidValue("a reading list named 'x' already exists"), 400, "invalid"),
    (Busy("no paper 'x' in the store"), 503, "busy"),
    (StoreError("no reading list named 'x'"), 500, "internal"),
    (StoreError("something else broke"), 500, "internal"),
    (ParseError("no reading list named 'x'", source="paper.json"), 400, "invalid"),
    (FetchError("HTTP 503 after 3 tries", url="https://export.arxiv.org/api/query", status=503), 502, "fetch_failed"),
    (ArxivAPIError("incorrect id format for abc", url="https://export.arxiv.org/api/query"), 502, "fetch_failed"),
]


@pytest.fixture
def jp_server_config(jp_server_config: dict[str, Any], store_backend: str) -> dict[str, Any]:
    """The shared config (tests/conftest.py); the store on SQLite and on PostgreSQL (``store_backend``)."""
    return jp_server_config


@pytest.fixture
def store(jp_serverapp: Any) -> Store:
    return jp_serverapp.web_app.settings[STORE_SETTING]


@pytest.fixture
def fetch(http_server_client: Any, jp_base_url: str, jp_auth_header: dict[str, str]):
    """``await fetch(method, path, body=...)`` -> the response (never raises on HTTP errors)."""

    async def call(method: str, path: str, body: Any = None, auth: bool = True) -> Any:
        return await http_server_client.fetch(
            f"{jp_base_url}paperlab/api/{path}",
            method=method,
            headers=dict(jp_auth_header) if auth else {},
            body=None if body is None else json.dumps(body),
            raise_error=False,
        )

    return call


def _raiser(exc: BaseException):
    def raise_it(*args: Any, **kwargs: Any) -> Any:
        raise exc

    return raise_it


# -- the mapping itself --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("exc", "status", "code"), CASES, ids=lambda v: type(v).__name__ if isinstance(v, Exception) else None
)
def test_error_status_is_chosen_by_type(exc, status, code):
    assert error_status(exc) == (status, code)
    error = to_request_error(exc)
    assert isinstance(error, RequestError) and (error.status, error.code, error.message) == (status, code, str(exc))


def test_other_exceptions_are_not_mapped():
    for exc in (ValueError("no paper 'x'"), LookupError("already exists"), UsageError("bad -k"), PaperlabError("x")):
        assert error_status(exc) is None and to_request_error(exc) is None
    mine = RequestError(418, "invalid", "teapot")
    assert to_request_error(mine) is mine


def test_subclasses_come_before_their_bases():
    classes = [cls for cls, _, _ in ERROR_STATUS]
    for i, cls in enumerate(classes):
        assert not any(issubclass(later, cls) and later is not cls for later in classes[i + 1 :]), cls


# -- through the running server -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("exc", "status", "code"), CASES, ids=lambda v: type(v).__name__ if isinstance(v, Exception) else None
)
async def test_store_errors_answer_with_the_status_of_their_type(fetch, store, monkeypatch, exc, status, code):
    monkeypatch.setattr(store, "create_list", _raiser(exc))
    resp = await fetch("POST", "lists", body={"name": "reading group"})
    assert resp.code == status
    assert json.loads(resp.body) == {"code": code, "message": str(exc)}
    assert resp.headers.get("Retry-After") == (str(RETRY_AFTER_S) if code == "busy" else None)


async def test_errors_while_reading_use_the_same_mapping(fetch, store, monkeypatch):
    monkeypatch.setattr(store, "lists", _raiser(Busy("locked")))
    resp = await fetch("GET", "lists")
    assert resp.code == 503 and json.loads(resp.body)["code"] == "busy" and resp.headers["Retry-After"] == "1"
    monkeypatch.setattr(store, "get_paper", _raiser(NotFound("gone")))
    resp = await fetch("GET", "papers/2202.12139")
    assert resp.code == 404 and json.loads(resp.body) == {"code": "not_found", "message": "gone"}


async def test_bad_paper_json_is_400_from_its_parse_error(fetch, store):
    store.reading_list("default")
    resp = await fetch("POST", "lists/default/entries", body={"paper": {"title": "A title", "version": "two"}})
    assert resp.code == 400
    assert json.loads(resp.body) == {"code": "invalid", "message": "field 'version': expected an integer, got 'two'"}
    resp = await fetch("POST", "lists/default/entries", body={"paper": {"title": "A title", "colour": "red"}})
    assert resp.code == 400 and "unknown paper field(s) ['colour']" in json.loads(resp.body)["message"]


async def test_unexpected_errors_are_500_without_their_text(fetch, store, monkeypatch):
    monkeypatch.setattr(store, "create_list", _raiser(RuntimeError("secret detail")))
    resp = await fetch("POST", "lists", body={"name": "x"})
    assert resp.code == 500
    assert json.loads(resp.body) == {
        "code": "internal",
        "message": "internal server error (see the Jupyter server log)",
    }


async def test_errors_do_not_bypass_authentication(fetch, store, monkeypatch):
    monkeypatch.setattr(store, "create_list", _raiser(NotFound("never reached")))
    resp = await fetch("POST", "lists", body={"name": "x"}, auth=False)
    assert resp.code == 403 and json.loads(resp.body)["code"] == "forbidden"

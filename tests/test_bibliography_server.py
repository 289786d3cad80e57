"""The panel's "Bibliography of this notebook" endpoint (``POST /paperlab/api/bibliography``) through a real
jupyter_server with unauthenticated access disallowed: the cited works of the cells sent (cards and
``paperlab.paper`` calls) with their reading status, BibTeX and CSL-JSON; authentication, XSRF, 4xx bodies, and a
hostile title that comes back as data (JSON), never as markup.

Own data: papers and cells written here (cards made with ``Paper.to_markdown()``).
"""

from __future__ import annotations

import json
from http.cookies import SimpleCookie
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from paperlab import Paper
from paperlab.server import models
from paperlab.server.bibliography import BibliographyRequest
from paperlab.server.handlers import STORE_SETTING

pytest_plugins = ["pytest_jupyter.jupyter_server"]
pytestmark = pytest.mark.filterwarnings("error::jupyter_server.utils.JupyterServerAuthWarning")

HOSTILE = "<img src=x onerror=\"alert('bib')\"> </script><b>bold</b>"
CARD = Paper(HOSTILE, arxiv_id="2401.00021", authors=["Card Author"], published="2024-01-02")
STORED = Paper("A Stored Paper Cited by Call", arxiv_id="2401.00022", authors=["Call Author"], published="2023-05-01")
CELLS = [
    {"cell_type": "markdown", "source": "# Reading\n\n" + CARD.to_markdown()},
    {"cell_type": "code", "source": "import paperlab\np = paperlab.paper('2401.00022')\npaperlab.paper('2999.99999')"},
    {"cell_type": "raw", "source": "paperlab.paper('2401.00022')  # raw: not code"},
    {"cell_type": "code", "source": '%load_ext paperlab\nq = paperlab.paper("2401.00022")'},
]


@pytest.fixture
def api(jp_serverapp: Any, http_server_client: Any, jp_base_url: str, jp_auth_header: dict[str, str]):
    store = jp_serverapp.web_app.settings[STORE_SETTING]
    store.reading_list("group").add(STORED)
    store.reading_list("group").set_status(STORED.id, "reading")

    async def call(body: Any, headers: dict[str, str] | None = None) -> tuple[int, Any]:
        resp = await http_server_client.fetch(
            f"{jp_base_url}paperlab/api/bibliography",
            method="POST",
            body=body if isinstance(body, (bytes, str)) else json.dumps(body),
            headers=dict(jp_auth_header) if headers is None else headers,
            raise_error=False,
            follow_redirects=False,
        )
        return resp.code, json.loads(resp.body.decode())

    return call


def _validates(body: Any, name: str) -> list[str]:
    spec = yaml.safe_load(models.OPENAPI_PATH.read_text(encoding="utf-8"))
    validator = Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": spec["components"]})
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(body)]


async def test_bibliography_of_the_cells_sent(api) -> None:
    code, data = await api({"name": "reading.ipynb", "cells": CELLS})
    assert code == 200, data
    assert _validates(data, "Bibliography") == []
    assert data["notebook"] == "reading.ipynb"
    works = {w["id"]: w for w in data["works"]}
    assert list(works) == [CARD.id, STORED.id, "2999.99999"]  # order of first citation
    assert works[STORED.id]["status"] == "Reading in list “group”" and works[STORED.id]["cells"] == [2, 4]
    assert works[CARD.id]["status"] is None and works[CARD.id]["cells"] == [1]
    assert works[CARD.id]["title"] == HOSTILE  # data, not markup: the panel sets it as text
    assert works["2999.99999"]["paper"] is None and data["missing"] == ["2999.99999"]
    assert data["bibtex"].count("@") == 2 and "A Stored Paper Cited by Call" in data["bibtex"]
    assert [item["title"] for item in data["csl"]] == [HOSTILE, STORED.title]
    # one reading list asked for: its status without the list's name
    code, data = await api({"name": "reading.ipynb", "cells": CELLS, "reading_list": "group"})
    assert code == 200 and {w["id"]: w["status"] for w in data["works"]}[STORED.id] == "Reading"


async def test_no_cells_no_works(api) -> None:
    code, data = await api({"name": "empty.ipynb", "cells": []})
    assert code == 200 and data["works"] == [] and data["missing"] == [] and data["csl"] == []


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        (b"", 400, "expected a JSON object as the request body, got nothing"),
        ({"cells": []}, 400, "'name' is a required property"),
        ({"name": "x.ipynb", "cells": "not a list"}, 400, "body['cells']"),
        ({"name": "x.ipynb", "cells": [{"cell_type": "picture", "source": "x"}]}, 400, "body['cells'][0]['cell_type']"),
        ({"name": "x.ipynb", "cells": [{"cell_type": "code"}]}, 400, "'source' is a required property"),
        ({"name": "x.ipynb", "cells": [], "colour": 1}, 400, "'colour' was unexpected"),
        ({"name": "x.ipynb", "cells": [], "reading_list": "nope"}, 404, "nope"),
        (
            {
                "name": "x.ipynb",
                "cells": [{"cell_type": "markdown", "source": "<!-- application/vnd.paperlab.paper+json {} -->"}],
            },
            400,
            "x.ipynb, cell 1: a paperlab card's data is not a paper",
        ),
        ({"name": "x.ipynb", "cells": [{"cell_type": "code", "source": "x" * 200_000}]}, 413, "100000"),
        ({"name": "x.ipynb", "cells": [{"cell_type": "code", "source": "x" * 90_000}] * 12}, 413, "1 MiB"),
    ],
)
async def test_bad_requests_are_4xx_naming_the_problem(api, body: Any, status: int, message: str) -> None:
    code, err = await api(body)
    assert code == status, err
    assert message in err["message"] and err["code"] in ("invalid", "not_found", "too_large")


async def test_refused_without_authentication_or_xsrf(api, http_server_client, jp_base_url, jp_auth_header) -> None:
    body = {"name": "x.ipynb", "cells": CELLS}
    code, err = await api(body, headers={})
    assert code == 403 and err["code"] == "forbidden"
    code, err = await api(body, headers={"Authorization": "token wrong-token"})
    assert code == 403
    resp = await http_server_client.fetch(f"{jp_base_url}paperlab/api/lists", headers=jp_auth_header)
    cookies = SimpleCookie()
    for header in resp.headers.get_list("Set-Cookie"):
        cookies.load(header)
    login = "; ".join(f"{k}={v.value}" for k, v in cookies.items())
    code, err = await api(body, headers={"Cookie": login})  # a browser's cookie without the XSRF token
    assert code == 403 and "_xsrf" in err["message"]
    xsrf = "2f1b4c5d6e7f80912a3b4c5d6e7f8091"
    code, data = await api(body, headers={"Cookie": f"{login}; _xsrf={xsrf}", "X-XSRFToken": xsrf})
    assert code == 200 and len(data["works"]) == 3


def test_request_model_has_the_keys_of_its_schema() -> None:
    import dataclasses

    schema = models.openapi_spec()["components"]["schemas"][BibliographyRequest.SCHEMA]
    assert [f.name for f in dataclasses.fields(BibliographyRequest)] == list(schema["properties"])
    assert schema["additionalProperties"] is False

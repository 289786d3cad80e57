"""The server extension on a PostgreSQL store it cannot reach: every route answers a JSON 503 naming the host and
port (the server keeps running and tries the store again later), through a real jupyter_server (pytest-jupyter)."""

from __future__ import annotations

import json
import socket
from typing import Any

import pytest

pytest_plugins = ["pytest_jupyter.jupyter_server"]
pytestmark = [pytest.mark.postgres, pytest.mark.filterwarnings("error::jupyter_server.utils.JupyterServerAuthWarning")]


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def jp_server_config(
    jp_server_config: dict[str, Any], monkeypatch: pytest.MonkeyPatch, closed_port: int
) -> dict[str, Any]:
    pytest.importorskip("psycopg")
    monkeypatch.setenv("PAPERLAB_STORE", f"postgresql://postgres@127.0.0.1:{closed_port}/team")
    return jp_server_config


async def test_unreachable_postgres_is_503_naming_host_and_port(
    jp_serverapp: Any, http_server_client: Any, jp_base_url: str, jp_auth_header: dict[str, str], closed_port: int
):
    for path in ("lists", "revision", "lists/team"):
        response = await http_server_client.fetch(
            f"{jp_base_url}paperlab/api/{path}", headers=dict(jp_auth_header), raise_error=False
        )
        assert response.code == 503
        body = json.loads(response.body)
        assert body["code"] == "store_unavailable"
        assert f"cannot reach the PostgreSQL store at 127.0.0.1:{closed_port}" in body["message"]
        assert "(database 'team')" in body["message"]

"""Helpers shared by the tests that run real Jupyter servers as processes (browser tests, the two-user team test)
and by the PostgreSQL test server: a free local port, and a call to the paperlab REST API with a token."""

from __future__ import annotations

import json
import socket
import urllib.request
from typing import Any


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def call_api(url: str, token: str, method: str, path: str, body: object = None, timeout: float = 20) -> Any:
    """``method`` ``{url}/paperlab/api/{path}`` with ``body`` as JSON and the server's token; the parsed answer."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(
        f"{url}/paperlab/api/{path}",
        data=data,
        method=method,
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        text = resp.read().decode()
    return json.loads(text) if text else None

"""Helpers for the browser tests: the running-JupyterLab handle, Chromium flags, screenshots."""

from __future__ import annotations

import json
import socket
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from paths import ARTIFACTS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Lab:
    """A running JupyterLab: its base URL, token, notebook folder and paperlab store folder."""

    url: str
    token: str
    root_dir: Path
    paperlab_home: Path
    log: Path

    def page_url(self, path: str = "lab", workspace: str | None = None) -> str:
        """URL of a page, with the token; ``workspace`` gives a fresh, reset layout."""
        if workspace:
            path = f"lab/workspaces/{workspace}"
        sep = "&" if "?" in path else "?"
        return (
            f"{self.url}/{path}{sep}reset&token={self.token}"
            if workspace
            else f"{self.url}/{path}{sep}token={self.token}"
        )

    def api(self, method: str, path: str, body: object = None) -> object:
        """Call the paperlab REST API with the token (for test setup and checks)."""
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            f"{self.url}/paperlab/api/{path}",
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=20) as resp:
            text = resp.read().decode()
        return json.loads(text) if text else None


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def shot(page, name: str) -> Path:
    """Save a screenshot to test-artifacts/<name>.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path

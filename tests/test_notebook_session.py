"""``%bibliography`` follows a renamed notebook: a real Jupyter server (a process on 127.0.0.1) starts a real kernel
for ``Untitled.ipynb``; the notebook is renamed to ``walk.ipynb`` through the contents and sessions APIs (as
JupyterLab's first save does), and the magic run inside that kernel reads ``walk.ipynb``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from jupyter_client import BlockingKernelClient
from servertools import free_port

from paperlab.citations.session import kernel_id, notebook_from_server, running_servers

NOTEBOOK = {
    "cells": [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
               "source": 'import paperlab\npaperlab.paper("2401.00001")'}],
    "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
}  # fmt: skip


@dataclass
class Server:
    url: str
    token: str
    root: Path
    runtime: Path

    def call(self, method: str, path: str, body: object = None) -> Any:
        req = urllib.request.Request(
            f"{self.url}/api/{path}",
            data=None if body is None else json.dumps(body).encode(),
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            text = resp.read().decode()
        return json.loads(text) if text else None


@pytest.fixture
def server(tmp_path: Path, paperlab_home: Path) -> Iterator[Server]:
    port, token = free_port(), "session-test-token"
    root, runtime = tmp_path / "root", tmp_path / "runtime"
    root.mkdir()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(runtime), "JUPYTER_CONFIG_DIR": str(tmp_path / "config")}
    args = [
        sys.executable, "-m", "jupyter", "server", "--no-browser", "--allow-root", f"--port={port}",
        "--ip=127.0.0.1", f"--ServerApp.root_dir={root}", f"--IdentityProvider.token={token}",
    ]  # fmt: skip
    log = tmp_path / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT)
    srv = Server(f"http://127.0.0.1:{port}", token, root, runtime)
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            try:
                srv.call("GET", "status")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        yield srv
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


def _run_in_kernel(connection_file: Path, code: str) -> str:
    """Run ``code`` in the kernel and return what it printed (stdout and stderr)."""
    client = BlockingKernelClient(connection_file=str(connection_file))
    client.load_connection_file()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        printed: list[str] = []
        reply = client.execute_interactive(
            code,
            timeout=120,
            output_hook=lambda msg: printed.append(msg["content"].get("text", "")),
        )
        assert reply["content"]["status"] == "ok", reply["content"]
        return "".join(printed)
    finally:
        client.stop_channels()


@pytest.mark.timeout(300)
def test_bibliography_reads_the_renamed_notebook(server: Server) -> None:
    server.call("PUT", "contents/Untitled.ipynb", {"type": "notebook", "format": "json", "content": NOTEBOOK})
    session = server.call(
        "POST",
        "sessions",
        {"path": "Untitled.ipynb", "name": "Untitled.ipynb", "type": "notebook", "kernel": {"name": "python3"}},
    )
    kid = session["kernel"]["id"]
    connection_file = server.runtime / f"kernel-{kid}.json"
    assert kernel_id(connection_file) == kid
    assert [s["url"].rstrip("/") for s in running_servers(server.runtime)] == [server.url]
    # the first save renames the file and the session, as JupyterLab does
    server.call("PATCH", "contents/Untitled.ipynb", {"path": "walk.ipynb"})
    server.call("PATCH", f"sessions/{session['id']}", {"path": "walk.ipynb"})
    assert notebook_from_server(kid, runtime_dir=server.runtime) == server.root / "walk.ipynb"
    assert notebook_from_server("0" * 32, runtime_dir=server.runtime) is None  # a kernel no server knows
    printed = _run_in_kernel(
        connection_file,
        "%load_ext paperlab\nb = %bibliography\nprint(repr(b))",
    )
    assert "Bibliography('walk.ipynb', 1 work, 1 not in the store)" in printed, printed
    assert "not saved yet" not in printed


def test_without_a_server_the_message_says_how_to_pass_a_path(tmp_path: Path) -> None:
    from paperlab.citations.bibliography import bibliography
    from paperlab.errors import UsageError

    assert notebook_from_server("abc", runtime_dir=tmp_path) is None and kernel_id("not-a-kernel.json") is None
    with pytest.raises(UsageError, match=r"Untitled\.ipynb is not saved yet .*renamed.* %bibliography my-notebook"):
        bibliography(None, user_ns={"__session__": str(tmp_path / "Untitled.ipynb")})

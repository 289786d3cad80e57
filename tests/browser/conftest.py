"""Browser-test fixtures: one JupyterLab per test session on 127.0.0.1, driven by Debian's Chromium.

JupyterLab runs with a random token, temporary config/runtime/settings/workspace folders and its
own PAPERLAB_HOME (kernels inherit it, so a notebook cell and the side panel share one store).
Nothing it fetches leaves the machine: arXiv is the unresolvable ``nonexistent.invalid`` (an add by arXiv id
fails at once, as offline), Semantic Scholar a socket on 127.0.0.1 that accepts and never answers (an add by
DOI is slow). Every console error and page error of every page, in the whole browser suite, is collected;
the suite fails at its end if there was one a test did not expect (``console_errors.expect``).
Screenshots go to test-artifacts/ (gitignored).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest
from labtools import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, Lab
from servertools import free_port

UNRESOLVABLE_ARXIV = "http://nonexistent.invalid/api/query"


@pytest.fixture(scope="session")
def black_hole() -> Iterator[str]:
    """A URL on 127.0.0.1 whose socket accepts connections (the kernel's backlog) and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        sock.close()


@pytest.fixture(scope="session")
def lab(tmp_path_factory: pytest.TempPathFactory, black_hole: str) -> Iterator[Lab]:
    """Start JupyterLab once for the session; stop it at the end."""
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium)")
    base = tmp_path_factory.mktemp("jupyterlab")
    dirs = {name: base / name for name in ("config", "runtime", "settings", "workspaces", "root", "paperlab")}
    for d in dirs.values():
        d.mkdir()
    # No news toast over the panel.
    news = dirs["settings"] / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text(json.dumps({"fetchNews": "false"}))
    port, token = free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(dirs["config"]),
        "JUPYTER_RUNTIME_DIR": str(dirs["runtime"]),
        "JUPYTERLAB_SETTINGS_DIR": str(dirs["settings"]),
        "JUPYTERLAB_WORKSPACES_DIR": str(dirs["workspaces"]),
        "PAPERLAB_HOME": str(dirs["paperlab"]),
        "HF_HUB_OFFLINE": "1",
        "PAPERLAB_ARXIV_URL": UNRESOLVABLE_ARXIV,
        "PAPERLAB_SEMANTIC_SCHOLAR_URL": black_hole,
    }
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / "jupyterlab.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyter",
                "lab",
                "--no-browser",
                "--ServerApp.ip=127.0.0.1",
                f"--ServerApp.port={port}",
                "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={token}",
                f"--ServerApp.root_dir={dirs['root']}",
                "--ServerApp.allow_root=True",
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=dirs["root"],
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with {proc.returncode}; see {log}")
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterLab did not answer within 60 s; see {log}") from None
                time.sleep(0.3)
        yield Lab(url, token, dirs["root"], dirs["paperlab"], log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# tests/test_server.py loads pytest-jupyter, whose autouse fixtures then apply to every test of the
# session: its event-loop fixture would close Playwright's running loop after each browser test.
@pytest.fixture
def jp_asyncio_loop() -> None:
    """No pytest-jupyter event loop in browser tests (Playwright runs its own)."""
    return None


@pytest.fixture
def jp_server_cleanup() -> None:
    """No in-process Jupyter server to clean up in browser tests."""
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's Chromium, never a downloaded browser build."""
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1400, "height": 900}, "accept_downloads": True}


@pytest.fixture
def dialogs(page) -> list[str]:
    """Messages of every alert/confirm/prompt the page opens (each is dismissed)."""
    seen: list[str] = []

    def on_dialog(dialog) -> None:
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return seen


class ConsoleErrors:
    """Console errors and page errors seen during the browser suite; a test may ``expect`` some it causes."""

    def __init__(self) -> None:
        self.unexpected: list[str] = []
        self._expected: list[re.Pattern[str]] = []
        self._test = ""

    def expect(self, pattern: str) -> None:
        """Allow errors matching ``pattern`` (a regular expression) during the current test only."""
        self._expected.append(re.compile(pattern))

    def start(self, test: str) -> None:
        self._test, self._expected = test, []

    def record(self, kind: str, text: str) -> None:
        if not any(p.search(f"{kind}: {text}") for p in self._expected):
            self.unexpected.append(f"{self._test}: {kind}: {text}")

    def watch(self, page) -> None:
        page.on("console", lambda msg: self.record("console", msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.record("pageerror", f"{exc}\n{getattr(exc, 'stack', '') or ''}"[:1500]))


_CONSOLE = ConsoleErrors()


@pytest.fixture(scope="session")
def console_log() -> Iterator[ConsoleErrors]:
    """The suite's one collector; at the end of the session, fails if any unexpected error was seen."""
    yield _CONSOLE
    if _CONSOLE.unexpected:
        shown = "\n".join(_CONSOLE.unexpected[:30])
        pytest.fail(f"{len(_CONSOLE.unexpected)} console/page error(s) during the browser suite:\n{shown}")


@pytest.fixture(autouse=True)
def console_errors(request: pytest.FixtureRequest, console_log: ConsoleErrors) -> ConsoleErrors:
    """Watch every page of this test's browser context (pages opened later too)."""
    console_log.start(request.node.nodeid)
    if "page" in request.fixturenames or "context" in request.fixturenames:
        context = request.getfixturevalue("context")
        for page in context.pages:
            console_log.watch(page)
        context.on("page", console_log.watch)
    return console_log

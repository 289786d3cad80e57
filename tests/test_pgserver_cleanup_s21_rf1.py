"""The tests' PostgreSQL servers never outlive their run (session 20: a server started by an interrupted test run was
still running an hour later). A server started through tests/pgserver.py stops when the process that started it is
ended by SIGTERM; one whose process died without a chance to stop it (SIGKILL) is stopped by the next start; a
server whose process still runs is left alone. Each child process here starts a real server through the helper."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pgserver import OWNER_FILE, PostgresServer, postgres_bin, postgres_missing, stop_stale_servers

pytestmark = [pytest.mark.postgres, pytest.mark.skipif(postgres_missing() is not None, reason=str(postgres_missing()))]

TESTS = Path(__file__).resolve().parent
DEADLINE_S = 90.0  # a generous bound for a server to go away: polled, not a speed check

CHILD = f"""
import json, sys, time
sys.path.insert(0, {str(TESTS)!r})
from pgserver import PostgresServer
server = PostgresServer().start()
print(json.dumps({{"root": str(server.root), "port": server.port}}), flush=True)
time.sleep(600)
"""


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(2)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _gone(root: Path, port: int) -> bool:
    """Polled until DEADLINE_S: the server no longer listens and its postmaster.pid is removed."""
    end = time.monotonic() + DEADLINE_S
    while time.monotonic() < end:
        if not _listening(port) and not (root / "data" / "postmaster.pid").exists():
            return True
        time.sleep(0.5)
    return False


@pytest.fixture
def temp_root() -> Iterator[Path]:
    """The temp dir of a child: its own, so no other run's clusters are seen, and open to the ``postgres`` user that
    runs the server when the tests run as root (pytest's tmp_path is not)."""
    folder = Path(tempfile.mkdtemp(prefix="paperlab-pgtest-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def child(temp_root: Path) -> Iterator[tuple[subprocess.Popen[str], Path, int]]:
    """A Python process that started a server through the helper and waits; whatever the test leaves running of it,
    and the server, is stopped afterwards."""
    env = {**os.environ, "TMPDIR": str(temp_root)}
    proc = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line, f"the child started no server (exit {proc.wait()})"
    started = json.loads(line)
    root, port = Path(started["root"]), int(started["port"])
    try:
        yield proc, root, port
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        if (root / "data" / "postmaster.pid").exists():  # the test failed: do not leave its server behind
            prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
            pg_ctl = str(postgres_bin() / "pg_ctl")  # type: ignore[operator]
            subprocess.run([*prefix, pg_ctl, "-D", str(root / "data"), "-m", "immediate", "-w", "stop"], check=False)


def test_sigterm_to_the_test_process_stops_its_server(child: tuple[subprocess.Popen[str], Path, int]) -> None:
    proc, root, port = child
    assert _listening(port)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=DEADLINE_S) == -signal.SIGTERM  # the signal still ends the process, as it would have
    assert _gone(root, port), f"the server on port {port} outlived the process that started it"
    assert not root.exists()


def test_a_later_start_stops_the_server_of_a_killed_run(child: tuple[subprocess.Popen[str], Path, int]) -> None:
    proc, root, port = child
    proc.kill()  # SIGKILL: no handler, no finalizer runs
    proc.wait()
    assert _listening(port)  # nothing could stop it
    assert stop_stale_servers(root.parent) == [root]
    assert _gone(root, port) and not root.exists()


def test_a_server_whose_process_runs_is_left_alone(child: tuple[subprocess.Popen[str], Path, int]) -> None:
    proc, root, port = child
    assert stop_stale_servers(root.parent) == []
    assert _listening(port) and (root / "data" / "postmaster.pid").exists()
    assert json.loads((root / OWNER_FILE).read_text())["pid"] == proc.pid


def test_a_folder_without_an_owner_file_is_not_ours(tmp_path: Path) -> None:
    """A cluster folder of the same name that this helper did not mark is never touched."""
    foreign = tmp_path / "paperlab-pg-foreign"
    (foreign / "data").mkdir(parents=True)
    (foreign / "data" / "postmaster.pid").write_text("1\n")
    assert stop_stale_servers(tmp_path) == []
    assert (foreign / "data" / "postmaster.pid").exists()


def test_the_context_manager_still_stops_and_removes_its_cluster() -> None:
    with PostgresServer() as server:
        root, port = server.root, server.port
        assert _listening(port)
    assert _gone(root, port) and not root.exists()

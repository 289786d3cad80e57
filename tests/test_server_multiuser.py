"""Two users, two Jupyter servers, one reading list on PostgreSQL: the JupyterHub team setup.

Two real ``jupyter server`` processes run with ``PAPERLAB_STORE`` pointing at one schema of the test PostgreSQL
server, each under its own identity (tests/multiuser/named_identity.py: the server's token is user ``alice``
or ``bob``, as JupyterHub gives each member's server their name). User B's revision long-poll hears user A's
add through LISTEN/NOTIFY and B reads ``added_by == "alice"``; both servers writing one entry at once lose
nothing. The answer time of B's long-poll is printed (the benchmark is benchmarks/bench_live_sync.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pgserver import PostgresServer
from servertools import call_api, free_port

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

HERE = Path(__file__).parent


@dataclass
class UserServer:
    """One user's running Jupyter server."""

    user: str
    url: str
    token: str
    proc: subprocess.Popen[bytes]
    log: Path

    def api(self, method: str, path: str, body: object = None, timeout: float = 30) -> Any:
        return call_api(self.url, self.token, method, path, body, timeout)


def _start(user: str, store_url: str, tmp_path: Path) -> UserServer:
    port, token = free_port(), f"token-of-{user}"
    home = tmp_path / user
    home.mkdir()
    env = {
        **os.environ,
        "PAPERLAB_STORE": store_url,
        "PAPERLAB_HOME": str(home),
        "NAMED_JUPYTER_USER": user,
        "PYTHONPATH": os.pathsep.join([str(HERE / "multiuser"), os.environ.get("PYTHONPATH", "")]),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
    }
    env.pop("PAPERLAB_USER", None)  # the Jupyter identity is what the server records
    log = home / "server.log"
    args = [
        sys.executable, "-m", "jupyter", "server", "--no-browser", "--allow-root", f"--port={port}",
        "--ip=127.0.0.1", f"--ServerApp.root_dir={home}", f"--IdentityProvider.token={token}",
        "--ServerApp.identity_provider_class=named_identity.NamedUserIdentityProvider",
        "--ServerApp.allow_unauthenticated_access=False",
    ]  # fmt: skip
    with open(log, "wb") as out:
        proc = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = UserServer(user, f"http://127.0.0.1:{port}", token, proc, log)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"jupyter server of {user} exited: {log.read_text()[-3000:]}")
        try:
            server.api("GET", "revision", timeout=2)
            return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    proc.terminate()
    raise AssertionError(f"jupyter server of {user} did not answer in 90 s: {log.read_text()[-3000:]}")


@pytest.fixture
def two_servers(postgres_server: PostgresServer, tmp_path: Path) -> Iterator[tuple[UserServer, UserServer]]:
    url = postgres_server.new_url()
    servers: list[UserServer] = []
    try:
        servers.append(_start("alice", url, tmp_path))
        servers.append(_start("bob", url, tmp_path))
        yield servers[0], servers[1]
    finally:
        for s in servers:
            s.proc.terminate()
        for s in servers:
            try:
                s.proc.wait(20)
            except subprocess.TimeoutExpired:
                s.proc.kill()


def _paper(i: int) -> dict[str, Any]:
    return {"title": f"Shared paper {i} of the reading group", "arxiv_id": f"2504.{i:05d}"}


@pytest.mark.timeout(300)
def test_bob_hears_alices_add_with_her_name(two_servers: tuple[UserServer, UserServer]):
    alice, bob = two_servers
    alice.api("POST", "lists", {"name": "reading group"})
    assert [x["name"] for x in bob.api("GET", "lists")["lists"]] == ["reading group"]
    since = bob.api("GET", "revision")["revision"]
    answer: dict[str, Any] = {}

    def long_poll() -> None:
        answer["body"] = bob.api("GET", f"revision?since={since}&timeout=20")
        answer["at"] = time.monotonic()

    poll = threading.Thread(target=long_poll)
    poll.start()
    time.sleep(1.0)  # bob's long-poll is waiting
    assert "body" not in answer
    added = alice.api("POST", "lists/reading%20group/entries", {"paper": _paper(1), "tags": ["alice-pick"]})
    committed = time.monotonic()
    poll.join(25)
    assert answer["body"]["revision"] > since
    print(f"\nbob's long-poll answered {1000 * (answer['at'] - committed):.0f} ms after alice's add returned")
    assert (added["added_by"], added["updated_by"]) == ("alice", "alice")
    entry = bob.api("GET", "lists/reading%20group")["entries"][0]
    assert (entry["paper"]["arxiv_id"], entry["added_by"], entry["tags"]) == ("2504.00001", "alice", ["alice-pick"])
    changed = bob.api("PATCH", "lists/reading%20group/entries/2504.00001", {"add_tags": ["bob-too"]})
    assert (changed["added_by"], changed["updated_by"]) == ("alice", "bob")
    assert alice.api("GET", "lists/reading%20group/entries/2504.00001")["updated_by"] == "bob"


@pytest.mark.timeout(300)
def test_two_servers_writing_one_list_at_once_lose_nothing(two_servers: tuple[UserServer, UserServer]):
    alice, bob = two_servers
    alice.api("POST", "lists", {"name": "busy"})
    for i in range(3):
        alice.api("POST", "lists/busy/entries", {"paper": _paper(i)})
    n = 20

    def writer(server: UserServer) -> None:
        for k in range(n):
            pid = f"2504.{k % 3:05d}"
            server.api("PATCH", f"lists/busy/entries/{pid}", {"add_tags": [f"{server.user}-{k}"]})
            if k % 5 == 0:
                server.api("POST", "lists/busy/entries", {"paper": _paper(100 + k), "tags": [server.user]})

    threads = [threading.Thread(target=writer, args=(s,)) for s in (alice, bob)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(240)
    entries = bob.api("GET", "lists/busy")["entries"]
    tags = [t for e in entries for t in e["tags"]]
    expected = {f"{u}-{k}" for u in ("alice", "bob") for k in range(n)}
    assert expected <= set(tags) and len([t for t in tags if t in expected]) == 2 * n  # every write, once
    assert [e["position"] for e in entries] == list(range(len(entries)))
    added_later = [e for e in entries if e["paper"]["arxiv_id"] >= "2504.00100"]
    assert len(added_later) == 4
    for e in added_later:  # both added it: the first is added_by, the second (re-adding) updated_by
        assert {e["added_by"], e["updated_by"]} == {"alice", "bob"} and sorted(e["tags"]) == ["alice", "bob"]

"""Live sync across users: how soon the server's revision long-poll answers another user's change.

A real ``jupyter server`` with the paperlab extension runs on each store engine; this process is "the other
user": it waits until a long-poll (``GET /paperlab/api/revision?since=N&timeout=10``) is pending, commits one
change to the shared list (a tag), and measures the time from the commit's return to the long-poll's answer.

* **PostgreSQL** (paperlab): the server's long-poll waits on LISTEN/NOTIFY (a fresh throwaway cluster on
  127.0.0.1, started by tests/pgserver.py and stopped at the end).
* **SQLite** (baseline, same run): the long-poll re-reads the revision every 50 ms, as before this change.

Target: the long-poll answers within 300 ms of another user's change on PostgreSQL.

    python benchmarks/bench_live_sync.py [--trials 40]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the throwaway PostgreSQL cluster of the tests

from pgserver import PostgresServer, postgres_missing  # noqa: E402

from paperlab import Paper  # noqa: E402
from paperlab.store import Store  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A jupyter server with the paperlab extension on ``store``."""

    def __init__(self, store: str, home: Path) -> None:
        self.port, self.token = _free_port(), "bench-token"
        env = {**os.environ, "PAPERLAB_STORE": store, "PAPERLAB_HOME": str(home)}
        env["JUPYTER_CONFIG_DIR"], env["JUPYTER_RUNTIME_DIR"] = str(home / "config"), str(home / "runtime")
        args = [
            sys.executable, "-m", "jupyter", "server", "--no-browser", "--allow-root", f"--port={self.port}",
            "--ip=127.0.0.1", f"--ServerApp.root_dir={home}", f"--IdentityProvider.token={self.token}",
        ]  # fmt: skip
        self.log = open(home / "server.log", "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(args, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 90
        while True:
            try:
                self.get("revision", 2)
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise RuntimeError("the jupyter server did not start") from None
                time.sleep(0.3)

    def get(self, path: str, timeout: float) -> dict[str, int]:
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/paperlab/api/{path}", headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            answer: dict[str, int] = json.loads(resp.read())
        return answer

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def measure(store_location: str, home: Path, trials: int) -> list[float]:
    """Milliseconds from each commit (by this process) to the server's long-poll answer."""
    writer = Store(store_location)
    writer.upsert_papers([Paper("A paper the team reads, for the live-sync benchmark", arxiv_id="2505.00001")])
    rl = writer.reading_list("team")
    rl.add("2505.00001")
    server = Server(store_location, home)
    latencies = []
    try:
        for k in range(trials):
            since = writer.revision()
            answered: dict[str, float] = {}

            def poll(since: int = since, answered: dict[str, float] = answered) -> None:
                server.get(f"revision?since={since}&timeout=10", 15)
                answered["at"] = time.monotonic()

            t = threading.Thread(target=poll)
            t.start()
            time.sleep(0.25)  # the long-poll is waiting
            rl.tag("2505.00001", f"trial-{k}")
            committed = time.monotonic()
            t.join(15)
            latencies.append(1000 * (answered["at"] - committed))
    finally:
        server.stop()
        writer.close()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=40)
    args = parser.parse_args()
    why = postgres_missing()
    if why:
        raise SystemExit(f"needs PostgreSQL: {why}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp, PostgresServer() as pg:
        for name, location in (
            ("SQLite, polling every 50 ms (baseline)", str(Path(tmp) / "team.sqlite3")),
            ("PostgreSQL, LISTEN/NOTIFY (paperlab)", pg.new_url()),
        ):
            home = Path(tmp) / name.split(",")[0]
            home.mkdir()
            ms = sorted(measure(location, home, args.trials))
            p95 = ms[max(0, int(round(0.95 * len(ms))) - 1)]
            rows.append((name, statistics.median(ms), p95, ms[-1]))
    print(f"\nlong-poll answer after another user's commit, {args.trials} trials each (ms)")
    print(f"| {'store':<40} | {'p50':>6} | {'p95':>6} | {'max':>6} |")
    print(f"|{'-' * 42}|{'-' * 8}|{'-' * 8}|{'-' * 8}|")
    for name, p50, p95, worst in rows:
        print(f"| {name:<40} | {p50:6.1f} | {p95:6.1f} | {worst:6.1f} |")


if __name__ == "__main__":
    main()

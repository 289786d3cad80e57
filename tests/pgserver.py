"""A real PostgreSQL server for the tests: Debian's binaries, a fresh cluster in a temp dir, 127.0.0.1 on a free port.

Nothing is mocked: the store's PostgreSQL engine talks to this server over TCP. The cluster is initialised with
``initdb`` (as the ``postgres`` user through ``runuser`` when the tests run as root, since initdb refuses root),
started with ``pg_ctl`` and stopped (fast) at the end. Each test gets its own schema (:meth:`PostgresServer.new_url`)
so tests never see each other's rows.

A server never outlives the test process that started it, short of SIGKILL: it is stopped by ``stop()``, by a
finalizer that also runs at interpreter exit (an exception, ``sys.exit``, Ctrl-C), and on SIGTERM or SIGHUP by a
handler that stops it and then lets the signal end the process as it would have. Each cluster's folder holds an
``owner`` file (the starting process's pid and start time); a later start stops and removes the clusters whose owner
is gone (a run killed with SIGKILL) — only folders with that file, never a server this helper did not start.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import json
import os
import shutil
import signal
import subprocess
import tempfile
import weakref
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from servertools import free_port

__all__ = ["PostgresServer", "postgres_bin", "postgres_missing", "stop_stale_servers"]

PREFIX = "paperlab-pg-"  # the clusters' folders in the temp dir
OWNER_FILE = "owner"  # in such a folder: {"pid": ..., "started": ...} of the process that started its server


def postgres_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/*/bin`` holding initdb and pg_ctl, else the PATH's, else None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name or 0))
    for folder in reversed(found):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def postgres_missing() -> str | None:
    """Why no PostgreSQL server can be started here, or None."""
    if postgres_bin() is None:
        return "no PostgreSQL binaries (initdb, pg_ctl in /usr/lib/postgresql/*/bin): apt-get install postgresql"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser, and initdb refuses root"
    if os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run initdb as (initdb refuses root)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'jupyterlab-paperlab[postgres]')"
    return None


def _started(pid: int) -> str | None:
    """When process ``pid`` started (clock ticks since boot, from /proc), telling it from a later one with its pid;
    None when that is unknown (no /proc, no such process)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rpartition(")")[2].split()[19]  # field 22, after the command name in parentheses


def _owner_alive(owner: Path) -> bool:
    """Whether the process named in an ``owner`` file still runs (an unreadable file counts as alive: left alone)."""
    try:
        named = json.loads(owner.read_text())
        pid, started = int(named["pid"]), named.get("started")
    except (OSError, ValueError, KeyError, TypeError):
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return started is None or _started(pid) in (None, started)


def _pg_ctl(as_user: list[str], pg_ctl: Path, data: Path, *args: str) -> int:
    """``pg_ctl -D data args``: its exit status (0 done or running, 3 not running, 4 no data folder)."""
    cmd = [*as_user, str(pg_ctl), "-D", str(data), *args]
    return subprocess.run(cmd, capture_output=True, timeout=120, check=False, cwd=data.parent).returncode


def _stop_cluster(as_user: list[str], pg_ctl: Path, data: Path, root: Path) -> None:
    """Stop the server of ``data`` if it runs, and remove its folder ``root`` -- unless the server would not stop:
    then the folder stays, with its ``owner`` file, for a later run's :func:`stop_stale_servers`."""
    if (data / "postmaster.pid").exists() and _pg_ctl(as_user, pg_ctl, data, "-m", "fast", "-w", "stop") != 0:
        if _pg_ctl(as_user, pg_ctl, data, "status") == 0:
            return
    shutil.rmtree(root, ignore_errors=True)


def stop_stale_servers(temp: Path | None = None) -> list[Path]:
    """Stop and remove the clusters in ``temp`` (default: the temp dir) that this helper started in a process that no
    longer runs; the folders removed. A folder without an ``owner`` file, or whose owner runs, is left alone."""
    folder = postgres_bin()
    if folder is None:
        return []
    removed = []
    for owner in sorted(Path(temp or tempfile.gettempdir()).glob(f"{PREFIX}*/{OWNER_FILE}")):
        if not _owner_alive(owner):
            _stop_cluster(_as_user(), folder / "pg_ctl", owner.parent / "data", owner.parent)
            removed += [] if owner.parent.exists() else [owner.parent]
    return removed


def _as_user() -> list[str]:
    """The prefix that runs a PostgreSQL binary as ``postgres`` when the tests run as root (initdb refuses root)."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


_RUNNING: set[weakref.finalize] = set()  # the stops of this process's running servers
_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
_Handler = Callable[[int, FrameType | None], object] | int | None
_previous: dict[int, _Handler] = {}
_installed = False


def _stop_running() -> None:
    for stop in list(_RUNNING):
        stop()


def _on_signal(signum: int, frame: FrameType | None) -> None:
    """Stop this process's servers, then let the signal do what it did before (end the process, by default)."""
    _stop_running()
    previous = _previous.get(signum, signal.SIG_DFL)
    if callable(previous):
        previous(signum, frame)
        return
    signal.signal(signum, signal.SIG_DFL if previous is None else previous)
    os.kill(os.getpid(), signum)


def _stop_on_signals() -> None:
    """Install :func:`_on_signal` for SIGTERM and SIGHUP once (only the main thread may set handlers)."""
    global _installed
    if _installed:
        return
    _installed = True
    for signum in _SIGNALS:
        if signal.getsignal(signum) == signal.SIG_IGN:  # nohup: the signal does not end this process
            continue
        try:
            _previous[signum] = signal.signal(signum, _on_signal)
        except ValueError:  # not the main thread: the finalizer at exit still stops the servers
            return


atexit.register(_stop_running)


class PostgresServer:
    """One throwaway PostgreSQL cluster; use as a context manager."""

    def __init__(self) -> None:
        folder = postgres_bin()
        assert folder is not None, postgres_missing()
        self.bin = folder
        stop_stale_servers()
        self.root = Path(tempfile.mkdtemp(prefix=PREFIX))
        (self.root / OWNER_FILE).write_text(json.dumps({"pid": os.getpid(), "started": _started(os.getpid())}))
        self.data = self.root / "data"
        self.port = free_port()
        self.log = self.root / "server.log"
        self._as_user = _as_user()
        if self._as_user:
            shutil.chown(self.root, "postgres", "postgres")
        self._schemas = itertools.count(1)
        _stop_on_signals()
        self._stop = weakref.finalize(self, _stop_cluster, self._as_user, self.bin / "pg_ctl", self.data, self.root)
        _RUNNING.add(self._stop)

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as_user, *args], check=True, capture_output=True, timeout=120, cwd=self.root)

    def start(self) -> PostgresServer:
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
            "-c shared_buffers=32MB"
        )
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")
        return self

    def stop(self) -> None:
        """Stop the server (if it runs) and remove its cluster; later calls do nothing."""
        _RUNNING.discard(self._stop)
        self._stop()

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """The URL of the ``postgres`` database as the superuser (trust auth on 127.0.0.1)."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def new_url(self) -> str:
        """The URL of a new, empty schema: a store there is independent of every other test's."""
        import psycopg

        name = f"t{next(self._schemas)}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
            conn.execute(f"CREATE SCHEMA {name}")
        return f"{self.url}?options=-csearch_path%3D{name}"

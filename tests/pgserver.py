"""A real PostgreSQL server for the tests: Debian's binaries, a fresh cluster in a temp dir, 127.0.0.1 on a free port.

Nothing is mocked: the store's PostgreSQL engine talks to this server over TCP. The cluster is initialised with
``initdb`` (as the ``postgres`` user through ``runuser`` when the tests run as root, since initdb refuses root),
started with ``pg_ctl`` and stopped (fast) at the end. Each test gets its own schema (:meth:`PostgresServer.new_url`)
so tests never see each other's rows.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from servertools import free_port

__all__ = ["PostgresServer", "postgres_bin", "postgres_missing"]


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


class PostgresServer:
    """One throwaway PostgreSQL cluster; use as a context manager."""

    def __init__(self) -> None:
        folder = postgres_bin()
        assert folder is not None, postgres_missing()
        self.bin = folder
        self.root = Path(tempfile.mkdtemp(prefix="paperlab-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.log = self.root / "server.log"
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            self._as_user = ["runuser", "-u", "postgres", "--"]
        self._schemas = itertools.count(1)

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
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

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

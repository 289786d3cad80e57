"""Shared fixtures: an isolated PAPERLAB_HOME, the local fake server, the Jupyter server config of the server tests,
the ``realdata`` marker, and the store engines (``store_backend``: every test using it runs on SQLite and on a real
PostgreSQL server)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # tests import fakeserver and paths

from paths import REQUIRE_REALDATA, realdata_missing  # noqa: E402
from pgserver import PostgresServer, postgres_missing  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    why = realdata_missing()
    if why and REQUIRE_REALDATA:
        raise pytest.UsageError(f"PAPERLAB_REQUIRE_REALDATA is set but the real corpus is unusable: {why}")


@pytest.fixture(autouse=True)
def paperlab_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty store location (never a store named by the caller's PAPERLAB_STORE)."""
    home = tmp_path_factory.mktemp("paperlab_home")
    monkeypatch.setenv("PAPERLAB_HOME", str(home))
    monkeypatch.delenv("PAPERLAB_STORE", raising=False)
    return home


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server on 127.0.0.1 (a fresh cluster in a temp dir), stopped at the end of the session.

    Skipped with the reason when no PostgreSQL binaries exist, unless ``PAPERLAB_REQUIRE_POSTGRES=1`` (CI):
    then the tests fail.
    """
    why = postgres_missing()
    if why:
        if os.environ.get("PAPERLAB_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PAPERLAB_REQUIRE_POSTGRES=1 but PostgreSQL cannot be started: {why}")
        pytest.skip(why)
    with PostgresServer() as server:
        yield server


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_backend(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, paperlab_home: Path
) -> Iterator[str]:
    """The engine of the default store (``open_store()``, ``paperlab.reading_list()``): ``"sqlite"``
    (``$PAPERLAB_HOME/paperlab.sqlite3``) or ``"postgres"`` (``PAPERLAB_STORE`` = a new schema of the test server)."""
    if request.param == "sqlite":
        monkeypatch.delenv("PAPERLAB_STORE", raising=False)
        yield "sqlite"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.new_url()
    monkeypatch.setenv("PAPERLAB_STORE", url)
    yield "postgres"
    from paperlab.store import core

    store = core._stores.pop(url, None)
    if store is not None:
        store.close()
        store._engine.stop_listening()


@pytest.fixture
def store_location(store_backend: str, tmp_path: Path) -> str | Path:
    """Where a test's own store goes on the current engine: a file in tmp_path, or the test's PostgreSQL schema."""
    return os.environ["PAPERLAB_STORE"] if store_backend == "postgres" else tmp_path / "own.sqlite3"


@pytest.fixture
def jp_server_config(paperlab_home: Path) -> dict[str, Any]:
    """The Jupyter server of the server tests (pytest-jupyter's ``jp_serverapp``): paperlab only, unauthenticated
    access disallowed, started after PAPERLAB_HOME is set. A module adds its own setup by overriding this fixture
    and requesting it (``def jp_server_config(jp_server_config, store_backend): ...``)."""
    return {
        "ServerApp": {
            "jpserver_extensions": {"paperlab": True, "jupyter_server_terminals": False},
            "allow_unauthenticated_access": False,
        }
    }


@pytest.fixture
def fake_server():
    """A FakeServer on 127.0.0.1, stopped at the end of the test."""
    from fakeserver import FakeServer

    with FakeServer() as srv:
        yield srv


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip real-corpus tests when the corpus is absent; run browser tests last.

    Browser tests go last because Playwright's sync API keeps an event loop running for the rest of the
    session, which would break the asyncio fixtures of the server tests that follow.
    """
    why = realdata_missing()
    if why:
        skip = pytest.mark.skip(reason=why)
        for item in items:
            if item.get_closest_marker("realdata") is not None:
                item.add_marker(skip)
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)

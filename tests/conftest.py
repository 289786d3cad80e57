"""Shared fixtures: an isolated PAPERLAB_HOME, the local fake server, and the ``realdata`` marker."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # tests import fakeserver and paths

from paths import REQUIRE_REALDATA, realdata_missing  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    why = realdata_missing()
    if why and REQUIRE_REALDATA:
        raise pytest.UsageError(f"PAPERLAB_REQUIRE_REALDATA is set but the real corpus is unusable: {why}")


@pytest.fixture(autouse=True)
def paperlab_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty store location."""
    home = tmp_path_factory.mktemp("paperlab_home")
    monkeypatch.setenv("PAPERLAB_HOME", str(home))
    return home


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

"""Shared fixtures: paths to ../shared, an isolated PAPERLAB_HOME, the local fake server."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # tests import fakeserver and paths

from paths import SEEDS, SHARED  # noqa: E402

if not SEEDS.is_dir():
    raise RuntimeError(f"the shared seeds/fixtures folder is missing: expected {SHARED} (set PAPERLAB_SHARED)")


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
    """Run browser tests last: Playwright's sync API keeps an event loop running for the rest of the
    session, which would break the asyncio fixtures of the server tests that follow."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)

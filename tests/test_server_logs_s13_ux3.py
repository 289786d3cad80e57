"""The server log says an ordinary offline failure in one line naming the service and the reason (R5, session 12:
an unreachable arXiv printed a full traceback for every add from the panel); a real bug still logs its traceback.

arXiv and Semantic Scholar are a closed port on 127.0.0.1 (connection refused: what an offline machine answers).
Papers come from our own arXiv API answers in tests/data/app/ (fixtures of tests/test_server.py).
"""

from __future__ import annotations

import logging
import socket
from typing import Any

import pytest
from test_server import api, pages, store  # noqa: F401  (fixtures)

pytest_plugins = ["pytest_jupyter.jupyter_server"]
pytestmark = pytest.mark.filterwarnings("error::jupyter_server.utils.JupyterServerAuthWarning")

FAST_FETCH = {"fetch_timeout": 0.5, "fetch_retries": 0, "fetch_deadline": 3.0, "arxiv_interval": 0.0}


@pytest.fixture
def jp_server_config(jp_server_config: dict[str, Any]) -> dict[str, Any]:
    return {**jp_server_config, "Paperlab": dict(FAST_FETCH)}


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> str:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there: connection refused
    monkeypatch.setenv("PAPERLAB_ARXIV_URL", f"http://127.0.0.1:{port}/api/query")
    monkeypatch.setenv("PAPERLAB_SEMANTIC_SCHOLAR_URL", f"http://127.0.0.1:{port}/graph/v1")
    return str(port)


def _warnings(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.WARNING and r.getMessage().startswith("paperlab")]


async def test_an_unreachable_service_is_one_log_line(api, store, offline, caplog):  # noqa: F811
    store.create_list("default")
    caplog.set_level(logging.WARNING)
    for ref, service in (("2101.00001", "arXiv"), ("10.1234/not.stored", "Semantic Scholar")):
        caplog.clear()
        code, err = await api("POST", "lists", "default", "entries", body={"ref": ref})
        assert code in (502, 504) and err["code"] == "fetch_failed", err
        logged = _warnings(caplog)
        assert len(logged) == 1, [r.getMessage() for r in logged]
        line = logged[0]
        assert line.exc_info is None and "Traceback" not in caplog.text, caplog.text
        text = line.getMessage()
        assert service in text and "unreachable" in text and ref in text and "\n" not in text, text


async def test_a_real_bug_keeps_its_traceback(api, store, caplog, monkeypatch):  # noqa: F811
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("a bug in paperlab")

    monkeypatch.setattr(type(store), "lists", broken)
    caplog.set_level(logging.WARNING)
    code, err = await api("GET", "lists")
    assert code == 500 and err["code"] == "internal"
    assert any(r.exc_info and "a bug in paperlab" in str(r.exc_info[1]) for r in caplog.records), caplog.text

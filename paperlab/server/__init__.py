"""The paperlab jupyter_server extension: a JSON REST API over the store under ``/paperlab/api/``.

This is the only package of paperlab that imports jupyter_server. It is enabled on
``pip install`` by ``etc/jupyter/jupyter_server_config.d/paperlab.json``; the routes and
their schemas are in :mod:`paperlab.server.handlers` and ``openapi.yaml``.
"""

from __future__ import annotations

from typing import Any

from .handlers import API_PREFIX, ROUTES, setup_handlers

__all__ = ["API_PREFIX", "ROUTES", "setup_handlers"]


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "paperlab.server"}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    """Open the default store (``$PAPERLAB_HOME``) and register the REST handlers."""
    from ..store import Store

    store = Store()
    setup_handlers(serverapp.web_app, store)
    serverapp.log.info("paperlab: REST API at %s%s (store %s)", serverapp.base_url, API_PREFIX, store.path)

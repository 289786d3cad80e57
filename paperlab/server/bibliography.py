"""REST handler of the panel's "Bibliography of this notebook": the papers a notebook cites, from its cells as the
editor holds them (so unsaved work counts).

``POST /paperlab/api/bibliography`` with ``{name, cells: [{cell_type, source}], reading_list?}`` answers the
``Bibliography`` schema: every work its paperlab cards and ``paperlab.paper("…")`` calls cite, with its reading
status in the server's store, the references the store does not know, and the BibTeX and CSL-JSON of the known ones.
The logic is :func:`paperlab.citations.bibliography` (the same as ``%bibliography``); nothing is fetched.
Authenticated and authorized like every paperlab handler (a POST needs the XSRF token).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import tornado.web
from jupyter_server.auth.decorator import authorized

from ..citations.bibliography import bibliography
from ..store import Store
from .handlers import API_PREFIX, BaseHandler

__all__ = ["BIBLIOGRAPHY_ROUTES", "BibliographyHandler", "BibliographyRequest"]


@dataclass(frozen=True)
class BibliographyRequest:
    """``POST /bibliography``: the notebook's name, its cells (type and source) and the reading list whose
    statuses to show (None: every list)."""

    SCHEMA: ClassVar[str] = "BibliographyRequest"
    name: str
    cells: tuple[dict[str, str], ...]
    reading_list: str | None = None

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> BibliographyRequest:
        cells = tuple({"cell_type": c["cell_type"], "source": c["source"]} for c in body["cells"])
        return cls(name=body["name"], cells=cells, reading_list=body.get("reading_list"))


def notebook_bibliography(store: Store, request: BibliographyRequest) -> dict[str, Any]:
    """The ``Bibliography`` answer of ``request`` over ``store``.

    Raises
    ------
    NotFound
        The reading list named does not exist (404).
    ParseError
        A card's data is not a paper (400, naming the cell).
    """
    if request.reading_list is not None:
        store.reading_list(request.reading_list, create=False)  # 404 when absent
    notebook = {"cells": [dict(c) for c in request.cells]}
    found = bibliography(notebook, store=store, reading_list=request.reading_list, name=request.name)
    return found.to_dict()


class BibliographyHandler(BaseHandler):
    """``POST /paperlab/api/bibliography``: the bibliography of the notebook whose cells are sent."""

    @tornado.web.authenticated
    @authorized
    async def post(self) -> None:
        body = self.body_as(BibliographyRequest)
        self.reply(await self.call(notebook_bibliography, self.store, body))


BIBLIOGRAPHY_ROUTES: list[tuple[str, type[BaseHandler]]] = [(f"{API_PREFIX}/bibliography", BibliographyHandler)]

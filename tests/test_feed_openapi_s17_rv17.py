"""The OpenAPI document's ``Feed`` schema names every key the feed's JSON carries (``GET feed`` answers
``Feed.to_dict()`` and ``from_library``): session 17 added ``note`` (why an unpersonalised feed is in its order),
which the panel reads, but the schema did not list it. Our own small BibTeX file, no network."""

from __future__ import annotations

from pathlib import Path

import yaml

import paperlab
from paperlab.feed import feed
from paperlab.server import models

NEW = """@article{n1, title = {Sparse Widget Rings}, author = {Quill, Ada}, year = {2026}, eprint = {2611.00001},
  abstract = {Widget rings route gadgets.}}
@article{n2, title = {Routing Gadgets on Widget Graphs}, author = {Renn, Bo}, year = {2026}, eprint = {2611.00002},
  abstract = {Gadgets on graphs.}}
"""


def _feed_schema() -> dict:
    spec = yaml.safe_load(models.OPENAPI_PATH.read_text(encoding="utf-8"))
    return spec["components"]["schemas"]["Feed"]


def test_every_key_of_the_feed_json_is_in_the_openapi_feed_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.bib"
    path.write_text(NEW, encoding="utf-8")
    day = feed(candidates=paperlab.load(path), today="2026-11-30", remember=False)
    data = day.to_dict()
    assert data["note"] and data["items"]  # no saved papers: the note is said, once
    schema = _feed_schema()
    assert set(data) | {"from_library"} <= set(schema["properties"])
    item = schema["properties"]["items"]["items"]["properties"]
    assert all(set(i) <= set(item) for i in data["items"])
    assert schema["properties"]["note"]["type"] == "string"

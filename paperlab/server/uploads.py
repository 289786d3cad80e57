"""``POST /paperlab/api/lists/{name}/import?filename=FILE``: a researcher's own bibliography file, uploaded from the
side panel's "Import file…", read as :func:`paperlab.load` reads it and added to the reading list ``name``.

The body is the file's bytes. Like every paperlab handler it is authenticated and authorized (``write`` on
``paperlab``; a cookie-authenticated upload needs the XSRF token). The file must be named as a bibliography
(``.bib``, ``.bibtex``, ``.ris``, ``.json``), hold UTF-8 text of at most :data:`MAX_UPLOAD_BYTES`, and read as one
of :data:`BIBLIOGRAPHY_FORMATS`; a file that cannot be read at all is a 400 naming the line, and a file read in part
keeps its good records and names each skipped one in the answer (``skipped``), never a silent zero.
"""

from __future__ import annotations

import re
import tempfile
import warnings
from pathlib import Path
from typing import Any

import tornado.web
from jupyter_server.auth.decorator import authorized

from ..errors import MergedRecordsWarning, ParseError, PartialImportWarning, plural
from ..library import Library
from ..sources import detect_format, load
from .base import API_PREFIX, WARNINGS_LOCK, BaseHandler
from .http_errors import RequestError

__all__ = ["BIBLIOGRAPHY_FORMATS", "IMPORT_ROUTES", "MAX_UPLOAD_BYTES", "ImportHandler", "read_upload"]

#: The largest file the panel may upload (a bibliography of several thousand entries fits).
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
#: The file names accepted, by their ending.
EXTENSIONS = (".bib", ".bibtex", ".ris", ".json")
#: What such a file may read as (the names ``paperlab.load(format=...)`` takes) and what the panel calls it.
BIBLIOGRAPHY_FORMATS = {
    "bibtex": "BibTeX",
    "ris": "RIS",
    "csl": "CSL-JSON",
    "zotero_json": "Zotero JSON",
    "json_list": "JSON list of papers",
    "json": "paperlab JSON",
}
_NAME = re.compile(r"[^/\\\x00-\x1f]{1,200}")


def _checked_name(filename: str) -> str:
    """The uploaded file's name, or a 400 saying what a name must be."""
    name = filename.strip()
    if not _NAME.fullmatch(name) or name in (".", "..") or not name.lower().endswith(EXTENSIONS):
        raise RequestError(
            400,
            "invalid",
            f"query 'filename': expected the name of a .bib, .ris or CSL-JSON .json file, got {filename!r}",
        )
    return name


def _size(n: int) -> str:
    """A size as a user reads it: "10 MiB", "100 bytes"."""
    return f"{n / (1024 * 1024):g} MiB" if n >= 1024 * 1024 else plural(n, "byte")


def _checked_text(name: str, data: bytes) -> str:
    """The file's text: a 413 over the size limit, a 400 for an empty file, a 415 for anything but UTF-8 text."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise RequestError(
            413,
            "too_large",
            f"{name} has {len(data):,} bytes: expected at most {_size(MAX_UPLOAD_BYTES)} "
            "(split it, or import it in a terminal: paperlab import FILE --list NAME)",
        )
    if not data.strip():
        raise RequestError(400, "invalid", f"{name} is empty: expected BibTeX, RIS or CSL-JSON records")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RequestError(
            415,
            "unsupported",
            f"{name}, line {line}: not UTF-8 text (byte {exc.start + 1}); expected a BibTeX, RIS or CSL-JSON file "
            "saved as UTF-8",
        ) from None
    if "\x00" in text:
        raise RequestError(415, "unsupported", f"{name} is a binary file: expected BibTeX, RIS or CSL-JSON text")
    return text


def _as_named(text: str, folder: str, name: str) -> str:
    """A message about the temporary copy, naming the user's file instead."""
    return text.replace(str(Path(folder) / name), name).replace(folder, "")


def _problems(caught: list[warnings.WarningMessage], folder: str, name: str) -> tuple[list[dict], list[str]]:
    """The records skipped (or kept in part), each with where and why, and the other warnings, one line each."""
    problems: list[dict] = []
    said: list[str] = []
    for w in caught:
        if isinstance(w.message, PartialImportWarning) and w.message.problems:
            for p in w.message.problems:
                problems.append(
                    {"where": p.where, "message": _as_named(p.message, folder, name), "skipped": bool(p.skipped)}
                )
        elif isinstance(w.message, MergedRecordsWarning):
            continue  # one work under two entries: merged, said by the count of papers read
        elif issubclass(w.category, UserWarning):
            said.append(_as_named(" ".join(str(w.message).split()), folder, name))
    return problems, said


def read_upload(filename: str, data: bytes) -> tuple[Library, str, list[dict], list[str]]:
    """Read an uploaded bibliography: its papers, what it was read as, its skipped records and other warnings.

    Raises :class:`~paperlab.server.http_errors.RequestError` for a file that is not a bibliography (400 naming the
    line that could not be read, 413, 415).
    """
    name = _checked_name(filename)
    text = _checked_text(name, data)
    with tempfile.TemporaryDirectory(prefix="paperlab-upload-") as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        try:
            fmt = detect_format(path)
            if fmt not in BIBLIOGRAPHY_FORMATS:
                raise RequestError(
                    415,
                    "unsupported",
                    f"{name} reads as {fmt.replace('_', ' ')}, not a bibliography: expected BibTeX, RIS or CSL-JSON "
                    "(import other files in a notebook with paperlab.load, or paperlab import FILE)",
                )
            with WARNINGS_LOCK, warnings.catch_warnings(record=True) as caught:  # another upload or export at once
                warnings.simplefilter("always", UserWarning)
                lib = load(path, format=fmt)
        except ParseError as exc:
            raise RequestError(400, "invalid", _as_named(" ".join(str(exc).split()), folder, name)) from None
        problems, said = _problems(caught, folder, name)
    return lib, BIBLIOGRAPHY_FORMATS[fmt], problems, said


class ImportHandler(BaseHandler):
    """``POST /paperlab/api/lists/{name}/import?filename=FILE``: the file's papers stored and added to the list
    (made when it does not exist yet, as the panel's first add makes it)."""

    @tornado.web.authenticated
    @authorized
    async def post(self, name: str) -> None:
        filename = self.get_query_argument("filename", "")
        data = self.request.body or b""
        lib, read_as, problems, said = await self.call(read_upload, filename, data)
        if not len(lib):
            skipped = "; ".join(f"{p['where']}: {p['message']}" for p in problems[:5])
            raise RequestError(
                400, "invalid", f"{filename.strip()}: no paper could be read" + (f" ({skipped})" if skipped else "")
            )

        def work() -> dict[str, Any]:
            store = self.store
            rl = store.reading_list(name)
            before = set(rl.ids())
            added = list(dict.fromkeys(rl.add(p).paper.id for p in lib))  # each paper stored, merged as a kernel's
            new = [pid for pid in added if pid not in before]
            return {
                "list": rl.name,
                "file": filename.strip(),
                "read_as": read_as,
                "read": len(lib),
                "added": len(new),
                "already": len(added) - len(new),
                "skipped": problems,
                "warnings": said,
                "message": _summary(filename.strip(), rl.name, len(lib), len(new), len(added) - len(new), problems),
            }

        self.reply(await self.call(work), status=201)


def _summary(file: str, list_name: str, read: int, new: int, already: int, problems: list[dict]) -> str:
    """The answer in one sentence: what was read, what the list gained, how many records were skipped."""
    bad = sum(1 for p in problems if p["skipped"])
    there = f", {already} already there" if already else ""
    skipped = f"; {plural(bad, 'record')} skipped" if bad else ""
    return f"{file}: {plural(read, 'paper')} read, {new} added to “{list_name}”{there}{skipped}"


IMPORT_ROUTES: list[tuple[str, type[BaseHandler]]] = [
    (f"{API_PREFIX}/lists/(?P<name>[^/]+)/import", ImportHandler),
]

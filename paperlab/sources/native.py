"""paperlab's own export formats, and reading them back.

=========  ==================================================================  =========
extension  content                                                             read back
=========  ==================================================================  =========
``.json``  ``{"paperlab": 1, "papers": [Paper.to_dict(), ...]}``               lossless
``.jsonl`` one ``Paper.to_dict()`` per line                                    lossless
``.csv``   one row per paper; list fields joined by ``"; "``, ``sources`` and  every field
           ``extra``, ``external_ids`` as JSON
``.md``    markdown cards (:meth:`Paper.to_markdown`), one after another       lossless
``.bib``   BibTeX (:func:`paperlab.sources.bibtex.library_to_bibtex`)          via bibtex
=========  ==================================================================  =========
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import ParseError
from ..library import Library
from ..paper import MIME_TYPE, Paper
from ._files import MAX_DEPTH, check_paper, parse_json, read_records, read_text
from .json_list import _field_of, parse_json_list

__all__ = ["FORMAT_VERSION", "read_native", "save_library"]

FORMAT_VERSION = 1
_WRITE_FORMATS = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".csv": "csv",
    ".bib": "bib",
    ".bibtex": "bib",
    ".md": "md",
    ".markdown": "md",
}
_READ_FORMATS = ("json", "jsonl", "csv", "md")
_FIELDS = [f.name for f in dataclasses.fields(Paper)]
_CSV_LIST_FIELDS = ("authors", "categories", "keywords", "tags")
_CSV_JSON_FIELDS = ("sources", "extra", "external_ids")
_LIST_SEP = "; "
_CARD_RE = re.compile(r"<!-- " + re.escape(MIME_TYPE) + r" (\{.*?\}) -->", re.S)


# -- writing ---------------------------------------------------------------------------


def _format_of(path: Path, format: str | None, allowed: Iterable[str]) -> str:
    allowed = list(allowed)
    if format is not None:
        fmt = {"markdown": "md", "bibtex": "bib", "markdown_cards": "md"}.get(format.lower(), format.lower())
    else:
        fmt = _WRITE_FORMATS.get(path.suffix.lower(), "")
    if fmt not in allowed:
        raise ValueError(
            f"cannot tell the format of {str(path)!r}; expected an extension or format of {', '.join(allowed)}"
        )
    return fmt


def _csv_text(papers: list[Paper]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=_FIELDS, lineterminator="\n")
    writer.writeheader()
    for paper in papers:
        row: dict[str, Any] = {}
        for name, value in paper.to_dict().items():
            if name in _CSV_LIST_FIELDS:
                row[name] = _LIST_SEP.join(value)
            elif name in _CSV_JSON_FIELDS:
                row[name] = json.dumps(value, ensure_ascii=False)
            else:
                row[name] = "" if value is None else value
        writer.writerow(row)
    return buf.getvalue()


def _render(papers: list[Paper], fmt: str) -> str:
    if fmt == "json":
        return (
            json.dumps(
                {"paperlab": FORMAT_VERSION, "papers": [p.to_dict() for p in papers]}, ensure_ascii=False, indent=1
            )
            + "\n"
        )
    if fmt == "jsonl":
        return "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in papers)
    if fmt == "csv":
        return _csv_text(papers)
    if fmt == "md":
        return "\n".join(p.to_markdown() for p in papers)
    from .bibtex import library_to_bibtex

    return library_to_bibtex(papers)


def _write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, then replace: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def save_library(papers: Iterable[Paper], path: str | os.PathLike[str], format: str | None = None) -> Path:
    """Write papers to a file, atomically.

    Parameters
    ----------
    papers : iterable of Paper
        E.g. a :class:`~paperlab.library.Library`.
    path : str or path-like
        Target file; its folder is created if needed.
    format : {"json", "jsonl", "csv", "bib", "md"}, optional
        Default: from the extension (``.json``, ``.jsonl``, ``.csv``, ``.bib``, ``.md``).

    Returns
    -------
    pathlib.Path
        The written file.

    Raises
    ------
    ValueError
        If the format is unknown.
    """
    path = Path(path)
    fmt = _format_of(path, format, ("json", "jsonl", "csv", "bib", "md"))
    items = list(papers)
    for p in items:
        if not isinstance(p, Paper):
            raise TypeError(f"save_library writes Paper objects, not {type(p).__name__}")
    _write_atomic(path, _render(items, fmt))
    return path


# -- reading ---------------------------------------------------------------------------


def _paper(data: Any, where: str) -> Paper:
    """The paper of one exported record (a JSON object)."""
    try:
        return check_paper(Paper.from_dict(data))
    except RecursionError:
        raise ParseError(
            f"expected a paperlab paper object, got data nested more than {MAX_DEPTH} levels deep"
        ) from None


def _card(card: str, where: str) -> Paper:
    try:
        return check_paper(Paper.from_markdown(card))
    except RecursionError:
        raise ParseError(f"expected a paperlab card, got data nested more than {MAX_DEPTH} levels deep") from None


def _json_records(text: str, source: str) -> list[tuple[str, Any]]:
    obj = parse_json(text, source, expected="a paperlab export")
    if isinstance(obj, dict):
        if "papers" not in obj:
            raise ParseError('expected a paperlab export {"paperlab": 1, "papers": [...]}', source=source)
        version = obj.get("paperlab", FORMAT_VERSION)
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise ParseError(
                f"'paperlab' format version {version!r} is not supported; expected {FORMAT_VERSION} or lower",
                source=source,
            )
        items = obj["papers"]
    else:
        items = obj
    if not isinstance(items, list):
        raise ParseError(f"'papers': expected a list of paper objects, got {type(items).__name__}", source=source)
    return [(f"item {i}", item) for i, item in enumerate(items, 1)]


def _jsonl_records(text: str, source: str) -> list[tuple[str, Any]]:
    records: list[tuple[str, Any]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                data = parse_json(line, source, f"line {n}", expected="one paper object per line")
            except ParseError as exc:
                data = ParseError(exc.message)
            records.append((f"line {n}", data))
    return records


def _csv_row(row: dict[str | None, Any], header: list[str], where: str, source: str) -> dict[str, Any]:
    if None in row:  # more cells than header columns
        raise ParseError(f"expected {len(header)} cells, got {len(header) + len(row[None])}")
    data: dict[str, Any] = {}
    for name, cell in row.items():
        if cell is None or cell == "" or name is None:
            continue
        if name in _CSV_LIST_FIELDS:
            data[name] = [s.strip() for s in cell.split(_LIST_SEP.strip()) if s.strip()]
        elif name in _CSV_JSON_FIELDS:
            try:
                data[name] = parse_json(cell, source, where)
            except ParseError as exc:
                raise ParseError(f"field {name!r}: expected JSON ({exc.message}), got {cell[:60]!r}") from None
        else:
            data[name] = cell
    return data


def _written_by_hand(header: list[str]) -> bool:
    """Whether a CSV header is a hand-made list's rather than paperlab's export: its title column or another
    column is named as people write them ("Title", "Authors", "Year", "Journal", "Link"), in any case, by the
    synonyms the home-made JSON reader knows (:func:`.json_list._field_of`)."""
    named = [_field_of(h) for h in header]
    if "title" not in header:
        return "title" in named
    return any(h not in _FIELDS and field for h, field in zip(header, named, strict=True))


def _hand_made_csv(text: str, source: str) -> list[Paper]:
    """A hand-made CSV list of papers, each row read as the home-made JSON reader reads a record."""
    rows = [
        {k: v for k, v in row.items() if k is not None and v not in (None, "")}
        for row in csv.DictReader(io.StringIO(text))
    ]
    return parse_json_list(rows, source)


def _csv_records(text: str, source: str) -> list[tuple[str, Any]]:
    reader = csv.DictReader(io.StringIO(text))
    header = list(reader.fieldnames or [])
    if "title" not in header:
        raise ParseError(
            f"expected a CSV header with a title column ('title', 'Title', 'Paper title'...), got {header}",
            source=source,
            where="line 1",
        )
    unknown = [h for h in header if h not in _FIELDS]
    if unknown:
        raise ParseError(
            f"unknown column(s) {unknown}; expected only paper fields {_FIELDS}", source=source, where="line 1"
        )
    records: list[tuple[str, Any]] = []
    for i, row in enumerate(reader, 1):
        where = f"row {i} (line {reader.line_num})"
        try:
            records.append((where, _csv_row(row, header, where, source)))
        except ParseError as exc:
            records.append((where, exc))
    return records


def _markdown_records(text: str, source: str) -> list[tuple[str, str]]:
    matches = list(_CARD_RE.finditer(text))
    if not matches:
        raise ParseError(
            f"expected paperlab markdown cards (with their '<!-- {MIME_TYPE} ... -->' data comment); found none",
            source=source,
        )
    return [(f"card {i} (line {text.count(chr(10), 0, m.start()) + 1})", m.group(0)) for i, m in enumerate(matches, 1)]


def _sniff(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl", ".csv"):
        return suffix[1:]
    if suffix in (".md", ".markdown") or _CARD_RE.search(text):
        return "md"
    stripped = text.lstrip()
    if stripped.startswith("["):
        return "json"
    if stripped.startswith("{"):
        first = stripped.split("\n", 1)[0]
        try:
            json.loads(first)
            return "jsonl"
        except (ValueError, RecursionError):
            return "json"
    if stripped.split("\n", 1)[0].split(",")[0].strip('"') in _FIELDS:
        return "csv"
    raise ParseError("unrecognised paperlab file; expected .json, .jsonl, .csv or markdown cards", source=str(path))


def read_native(path: str | os.PathLike[str], format: str | None = None) -> list[Paper]:
    """Read papers written by :func:`save_library` (json, jsonl, csv or markdown cards).

    Parameters
    ----------
    path : str or path-like
    format : {"json", "jsonl", "csv", "md"}, optional
        Default: from the extension, else from the content.

    Returns
    -------
    list of Paper

    Raises
    ------
    ParseError
        If the file is unreadable, of no paperlab format, or holds no usable paper.

    Warns
    -----
    PartialImportWarning
        When some records were bad: each is named by ``item N`` (json), ``line N``
        (jsonl), ``row N`` (csv) or ``card N`` (markdown), with the field and what was expected.
    """
    path = Path(path)
    source = str(path)
    text = read_text(path)
    fmt = _format_of(path, format, _READ_FORMATS) if format else _sniff(path, text)
    if fmt == "md":
        return read_records(
            _markdown_records(text, source),
            _card,
            source,
            unreadable="expected a paperlab card ({error})",
            expected="papers",
        )
    if fmt == "csv" and _written_by_hand(next(csv.reader(io.StringIO(text)), [])):
        return _hand_made_csv(text, source)
    records = {"json": _json_records, "jsonl": _jsonl_records, "csv": _csv_records}[fmt](text, source)
    if not records:
        raise ParseError("no papers found; expected at least one paper record", source=source)
    return read_records(
        records, _paper, source, unreadable="expected a paperlab paper object ({error})", expected="papers"
    )


Library.operations.register("save", save_library)  # ``Library.save``

"""The bibliography of a notebook (``%bibliography``): every paper it cites through a paperlab card (a markdown
cell carrying the card's ``application/vnd.paperlab.paper+json`` data) or a ``paperlab.paper("…")`` call in a
code cell, with its reading status, exportable as BibTeX or CSL-JSON.

Code cells are read with :mod:`ast` (IPython magics and shell lines are blanked first); a cell that still does
not parse is searched for ``paper("…")`` calls by pattern. Papers named by a call are looked up in the store
only (never fetched): one the store does not know is listed as such. Every text shown is escaped (HTML table
for Jupyter, markdown for exports).
"""

from __future__ import annotations

import ast
import html
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ParseError, UsageError
from ..library import Library
from ..paper import MIME_TYPE, Paper
from ..store.core import Store, open_store
from ..store.entries import STATUS_LABELS
from ..text import NO_MATH_CLASS, md_escape, plural
from .session import notebook_from_server

__all__ = ["Bibliography", "Cited", "bibliography", "bibliography_magic", "cited_in_notebook", "current_notebook"]

_CARD = re.compile(r"<!-- " + re.escape(MIME_TYPE) + r" (\{.*?\}) -->", re.S)
_CALL = re.compile(r"""\bpaper\(\s*(?:ref\s*=\s*)?(['"])([^'"\n]+)\1\s*\)""")
_SHELL_LINE = re.compile(r"^\s*[%!]")


@dataclass
class Cited:
    """One citation in a notebook: where (1-based cell number), how (``card`` or ``call``), and what."""

    cell: int
    kind: str
    ref: str
    paper: Paper | None = None
    status: str | None = None


def _source(cell: dict[str, Any]) -> str:
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else str(text)


def _calls(code: str) -> list[str]:
    """String arguments of ``paper(...)`` / ``<module>.paper(...)`` calls in Python source."""
    cleaned = "\n".join("" if _SHELL_LINE.match(line) else line for line in code.splitlines())
    try:
        tree = ast.parse(cleaned)
    except SyntaxError:
        return [m.group(2) for m in _CALL.finditer(code)]
    refs = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
        args = node.args or [k.value for k in node.keywords if k.arg == "ref"]
        if name == "paper" and args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
            refs.append(args[0].value)
    return refs


def cited_in_notebook(notebook: dict[str, Any] | str | Path, name: str | None = None) -> list[Cited]:
    """The cards and ``paper(…)`` calls of a notebook (a path or its JSON, named ``name`` in errors), in cell order.

    Raises
    ------
    ParseError
        The file is not a notebook, or a card's data is not a paper (naming the cell).
    """
    where = name or (str(notebook) if not isinstance(notebook, dict) else "<notebook>")
    if not isinstance(notebook, dict):
        try:
            notebook = json.loads(Path(notebook).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ParseError(f"cannot read the notebook: {exc}", source=where) from None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        raise ParseError("expected a Jupyter notebook with a 'cells' list", source=where)
    found: list[Cited] = []
    for n, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict):
            continue
        text = _source(cell)
        if cell.get("cell_type") == "markdown":
            for m in _CARD.finditer(text):
                try:
                    paper = Paper.from_dict(json.loads(m.group(1)))
                except (ValueError, ParseError) as exc:
                    message = f"a paperlab card's data is not a paper: {exc}"
                    raise ParseError(message, source=where, where=f"cell {n}") from None
                found.append(Cited(n, "card", paper.id, paper))
        elif cell.get("cell_type") == "code":
            found += [Cited(n, "call", ref) for ref in _calls(text)]
    return found


def current_notebook(user_ns: dict[str, Any] | None = None) -> Path | None:
    """The notebook this kernel runs for: its current path as the running Jupyter server says (it follows
    renames, see :mod:`paperlab.citations.session`), else the start-up name (``__session__`` or
    ``$JPY_SESSION_NAME``) when that file exists."""
    from_server = notebook_from_server()
    if from_server is not None:
        return from_server
    for value in ((user_ns or {}).get("__session__"), os.environ.get("JPY_SESSION_NAME")):
        if isinstance(value, str) and value.endswith(".ipynb") and Path(value).is_file():
            return Path(value)
    return None


def _which_notebook(user_ns: dict[str, Any] | None) -> str:
    """Why the kernel's own notebook cannot be read, and what to do."""
    for value in ((user_ns or {}).get("__session__"), os.environ.get("JPY_SESSION_NAME")):
        if isinstance(value, str) and value.endswith(".ipynb"):
            return (
                f"{Path(value).name} is not saved yet (or was renamed after the kernel started, and the Jupyter "
                "server did not say its new name): save the notebook and give its path, e.g. "
                "%bibliography my-notebook.ipynb, or use the notebook toolbar's Bibliography button, which reads "
                "unsaved cells"
            )
    return "which notebook? Jupyter did not say; give its path: %bibliography NOTEBOOK.ipynb"


def _status(store: Store, paper: Paper, reading_list: str | None) -> str | None:
    """The reading status of ``paper`` as people read it: "Reading" on ``reading_list``, or, when every list is
    searched, "Reading in list “thesis”" for the first list holding it; None when no list does."""
    names = [reading_list] if reading_list else store.lists()
    for name in names:
        if name in store.lists():
            rl = store.reading_list(name, create=False)
            if paper.id in set(rl.ids()):
                status = rl.entry(paper.id).status
                label = STATUS_LABELS.get(status, status)
                return label if reading_list else f"{label} in list “{name}”"
    return None


@dataclass
class Bibliography:
    """The papers a notebook cites (see the module docs): ``.papers``, ``.to_bibtex()``, ``.to_csl()``."""

    notebook: str
    cited: list[Cited] = field(default_factory=list)

    @property
    def papers(self) -> Library:
        """The cited papers the store or a card knows, one per work, in order of first citation."""
        return Library([c.paper for c in self.cited if c.paper is not None], name=f"bibliography of {self.notebook}")

    @property
    def missing(self) -> list[str]:
        """References of ``paper(…)`` calls the store does not know (run the cell, or fetch them)."""
        return list(dict.fromkeys(c.ref for c in self.cited if c.paper is None))

    def to_bibtex(self) -> str:
        """BibTeX of :attr:`papers`."""
        return self.papers.to_bibtex()

    def to_csl(self) -> list[dict[str, Any]]:
        """CSL-JSON items of :attr:`papers`."""
        return self.papers.to_csl()

    def works(self) -> list[dict[str, Any]]:
        """One dict per cited work, in order of first citation: ``id``, ``title``, ``status`` (None: on no reading
        list), ``cells`` (1-based, where it is cited) and ``paper`` (``Paper.to_dict()``; None: not in the store)."""
        works: dict[str, dict[str, Any]] = {}
        for c in self.cited:
            key = c.paper.id if c.paper else c.ref
            title = c.paper.shown_title if c.paper else f"{c.ref} (not in the store)"
            paper = c.paper.to_dict() if c.paper else None
            work = works.setdefault(key, {"id": key, "title": title, "status": c.status, "cells": [], "paper": paper})
            if c.cell not in work["cells"]:
                work["cells"].append(c.cell)
        return list(works.values())

    def to_dict(self) -> dict[str, Any]:
        """The whole bibliography as JSON (the server's ``Bibliography`` schema): the notebook's name,
        :meth:`works`, :attr:`missing`, and the BibTeX and CSL-JSON exports of the works the store knows."""
        return {
            "notebook": self.notebook,
            "works": self.works(),
            "missing": self.missing,
            "bibtex": self.to_bibtex(),
            "csl": self.to_csl(),
        }

    def _rows(self) -> list[tuple[str, str, str, str]]:
        """(title, id, status, cells) per cited work, as text."""
        return [
            (w["title"], w["id"], w["status"] or "not on a reading list", ", ".join(map(str, w["cells"])))
            for w in self.works()
        ]

    def _repr_html_(self) -> str:
        head = "<tr><th>paper</th><th>id</th><th>reading status</th><th>cells</th></tr>"
        body = "".join("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>" for row in self._rows())
        n = len(self._rows())
        caption = html.escape(f"Bibliography of {self.notebook}: {plural(n, 'work')} cited")
        if not n:
            hint = (
                "Nothing cited yet: a notebook cites a paper through a paperlab card (inserted from the cards or the "
                "side panel) or a <code>paperlab.paper(...)</code> call."
            )
            return f'<div class="{NO_MATH_CLASS}"><b>{caption}</b><p>{hint}</p></div>'
        return f'<table class="{NO_MATH_CLASS}"><caption>{caption}</caption>{head}{body}</table>'

    def _repr_markdown_(self) -> str:
        lines = [f"**Bibliography of {md_escape(self.notebook)}**", ""]
        lines += [f"- {md_escape(t)} (`{i}`), {md_escape(s)}; cells {c}" for t, i, s, c in self._rows()]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"Bibliography({self.notebook!r}, {plural(len(self._rows()), 'work')}, {len(self.missing)} not in the store)"


def bibliography(
    notebook: str | Path | dict[str, Any] | None = None,
    *,
    store: Store | None = None,
    reading_list: str | None = None,
    user_ns: dict[str, Any] | None = None,
    name: str | None = None,
) -> Bibliography:
    """The bibliography of a notebook (default: the kernel's own, see :func:`current_notebook`), named ``name``
    (default: the file's name; ``"<notebook>"`` for notebook JSON).

    Raises
    ------
    UsageError
        No notebook given and Jupyter did not say which notebook this kernel runs for, or ``notebook`` is no
        notebook (a library, say).
    """
    if notebook is None:
        notebook = current_notebook(user_ns)
        if notebook is None:
            raise UsageError(_which_notebook(user_ns))
    elif not isinstance(notebook, (str, Path, dict)):  # bibliography(lib): a library is no notebook
        raise UsageError(
            f"bibliography(): expected a notebook (a .ipynb path or its JSON), got {type(notebook).__name__}; "
            "the papers of a library in a citation format: lib.to_bibtex(), lib.to_csl()"
        )
    name = name or (Path(notebook).name if not isinstance(notebook, dict) else "<notebook>")
    cited = cited_in_notebook(notebook, name=name if isinstance(notebook, dict) else None)
    store = store if store is not None else open_store()
    for c in cited:
        if c.paper is None:
            c.paper = store.get_paper(c.ref)
        if c.paper is not None:
            stored = store.get_paper(c.paper.id) if c.kind == "card" else c.paper
            c.status = _status(store, stored or c.paper, reading_list)
    return Bibliography(name, cited)


def bibliography_magic(
    notebook: str | None,
    *,
    reading_list: str | None = None,
    fmt: str | None = None,
    output: str | None = None,
    user_ns: dict[str, Any] | None = None,
) -> Bibliography | None:
    """What ``%bibliography`` does: the table (returned, so Jupyter shows it), or BibTeX / CSL-JSON (``fmt``)
    printed or written to ``output``."""
    bib = bibliography(notebook, reading_list=reading_list, user_ns=user_ns)
    if fmt is None:
        if output:
            raise UsageError("-o/--output needs --bibtex or --csl")
        return bib
    text = bib.to_bibtex() if fmt == "bibtex" else json.dumps(bib.to_csl(), indent=2, ensure_ascii=False)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        print(f"{plural(len(bib.papers), 'work')} written to {output}")
    else:
        print(text)
    if bib.missing:
        print(f"not in the store (run their cells first): {', '.join(bib.missing)}")
    return None

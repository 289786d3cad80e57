"""paperlab: a literature workbench for JupyterLab.

Import papers from arXiv, Hugging Face, Semantic Scholar, BibTeX and DailyArXiv
digests, keep them in a local library and reading lists, search and compare them.
"""

from __future__ import annotations

from typing import Any

from ._version import __version__
from .errors import FetchError, ParseError, PaperlabError, PartialImportWarning, StoreError
from .library import Library
from .paper import MIME_TYPE, Paper, SourceRecord
from .sources import load

# Names resolved on first use, so `import paperlab` stays light.
_LAZY = {
    "Store": "paperlab.store",
    "ReadingList": "paperlab.store",
    "reading_list": "paperlab.store",
    "paper": "paperlab.store",
    "open_store": "paperlab.store",
}

__all__ = sorted([
    "FetchError",
    "Library",
    "MIME_TYPE",
    "Paper",
    "PaperlabError",
    "ParseError",
    "PartialImportWarning",
    "ReadingList",
    "SourceRecord",
    "Store",
    "StoreError",
    "__version__",
    "load",
    "open_store",
    "paper",
    "reading_list",
])


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'paperlab' has no attribute {name!r}")


def load_ipython_extension(ipython: Any) -> None:
    """`%load_ext paperlab`: register the paperlab magics."""
    from .magics import load_ipython_extension as _load

    _load(ipython)


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    return [{"src": "labextension", "dest": "paperlab"}]


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "paperlab.server"}]

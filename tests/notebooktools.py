"""The notebooks as a user runs them: a copy of one notebook and its data/ folder outside the repository (a
notebook must find its files relative to itself, not by looking for the repository), executed headless."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def copy_notebook(name: str, where: Path) -> Path:
    """``notebooks/<name>`` and ``notebooks/data`` copied into ``where`` (outside the repository); the copy's path."""
    where.mkdir(parents=True, exist_ok=True)
    assert not (where / "pyproject.toml").exists() and NOTEBOOKS.parent not in where.resolve().parents
    shutil.copytree(NOTEBOOKS / "data", where / "data", ignore=shutil.ignore_patterns("__pycache__"))
    return Path(shutil.copy2(NOTEBOOKS / name, where / name))


def run_copy(name: str, where: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Execute a copy of ``notebooks/<name>`` in ``where`` (kernel python3, working folder: the copy's);
    raises CellExecutionError on the first failing cell; the executed notebook."""
    path = copy_notebook(name, where)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(where)}})
    client.execute()
    return nb

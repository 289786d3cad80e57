"""The layers of docs/architecture.md: no import cycle at all, the import-linter contract, and the model's
methods that the layers above implement (paperlab._operations)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

import paperlab
from paperlab import Library, Paper
from paperlab._operations import Operations
from paperlab.errors import NotFound, PaperlabError, UsageError

ROOT = Path(__file__).resolve().parents[1]


def _strongly_connected(graph: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm (iterative): the components with more than one module, i.e. the cycles."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _describe(graph: dict[str, list[str]], component: list[str]) -> str:
    members = set(component)
    lines = [f"cycle between {len(component)} modules:"]
    lines += [f"  {m} -> {', '.join(t for t in graph[m] if t in members)}" for m in component]
    return "\n".join(lines)


def test_no_import_cycle_between_modules():
    """Imports inside functions and under TYPE_CHECKING count (grimp reads every import statement)."""
    g = grimp.build_graph("paperlab", include_external_packages=False, cache_dir=None)
    graph = {m: sorted(g.find_modules_directly_imported_by(m)) for m in g.modules}
    cycles = _strongly_connected(graph)
    assert not cycles, "\n".join(_describe(graph, c) for c in cycles)


def test_cycle_finder_reports_cycles():
    graph = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"], "e": ["e2"], "e2": []}
    assert _strongly_connected(graph) == [["a", "b", "c"]]
    assert "a -> b" in _describe(graph, ["a", "b", "c"])


@pytest.mark.skipif(shutil.which("lint-imports") is None, reason="import-linter is not installed")
def test_import_linter_contracts_are_kept():
    run = subprocess.run(["lint-imports", "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


# -- operations: declared by the model, implemented by the layers above ------------------------------
def _fresh(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_import_paperlab_imports_no_layer_that_implements_model_methods():
    code = (
        "import sys, paperlab; print(sorted(m for m in ('paperlab.search', 'paperlab.widget', "
        "'paperlab.sources.bibtex', 'paperlab.sources.native', 'paperlab.sources.dailyarxiv', 'numpy', "
        "'sklearn', 'torch') if m in sys.modules))"
    )
    assert _fresh(code) == "[]"


def test_model_methods_work_when_only_the_model_module_is_imported():
    code = (
        "from paperlab.library import Library; from paperlab.paper import Paper\n"
        "lib = Library([Paper('Attention is all you need', arxiv_id='1706.03762', authors=['A. Vaswani'])])\n"
        "print(lib.to_bibtex().startswith('@') and lib[0].to_bibtex().startswith('@'))\n"
        "print(len(lib.search('attention', k=1, mode='lexical')))"
    )
    assert _fresh(code).split() == ["True", "1"]


def test_every_library_operation_has_a_provider():
    lib = Library([Paper("Attention is all you need", arxiv_id="1706.03762")])
    for name in sorted(Library.operations.names):
        assert callable(Library.operations.get(name)), name  # type: ignore[arg-type]
    assert callable(Paper.operations.get("to_bibtex"))
    assert lib.to_markdown()


def test_operations_registry():
    ops: Operations[str] = Operations("Thing", ["shout", "lazy"])
    ops.register("shout", str.upper)
    assert ops.get("shout")("hi") == "HI"
    with pytest.raises(ValueError, match="no operation 'whisper'"):
        ops.register("whisper", str.lower)
    with pytest.raises(NotImplementedError, match="Thing.lazy"):
        ops.get("lazy")
    loaded = []

    def loader() -> None:
        loaded.append(True)
        ops.register("lazy", str.title)

    ops.provide(["lazy"], loader)
    assert "lazy" not in ops
    assert ops.get("lazy")("a b") == "A B" and ops.get("lazy")("c") == "C"
    assert loaded == [True]  # the loader runs once, on first use


# -- front ends raise paperlab's typed errors --------------------------------------------------------
def test_cli_error_is_a_usage_error():
    from paperlab.cli import CliError, main

    assert issubclass(CliError, UsageError) and issubclass(CliError, PaperlabError)
    assert main(["fetch", "arxiv"]) == 2  # a usage error: exit status 2, like argparse's own


def test_magics_raise_typed_errors():
    from paperlab.magics import _library_from_source

    with pytest.raises(UsageError, match="needs a QUERY"):
        _library_from_source("arxiv", "", None)
    with pytest.raises(NotFound, match="no reading list named 'nope'"):
        _library_from_source("list:nope", "", None)


def test_no_module_imports_the_package_itself():
    g = grimp.build_graph("paperlab", include_external_packages=False, cache_dir=None)
    assert g.find_modules_that_directly_import("paperlab") == set()
    assert paperlab.__name__ == "paperlab"

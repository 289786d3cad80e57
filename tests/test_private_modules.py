"""A package's private modules (``_http``, ``_mentions``, ...) are its own: a module outside the package imports what
the package makes public (``from paperlab.sources import HttpClient, find_papers``), never its private module."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "paperlab"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(path: Path, tree: ast.AST) -> list[tuple[int, str]]:
    """The modules (and imported names) a module's imports name, as absolute dotted names, with their lines."""
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            found += [(node.lineno, target)] + [(node.lineno, f"{target}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return found


def _private_imports(path: Path, source: str) -> list[str]:
    """The private modules of another package that ``source`` (the module at ``path``) imports."""
    here = _module_name(path)
    out = []
    for line, name in _imported(path, ast.parse(source)):
        parts = name.split(".")
        for i, part in enumerate(parts[1:], 1):
            if not part.startswith("_") or part.startswith("__"):
                continue
            owner, private = ".".join(parts[:i]), ROOT.joinpath(*parts[: i + 1])
            inside = here == owner or here.startswith(owner + ".")
            if not inside and (private.with_suffix(".py").is_file() or private.is_dir()):
                out.append(f"{here}:{line} imports {'.'.join(parts[: i + 1])}")
            break
    return list(dict.fromkeys(out))


def test_no_module_imports_another_packages_private_module() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += _private_imports(path, path.read_text(encoding="utf-8"))
    assert not found, "\n".join(found)


def test_the_check_finds_private_imports_and_allows_the_packages_own() -> None:
    reading = PACKAGE / "services" / "sessions" / "reading.py"
    assert _private_imports(reading, "from ...sources._mentions import find_papers\n") == [
        "paperlab.services.sessions.reading:1 imports paperlab.sources._mentions"
    ]
    assert _private_imports(reading, "import paperlab.sources._http\n") == [
        "paperlab.services.sessions.reading:1 imports paperlab.sources._http"
    ]
    assert _private_imports(reading, "from ...sources import find_papers\n") == []
    own = PACKAGE / "sources" / "__init__.py"
    assert _private_imports(own, "from ._mentions import find_papers\n") == []
    assert _private_imports(PACKAGE / "sources" / "ris.py", "from ._names import names_given_first\n") == []
    # the package's version and operations modules are top-level, owned by paperlab itself
    assert _private_imports(PACKAGE / "cli" / "__init__.py", "from .._version import __version__\n") == []


def test_the_private_modules_used_above_are_reachable_from_the_package() -> None:
    import paperlab.sources as sources
    from paperlab.sources._http import HttpClient
    from paperlab.sources._mentions import find_papers
    from paperlab.sources._schedule_cells import parse_day

    assert sources.HttpClient is HttpClient and sources.find_papers is find_papers and sources.parse_day is parse_day
    assert set(sources._LAZY) <= set(sources.__all__)

"""The public API: `paperlab.__all__` is sorted, complete, and every name resolves (httpx-style check)."""

from __future__ import annotations

import subprocess
import sys

import paperlab


def test_all_is_sorted_and_unique():
    assert paperlab.__all__ == sorted(set(paperlab.__all__))


def test_every_exported_name_resolves_and_is_documented():
    for name in paperlab.__all__:
        value = getattr(paperlab, name)
        if name != "__version__" and not isinstance(value, str):
            assert value.__doc__, f"paperlab.{name} has no docstring"


def test_public_names_of_the_top_level_module_are_exported():
    public = {n for n in vars(paperlab) if not n.startswith("_")}
    submodules = {n for n in public if type(getattr(paperlab, n)).__name__ == "module"}
    assert public - submodules - set(paperlab.__all__) <= {"annotations", "load_ipython_extension", "Any"}


def test_paper_is_the_resolver_function_not_the_submodule():
    import paperlab.paper  # noqa: F401  (importing the submodule must not shadow the function)

    assert callable(paperlab.paper) and paperlab.paper.__module__ == "paperlab"


def test_import_is_light():
    code = "import sys, paperlab; heavy = [m for m in ('torch', 'sentence_transformers', 'pandas', 'jupyter_server', 'sklearn') if m in sys.modules]; print(heavy)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

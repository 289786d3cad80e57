"""paperlab.comparison: the compare code as a package along its seams, reached through ``paperlab.compare``."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import paperlab
import paperlab.comparison

COMPARE = importlib.import_module("paperlab.compare")  # the module; ``paperlab.compare`` is the function
PACKAGE = Path(paperlab.comparison.__file__).parent
MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")


def test_public_names_are_the_same_through_both_paths() -> None:
    assert COMPARE.__all__ == sorted(COMPARE.__all__) == paperlab.comparison.__all__
    for name in COMPARE.__all__:
        assert getattr(COMPARE, name) is getattr(paperlab.comparison, name), name


def test_importing_submodules_does_not_shadow_the_compare_function() -> None:
    for name in MODULES:
        importlib.import_module(f"paperlab.comparison.{name}")
    importlib.import_module("paperlab.compare")
    assert callable(paperlab.compare) and paperlab.compare.__module__ == "paperlab.comparison.views"
    assert paperlab.leaderboard.__module__ == "paperlab.comparison.views"
    assert sys.modules["paperlab.compare"].extract_results is paperlab.comparison.extract_results


def test_every_module_is_small() -> None:
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.glob("*.py")}
    assert max(sizes.values()) < 600, sizes
    assert len(Path(COMPARE.__file__).read_text(encoding="utf-8").splitlines()) < 60


def test_importing_compare_stays_light() -> None:
    code = "import sys, paperlab.compare; print([m for m in ('pandas', 'lxml') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_accessor_registers_once_and_only_on_paperlab_frames() -> None:
    import pandas as pd
    import pytest

    from paperlab import Paper
    from paperlab.comparison.render import PaperlabAccessor

    df = paperlab.compare([Paper("A paper", comment="Accepted at ICLR 2025")])
    assert isinstance(df.paperlab, PaperlabAccessor) and df.paperlab.kind == "compare"
    paperlab.compare([Paper("Another paper")])  # a second call registers nothing again
    with pytest.raises(AttributeError, match="paperlab.compare"):
        _ = pd.DataFrame({"a": [1]}).paperlab

"""Where the shared seeds and fixtures live (../shared beside the repo, or $PAPERLAB_SHARED).

A plain module rather than conftest names: pytest replaces the module called ``conftest`` with
tests/browser/conftest.py once that is collected.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PAPERLAB_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
FIXTURES = SHARED / "fixtures"
ARTIFACTS = ROOT / "test-artifacts"

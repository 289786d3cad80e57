"""Where test inputs live.

- ``DATA``: ``tests/data``, small files written by us that reproduce the quirks of every format we import.
- ``REALDATA``: the recorded real corpus (a folder holding ``fixtures/`` and ``seeds/``), named by the
  ``PAPERLAB_REALDATA`` environment variable. Tests that read it carry ``@pytest.mark.realdata`` and are
  skipped, with the reason, when it is absent (``PAPERLAB_REQUIRE_REALDATA=1`` turns that into a failure;
  only ``.ci/run`` sets it).

A plain module rather than conftest names: pytest replaces the module called ``conftest`` with
tests/browser/conftest.py once that is collected.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
ARTIFACTS = ROOT / "test-artifacts"

_REALDATA_ENV = os.environ.get("PAPERLAB_REALDATA", "").strip()
#: The real corpus, or a path that does not exist (so module-level constants can still be built from it).
REALDATA = Path(_REALDATA_ENV).expanduser().resolve() if _REALDATA_ENV else Path("PAPERLAB_REALDATA-is-not-set")
SEEDS = REALDATA / "seeds"
FIXTURES = REALDATA / "fixtures"
REQUIRE_REALDATA = os.environ.get("PAPERLAB_REQUIRE_REALDATA", "") not in ("", "0")


def realdata_missing() -> str | None:
    """Why the real corpus cannot be used, or None when it is there."""
    if not _REALDATA_ENV:
        return "needs the recorded real corpus: set PAPERLAB_REALDATA to a folder holding fixtures/ and seeds/"
    missing = [name for name in ("fixtures", "seeds") if not (REALDATA / name).is_dir()]
    if missing:
        return f"needs the recorded real corpus: PAPERLAB_REALDATA={REALDATA} has no {' or '.join(missing)}/ folder"
    return None

"""The cards' display stopwords (js/src/widget/highlight.ts) are the kernel's: a word the search ignores is never marked."""

from __future__ import annotations

import re
from pathlib import Path

from bm25s.stopwords import STOPWORDS_EN

from paperlab.search.ranking import QUERY_STOP

HIGHLIGHT_TS = Path(__file__).resolve().parents[1] / "js" / "src" / "widget" / "highlight.ts"


def test_display_stopwords_equal_the_kernels() -> None:
    source = HIGHLIGHT_TS.read_text(encoding="utf-8")
    found = re.search(r"export const STOPWORDS = new Set\(\s*`([^`]*)`", source)
    assert found, f"{HIGHLIGHT_TS}: no STOPWORDS list"
    shown = set(found.group(1).split())
    kernel = set(STOPWORDS_EN) | set(QUERY_STOP)
    assert shown == kernel, (
        f"only in highlight.ts: {sorted(shown - kernel)}; only in the kernel: {sorted(kernel - shown)}"
    )

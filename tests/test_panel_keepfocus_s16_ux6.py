"""Which keys are the user's own move of focus away from a note being typed (js/src/common/keepfocus.ts
``movesFocus``), run in Node: Tab, Escape, function keys and any key with Ctrl/Alt/Meta (a shortcut) are; letters,
Enter, arrows and Backspace edit the note and are not, so a focus change right after them is taken back (the
Launcher JupyterLab activates while a note is typed). Skips without Node or the js/ dev dependencies."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_js_common import ESBUILD, NODE, bundle, call

pytestmark = pytest.mark.skipif(
    NODE is None or not ESBUILD.exists(), reason="needs Node and the js/ dev dependencies (jlpm install)"
)


def _key(key: str, ctrl: bool = False, alt: bool = False, meta: bool = False) -> dict[str, object]:
    return {"key": key, "ctrlKey": ctrl, "altKey": alt, "metaKey": meta}


@pytest.fixture(scope="module")
def focus_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bundle("src/common/keepfocus.ts", tmp_path_factory.mktemp("js"))


def test_keys_that_move_focus_and_keys_that_type(focus_module: Path) -> None:
    moving = [_key("Tab"), _key("Escape"), _key("F5"), _key("y", ctrl=True), _key("ArrowLeft", alt=True)]
    typing = [_key("a"), _key(" "), _key("Enter"), _key("ArrowLeft"), _key("Backspace"), _key("Ü"), _key("Shift")]
    assert call(focus_module, "movesFocus", *([k] for k in moving)) == [True] * len(moving)
    assert call(focus_module, "movesFocus", *([k] for k in typing)) == [False] * len(typing)
    assert call(focus_module, "movesFocus", [_key("c", meta=True)]) == [True]

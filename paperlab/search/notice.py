"""A note shown while something slow runs once (the search model's one-time ONNX export), gone when it ends.

In a Jupyter kernel the note is a display output with a display id, emptied when the block ends: the user sees
it while waiting, and the saved notebook keeps no red stderr block under the cards. Anywhere else (the command
line, a script, a terminal IPython) it is one line on standard error, as before.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["transient_note"]


def _kernel_shell() -> Any:
    """The running IPython kernel's shell, or None (not imported here when nothing imported IPython)."""
    if "IPython" not in sys.modules:
        return None
    from IPython import get_ipython

    shell = get_ipython()
    return shell if shell is not None and getattr(shell, "kernel", None) is not None else None


@contextmanager
def transient_note(text: str) -> Iterator[None]:
    """Show ``text`` while the block runs: in a kernel as a display output emptied at the end (also when the block
    fails), elsewhere as ``paperlab: <text>`` on standard error."""
    if _kernel_shell() is None:
        print(f"paperlab: {text}", file=sys.stderr)
        yield
        return
    from IPython.display import display

    handle = display({"text/plain": f"paperlab: {text}"}, raw=True, display_id=True)
    try:
        yield
    finally:
        if handle is not None:
            handle.update({"text/plain": ""}, raw=True)

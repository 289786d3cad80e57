"""Building the search model in the background leaves the user's warnings alone.

The first search exports the packaged MiniLM to ONNX, often on the background embedding thread while the user goes
on working. The export's notes were silenced with ``warnings.catch_warnings``, which saves and restores the whole
process's warning state: when the user's code recorded warnings meanwhile (``paperlab.load`` does, so does
``pytest.warns``), the thread's exit restored its own state over the user's — the user's warning went unrecorded
(a PartialImportWarning lost: the flake of ``tests/test_native.py`` in session 22) and an "ignore every warning"
filter stayed behind for the rest of the session. The race is driven step by step here with events, no timing.
"""

from __future__ import annotations

import logging
import threading
import warnings

from paperlab.search.onnx import quiet_build


def _blanket_ignore() -> bool:
    return any(f[0] == "ignore" and f[1] is None and f[2] is Warning and f[3] is None for f in warnings.filters)


def test_a_build_on_another_thread_neither_swallows_the_users_warning_nor_leaves_warnings_off() -> None:
    entered, user_recording, left = threading.Event(), threading.Event(), threading.Event()

    def build() -> None:
        with quiet_build():
            entered.set()
            user_recording.wait(10)
        left.set()

    with warnings.catch_warnings():  # the test process's own state, whatever happens below
        assert not _blanket_ignore()
        worker = threading.Thread(target=build)
        worker.start()
        assert entered.wait(10)
        with warnings.catch_warnings(record=True) as caught:  # the user's code, recording what it reads
            warnings.simplefilter("always")
            user_recording.set()
            assert left.wait(10)  # the build ended while the user's code was still recording
            warnings.warn("lib.bib: kept 9 records, skipped 1 bad one", UserWarning, stacklevel=1)
        worker.join(10)
        assert [str(w.message) for w in caught] == ["lib.bib: kept 9 records, skipped 1 bad one"]
        assert not _blanket_ignore(), "a background build left every warning of the session switched off"


def test_a_build_on_another_thread_keeps_the_root_loggers_level_and_drops_only_the_quantizers_advice() -> None:
    root = logging.getLogger()
    level = root.level
    seen: list[int] = []

    def build() -> None:
        with quiet_build():
            seen.append(root.level)

    worker = threading.Thread(target=build)
    worker.start()
    worker.join(10)
    assert seen == [level] and root.level == level  # the user's logging is not turned down meanwhile
    advice = logging.LogRecord(
        "root", logging.WARNING, "/x/onnxruntime/quantization/quantize.py", 1, "pre-process", (), None
    )
    mine = logging.LogRecord("root", logging.WARNING, "analysis.py", 1, "my own warning", (), None)
    assert not root.filter(advice)
    assert root.filter(mine)


def test_on_the_main_thread_the_build_is_silent_and_restores_everything() -> None:
    root = logging.getLogger()
    level, filters = root.level, list(warnings.filters)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with quiet_build():
            warnings.warn_explicit("trace may be wrong", UserWarning, "masking_utils.py", 1, module="transformers.x")
            assert root.level == logging.ERROR
        warnings.warn("after the build", UserWarning, stacklevel=1)
    assert [str(w.message) for w in caught] == ["after the build"]
    assert root.level == level and warnings.filters == filters

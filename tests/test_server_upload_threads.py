"""Two uploads read side by side on the server's store pool each report their own skipped records.

``warnings.catch_warnings`` swaps the process's warning state. The store pool runs four handlers at once: when one
upload's recording began while another's was open and the other ended first, the other's exit restored its state
over the first's recorder, and the first upload answered "nothing skipped" for a file with a bad record. The
interleaving is driven with events (each wait has a generous bound so a serialised run goes on; nothing is timed).
"""

from __future__ import annotations

import threading
from typing import Any

import pytest

import paperlab.server.uploads as uploads

GOOD = "@article{lind2019,\n  title = {Moss on Old Servers},\n  author = {Lind, Oskar},\n  year = {2019}\n}\n"
PARTIAL = GOOD + "\n@article{untitled2022,\n  author = {Ferro, Lin},\n  year = {2022}\n}\n"


def test_an_upload_read_while_another_ends_still_names_its_skipped_record(monkeypatch: pytest.MonkeyPatch) -> None:
    real_load = uploads.load
    first_inside, second_inside, first_done = threading.Event(), threading.Event(), threading.Event()

    def load(path: Any, **kw: Any) -> Any:
        if str(path).endswith("first.bib"):  # holds its recording open until the second has begun (or can't)
            first_inside.set()
            second_inside.wait(3)
        else:
            second_inside.set()
            first_done.wait(3)  # the first ends while this one is recording
        return real_load(path, **kw)

    monkeypatch.setattr(uploads, "load", load)
    answers: dict[str, Any] = {}

    def first() -> None:
        answers["first"] = uploads.read_upload("first.bib", GOOD.encode())
        first_done.set()

    worker = threading.Thread(target=first)
    worker.start()
    assert first_inside.wait(10)
    lib, read_as, problems, said = uploads.read_upload("second.bib", PARTIAL.encode())
    worker.join(10)
    assert len(lib) == 1 and read_as == "BibTeX"
    assert [(p["where"], p["skipped"]) for p in problems] == [("entry 'untitled2022', line 7", True)]
    assert len(answers["first"][0]) == 1 and answers["first"][2] == []

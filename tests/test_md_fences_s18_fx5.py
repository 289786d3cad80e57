"""Session 18 (FX5): fenced BibTeX blocks in markdown pages (the review RV18's H2 and M5), on our own small pages:

* a Windows-written page (CRLF line ends) closes its fences: its fenced BibTeX entry is read, and a page of many
  code blocks loads as fast as its LF twin (an unclosed fence was scanned to the end from every opener before);
* an entry of a fenced block the BibTeX reader cannot read is named, with its line in the page, in the import's
  warning, the good entries kept.
"""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import PartialImportWarning

_BLOCK = (
    "# Related work\n\n"
    "```bibtex\n"
    "@article{good1,\n  title = {Sparse Widget Routing at Scale},\n  author = {Quill, Ada},\n  year = {2021}\n}\n"
    "@article{bad2,\n  title = {Counting Gadgets Without Labels,\n  author = {Dale, Bo},\n  year = {2021}\n}\n"
    "@article{good3,\n  title = {Lanterns in the Fog},\n  author = {Renn, Cy},\n  year = {2020}\n}\n"
    "```\n"
)


def test_a_crlf_page_closes_its_fences_and_reads_the_fenced_entry(tmp_path: Path) -> None:
    text = "# Notes\n\n```bibtex\n@article{q21, title = {Sparse Widget Routing}, author = {Quill, Ada}, year = 2021}\n```\n"
    path = tmp_path / "notes.md"
    path.write_bytes(text.replace("\n", "\r\n").encode())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = list(paperlab.load(path))
    assert [(p.title, [str(a) for a in p.authors], p.year) for p in papers] == [
        ("Sparse Widget Routing", ["Ada Quill"], 2021)
    ]


def test_many_code_blocks_in_a_crlf_page_load_as_fast_as_in_an_lf_page(tmp_path: Path) -> None:
    steps = "".join(f"## Step {i}\n\n```python\nx = {i}\nprint(x)\n```\n\n" for i in range(1500))
    text = "# Notes\n\n" + steps + "See arXiv:2101.00001 for the method.\n"
    timings = []
    for name, data in (("lf.md", text), ("crlf.md", text.replace("\n", "\r\n"))):
        path = tmp_path / name
        path.write_bytes(data.encode())
        start = time.process_time()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            papers = list(paperlab.load(path))
        timings.append(time.process_time() - start)
        assert [p.arxiv_id for p in papers] == ["2101.00001"]
    assert timings[1] < 3 * timings[0] + 0.5, timings  # 1500 blocks took ~15 s as CRLF, <1 s as LF, before


def test_unclosed_fence_openers_cost_one_pass(tmp_path: Path) -> None:
    path = tmp_path / "open.md"
    path.write_text("# Notes\n\n" + "".join(f"```x\n@article{{k{i},\n" for i in range(6000)), encoding="utf-8")
    start = time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(paperlab.ParseError):
            paperlab.load(path)
    assert time.process_time() - start < 5  # ~25 s before: every opener's lazy body ran to the end of the page


def test_a_broken_fenced_entry_is_named_with_its_line_and_the_good_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "related.md"
    path.write_text(_BLOCK, encoding="utf-8")
    with pytest.warns(PartialImportWarning) as said:
        papers = list(paperlab.load(path))
    assert [(p.title, [str(a) for a in p.authors]) for p in papers] == [
        ("Sparse Widget Routing at Scale", ["Ada Quill"]),
        ("Lanterns in the Fog", ["Cy Renn"]),
    ]
    problems = [p for w in said if isinstance(w.message, PartialImportWarning) for p in w.message.problems]
    assert [(p.where, p.skipped) for p in problems] == [("entry 'bad2', line 9", True)]
    assert "skipped 1 bad one" in str(said[0].message)

"""Importers on real files nobody tuned them for: BibTeX, RIS, CSL-JSON (and OpenAlex / Semantic Scholar JSON).

Takes a folder of files (real exports from reference managers, databases and web sites, gathered by hand and
kept outside the repository; see the "Importers on unseen real files" section of benchmarks/README.md for the
sources) and reports, per file:

* the format :func:`paperlab.sources.detect_format` gives it and the records its reader returns;
* the records the reader skipped, with the text of its :class:`~paperlab.errors.PartialImportWarning`, or the
  :class:`~paperlab.errors.ParseError` that refused the whole file;
* any other exception (from the reader or from :func:`paperlab.load`, which also merges): these are bugs;
* an independent count of the records in the file, by a regular expression that knows nothing of paperlab
  (``@type{`` entries other than ``@string``/``@comment``/``@preamble``; ``TY  -`` lines, or bare ``ER`` lines
  if more; the length of a JSON array, of OpenAlex ``results`` or of an object keyed by id), to compare with
  what was read;
* field checks on every paper read: an empty title, a DOI that is not one, a year outside 1450..next year,
  LaTeX or markup left in the readable title (``shown_title``), authors that are not one person each (a name
  holding ``" and "``, ``;``, several commas or six long words run together, a comma (not "Given Family"
  order), digits, or over 60 characters).

A file is *clean* when nothing raised but ParseError/PartialImportWarning, every record the independent count
sees was read or skipped by name, no more papers were read than it sees, and no field check failed. ``--expect FILE`` (JSON: file name -> {"records": n,
"skipped": n, "error": true}) replaces the independent count by what a person decided each file holds.

Usage::

    python benchmarks/bench_import_sweep.py /tmp/sweep/import/dev
    python benchmarks/bench_import_sweep.py /tmp/sweep/import/dev --details      # one line per problem
    PYTHONPATH=/tmp/sweep/base5c python benchmarks/bench_import_sweep.py /tmp/sweep/import/test   # a baseline

The table gives, per format, the files, clean files, records read / independently counted, records skipped
with a reason, records missing without one, field-check failures and bugs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import re
import sys
import traceback
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# -- independent counts ---------------------------------------------------------------------

_BIB_ENTRY = re.compile(r"(?m)^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(]")
_NOT_ENTRIES = {"string", "comment", "preamble"}
_RIS_START = re.compile(r"(?m)^\ufeff?TY {1,2}-")
_RECORD_END = re.compile(r"(?m)^ER(?: {1,2}-)?[ \t]*$")


def count_bibtex(text: str) -> int:
    """``@type{`` / ``@type(`` at the start of a line, other than @string, @comment and @preamble."""
    return sum(m.group(1).lower() not in _NOT_ENTRIES for m in _BIB_ENTRY.finditer(text))


def count_ris(text: str) -> int:
    """``TY  -`` lines (one or two spaces before the hyphen), or ``ER`` lines if more (a file of tagged records
    in another layout, such as a Web of Science export saved as ``.ris``)."""
    return max(len(_RIS_START.findall(text)), len(_RECORD_END.findall(text)))


def count_json(text: str) -> int | None:
    """Items of a JSON array, of OpenAlex/S2 ``results``/``data`` or Zotero ``items``, or of an object keyed by id;
    None if not JSON."""
    try:
        obj = json.loads(text)
    except ValueError:
        return None
    if isinstance(obj, list):
        return len(obj)
    if isinstance(obj, dict):
        for key in ("results", "data", "items"):
            if isinstance(obj.get(key), list):
                return len(obj[key])
        if obj and all(isinstance(v, dict) for v in obj.values()) and "title" not in obj:
            return len(obj)
        return 1
    return None


def independent_count(path: Path) -> int | None:
    """Records in ``path`` by the counting rule of its extension (None when no rule applies)."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    suffix = path.suffix.lower()
    if suffix in (".bib", ".bibtex"):
        return count_bibtex(text)
    if suffix in (".ris", ".txt"):  # .txt: Web of Science plain text, counted by its ER lines
        return count_ris(text)
    if suffix == ".json":
        return count_json(text)
    return None


# -- field checks -------------------------------------------------------------------------

_DOI = re.compile(r"10\.\d{4,9}/\S+|10/[a-z0-9]+", re.I)
_LEFT_LATEX = re.compile(r"\\[A-Za-z]+|[{}]|\$|</?[a-z]+[ >/]|\\[\\'\"`^~]")


# a word that makes a name with "and" in it one body ("Department of Health and Human Services", "National Oceanic
# and Atmospheric Administration"): the checker's own list, independent of the readers' organisation rules
_BODY_WORDS = re.compile(
    r"(?i)\b(?:department|administration|agency|ministry|office|services|council|commission|association|society|"
    r"institutes?|foundation|bureau|authority|organi[sz]ation|board|committee|academy|center|centre|laborator(?:y|ies))\b"
)


def author_problem(name: str) -> str | None:
    """Why ``name`` is not one person's name, or None (an organisation's name is one author)."""
    body = bool(_BODY_WORDS.search(name)) and "," not in name
    if ";" in name or " and " in f" {name} " and not body:
        return "several names in one"
    if name.count(",") >= 2:
        return "several names in one (commas)"
    if "," in name:
        return "not in 'Given Family' order"
    if len(name.split()) >= 6 and sum(len(w) > 2 for w in name.split()) >= 3 and not body:
        return "six or more words: several names run together?"
    if len(name) > 60:
        return "over 60 characters"
    if re.search(r"\d", name):
        return "digits in a name"
    if _LEFT_LATEX.search(name):
        return "LaTeX left in a name"
    return None


def paper_problems(paper: Any, next_year: int) -> list[str]:
    """Field-check failures of one paper (text naming the field)."""
    out = []
    shown = getattr(paper, "shown_title", None) or paper.title
    if not shown.strip():
        out.append("empty title")
    elif _LEFT_LATEX.search(shown):
        out.append(f"LaTeX/markup left in title: {shown[:80]!r}")
    if paper.doi and not _DOI.fullmatch(paper.doi):
        out.append(f"not a DOI: {paper.doi[:60]!r}")
    if paper.published is not None and not 1450 <= paper.published.year <= next_year:
        out.append(f"implausible year {paper.published.year}")
    for name in paper.authors:
        why = author_problem(name)
        if why:
            out.append(f"author {name[:60]!r}: {why}")
    return out


# -- running one file ---------------------------------------------------------------------


@dataclass
class FileResult:
    name: str
    fmt: str
    detected: str = "?"
    read: int = 0
    skipped: int = 0
    counted: int | None = None
    refused: str | None = None
    warnings: list[str] = field(default_factory=list)
    bugs: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def missing(self) -> int:
        """Records the independent count sees that were neither read nor skipped with a reason."""
        if self.counted is None or self.refused:
            return 0
        return max(self.counted - self.read - self.skipped, 0)

    @property
    def surplus(self) -> int:
        """Papers read beyond the records the independent count sees: text read as records it is not (a Web of
        Science export taken for a saved web page)."""
        return max(self.read - self.counted, 0) if self.counted is not None else 0

    @property
    def clean(self) -> bool:
        bad = self.bugs or self.problems or self.missing or self.surplus
        return not bad and not (self.refused and self.counted)


def _skipped_count(caught: list[warnings.WarningMessage]) -> tuple[int, list[str]]:
    from paperlab.errors import PartialImportWarning

    n, texts = 0, []
    for w in caught:
        if isinstance(w.message, PartialImportWarning):
            problems = getattr(w.message, "problems", None) or []
            n += len(problems)
            texts.append(" ".join(str(w.message).split())[:300])
    return n, texts


def _read(path: Path, result: FileResult) -> list[Any]:
    """Detect and read ``path`` with the reader paperlab picks, filling ``result``; the papers read."""
    from paperlab.errors import ParseError
    from paperlab.sources import FORMATS, detect_format

    try:
        result.detected = detect_format(path)
        module, func = FORMATS[result.detected]
        reader = getattr(importlib.import_module(f"paperlab.sources.{module}"), func)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            papers = list(reader(path))
    except ParseError as exc:
        result.refused = " ".join(str(exc).split())[:300]
        return []
    except Exception as exc:  # anything else is a bug
        result.bugs.append(f"reader: {type(exc).__name__}: {exc}"[:300] + _where(exc))
        return []
    result.read = len(papers)
    result.skipped, result.warnings = _skipped_count(caught)
    return papers


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    return f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""


def check_file(path: Path, fmt: str, expect: dict[str, Any] | None) -> FileResult:
    """Read ``path`` as paperlab would and run the checks."""
    import paperlab
    from paperlab.errors import ParseError

    result = FileResult(path.name, fmt)
    result.counted = independent_count(path) if expect is None else expect.get("records", 0) + expect.get("skipped", 0)
    papers = _read(path, result)
    next_year = dt.date.today().year + 1
    for paper in papers:
        result.problems += [f"{paper.title[:50]!r}: {p}" for p in paper_problems(paper, next_year)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            paperlab.load(path)
        except ParseError:
            pass
        except Exception as exc:
            result.bugs.append(f"load: {type(exc).__name__}: {exc}"[:300] + _where(exc))
    if expect is not None and expect.get("error") and result.refused:
        result.counted = 0  # a file a person judged unreadable, refused with a clear error: as expected
    return result


def _format_of(path: Path) -> str:
    """The format a file is meant to be in, from the sweep's folder naming (``bibtex__…``) or its extension."""
    head = path.name.split("__", 1)[0]
    if head in ("bibtex", "ris", "csl", "json"):
        return head
    return {".bib": "bibtex", ".ris": "ris", ".json": "json"}.get(path.suffix.lower(), "other")


# -- report -------------------------------------------------------------------------------


def summarise(results: list[FileResult]) -> list[dict[str, Any]]:
    """One row per format and a total row."""
    rows: dict[str, dict[str, Any]] = defaultdict(lambda: defaultdict(int))
    for r in results:
        for key in (r.fmt, "all"):
            row = rows[key]
            row["files"] += 1
            row["clean"] += r.clean
            row["read"] += r.read
            row["counted"] += r.counted or 0
            row["skipped"] += r.skipped
            row["missing"] += r.missing
            row["refused"] += bool(r.refused)
            row["problems"] += len(r.problems)
            row["bugs"] += len(r.bugs)
    order = [k for k in ("bibtex", "ris", "csl", "json", "other") if k in rows] + ["all"]
    return [{"format": k, **rows[k]} for k in order if k in rows]


def print_table(rows: list[dict[str, Any]]) -> None:
    cols = ("format", "files", "clean", "read", "counted", "skipped", "missing", "refused", "problems", "bugs")
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for row in rows:
        print("| " + " | ".join(str(row.get(c, 0)) for c in cols) + " |")


def print_details(results: list[FileResult]) -> None:
    for r in results:
        if r.clean and not r.warnings:
            continue
        head = f"{r.name} [{r.detected}] read {r.read} skipped {r.skipped} counted {r.counted}"
        print(("OK   " if r.clean else "FAIL ") + head)
        surplus = [f"{r.surplus} paper(s) more than the file holds"] if r.surplus else []
        for text in surplus + ([f"refused: {r.refused}"] if r.refused else []) + [f"warning: {w}" for w in r.warnings]:
            print("     " + text)
        for text in r.bugs + r.problems:
            print("     " + text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="folder of files to import")
    parser.add_argument("--expect", type=Path, help="JSON: file name -> {records, skipped, error}")
    parser.add_argument("--details", action="store_true", help="one block per file that is not clean")
    parser.add_argument("--json", type=Path, help="write the per-file results here")
    args = parser.parse_args(argv)
    expects = json.loads(args.expect.read_text(encoding="utf-8")) if args.expect else {}
    files = sorted(p for p in args.folder.iterdir() if p.is_file() and not p.name.startswith("."))
    results = [check_file(p, _format_of(p), expects.get(p.name) if args.expect else None) for p in files]
    import paperlab

    print(f"paperlab from {Path(paperlab.__file__).parent}, {len(files)} files in {args.folder}")
    print_table(summarise(results))
    if args.details:
        print_details(results)
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in results], indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

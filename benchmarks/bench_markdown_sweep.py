"""Markdown READMEs and reading-group files on unseen real files: what ``paperlab.load`` (and ``Schedule`` /
``Session``) read from each, checked against counts taken independently of our readers.

The files are third-party (stored public repositories) and stay outside the repository: a folder holding
``manifest.jsonl`` (one line per file: ``kind`` = readme / schedule / notes, ``file`` relative to the folder,
``repo``, ``path``, ``commit``) and the files. ``benchmarks/data/markdown_sweep_sources.jsonl`` names the files of the
sweep reported in benchmarks/README.md (repository, path, commit or the index's record id, SHA-1, split) without
their text. The split is fixed by the content: a file whose SHA-1 starts with
0-9 is dev, a-f is test (computed here from the bytes, never chosen).

Per file it records the detected format, the outcome (``ok``, ``partial`` = read with a PartialImportWarning,
``error`` = a ParseError, ``crash`` = any other exception, ``silent-zero`` = nothing read and nothing said), what
was read (papers; meetings held or presentations: a schedule's week marked cancelled or "no meeting" is kept by
``Schedule`` as a skipped meeting and not counted) and checks it against

* the arXiv ids the file names (a regex over the raw text: ``YYMM.NNNNN`` with a real month) — id recall, and ids
  read that the file does not name;
* the data rows of its tables (markdown-it-py for pipe tables, lxml for HTML tables, PyYAML / csv records) —
  a ParseError on a file with rows or ids is counted as ``missed``;
* field checks: titles non-empty, with a letter and no markdown/HTML residue; authors with a letter, short, no
  residue; dates within 1950-2027; how many papers carry a date, at which precision, and keyword tags.

Usage::

    python benchmarks/bench_markdown_sweep.py --root /tmp/sweep/md --split dev
    PYTHONPATH=/path/to/old/checkout python benchmarks/bench_markdown_sweep.py --root ... --split test
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import warnings
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

_ARXIV = re.compile(r"(?<![\w.])(\d{2})(0[1-9]|1[0-2])\.(\d{4,5})(?:v\d+)?(?![\d])")
_RESIDUE = re.compile(r"<\/?[a-zA-Z][^>]*>|\*\*|\]\(|\[\[|\]\]|^\s*#|&[a-z]{2,6};|&#\d+;|(?<!\\)\||^\s*[-*>]\s")
_KINDS = ("readme", "schedule", "notes")


@dataclass
class FileResult:
    """What was read from one file, and the independent counts to compare it with."""

    name: str
    kind: str
    repo: str
    fmt: str = "-"
    status: str = "ok"
    message: str = ""
    papers: int = 0
    units: int = 0  # meetings held (schedules) or presentations (notes)
    skipped: int = 0  # a schedule's weeks marked as not held ("Cancelled", "No meeting (spring break)")
    ids_file: list[str] = field(default_factory=list)
    ids_read: list[str] = field(default_factory=list)
    rows_file: int = 0
    bad_titles: list[str] = field(default_factory=list)
    bad_authors: list[str] = field(default_factory=list)
    bad_dates: list[str] = field(default_factory=list)
    dated: int = 0
    precision: dict[str, int] = field(default_factory=dict)
    tagged: int = 0

    @property
    def missed(self) -> bool:
        """A ParseError on a file that names papers (arXiv ids) or has table rows."""
        return self.status == "error" and bool(self.ids_file or self.rows_file)


def split_of(data: bytes) -> str:
    return "dev" if hashlib.sha1(data).hexdigest()[0] in "0123456789" else "test"


def arxiv_ids(text: str) -> set[str]:
    """Distinct new-style arXiv ids named in ``text`` (without version)."""
    return {f"{m.group(1)}{m.group(2)}.{m.group(3)}" for m in _ARXIV.finditer(text)}


def _markdown_rows(text: str) -> int:
    from lxml import html as lxml_html
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    rows = 0
    in_body = False
    for tok in tokens:
        if tok.type in ("tbody_open", "tbody_close"):
            in_body = tok.type == "tbody_open"
        elif tok.type == "tr_open" and in_body:
            rows += 1
        elif tok.type == "html_block" and "<td" in tok.content.lower():
            doc = lxml_html.fragment_fromstring(tok.content, create_parent="div")
            rows += sum(1 for tr in doc.iter("tr") if tr.find("td") is not None)
    return rows


def _yaml_rows(text: str) -> int:
    import yaml

    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError:
        return 0
    if isinstance(doc, dict):
        doc = next((v for v in doc.values() if isinstance(v, list)), [])
    return len(doc) if isinstance(doc, list) else 0


def table_rows(path: Path, text: str) -> int:
    """Data rows of the file's tables (pipe and HTML tables, YAML list items, CSV records), front matter included."""
    suffix = path.suffix.lower()
    if suffix in (".yml", ".yaml"):
        return _yaml_rows(text)
    if suffix == ".csv":
        return max(0, sum(1 for _ in csv.reader(io.StringIO(text))) - 1)
    rows = 0
    if text.startswith("---\n"):
        front, _, body = text[4:].partition("\n---")
        rows += _yaml_rows(front)
        text = body
    return rows + _markdown_rows(text)


def _bad_text(value: str) -> bool:
    return not value.strip() or not any(ch.isalpha() for ch in value) or bool(_RESIDUE.search(value))


def check_papers(result: FileResult, papers: list[Any]) -> None:
    """Field checks over the papers read."""
    result.papers = len(papers)
    result.ids_read = sorted({p.arxiv_id for p in papers if p.arxiv_id and re.match(r"^\d{4}\.\d{4,5}$", p.arxiv_id)})
    precision: Counter[str] = Counter()
    for p in papers:
        if _bad_text(p.title or ""):
            result.bad_titles.append(p.title or "")
        result.bad_authors += [a for a in p.authors if _bad_text(a) or len(a) > 80]
        date = p.published or p.updated
        if date is not None:
            result.dated += 1
            precision[str((p.extra or {}).get("date_precision") or "day")] += 1
            if not 1950 <= date.year <= 2027:
                result.bad_dates.append(date.isoformat())
        result.tagged += bool(p.tags)
    result.precision = dict(precision)


def _read(path: Path, kind: str, result: FileResult) -> None:
    import paperlab
    from paperlab.sources import detect_format

    result.fmt = detect_format(path)
    if kind == "notes":
        session = paperlab.Session.from_file(path)
        result.units = len(session.entries)
        check_papers(result, [e.paper for e in session.entries])
        return
    if kind == "schedule" and result.fmt == "schedule":  # meetings are counted also when they name no paper
        meetings = list(paperlab.Schedule.from_file(path))  # a cancelled week is kept (skipped), not counted
        result.units, result.skipped = sum(not m.skipped for m in meetings), sum(m.skipped for m in meetings)
    lib = paperlab.load(path)
    check_papers(result, list(lib))


def run_file(root: Path, entry: dict[str, Any]) -> FileResult:
    """Read one file with paperlab and compare with the independent counts."""
    from paperlab.errors import ParseError, PartialImportWarning

    path = root / entry["file"]
    text = path.read_text(encoding="utf-8")
    result = FileResult(path.name, entry["kind"], entry.get("repo", ""))
    result.ids_file = sorted(arxiv_ids(text))
    result.rows_file = table_rows(path, text)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            _read(path, entry["kind"], result)
        except ParseError as exc:
            result.status, result.message = "error", str(exc)
        except Exception as exc:  # noqa: BLE001 - anything but a ParseError is what this benchmark looks for
            result.status, result.message = "crash", f"{type(exc).__name__}: {exc}"
    partial = [w for w in caught if issubclass(w.category, PartialImportWarning)]
    if result.status == "ok" and partial:
        result.status, result.message = "partial", str(partial[0].message)
    if result.status == "ok" and not (result.papers or result.units):
        result.status = "silent-zero"
    return result


def summarise(results: list[FileResult]) -> dict[str, Any]:
    """Totals of a set of files (one kind, one split)."""
    file_ids = sum(len(r.ids_file) for r in results)
    found = sum(len(set(r.ids_file) & set(r.ids_read)) for r in results)
    extra = sum(len(set(r.ids_read) - set(r.ids_file)) for r in results)
    status = Counter(r.status for r in results)
    papers = sum(r.papers for r in results)
    return {
        "files": len(results),
        **{k: status.get(k, 0) for k in ("ok", "partial", "error", "crash", "silent-zero")},
        "missed": sum(r.missed for r in results),
        "papers": papers,
        "units": sum(r.units for r in results),
        "id_recall": round(found / file_ids, 3) if file_ids else None,
        "ids_in_files": file_ids,
        "ids_not_in_file": extra,
        "bad_titles": sum(len(r.bad_titles) for r in results),
        "bad_authors": sum(len(r.bad_authors) for r in results),
        "bad_dates": sum(len(r.bad_dates) for r in results),
        "dated": sum(r.dated for r in results),
        "tagged": sum(r.tagged for r in results),
    }


def _print_files(results: list[FileResult]) -> None:
    print(f"{'file':38} {'kind':8} {'format':10} {'status':11} {'read':>5} {'ids':>7} {'rows':>4} flags / message")
    for r in results:
        ids = f"{len(set(r.ids_file) & set(r.ids_read))}/{len(r.ids_file)}"
        flags = [
            f"{name}={len(values)}"
            for name, values in (("title", r.bad_titles), ("author", r.bad_authors), ("date", r.bad_dates))
            if values
        ]
        read = r.units if r.kind == "notes" else r.papers
        note = " ".join(flags + ([r.message.replace("\n", " ")[:90]] if r.message else []))
        print(f"{r.name[:38]:38} {r.kind:8} {r.fmt[:10]:10} {r.status:11} {read:>5} {ids:>7} {r.rows_file:>4} {note}")


def _print_summary(by_kind: dict[str, dict[str, Any]]) -> None:
    keys = ["files", "ok", "partial", "error", "missed", "crash", "silent-zero", "papers", "units"]
    keys += ["id_recall", "ids_not_in_file", "bad_titles", "bad_authors", "bad_dates", "dated", "tagged"]
    print("\n" + " ".join(f"{k:>9}" for k in ["kind", *keys]))
    for kind, s in by_kind.items():
        print(" ".join(f"{str(v):>9}" for v in [kind, *(s[k] for k in keys)]))


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, required=True, help="folder with the files (and manifest.jsonl)")
    ap.add_argument(
        "--manifest",
        type=Path,
        help="the list of files (default: ROOT/manifest.jsonl); benchmarks/data/markdown_sweep_sources.jsonl names "
        "the sources of the sweep in benchmarks/README.md",
    )
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--json", type=Path, help="write the per-file results and totals here")
    ap.add_argument("--quiet", action="store_true", help="totals only")
    args = ap.parse_args(argv)
    manifest = args.manifest or args.root / "manifest.jsonl"
    entries = [json.loads(line) for line in manifest.read_text().splitlines() if line.strip()]
    chosen = [e for e in entries if args.split in ("all", split_of((args.root / e["file"]).read_bytes()))]
    results = [run_file(args.root, e) for e in chosen]
    if not args.quiet:
        _print_files(results)
    by_kind = {k: summarise([r for r in results if r.kind == k]) for k in _KINDS if any(r.kind == k for r in results)}
    by_kind["all"] = summarise(results)
    _print_summary(by_kind)
    out = {"split": args.split, "totals": by_kind, "files": [asdict(r) for r in results]}
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False))
    return out


if __name__ == "__main__":
    main()

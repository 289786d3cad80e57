"""The repository stands on its own: no tracked file points outside it, and the test data is ours."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from paths import DATA, ROOT

# Built from parts so this file does not match its own patterns.
_SHARED = re.escape(".." + "/shared")
_MACHINE = r"(?<![\w.~-])/(?:" + "|".join(["work", "root", "home/[a-z_][\\w-]*", "Users/[\\w-]+", "tmp/pytest"]) + r")/"
FORBIDDEN = re.compile(rf"{_SHARED}|{_MACHINE}")
ALLOWED = {".ci/run"}  # the one file that knows where CI keeps the real corpus


def tracked_files() -> list[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: cannot list tracked files")
    done = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    return [name for name in done.stdout.decode().split("\0") if name]


def test_no_tracked_file_names_the_shared_folder_or_a_machine_path() -> None:
    offenders = []
    for name in tracked_files():
        if name in ALLOWED or name.endswith((".lock", ".npz", ".png")):
            continue
        path = ROOT / name
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        for lineno, line in enumerate(text.splitlines(), 1):
            if FORBIDDEN.search(line):
                offenders.append(f"{name}:{lineno}: {line.strip()[:120]}")
    assert offenders == [], "tracked files point outside the repository:\n" + "\n".join(offenders)


def test_the_pattern_catches_what_it_should() -> None:
    assert FORBIDDEN.search("see " + ".." + "/shared/fixtures")
    assert FORBIDDEN.search("docstring: /" + "work/shared/seeds/x.txt")
    assert FORBIDDEN.search("/" + "home/alice/notes.bib")
    assert not FORBIDDEN.search("executable_path=/usr/bin/chromium")
    assert not FORBIDDEN.search("https://example.org/" + "work/shared")
    assert not FORBIDDEN.search("$PAPERLAB_REALDATA/fixtures/bibtex")


def test_own_test_data_covers_every_imported_format() -> None:
    """tests/data holds our own small files for each format paperlab imports."""
    present = {p.relative_to(DATA).parts[0] for p in DATA.rglob("*") if p.is_file()}
    for folder in ("arxiv", "bibtex", "hf", "hf_page", "dailyarxiv", "semantic_scholar", "session"):
        assert folder in present, f"tests/data/{folder}/ is missing"


def test_no_two_test_modules_share_a_name() -> None:
    """pytest imports test modules by basename (rootdir-relative, no packages): a second ``test_x.py`` in
    another folder stops the whole collection with "import file mismatch"."""
    seen: dict[str, str] = {}
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        other = seen.setdefault(path.name, str(path.relative_to(ROOT)))
        assert other == str(path.relative_to(ROOT)), f"{path.relative_to(ROOT)} and {other} share a module name"

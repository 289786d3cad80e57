"""``paperlab.load`` (and ``paperlab import``) on a reading-group session transcript: the presented papers, read by
the Session reader, never a saved Hugging Face page's guesses (slide headings and code lines taken for papers).

Our own file ``tests/data/session/slides-for-load.txt`` (two presentations with a venue line, upper-case title,
author and affiliation lines, slide prose, code lines, "Results - ..." headings and TSV tables); the ``realdata``
tests repeat it on the user's seed ``seeds/reading-group-session.txt`` and check the saved pages
``seeds/hf-papers-*.txt`` stay Hugging Face pages.
"""

from __future__ import annotations

import warnings

import pytest
from paths import DATA, SEEDS

import paperlab
from paperlab.cli import main
from paperlab.errors import PartialImportWarning
from paperlab.sources import detect_format

SLIDES = DATA / "session" / "slides-for-load.txt"
SEED = SEEDS / "reading-group-session.txt"
TITLES = [
    "Steady Pixels: Training Image Classifiers That Ignore Printed Text",
    "Folded Attention: Cheap Long-Range Mixing for Video Transformers",
]


def _load(path: object) -> tuple[paperlab.Library, list[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lib = paperlab.load(path)  # type: ignore[arg-type]
    return lib, [w for w in caught if isinstance(w.message, PartialImportWarning)]


def test_own_transcript_loads_the_presented_papers() -> None:
    assert detect_format(SLIDES) == "session"
    lib, partial = _load(SLIDES)
    assert [p.title for p in lib] == TITLES  # not "Why printed text fools classifiers", "Motivation"
    assert not partial  # no "skipped 29 bad record(s)" from reading slides as a saved page
    first, second = lib
    assert first.authors == ["Oskar Lindqvist", "Maren Solheim", "Tarik Demir"]
    assert first.comment == "Published as a conference paper at ICLR 2024"
    assert second.authors == ["Ilse Brandt", "Jonas Weller"]
    assert [p.extra["presenter"] for p in lib] == ["Hedda Vinterberg", "Benedek Farkas"]
    assert all([s.name for s in p.sources] == ["session"] for p in lib)  # the cards' Source facet: "Session"
    assert [p.title for p in lib] == [e.paper.title for e in paperlab.Session.from_file(SLIDES).entries]


def test_own_transcript_through_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(SLIDES)]) == 0
    out, err = capsys.readouterr()
    assert "imported 2 papers (session notes)" in out and "skipped" not in err
    assert main(["list"]) == 0
    out, _ = capsys.readouterr()
    rows = out.strip().splitlines()
    assert len(rows) == 2 and all(any(row.endswith(t) for t in TITLES) for row in rows)


def test_own_transcript_through_the_papers_magic() -> None:
    from IPython.core.interactiveshell import InteractiveShell

    from paperlab.widget import set_active_library

    set_active_library(None)
    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "paperlab")
    try:
        result = ip.run_cell(f"%papers --source {SLIDES}", store_history=False)
        result.raise_error()
        cards = result.result
        assert [p["title"] for p in cards.papers] == TITLES
        assert all(p["sources"][0]["name"] == "session" for p in cards.papers)
    finally:
        set_active_library(None)


def test_format_session_can_be_forced_and_a_saved_page_is_still_a_saved_page() -> None:
    assert [p.title for p in paperlab.load(SLIDES, format="session")] == TITLES
    for name in ("bylines.txt", "no-bylines.txt", "stray-fragment.txt", "year-less-dates.txt"):
        assert detect_format(DATA / "hf_page" / name) == "hf_page", name


@pytest.mark.realdata
def test_seed_transcript_loads_its_five_presentations() -> None:
    assert detect_format(SEED) == "session"
    lib, partial = _load(SEED)
    with pytest.warns(PartialImportWarning, match="table-like block skipped"):  # Session reports lost tables
        session = paperlab.Session.from_file(SEED)
    assert len(lib) == 5 and [p.title for p in lib] == [e.paper.title for e in session.entries]
    assert lib[0].title == "Aligning Visual Contrastive Learning Models via Preference Optimization"
    assert lib[0].comment == "Published as a conference paper at ICLR 2025"
    assert not any("Typographic Robustness" in p.title for p in lib)
    assert not partial  # the slides' unreadable table blocks are not papers: no "skipped 147" here


@pytest.mark.realdata
@pytest.mark.parametrize("name", ["hf-papers-contrastive.txt", "hf-papers-ood-hallucination.txt"])
def test_seed_saved_pages_are_not_transcripts(name: str) -> None:
    from paperlab.services.sessions.reading import looks_like_transcript

    assert not looks_like_transcript((SEEDS / name).read_text(encoding="utf-8"))
    assert detect_format(SEEDS / name) == "hf_page"

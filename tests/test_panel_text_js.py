"""The side panel's words (js/src/paneltext.ts), run in Node: what a notification shows of a long error, the
empty list's line of Python, a row's first author. Skips without Node or the js/ dev dependencies."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_js_common import ESBUILD, NODE, bundle, call

pytestmark = pytest.mark.skipif(
    NODE is None or not ESBUILD.exists(), reason="needs Node and the js/ dev dependencies (jlpm install)"
)

OFFLINE = (
    "Can't reach export.arxiv.org — you may be offline; nothing was added (1706.03762). arXiv is unreachable: "
    "can't reach export.arxiv.org: connection failed: the host name export.arxiv.org could not be resolved"
)


@pytest.fixture(scope="module")
def text_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bundle("src/paneltext.ts", tmp_path_factory.mktemp("js"))


def test_a_long_error_shows_its_first_sentence_within_140_characters(text_module: Path) -> None:
    long_sentence = "word " * 60 + "end. Rest."
    short, first, cut = call(text_module, "summary", [OFFLINE], ["Short error."], [long_sentence])
    assert short == "Can't reach export.arxiv.org — you may be offline; nothing was added (1706.03762)."
    assert first == "Short error."
    assert len(cut) <= 140 and cut.endswith("word…") and "end" not in cut  # cut at a word, marked


def test_the_empty_hint_adds_to_the_list_shown(text_module: Path) -> None:
    # since s23 (UX13) the example is a paper of the user's own library (the panel's model.example), not a fixed
    # 2503.14895 the user may never have seen; without one the hint names no paper (null: no line of Python)
    got = call(
        text_module,
        "emptyHint",
        ["default", "2101.99901"],
        ["reading group", "10.5555/tides.2023"],
        ['say "hi"', "2101.99901"],
        ["reading group", None],
    )
    assert got == [
        'paperlab.reading_list().add("2101.99901")',
        'paperlab.reading_list("reading group").add("10.5555/tides.2023")',
        'paperlab.reading_list("say \\"hi\\"").add("2101.99901")',
        None,
    ]


def test_a_rows_first_author_is_the_family_name(text_module: Path) -> None:
    got = call(
        text_module,
        "familyName",
        [["Ashish Vaswani", "Noam Shazeer"]],
        [["Vaswani, Ashish"]],
        [[], "12 authors · Meta"],
        [None, ""],
    )
    assert got == ["Vaswani", "Vaswani", "12 authors · Meta", ""]


def test_a_rows_first_author_is_the_family_name_its_source_wrote(text_module: Path) -> None:
    written = {"names_as_written": {"Gabriel García Márquez": ["García Márquez", "Gabriel", ""]}}
    csl = {"csl": {"author": [{"family": "Ramos Cano", "given": "Lía"}]}}
    capitals = {"names_as_written": {"Ronald Mcdonald": ["MCDONALD", "RONALD", ""]}}
    got = call(
        text_module,
        "familyName",
        [["Gabriel García Márquez"], "", written],
        [["Lía Ramos Cano"], "", csl],
        [["Ronald Mcdonald"], "", capitals],
        [["Gabriel García Márquez"], "", {}],
        [["Gabriel García Márquez"], "", {"csl": {"author": [{"family": "Someone Else"}]}}],
    )
    assert got == ["García Márquez", "Ramos Cano", "Mcdonald", "Márquez", "Márquez"]


def test_feed_failures_are_one_line_naming_each_service_once(text_module: Path) -> None:
    arxiv = [
        f"arXiv listing: can't reach rss.arxiv.org: connection failed: the host name rss.arxiv.org could not be "
        f"resolved; rss.arxiv.org is unreachable (offline?) (https://rss.arxiv.org/atom/{cat})"
        for cat in ("cs.CL", "cs.CV", "cs.LG")
    ]
    hf = "Hugging Face daily papers: can't reach huggingface.co: connection failed; huggingface.co is unreachable"
    got = call(
        text_module,
        "feedProblem",
        [[*arxiv, hf], 0],
        [arxiv[:1], 3],
        [["Hugging Face daily papers: HTTP 500 from huggingface.co"], 1],
        [[], 4],
        [[*arxiv, hf], 8, True],
        [[*arxiv, hf], 0, True],
    )
    assert got == [
        "Offline — arXiv and Hugging Face unreachable; showing nothing new",
        "Offline — arXiv unreachable; showing 3 papers from the others",
        "Hugging Face failed; showing 1 paper from the others",
        "",
        "Offline — arXiv and Hugging Face unreachable; showing 8 papers from your library",  # ranked instead
        # offline, and every stored paper is saved already: nothing to rank, and why
        "Offline — arXiv and Hugging Face unreachable; every paper in your library is on your reading lists already",
    ]

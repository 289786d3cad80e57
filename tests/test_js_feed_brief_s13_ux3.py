"""For you's problem line in its brief form (js/src/paneltext.ts ``feedProblemBrief``), run in Node: what a squeezed
"For you" says whole on one line instead of cutting the long line. Skips without Node or the js/ dev dependencies."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_js_common import ESBUILD, NODE, bundle, call

pytestmark = pytest.mark.skipif(
    NODE is None or not ESBUILD.exists(), reason="needs Node and the js/ dev dependencies (jlpm install)"
)

ARXIV = "arXiv listing: can't reach export.arxiv.org: connection failed: the connection was refused"
HF = "Hugging Face daily papers: can't reach huggingface.co: connection failed: the connection was refused"


@pytest.fixture(scope="module")
def text_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bundle("src/paneltext.ts", tmp_path_factory.mktemp("js"))


def test_the_brief_problem_line_says_what_happened_in_a_few_words(text_module: Path) -> None:
    got = call(
        text_module,
        "feedProblemBrief",
        [[ARXIV, HF], 12, True],
        [[ARXIV], 3],
        [["Hugging Face daily papers: HTTP 500 from huggingface.co"], 1],
        [[ARXIV, HF], 0, True],
        [[], 4],
    )
    assert got == ["Offline · your library", "Offline · the rest", "Failed · the rest", "Offline · nothing new", ""]
    assert all(len(line) <= 22 for line in got)  # one line beside Retry and Details in a 250 px panel

"""The cards' snippet (js/src/widget/card.ts ``snippetText``) leaves out the sentence the "Matched:" line above it
already shows, wherever the sentence stands in the abstract (UI review R5: a weaker match's card showed its matched
second sentence twice, once as "Matched:" and again in the snippet right below). Run in Node on the bundled module."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_js_common import bundle, call, pytestmark  # noqa: F401  (skips without Node / esbuild)

ABSTRACT = (
    "We fold socks with a small robot arm. The arm learns a folding policy from forty human demonstrations. "
    "It folds 91% of socks on the first try."
)


@pytest.fixture(scope="module")
def card(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bundle("src/widget/card.ts", tmp_path_factory.mktemp("js"))


def test_the_snippet_leaves_out_the_matched_sentence_wherever_it_stands(card: Path) -> None:
    paper = {"id": "p1", "title": "Sock folding", "abstract": ABSTRACT, "authors": []}
    second = "The arm learns a folding policy from forty human demonstrations."
    first = "We fold socks with a small robot arm."
    got = call(card, "snippetText", [paper, second], [paper, first], [paper, None], [paper, "Not in the text."])
    assert got[0] == "We fold socks with a small robot arm. It folds 91% of socks on the first try."
    assert (
        got[1]
        == "The arm learns a folding policy from forty human demonstrations. It folds 91% of socks on the first try."
    )
    assert got[2] == got[3] == ABSTRACT

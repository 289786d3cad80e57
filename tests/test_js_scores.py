"""The cards' match badge (js/src/widget/score.ts): whole percents, one decimal only where whole percents would
make different scores of one ranking look tied. Bundled with the project's esbuild and run in Node (skipped
without Node or the js/ dev dependencies)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from test_js_common import ESBUILD, NODE, bundle, call

pytestmark = pytest.mark.skipif(
    NODE is None or not ESBUILD.exists(), reason="needs Node and the js/ dev dependencies (jlpm install)"
)


@pytest.fixture(scope="module")
def score_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bundle("src/widget/score.ts", tmp_path_factory.mktemp("js"))


def badges(module: Path, scores: list[float]) -> list[str | None]:
    """The badge text of each score, shown in one ranking with all of them."""
    script = (
        f"import {{ crowdedPercents, scoreText }} from {module.as_uri()!r};\n"
        "const scores = JSON.parse(process.argv[1]);\n"
        "const crowded = crowdedPercents(scores);\n"
        "process.stdout.write(JSON.stringify(scores.map(s => scoreText(s, crowded))));\n"
    )
    done = subprocess.run(
        [str(NODE), "--input-type=module", "-e", script, json.dumps(scores)], check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout)


def test_close_scores_that_round_to_one_percent_show_a_decimal(score_module: Path) -> None:
    assert badges(score_module, [0.734, 0.7321, 0.61, 0.4, 0.4]) == [
        "73.4% match",
        "73.2% match",
        "61% match",  # alone at 61: a whole percent reads best
        "40% match",  # the same score twice is a real tie: no decimal invented
        "40% match",
    ]


def test_ends_of_the_scale_and_scores_on_another_scale(score_module: Path) -> None:
    assert badges(score_module, [0.9996, 0.9951, 0.003, 0.0001]) == [
        ">99.9% match",  # both round to 100 %: a decimal, capped below 100
        "99.5% match",
        "0.3% match",  # both round to 0 %: a decimal tells them apart
        "<0.1% match",
    ]
    assert badges(score_module, [0.5, 0.003]) == ["50% match", "<1% match"]
    assert badges(score_module, [0.0004, 0.0001]) == ["<0.1% match", "<0.1% match"]
    assert badges(score_module, [1.7, -0.2]) == [None, None]  # not a probability: no badge
    assert call(score_module, "scoreText", [0.87]) == ["87% match"]  # no ranking given: whole percents

"""Topic-map label placement (js/src/mapview/labels.ts ``placeLabels``), run in Node: a long label whose anchor is
crowded by its own topic's dots is no longer moved a whole label width away, over another topic's region, while a
place beside its anchor is free (session 18's look at the demo map: "diffusion models / image generation /
diffusion-based" was drawn 340 px left of its points, over the DoA topic). Made-up coordinates.

Skips when Node or the JavaScript dev dependencies are not installed (as tests/test_js_common.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from paths import ROOT

JS = ROOT / "js"
ESBUILD = JS / "node_modules" / ".bin" / "esbuild"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(
    NODE is None or not ESBUILD.exists(), reason="needs Node and the js/ dev dependencies (jlpm install)"
)


def place(tmp_path: Path, requests: list[dict], width: int, height: int, points: list, radius: float) -> list:
    out = tmp_path / "labels.mjs"
    subprocess.run(
        [str(ESBUILD), "src/mapview/labels.ts", "--bundle", "--format=esm", "--platform=node", f"--outfile={out}"],
        cwd=JS,
        check=True,
        capture_output=True,
    )
    script = tmp_path / "run.mjs"
    args = json.dumps([requests, width, height, points, radius])
    script.write_text(
        f"import {{ placeLabels }} from './labels.mjs';\nconsole.log(JSON.stringify(placeLabels(...{args})));\n"
    )
    assert NODE is not None
    done = subprocess.run([NODE, str(script)], cwd=tmp_path, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def test_a_long_label_stays_beside_its_crowded_topic(tmp_path: Path) -> None:
    # the topic's dots fill a band around its anchor (700, 340); left of it, empty room over where another topic is
    own = [(600 + 12 * k, 330 + (k % 3) * 9) for k in range(18)]
    label = {"x": 700, "y": 340, "width": 340, "height": 18}
    [box] = place(tmp_path, [label], 1000, 500, own, 5)
    assert box is not None
    # some part of the box is within 40 px of the anchor, sideways (before: left 190, right 530: 170 px away)
    assert box["left"] <= 700 + 40 and box["left"] + box["width"] >= 700 - 40, box


def test_a_short_label_still_leaves_every_dot_visible(tmp_path: Path) -> None:
    own = [(500, 250), (490, 245), (510, 255)]
    label = {"x": 500, "y": 250, "width": 60, "height": 16}
    [box] = place(tmp_path, [label], 1000, 500, own, 4)
    assert box is not None
    covered = [
        (x, y)
        for x, y in own
        if x + 4 > box["left"]
        and x - 4 < box["left"] + box["width"]
        and y + 4 > box["top"]
        and y - 4 < box["top"] + box["height"]
    ]
    assert covered == [], box

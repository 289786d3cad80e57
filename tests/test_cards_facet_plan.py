"""Which facet chips the cards show for a result (js/src/widget/filter.ts ``chipPlan``; walkthrough 9, #9).

The Year row always listed the library's 8 newest years: a search whose papers are from 2000-2018 showed
"2025 (0) … 2018 (1)" and none of the years it matched. Now the years the result holds come first (their decades
when they are many), with counts, and the rest wait behind "+N more". The module runs in Node, bundled by the
project's esbuild (skipped without Node or js/node_modules), on papers written here.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from test_js_common import NODE, bundle

pytestmark = pytest.mark.skipif(
    NODE is None or not (Path(__file__).parents[1] / "js" / "node_modules" / ".bin" / "esbuild").exists(),
    reason="needs Node and the js/ dev dependencies (jlpm install)",
)

# the chips of each facet for the papers `base` (indices) of `papers`, with the values `chosen` chosen
PLAN_JS = """
import * as m from %s;
const [papers, base, chosen] = JSON.parse(process.argv[1]);
const entries = m.buildEntries(papers);
const all = m.facetCounts(entries);
const active = m.emptyFacets();
for (const [kind, values] of Object.entries(chosen)) values.forEach(v => active[kind].add(v));
const counts = m.resultFacetCounts(entries, base, active);
const out = {};
for (const kind of m.FACET_KINDS) {
  const plan = m.chipPlan(kind, all[kind], counts[kind], active[kind]);
  const label = v => `${v} (${counts[kind].get(v) ?? 0})`;
  out[kind] = {shown: plan.shown.map(label), more: plan.more.map(label)};
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def filter_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bundle("src/widget/filter.ts", tmp_path_factory.mktemp("js"))


def plan(module: Path, papers: list[dict], base: list[int], chosen: dict | None = None) -> dict:
    script = PLAN_JS % json.dumps(module.as_uri())
    done = subprocess.run(
        [str(NODE), "--input-type=module", "-e", script, json.dumps([papers, base, chosen or {}])],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)


def paper(i: int, year: int, tags: list[str] | None = None) -> dict:
    return {"id": f"p{i}", "title": f"Paper {i}", "published": f"{year}-05-01", "tags": tags or []}


# a library from 2000 to 2025, one paper a year, and a second one in 2017
LIBRARY = [paper(i, 2000 + i) for i in range(26)] + [paper(26, 2017)]


def test_a_result_spanning_many_years_shows_its_decades_first(filter_module: Path) -> None:
    old = [i for i, p in enumerate(LIBRARY) if p["published"] < "2019"]  # 2000-2018: 19 years
    year = plan(filter_module, LIBRARY, old)["year"]
    assert year["shown"] == ["2010s (10)", "2000s (10)"]  # not "2025 (0) … 2018 (1)"
    assert year["more"][:3] == ["2018 (1)", "2017 (2)", "2016 (1)"] and year["more"][-1] == "2000 (1)"
    assert not [c for c in year["more"] if c.endswith("(0)")]  # the years it holds, newest first


def test_a_result_of_a_few_years_shows_those_years_then_the_others_at_zero(filter_module: Path) -> None:
    year = plan(filter_module, LIBRARY, [3, 11, 17, 26])["year"]
    assert year["shown"] == ["2017 (2)", "2011 (1)", "2003 (1)"]
    assert year["more"][0] == "2025 (0)" and "2017 (0)" not in year["more"] and len(year["more"]) == 26 - 3
    # every paper: 26 years are many, their three decades come first
    assert plan(filter_module, LIBRARY, list(range(len(LIBRARY))))["year"]["shown"] == [
        "2020s (6)",
        "2010s (11)",
        "2000s (10)",
    ]


def test_a_chosen_year_stays_shown_and_tags_follow_the_result(filter_module: Path) -> None:
    chosen = plan(filter_module, LIBRARY, [3, 11], {"year": ["2024"]})["year"]
    assert chosen["shown"][0].startswith("2024 ")
    tagged = [paper(i, 2020, [f"common-{i % 2}", f"rare-{i}"]) for i in range(12)]
    tag = plan(filter_module, tagged, [0, 2, 4])["tag"]
    assert tag["shown"] == ["common-0 (3)", "rare-0 (1)", "rare-2 (1)", "rare-4 (1)"]
    assert tag["more"][0] == "common-1 (0)" and len(tag["more"]) == 1 + 9


def test_an_empty_result_shows_no_zero_chips(filter_module: Path) -> None:
    """Walkthrough 10: a search that found nothing expanded every year of the library as '(0)' chips behind
    '+N more'. With nothing to show there is nothing to narrow: no chips, only a value the user chose."""
    tagged = [paper(i, 2000 + i, ["graphs"]) for i in range(12)]
    empty = plan(filter_module, tagged, [])
    for kind in ("year", "tag", "source"):
        assert empty[kind] == {"shown": [], "more": []}, (kind, empty[kind])
    chosen = plan(filter_module, tagged, [], {"year": ["2003"]})["year"]
    assert chosen == {"shown": ["2003 (0)"], "more": []}  # the user's own choice stays, to be undone

"""Benchmark: the citation graph widget with 2,000 nodes, in Debian's Chromium (issue 17: "2,000 nodes stay
interactive").

The built ``paperlab/static/graph.js`` is loaded into a blank page (served from 127.0.0.1) with a stand-in for
anywidget's model, so only the widget is measured. The graph: 40 library papers and 1,960 neighbours, 4,000
random citations from library papers (seeded), node rows as :class:`paperlab.graphview.GraphView` makes them.
Measured:

* first frame: ``render()`` called -> two animation frames later (sigma's first WebGL frame);
* layout settled: ``render()`` called -> the last ForceAtlas2 step (a few iterations per frame; the view answers
  hovers and zooms meanwhile);
* hover: mouse moved onto a node -> its card visible (Playwright's own round trip included, the same for both);
* zoom: mean frame interval while 20 wheel steps zoom in (animation frames during the zoom).

Baseline, in the same browser and run: **naive SVG** -- one ``<circle>`` per node and one ``<line>`` per edge at
the same random positions (no layout), hover by ``mouseover`` showing the same kind of card, zoom by rescaling
the SVG ``viewBox``. It is what a widget drawing the graph in the DOM would do.

Usage::

    python benchmarks/bench_citation_graph.py            # 2,000 nodes
    python benchmarks/bench_citation_graph.py --n 500
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import random
import statistics
import tempfile
import threading
from pathlib import Path
from typing import Any

import networkx as nx

from paperlab import Paper
from paperlab.graphview import GraphView
from paperlab.store import Store

ROOT = Path(__file__).resolve().parents[1]
GRAPH_JS = ROOT / "paperlab" / "static" / "graph.js"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

HARNESS = """<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;padding:8px">
<div id="host" style="width:1000px"></div>
<script type="module">
import widget from './graph.js';
const state = await (await fetch('./state.json')).json();
window.bench = {
  async render() {
    const model = {get: k => state[k], set: (k, v) => { state[k] = v; }, save_changes() {}, on() {}, off() {}, send() {}};
    const t0 = performance.now();
    widget.render({model, el: document.getElementById('host')});
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const first = performance.now() - t0;
    const api = document.querySelector('.plg-root').paperlabGraph;
    while (!api.settled()) { await new Promise(r => requestAnimationFrame(r)); }
    return [first, performance.now() - t0];
  },
  position(id) { return document.querySelector('.plg-root').paperlabGraph.screenPosition(id); },
  tipSelector: '.plg-tip:not([hidden])',
};
window.ready = true;
</script></body></html>"""

NAIVE = """<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;padding:8px">
<div id="host" style="position:relative;width:1000px"></div>
<script type="module">
const state = await (await fetch('./state.json')).json();
const NS = 'http://www.w3.org/2000/svg';
const pos = {};
window.bench = {
  async render() {
    const t0 = performance.now();
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('width', 1000); svg.setAttribute('height', 520); svg.setAttribute('viewBox', '0 0 1000 520');
    const tip = document.createElement('div'); tip.className = 'tip'; tip.hidden = true;
    tip.style.cssText = 'position:absolute;pointer-events:none;background:#fff;border:1px solid #999;padding:4px';
    let h = 0;
    for (const n of state.nodes) { h = (h * 31 + n.id.length + n.id.charCodeAt(n.id.length - 1)) % 997;
      pos[n.id] = [20 + Math.random() * 960, 20 + Math.random() * 480]; }
    for (const [a, b] of state.edges) { const l = document.createElementNS(NS, 'line');
      l.setAttribute('x1', pos[a][0]); l.setAttribute('y1', pos[a][1]); l.setAttribute('x2', pos[b][0]);
      l.setAttribute('y2', pos[b][1]); l.setAttribute('stroke', '#bbb'); svg.append(l); }
    for (const n of state.nodes) { const c = document.createElementNS(NS, 'circle');
      c.setAttribute('cx', pos[n.id][0]); c.setAttribute('cy', pos[n.id][1]); c.setAttribute('r', n.size);
      c.setAttribute('fill', n.color_year);
      c.addEventListener('mouseover', ev => { tip.textContent = n.title; tip.style.left = ev.offsetX + 'px';
        tip.style.top = ev.offsetY + 'px'; tip.hidden = false; });
      c.addEventListener('mouseout', () => { tip.hidden = true; }); svg.append(c); }
    svg.addEventListener('wheel', ev => { ev.preventDefault(); const vb = svg.viewBox.baseVal;
      vb.width *= 0.9; vb.height *= 0.9; }, {passive: false});
    document.getElementById('host').append(svg, tip);
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const done = performance.now() - t0;
    return [done, done];
  },
  position(id) { const b = document.querySelector('svg').getBoundingClientRect();
    return [b.left + pos[id][0], b.top + pos[id][1]]; },
  tipSelector: '.tip:not([hidden])',
};
window.ready = true;
</script></body></html>"""

FRAMES = """async () => { const times = []; let last = performance.now(); let on = true;
  const tick = t => { times.push(t - last); last = t; if (on) requestAnimationFrame(tick); };
  requestAnimationFrame(tick); window.stopFrames = () => { on = false; return times; }; }"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # keep the table readable
        pass


def _state(n: int, store_dir: Path) -> dict[str, Any]:
    rng = random.Random(7)
    g = nx.DiGraph()
    for i in range(n):
        p = Paper(f"Generated paper {i}", arxiv_id=f"2001.{i:05d}", published=f"{2000 + i % 25}-01-01")
        g.add_node(
            p.id, paper=p.to_dict(), in_library=i < 40, title=p.title, year=p.year, citations=rng.randrange(5000)
        )
    while g.number_of_edges() < 2 * n:
        a, b = rng.randrange(40), rng.randrange(n)
        if a != b:
            g.add_edge(f"2001.{a:05d}", f"2001.{b:05d}")
    view = GraphView(g, store=Store(store_dir / "bench.sqlite3"), max_nodes=n)
    return {k: getattr(view, k) for k in ("nodes", "edges", "legends", "color_by", "height", "listed_ids")}


def _measure(page: Any, url: str, ids: list[str]) -> dict[str, float]:
    page.goto(url)
    page.wait_for_function("window.ready === true")
    first, settled = page.evaluate("bench.render()")
    hovers = []
    for node in ids:
        page.mouse.move(5, 5)
        at = page.evaluate("id => bench.position(id)", node)
        t0 = page.evaluate("performance.now()")
        page.mouse.move(*at)
        page.wait_for_selector(page.evaluate("bench.tipSelector"), timeout=10_000)
        hovers.append(page.evaluate("performance.now()") - t0)
    page.evaluate(FRAMES)
    at = page.evaluate("id => bench.position(id)", ids[0])
    page.mouse.move(*at)
    for _ in range(20):
        page.mouse.wheel(0, -60)
        page.wait_for_timeout(16)
    frames = page.evaluate("window.stopFrames()")[2:]
    return {
        "first": first,
        "settled": settled,
        "hover": statistics.median(hovers),
        "frame": statistics.mean(frames) if frames else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="nodes (default 2000)")
    args = parser.parse_args()
    if not GRAPH_JS.is_file():
        raise SystemExit(f"{GRAPH_JS} is missing: build it first (cd js && jlpm build:widget)")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "state.json").write_text(json.dumps(_state(args.n, folder)))
        (folder / "graph.js").write_bytes(GRAPH_JS.read_bytes())
        (folder / "paperlab.html").write_text(HARNESS)
        (folder / "naive.html").write_text(NAIVE)
        handler = functools.partial(_Quiet, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        ids = [f"2001.{i:05d}" for i in (3, 17, 250, 900, 1500) if i < args.n]
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page(viewport={"width": 1100, "height": 800})
                ours = _measure(page, f"{base}/paperlab.html", ids)
                page = browser.new_page(viewport={"width": 1100, "height": 800})
                naive = _measure(page, f"{base}/naive.html", ids)
                browser.close()
        finally:
            server.shutdown()
    print(f"\n{args.n} nodes, {2 * args.n} edges")
    print("| measure | paperlab graph (sigma, WebGL) | naive SVG (baseline) |\n|---|---|---|")
    print(f"| first frame | {ours['first']:.0f} ms | {naive['first']:.0f} ms |")
    print(f"| layout settled | {ours['settled']:.0f} ms | {naive['settled']:.0f} ms (no layout) |")
    print(f"| hover -> card, median of {len(ids)} | {ours['hover']:.0f} ms | {naive['hover']:.0f} ms |")
    print(f"| frame interval while zooming | {ours['frame']:.1f} ms | {naive['frame']:.1f} ms |")


if __name__ == "__main__":
    main()

"""Benchmark: the paper-cards widget front end with 10,000 papers, in Debian's Chromium.

The built module ``paperlab/static/cards.js`` is loaded into a blank page with a stand-in
for anywidget's model (``get``/``set``/``on``/``send``), so only the widget is measured, not
JupyterLab or the kernel. The papers are the bundled demo corpus (325 real papers) repeated
with distinct ids up to ``--n``. Measured with the widget's own ``performance.measure`` marks:

* initial render: ``render()`` called -> first frame painted (``paperlab-cards:render``);
* filter keystroke: ``input`` event -> next frame painted (``paperlab-cards:filter``), for each
  character of a few queries typed one key at a time (Playwright ``keyboard.type``);
* DOM size: element count inside the widget after render, after filtering and after
  scrolling to the middle and the end (bounded: only visible cards exist).

Baseline, in the same browser and run: **naive list** — every paper rendered as a plain DOM card
(title, byline, abstract preview) and a keystroke hiding non-matching cards with ``display: none``,
measured with the same marks. It is what a widget without a virtual list would do.

Targets (issue 5): initial render <= 500 ms, keystroke-to-repaint <= 16 ms, DOM bounded.

Usage::

    python benchmarks/bench_cards.py                # 10,000 papers
    python benchmarks/bench_cards.py --n 1000 --screenshot test-artifacts/bench-cards.png
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CARDS_JS = ROOT / "paperlab" / "static" / "cards.js"
CHROMIUM = "/usr/bin/chromium"

# A stand-in for anywidget's model: enough of its API for the cards (get/set/save_changes/on/off/send).
# `window.__replies` answers custom messages the way PaperCards.handle_message would (tests set it).
HARNESS = """<!doctype html>
<html><head><meta charset="utf-8"><style>body{margin:0;padding:8px}</style></head>
<body><div id="host"></div>
<script>
class FakeModel {
  constructor(state) { this.state = state; this.handlers = {}; this.dirty = new Set(); this.sent = []; }
  get(k) { return this.state[k]; }
  set(k, v) { this.state[k] = v; this.dirty.add(k); }
  save_changes() { const d = [...this.dirty]; this.dirty.clear(); for (const k of d) this.emit('change:' + k); }
  on(e, cb) { (this.handlers[e] = this.handlers[e] || []).push(cb); }
  off(e, cb) { if (!e) { this.handlers = {}; return; } this.handlers[e] = (this.handlers[e] || []).filter(x => x !== cb); }
  emit(e, ...args) { for (const cb of (this.handlers[e] || []).slice()) cb(...args); }
  send(msg) { this.sent.push(msg); const reply = window.__reply ? window.__reply(msg, this) : null;
              if (reply) setTimeout(() => this.emit('msg:custom', reply), 0); }
}
window.FakeModel = FakeModel;
</script></body></html>
"""

MOUNT = """async ([source, stateJson]) => {
  const state = JSON.parse(stateJson);  // one string crosses the Playwright protocol much faster than 10k objects
  const url = URL.createObjectURL(new Blob([source], {type: 'text/javascript'}));
  const mod = await import(url);
  window.model = new FakeModel(state);
  performance.clearMarks(); performance.clearMeasures();
  mod.default.render({model: window.model, el: document.getElementById('host')});
  await new Promise(r => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => setTimeout(r, 0)), 0)));
  return performance.getEntriesByName('paperlab-cards:render').map(e => e.duration);
}"""


MEASURES = """(() => { const out = {};
  for (const n of ['paperlab-cards:filter', 'paperlab-cards:filter-work', 'paperlab-cards:filter-complete'])
    out[n] = performance.getEntriesByType('measure').filter(e => e.name === n).map(e => e.duration);
  return out; })()"""


# The baseline: all cards in the DOM, filtering by toggling display (same marks as the widget).
NAIVE = """async (stateJson) => {
  const papers = JSON.parse(stateJson).papers;
  const host = document.getElementById('host');
  host.replaceChildren();
  performance.clearMarks(); performance.clearMeasures();
  performance.mark('naive:render-start');
  const input = document.createElement('input'); input.type = 'search'; host.appendChild(input);
  const list = document.createElement('div'); host.appendChild(list);
  const hay = [];
  for (const p of papers) {
    const card = document.createElement('div');
    card.style.cssText = 'border:1px solid #ddd;margin:4px;padding:6px;height:140px;overflow:hidden';
    const t = document.createElement('div'); t.textContent = p.title; t.style.fontWeight = '600';
    const m = document.createElement('div'); m.textContent = (p.authors || []).slice(0, 3).join(', ') + ' · ' + (p.published || '');
    const a = document.createElement('div'); a.textContent = (p.abstract || '').slice(0, 300);
    card.append(t, m, a); list.appendChild(card);
    hay.push([p.title, p.abstract || '', (p.authors || []).join(' ')].join(' ').toLowerCase());
  }
  input.addEventListener('input', () => {
    performance.mark('naive:filter-start');
    requestAnimationFrame(() => setTimeout(() => {
      performance.mark('naive:filter-end');
      performance.measure('naive:filter', 'naive:filter-start', 'naive:filter-end');
    }, 0));
    const words = input.value.toLowerCase().split(/\\s+/).filter(w => w);
    const cards = list.children;
    for (let i = 0; i < cards.length; i++) {
      cards[i].style.display = words.every(w => hay[i].includes(w)) ? '' : 'none';
    }
  });
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  performance.mark('naive:render-end');
  performance.measure('naive:render', 'naive:render-start', 'naive:render-end');
  return performance.getEntriesByName('naive:render').map(e => e.duration);
}"""

QUERIES = ("diffusion model", "language agents", "reinforcement learning", "zzz")


def run_baseline(page: Any, papers: list[dict[str, Any]]) -> dict[str, Any]:
    """The naive-list baseline on the same page and papers."""
    out: dict[str, Any] = {"render_ms": []}
    for _ in range(3):
        page.set_content(HARNESS)
        out["render_ms"].extend(page.evaluate(NAIVE, json.dumps({"papers": papers})))
    out["dom_after_render"] = dom_count(page)
    box = page.locator("#host input[type=search]")
    filter_ms: list[float] = []
    for query in QUERIES:
        box.fill("")
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        page.evaluate("performance.clearMeasures()")
        box.focus()
        page.keyboard.type(query, delay=30)
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        page.wait_for_timeout(200)
        filter_ms.extend(
            page.evaluate(
                "performance.getEntriesByType('measure').filter(e => e.name === 'naive:filter').map(e => e.duration)"
            )
        )
    out["filter_ms"] = filter_ms
    return out


def demo_papers(n: int) -> list[dict[str, Any]]:
    """``n`` wire-format papers: the demo corpus repeated, each copy with its own id."""
    from paperlab.data import demo_library

    base = demo_library().to_dicts()
    out = []
    for i in range(n):
        d = dict(base[i % len(base)])
        copy = i // len(base)
        if copy:
            d["id"] = f"{d['id']}#{copy}"
            d["title"] = f"{d['title']} ({copy})"
        out.append(d)
    return out


def model_state(papers: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    """Initial traitlet values as PaperCards syncs them."""
    state = {
        "papers": papers,
        "scores": {},
        "query": "",
        "selected_ids": [],
        "listed_ids": [],
        "reading_list_name": "default",
        "search_mode": "hybrid",
        "search_k": 50,
        "label": "",
        "height": 560,
    }
    state.update(extra)
    return state


def mount(page: Any, papers: list[dict[str, Any]], **extra: Any) -> list[float]:
    """Load the harness page and render the widget; return the render measure(s) in ms."""
    page.set_content(HARNESS)
    return page.evaluate(MOUNT, [CARDS_JS.read_text(encoding="utf-8"), json.dumps(model_state(papers, **extra))])


def dom_count(page: Any) -> int:
    return page.evaluate("document.getElementById('host').querySelectorAll('*').length")


def run(n: int, screenshot: str | None = None) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    papers = demo_papers(n)
    result: dict[str, Any] = {"n": n}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        renders = []
        for _ in range(3):  # first run includes parsing the module; report each
            renders.extend(mount(page, papers))
        result["render_ms"] = renders
        result["dom_after_render"] = dom_count(page)
        box = page.locator("input[type=search]")
        filter_ms: list[float] = []
        work_ms: list[float] = []
        complete_ms: list[float] = []
        counts = {}
        for query in QUERIES:
            box.fill("")
            page.evaluate("performance.clearMeasures()")
            box.focus()
            page.keyboard.type(query, delay=30)
            page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            page.wait_for_timeout(200)  # let the rest of the last scan finish
            got = page.evaluate(MEASURES)
            filter_ms.extend(got["paperlab-cards:filter"])
            work_ms.extend(got["paperlab-cards:filter-work"])
            complete_ms.extend(got["paperlab-cards:filter-complete"])
            counts[query] = page.locator(".plc-count").last.inner_text()
        result["filter_ms"] = filter_ms
        result["filter_work_ms"] = work_ms
        result["filter_complete_ms"] = complete_ms
        result["counts"] = counts
        result["dom_after_filter"] = dom_count(page)
        box.fill("")
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        doms = []
        for frac in (0.5, 1.0):
            page.evaluate(
                f"(() => {{ const v = document.querySelector('.plc-viewport'); v.scrollTop = v.scrollHeight * {frac}; }})()"
            )
            page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            doms.append(dom_count(page))
        result["dom_after_scroll"] = doms
        if screenshot:
            Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
            page.evaluate("document.querySelector('.plc-viewport').scrollTop = 0")
            page.screenshot(path=screenshot)
        result["baseline"] = run_baseline(page, papers)
        browser.close()
    return result


def _stats(values: list[float]) -> str:
    f = sorted(values)
    if not f:
        return "none"
    p95 = f[min(len(f) - 1, int(0.95 * len(f)))]
    return f"median {statistics.median(f):.1f}, p95 {p95:.1f}, max {max(f):.1f} ({len(f)})"


def _pct(values: list[float], q: float) -> float:
    f = sorted(values)
    return f[min(len(f) - 1, int(q * len(f)))] if q != 0.5 else statistics.median(f)


def summarize(r: dict[str, Any]) -> str:
    lines = [
        f"papers: {r['n']}",
        "initial render (ms, 3 mounts): " + ", ".join(f"{x:.0f}" for x in r["render_ms"]),
        f"filter keystroke -> repaint (ms): {_stats(r['filter_ms'])}",
        f"filter keystroke handler, JS work (ms): {_stats(r['filter_work_ms'])}",
        f"filter keystroke -> full result and count (ms, scans that went on after the paint): "
        f"{_stats(r['filter_complete_ms'])}",
        f"DOM elements: after render {r['dom_after_render']}, after filter {r['dom_after_filter']}, "
        f"after scroll to middle/end {r['dom_after_scroll']}",
        "counts: " + json.dumps(r["counts"]),
        "",
        f"{'':<28}{'paperlab cards':>26}{'naive list (baseline)':>28}",
        f"{'initial render, ms (3)':<28}{' / '.join(f'{x:.0f}' for x in r['render_ms']):>26}"
        f"{' / '.join(f'{x:.0f}' for x in r['baseline']['render_ms']):>28}",
        f"{'keystroke->repaint median':<28}{_pct(r['filter_ms'], 0.5):>26.1f}{_pct(r['baseline']['filter_ms'], 0.5):>28.1f}",
        f"{'keystroke->repaint p95':<28}{_pct(r['filter_ms'], 0.95):>26.1f}{_pct(r['baseline']['filter_ms'], 0.95):>28.1f}",
        f"{'DOM elements after render':<28}{r['dom_after_render']:>26}{r['baseline']['dom_after_render']:>28}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of papers (default 10000)")
    parser.add_argument("--screenshot", default=None, help="save a screenshot of the rendered widget here")
    parser.add_argument("--json", action="store_true", help="print the raw measurements as JSON")
    args = parser.parse_args(argv)
    if not CARDS_JS.exists():
        print(f"{CARDS_JS} is missing: build it with `cd js && jlpm run build:widget`", file=sys.stderr)
        return 1
    result = run(args.n, args.screenshot)
    print(json.dumps(result) if args.json else summarize(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

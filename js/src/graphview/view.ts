/**
 * The citation graph view: sigma.js draws the graph (WebGL) and its labels (canvas); the hover card, the
 * pinned card, the toolbar and the legend are DOM elements whose paper text goes in only via textContent.
 *
 * - Library papers are solid and always labelled; their one-hop neighbours are faint. Size: citations.
 * - Colour: year or reading status (the toolbar switches; the model's `color_by`).
 * - Hover: the paper's card. Click: the card pinned, with "Add to reading list" (a kernel command).
 * - Wheel zooms, drag pans, "Reset view" goes back. Layout: ForceAtlas2, computed once per load.
 */

import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';

import { h, link } from '../common/dom';
import { IAnyModel, Invoke } from '../widget/types';
import { CSS } from './style';

export interface INode {
  id: string;
  title: string;
  authors: string;
  year: number | null;
  venue: string;
  url: string;
  in_library: boolean;
  citations: number | null;
  size: number;
  status: string;
  color_year: string;
  color_status: string;
}

type Legend = Array<[string, string]>;

const FAINT = 0.5; // how far a neighbour's colour is mixed into the background

/** `#rrggbb` mixed with `#rrggbb` (share `t` of the second); other colour forms are returned unchanged. */
export function mix(color: string, into: string, t: number): string {
  const rgb = (c: string) =>
    /^#[0-9a-f]{6}$/i.test(c)
      ? [1, 3, 5].map(i => parseInt(c.slice(i, i + 2), 16))
      : null;
  const a = rgb(color);
  const b = rgb(into);
  if (!a || !b) {
    return color;
  }
  return (
    '#' +
    a
      .map((v, i) => Math.round(v * (1 - t) + b[i] * t))
      .map(v => v.toString(16).padStart(2, '0'))
      .join('')
  );
}

/** A CSS colour as `#rrggbb` (the browser resolves names, rgb() and theme variables). */
function hex(el: Element, css: string): string {
  const probe = document.createElement('span');
  probe.style.color = css;
  el.appendChild(probe);
  const parts = (getComputedStyle(probe).color.match(/[\d.]+/g) ?? []).map(
    Number
  );
  probe.remove();
  return parts.length >= 3
    ? '#' +
        parts
          .slice(0, 3)
          .map(v => Math.round(v).toString(16).padStart(2, '0'))
          .join('')
    : '#ffffff';
}

/** A stable pseudo-random number in [0, 1) for a string (initial positions before the layout). */
function unit(text: string, salt: number): number {
  let x = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) {
    x = Math.imul(x ^ text.charCodeAt(i), 16777619);
  }
  return ((x >>> 0) % 100000) / 100000;
}

function themeColor(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

export class GraphView {
  readonly root = h('div', 'plg-root');
  private readonly stage = h('div', 'plg-stage');
  private readonly container = h('div', 'plg-sigma');
  private readonly tip = h('div', 'plg-tip');
  private readonly card = h('div', 'plg-card');
  private readonly count = h('span', 'plg-count');
  private readonly colorBy = h('select');
  private readonly legend = h('div', 'plg-legend');
  private graph = new Graph({ type: 'directed' });
  private renderer: Sigma | null = null;
  private nodes = new Map<string, INode>();
  private background = '#ffffff';
  /** False while a large graph is still being laid out (a few ForceAtlas2 iterations per frame). */
  private settled = true;
  private layoutRun = 0;
  private readonly listeners: Array<[string, () => void]> = [];
  private readonly themeWatch = new MutationObserver(() => this.applyTheme());
  // sigma sizes its canvases from the container: the output area gives it a size only once attached
  private readonly sizeWatch = new ResizeObserver(() => this.fit());

  constructor(
    private readonly model: IAnyModel,
    private readonly invoke: Invoke | undefined,
    private readonly signal?: AbortSignal
  ) {
    const bar = h('div', 'plg-bar');
    for (const [value, text] of [
      ['year', 'Colour: year'],
      ['status', 'Colour: reading status']
    ]) {
      const option = h('option', undefined, text);
      option.value = value;
      this.colorBy.append(option);
    }
    this.colorBy.title = 'What the colour of a paper says';
    this.colorBy.addEventListener('change', () => {
      this.model.set('color_by', this.colorBy.value);
      this.model.save_changes();
      this.recolor();
    });
    const reset = h('button', undefined, 'Reset view');
    reset.type = 'button';
    reset.addEventListener('click', () => this.resetView());
    const hint = h(
      'span',
      'plg-hint',
      'hover: card · click: open card · wheel: zoom · drag: pan'
    );
    bar.append(this.count, this.colorBy, reset, hint);
    this.tip.hidden = true;
    this.card.hidden = true;
    this.stage.append(this.container, this.tip, this.card);
    this.root.setAttribute('role', 'application');
    this.root.setAttribute('aria-label', 'Citation graph');
    this.root.append(h('style', undefined, CSS), bar, this.stage, this.legend);
    Object.defineProperty(this.root, 'paperlabGraph', {
      value: {
        screenPosition: (id: string) => this.position(id),
        nodeColor: (id: string) =>
          this.renderer?.getNodeDisplayData(id)?.color ?? null,
        settled: () => this.settled
      }
    });
  }

  start(): void {
    this.listen('change:nodes', () => this.update());
    this.listen('change:edges', () => this.load());
    this.listen('change:color_by', () => this.recolor());
    this.listen('change:height', () => this.resize());
    this.themeWatch.observe(document.body, {
      attributes: true,
      attributeFilter: ['data-jp-theme-light', 'data-jp-theme-name']
    });
    this.resize();
    this.load();
    this.sizeWatch.observe(this.container);
  }

  dispose(): void {
    for (const [event, callback] of this.listeners) {
      this.model.off(event, callback);
    }
    this.themeWatch.disconnect();
    this.layoutRun++;
    this.sizeWatch.disconnect();
    this.renderer?.kill();
    this.renderer = null;
  }

  private listen(event: string, callback: () => void): void {
    this.model.on(event, callback);
    this.listeners.push([event, callback]);
  }

  private resize(): void {
    const height = Math.max(Number(this.model.get('height')) || 520, 200);
    this.stage.style.height = `${height}px`;
    this.renderer?.refresh();
  }

  private color(node: INode): string {
    const base =
      this.model.get('color_by') === 'status'
        ? node.color_status
        : node.color_year;
    return node.in_library ? base : mix(base, this.background, FAINT);
  }

  /** Build the graph from the model, lay it out and (re)create the renderer. */
  private load(): void {
    const rows = (this.model.get('nodes') as INode[]) ?? [];
    const edges = (this.model.get('edges') as Array<[string, string]>) ?? [];
    this.nodes = new Map(rows.map(n => [n.id, n]));
    const graph = new Graph({ type: 'directed' });
    for (const n of rows) {
      graph.addNode(n.id, {
        x: unit(n.id, 1),
        y: unit(n.id, 2),
        size: n.size,
        label: n.title,
        color: this.color(n),
        forceLabel: n.in_library,
        zIndex: n.in_library ? 1 : 0
      });
    }
    for (const [a, b] of edges) {
      if (graph.hasNode(a) && graph.hasNode(b) && !graph.hasEdge(a, b)) {
        graph.addEdge(a, b, { size: 1 });
      }
    }
    this.graph = graph;
    this.layout(graph);
    this.renderer?.kill();
    this.renderer = new Sigma(graph, this.container, {
      allowInvalidContainer: true,
      // large graphs: edges and labels wait while the camera moves (software WebGL draws 4,000 edges slowly)
      hideEdgesOnMove: graph.size > 1000,
      hideLabelsOnMove: graph.order > 1000,
      defaultEdgeType: 'arrow',
      renderEdgeLabels: false,
      zIndex: true,
      labelRenderedSizeThreshold: 9,
      labelFont: getComputedStyle(this.root).fontFamily || 'sans-serif',
      // the hover card is ours (themed DOM); sigma only rings the hovered node
      defaultDrawNodeHover: (context, data) => {
        context.beginPath();
        context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
        context.strokeStyle = themeColor(
          this.root,
          '--jp-ui-font-color1',
          '#1f1f1f'
        );
        context.lineWidth = 2;
        context.stroke();
      }
    });
    this.renderer.on('enterNode', ({ node }) => this.showTip(node));
    this.renderer.on('leaveNode', () => {
      this.tip.hidden = true;
    });
    this.renderer.on('clickNode', ({ node }) => this.openCard(node));
    this.renderer.on('clickStage', () => {
      this.card.hidden = true;
    });
    this.colorBy.value = String(this.model.get('color_by') || 'year');
    this.applyTheme();
    this.showLegend();
    const library = rows.filter(n => n.in_library).length;
    this.count.textContent =
      `${library} library papers · ${rows.length - library} neighbours · ` +
      `${graph.size} citations`;
  }

  /**
   * ForceAtlas2: small graphs at once; large ones a few iterations per animation frame, so the first frame
   * shows at once and the view stays interactive while the layout settles (sigma redraws as nodes move).
   */
  private layout(graph: Graph): void {
    const run = ++this.layoutRun;
    if (graph.order < 2) {
      this.settled = true;
      return;
    }
    const settings = {
      ...forceAtlas2.inferSettings(graph),
      barnesHutOptimize: graph.order > 300
    };
    if (graph.order <= 300) {
      forceAtlas2.assign(graph, { iterations: 150, settings });
      this.settled = true;
      return;
    }
    this.settled = false;
    let left = 48;
    const step = () => {
      if (run !== this.layoutRun || this.graph !== graph) {
        return; // a newer load (or dispose) took over
      }
      forceAtlas2.assign(graph, { iterations: 8, settings });
      left -= 8;
      if (left > 0) {
        requestAnimationFrame(step);
      } else {
        this.settled = true;
      }
    };
    requestAnimationFrame(step);
  }

  /** The kernel changed node rows (e.g. a status after "Add to reading list"): recolour in place. */
  private update(): void {
    const rows = (this.model.get('nodes') as INode[]) ?? [];
    if (
      rows.length !== this.nodes.size ||
      rows.some(n => !this.nodes.has(n.id))
    ) {
      this.load();
      return;
    }
    this.nodes = new Map(rows.map(n => [n.id, n]));
    this.recolor();
    const open = this.card.dataset.id;
    if (open && !this.card.hidden) {
      this.openCard(open);
    }
  }

  private recolor(): void {
    this.colorBy.value = String(this.model.get('color_by') || 'year');
    for (const [id, n] of this.nodes) {
      if (this.graph.hasNode(id)) {
        this.graph.setNodeAttribute(id, 'color', this.color(n));
      }
    }
    this.showLegend();
  }

  /** Size sigma's canvases to the container again (forced: a theme switch can leave them at 1 px). */
  private fit(): void {
    if (this.container.clientWidth > 0 && this.container.clientHeight > 0) {
      this.renderer?.resize(true);
      this.renderer?.refresh();
    }
  }

  private applyTheme(): void {
    const r = this.renderer;
    if (!r) {
      return;
    }
    requestAnimationFrame(() => this.fit());
    this.background = hex(this.root, 'var(--jp-layout-color1, #ffffff)');
    this.recolor();
    r.setSetting('labelColor', {
      color: themeColor(this.root, '--jp-ui-font-color1', '#1f1f1f')
    });
    r.setSetting(
      'defaultEdgeColor',
      themeColor(this.root, '--jp-border-color1', '#bdbdbd')
    );
    r.refresh();
  }

  private showLegend(): void {
    const legends = (this.model.get('legends') as Record<string, Legend>) ?? {};
    const mode = String(this.model.get('color_by') || 'year');
    const item = (text: string, className: string, color?: string) => {
      const span = h('span');
      const swatch = h('span', className);
      if (color) {
        swatch.style.setProperty('--plg-color', color);
      }
      span.append(swatch, text);
      return span;
    };
    this.legend.replaceChildren(
      item('library paper (labelled)', 'plg-swatch', '#8c8c8c'),
      item('cited or citing neighbour', 'plg-swatch plg-faint', '#8c8c8c'),
      ...(legends[mode] ?? []).map(([label, color]) =>
        item(label, 'plg-swatch', color)
      )
    );
  }

  private fill(box: HTMLElement, n: INode): void {
    const meta = [
      n.year === null ? '' : String(n.year),
      n.venue,
      n.citations === null ? '' : `${n.citations} citations`
    ]
      .filter(Boolean)
      .join(' · ');
    box.replaceChildren(
      h('div', 'plg-title', n.title),
      h('div', 'plg-meta', n.authors),
      h('div', 'plg-meta', meta),
      h(
        'div',
        'plg-meta',
        (n.in_library ? 'in your library' : 'not in your library') +
          (n.status ? ` · ${n.status}` : '')
      )
    );
    box.dataset.id = n.id;
  }

  private showTip(id: string): void {
    const n = this.nodes.get(id);
    const at = this.position(id);
    if (!n || !at) {
      return;
    }
    this.fill(this.tip, n);
    const box = this.stage.getBoundingClientRect();
    const x = at[0] - box.left;
    const y = at[1] - box.top;
    this.tip.style.left = `${Math.min(x + 12, Math.max(box.width - 360, 0))}px`;
    this.tip.style.top = `${y + 12 > box.height - 90 ? Math.max(y - 90, 0) : y + 12}px`;
    this.tip.hidden = false;
  }

  private openCard(id: string): void {
    const n = this.nodes.get(id);
    if (!n) {
      return;
    }
    this.fill(this.card, n);
    const add = h(
      'button',
      'plg-add',
      n.status ? `On reading list (${n.status})` : 'Add to reading list'
    );
    add.type = 'button';
    add.disabled = Boolean(n.status) || !this.invoke;
    add.addEventListener('click', () => void this.addToList(id, add));
    const close = h('button', undefined, '×');
    close.type = 'button';
    close.title = 'Close';
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', () => {
      this.card.hidden = true;
    });
    const actions = h('div', 'plg-actions');
    actions.append(add, link('Open', n.url), close);
    this.card.append(actions);
    this.card.hidden = false;
    this.model.set('opened_id', id);
    this.model.save_changes();
  }

  private async addToList(
    id: string,
    button: HTMLButtonElement
  ): Promise<void> {
    if (!this.invoke) {
      return;
    }
    button.disabled = true;
    button.textContent = 'Adding…';
    try {
      const [answer] = await this.invoke(
        '_cmd_list',
        { id },
        { signal: this.signal }
      );
      const a = answer as { ok: boolean; status?: string; error?: string };
      button.textContent = a.ok
        ? `On reading list (${a.status})`
        : `Could not add: ${a.error ?? 'unknown error'}`;
      button.disabled = a.ok;
    } catch (err) {
      button.textContent = `Could not add: ${String(err)}`;
      button.disabled = false;
    }
  }

  private resetView(): void {
    void this.renderer?.getCamera().animatedReset({ duration: 0 });
  }

  /** Where a node is on the page (client coordinates), for tests and the hover card. */
  private position(id: string): [number, number] | null {
    const r = this.renderer;
    if (!r || !this.graph.hasNode(id)) {
      return null;
    }
    const p = r.graphToViewport(
      this.graph.getNodeAttributes(id) as { x: number; y: number }
    );
    const box = this.container.getBoundingClientRect();
    return [box.left + p.x, box.top + p.y];
  }
}

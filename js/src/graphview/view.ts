/**
 * The citation graph view: sigma.js draws the graph (WebGL) and its labels (canvas); the hover card, the
 * pinned card, the toolbar and the legend are DOM elements whose paper text goes in only via textContent.
 *
 * - Library papers are solid; their one-hop neighbours are faint. Size: citations. Labels where they fit
 *   (labels.ts: sigma's label grid plus a per-frame budget); the hovered and the opened node always.
 * - Colour: year or reading status (the toolbar switches; the model's `color_by`).
 * - Hover: the paper's tip. Click: one popover next to the node, with "Add to reading list" (a kernel
 *   command) and "Open" (common/popover.ts, shared with the topic map).
 * - Wheel zooms, drag pans, "Reset view" goes back to the whole graph. Layout: ForceAtlas2, computed once
 *   per load; a graph without citations is packed as a sunflower by year (layout.ts); either is stretched
 *   to the view's proportions. No citations at all: the header says how to fetch them.
 */

import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';

import { h } from '../common/dom';
import {
  fillPaperBox,
  IPopoverPaper,
  listedText,
  placeNear,
  popoverActions
} from '../common/popover';
import { IAnyModel, Invoke } from '../widget/types';
import { drawHoverLabel, drawRings, LabelBudget, nodeDiscs } from './labels';
import { stretchToAspect, sunflower } from './layout';
import { CSS } from './style';
import {
  countLine,
  emptyHint,
  FAINT,
  hex,
  INode,
  Legend,
  mix,
  themeColor,
  unit
} from './nodes';

export { countLine, emptyHint, mix } from './nodes';
export type { INode } from './nodes';

export class GraphView {
  readonly root = h('div', 'plg-root');
  private readonly stage = h('div', 'plg-stage');
  private readonly container = h('div', 'plg-sigma');
  private readonly tip = h('div', 'plg-tip');
  private readonly card = h('div', 'plg-card');
  private readonly count = h('span', 'plg-count');
  private readonly empty = h('span', 'plg-empty');
  private readonly labels = new LabelBudget(
    () => ({
      width: this.container.clientWidth,
      height: this.container.clientHeight
    }),
    () => this.background,
    () => (this.renderer ? nodeDiscs(this.renderer) : [])
  );
  private readonly colorBy = h('select');
  private readonly legend = h('div', 'plg-legend');
  private graph = new Graph({ type: 'directed' });
  private renderer: Sigma | null = null;
  private nodes = new Map<string, INode>();
  /** Theme colours, read while the view is attached (a detached element has no theme variables). */
  private background = '#ffffff';
  private ink = { label: '#1f1f1f', ring: '#1f1f1f', heading: '#000000' };
  private themed = false;
  /** False while a large graph is still being laid out (a few ForceAtlas2 iterations per frame). */
  private settled = true;
  private layoutRun = 0;
  /** The width/height ratio the layout was last stretched to. */
  private aspect = 0;
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
    this.empty.hidden = true;
    this.empty.setAttribute('role', 'note');
    bar.append(this.count, this.colorBy, reset, hint, this.empty);
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
        theme: () => ({
          label: this.renderer?.getSetting('labelColor').color ?? null,
          ring: this.ink.ring,
          background: this.background,
          halo: this.labels.halo()
        }),
        settled: () => this.settled,
        labels: () => this.labels.drawn.map(b => ({ ...b })),
        discs: () => this.labels.nodesOfFrame(),
        viewport: () => [
          this.container.clientWidth,
          this.container.clientHeight
        ]
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
      labelRenderedSizeThreshold: 0,
      labelDensity: 1,
      labelGridCellSize: 120,
      stagePadding: 24,
      labelFont: getComputedStyle(this.root).fontFamily || 'sans-serif',
      defaultDrawNodeLabel: this.labels.draw,
      // the hovered and the opened node: a ring and the label on a background, always
      defaultDrawNodeHover: (context, data, settings) =>
        drawHoverLabel(
          context,
          data,
          settings,
          {
            ring: this.ink.ring,
            text: this.ink.heading,
            background: this.background
          },
          {
            width: this.container.clientWidth,
            height: this.container.clientHeight
          }
        )
    });
    this.renderer.on('beforeRender', () => this.labels.reset());
    this.renderer.createCanvasContext('plg-rings', {
      style: { pointerEvents: 'none' }
    });
    const canvases = this.renderer.getCanvases();
    canvases.nodes.after(canvases['plg-rings']); // above the nodes, below labels and the mouse layer
    const rings = canvases['plg-rings'].getContext('2d');
    const library = rows.filter(n => n.in_library).map(n => n.id);
    this.renderer.on('afterRender', () => {
      if (this.renderer && rings) {
        drawRings(this.renderer, rings, library, this.ink.ring);
      }
    });
    this.renderer.on('enterNode', ({ node }) => this.showTip(node));
    this.renderer.on('leaveNode', () => {
      this.tip.hidden = true;
    });
    this.renderer.on('clickNode', ({ node }) => this.openCard(node));
    this.renderer.on('clickStage', () => this.closeCard());
    this.renderer.getCamera().on('updated', () => this.placeCard());
    this.colorBy.value = String(this.model.get('color_by') || 'year');
    this.themed = false;
    this.applyTheme();
    this.showLegend();
    this.count.textContent = countLine(
      library.length,
      rows.length - library.length,
      graph.size
    );
    // why there is no citation (a service was unreachable, none found), else how to fetch them
    this.empty.textContent =
      String(this.model.get('empty_note') || '') ||
      emptyHint(String(this.model.get('var_name') || ''));
    this.empty.hidden = graph.size > 0 || rows.length === 0;
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
    const aspect = () => {
      this.aspect =
        (this.container.clientWidth || this.root.clientWidth || 800) /
        Math.max(Number(this.model.get('height')) || 520, 200);
      return this.aspect;
    };
    if (graph.size === 0) {
      // nothing pulls the nodes together: an even disc, oldest first (in the middle), then by id
      const year = (id: string) => this.nodes.get(id)?.year ?? 9999;
      sunflower(
        graph,
        graph.nodes().sort((a, b) => year(a) - year(b) || (a < b ? -1 : 1))
      );
      stretchToAspect(graph, aspect());
      this.settled = true;
      return;
    }
    const settings = {
      ...forceAtlas2.inferSettings(graph),
      barnesHutOptimize: graph.order > 300
    };
    if (graph.order <= 300) {
      forceAtlas2.assign(graph, { iterations: 150, settings });
      stretchToAspect(graph, aspect());
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
        stretchToAspect(graph, aspect());
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
    const { clientWidth: w, clientHeight: hgt } = this.container;
    if (!this.themed && this.root.isConnected) {
      this.applyTheme(); // drawn before it was attached (a fresh output, a reload): the theme's colours now
    }
    if (w > 0 && hgt > 0) {
      if (
        this.settled &&
        Math.abs(w / hgt - this.aspect) > 0.02 * this.aspect
      ) {
        // the view's proportions changed (first attach, a resized notebook): fill it again
        this.aspect = w / hgt;
        stretchToAspect(this.graph, this.aspect);
      }
      this.renderer?.resize(true);
      this.renderer?.refresh();
    }
  }

  private applyTheme(): void {
    const r = this.renderer;
    if (!r || !this.root.isConnected) {
      return; // fit() reads the theme once the view is attached
    }
    this.themed = true;
    requestAnimationFrame(() => this.fit());
    this.background = hex(this.root, 'var(--jp-layout-color1, #ffffff)');
    this.ink = {
      label: hex(this.root, 'var(--jp-ui-font-color1, #1f1f1f)'),
      ring: hex(this.root, 'var(--jp-ui-font-color1, #1f1f1f)'),
      heading: hex(this.root, 'var(--jp-ui-font-color0, #000000)')
    };
    this.recolor();
    r.setSetting('labelColor', { color: this.ink.label });
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
    const colours = legends[mode] ?? [];
    // membership is a mark, not a colour: a ring for a library paper, a faint dot (any colour) for a neighbour
    const neighbour = item('cited or citing neighbour', 'plg-swatch plg-faint');
    neighbour.firstElementChild?.setAttribute(
      'style',
      `background: conic-gradient(${[...colours.map(c => c[1]), '#8c8c8c'].join(', ')})`
    );
    this.legend.replaceChildren(
      item('library paper', 'plg-swatch plg-ring'),
      neighbour,
      ...colours.map(([label, color]) => item(label, 'plg-swatch', color))
    );
  }

  private listName(): string {
    return String(this.model.get('reading_list_name') || 'default');
  }

  /** What the tip and the popover show of a node. */
  private paper(n: INode): IPopoverPaper {
    const meta = [
      n.year === null ? '' : String(n.year),
      n.venue,
      n.citations === null ? '' : `${n.citations} citations`
    ]
      .filter(Boolean)
      .join(' · ');
    const where =
      (n.in_library ? 'in your library' : 'not in your library') +
      (n.status ? ` · ${listedText(this.listName(), n.status)}` : '');
    return {
      id: n.id,
      title: n.title,
      lines: [n.authors, meta, where],
      url: n.url,
      status: n.status,
      list: this.listName()
    };
  }

  private showTip(id: string): void {
    const n = this.nodes.get(id);
    const at = this.position(id);
    // the opened node already has its popover: one card per node, never two
    if (!n || !at || (!this.card.hidden && this.card.dataset.id === id)) {
      return;
    }
    fillPaperBox(this.tip, 'plg', this.paper(n));
    this.tip.hidden = false;
    const box = this.stage.getBoundingClientRect();
    placeNear(this.tip, this.stage, at[0] - box.left, at[1] - box.top);
  }

  private openCard(id: string): void {
    const n = this.nodes.get(id);
    if (!n) {
      return;
    }
    this.tip.hidden = true;
    const before = this.card.dataset.id;
    if (before && before !== id && this.graph.hasNode(before)) {
      this.graph.setNodeAttribute(before, 'highlighted', false);
    }
    const paper = this.paper(n);
    fillPaperBox(this.card, 'plg', paper);
    this.card.append(
      popoverActions('plg', paper, this.invoke, this.signal, () =>
        this.closeCard()
      )
    );
    this.card.hidden = false;
    // sigma draws highlighted nodes on the hover layer: the opened node keeps its ring and label
    this.graph.setNodeAttribute(id, 'highlighted', true);
    this.placeCard();
    this.model.set('opened_id', id);
    this.model.save_changes();
  }

  /** Keep the popover next to its node (after a zoom, a pan or a reset). */
  private placeCard(): void {
    const id = this.card.dataset.id;
    const at = id ? this.position(id) : null;
    if (this.card.hidden || !at) {
      return;
    }
    const box = this.stage.getBoundingClientRect();
    placeNear(this.card, this.stage, at[0] - box.left, at[1] - box.top);
  }

  private closeCard(): void {
    const id = this.card.dataset.id;
    this.card.hidden = true;
    if (id && this.graph.hasNode(id)) {
      this.graph.setNodeAttribute(id, 'highlighted', false);
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

/**
 * The topic map view: points on a canvas, topic labels and the hover card as DOM elements on top.
 *
 * - Hover: the nearest point within a few pixels shows its card (title, authors, year · venue,
 *   topic, snippet), all set with textContent.
 * - Click: selects a point (Shift/Ctrl/Cmd toggles it) and opens its popover next to it, with "Add to
 *   reading list" and "Open" (common/popover.ts, shared with the citation graph); a click on empty space
 *   clears both.
 * - Drag: draws a lasso; on release every point inside is selected (Shift adds).
 * - Ctrl+wheel zooms at the pointer, Alt+drag pans, "Reset view" (or double-click) goes back.
 * - Legend: a topic's button selects its points; a topic whose label found no room on the map says so
 *   there (labels.ts places labels where they hide the fewest points). Escape clears the selection.
 * The selection is the model's `selected_ids`, so the kernel sees it as `TopicMap.selected`.
 */

import { polygonContains } from 'd3-polygon';

import { h } from '../common/dom';
import {
  fillPaperBox,
  IPopoverPaper,
  placeNear,
  popoverActions
} from '../common/popover';
import { IAnyModel, Invoke } from '../widget/types';
import { IBox, placeLabels } from './labels';
import { CSS } from './style';

export interface IPoint {
  id: string;
  x: number;
  y: number;
  topic: number;
  title: string;
  authors: string;
  year: number | null;
  venue: string;
  snippet: string;
  url: string;
  /** Status on the widget's reading list ('' when not listed). */
  status: string;
}

export interface ITopic {
  topic: number;
  label: string;
  size: number;
  color: string;
  x: number;
  y: number;
}

const PAD = 14;
const RADIUS = 3.5;
const HIT = 8;
const DRAG = 4;

export class MapView {
  readonly root = h('div', 'plm-root');
  private readonly stage = h('div', 'plm-stage');
  private readonly canvas = h('canvas');
  private readonly tip = h('div', 'plm-tip');
  private readonly card = h('div', 'plm-card');
  private legendItems = new Map<number, HTMLButtonElement>();
  private readonly count = h('span', 'plm-count');
  private readonly clear = h('button', undefined, 'Clear selection');
  private readonly reset = h('button', undefined, 'Reset view');
  /** Zoom and pan: screen = offset + zoom * base position. */
  private view = { zoom: 1, dx: 0, dy: 0 };
  private base: Array<[number, number]> = [];
  private size = { width: 0, height: 0 };
  private pan: { x: number; y: number } | null = null;
  private readonly legend = h('div', 'plm-legend');
  private labels: HTMLElement[] = [];
  private points: IPoint[] = [];
  private topics = new Map<number, ITopic>();
  private screen: Array<[number, number]> = [];
  private selected = new Set<string>();
  private lasso: Array<[number, number]> | null = null;
  private press: { x: number; y: number; shift: boolean } | null = null;
  private readonly resize = new ResizeObserver(() => this.layout());
  private readonly listeners: Array<[string, () => void]> = [];

  constructor(
    private readonly model: IAnyModel,
    private readonly invoke?: Invoke,
    private readonly signal?: AbortSignal
  ) {
    const style = h('style', undefined, CSS);
    const bar = h('div', 'plm-bar');
    const hint = h(
      'span',
      'plm-hint',
      'hover: card · click: select · drag: lasso · Ctrl+wheel: zoom · Alt+drag: pan · Esc: clear'
    );
    this.clear.type = 'button';
    this.clear.addEventListener('click', () => this.setSelection([]));
    this.reset.type = 'button';
    this.reset.addEventListener('click', () => this.resetView());
    bar.append(this.count, this.clear, this.reset, hint);
    this.tip.hidden = true;
    this.card.hidden = true;
    this.card.setAttribute('role', 'dialog');
    this.card.setAttribute('aria-label', 'Paper');
    this.stage.append(this.canvas, this.tip, this.card);
    this.root.tabIndex = 0;
    this.root.setAttribute('role', 'application');
    this.root.setAttribute('aria-label', 'Topic map');
    this.root.append(style, bar, this.stage, this.legend);
    Object.defineProperty(this.root, 'paperlabMap', {
      value: {
        screenPosition: (id: string) => this.position(id),
        // the topic labels as placed: box (stage pixels) or null when hidden
        labels: () =>
          this.labels.map(l => ({
            topic: Number(l.dataset.topic),
            hidden: l.hidden,
            box: l.hidden
              ? null
              : {
                  left: l.offsetLeft,
                  top: l.offsetTop,
                  width: l.offsetWidth,
                  height: l.offsetHeight
                }
          }))
      }
    });
  }

  start(): void {
    this.listen('change:points', () => this.load());
    this.listen('change:topics', () => this.load());
    this.listen('change:selected_ids', () => this.syncSelection());
    this.listen('change:height', () => this.layout());
    this.canvas.addEventListener('mousedown', ev => this.onDown(ev));
    this.canvas.addEventListener('mousemove', ev => this.onMove(ev));
    this.canvas.addEventListener('mouseleave', () => this.hideTip());
    this.canvas.addEventListener('wheel', ev => this.onWheel(ev), {
      passive: false
    });
    this.canvas.addEventListener('dblclick', () => this.resetView());
    window.addEventListener('mouseup', this.onUp);
    this.root.addEventListener('keydown', ev => {
      if (ev.key === 'Escape' && (this.selected.size || !this.card.hidden)) {
        ev.stopPropagation();
        this.closeCard();
        this.setSelection([]);
      }
    });
    this.resize.observe(this.stage);
    this.load();
  }

  dispose(): void {
    for (const [event, callback] of this.listeners) {
      this.model.off(event, callback);
    }
    window.removeEventListener('mouseup', this.onUp);
    this.resize.disconnect();
  }

  private listen(event: string, callback: () => void): void {
    this.model.on(event, callback);
    this.listeners.push([event, callback]);
  }

  private load(): void {
    this.points = (this.model.get('points') as IPoint[]) ?? [];
    const topics = (this.model.get('topics') as ITopic[]) ?? [];
    this.topics = new Map(topics.map(t => [t.topic, t]));
    this.legendItems = new Map();
    this.legend.replaceChildren(
      ...topics.map(t => {
        const b = h('button');
        this.legendItems.set(t.topic, b);
        b.type = 'button';
        b.title = `Select the ${t.size} papers of this topic`;
        b.style.setProperty('--plm-topic', t.color);
        b.append(h('span', 'plm-swatch'), `${t.label} (${t.size})`);
        b.addEventListener('click', () =>
          this.setSelection(
            this.points.filter(p => p.topic === t.topic).map(p => p.id)
          )
        );
        return b;
      })
    );
    this.syncSelection();
    this.layout();
    // the kernel's answer to "Add to reading list" changes the points: keep the open popover, updated
    const open = this.card.hidden
      ? -1
      : this.points.findIndex(p => p.id === this.card.dataset.id);
    if (open >= 0) {
      this.openCard(open);
    } else {
      this.closeCard();
    }
  }

  private syncSelection(): void {
    this.selected = new Set((this.model.get('selected_ids') as string[]) ?? []);
    const n = this.selected.size;
    const topics = this.topics.size;
    this.count.textContent =
      `${this.points.length} papers · ${topics} topic${topics === 1 ? '' : 's'}` +
      (n ? ` · ${n} selected` : '');
    this.clear.disabled = n === 0;
    this.draw();
  }

  private setSelection(ids: string[]): void {
    this.model.set('selected_ids', [...new Set(ids)]);
    this.model.save_changes();
    this.syncSelection();
  }

  private layout(): void {
    const width = Math.max(this.stage.clientWidth, 200);
    const height = Math.max(Number(this.model.get('height')) || 480, 160);
    const ratio = window.devicePixelRatio || 1;
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.size = { width, height };
    const at = (x: number, y: number): [number, number] => [
      PAD + x * (width - 2 * PAD),
      PAD + (1 - y) * (height - 2 * PAD)
    ];
    this.base = this.points.map(p => at(p.x, p.y));
    this.applyView();
  }

  /** Screen positions and labels for the current zoom and pan. */
  private applyView(): void {
    const { zoom, dx, dy } = this.view;
    const { width, height } = this.size;
    const to = ([x, y]: [number, number]): [number, number] => [
      dx + zoom * x,
      dy + zoom * y
    ];
    this.screen = this.base.map(to);
    const spanX = width - 2 * PAD;
    const spanY = height - 2 * PAD;
    this.placeLabels(width, height, (x, y) =>
      to([PAD + x * spanX, PAD + (1 - y) * spanY])
    );
    this.reset.disabled = zoom === 1 && dx === 0 && dy === 0;
    this.draw();
    this.placeCard();
  }

  private resetView(): void {
    this.view = { zoom: 1, dx: 0, dy: 0 };
    this.applyView();
  }

  private onWheel(ev: WheelEvent): void {
    if (!(ev.ctrlKey || ev.metaKey)) {
      return; // plain wheel scrolls the notebook
    }
    ev.preventDefault();
    const [x, y] = this.local(ev);
    const { zoom, dx, dy } = this.view;
    const next = Math.min(Math.max(zoom * Math.exp(-ev.deltaY / 300), 1), 40);
    const f = next / zoom;
    this.view = { zoom: next, dx: x - f * (x - dx), dy: y - f * (y - dy) };
    if (next === 1) {
      this.view = { zoom: 1, dx: 0, dy: 0 };
    }
    this.hideTip();
    this.applyView();
  }

  private placeLabels(
    width: number,
    height: number,
    at: (x: number, y: number) => [number, number]
  ): void {
    for (const label of this.labels) {
      label.remove();
    }
    const topics = [...this.topics.values()];
    this.labels = topics.map(t => {
      const label = h('div', 'plm-label', t.label);
      label.style.setProperty('--plm-topic', t.color);
      label.dataset.topic = String(t.topic);
      this.stage.append(label);
      return label;
    });
    const boxes: Array<IBox | null> = placeLabels(
      topics.map((t, i) => {
        const [x, y] = at(t.x, t.y);
        return {
          x,
          y,
          width: this.labels[i].offsetWidth,
          height: this.labels[i].offsetHeight
        };
      }),
      width,
      height,
      this.screen,
      RADIUS + 1.5 // a selected point's dot
    );
    boxes.forEach((box, i) => {
      const label = this.labels[i];
      label.hidden = box === null;
      if (box) {
        label.style.left = `${box.left}px`;
        label.style.top = `${box.top}px`;
      }
      const item = this.legendItems.get(topics[i].topic);
      if (item) {
        // a label with no room on the map: its legend entry stands in, and says so
        item.classList.toggle('plm-unplaced', box === null);
        item.title =
          `Select the ${topics[i].size} papers of this topic` +
          (box === null
            ? ' (no room for its label on the map at this zoom)'
            : '');
      }
    });
  }

  private draw(): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) {
      return;
    }
    const ratio = window.devicePixelRatio || 1;
    const css = getComputedStyle(this.root);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const dim = this.selected.size > 0;
    this.points.forEach((p, i) => {
      const [x, y] = this.screen[i] ?? [0, 0];
      const on = this.selected.has(p.id);
      ctx.globalAlpha = dim && !on ? 0.22 : 0.9;
      ctx.fillStyle = this.topics.get(p.topic)?.color ?? '#888';
      ctx.beginPath();
      ctx.arc(x, y, on ? RADIUS + 1.5 : RADIUS, 0, 2 * Math.PI);
      ctx.fill();
      if (on) {
        ctx.globalAlpha = 1;
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = css.getPropertyValue('--jp-ui-font-color0') || '#000';
        ctx.stroke();
      }
    });
    ctx.globalAlpha = 1;
    if (this.lasso && this.lasso.length > 1) {
      ctx.strokeStyle = css.getPropertyValue('--jp-brand-color1') || '#1976d2';
      ctx.setLineDash([4, 3]);
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      this.lasso.forEach(([x, y], i) =>
        i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)
      );
      ctx.closePath();
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }

  private local(ev: MouseEvent): [number, number] {
    const rect = this.canvas.getBoundingClientRect();
    return [ev.clientX - rect.left, ev.clientY - rect.top];
  }

  private nearest(x: number, y: number): number {
    let best = -1;
    let bestD = HIT * HIT + 1e-9;
    this.screen.forEach(([px, py], i) => {
      const d = (px - x) ** 2 + (py - y) ** 2;
      if (d < bestD) {
        best = i;
        bestD = d;
      }
    });
    return best;
  }

  private position(id: string): [number, number] | null {
    const i = this.points.findIndex(p => p.id === id);
    if (i < 0) {
      return null;
    }
    const rect = this.canvas.getBoundingClientRect();
    return [rect.left + this.screen[i][0], rect.top + this.screen[i][1]];
  }

  private onDown(ev: MouseEvent): void {
    if (ev.button !== 0) {
      return;
    }
    ev.preventDefault();
    this.root.focus({ preventScroll: true });
    const [x, y] = this.local(ev);
    if (ev.altKey) {
      this.pan = { x, y };
      return;
    }
    this.press = { x, y, shift: ev.shiftKey || ev.ctrlKey || ev.metaKey };
  }

  private onMove(ev: MouseEvent): void {
    const [x, y] = this.local(ev);
    if (this.pan) {
      this.view = {
        ...this.view,
        dx: this.view.dx + x - this.pan.x,
        dy: this.view.dy + y - this.pan.y
      };
      this.pan = { x, y };
      this.hideTip();
      this.applyView();
      return;
    }
    if (this.press) {
      const moved =
        Math.hypot(x - this.press.x, y - this.press.y) > DRAG || this.lasso;
      if (moved) {
        this.lasso = this.lasso ?? [[this.press.x, this.press.y]];
        this.lasso.push([x, y]);
        this.hideTip();
        this.draw();
      }
      return;
    }
    const i = this.nearest(x, y);
    if (i < 0) {
      this.hideTip();
    } else {
      this.showTip(i);
    }
  }

  private readonly onUp = (): void => {
    this.pan = null;
    const press = this.press;
    this.press = null;
    if (!press) {
      return;
    }
    const lasso = this.lasso;
    this.lasso = null;
    const keep = press.shift ? [...this.selected] : [];
    if (lasso && lasso.length > 2) {
      const inside = this.points.filter((_, i) =>
        polygonContains(lasso, this.screen[i])
      );
      this.setSelection([...keep, ...inside.map(p => p.id)]);
      this.closeCard();
      return;
    }
    const i = this.nearest(press.x, press.y);
    if (i < 0) {
      this.setSelection(keep);
      this.closeCard();
      return;
    }
    const id = this.points[i].id;
    if (press.shift && this.selected.has(id)) {
      this.setSelection(keep.filter(other => other !== id));
      this.closeCard();
    } else {
      this.setSelection([...keep, id]);
      this.openCard(i);
    }
  };

  /** What the popover shows of a point. */
  private paper(p: IPoint): IPopoverPaper {
    const topic = this.topics.get(p.topic);
    const topicLine = h('div', 'plm-tip-topic');
    topicLine.style.setProperty('--plm-topic', topic?.color ?? '#888');
    topicLine.append(h('span', 'plm-swatch'), topic?.label ?? '');
    return {
      id: p.id,
      title: p.title,
      lines: [
        p.authors,
        [p.year ? String(p.year) : '', p.venue].filter(Boolean).join(' · '),
        topicLine
      ],
      url: p.url,
      status: p.status,
      list: String(this.model.get('reading_list_name') || 'default')
    };
  }

  /** One popover next to the clicked point (the hover tip goes away). */
  private openCard(i: number): void {
    const p = this.points[i];
    this.hideTip();
    const paper = this.paper(p);
    fillPaperBox(this.card, 'plm', paper);
    this.card.append(
      popoverActions('plm', paper, this.invoke, this.signal, () =>
        this.closeCard()
      )
    );
    this.card.hidden = false;
    this.placeCard();
  }

  private placeCard(): void {
    const id = this.card.dataset.id;
    const i = id ? this.points.findIndex(p => p.id === id) : -1;
    if (this.card.hidden || i < 0 || !this.screen[i]) {
      return;
    }
    placeNear(this.card, this.stage, this.screen[i][0], this.screen[i][1]);
  }

  private closeCard(): void {
    this.card.hidden = true;
  }

  private showTip(i: number): void {
    const p = this.points[i];
    if (!this.card.hidden && this.card.dataset.id === p.id) {
      this.hideTip(); // its popover is open: one card per point
      return;
    }
    const topic = this.topics.get(p.topic);
    const meta = [p.year ? String(p.year) : '', p.venue]
      .filter(Boolean)
      .join(' · ');
    const topicLine = h('div', 'plm-tip-topic');
    topicLine.style.setProperty('--plm-topic', topic?.color ?? '#888');
    topicLine.append(h('span', 'plm-swatch'), topic?.label ?? '');
    this.tip.replaceChildren(
      h('div', 'plm-tip-title', p.title),
      ...(p.authors ? [h('div', 'plm-tip-meta', p.authors)] : []),
      ...(meta ? [h('div', 'plm-tip-meta', meta)] : []),
      topicLine,
      ...(p.snippet ? [h('div', 'plm-tip-snippet', p.snippet)] : [])
    );
    this.tip.dataset.id = p.id;
    this.tip.hidden = false;
    const [x, y] = this.screen[i];
    const width = this.stage.clientWidth;
    const left = Math.min(
      x + 12,
      Math.max(width - this.tip.offsetWidth - 4, 0)
    );
    const below = y + 12 + this.tip.offsetHeight < this.stage.clientHeight;
    this.tip.style.left = `${left}px`;
    this.tip.style.top = `${below ? y + 12 : Math.max(y - 12 - this.tip.offsetHeight, 0)}px`;
  }

  private hideTip(): void {
    this.tip.hidden = true;
  }
}

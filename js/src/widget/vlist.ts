/**
 * The virtual list of the cards: only the cards in (and just around) the viewport exist in the
 * DOM, each placed with a transform at its offset, so 10,000 papers scroll smoothly. Cards are
 * as tall as their content: each card's height is measured once it is built (until then an
 * estimate stands in), and the list keeps the first card in view steady when heights above it
 * become known. A change of width forgets the heights (the text wraps differently).
 */

import { h } from '../common/dom';
import { upperBound } from './filter';
import { CARD_GAP, CARD_ESTIMATE, DIVIDER_HEIGHT } from './style';

const OVERSCAN = 3;

export interface IVirtualListOptions {
  /** Build the card of an entry. */
  build(entryIndex: number): HTMLElement;
  /** The largest height of the list (px). */
  maxHeight(): number;
  /** What to say when no card is visible. */
  emptyText(): string;
}

export class VirtualList {
  readonly viewport: HTMLDivElement;

  constructor(private readonly options: IVirtualListOptions) {
    this.viewport = h('div', 'plc-viewport');
    this.viewport.setAttribute('role', 'list');
    this.viewport.setAttribute('aria-label', 'Papers');
    this.viewport.tabIndex = -1;
    this.spacer = h('div', 'plc-spacer');
    this.viewport.appendChild(this.spacer);
    this.viewport.addEventListener('scroll', this.onScroll, { passive: true });
    if (typeof ResizeObserver !== 'undefined') {
      this.resizer = new ResizeObserver(() => this.onResize());
      this.resizer.observe(this.viewport);
    }
  }

  /** Entry indices shown, in display order. */
  get visible(): readonly number[] {
    return this._visible;
  }

  /** How many cards fit in the viewport (at least one), by the cards' mean height. */
  get pageSize(): number {
    const n = this._visible.length;
    const mean = n ? this.offsets[n] / n : CARD_ESTIMATE;
    return Math.max(1, Math.floor(this.viewport.clientHeight / mean));
  }

  /** How many cards a first paint needs to fill the list. */
  firstScreen(): number {
    return Math.ceil(this.options.maxHeight() / 60) + 2 * OVERSCAN + 1;
  }

  /** Show other entries from the top; `keepCards` reuses the cards still in the window. */
  show(indices: number[], keepCards: boolean): void {
    this._visible = indices;
    this.layout();
    this.viewport.scrollTop = 0;
    if (!keepCards) {
      this.clearRendered();
    }
    this.renderWindow();
  }

  /** The full result of a scan whose first screenful is shown: rendered cards stay valid. */
  extend(indices: number[]): void {
    this._visible = indices;
    this.layout();
    this.renderWindow();
  }

  /**
   * A line of text above the card at display `position` (-1: none), such as where a ranking's weaker matches
   * start; it takes effect with the next `show`. It is not a list item: the status line says the same.
   */
  setDivider(position: number, text: string): void {
    this.dividerPosition = position;
    this.dividerText = text;
  }

  /** Forget measured heights and expanded cards (a new set of papers). */
  reset(): void {
    this.heights.clear();
    this.expanded.clear();
  }

  isExpanded(entryIndex: number): boolean {
    return this.expanded.has(entryIndex);
  }

  /** The cards in the DOM. */
  renderedCards(): IterableIterator<HTMLElement> {
    return this.rendered.values();
  }

  card(entryIndex: number): HTMLElement | undefined {
    return this.rendered.get(entryIndex);
  }

  /** Build every shown card again (their state changed), keeping the focus on its card. */
  redraw(): void {
    const focused = this.focusedEntry();
    if (focused !== undefined) {
      // keep the focus inside the widget while its card is replaced: a focus that falls to the
      // page is taken by the notebook (Notebook 7 focuses the active cell)
      this.viewport.focus({ preventScroll: true });
    }
    this.clearRendered();
    this.renderWindow();
    if (focused !== undefined) {
      this.rendered.get(focused)?.focus({ preventScroll: true });
    }
  }

  /** Lay out again (the maximum height changed). */
  relayout(): void {
    this.layout();
    this.renderWindow();
  }

  /** Expand or collapse a card, keeping the focus on its abstract toggle. */
  toggleExpanded(entryIndex: number): void {
    if (!this.expanded.delete(entryIndex)) {
      this.expanded.add(entryIndex);
    }
    const card = this.rebuild(entryIndex);
    card
      ?.querySelector<HTMLButtonElement>('.plc-abstract-toggle')
      ?.focus({ preventScroll: true });
    this.renderWindow();
  }

  /** Scroll the card at a display position into view and focus it. */
  focusPosition(position: number): void {
    const n = this._visible.length;
    if (n === 0) {
      return;
    }
    const k = Math.max(0, Math.min(n - 1, position));
    for (let pass = 0; pass < 2; pass++) {
      // twice: the first render may measure the card and move it
      const top = this.offsets[k];
      const bottom = this.offsets[k + 1];
      const view = this.viewport;
      if (top < view.scrollTop) {
        view.scrollTop = top;
      } else if (bottom > view.scrollTop + view.clientHeight) {
        view.scrollTop = bottom - view.clientHeight;
      }
      this.renderWindow();
    }
    this.rendered.get(this._visible[k])?.focus({ preventScroll: true });
  }

  dispose(): void {
    this.viewport.removeEventListener('scroll', this.onScroll);
    this.resizer?.disconnect();
    if (this.frame) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
  }

  private onScroll = (): void => {
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.renderWindow();
      });
    }
  };

  /** A new width wraps text differently: measure again (in the next frame, not in the observer). */
  private onResize(): void {
    const width = this.viewport.clientWidth;
    if (width === this.width) {
      return;
    }
    this.width = width;
    requestAnimationFrame(() => {
      this.heights.clear();
      this.redraw();
    });
  }

  private focusedEntry(): number | undefined {
    for (const [idx, node] of this.rendered) {
      if (node.contains(document.activeElement)) {
        return idx;
      }
    }
    return undefined;
  }

  private layout(): void {
    const n = this._visible.length;
    this.offsets = new Float64Array(n + 1);
    let y = 0;
    const divider = this.dividerPosition < n ? this.dividerPosition : -1;
    for (let k = 0; k < n; k++) {
      y += k === divider ? DIVIDER_HEIGHT : 0;
      this.offsets[k] = y;
      y += this.heights.get(this._visible[k]) ?? CARD_ESTIMATE;
    }
    this.offsets[n] = y;
    this.spacer.style.height = `${Math.max(y, 1)}px`;
    // a short list gets a short widget (one paper: one card's height), a long one scrolls
    const maxHeight = this.options.maxHeight();
    const wanted = n === 0 ? 80 : y; // the heights include the gaps
    this.viewport.style.height = `${Math.min(maxHeight, wanted)}px`;
    if (n === 0) {
      const empty = h('div', 'plc-empty', this.options.emptyText());
      empty.dataset.empty = '1';
      this.spacer.replaceChildren(empty);
    } else {
      this.spacer.querySelector('[data-empty]')?.remove();
    }
    this.placeDivider(divider);
  }

  /** The divider above the card at `position` (-1: none shown). */
  private placeDivider(position: number): void {
    if (position < 0) {
      this.dividerEl?.remove();
      return;
    }
    const el = (this.dividerEl ??= h('div', 'plc-divider'));
    el.setAttribute('aria-hidden', 'true');
    el.replaceChildren(h('span', undefined, this.dividerText));
    el.style.transform = `translateY(${this.offsets[position] - DIVIDER_HEIGHT}px)`;
    if (el.parentNode !== this.spacer) {
      this.spacer.appendChild(el);
    }
  }

  private clearRendered(): void {
    for (const node of this.rendered.values()) {
      node.remove();
    }
    this.rendered.clear();
  }

  /** Render the cards in the window; measure new ones and lay out again until heights settle. */
  private renderWindow(): void {
    for (let pass = 0; pass < 4; pass++) {
      if (!this.renderPass()) {
        return;
      }
    }
  }

  /** One pass: true when a newly measured height moved the cards (another pass is needed). */
  private renderPass(): boolean {
    const n = this._visible.length;
    if (n === 0) {
      this.clearRendered();
      return false;
    }
    const top = this.viewport.scrollTop;
    const height = this.viewport.clientHeight || this.options.maxHeight();
    const first = Math.max(0, upperBound(this.offsets, n, top) - 1 - OVERSCAN);
    const last = Math.min(
      n - 1,
      upperBound(this.offsets, n, top + height) + OVERSCAN
    );
    const keep = new Set<number>();
    const built: number[] = [];
    for (let k = first; k <= last; k++) {
      const idx = this._visible[k];
      keep.add(idx);
      let card = this.rendered.get(idx);
      if (!card) {
        card = this.options.build(idx);
        this.rendered.set(idx, card);
        this.spacer.appendChild(card);
        built.push(idx);
      }
      this.place(card, k, n);
    }
    for (const [idx, node] of this.rendered) {
      if (!keep.has(idx)) {
        node.remove();
        this.rendered.delete(idx);
      }
    }
    return this.measure(built);
  }

  private place(card: HTMLElement, k: number, n: number): void {
    card.style.transform = `translateY(${this.offsets[k]}px)`;
    card.dataset.position = String(k);
    card.setAttribute('aria-posinset', String(k + 1));
    card.setAttribute('aria-setsize', String(n));
  }

  /** Record the heights of new cards; re-lay out (keeping the top card steady) if any changed. */
  private measure(entries: number[]): boolean {
    let changed = false;
    for (const idx of entries) {
      const card = this.rendered.get(idx);
      const measured = card ? card.offsetHeight + CARD_GAP : 0;
      const used = this.heights.get(idx) ?? CARD_ESTIMATE;
      if (measured > CARD_GAP) {
        changed = changed || measured !== used;
        this.heights.set(idx, measured);
      }
    }
    if (!changed) {
      return false;
    }
    const n = this._visible.length;
    const scroll = this.viewport.scrollTop;
    const anchor = Math.max(0, upperBound(this.offsets, n, scroll) - 1);
    const before = this.offsets[anchor];
    this.layout();
    if (scroll > 0) {
      this.viewport.scrollTop = scroll + this.offsets[anchor] - before;
    }
    this.rendered.forEach(card =>
      this.place(card, Number(card.dataset.position), n)
    );
    return true;
  }

  /** Replace a rendered card by a new build of it, keeping its place and focus. */
  private rebuild(entryIndex: number): HTMLElement | undefined {
    const old = this.rendered.get(entryIndex);
    if (!old) {
      return undefined;
    }
    const hadFocus = old.contains(document.activeElement);
    if (hadFocus) {
      this.viewport.focus({ preventScroll: true });
    }
    const card = this.options.build(entryIndex);
    card.style.transform = old.style.transform;
    card.dataset.position = old.dataset.position;
    old.replaceWith(card);
    this.rendered.set(entryIndex, card);
    if (hadFocus) {
      card.focus({ preventScroll: true });
    }
    this.measure([entryIndex]);
    return card;
  }

  private spacer: HTMLDivElement;
  private dividerEl: HTMLDivElement | null = null;
  private dividerPosition = -1;
  private dividerText = '';
  private _visible: number[] = [];
  /** offsets[k] = top of the k-th visible card; offsets[visible.length] = total height. */
  private offsets = new Float64Array(1);
  /** Measured height (gap included) by entry index. */
  private heights = new Map<number, number>();
  private expanded = new Set<number>();
  private rendered = new Map<number, HTMLElement>();
  private resizer: ResizeObserver | null = null;
  private width = -1;
  private frame = 0;
}

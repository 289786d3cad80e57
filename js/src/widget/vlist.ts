/**
 * The virtual list of the cards: only the cards in (and just around) the viewport exist in the
 * DOM, each placed with a transform at its offset, so 10,000 papers scroll smoothly. Collapsed
 * cards have one height (`CARD_HEIGHT`); an expanded card's height is measured once.
 */

import { h } from '../common/dom';
import { upperBound } from './filter';
import { CARD_GAP, CARD_HEIGHT } from './style';

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
  }

  /** Entry indices shown, in display order. */
  get visible(): readonly number[] {
    return this._visible;
  }

  /** How many collapsed cards fit in the viewport (at least one). */
  get pageSize(): number {
    return Math.max(1, Math.floor(this.viewport.clientHeight / CARD_HEIGHT));
  }

  /** How many cards a first paint needs to fill the list. */
  firstScreen(): number {
    return Math.ceil(this.options.maxHeight() / CARD_HEIGHT) + 2 * OVERSCAN + 1;
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

  /** Forget measured heights (a new set of papers). */
  reset(): void {
    this.expandedHeights.clear();
  }

  isExpanded(entryIndex: number): boolean {
    return this.expandedHeights.has(entryIndex);
  }

  card(entryIndex: number): HTMLElement | undefined {
    return this.rendered.get(entryIndex);
  }

  /** Build every shown card again (their state changed). */
  redraw(): void {
    this.clearRendered();
    this.renderWindow();
  }

  /** Lay out again (the maximum height changed). */
  relayout(): void {
    this.layout();
    this.renderWindow();
  }

  /** Expand or collapse a card, keeping the focus on its abstract toggle. */
  toggleExpanded(entryIndex: number): void {
    if (this.expandedHeights.has(entryIndex)) {
      this.expandedHeights.delete(entryIndex);
    } else {
      this.expandedHeights.set(entryIndex, CARD_HEIGHT);
    }
    const card = this.rebuild(entryIndex);
    if (card && this.expandedHeights.has(entryIndex)) {
      // measure once: the card's height with its abstract shown
      this.expandedHeights.set(entryIndex, card.offsetHeight + CARD_GAP);
    }
    card
      ?.querySelector<HTMLButtonElement>('.plc-abstract-toggle')
      ?.focus({ preventScroll: true });
    this.layout();
    this.renderWindow();
  }

  /** Scroll the card at a display position into view and focus it. */
  focusPosition(position: number): void {
    const n = this._visible.length;
    if (n === 0) {
      return;
    }
    const k = Math.max(0, Math.min(n - 1, position));
    const top = this.offsets[k];
    const bottom = this.offsets[k + 1];
    const view = this.viewport;
    if (top < view.scrollTop) {
      view.scrollTop = top;
    } else if (bottom > view.scrollTop + view.clientHeight) {
      view.scrollTop = bottom - view.clientHeight;
    }
    this.renderWindow();
    this.rendered.get(this._visible[k])?.focus({ preventScroll: true });
  }

  dispose(): void {
    this.viewport.removeEventListener('scroll', this.onScroll);
    if (this.scrollFrame) {
      cancelAnimationFrame(this.scrollFrame);
      this.scrollFrame = 0;
    }
  }

  private onScroll = (): void => {
    if (!this.scrollFrame) {
      this.scrollFrame = requestAnimationFrame(() => {
        this.scrollFrame = 0;
        this.renderWindow();
      });
    }
  };

  private heightOf(entryIndex: number): number {
    return this.expandedHeights.get(entryIndex) ?? CARD_HEIGHT;
  }

  private layout(): void {
    const n = this._visible.length;
    this.offsets = new Float64Array(n + 1);
    let y = 0;
    for (let k = 0; k < n; k++) {
      this.offsets[k] = y;
      y += this.expandedHeights.size
        ? this.heightOf(this._visible[k])
        : CARD_HEIGHT;
    }
    this.offsets[n] = y;
    this.spacer.style.height = `${Math.max(y, 1)}px`;
    // a short list gets a short widget (one paper: one card), a long one scrolls
    const maxHeight = this.options.maxHeight();
    this.viewport.style.height = `${Math.min(maxHeight, Math.max(y + CARD_GAP, 80))}px`;
    if (n === 0) {
      const empty = h('div', 'plc-empty', this.options.emptyText());
      empty.dataset.empty = '1';
      this.spacer.replaceChildren(empty);
    } else {
      this.spacer.querySelector('[data-empty]')?.remove();
    }
  }

  private clearRendered(): void {
    for (const node of this.rendered.values()) {
      node.remove();
    }
    this.rendered.clear();
  }

  private renderWindow(): void {
    const n = this._visible.length;
    if (n === 0) {
      this.clearRendered();
      return;
    }
    const top = this.viewport.scrollTop;
    const height = this.viewport.clientHeight || this.options.maxHeight();
    const first = Math.max(0, upperBound(this.offsets, n, top) - 1 - OVERSCAN);
    const last = Math.min(
      n - 1,
      upperBound(this.offsets, n, top + height) + OVERSCAN
    );
    const keep = new Set<number>();
    for (let k = first; k <= last; k++) {
      const idx = this._visible[k];
      keep.add(idx);
      let card = this.rendered.get(idx);
      if (!card) {
        card = this.options.build(idx);
        this.rendered.set(idx, card);
        this.spacer.appendChild(card);
      }
      card.style.transform = `translateY(${this.offsets[k]}px)`;
      card.dataset.position = String(k);
      card.setAttribute('aria-posinset', String(k + 1));
      card.setAttribute('aria-setsize', String(n));
    }
    for (const [idx, node] of this.rendered) {
      if (!keep.has(idx)) {
        node.remove();
        this.rendered.delete(idx);
      }
    }
  }

  /** Replace a rendered card by a new build of it, keeping its place and focus. */
  private rebuild(entryIndex: number): HTMLElement | undefined {
    const old = this.rendered.get(entryIndex);
    if (!old) {
      return undefined;
    }
    const hadFocus = old.contains(document.activeElement);
    const card = this.options.build(entryIndex);
    card.style.transform = old.style.transform;
    card.dataset.position = old.dataset.position;
    old.replaceWith(card);
    this.rendered.set(entryIndex, card);
    if (hadFocus) {
      card.focus({ preventScroll: true });
    }
    return card;
  }

  private spacer: HTMLDivElement;
  private _visible: number[] = [];
  /** offsets[k] = top of the k-th visible card; offsets[visible.length] = total height. */
  private offsets = new Float64Array(1);
  private expandedHeights = new Map<number, number>();
  private rendered = new Map<number, HTMLElement>();
  private scrollFrame = 0;
}

/**
 * The filtering side of the cards view: the typed words and facet chips narrow the papers instantly (the
 * matcher scans in chunks after the first screenful), or order the kernel's ranking; the count, the facet
 * counts, what an empty list says, and the `view` trait a saved notebook's static cards follow.
 * `CardsView` (view.ts) extends it; it extends the kernel search's side (ranking.ts).
 */

import { h } from '../common/dom';
import { FacetBar } from './facets';
import {
  ActiveFacets,
  emptyFacets,
  facetsActive,
  FacetKind,
  filterEntries,
  IEntry,
  queryWords,
  resultFacetCounts,
  SortKey
} from './filter';
import { markTerms, remark } from './highlight';
import { Matcher } from './matcher';
import { RankedCards } from './ranking';
import { afterPaint, measure, rankedStatus } from './status';
import { countText } from './toolbar';
import { IAnyModel } from './types';
import { VirtualList } from './vlist';
import { DIVIDER_TEXT } from './weaker';

export abstract class FilteredCards extends RankedCards {
  readonly list: VirtualList;

  constructor(model: IAnyModel) {
    super(model);
    this.facetsEl = h('div', 'plc-facets');
    this.facetsEl.setAttribute('role', 'group');
    this.facetsEl.setAttribute('aria-label', 'Facets');
    this.facets = new FacetBar(this.facetsEl, (kind, value, chip) =>
      this.toggleFacet(kind, value, chip)
    );
    this.list = new VirtualList({
      build: idx => this.buildCard(idx),
      maxHeight: () => this.maxHeight(),
      emptyText: () => this.emptyText()
    });
    this.matcher = new Matcher(result => this.scanDone(result));
  }

  /** The card of an entry index (view.ts). */
  protected abstract buildCard(idx: number): HTMLElement;

  /** Set a trait and send it to the kernel (view.ts). */
  protected abstract setTrait(name: string, value: unknown): void;

  private maxHeight(): number {
    return Number(this.model.get('height')) || 560;
  }

  /** What an empty list says: why nothing is shown and what to do about it. */
  private emptyText(): string {
    if (!this.entries.length) {
      return 'No papers to show.';
    }
    const typed = this.tools.input.value.trim();
    const last = this.lastSearch;
    if (last && last.n === 0 && last.query === typed && last.partial?.rest) {
      return `No paper shares a word with “${last.query}” yet. The ${last.mode} search runs again once the papers are embedded.`;
    }
    if (last && last.n === 0 && last.query === typed) {
      return `No paper is close enough to “${last.query}” to be listed. Try other words or another search mode.`;
    }
    if (this.scores && last) {
      return 'No result has the chosen facet chips. Clear them to see every result.';
    }
    if (typed && !facetsActive(this.active)) {
      return 'No paper contains all these words. Press Enter to rank the papers by meaning.';
    }
    return 'No paper matches. Clear the filter or the facet chips.';
  }

  protected onInput(): void {
    performance.mark('paperlab-cards:filter-start');
    // rAF runs just before the frame's style, layout and paint; a task queued from it runs after them.
    // Registered before refilter() so that this task is queued ahead of the scan that refilter()
    // continues after the paint: the measure ends at the paint, not after the next scan chunk.
    afterPaint(() => measure('filter', 'filter-start', 'filter-end'));
    if (
      this.lastSearch &&
      this.tools.input.value.trim() !== this.lastSearch.query
    ) {
      this.lastSearch = null; // the status line spoke of the last search, no longer of what is shown
      this.status('');
    }
    if (this.scores || this.searchTrait('holding')) {
      // typing again leaves the kernel ranking (or its every-word answer): back to instant filtering
      this.clearRanking(false);
    } else {
      this.refilter(true);
    }
    performance.measure(
      'paperlab-cards:filter-work',
      'paperlab-cards:filter-start'
    );
  }

  /**
   * Recompute the shown cards: the kernel ranking, or the filter's first screenful (the scan
   * goes on in later tasks). With `incremental`, the scan narrows the previous result.
   */
  protected refilter(incremental: boolean): void {
    const shown = this.scores
      ? this.matcher.ranked(this.active, this.sortKey, this.scores)
      : this.matcher.filter(
          queryWords(this.tools.input.value),
          this.active,
          this.sortKey,
          incremental,
          this.list.firstScreen()
        );
    const kept = incremental ? new Set(this.list.renderedCards()) : null;
    this.list.setDivider(this.weakerAt(shown), DIVIDER_TEXT);
    this.list.show(shown, incremental);
    if (kept) {
      // cards kept from the last keystroke: their marked terms follow the typed text
      const terms = this.terms();
      for (const card of this.list.renderedCards()) {
        if (kept.has(card)) {
          remark(card, terms);
        }
      }
    }
    this.updateCount();
    this.saveView();
  }

  private scanDone(result: number[]): void {
    this.list.extend(result);
    this.updateCount();
    this.saveView();
    measure('filter-complete', 'filter-start', 'filter-complete-end');
  }

  private updateCount(): void {
    // cards made from a search (`%papers QUERY`, `lib.search(q).cards()`) count the papers it looked through
    const fromSearch =
      this.scores !== null || Boolean(this.searchTrait('holding'));
    this.tools.countEl.textContent = countText(
      this.list.visible.length,
      this.entries.length,
      this.scores !== null,
      this.matcher.complete,
      fromSearch ? Number(this.searchTrait('searched')) || 0 : 0
    );
    if (this.matcher.complete) {
      clearTimeout(this.facetTimer); // the facet counts follow the result once it is complete
      this.facetTimer = window.setTimeout(() => this.updateFacets(), 30);
    }
  }

  /** The facet chips' counts over the shown result (typed words or kernel ranking; see resultFacetCounts). */
  private updateFacets(): void {
    const scores = this.scores;
    const base = scores
      ? this.entries.flatMap((e, i) => (scores.has(e.paper.id) ? [i] : []))
      : filterEntries(
          this.entries,
          queryWords(this.tools.input.value),
          emptyFacets()
        );
    this.facets.update(
      resultFacetCounts(this.entries, base, this.active),
      this.active
    );
  }

  protected sortBy(key: SortKey): void {
    this.sortKey = key;
    this.refilter(false);
    if (this.scores && this.lastSearch) {
      this.status(rankedStatus(this.lastSearch, key));
    }
  }

  private toggleFacet(
    kind: FacetKind,
    value: string,
    chip: HTMLButtonElement
  ): void {
    const set = this.active[kind];
    if (set.has(value)) {
      set.delete(value);
    } else {
      set.add(value);
    }
    chip.setAttribute('aria-pressed', String(set.has(value)));
    this.refilter(false);
  }

  /** Terms to mark: the kernel's matched terms of a paper and the typed words (no stopwords, whole words). */
  protected terms(matched: string[] = []): string[] {
    const typed = this.tools.input.value;
    const words = typed.match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? [];
    return markTerms([...matched, ...words], typed);
  }

  /**
   * Tell the kernel what is shown (the `view` trait: first ids, how many, filter, sort), so the
   * static fallback of a saved notebook shows the same cards; at most every half second.
   */
  private saveView(): void {
    if (this.viewTimer) {
      clearTimeout(this.viewTimer);
    }
    this.viewTimer = window.setTimeout(() => {
      this.viewTimer = 0;
      if (!this.matcher.complete) {
        return; // scanDone saves the full result
      }
      const visible = this.list.visible;
      this.setTrait('view', {
        ids: visible.slice(0, 20).map(i => this.entries[i].paper.id),
        shown: visible.length,
        filter: this.scores ? '' : this.tools.input.value.trim(),
        sort: this.sortKey
      });
    }, 500);
  }

  /** Stop the timers and the scan (view.ts disposes the rest). */
  protected disposeFiltering(): void {
    clearTimeout(this.viewTimer);
    clearTimeout(this.facetTimer);
    this.matcher.dispose();
    this.list.dispose();
  }

  protected facetsEl: HTMLDivElement;
  protected facets: FacetBar;
  protected matcher: Matcher;
  protected entries: IEntry[] = [];
  protected active: ActiveFacets = emptyFacets();
  private viewTimer = 0;
  private facetTimer = 0;
}

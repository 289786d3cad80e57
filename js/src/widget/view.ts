/**
 * The cards view: wires the toolbar, facets, virtual list, filter and kernel calls to the
 * widget's traits (`papers`, `scores`, `query`, `listed_ids`, `selected_ids`, `height`, ...).
 */

import { h } from '../common/dom';
import * as act from './actions';
import { buildCard } from './card';
import { FacetBar } from './facets';
import { FeedPart, IFeedHost } from './feed';
import {
  ActiveFacets,
  buildEntries,
  emptyFacets,
  facetsActive,
  FacetKind,
  filterEntries,
  IEntry,
  queryWords,
  resultFacetCounts,
  SortKey
} from './filter';
import { onCardKey } from './keyboard';
import { markTerms, remark } from './highlight';
import { Matcher } from './matcher';
import { RankedCards } from './ranking';
import { KernelClient } from './rpc';
import { afterPaint, measure, rankedStatus, readPartial } from './status';
import { CSS } from './style';
import { buildToolbar, countText, showLists } from './toolbar';
import { IAnyModel, IPaper } from './types';
import { VirtualList } from './vlist';
import { DIVIDER_TEXT } from './weaker';

export class CardsView
  extends RankedCards
  implements act.IActionHost, IFeedHost
{
  readonly root: HTMLDivElement;
  readonly client: KernelClient;
  readonly list: VirtualList;

  constructor(model: IAnyModel, client: KernelClient) {
    super(model);
    this.client = client;
    this.root = h('div', 'plc-root paperlab-cards');
    const style = h('style');
    style.textContent = CSS;
    this.tools = buildToolbar(model.get('search_mode') ?? 'hybrid', {
      input: () => this.onInput(),
      search: () => void this.search(),
      toList: () => this.list.focusPosition(0),
      mode: mode => this.setTrait('search_mode', mode),
      sort: key => this.sortBy(key),
      list: name => this.setTrait('reading_list_name', name)
    });
    this.feed = new FeedPart(model, this);
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
    // keys on the cards, chips and controls are theirs, not the notebook's command-mode shortcuts;
    // in the search box JupyterLab's own (Ctrl+S) still work: the notebook's skip text inputs
    for (const part of [
      this.list.viewport,
      this.facetsEl,
      this.statusEl,
      this.feed.bar
    ]) {
      part.setAttribute('data-lm-suppress-shortcuts', 'true');
    }
    this.root.append(
      style,
      this.tools.bar,
      this.feed.bar,
      this.facetsEl,
      this.list.viewport,
      this.statusEl
    );
    this.matcher = new Matcher(result => this.scanDone(result));
    this.addListeners();
  }

  /** First render, after the root is attached (the viewport needs its size). */
  start(): void {
    performance.mark('paperlab-cards:render-start');
    this.loadListed(false);
    this.loadSelected(false);
    // a view restored after a page reload shows the kernel search it showed before: the query in the
    // box, its ranking (or its "no result" message) and the status line, never the query over all papers
    const query = (this.model.get('query') as string) || '';
    if (query) {
      this.tools.input.value = query;
      const scores = this.model.get('scores') as object | undefined;
      const mode = String(this.model.get('search_mode') || 'hybrid');
      const holding = Boolean(this.model.get('holding'));
      const note = String(this.model.get('search_note') || '');
      this.searched(
        Object.keys(scores ?? {}).length,
        query,
        mode,
        holding,
        note,
        readPartial(this.model.get('search_partial'))
      );
    }
    this.loadPapers();
    this.loadLists();
    this.loadProgress();
    afterPaint(() => measure('render', 'render-start', 'render-end'));
  }

  dispose(): void {
    clearTimeout(this.viewTimer);
    clearTimeout(this.facetTimer);
    this.matcher.dispose();
    this.list.dispose();
    this.disposers.forEach(d => d());
    this.disposers = [];
  }

  listName(): string {
    return (this.model.get('reading_list_name') as string) || 'default';
  }

  // -- traits -------------------------------------------------------------------------------
  private addListeners(): void {
    // on the window, capturing: before the notebook's own key handling (Notebook 7 takes arrows
    // in its capture phase on the document), keys on a card are the card list's
    const onKey = (ev: KeyboardEvent): void => {
      if (this.list.viewport.contains(ev.target as Node)) {
        this.lastKey = performance.now();
        onCardKey(this, ev);
      }
    };
    window.addEventListener('keydown', onKey, true);
    this.disposers.push(() =>
      window.removeEventListener('keydown', onKey, true)
    );
    this.list.viewport.addEventListener('focusout', ev => this.keepFocus(ev));
    this.root.addEventListener('keydown', ev => {
      if (ev.key === '/' && !(ev.target instanceof HTMLInputElement)) {
        ev.preventDefault();
        this.tools.input.focus();
      }
    });
    this.listen('change:papers', () => this.loadPapers());
    // one kernel search sets scores, query, holding and its note in one message: the cards, the "Ranked by" chip
    // and the status line are all drawn from it, once
    for (const name of [
      'scores',
      'query',
      'holding',
      'search_note',
      'search_partial'
    ]) {
      this.listen(`change:${name}`, () => this.scoresChanged());
    }
    this.listen('change:listed_ids', () => this.loadListed());
    this.listen('change:selected_ids', () => this.loadSelected());
    this.listen('change:height', () => this.list.relayout());
    this.listen('change:why', () => this.list.redraw());
    this.listen('change:thumbs', () => this.list.redraw());
    this.listen('change:reasons', () => this.list.redraw());
    this.listen('change:feed_info', () => this.feed.load());
    this.listen('change:venues', () => this.list.redraw());
    this.listen('change:reading_lists', () => this.loadLists());
    this.listen('change:reading_list_name', () => {
      this.loadLists();
      this.list.redraw();
    });
    this.listen('change:embedding_progress', () => this.loadProgress());
    this.listen(
      'change:search_mode',
      () => (this.tools.modeSelect.value = this.model.get('search_mode'))
    );
  }

  /**
   * Notebook 7 answers a change of the widget's state by activating the notebook, which focuses
   * its active cell (a cell node, not an editor): right after a key on a card, take the focus back.
   */
  private keepFocus(ev: FocusEvent): void {
    const from = ev.target as HTMLElement;
    const to = ev.relatedTarget as HTMLElement | null;
    const notebook = this.root.closest('.jp-Notebook');
    const stolen =
      to !== null &&
      to.classList.contains('jp-Cell') &&
      !to.contains(from) &&
      notebook !== null &&
      notebook.contains(to);
    if (
      stolen &&
      from.classList?.contains('plc-card') &&
      performance.now() - this.lastKey < 3000
    ) {
      const idx = this.byId.get(from.dataset.id ?? '');
      queueMicrotask(() => {
        if (this.root.contains(document.activeElement)) {
          return; // the focus came back on its own (a key moved it on)
        }
        const card = idx === undefined ? undefined : this.list.card(idx);
        card?.focus({ preventScroll: true });
      });
    }
  }

  private listen(event: string, callback: (...args: any[]) => void): void {
    this.model.on(event, callback);
    this.disposers.push(() => this.model.off(event, callback));
  }

  private setTrait(name: string, value: unknown): void {
    this.model.set(name, value);
    this.model.save_changes();
  }

  private maxHeight(): number {
    return Number(this.model.get('height')) || 560;
  }

  private loadPapers(): void {
    const papers = (this.model.get('papers') as IPaper[] | undefined) ?? [];
    this.entries = buildEntries(papers);
    this.byId = new Map(this.entries.map((e, i) => [e.paper.id, i]));
    this.list.reset();
    this.matcher.setEntries(this.entries);
    this.active = emptyFacets();
    this.facets.build(this.entries, this.active);
    this.loadScores(false);
    this.refilter(false);
  }

  private loadLists(): void {
    showLists(
      this.tools.listSelect,
      (this.model.get('reading_lists') as string[] | undefined) ?? [],
      this.listName()
    );
  }

  private loadListed(redraw = true): void {
    this.listed = new Set(
      (this.model.get('listed_ids') as string[] | undefined) ?? []
    );
    if (redraw) {
      this.list.redraw();
    }
  }

  private loadSelected(redraw = true): void {
    const ids = (this.model.get('selected_ids') as string[] | undefined) ?? [];
    if (
      redraw &&
      ids.length === this.selected.size &&
      ids.every(id => this.selected.has(id))
    ) {
      return; // our own change coming back: the cards already show it
    }
    this.selected = new Set(ids);
    this.showSelection();
    if (redraw) {
      this.list.redraw();
    }
  }

  private showSelection(): void {
    const n = this.selected.size;
    this.tools.selectionEl.textContent = n ? `${n} selected ·` : '';
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

  // -- filtering ----------------------------------------------------------------------------
  private onInput(): void {
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
    this.tools.countEl.textContent = countText(
      this.list.visible.length,
      this.entries.length,
      this.scores !== null,
      this.matcher.complete
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

  private sortBy(key: SortKey): void {
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

  // -- cards --------------------------------------------------------------------------------
  private buildCard(idx: number): HTMLElement {
    const p = this.entries[idx].paper;
    const venues =
      (this.model.get('venues') as Record<string, string> | undefined) ?? {};
    const why = this.scores ? this.whyOf(p.id) : undefined;
    const state = {
      expanded: this.list.isExpanded(idx),
      selected: this.selected.has(p.id),
      listed: this.listed.has(p.id),
      listName: this.listName(),
      score: this.scores?.get(p.id),
      crowded: this.crowded,
      venue: venues[p.id] || undefined,
      why: why?.sentence || undefined,
      related: why?.related,
      whyPending: why === undefined && this.whyPending(p.id),
      terms: this.terms(why?.terms),
      feed: this.feed.cardState(p.id)
    };
    return buildCard(p, state, {
      select: on => this.select(p.id, on),
      toggleExpanded: () => this.list.toggleExpanded(idx),
      toggleListed: btn => void this.toggleListed(p, btn),
      copy: format => void act.copy(this, p, format),
      insert: kind => void act.insertCell(this, p, kind),
      rate: (value, btn) => this.feed.rateCard(p, value, btn)
    });
  }

  /** After a re-ranking: focus a paper's card (on one of its thumbs), or the card at a position. */
  focusPaper(id: string | null, position: number, thumb?: number): void {
    const idx = id === null ? undefined : this.byId.get(id);
    const at = idx === undefined ? -1 : this.list.visible.indexOf(idx);
    this.list.focusPosition(at >= 0 ? at : position);
    if (idx !== undefined && thumb !== undefined) {
      this.list
        .card(idx)
        ?.querySelector<HTMLElement>(`.plc-thumb[data-thumb='${thumb}']`)
        ?.focus({ preventScroll: true });
    }
  }

  /** Terms to mark: the kernel's matched terms of a paper and the typed words (no stopwords, whole words). */
  private terms(matched: string[] = []): string[] {
    const typed = this.tools.input.value;
    const words = typed.match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? [];
    return markTerms([...matched, ...words], typed);
  }

  /** Entry index of a paper id. */
  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** Paper id of an entry index. */
  idAt(entryIndex: number): string {
    return this.entries[entryIndex].paper.id;
  }

  isSelected(id: string): boolean {
    return this.selected.has(id);
  }

  /** Tick or untick a paper; the kernel sees it as `widget.selected`. */
  select(id: string, on: boolean): void {
    if (on) {
      this.selected.add(id);
    } else {
      this.selected.delete(id);
    }
    // keep library order in the trait
    const ids = this.entries
      .map(e => e.paper.id)
      .filter(pid => this.selected.has(pid));
    this.setTrait('selected_ids', ids);
    this.showSelection();
    const idx = this.byId.get(id);
    if (idx !== undefined) {
      this.list.card(idx)?.classList.toggle('plc-selected', on);
    }
  }

  protected async leaveKernel(): Promise<boolean> {
    ++this.searchSeq; // an answer still coming is no longer the current search's
    const reply = await this.client.leave();
    return reply.ok;
  }

  focusSearch(): void {
    this.tools.input.focus();
  }

  // -- kernel -------------------------------------------------------------------------------
  protected searchWeaker(show: boolean): void {
    void this.search(show);
  }

  /** Ask the kernel to rank the papers for the typed query (`weaker`: its hits under the cut-off too). */
  private async search(weaker = false): Promise<void> {
    const query = this.tools.input.value.trim();
    if (!query) {
      this.clearRanking(true);
      return;
    }
    const k = Number(this.model.get('search_k')) || 50;
    const seq = ++this.searchSeq;
    const mode = this.tools.modeSelect.value;
    const current = (): boolean => seq === this.searchSeq;
    if (!(await act.kernelSearch(this, query, mode, k, current, weaker))) {
      return;
    }
    // the kernel also set `scores`; apply them now in case that change has not been handled
    this.loadScores(false);
    this.refilter(false);
  }

  private async toggleListed(p: IPaper, btn: HTMLButtonElement): Promise<void> {
    if (await act.toggleListed(this, p, this.listed.has(p.id), btn)) {
      this.loadListed();
    }
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

  private feed: FeedPart;
  private facetsEl: HTMLDivElement;
  private facets: FacetBar;
  private matcher: Matcher;
  private entries: IEntry[] = [];
  private byId = new Map<string, number>();
  private active: ActiveFacets = emptyFacets();
  private selected = new Set<string>();
  private listed = new Set<string>();
  private disposers: (() => void)[] = [];
  /** Kernel searches asked for so far: an answer to an older one is not shown. */
  private searchSeq = 0;
  private viewTimer = 0;
  private facetTimer = 0;
  private lastKey = -Infinity;
}

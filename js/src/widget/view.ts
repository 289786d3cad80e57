/**
 * The cards view: wires the toolbar, facets, virtual list, filter and kernel calls to the
 * widget's traits (`papers`, `scores`, `query`, `listed_ids`, `selected_ids`, `height`, ...).
 * The filtering (filtering.ts) and the kernel search's ranking (ranking.ts) are the classes it extends.
 */

import { h } from '../common/dom';
import * as act from './actions';
import { buildCard } from './card';
import { FeedPart, IFeedHost } from './feed';
import { buildEntries, emptyFacets } from './filter';
import { FilteredCards } from './filtering';
import { onCardKey } from './keyboard';
import { KernelClient } from './rpc';
import { afterPaint, measure, readPartial } from './status';
import { CSS } from './style';
import { buildToolbar, showLists } from './toolbar';
import { IAnyModel, IPaper } from './types';

export class CardsView
  extends FilteredCards
  implements act.IActionHost, IFeedHost
{
  readonly root: HTMLDivElement;
  readonly client: KernelClient;

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
    // the lists offered are the store's when the box is about to be used, not when the cards were drawn: a list
    // made in the side panel since then is there (the kernel's answer sets `reading_lists`)
    for (const type of ['pointerenter', 'focus']) {
      this.tools.listSelect.addEventListener(type, () => void client.lists());
    }
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
    this.disposeFiltering();
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
      'search_partial',
      'searched'
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

  protected setTrait(name: string, value: unknown): void {
    this.model.set(name, value);
    this.model.save_changes();
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

  // -- cards --------------------------------------------------------------------------------
  protected buildCard(idx: number): HTMLElement {
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

  private feed: FeedPart;
  private byId = new Map<string, number>();
  private selected = new Set<string>();
  private listed = new Set<string>();
  private disposers: (() => void)[] = [];
  /** Kernel searches asked for so far: an answer to an older one is not shown. */
  private searchSeq = 0;
  private lastKey = -Infinity;
}

/**
 * The kernel search's side of the cards view: the traits one search sets together (`scores`, `query`, `holding`,
 * `search_note`) drawn once, as the ranking, the "Ranked by" chip and the status line; the line's progress of
 * background embedding; the reasons the kernel gives for each hit (`why`). The filtering side (filtering.ts) extends
 * it, and `CardsView` (view.ts) that.
 */

import { h } from '../common/dom';
import { action } from './card';
import { SortKey } from './filter';
import { crowdedPercents } from './score';
import {
  IPartial,
  ISearchDone,
  progressText,
  rankedStatus,
  rankingKind,
  readPartial
} from './status';
import { IToolbar } from './toolbar';
import { IAnyModel } from './types';
import {
  dividerAt,
  readWeaker,
  showWeakerButton,
  weakerButton
} from './weaker';

/** Hits the kernel explains (`WHY_AT_MOST` in paperlab/services/cardswire.py). */
const WHY_AT_MOST = 20;

/** Why the kernel search found a paper, as one entry of the `why` trait says. */
export interface IWhy {
  terms?: string[];
  sentence?: string;
  related?: string[];
}

export abstract class RankedCards {
  constructor(model: IAnyModel) {
    this.model = model;
    this.statusEl = h('div', 'plc-status');
    this.statusText = h('span', 'plc-status-text');
    this.statusText.setAttribute('role', 'status');
    this.statusText.setAttribute('aria-live', 'polite');
    this.progressEl = h('span', 'plc-progress');
    this.progressEl.hidden = true;
    this.weakerBtn = weakerButton(() => {
      if (this.lastSearch) {
        this.searchWeaker(!this.lastSearch.weakerShown);
      }
    });
    this.statusEl.append(this.statusText, this.weakerBtn, this.progressEl);
  }

  status(text: string, error = false): void {
    this.statusText.textContent = text;
    this.statusEl.classList.toggle('plc-error', error);
    this.updateWeaker();
  }

  /** The status line's "Show N weaker matches" button, for the kernel ranking shown (see weaker.ts). */
  private updateWeaker(): void {
    showWeakerButton(this.weakerBtn, this.scores ? this.lastSearch : null);
  }

  /** Remember the kernel search just answered, for the status line (see `rankedStatus`). */
  searched(
    n: number,
    query: string,
    mode: string,
    holding = false,
    note = '',
    partial: IPartial | null = null,
    weaker: { below: number; shown: boolean } | null = null
  ): void {
    this.lastSearch = { n, query, mode, holding, note };
    if (weaker) {
      this.lastSearch.below = weaker.below;
      this.lastSearch.weakerShown = weaker.shown;
    }
    if (partial) {
      this.lastSearch.partial = this.liveProgress(partial);
    }
    this.status(rankedStatus(this.lastSearch, this.sortKey));
  }

  /** A partial search's counts as the embedding stands now (the status line follows the progress bar). */
  private liveProgress(partial: IPartial): IPartial {
    const raw = this.model.get('embedding_progress') as
      { done?: number; total?: number; state?: string } | undefined;
    if (raw?.state !== 'running' || !Number(raw.total)) {
      return partial;
    }
    return {
      ...partial,
      done: Number(raw.done) || 0,
      total: Number(raw.total)
    };
  }

  /** Recompute the shown cards (filtering.ts). */
  protected abstract refilter(incremental: boolean): void;

  /** Run the shown search again with its weaker matches (`show`), or without them (view.ts). */
  protected abstract searchWeaker(show: boolean): void;

  /** Paper id of an entry index (view.ts). */
  abstract idAt(entryIndex: number): string;

  /** Where the divider above the weaker matches goes among the `shown` entries (-1: nowhere). */
  protected weakerAt(shown: readonly number[]): number {
    const relevance = this.sortKey === 'relevance';
    return dividerAt(shown, i => this.idAt(i), this.weakerIds, relevance);
  }

  protected scoresChanged(): void {
    if (!this.scoresQueued) {
      this.scoresQueued = true;
      queueMicrotask(() => {
        this.scoresQueued = false;
        this.loadScores();
      });
    }
  }

  protected loadScores(refilter = true): void {
    const raw =
      (this.searchTrait('scores') as Record<string, number> | undefined) ?? {};
    const keys = Object.keys(raw);
    // a kernel query without scores is a search that found nothing: a ranking of no paper, unless papers hold
    // every word of it (`holding`: an author's name, which the ranking does not read): the filter shows those
    const searched =
      keys.length > 0 ||
      (Boolean(this.searchTrait('query')) && !this.searchTrait('holding'));
    this.scores = searched ? new Map(keys.map(k => [k, raw[k]])) : null;
    const weaker = searched ? this.searchTrait('search_weaker') : undefined;
    this.weakerIds = new Set(readWeaker(weaker).ids);
    this.crowded = crowdedPercents(this.scores?.values() ?? []);
    const ranked = this.tools.rankedEl;
    if (this.scores) {
      this.sortKey = 'relevance';
      this.tools.sortSelect.value = 'relevance';
      const query = (this.model.get('query') as string) || '';
      const mode = String(this.model.get('search_mode') || 'hybrid');
      const kind = rankingKind(
        this.lastSearch?.query === query ? this.lastSearch.mode : mode,
        readPartial(this.model.get('search_partial'))
      );
      ranked.replaceChildren(
        h('span', undefined, `Ranked by the kernel: “${query}” (${kind})`),
        action('✕', 'Back to all papers', () => this.clearRanking(true))
      );
      ranked.hidden = false;
    } else {
      ranked.hidden = true;
      ranked.replaceChildren();
    }
    this.followSearch(keys.length);
    this.updateWeaker();
    if (refilter) {
      this.refilter(false);
    }
  }

  /**
   * The status line speaks of the search the traits hold: a kernel answer (a refined ranking, a search run from
   * Python) that names another query, count or kind than the last one shown replaces what the line said.
   */
  private followSearch(n: number): void {
    const query = String(this.searchTrait('query') || '');
    if (!query) {
      return;
    }
    const holding = Boolean(this.model.get('holding'));
    const note = String(this.model.get('search_note') || '');
    const partial = readPartial(this.model.get('search_partial'));
    const weaker = readWeaker(this.model.get('search_weaker'));
    const shown = weaker.ids.length > 0; // the weaker hits are among the n scored: `n` counts the others
    const last = this.lastSearch;
    if (
      last &&
      last.query === query &&
      last.n === n - weaker.ids.length &&
      (last.below ?? 0) === weaker.n &&
      Boolean(last.weakerShown) === shown &&
      Boolean(last.holding) === holding &&
      (last.note ?? '') === note &&
      Boolean(last.partial) === Boolean(partial) // a refined ranking replaces a partial one
    ) {
      return;
    }
    const mode =
      last?.query === query
        ? last.mode
        : String(this.model.get('search_mode') || 'hybrid');
    if (this.tools.input.value.trim() !== query) {
      this.tools.input.value = query; // the box shows the query shown (the filter of a `holding` answer reads it)
    }
    const strong = n - weaker.ids.length;
    this.searched(strong, query, mode, holding, note, partial, {
      below: weaker.n,
      shown
    });
  }

  protected clearRanking(clearInput: boolean): void {
    if (clearInput) {
      this.tools.input.value = '';
      this.lastSearch = null;
      this.status('');
    }
    // the kernel clears the traits (in order with the searches): until it has, the cards read them as cleared
    const leave = ++this.leaving;
    void this.leaveKernel().then(left => {
      if (!left) {
        // no kernel command (an old host) or a kernel error: clear the traits here, as a search-less host must
        this.model.set('scores', {});
        this.model.set('query', '');
        this.model.set('holding', false);
        this.model.save_changes();
      }
      if (this.leaving === leave) {
        this.leaving = 0;
      }
    });
    this.scores = null;
    this.loadScores(false);
    this.refilter(false);
  }

  /**
   * Ask the kernel to clear its ranking (`KernelClient.leave`); true when it did. A search still waiting for its
   * answer is no longer the current one: its answer does not speak on the status line.
   */
  protected abstract leaveKernel(): Promise<boolean>;

  /** A trait of the kernel search, read as cleared while a leave is on its way. */
  protected searchTrait(
    name: 'scores' | 'query' | 'holding' | 'search_weaker' | 'searched'
  ): unknown {
    return this.leaving ? undefined : this.model.get(name);
  }

  /** The progress line of background embedding (`embedding_progress`: {done, total, state}). */
  protected loadProgress(): void {
    const raw = this.model.get('embedding_progress') as
      { done?: number; total?: number; state?: string } | undefined;
    const state = raw?.state ?? 'idle';
    const done = Number(raw?.done) || 0;
    const total = Number(raw?.total) || 0;
    const el = this.progressEl;
    el.hidden = state === 'idle' || (state === 'done' && !this.progressShown);
    if (el.hidden) {
      el.replaceChildren();
      return;
    }
    this.progressShown = true;
    const bar = h('progress');
    bar.max = Math.max(total, 1);
    bar.value = Math.min(done, bar.max);
    bar.setAttribute('aria-label', 'Embedding papers');
    const text = h('span', undefined, progressText(state, done, total));
    el.replaceChildren(...(state === 'running' ? [bar, text] : [text]));
    const last = this.lastSearch;
    if (last?.partial && state === 'running') {
      last.partial = this.liveProgress(last.partial);
      this.status(rankedStatus(last, this.sortKey));
    }
  }

  /**
   * True while the kernel still explains this hit: it is among the first hits it explains (WHY_AT_MOST in
   * cardswire.py) and their reasons have not all come yet. Its card keeps a line for the reason.
   */
  protected whyPending(id: string): boolean {
    const scores = this.scores;
    if (!scores?.has(id)) {
      return false;
    }
    const all = (this.model.get('why') ?? {}) as Record<string, unknown>;
    const explained = Math.min(WHY_AT_MOST, scores.size);
    if (Object.keys(all).length >= explained) {
      return false;
    }
    return [...scores.keys()].slice(0, explained).includes(id);
  }

  /** Why the kernel search found a paper (the `why` trait), if it says. */
  protected whyOf(id: string): IWhy | undefined {
    const all = this.model.get('why') as
      | Record<
          string,
          { terms?: unknown; sentence?: unknown; related?: unknown }
        >
      | undefined;
    const one = all?.[id];
    if (!one || typeof one !== 'object') {
      return undefined;
    }
    const strings = (x: unknown): string[] =>
      Array.isArray(x)
        ? x.filter((t): t is string => typeof t === 'string')
        : [];
    const sentence = typeof one.sentence === 'string' ? one.sentence : '';
    return {
      terms: strings(one.terms),
      sentence,
      related: strings(one.related)
    };
  }

  protected model: IAnyModel;
  /** Set by the view's constructor (its callbacks are the view's). */
  protected tools!: IToolbar;
  protected statusEl: HTMLDivElement;
  protected sortKey: SortKey = 'relevance';
  /** The kernel ranking by paper id, or null: the typed words filter. */
  protected scores: Map<string, number> | null = null;
  protected crowded: ReadonlySet<number> = new Set();
  protected lastSearch: ISearchDone | null = null;
  /** The hits under the relevance cut-off the kernel ranking shows (`search_weaker`'s ids). */
  protected weakerIds: ReadonlySet<string> = new Set();
  private statusText: HTMLSpanElement;
  private weakerBtn: HTMLButtonElement;
  private progressEl: HTMLSpanElement;
  private progressShown = false;
  private scoresQueued = false;
  /** The number of the leave on its way to the kernel (0: none; see `clearRanking`). */
  private leaving = 0;
}

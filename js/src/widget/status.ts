/**
 * Small helpers of the cards view: the status line naming the order of a kernel ranking, and the
 * performance marks of the first render and of filtering.
 */

import { plural } from '../common/text';
import { SortKey } from './filter';
import { weakerStatus } from './weaker';

export interface ISearchDone {
  n: number;
  query: string;
  mode: string;
  /** No hit passed the cut-off, and the kernel found papers holding every word of the query: the filter shows them. */
  holding?: boolean;
  /** The kernel's words for those papers ("3 papers hold “RLHF” (title, abstract, authors or keywords) — not ranked …"). */
  note?: string;
  /** Answered while the library was being embedded (the `search_partial` trait): the kernel runs the search
   * again once every paper is; `done` / `total` follow the embedding's progress. */
  partial?: IPartial;
  /** Hits among the k best that scored under the relevance cut-off: left out, or shown after the `n` others
   * (`weakerShown`; see weaker.ts). */
  below?: number;
  weakerShown?: boolean;
}

/** How far the embedding was (`done` of `total` papers), and how the papers without a vector were ranked:
 * by their words alone ('keyword'), by the fast static encoder ('static'), or none was left (''). `keywordOnly`:
 * no paper had its vector when the search ran, so every hit is a keyword hit. */
export interface IPartial {
  done: number;
  total: number;
  rest: string;
  keywordOnly: boolean;
}

/** The `search_partial` trait (or a search answer's `embedded`) read; null for a full ranking. */
export function readPartial(raw: unknown): IPartial | null {
  if (!raw || typeof raw !== 'object') {
    return null;
  }
  const r = raw as { done?: unknown; total?: unknown; rest?: unknown };
  const total = Number(r.total);
  if (!Number.isFinite(total) || total <= 0) {
    return null;
  }
  const done = Number(r.done) || 0;
  const rest = typeof r.rest === 'string' ? r.rest : '';
  return { done, total, rest, keywordOnly: rest === 'keyword' && done === 0 };
}

/** What the "Ranked by" chip calls a search's ranking: its mode, or what stands in for it until papers are
 * embedded. */
export function rankingKind(mode: string, partial: IPartial | null): string {
  if (!partial || !partial.rest) {
    return mode;
  }
  if (partial.keywordOnly) {
    return 'keywords until papers are embedded';
  }
  return partial.rest === 'keyword'
    ? `${mode}, keywords for papers not yet embedded`
    : `${mode}, approximate until papers are embedded`;
}

/** The status line of a search answered while papers are being embedded: never "(hybrid)" for a keyword
 * ranking, and that the mode's ranking comes once they are (the kernel runs the search again then). */
function partialStatus(
  search: ISearchDone,
  partial: IPartial,
  order: string
): string {
  const of = `(${partial.done.toLocaleString('en')} / ${partial.total.toLocaleString('en')})`;
  const q = `“${search.query}”`;
  const again = `the ${search.mode} search runs again once papers are embedded ${of}`;
  if (search.n === 0 && search.holding) {
    return `${search.note || `The papers holding ${q} (title, abstract, authors or keywords) — not ranked by relevance`}; ${again}.`;
  }
  if (search.n === 0) {
    return `No keyword match for ${q} yet: ${again}.`;
  }
  const noun = search.n === 1 ? 'result' : 'results';
  const coming = `the ${search.mode} ranking comes once papers are embedded ${of}`;
  if (partial.keywordOnly) {
    return `${search.n} keyword ${noun} for ${q}, ${order}: ${coming}.`;
  }
  const rest =
    partial.rest === 'keyword'
      ? 'keyword results for the papers not yet embedded'
      : 'an approximate ranking for the papers not yet embedded';
  return `${search.n} ${noun} for ${q}, ${order} (${rest}): ${coming}.`;
}

const ORDER_WORDS: Record<SortKey, string> = {
  relevance: 'best first',
  date: 'newest first',
  upvotes: 'most upvoted first'
};

/** "12 results for “q” (hybrid), newest first": the order named as it is shown. */
export function rankedStatus(search: ISearchDone, key: SortKey): string {
  if (search.partial?.rest) {
    return partialStatus(search, search.partial, ORDER_WORDS[key]);
  }
  if (search.n === 0 && search.holding) {
    // found, not failed: the papers holding the words, in the kernel's words (paperlab/search/results.py)
    const note =
      search.note ||
      `The papers holding “${search.query}” (title, abstract, authors or keywords) — not ranked by relevance`;
    return `${note}.`;
  }
  const weaker = weakerStatus(search, ORDER_WORDS[key], key === 'relevance');
  if (weaker) {
    return weaker;
  }
  if (search.n === 0) {
    return `No paper passed the relevance cut-off for “${search.query}” (${search.mode}).`;
  }
  const noun = search.n === 1 ? 'result' : 'results';
  return `${search.n} ${noun} for “${search.query}” (${search.mode}), ${ORDER_WORDS[key]}.`;
}

/** Run `fn` in a task queued just after the next frame's paint. */
export function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => {
    setTimeout(fn, 0);
  });
}

/** Mark `paperlab-cards:<end>` and measure `paperlab-cards:<name>` from `<start>` to it. */
export function measure(name: string, start: string, end: string): void {
  const from = `paperlab-cards:${start}`;
  if (performance.getEntriesByName(from, 'mark').length === 0) {
    // e.g. the scan of the first render finishing: no keystroke started a filter measure
    return;
  }
  performance.mark(`paperlab-cards:${end}`);
  performance.measure(`paperlab-cards:${name}`, from, `paperlab-cards:${end}`);
}

/** The line under the embedding progress bar for a job's state ("Embedded 1 paper: semantic search is ready"). */
export function progressText(
  state: string,
  done: number,
  total: number
): string {
  const of = `${done.toLocaleString('en')} / ${total.toLocaleString('en')}`;
  const words: Record<string, string> = {
    running: `Embedding papers for semantic search: ${of}`,
    done: `Embedded ${plural(total, 'paper')}: semantic search is ready`,
    cancelled: `Embedding stopped at ${of}`,
    failed: `Embedding failed after ${of}`
  };
  return words[state] ?? `${state}: ${done} / ${total}`;
}

/**
 * Small helpers of the cards view: the status line naming the order of a kernel ranking, and the
 * performance marks of the first render and of filtering.
 */

import { plural } from '../common/text';
import { SortKey } from './filter';

export interface ISearchDone {
  n: number;
  query: string;
  mode: string;
  /** No hit passed the cut-off, and the kernel found papers holding every word of the query: the filter shows them. */
  holding?: boolean;
  /** The kernel's words for those papers ("3 papers hold “RLHF” (title, abstract or authors) — not ranked …"). */
  note?: string;
}

const ORDER_WORDS: Record<SortKey, string> = {
  relevance: 'best first',
  date: 'newest first',
  upvotes: 'most upvoted first'
};

/** "12 results for “q” (hybrid), newest first": the order named as it is shown. */
export function rankedStatus(search: ISearchDone, key: SortKey): string {
  if (search.n === 0 && search.holding) {
    // found, not failed: the papers holding the words, in the kernel's words (paperlab/search/results.py)
    const note =
      search.note ||
      `The papers holding “${search.query}” (title, abstract or authors) — not ranked by relevance`;
    return `${note}.`;
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

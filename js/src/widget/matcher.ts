/**
 * Which papers the cards show, in which order: the kernel's ranking, or the typed filter
 * scanned in display order. A filter scan paints its first screenful at once and goes on in
 * later tasks, a few milliseconds at a time; a query that only adds characters to the previous
 * one scans the previous result instead of all papers. Up to SCAN_AT_ONCE papers are scanned in one go: the count
 * never reads "17+ of 20 papers" for a moment (a feed's screenful).
 */

import {
  ActiveFacets,
  IEntry,
  filterEntries,
  scanEntries,
  SortKey,
  sortIndices
} from './filter';

/** Papers scanned in one go whatever the first screen needs (well under a millisecond). */
const SCAN_AT_ONCE = 500;

/** A filter scan in progress: `out` holds the matches of `source[0 .. pos)`. */
interface IScanJob {
  words: string[];
  active: ActiveFacets;
  source: number[];
  pos: number;
  out: number[];
}

export class Matcher {
  /** @param onComplete - called with the full result when a scan finishes in a later task */
  constructor(private readonly onComplete: (result: number[]) => void) {}

  /** True when the last result is complete (no scan still running). */
  get complete(): boolean {
    return this.job === null;
  }

  setEntries(entries: IEntry[]): void {
    this.cancel();
    this.entries = entries;
    this.orders.clear();
    this.forget();
  }

  /** Stop a running scan. */
  cancel(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = 0;
    }
    this.job = null;
  }

  /** The papers the kernel ranked that pass the facets, in `sortKey` order (scores for relevance). */
  ranked(
    active: ActiveFacets,
    sortKey: SortKey,
    scores: Map<string, number>
  ): number[] {
    this.cancel();
    this.forget();
    const indices = filterEntries(this.entries, [], active).filter(i =>
      scores.has(this.entries[i].paper.id)
    );
    return sortIndices(indices, this.entries, sortKey, scores);
  }

  /**
   * The first `firstScreen` matches of the query words (all of them when the scan completes at
   * once); the scan goes on after the next frame and ends with `onComplete`.
   */
  filter(
    words: string[],
    active: ActiveFacets,
    sortKey: SortKey,
    incremental: boolean,
    firstScreen: number
  ): number[] {
    this.cancel();
    const last = this.lastResult;
    const narrows =
      incremental &&
      last !== null &&
      this.lastWords.length > 0 &&
      words.length >= this.lastWords.length &&
      this.lastWords.every((w, k) => words[k].includes(w));
    const source = narrows && last ? last : this.orderFor(sortKey);
    const job: IScanJob = { words, active, source, pos: 0, out: [] };
    job.pos = scanEntries(
      this.entries,
      words,
      active,
      source,
      0,
      job.out,
      source.length <= SCAN_AT_ONCE ? Infinity : firstScreen,
      Infinity
    );
    if (job.pos >= source.length) {
      this.remember(job);
    } else {
      this.job = job;
      // paint the first screenful first: continue in a task queued after the next frame
      requestAnimationFrame(() => {
        if (this.job === job) {
          this.timer = window.setTimeout(() => this.continueScan(), 0);
        }
      });
    }
    return job.out.slice();
  }

  dispose(): void {
    this.cancel();
  }

  /** Indices of all papers in the order of a sort key (computed once per key and paper set). */
  private orderFor(key: SortKey): number[] {
    let order = this.orders.get(key);
    if (!order) {
      const all = this.entries.map((_, i) => i);
      order =
        key === 'relevance' ? all : sortIndices(all, this.entries, key, null);
      this.orders.set(key, order);
    }
    return order;
  }

  /** Scan on for at most a few milliseconds per task, then hand over the full result. */
  private continueScan(): void {
    this.timer = 0;
    const job = this.job;
    if (!job) {
      return;
    }
    const deadline = performance.now() + 6;
    job.pos = scanEntries(
      this.entries,
      job.words,
      job.active,
      job.source,
      job.pos,
      job.out,
      Infinity,
      deadline
    );
    if (job.pos < job.source.length) {
      this.timer = window.setTimeout(() => this.continueScan(), 0);
      return;
    }
    this.job = null;
    this.remember(job);
    this.onComplete(job.out.slice());
  }

  private remember(job: IScanJob): void {
    this.lastWords = job.words;
    this.lastResult = job.out;
  }

  private forget(): void {
    this.lastWords = [];
    this.lastResult = null;
  }

  private entries: IEntry[] = [];
  private orders = new Map<SortKey, number[]>();
  private lastWords: string[] = [];
  private lastResult: number[] | null = null;
  private job: IScanJob | null = null;
  private timer = 0;
}

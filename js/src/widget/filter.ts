/**
 * Pure data side of the cards: per-paper search text, client-side filtering, facets, sorting.
 * Nothing here touches the DOM, so it stays fast for 10,000 papers.
 */

import { fold, startsAWord } from '../common/fold';
import { IPaper } from './types';

export type FacetKind = 'year' | 'source' | 'category' | 'tag' | 'keyword';
export const FACET_KINDS: FacetKind[] = [
  'year',
  'source',
  'category',
  'tag',
  'keyword'
];
/** Each facet named for the field it filters, as the frame's columns and the panel name them: "Tag" a paper's
 * `tags` (yours, a list's or a digest's section), "Keyword" the `keywords` its source gave. */
export const FACET_LABELS: Record<FacetKind, string> = {
  year: 'Year',
  source: 'Source',
  category: 'Category',
  tag: 'Tag',
  keyword: 'Keyword'
};

export type SortKey = 'relevance' | 'date' | 'upvotes';

/** One paper plus what filtering and sorting need, computed once. */
export interface IEntry {
  paper: IPaper;
  /** Title + abstract + authors, folded (common/fold.ts: case and accents ignored). */
  hay: string;
  facets: Record<FacetKind, string[]>;
  date: string;
  upvotes: number;
}

function uniq(values: string[]): string[] {
  return Array.from(new Set(values.filter(v => !!v)));
}

export function buildEntries(papers: IPaper[]): IEntry[] {
  return papers.map(paper => {
    const authors = paper.authors ?? [];
    const hay = fold(
      `${paper.title ?? ''}\n${paper.abstract ?? ''}\n${authors.join('\n')}`
    );
    const date = paper.published ?? '';
    const year = date.slice(0, 4);
    return {
      paper,
      hay,
      date,
      upvotes: typeof paper.upvotes === 'number' ? paper.upvotes : -1,
      facets: {
        // a year chip, and its decade's ("2010s") for a result that spans many years
        year: /^\d{4}$/.test(year) ? [year, decadeOf(year)] : [],
        source: uniq((paper.sources ?? []).map(s => s.name)),
        category: uniq(paper.categories ?? []),
        tag: uniq(paper.tags ?? []),
        keyword: uniq(paper.keywords ?? [])
      }
    };
  });
}

export type ActiveFacets = Record<FacetKind, Set<string>>;

export function emptyFacets(): ActiveFacets {
  return {
    year: new Set(),
    source: new Set(),
    category: new Set(),
    tag: new Set(),
    keyword: new Set()
  };
}

export function facetsActive(active: ActiveFacets): boolean {
  return FACET_KINDS.some(k => active[k].size > 0);
}

/** Query words, folded like the text they are looked for in. */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter(w => w.length > 0);
}

function passesFacets(entry: IEntry, active: ActiveFacets): boolean {
  for (const kind of FACET_KINDS) {
    const wanted = active[kind];
    if (wanted.size === 0) {
      continue;
    }
    // within one kind any chip may match; across kinds all must
    if (!entry.facets[kind].some(v => wanted.has(v))) {
      return false;
    }
  }
  return true;
}

/** Whether every query word starts a word of `entry` (common/fold.ts `startsAWord`) and, when `useFacets`, passes the active facets. */
function matches(
  entry: IEntry,
  words: string[],
  useFacets: boolean,
  active: ActiveFacets
): boolean {
  for (const w of words) {
    if (!startsAWord(entry.hay, w)) {
      return false;
    }
  }
  return !useFacets || passesFacets(entry, active);
}

/**
 * Indices (into `entries`) of the papers containing every query word and matching the facets.
 *
 * @param within - Only look at these indices (a previous result that this query narrows).
 */
export function filterEntries(
  entries: IEntry[],
  words: string[],
  active: ActiveFacets,
  within?: number[]
): number[] {
  const useFacets = facetsActive(active);
  const out: number[] = [];
  const n = within ? within.length : entries.length;
  for (let k = 0; k < n; k++) {
    const i = within ? within[k] : k;
    if (matches(entries[i], words, useFacets, active)) {
      out.push(i);
    }
  }
  return out;
}

/**
 * Resumable scan: append to `out` the indices of `source[pos...]` that match, stopping once `out`
 * holds `want` indices or `performance.now()` passes `deadline`. Returns the next position
 * (`source.length` when the scan is complete).
 *
 * Used so that a keystroke repaints as soon as the first screenful of matches is known; the
 * rest of the scan (for the count and the scrollbar) runs in the next tasks.
 */
export function scanEntries(
  entries: IEntry[],
  words: string[],
  active: ActiveFacets,
  source: number[],
  pos: number,
  out: number[],
  want: number,
  deadline: number
): number {
  const useFacets = facetsActive(active);
  const n = source.length;
  let k = pos;
  while (k < n) {
    const i = source[k++];
    if (matches(entries[i], words, useFacets, active)) {
      out.push(i);
      if (out.length >= want) {
        break;
      }
    }
    if ((k & 255) === 0 && performance.now() > deadline) {
      break;
    }
  }
  return k;
}

/** "2010s" for "2017". */
export function decadeOf(year: string): string {
  return `${year.slice(0, 3)}0s`;
}

/** Each facet's values with their counts over all entries (a year's decade counted as a value of its own). */
export function facetCounts(
  entries: IEntry[]
): Record<FacetKind, Map<string, number>> {
  return resultFacetCounts(
    entries,
    entries.map((_e, i) => i),
    emptyFacets()
  );
}

/** The chips of one facet: shown at once, then behind "+N more" (in the DOM, hidden until expanded). */
export interface IChipPlan {
  shown: string[];
  more: string[];
}

/** Chips shown at once per facet, and at most how many more wait behind "+N more". */
export const CHIPS_SHOWN = 8;
export const CHIPS_MORE = 60;

const isYear = (v: string): boolean => /^\d{4}$/.test(v);
const isDecade = (v: string): boolean => /^\d{3}0s$/.test(v);
const newestFirst = (a: string, b: string): number => b.localeCompare(a);

/**
 * Which chips a facet shows for the current result (`counts`: `resultFacetCounts`), the values of the whole
 * library being `all`: the values the result holds first, with counts, then the values it does not (0) behind
 * "+N more". Years: the years the result holds, newest first, or their decades when they are more than
 * `CHIPS_SHOWN` (the single years then behind "+N more"). Other facets: the result's most frequent values. A
 * chosen value is always shown.
 */
export function chipPlan(
  kind: FacetKind,
  all: Map<string, number>,
  counts: Map<string, number>,
  chosen: ReadonlySet<string>
): IChipPlan {
  const held = (v: string): boolean => (counts.get(v) ?? 0) > 0;
  const values = [...all.keys()];
  let shown: string[];
  let more: string[];
  if (kind === 'year') {
    const years = values.filter(isYear).sort(newestFirst);
    const heldYears = years.filter(held);
    if (heldYears.length <= CHIPS_SHOWN) {
      shown = heldYears;
      more = years.filter(v => !held(v));
    } else {
      shown = values.filter(v => isDecade(v) && held(v)).sort(newestFirst);
      more = heldYears;
    }
  } else {
    const byCount = (a: string, b: string): number =>
      (counts.get(b) ?? 0) - (counts.get(a) ?? 0) ||
      (all.get(b) ?? 0) - (all.get(a) ?? 0) ||
      a.localeCompare(b);
    const ordered = values.sort(byCount);
    shown = ordered.filter(held).slice(0, CHIPS_SHOWN);
    more = ordered.filter(v => !shown.includes(v));
  }
  const picked = [...chosen].filter(v => !shown.includes(v));
  // an empty result holds no value: no row of "(0)" chips behind "+N more" (only what the user chose)
  const empty = !values.some(held);
  return {
    shown: [...picked, ...shown],
    more: empty ? [] : more.filter(v => !chosen.has(v)).slice(0, CHIPS_MORE)
  };
}

/**
 * How many papers of the current result each facet value would keep: `base` is the result before any facet
 * (the kernel's ranking, or the papers holding every typed word); a value of one kind counts the papers of
 * `base` that have it and pass the chosen values of the other kinds (values of one kind add up, so a chosen
 * year leaves the other years' counts as they would be if chosen too).
 */
export function resultFacetCounts(
  entries: IEntry[],
  base: number[],
  active: ActiveFacets
): Record<FacetKind, Map<string, number>> {
  const counts = {} as Record<FacetKind, Map<string, number>>;
  for (const kind of FACET_KINDS) {
    counts[kind] = new Map();
  }
  const chosen = FACET_KINDS.filter(k => active[k].size > 0);
  for (const i of base) {
    const e = entries[i];
    const failed = chosen.filter(k => !e.facets[k].some(v => active[k].has(v)));
    if (failed.length > 1) {
      continue;
    }
    for (const kind of failed.length ? failed : FACET_KINDS) {
      for (const v of e.facets[kind]) {
        counts[kind].set(v, (counts[kind].get(v) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** Sort indices in place; "relevance" is the search score when there is one, else library order. */
export function sortIndices(
  indices: number[],
  entries: IEntry[],
  key: SortKey,
  scores: Map<string, number> | null
): number[] {
  if (key === 'relevance') {
    if (scores && scores.size > 0) {
      indices.sort(
        (a, b) =>
          (scores.get(entries[b].paper.id) ?? -Infinity) -
            (scores.get(entries[a].paper.id) ?? -Infinity) || a - b
      );
    } else {
      indices.sort((a, b) => a - b);
    }
  } else if (key === 'date') {
    // ISO dates compare as strings; papers without a date go last
    indices.sort((a, b) => {
      const da = entries[a].date;
      const db = entries[b].date;
      if (da === db) {
        return a - b;
      }
      if (!da) {
        return 1;
      }
      if (!db) {
        return -1;
      }
      return da < db ? 1 : -1;
    });
  } else {
    indices.sort((a, b) => entries[b].upvotes - entries[a].upvotes || a - b);
  }
  return indices;
}

/** Index of the first offset greater than `value` (offsets ascending). */
export function upperBound(
  offsets: Float64Array,
  count: number,
  value: number
): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid] <= value) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

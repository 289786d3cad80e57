/**
 * The cards' controls above the list: the filter/search box, search mode, sort, the
 * "ranked by the kernel" note and the counts (the facet chips: facets.ts).
 */

import { h } from '../common/dom';
import { plural } from '../common/text';
import { action } from './card';
import { SortKey } from './filter';

export interface IToolbarHandlers {
  /** A keystroke in the box (instant filtering). */
  input(): void;
  /** Enter or the Search button: search with the kernel. */
  search(): void;
  /** Arrow down in the box: to the first card. */
  toList(): void;
  mode(mode: string): void;
  sort(key: SortKey): void;
  /** The reading list the cards add to was chosen. */
  list(name: string): void;
}

export interface IToolbar {
  bar: HTMLDivElement;
  input: HTMLInputElement;
  modeSelect: HTMLSelectElement;
  sortSelect: HTMLSelectElement;
  rankedEl: HTMLSpanElement;
  countEl: HTMLSpanElement;
  selectionEl: HTMLSpanElement;
  listSelect: HTMLSelectElement;
}

export function buildToolbar(mode: string, on: IToolbarHandlers): IToolbar {
  const input = searchBox(on);
  const searchBtn = action(
    'Search',
    'Search with the kernel (semantic/hybrid) and rank by score',
    () => on.search()
  );
  const modeSelect = select('Search mode', [
    ['hybrid', 'hybrid'],
    ['semantic', 'semantic'],
    ['lexical', 'lexical']
  ]);
  modeSelect.value = mode;
  modeSelect.addEventListener('change', () => on.mode(modeSelect.value));
  const sortSelect = select('Sort by', [
    ['relevance', 'Sort: relevance'],
    ['date', 'Sort: newest'],
    ['upvotes', 'Sort: upvotes']
  ]);
  sortSelect.addEventListener('change', () =>
    on.sort(sortSelect.value as SortKey)
  );
  const rankedEl = h('span', 'plc-ranked');
  rankedEl.hidden = true;
  const selectionEl = h('span', 'plc-selection');
  const countEl = h('span', 'plc-count');
  countEl.setAttribute('aria-live', 'polite');
  const listSelect = select('Reading list the cards add to', []);
  listSelect.addEventListener('change', () => on.list(listSelect.value));
  const listLabel = h('span', 'plc-list-label', 'List:');
  const right = h('span', 'plc-right');
  right.append(selectionEl, countEl, listLabel, listSelect);
  const bar = h('div', 'plc-toolbar');
  const controls = [searchBtn, modeSelect, sortSelect, rankedEl, right];
  controls.forEach(c => c.setAttribute('data-lm-suppress-shortcuts', 'true'));
  bar.append(input, ...controls);
  return {
    bar,
    input,
    modeSelect,
    sortSelect,
    rankedEl,
    countEl,
    selectionEl,
    listSelect
  };
}

/** Offer the reading lists in the list menu, `current` chosen. */
export function showLists(
  node: HTMLSelectElement,
  names: string[],
  current: string
): void {
  const all = names.includes(current) ? names : [...names, current];
  node.replaceChildren(
    ...all.map(name => {
      const opt = h('option', undefined, name);
      opt.value = name;
      return opt;
    })
  );
  node.value = current;
}

function searchBox(on: IToolbarHandlers): HTMLInputElement {
  const input = h('input');
  input.type = 'search';
  input.placeholder =
    'Filter title, abstract, authors… (Enter: search with the kernel)';
  input.setAttribute(
    'aria-label',
    'Filter papers; press Enter to search with the kernel'
  );
  input.addEventListener('input', () => on.input());
  input.addEventListener('keydown', ev => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      on.search();
    } else if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      on.toList();
    }
  });
  return input;
}

function select(label: string, options: [string, string][]): HTMLSelectElement {
  const node = h('select');
  node.setAttribute('aria-label', label);
  for (const [value, text] of options) {
    const opt = h('option', undefined, text);
    opt.value = value;
    node.appendChild(opt);
  }
  return node;
}

/**
 * The count next to the box: "N papers", "k of N papers", "k+ of N" while scanning, or results. `searched`: how
 * many papers the search the cards were made from looked through (0: the cards hold the papers searched), so a
 * search of 10 papers with 1 hit says "1 result · 10 papers searched", not "1 paper".
 */
export function countText(
  shown: number,
  total: number,
  ranked: boolean,
  complete: boolean,
  searched = 0
): string {
  const noun = (n: number): string => plural(n, 'paper');
  if (searched > total) {
    const found = ranked ? plural(shown, 'result') : `${shown} of`;
    return ranked
      ? `${found} · ${noun(searched)} searched`
      : `${found} ${noun(searched)} searched`;
  }
  if (ranked) {
    return `${plural(shown, 'result')} · ${noun(total)}`;
  }
  if (!complete) {
    return `${shown}+ of ${noun(total)}`;
  }
  return shown === total ? noun(total) : `${shown} of ${noun(total)}`;
}

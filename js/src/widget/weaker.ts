/**
 * The weaker matches of a kernel search: the hits among the k best that scored under the relevance cut-off. The
 * kernel leaves them out and says how many (`search_weaker`: `{n, ids: []}`); the status line then offers a button
 * ("Show 7 weaker matches") that runs the same search again asking for them (`weaker`), and they come after the
 * others (`ids`), below a divider, each with its own lower "% match". Typing again or ✕ leaves the ranking as ever.
 */

import { h } from '../common/dom';
import { plural } from '../common/text';

/** What the divider above the first weaker card says. */
export const DIVIDER_TEXT = 'Weaker matches, below the relevance cut-off';

/** The `search_weaker` trait read: how many hits scored under the cut-off, and which of them are shown. */
export interface IWeaker {
  n: number;
  ids: string[];
}

/** The part of a kernel search (status.ts `ISearchDone`) the weaker matches concern. */
export interface IWeakerSearch {
  /** Hits that passed the cut-off. */
  n: number;
  holding?: boolean;
  partial?: { rest: string };
  /** Hits among the k best under the cut-off: shown after the others when `weakerShown`, else left out. */
  below?: number;
  weakerShown?: boolean;
}

export function readWeaker(raw: unknown): IWeaker {
  if (!raw || typeof raw !== 'object') {
    return { n: 0, ids: [] };
  }
  const r = raw as { n?: unknown; ids?: unknown };
  const ids = Array.isArray(r.ids)
    ? r.ids.filter((x): x is string => typeof x === 'string')
    : [];
  const n = Number(r.n);
  return { n: Number.isFinite(n) && n > 0 ? Math.floor(n) : ids.length, ids };
}

/** True when the status line offers (or withdraws) the weaker matches: a full ranking that cut some. */
function offered(search: IWeakerSearch): boolean {
  return Boolean(search.below) && !search.holding && !search.partial?.rest;
}

/** The status line's sentence of a ranking with its weaker matches shown (`order`: "best first", ...). */
export function weakerStatus(
  search: IWeakerSearch & { query: string; mode: string },
  order: string,
  relevance: boolean
): string | null {
  if (!offered(search) || !search.weakerShown) {
    return null;
  }
  const q = `“${search.query}” (${search.mode})`;
  const weaker = plural(search.below ?? 0, 'weaker match', 'weaker matches');
  if (search.n === 0) {
    return `No paper passed the relevance cut-off for ${q}: ${weaker}, ${order}.`;
  }
  const found = plural(search.n, 'result');
  return relevance
    ? `${found} for ${q}, ${order}, then ${weaker} below the relevance cut-off.`
    : `${found} for ${q} and ${weaker} below the relevance cut-off, ${order}.`;
}

/** The label of the status line's button: show the weaker matches, or hide them again; null: no button. */
export function weakerLabel(search: IWeakerSearch | null): string | null {
  if (!search || !offered(search)) {
    return null;
  }
  const below = search.below ?? 0;
  return search.weakerShown
    ? 'Hide the weaker matches'
    : `Show ${plural(below, 'weaker match', 'weaker matches')}`;
}

/** The status line's button (hidden until a search cut some hits); `onClick` runs the search again. */
export function weakerButton(onClick: () => void): HTMLButtonElement {
  const btn = h('button', 'plc-weaker-toggle');
  btn.type = 'button';
  btn.hidden = true;
  btn.addEventListener('click', () => onClick());
  return btn;
}

/** Show, label or hide the button for `search` (null: no kernel ranking shown). */
export function showWeakerButton(
  btn: HTMLButtonElement,
  search: IWeakerSearch | null
): void {
  const label = weakerLabel(search);
  btn.hidden = label === null;
  btn.textContent = label ?? '';
}

/**
 * The display position of the first weaker card (the divider goes above it), or -1: none is shown, or the cards
 * are not in relevance order (the weaker ones are then among the others, and the status line says so).
 */
export function dividerAt(
  shown: readonly number[],
  idAt: (entryIndex: number) => string,
  weaker: ReadonlySet<string>,
  relevance: boolean
): number {
  if (!relevance || weaker.size === 0) {
    return -1;
  }
  return shown.findIndex(i => weaker.has(idAt(i)));
}

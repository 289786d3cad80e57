/**
 * What the cards ask of the kernel, and how they report it in the status line: search,
 * reading-list changes, copying a rendering, and inserting a markdown card into the notebook
 * (through the lab extension's `paperlab:insert-cell` event, else via the clipboard).
 */

import { copyText } from '../common/dom';
import { KernelClient, RenderFormat } from './rpc';
import { IPartial, readPartial } from './status';
import {
  IInsertCellDetail,
  INSERT_CELL_EVENT,
  InsertKind,
  IPaper
} from './types';

export interface IActionHost {
  readonly root: HTMLElement;
  readonly client: KernelClient;
  /** Show a line in the status bar. */
  status(text: string, error?: boolean): void;
  /** The reading list the cards write to. */
  listName(): string;
  /** A kernel search answered with `n` hits past the cut-off (and `weaker.below` under it): say so. */
  searched(
    n: number,
    query: string,
    mode: string,
    holding?: boolean,
    note?: string,
    partial?: IPartial | null,
    weaker?: { below: number; shown: boolean } | null
  ): void;
}

/** The views that have asked the kernel to search already. */
const searchedOnce = new WeakSet<IActionHost>();

/**
 * Search with the kernel; true when it answered (and set the `scores` trait). `current()` is false once a newer
 * search was asked for: a late answer then changes neither the status line nor the cards. `weaker`: also the hits
 * under the relevance cut-off, after the others (weaker.ts).
 */
export async function kernelSearch(
  host: IActionHost,
  query: string,
  mode: string,
  k: number,
  current: () => boolean = () => true,
  weaker = false
): Promise<boolean> {
  // the first kernel search of a session loads the search model; later ones answer in a moment
  const first = !searchedOnce.has(host) && mode !== 'lexical';
  searchedOnce.add(host);
  host.status(
    `Searching the kernel for “${query}” (${mode})…` +
      (first ? ' The first search loads the search model: a few seconds.' : '')
  );
  host.root.setAttribute('aria-busy', 'true');
  const reply = await host.client.search(query, mode, k, weaker);
  if (!current()) {
    return false; // a newer search's status (and cards) stay
  }
  host.root.removeAttribute('aria-busy');
  if (!reply.ok) {
    host.status(`Search failed: ${reply.error}`, true);
    return false;
  }
  if (reply.stale) {
    return false;
  }
  const below = reply.below ?? 0;
  const shown = Boolean(reply.weaker);
  host.searched(
    (reply.n ?? 0) - (shown ? below : 0),
    query,
    mode,
    Boolean(reply.holding),
    reply.note,
    readPartial(reply.embedded),
    { below, shown }
  );
  return true;
}

/** Add the paper to the reading list, or remove it; true when the store changed. */
export async function toggleListed(
  host: IActionHost,
  p: IPaper,
  listed: boolean,
  btn: HTMLButtonElement
): Promise<boolean> {
  const action = listed ? 'remove' : 'add';
  btn.disabled = true;
  const reply = await host.client.changeList(action, p.id);
  btn.disabled = false;
  const name = host.listName();
  if (!reply.ok) {
    host.status(`Reading list: ${reply.error}`, true);
    return false;
  }
  host.status(
    action === 'add'
      ? `Added “${p.title}” to ${name}.`
      : `Removed “${p.title}” from ${name}.`
  );
  return true;
}

async function render(
  host: IActionHost,
  p: IPaper,
  format: RenderFormat
): Promise<string | null> {
  const reply = await host.client.render(p.id, format);
  if (!reply.ok || typeof reply.text !== 'string') {
    const why = reply.ok ? 'no text' : reply.error;
    host.status(`Could not render ${format}: ${why}`, true);
    return null;
  }
  return reply.text;
}

/** How the status line names what was copied. */
const FORMAT_NAMES: Record<RenderFormat, string> = {
  markdown: 'the markdown card',
  bibtex: 'the BibTeX',
  code: 'the code cell'
};

/** Copy the paper as markdown card, BibTeX or code. */
export async function copy(
  host: IActionHost,
  p: IPaper,
  format: RenderFormat
): Promise<void> {
  const text = await render(host, p, format);
  if (text === null) {
    return;
  }
  const ok = await copyText(text);
  host.root.dataset.lastCopy = format;
  host.status(
    ok
      ? `Copied ${FORMAT_NAMES[format]} of “${p.title_text ?? p.title}”.`
      : `Copying to the clipboard failed; here it is:\n${text}`,
    !ok
  );
}

/** How the status line names an inserted cell. */
const CELL_NAMES: Record<InsertKind, [string, string]> = {
  markdown: ['a markdown card of ', 'the markdown card'],
  code: ['a code cell loading ', 'the code cell']
};

/** Insert the paper's markdown card, or the code cell that loads it, below the cell showing the cards (or copy it). */
export async function insertCell(
  host: IActionHost,
  p: IPaper,
  kind: InsertKind = 'markdown'
): Promise<void> {
  const source = await render(host, p, kind);
  if (source === null) {
    return;
  }
  // The paperlab lab extension listens for this event and inserts the cell (a markdown cell
  // rendered) below the cell showing these cards; it calls preventDefault() when it did.
  const event = new CustomEvent<IInsertCellDetail>(INSERT_CELL_EVENT, {
    bubbles: true,
    cancelable: true,
    composed: true,
    detail: { markdown: source, kind, paper: p }
  });
  const unhandled = host.root.dispatchEvent(event);
  const [inserted, copiedName] = CELL_NAMES[kind];
  if (!unhandled) {
    host.status(`Inserted ${inserted}“${p.title}” below.`);
    return;
  }
  const copied = await copyText(source);
  const cell = kind === 'code' ? 'a code cell' : 'a markdown cell';
  host.status(
    copied
      ? `No notebook to insert into here: ${copiedName} was copied; paste it into ${cell}.`
      : `No notebook to insert into here; ${copiedName}:\n${source}`,
    !copied
  );
}

/**
 * The paper popover of the citation graph and the topic map: one card anchored next to the point the user
 * clicked (kept inside the view), with "Add to reading list" (the widget's `_cmd_list` kernel command),
 * "Open" (an http(s) link only) and a close button. Paper text goes in only through textContent (`h`).
 *
 * Each view passes its class prefix (`plg` for the graph, `plm` for the map): the card's parts are
 * `<prefix>-title`, `<prefix>-meta`, `<prefix>-actions` and `<prefix>-add`, styled by the view.
 */

import { Invoke } from '../widget/types';
import { h, link } from './dom';
import { STATUS_LABELS } from './paper';

/** What the popover shows of a paper. */
export interface IPopoverPaper {
  id: string;
  title: string;
  /** Lines under the title (authors, year · venue …); empty ones are left out. */
  lines: Array<string | HTMLElement>;
  url: string;
  /** Its status on the widget's reading list ('' when not listed). */
  status: string;
  /** The name of the widget's reading list. */
  list: string;
}

/** "In “default” · To read": the list by its name and the status as the panel words it. */
export function listedText(list: string, status: string): string {
  const label = (STATUS_LABELS as Record<string, string>)[status] ?? status;
  return `In “${list}” · ${label}`;
}

/** Fill `box` with the paper's title and lines (no actions: the hover tip). */
export function fillPaperBox(
  box: HTMLElement,
  prefix: string,
  paper: IPopoverPaper
): void {
  box.replaceChildren(
    h('div', `${prefix}-title`, paper.title),
    ...paper.lines
      .filter(line => line !== '')
      .map(line =>
        typeof line === 'string' ? h('div', `${prefix}-meta`, line) : line
      )
  );
  box.dataset.id = paper.id;
}

/** Place `box` next to the point (x, y) of `stage` (stage pixels), flipped to stay inside it. */
export function placeNear(
  box: HTMLElement,
  stage: HTMLElement,
  x: number,
  y: number,
  gap = 12
): void {
  const width = stage.clientWidth;
  const height = stage.clientHeight;
  const w = box.offsetWidth;
  const hgt = box.offsetHeight;
  const left = x + gap + w <= width ? x + gap : x - gap - w;
  const top = y + gap + hgt <= height ? y + gap : y - gap - hgt;
  box.style.left = `${Math.max(0, Math.min(left, width - w))}px`;
  box.style.top = `${Math.max(0, Math.min(top, height - hgt))}px`;
}

/** The popover's action row: "Add to reading list" (or its status), "Open" and "×". */
export function popoverActions(
  prefix: string,
  paper: IPopoverPaper,
  invoke: Invoke | undefined,
  signal: AbortSignal | undefined,
  close: () => void
): HTMLElement {
  const add = h(
    'button',
    `${prefix}-add`,
    paper.status ? listedText(paper.list, paper.status) : 'Add to reading list'
  );
  add.type = 'button';
  add.disabled = Boolean(paper.status) || !invoke;
  add.addEventListener('click', () => {
    if (invoke) {
      void addPaperToList(invoke, signal, paper, add);
    }
  });
  const shut = h('button', undefined, '×');
  shut.type = 'button';
  shut.title = 'Close';
  shut.setAttribute('aria-label', 'Close');
  shut.addEventListener('click', close);
  const actions = h('div', `${prefix}-actions`);
  actions.append(add, link('Open', paper.url), shut);
  return actions;
}

/** Ask the kernel to add the paper to the widget's reading list; the button says how it went. */
async function addPaperToList(
  invoke: Invoke,
  signal: AbortSignal | undefined,
  paper: IPopoverPaper,
  button: HTMLButtonElement
): Promise<void> {
  button.disabled = true;
  button.textContent = 'Adding…';
  try {
    const [answer] = await invoke('_cmd_list', { id: paper.id }, { signal });
    const a = answer as { ok: boolean; status?: string; error?: string };
    button.textContent = a.ok
      ? listedText(paper.list, a.status ?? '')
      : `Could not add: ${a.error ?? 'unknown error'}`;
    button.disabled = a.ok;
  } catch (err) {
    button.textContent = `Could not add: ${String(err)}`;
    button.disabled = false;
  }
}

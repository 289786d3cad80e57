/**
 * Keyboard use of the card list: arrows, Page Up/Down, Home/End move between cards, Enter
 * shows or hides the abstract, Space selects; arrow up from the first card goes to the box.
 */

import { VirtualList } from './vlist';

/** What the keys act on (the cards view). */
export interface IKeyTarget {
  readonly list: VirtualList;
  indexOf(id: string): number | undefined;
  idAt(entryIndex: number): string;
  isSelected(id: string): boolean;
  select(id: string, on: boolean): void;
  focusSearch(): void;
}

/** Handle a key pressed on a card; other keys and targets are left alone. */
export function onCardKey(view: IKeyTarget, ev: KeyboardEvent): void {
  const target = ev.target as HTMLElement;
  if (!target.classList?.contains('plc-card')) {
    return;
  }
  const position = Number(target.dataset.position ?? 0);
  const idx = view.indexOf(target.dataset.id ?? '');
  if (!move(view, ev.key, position) && !act(view, ev.key, idx)) {
    return;
  }
  ev.preventDefault();
  ev.stopPropagation(); // keep JupyterLab's notebook shortcuts out of the list
}

function move(view: IKeyTarget, key: string, position: number): boolean {
  const list = view.list;
  const targets: Record<string, number> = {
    ArrowDown: position + 1,
    ArrowUp: position - 1,
    PageDown: position + list.pageSize,
    PageUp: position - list.pageSize,
    Home: 0,
    End: list.visible.length - 1
  };
  if (!(key in targets)) {
    return false;
  }
  if (key === 'ArrowUp' && position === 0) {
    view.focusSearch();
  } else {
    list.focusPosition(targets[key]);
  }
  return true;
}

function act(view: IKeyTarget, key: string, idx: number | undefined): boolean {
  if (key !== 'Enter' && key !== ' ') {
    return false;
  }
  if (idx === undefined) {
    return true;
  }
  if (key === 'Enter') {
    view.list.toggleExpanded(idx);
    view.list.card(idx)?.focus({ preventScroll: true });
    return true;
  }
  const id = view.idAt(idx);
  view.select(id, !view.isSelected(id));
  const box = view.list
    .card(idx)
    ?.querySelector<HTMLInputElement>('input[type=checkbox]');
  if (box) {
    box.checked = view.isSelected(id);
  }
  return true;
}

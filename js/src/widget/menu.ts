/**
 * The "⋯" menu of a card: a button that opens a small `role=menu` list below (or above, near the
 * bottom of the list) with arrow-key navigation; Escape closes it and gives the focus back to the
 * button, a choice or a click elsewhere closes it too.
 */

import { h } from '../common/dom';
import { icon, IconName } from './icons';

export interface IMenuItem {
  label: string;
  icon: IconName;
  run(): void;
}

/** The "More actions" button of a card with its menu. */
export function moreMenu(items: IMenuItem[]): HTMLElement {
  const wrap = h('span', 'plc-menu-wrap');
  const btn = iconButton('ellipses', 'More actions', () => toggle());
  btn.setAttribute('aria-haspopup', 'menu');
  btn.setAttribute('aria-expanded', 'false');
  wrap.appendChild(btn);
  let menu: HTMLElement | null = null;

  const close = (refocus: boolean): void => {
    if (!menu) {
      return;
    }
    menu.remove();
    menu = null;
    btn.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', outside, true);
    wrap.closest('.plc-card')?.classList.remove('plc-menu-open');
    if (refocus) {
      btn.focus();
    }
  };
  const outside = (ev: Event): void => {
    if (!wrap.contains(ev.target as Node)) {
      close(false);
    }
  };
  const open = (): void => {
    menu = buildMenu(items, close);
    wrap.appendChild(menu);
    wrap.closest('.plc-card')?.classList.add('plc-menu-open');
    placeMenu(wrap, menu);
    btn.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', outside, true);
    menu.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  };
  const toggle = (): void => (menu ? close(true) : open());
  return wrap;
}

function buildMenu(
  items: IMenuItem[],
  close: (refocus: boolean) => void
): HTMLElement {
  const menu = h('div', 'plc-menu');
  menu.setAttribute('role', 'menu');
  const entries = items.map(item => {
    const entry = h('button', 'plc-menu-item');
    entry.type = 'button';
    entry.setAttribute('role', 'menuitem');
    entry.tabIndex = -1;
    entry.append(icon(item.icon), h('span', undefined, item.label));
    entry.addEventListener('click', ev => {
      ev.preventDefault();
      close(true);
      item.run();
    });
    return entry;
  });
  menu.append(...entries);
  menu.addEventListener('keydown', ev => {
    const k = entries.indexOf(document.activeElement as HTMLButtonElement);
    const n = entries.length;
    const to: Record<string, number> = {
      ArrowDown: (k + 1) % n,
      ArrowUp: (k - 1 + n) % n,
      Home: 0,
      End: n - 1
    };
    if (ev.key in to) {
      entries[to[ev.key]].focus();
    } else if (ev.key === 'Escape') {
      close(true);
    } else if (ev.key === 'Tab') {
      close(false);
      return;
    } else if (ev.key !== 'Enter' && ev.key !== ' ') {
      return;
    }
    if (ev.key !== 'Enter' && ev.key !== ' ') {
      ev.preventDefault();
    }
    ev.stopPropagation(); // keep the card's and JupyterLab's keys out of the menu
  });
  return menu;
}

/**
 * Open below the button; upwards when the menu would run past the bottom of the scrolling list; and when neither
 * side has room (a list of one short card), beside the button, moved up or down to lie within the list.
 */
function placeMenu(wrap: HTMLElement, menu: HTMLElement): void {
  const viewport = wrap.closest('.plc-viewport');
  if (!viewport) {
    return;
  }
  const room = viewport.getBoundingClientRect();
  const at = wrap.getBoundingClientRect();
  const height = menu.offsetHeight;
  if (at.bottom + height <= room.bottom) {
    return;
  }
  if (at.top - height >= room.top) {
    menu.classList.add('plc-menu-up');
    return;
  }
  menu.classList.add('plc-menu-side');
  const top = Math.max(room.top - at.top, room.bottom - at.top - height);
  menu.style.top = `${Math.min(top, 0)}px`;
}

/** A JupyterLab-looking icon-only button; its title is also its accessible name. */
export function iconButton(
  name: IconName,
  title: string,
  onClick: () => void,
  text?: string
): HTMLButtonElement {
  const btn = h('button', 'plc-icon-button jp-ToolbarButtonComponent');
  btn.type = 'button';
  btn.title = title;
  btn.setAttribute('aria-label', title);
  btn.appendChild(icon(name));
  if (text) {
    btn.appendChild(h('span', 'plc-button-text', text));
  }
  btn.addEventListener('click', ev => {
    ev.preventDefault();
    onClick();
  });
  return btn;
}

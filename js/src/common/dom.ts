/**
 * DOM helpers shared by the side panel and the cards widget. Paper text only ever goes into
 * the page through `textContent`; links are made only for http(s) URLs (see `safeUrl`).
 *
 * Nothing here imports JupyterLab: the cards widget bundles this file on its own.
 */

import { safeUrl } from './paper';

/** Create an element with a class and (optionally) text; text always goes through textContent. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string | null
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

export interface IButtonOptions {
  /** Class names of the button. */
  className?: string;
  /** Also give the title as the accessible name (for buttons whose text is a symbol). */
  labelled?: boolean;
}

/** A `type=button` button with a tooltip; a click does not submit an enclosing form. */
export function button(
  text: string,
  title: string,
  onClick: (ev: MouseEvent) => void,
  options: IButtonOptions = {}
): HTMLButtonElement {
  const node = h('button', options.className, text);
  node.type = 'button';
  node.title = title;
  if (options.labelled) {
    node.setAttribute('aria-label', title);
  }
  node.addEventListener('click', ev => {
    ev.preventDefault();
    onClick(ev);
  });
  return node;
}

/** A link opening in a new tab, or a plain span when `url` is not an http(s) URL. */
export function link(
  text: string,
  url: string | null | undefined,
  className?: string
): HTMLAnchorElement | HTMLSpanElement {
  const safe = safeUrl(url);
  if (!safe) {
    return h('span', className, text);
  }
  const a = h('a', className, text);
  a.href = safe;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

/** Copy text to the clipboard; false when neither the Clipboard API nor `execCommand` could. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the textarea way (clipboard permission denied, unfocused document)
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

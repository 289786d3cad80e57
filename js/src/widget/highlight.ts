/**
 * Matched terms highlighted in paper text: the text is split around the terms and rebuilt from
 * text nodes and `<mark>` elements (never markup strings), so paper text stays text.
 */

/** Terms worth marking: at least two characters, longest first, at most 24. */
export function markTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const term of terms) {
    const t = term.trim().toLowerCase();
    if (t.length >= 2) {
      seen.add(t);
    }
  }
  return Array.from(seen)
    .sort((a, b) => b.length - a.length)
    .slice(0, 24);
}

function pattern(terms: readonly string[]): RegExp | null {
  if (!terms.length) {
    return null;
  }
  const escaped = terms.map(t => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(${escaped.join('|')})`, 'gi');
}

/** Append `text` to `parent`, each occurrence of a term (case-insensitive) inside a `<mark>`. */
export function appendMarked(
  parent: HTMLElement,
  text: string,
  terms: readonly string[]
): void {
  const re = pattern(terms);
  if (!re) {
    parent.appendChild(document.createTextNode(text));
    return;
  }
  let last = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    if (start > last) {
      parent.appendChild(document.createTextNode(text.slice(last, start)));
    }
    const mark = document.createElement('mark');
    mark.className = 'plc-mark';
    mark.textContent = m[0];
    parent.appendChild(mark);
    last = start + m[0].length;
  }
  if (last < text.length) {
    parent.appendChild(document.createTextNode(text.slice(last)));
  }
}

/** Mark `terms` again in every marked text of a card built earlier (`data-marked` elements). */
export function remark(card: HTMLElement, terms: readonly string[]): void {
  card.querySelectorAll<HTMLElement>('[data-marked]').forEach(el => {
    const text = el.textContent ?? '';
    el.replaceChildren();
    appendMarked(el, text, terms);
  });
}

/** `appendMarked` on an element that `remark` can mark again later. */
export function marked(
  el: HTMLElement,
  text: string,
  terms: readonly string[]
): HTMLElement {
  el.dataset.marked = '';
  appendMarked(el, text, terms);
  return el;
}

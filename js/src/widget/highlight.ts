/**
 * Matched terms highlighted in paper text: the text is split around the terms and rebuilt from
 * text nodes and `<mark>` elements (never markup strings), so paper text stays text. Terms and text are
 * compared folded (common/fold.ts): "Hubotter" marks "Hübotter".
 */

import { fold, foldMapped } from '../common/fold';

/**
 * Words never marked: the kernel's stopwords (bm25s' English list and the search's QUERY_STOP, kept equal
 * by tests/test_highlight_stopwords.py): "that", "are", "do", "not" say nothing about a paper.
 */
export const STOPWORDS = new Set(
  `a about all also an and any approach are as at be been being between both but by can could did do does
doing done each for from get gets got had has have having he her here his how i if in into is it its just
made make makes making may me method might more most must my new no not of on only or other our out over
paper present propose proposed results shall she should show shows so some such than that the their them
then there these they thing things this those to too under up us use used using very via was way ways we
were what when where which who whom whose why will with would you your`.split(
    /\s+/
  )
);

/** The query's acronyms ("RL", "QA", "3D"): the only words under three letters worth marking. */
function acronyms(query: string): Set<string> {
  return new Set(
    (query.match(/[\p{L}\p{N}]+/gu) ?? [])
      .filter(w => w.length >= 2 && w === w.toUpperCase() && /\p{Lu}/u.test(w))
      .map(w => fold(w))
  );
}

/**
 * Terms worth marking, longest first, at most 24: no stopword, and at least three letters unless the
 * query (`query`, as typed) writes the term as an acronym.
 */
export function markTerms(terms: readonly string[], query = ''): string[] {
  const short = acronyms(query);
  const seen = new Set<string>();
  for (const term of terms) {
    const t = fold(term.trim());
    if (t && !STOPWORDS.has(t) && (t.length >= 3 || short.has(t))) {
      seen.add(t);
    }
  }
  return Array.from(seen)
    .sort((a, b) => b.length - a.length)
    .slice(0, 24);
}

/**
 * Whole words only (no Unicode letter or digit right before or after a match): a term also marks its
 * plural and its -ed / -ing forms ("model" marks "models", "models" marks "model"), never a piece of a
 * longer word ("do" is never marked in "Random").
 */
function pattern(terms: readonly string[]): RegExp | null {
  if (!terms.length) {
    return null;
  }
  const escaped = terms.map(t => {
    const base = t.length > 3 && /[^s]s$/.test(t) ? t.slice(0, -1) : t;
    return base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(?:s|es|ed|ing)?';
  });
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`,
    'giu'
  );
}

/** Append `text` to `parent`, each occurrence of a term (case and accents ignored) inside a `<mark>`. */
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
  const { folded, origin } = foldMapped(text);
  let last = 0;
  for (const m of folded.matchAll(re)) {
    const start = origin[m.index ?? 0];
    const end = origin[(m.index ?? 0) + m[0].length];
    if (start > last) {
      parent.appendChild(document.createTextNode(text.slice(last, start)));
    }
    const mark = document.createElement('mark');
    mark.className = 'plc-mark';
    mark.textContent = text.slice(start, end);
    parent.appendChild(mark);
    last = end;
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

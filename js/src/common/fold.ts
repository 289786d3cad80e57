/**
 * Text as the cards and the side panel compare it: accents dropped and case folded, so "Hubotter" finds and marks
 * "Hübotter".
 * The same rule as the kernel's lexical search (paperlab/text.py `fold`): compatibility decomposition (NFKD:
 * "ﬁ" -> "fi", "é" -> "e" + accent), combining marks dropped, lowercase, and the case folds lowercasing
 * misses ("ß" -> "ss", final "ς" -> "σ").
 */

const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7f]/; // eslint-disable-line no-control-regex
const CASE_FOLDS: Record<string, string> = { ß: 'ss', ς: 'σ' };
const MORE_FOLDS = /[ßς]/g;

/** `text` folded (see the module comment). */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) {
    return text.toLowerCase();
  }
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(MORE_FOLDS, c => CASE_FOLDS[c]);
}

/**
 * `text` folded, with where each folded character came from: `origin[j]` is the index in `text` of the
 * character whose folding gave the folded text's character `j`; `origin[folded.length]` is `text.length`.
 * A match found in the folded text is `text.slice(origin[start], origin[end])`.
 */
export function foldMapped(text: string): { folded: string; origin: number[] } {
  if (!NON_ASCII.test(text)) {
    const origin = Array.from({ length: text.length + 1 }, (_, i) => i);
    return { folded: text.toLowerCase(), origin };
  }
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    // a combining mark typed after its letter folds to nothing: it stays inside the letter's match
    const f = fold(ch);
    for (let j = 0; j < f.length; j++) {
      origin.push(i);
    }
    folded += f;
    i += ch.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Whether the folded `word` occurs in the folded `hay` at a word's start (no letter or digit right before it):
 * "ho" holds in "Ho et al." and "hopfield", not in "show" or "methods"; "transf" finds "transformers" as one
 * types. The kernel's `Library.filter(text=...)` uses the same rule (paperlab/library.py `_starts_a_word`).
 */
export function startsAWord(hay: string, word: string): boolean {
  if (!word || !WORD_CHAR.test(word[0])) {
    return hay.includes(word);
  }
  let at = hay.indexOf(word);
  while (at >= 0) {
    if (at === 0 || !WORD_CHAR.test(hay[at - 1])) {
      return true;
    }
    at = hay.indexOf(word, at + 1);
  }
  return false;
}

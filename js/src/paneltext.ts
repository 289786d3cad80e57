/**
 * The side panel's words, without a DOM: the first sentence of an error for a notification, the empty
 * list's line of Python, a row's first author. Pure functions, tested in Node (tests/test_panel_text_js.py).
 */

/** Characters of a message JupyterLab's notifications show before cutting it. */
export const TOAST_LIMIT = 140;

/** The first sentence of `message` (ending in ". "), cut at a word to fit `limit` characters. */
export function summary(message: string, limit = TOAST_LIMIT): string {
  const end = message.indexOf('. ');
  let first = end > 0 ? message.slice(0, end + 1) : message;
  if (first.length > limit) {
    const cut = first.slice(0, limit - 1);
    const space = cut.lastIndexOf(' ');
    first = `${space > limit / 2 ? cut.slice(0, space) : cut}…`;
  }
  return first;
}

/** The empty list's hint: a line of Python that adds to *this* list. */
export function emptyHint(listName: string): string {
  // a JSON string is a valid Python string literal
  const target = listName === 'default' ? '' : JSON.stringify(listName);
  return `paperlab.reading_list(${target}).add("2503.14895")`;
}

/** The first author's family name ("Vaswani" for "Ashish Vaswani" or "Vaswani, Ashish"), else `fallback`. */
export function familyName(
  authors: string[] | null | undefined,
  fallback = ''
): string {
  const first = authors?.[0]?.trim();
  if (!first) {
    return fallback;
  }
  return first.includes(',')
    ? first.split(',')[0].trim()
    : (first.split(/\s+/).pop() ?? first);
}

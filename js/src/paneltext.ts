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

/**
 * The empty list's hint: a line of Python that adds `example` (a paper of the user's own library) to *this* list;
 * null without an example (a made-up id would be a paper the user never saw, or none at all).
 */
export function emptyHint(
  listName: string,
  example: string | null = null
): string | null {
  if (!example) {
    return null;
  }
  // a JSON string is a valid Python string literal
  const target = listName === 'default' ? '' : JSON.stringify(listName);
  return `paperlab.reading_list(${target}).add(${JSON.stringify(example)})`;
}

/**
 * The family name a source wrote for the shown `name` (`extra.names_as_written`: "García Márquez" of "García Márquez,
 * Gabriel"; else the first name object a CSL import kept), spelt as the shown name spells it; null when none.
 */
function writtenFamily(
  name: string,
  extra: { [key: string]: unknown } | null | undefined
): string | null {
  let family: unknown = undefined;
  const kept = extra?.names_as_written;
  if (kept && typeof kept === 'object' && !Array.isArray(kept)) {
    const parts = (kept as { [key: string]: unknown })[name];
    family = Array.isArray(parts) ? parts[0] : undefined;
  }
  const csl = extra?.csl as { author?: unknown } | undefined;
  if (family === undefined && csl && Array.isArray(csl.author)) {
    const first: unknown = csl.author[0];
    family =
      first && typeof first === 'object'
        ? (first as { family?: unknown }).family
        : undefined;
  }
  if (typeof family !== 'string' || !family.trim()) {
    return null;
  }
  const wanted = family.trim().split(/\s+/).join(' ');
  const at = name.toLowerCase().lastIndexOf(wanted.toLowerCase());
  return at >= 0 ? name.slice(at, at + wanted.length) : null;
}

/**
 * The first author's family name ("Vaswani" for "Ashish Vaswani" or "Vaswani, Ashish"; with the paper's `extra`, the
 * family name its source wrote: "García Márquez" for "Gabriel García Márquez"), else `fallback`.
 */
export function familyName(
  authors: string[] | null | undefined,
  fallback = '',
  extra?: { [key: string]: unknown } | null
): string {
  const first = authors?.[0]?.trim();
  if (!first) {
    return fallback;
  }
  if (first.includes(',')) {
    return first.split(',')[0].trim();
  }
  return writtenFamily(first, extra) ?? first.split(/\s+/).pop() ?? first;
}

/** The service a feed failure is about ("arXiv listing: can't reach …" → "arXiv"). */
function feedSource(message: string): string {
  const head = message.split(':')[0].trim();
  if (/arxiv/i.test(head)) {
    return 'arXiv';
  }
  if (/hugging\s*face/i.test(head)) {
    return 'Hugging Face';
  }
  return head || 'a source';
}

/**
 * One line for the feed's failures (the whole messages go behind "Details"): "Offline — arXiv and Hugging
 * Face unreachable; showing nothing new" when every failure is a connection that could not be made, else
 * "arXiv failed; showing 3 papers". `fromLibrary`: the papers shown are the user's own, ranked instead
 * ("…; showing 8 papers from your library"). Empty when nothing failed.
 */
/**
 * The problem line's brief form, for a squeezed "For you" (its picks one line each): what happened and where the
 * picks come from in a few words ("Offline · your library"); the whole line is its tooltip and "Details".
 */
export function feedProblemBrief(
  failed: string[],
  shown: number,
  fromLibrary = false
): string {
  const line = feedProblem(failed, shown, fromLibrary);
  if (!line) {
    return '';
  }
  const head = line.startsWith('Offline') ? 'Offline' : 'Failed';
  return !shown
    ? `${head} · nothing new`
    : `${head} · ${fromLibrary ? 'your library' : 'the rest'}`;
}

export function feedProblem(
  failed: string[],
  shown: number,
  fromLibrary = false
): string {
  if (!failed.length) {
    return '';
  }
  const names = [...new Set(failed.map(feedSource))];
  const list =
    names.length === 1
      ? names[0]
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const offline = failed.every(m =>
    /unreachable|can't reach|could not be resolved|offline|connection (failed|refused)/i.test(
      m
    )
  );
  const papers = `${shown} paper${shown === 1 ? '' : 's'}`;
  const rest = !shown
    ? fromLibrary
      ? 'every paper in your library is on your reading lists already'
      : 'showing nothing new'
    : fromLibrary
      ? `showing ${papers} from your library`
      : `showing ${papers} from the others`;
  return offline
    ? `Offline — ${list} unreachable; ${rest}`
    : `${list} failed; ${rest}`;
}
